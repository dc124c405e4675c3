import { EXACT_DIGITS, MAX_QUANTITY_DECIMALS } from "../model/exactDecimal.js";

/** A decimal as `digits × 10^exponent`, `digits` without leading or trailing zeros (`""` for 0). */
interface DecimalForm {
  readonly digits: string;
  readonly exponent: number;
}

const NUMBER_TEXT = /^[ \t]*[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?[ \t]*$/;

/**
 * Why a quantity written as `text` (a CSV cell that is a plain decimal number, or a JSON number
 * literal) is not the number a reader would take from it, or `null` when it is. The rule is on the
 * text, so that no digit is lost unseen in the double:
 *
 * - at most {@link MAX_QUANTITY_DECIMALS} decimal places (trailing zeros do not count: `1.50` has
 *   one);
 * - at most {@link EXACT_DIGITS} significant digits, or more only when the text is exactly the
 *   shortest form of the double read from it (`12345678901234.125` is; `99999999999999.99`
 *   and `12345678.123456789` are not: a double cannot hold them).
 *
 * Text that is not a decimal number, and a number that is not finite or not below `MAX_QUANTITY`
 * once read, are left to the row check (`null`).
 *
 * @example
 * ```ts
 * quantityTextProblem("12.5"); // null
 * quantityTextProblem("0.0000000001"); // "quantity must have at most 9 decimal places (it has 10)"
 * quantityTextProblem("99999999999999.99")?.startsWith("quantity must have at most 15"); // true
 * ```
 */
export function quantityTextProblem(text: string): string | null {
  const form = decimalForm(text);
  if (form === null) return null;
  const decimals = Math.max(0, -form.exponent);
  if (decimals > MAX_QUANTITY_DECIMALS) {
    return `quantity must have at most ${MAX_QUANTITY_DECIMALS} decimal places (it has ${decimals})`;
  }
  if (form.digits.length <= EXACT_DIGITS) return null;
  const value = Number(text.trim());
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return null; // the row check's range
  return digitsProblem(form, value, "quantity");
}

/**
 * The digits rule of {@link quantityTextProblem} alone, for a number `field` whose decimal places
 * are not limited (a SKU master's `leadTimeDays`, `serviceLevel`, `onOrder`, ...): why `text`, a
 * plain decimal number, is not the number a reader would take from it, or `null` when it is.
 *
 * @example
 * ```ts
 * numberTextProblem("0.95", "serviceLevel"); // null
 * numberTextProblem("12345678901234567890", "onOrder")?.startsWith("onOrder must have at most 15"); // true
 * ```
 */
export function numberTextProblem(text: string, field: string): string | null {
  const form = decimalForm(text);
  if (form === null || form.digits.length <= EXACT_DIGITS) return null;
  const value = Number(text.trim());
  return Number.isFinite(value) ? digitsProblem(form, value, field) : null;
}

/** Why `form`, read as `value`, lost digits in the double; `null` when the double shows it exactly. */
function digitsProblem(form: DecimalForm, value: number, field: string): string | null {
  const read = decimalForm(String(Math.abs(value)));
  if (read !== null && read.digits === form.digits && read.exponent === form.exponent) return null;
  return `${field} must have at most ${EXACT_DIGITS} significant digits, or more only where a number holds the decimal exactly (it has ${form.digits.length}, and would be read as ${String(value)})`;
}

/** The digits and power of ten of a decimal text, or `null` when it is not one. */
function decimalForm(text: string): DecimalForm | null {
  const match = NUMBER_TEXT.exec(text);
  if (match === null) return null;
  const [, whole = "", fraction = "", exponentText = "0"] = match;
  if (whole === "" && fraction === "") return null;
  const all = whole + fraction;
  let last = all.length;
  while (last > 0 && all.charCodeAt(last - 1) === 48) last--;
  let first = 0;
  while (first < last && all.charCodeAt(first) === 48) first++;
  const digits = all.slice(first, last);
  // The power of ten of the last digit kept.
  const exponent = Number(exponentText) - fraction.length + (all.length - last);
  return { digits, exponent: digits === "" ? 0 : exponent };
}
