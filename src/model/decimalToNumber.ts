import type { Decimal } from "./Decimal.js";
import {
  coefficientOf,
  type DecimalFields,
  fieldsOf,
  lastDigitExponent,
  shortCoefficient,
} from "./decimalFields.js";
import { POWERS_OF_TEN } from "./exactDecimal.js";
import { scaledIntegerToNumber } from "./ratioToNumber.js";

/** 10^22 is the largest power of ten that a double holds exactly. */
const MAX_EXACT_POWER = 22;
/**
 * Decimal exponents of the leading digit that the big-integer path takes: well inside the doubles'
 * normal range (10^±308), where `scaledIntegerToNumber` rounds exactly.
 */
const MAX_LONG_EXPONENT = 290;
/** Words (7 digits each) of the longest coefficient that the big-integer path takes. */
const MAX_LONG_WORDS = 15;

/**
 * `x.toNumber()`, to the last bit, without decimal.js's round trip through text (~1.3 µs).
 *
 * A decimal held in at most two of decimal.js's 7-digit words (words sit on the decimal point, so
 * that is at most 14 significant digits, and fewer when the point falls inside a word) is
 * `c × 10^k` with an integer `c < 10^14 < 2^53`, exact as a double. When `|k| ≤ 22`, `10^|k|` is exact too, and one
 * multiplication or division of two exact doubles is rounded once, to nearest, ties to even:
 * the double nearest the decimal, which is what `Number(text)` gives (Clinger's fast path, as in
 * every `strtod`). A longer coefficient, or a larger exponent, is read as a big integer and
 * divided exactly by its power of ten, rounded once (`scaledIntegerToNumber`). Only NaN,
 * ±Infinity and values beyond 10^±290 go through `x.toNumber()`.
 *
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * decimalToNumber(new Decimal("0.1")); // 0.1
 * decimalToNumber(new Decimal("-0")); // -0
 * ```
 */
export function decimalToNumber(x: Decimal): number {
  const fields = fieldsOf(x);
  const { s, e, d } = fields;
  if (d === null || d.length === 0) return x.toNumber();
  if (d[0] === 0) return s < 0 ? -0 : 0;
  const exponent = lastDigitExponent(e, d);
  const magnitude =
    d.length <= 2 && exponent <= MAX_EXACT_POWER && exponent >= -MAX_EXACT_POWER
      ? shortMagnitude(shortCoefficient(d), exponent)
      : longMagnitude(fields);
  if (magnitude === null) return x.toNumber();
  return s < 0 ? -magnitude : magnitude;
}

/** `c × 10^k` for an integer `c < 2^53` and `|k| ≤ 22`: one correctly rounded operation. */
function shortMagnitude(coefficient: number, exponent: number): number {
  return exponent >= 0
    ? coefficient * (POWERS_OF_TEN[exponent] as number)
    : coefficient / (POWERS_OF_TEN[-exponent] as number);
}

/**
 * The double nearest a longer decimal's magnitude, from its coefficient as a big integer
 * (`scaledIntegerToNumber`); `null` near overflow or the subnormal range, left to decimal.js.
 */
function longMagnitude(fields: DecimalFields): number | null {
  // The value lies in [10^(e), 10^(e + 1)): far from both ends of the doubles' normal range.
  if (fields.e > MAX_LONG_EXPONENT || fields.e < -MAX_LONG_EXPONENT) return null;
  // Big-integer work grows with the digits: a coefficient far longer than invkpi's own 40-digit
  // values (a user's Decimal of thousands of digits) is cheaper through text.
  if ((fields.d as readonly number[]).length > MAX_LONG_WORDS) return null;
  const { coefficient, exponent, digits } = coefficientOf(fields);
  return scaledIntegerToNumber(coefficient, exponent, digits);
}
