import { Decimal } from "./Decimal.js";
import { toDecimalScaled } from "./toDecimalScaled.js";

const ZERO_CODE = 48;
const DOT_CODE = 46;
const MINUS_CODE = 45;
/** Digits a double holds exactly as an integer (below 2^53). */
const SHORT_DIGITS = 15;

/**
 * Plain decimal text (`"186553.363"`, `"-0.5"`, `"7"`: an optional minus, digits, an optional
 * point followed by digits; no plus, exponent or spaces) as a `Decimal`, or `null` for any other
 * text. The result equals `new Decimal(text)` field by field (sign, exponent, digits), so it
 * prints, compares and computes the same.
 *
 * Why: `invkpi combine` reads some forty amounts per SKU record from text, four million for 100 k
 * SKUs, and decimal.js's constructor (~0.5 µs, a regular expression and a string walk) with its
 * garbage took a quarter of the run. Text of up to 15 digits is read as a scaled integer in one
 * loop and laid out directly (`toDecimalScaled`); longer text, and a negative zero, go to
 * decimal.js.
 *
 * @example
 * ```ts
 * decimalOfText("186553.363")?.toFixed(); // "186553.363"
 * decimalOfText("-0.50")?.toFixed(); // "-0.5"
 * decimalOfText("171025.7931780821917808219178082191780822")?.toFixed(); // "171025.7931780821917808219178082191780822"
 * decimalOfText("1e3"); // null: an exponent is not plain decimal text
 * decimalOfText("+7"); // null
 * ```
 */
export function decimalOfText(text: string): Decimal | null {
  const length = text.length;
  const negative = text.charCodeAt(0) === MINUS_CODE;
  let i = negative ? 1 : 0;
  let units = 0;
  let digits = 0;
  let decimals = -1; // -1 until the point
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT_CODE && decimals < 0 && digits > 0) {
      decimals = 0;
      continue;
    }
    const digit = code - ZERO_CODE;
    if (digit < 0 || digit > 9) return null;
    units = units * 10 + digit;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (decimals === 0 || digits === 0) return null; // "", "-", "5.": not plain decimal text
  // Text too long for a double to hold its units exactly, and a negative zero (the scaled path
  // has no sign for it), are decimal.js's to read.
  if (digits > SHORT_DIGITS || (negative && units === 0)) return new Decimal(text);
  return toDecimalScaled(negative ? -units : units, Math.max(decimals, 0));
}
