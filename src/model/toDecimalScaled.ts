import { Decimal } from "./Decimal.js";

/** An exact integer amount: a safe-integer number, or a bigint. */
type IntegerAmount = number | bigint;

/**
 * The Decimal value of `units / 10^decimals`, exactly, for an integer `units` (a safe-integer
 * number or a bigint).
 *
 * A history holds about forty amounts per SKU, and `new Decimal(text)` costs 1–2 µs (validation,
 * parsing, re-rounding), which for 100 k SKUs is seconds. Our amounts are already exact integers
 * with a known scale, so this builds the instance directly: sign, exponent and base-10^7 words laid
 * out exactly as decimal.js's own parseDecimal lays them out (ported line by line below). A property
 * test checks the result against `new Decimal(text)` field by field, so a decimal.js upgrade that
 * changed the layout would fail the build, not the numbers.
 *
 * @example
 * ```ts
 * import { toDecimalScaled } from "invkpi";
 * toDecimalScaled(12345, 2).toFixed(); // "123.45"
 * ```
 */
export function toDecimalScaled(units: IntegerAmount, decimals: number): Decimal {
  if (units === 0 || units === 0n) return ZERO;
  if (typeof units === "bigint") return decimalFromText(units.toString(), decimals);
  let magnitude = Math.abs(units);
  let scale = decimals;
  while (magnitude % 10 === 0) {
    magnitude /= 10;
    scale--;
  }
  const digits = String(magnitude);
  const x = Object.create(DECIMAL_PROTOTYPE) as DecimalFields;
  // Like decimal.js's constructor, an own `constructor`: it carries the clone's precision and rounding.
  x.constructor = Decimal;
  x.s = units < 0 ? -1 : 1;
  x.e = digits.length - 1 - scale;
  x.d = words(digits, x.e);
  return x as unknown as Decimal;
}

interface DecimalFields {
  constructor: unknown;
  s: number;
  e: number;
  d: number[];
}

const DECIMAL_PROTOTYPE: object = Object.getPrototypeOf(new Decimal(1));
const LOG_BASE = 7;

/** decimal.js's split of significant digits (no leading or trailing zeros) into base-1e7 words. */
function words(significant: string, e: number): number[] {
  const d: number[] = [];
  let str = significant;
  let len = str.length;
  let i = (e + 1) % LOG_BASE;
  if (e < 0) i += LOG_BASE;
  if (i < len) {
    if (i) d.push(+str.slice(0, i));
    for (len -= LOG_BASE; i < len; i += LOG_BASE) d.push(+str.slice(i, i + LOG_BASE));
    str = str.slice(i);
    i = LOG_BASE - str.length;
  } else {
    i -= len;
  }
  d.push(+str * 10 ** i);
  return d;
}

function decimalFromText(digitsOfUnits: string, decimals: number): Decimal {
  const negative = digitsOfUnits.startsWith("-");
  let digits = negative ? digitsOfUnits.slice(1) : digitsOfUnits;
  if (decimals > 0) {
    if (digits.length <= decimals) digits = "0".repeat(decimals - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
  }
  return new Decimal(negative ? `-${digits}` : digits);
}

const ZERO = new Decimal(0);
