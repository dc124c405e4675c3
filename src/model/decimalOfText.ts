import { Decimal } from "./Decimal.js";
import { parseDecimalText } from "./exactDecimal.js";
import { toDecimalScaled } from "./toDecimalScaled.js";

const MINUS_CODE = 45;
/** Plain decimal text: an optional minus, digits, and digits after a point. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Plain decimal text (`"186553.363"`, `"-0.5"`, `"7"`: an optional minus, digits, an optional
 * point followed by digits; no plus, exponent or spaces) as a `Decimal`, or `null` for any other
 * text. The result equals `new Decimal(text)` field by field (sign, exponent, digits), so it
 * prints, compares and computes the same.
 *
 * Why: `invkpi combine` reads some forty amounts per SKU record from text, four million for 100 k
 * SKUs, and decimal.js's constructor (~0.5 µs, a regular expression and a string walk) with its
 * garbage took a quarter of the run. Text of up to 15 digits is read as a scaled integer
 * (`parseDecimalText`) and laid out directly (`toDecimalScaled`); longer text, and a negative
 * zero, go to decimal.js.
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
  if (!PLAIN_DECIMAL.test(text)) return null;
  // Text of up to 15 digits and 12 decimals has exact scaled units (parseDecimalText's digit
  // loop); a negative zero has no sign there, and longer text no exact double: decimal.js reads those.
  const scaled = parseDecimalText(text);
  if (scaled === null || (scaled.units === 0 && text.charCodeAt(0) === MINUS_CODE)) {
    return new Decimal(text);
  }
  return toDecimalScaled(scaled.units, scaled.decimals);
}
