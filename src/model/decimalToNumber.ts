import type { Decimal } from "./Decimal.js";
import { fieldsOf, lastDigitExponent, shortCoefficient } from "./decimalFields.js";
import { POWERS_OF_TEN } from "./exactDecimal.js";

/** 10^22 is the largest power of ten that a double holds exactly. */
const MAX_EXACT_POWER = 22;

/**
 * `x.toNumber()`, to the last bit, without decimal.js's round trip through text (~1.3 µs).
 *
 * A decimal held in at most two of decimal.js's 7-digit words (words sit on the decimal point, so
 * that is at most 14 significant digits, and fewer when the point falls inside a word) is
 * `c × 10^k` with an integer `c < 10^14 < 2^53`, exact as a double. When `|k| ≤ 22`, `10^|k|` is exact too, and one
 * multiplication or division of two exact doubles is rounded once, to nearest, ties to even:
 * the double nearest the decimal, which is what `Number(text)` gives (Clinger's fast path, as in
 * every `strtod`). Anything else goes through `x.toNumber()`.
 *
 * @example
 * ```ts
 * decimalToNumber(new Decimal("0.1")); // 0.1
 * decimalToNumber(new Decimal("-0")); // -0
 * ```
 */
export function decimalToNumber(x: Decimal): number {
  const { s, e, d } = fieldsOf(x);
  if (d === null || d.length === 0 || d.length > 2) return x.toNumber();
  const first = d[0] as number;
  if (first === 0) return s < 0 ? -0 : 0;
  const coefficient = shortCoefficient(d);
  const exponent = lastDigitExponent(e, d);
  if (exponent > MAX_EXACT_POWER || exponent < -MAX_EXACT_POWER) return x.toNumber();
  const magnitude =
    exponent >= 0
      ? coefficient * (POWERS_OF_TEN[exponent] as number)
      : coefficient / (POWERS_OF_TEN[-exponent] as number);
  return s < 0 ? -magnitude : magnitude;
}
