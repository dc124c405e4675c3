import { Decimal } from "./Decimal.js";
import { POWERS_OF_TEN, shortestScale } from "./exactDecimal.js";
import { toDecimalScaled } from "./toDecimalScaled.js";

/** Decimal places searched for a short form; a number that needs more is parsed from its text. */
const MAX_SCALE = 15;

/**
 * The `Decimal` of a number, meaning its shortest decimal form (`0.1` is one tenth): the same
 * instance fields as `new Decimal(value)`, built without printing and parsing text when the number
 * is a short decimal.
 *
 * Why: `new Decimal(number)` prints the number (`String(value)`), validates and parses the text,
 * about a microsecond. The report turns a dozen quantities per SKU into decimals (turnover's exact
 * parts, excess stock, ABC measures), and most of them are whole units or a few decimals. When the
 * number is exactly `n × 10^-scale` with `n < 2^51` and `scale ≤ 15` (`shortestScale`, whose proof
 * says that this is the number's shortest decimal form), the instance is laid out directly from
 * `n` and `scale` (`toDecimalScaled`). Anything else (long quotients such as an average of 17
 * digits, zero, NaN, ±Infinity) takes `new Decimal(value)`, so the result is always the same.
 *
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * decimalOfNumber(12.5).toFixed(); // "12.5"
 * decimalOfNumber(0.1).equals(new Decimal("0.1")); // true
 * ```
 */
export function decimalOfNumber(value: number): Decimal {
  // Zero keeps decimal.js's sign (a negative zero stays one); not finite, its NaN or Infinity.
  if (value === 0 || !Number.isFinite(value)) return new Decimal(value);
  const magnitude = Math.abs(value);
  const scale = shortestScale(magnitude, 0, MAX_SCALE);
  if (scale < 0) return new Decimal(value);
  const units = Math.round(magnitude * (POWERS_OF_TEN[scale] as number));
  return toDecimalScaled(value < 0 ? -units : units, scale);
}
