import type { Decimal } from "./Decimal.js";
import { coefficientOf, digitCount, fieldsOf, WORD_BASE, WORD_DIGITS } from "./decimalFields.js";
import { decimalOfNumber } from "./decimalOfNumber.js";
import { decimalToNumber } from "./decimalToNumber.js";
import {
  bigPow10,
  EXACT_INTEGER_LIMIT,
  POWERS_OF_TEN,
  SCALED_UNITS_LIMIT,
  shortestScale,
} from "./exactDecimal.js";
import { toDecimalScaled } from "./toDecimalScaled.js";

/** Decimal places the fast path follows; an addend with more moves the sum to big integers. */
const MAX_SCALE = 15;
/** Significant digits of invkpi's `Decimal`: a sum below 10^40 units is exact in `Decimal.plus`. */
const BIG_LIMIT = 10n ** 40n;
/** Decimal places the big-integer path follows (an addend beyond them is rare: `Decimal`s then). */
const MAX_BIG_SCALE = 60;
// The fast path's bounds (class comment) are exactDecimal's SCALED_UNITS_LIMIT, 2^51 per addend
// (below it, a scaled double pins down a single decimal: `fitsAtScale`), and EXACT_INTEGER_LIMIT,
// 2^53 per sum (below it, every integer is exact in a double).

/**
 * An exact running sum of decimals: numbers (meaning their shortest decimal form, `0.1` is one
 * tenth, as everywhere in invkpi) and `Decimal`s. The same decimal, to the last digit, as adding
 * them one by one with `Decimal.plus`, at a fraction of the cost.
 *
 * Why: a report adds a dozen amounts per SKU into every total and group, and `Decimal.plus` costs
 * about a microsecond and an allocation. Here the sum is kept as an integer count of 10^-scale
 * units in a double while it can be exact: every addend an integer count below 2^51 units at
 * 15 decimals or fewer (a `Decimal` also of at most 15 significant digits), and every partial sum
 * below 2^53 units. An addend or a sum outside those bounds
 * moves the sum, exactly as it stands, to `Decimal` arithmetic for good; so does anything not
 * finite. Within the bounds no addend or sum exceeds 16 significant digits, where `Decimal.plus`
 * (40 digits) is exact too, which is why both give the same decimal.
 *
 * Longer addends (a 17-digit quotient such as an average quantity, a 40-digit average value) move
 * the sum to a big integer count of 10^-scale units instead, while every partial sum stays below
 * 10^40 units and so within `Decimal.plus`'s 40 significant digits, where it is exact as well; the
 * first sum that would not moves the sum, exactly as it stands, to `Decimal` arithmetic for good.
 *
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * const sum = new ExactSum();
 * sum.add(0.1);
 * sum.add(new Decimal("0.2"));
 * sum.value().toFixed(); // "0.3"
 * sum.toNumber(); // 0.3
 * ```
 */
export class ExactSum {
  /** The sum while it is exact in a double: `units × 10^-scale`, |units| < 2^53. */
  private units = 0;
  private scale = 0;
  /** The sum once it has left the fast path, while it is exact below 10^40: `big × 10^-bigScale`. */
  private big: bigint | null = null;
  private bigScale = 0;
  /** The sum once it has left both. */
  private decimal: Decimal | null = null;

  /** Adds a number or a `Decimal`. */
  add(amount: number | Decimal): void {
    if (typeof amount === "number") this.addNumber(amount);
    else this.addDecimal(amount);
  }

  /** Adds a number, meaning its shortest decimal form. */
  addNumber(amount: number): void {
    if (amount === 0) return;
    if (this.decimal === null) {
      const short = readNumber(amount, this.scale);
      if (short && this.big === null && this.addUnits()) return;
      if ((short ? readShortAsBig() : readLongNumber(amount)) && this.addBig()) return;
    }
    this.addSlowly(decimalOfNumber(amount));
  }

  /** Adds a `Decimal`. */
  addDecimal(amount: Decimal): void {
    if (amount.isZero()) return;
    if (this.decimal === null) {
      const short = readDecimal(amount);
      if (short && this.big === null && this.addUnits()) return;
      if ((short ? readShortAsBig() : readLongDecimal(amount)) && this.addBig()) return;
    }
    this.addSlowly(amount);
  }

  /** The sum, exact (a shared zero when nothing but zeros was added). */
  value(): Decimal {
    if (this.decimal !== null) return this.decimal;
    return this.big === null
      ? toDecimalScaled(this.units, this.scale)
      : toDecimalScaled(this.big, this.bigScale);
  }

  /** The sum as the nearest double (as `value().toNumber()`). */
  toNumber(): number {
    // One correctly rounded division of two exact integers: the double nearest the decimal.
    return this.decimal === null && this.big === null
      ? this.units / (POWERS_OF_TEN[this.scale] as number)
      : decimalToNumber(this.value());
  }

  /**
   * Adds the addend that `readNumber` or `readDecimal` left in `read`, at the larger of the two
   * scales; `false`, with nothing changed, when a result would not be exact.
   */
  private addUnits(): boolean {
    let units = this.units;
    let addend = read.units;
    // A product or sum of integers that is below 2^53 is exact in a double; one that is not,
    // rounds to 2^53 or more, so the checks below catch every inexact result.
    if (read.scale > this.scale) units *= POWERS_OF_TEN[read.scale - this.scale] as number;
    else addend *= POWERS_OF_TEN[this.scale - read.scale] as number;
    const sum = units + addend;
    if (
      !(
        Math.abs(units) < EXACT_INTEGER_LIMIT &&
        Math.abs(addend) < EXACT_INTEGER_LIMIT &&
        Math.abs(sum) < EXACT_INTEGER_LIMIT
      )
    )
      return false;
    this.units = sum;
    this.scale = Math.max(this.scale, read.scale);
    return true;
  }

  /**
   * Adds the addend that `readLongNumber` or `readLongDecimal` left in `readBig`, as big integers
   * at the larger of the two scales; `false`, with nothing changed, when the sum would reach 10^40
   * units (where `Decimal.plus` could round) or the scale would pass {@link MAX_BIG_SCALE}.
   */
  private addBig(): boolean {
    const scale = Math.max(this.big === null ? this.scale : this.bigScale, readBig.scale);
    if (scale > MAX_BIG_SCALE) return false;
    const sum = this.bigUnitsAt(scale) + readBig.units * bigPow10(scale - readBig.scale);
    if (sum >= BIG_LIMIT || -sum >= BIG_LIMIT) return false;
    this.big = sum;
    this.bigScale = scale;
    return true;
  }

  /** The sum so far as a big integer count of 10^-scale units (scale ≥ the sum's own). */
  private bigUnitsAt(scale: number): bigint {
    return this.big === null
      ? BigInt(this.units) * bigPow10(scale - this.scale)
      : this.big * bigPow10(scale - this.bigScale);
  }

  private addSlowly(amount: Decimal): void {
    this.decimal = this.value().plus(amount);
  }
}

/** The last addend read: `units × 10^-scale` (a module-level scratch, to allocate nothing). */
const read = { units: 0, scale: 0 };

/** The last long addend read: `units × 10^-scale`, scale ≥ 0. */
const readBig = { units: 0n, scale: 0 };

/** What `readNumber` or `readDecimal` left in `read`, into {@link readBig}. */
function readShortAsBig(): true {
  readBig.units = BigInt(read.units);
  readBig.scale = read.scale;
  return true;
}

/**
 * Reads a finite non-zero number by its shortest decimal form (`String`, as `new Decimal(number)`
 * reads it) into {@link readBig}; `false` when it is not finite or its scale is out of bounds.
 */
function readLongNumber(amount: number): boolean {
  if (!Number.isFinite(amount)) return false;
  const text = String(Math.abs(amount));
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const point = mantissa.indexOf(".");
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // units × 10^exponent, the exponent that of the last digit.
  const exponent =
    (e < 0 ? 0 : Number(text.slice(e + 1))) - (point < 0 ? 0 : mantissa.length - point - 1);
  return readScaled(BigInt(digits), exponent, amount < 0);
}

/** Reads a finite non-zero `Decimal` into {@link readBig}; `false` when its scale is out of bounds. */
function readLongDecimal(amount: Decimal): boolean {
  const fields = fieldsOf(amount);
  if (fields.d === null || fields.d.length === 0) return false;
  const { coefficient, exponent } = coefficientOf(fields);
  // The last word's trailing zeros (decimal.js pads it to 7 digits) would widen the scale.
  let zeros = 0;
  for (let word = fields.d[fields.d.length - 1] as number; word % 10 === 0 && zeros < 6; word /= 10)
    zeros++;
  return zeros === 0
    ? readScaled(coefficient, exponent, fields.s < 0)
    : readScaled(coefficient / bigPow10(zeros), exponent + zeros, fields.s < 0);
}

/** `coefficient × 10^exponent` into {@link readBig} at a scale ≥ 0; `false` beyond the bounds. */
function readScaled(coefficient: bigint, exponent: number, negative: boolean): boolean {
  if (-exponent > MAX_BIG_SCALE || exponent > MAX_BIG_SCALE) return false;
  const units = exponent > 0 ? coefficient * bigPow10(exponent) : coefficient;
  readBig.units = negative ? -units : units;
  readBig.scale = exponent > 0 ? 0 : -exponent;
  return true;
}

/**
 * Reads a non-zero number as `units × 10^-scale` with the smallest scale ≥ `from` at which it is
 * an integer below 2^51; `false` when there is none up to {@link MAX_SCALE} (or it is not finite).
 */
function readNumber(amount: number, from: number): boolean {
  const magnitude = Math.abs(amount);
  const scale = shortestScale(magnitude, from, MAX_SCALE);
  if (scale < 0) return false;
  const units = Math.round(magnitude * (POWERS_OF_TEN[scale] as number));
  read.units = amount < 0 ? -units : units;
  read.scale = scale;
  return true;
}

/**
 * Reads a non-zero finite `Decimal` of at most 15 significant digits as `units × 10^-scale`
 * (scale ≤ {@link MAX_SCALE}, units below 2^51); `false` otherwise.
 *
 * decimal.js aligns its words on the decimal point: the value is the words read as one base-10^7
 * integer W, times 10^(7 × (⌊e / 7⌋ − words + 1)).
 */
function readDecimal(amount: Decimal): boolean {
  const { s, e, d } = fieldsOf(amount);
  if (d === null || d.length === 0 || d.length > 3) return false;
  const first = d[0] as number;
  if (digitCount(first) + WORD_DIGITS * (d.length - 1) > 15) return false;
  let units = first;
  for (let i = 1; i < d.length; i++) units = units * WORD_BASE + (d[i] as number);
  let exponent = WORD_DIGITS * (Math.floor(e / WORD_DIGITS) - d.length + 1);
  // Trailing zeros of the last word make the scale larger than it needs to be.
  while (exponent < 0 && units % 10 === 0) {
    units /= 10;
    exponent++;
  }
  if (exponent > 0) {
    if (exponent > 15) return false;
    units *= POWERS_OF_TEN[exponent] as number;
    exponent = 0;
  }
  if (-exponent > MAX_SCALE || !(units < SCALED_UNITS_LIMIT)) return false;
  read.units = s < 0 ? -units : units;
  read.scale = -exponent;
  return true;
}
