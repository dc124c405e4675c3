import type { Decimal } from "./Decimal.js";
import { digitCount, fieldsOf, WORD_BASE, WORD_DIGITS } from "./decimalFields.js";
import { decimalOfNumber } from "./decimalOfNumber.js";
import { decimalToNumber } from "./decimalToNumber.js";
import {
  EXACT_INTEGER_LIMIT,
  POWERS_OF_TEN,
  SCALED_UNITS_LIMIT,
  shortestScale,
} from "./exactDecimal.js";
import { toDecimalScaled } from "./toDecimalScaled.js";

/** Decimal places the fast path follows; an addend with more moves the sum to `Decimal`s. */
const MAX_SCALE = 15;
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
 * @example
 * ```ts
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
  /** The sum once it has left the fast path. */
  private decimal: Decimal | null = null;

  /** Adds a number or a `Decimal`. */
  add(amount: number | Decimal): void {
    if (typeof amount === "number") this.addNumber(amount);
    else this.addDecimal(amount);
  }

  /** Adds a number, meaning its shortest decimal form. */
  addNumber(amount: number): void {
    if (amount === 0) return;
    if (this.decimal === null && readNumber(amount, this.scale) && this.addUnits()) return;
    this.addSlowly(decimalOfNumber(amount));
  }

  /** Adds a `Decimal`. */
  addDecimal(amount: Decimal): void {
    if (amount.isZero()) return;
    if (this.decimal === null && readDecimal(amount) && this.addUnits()) return;
    this.addSlowly(amount);
  }

  /** The sum, exact (a shared zero when nothing but zeros was added). */
  value(): Decimal {
    return this.decimal ?? toDecimalScaled(this.units, this.scale);
  }

  /** The sum as the nearest double (as `value().toNumber()`). */
  toNumber(): number {
    // One correctly rounded division of two exact integers: the double nearest the decimal.
    return this.decimal === null
      ? this.units / (POWERS_OF_TEN[this.scale] as number)
      : decimalToNumber(this.decimal);
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

  private addSlowly(amount: Decimal): void {
    this.decimal = this.value().plus(amount);
  }
}

/** The last addend read: `units × 10^-scale` (a module-level scratch, to allocate nothing). */
const read = { units: 0, scale: 0 };

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
