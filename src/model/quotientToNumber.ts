import { Decimal } from "./Decimal.js";
import {
  coefficientOf,
  type DecimalCoefficient,
  type DecimalFields,
  fieldsOf,
  lastDigitExponent,
  shortCoefficient,
} from "./decimalFields.js";
import { bigPow10, POWERS_OF_TEN } from "./exactDecimal.js";
import { scaledIntegerToNumber } from "./ratioToNumber.js";

// A decimal.js division at 40 digits costs ~7 µs and its `toNumber()` (text and back) ~1.3 µs; a
// report divides a dozen times per SKU. This file gives the same double from big-integer
// arithmetic in about a tenth of the time, by doing exactly what decimal.js does: round the exact
// quotient once to 40 significant digits, half to even (invkpi's `Decimal` settings), then read that
// decimal as the nearest double (ties to even), as `Number(text)` does.

/** Significant digits of invkpi's `Decimal` (`precision`: 40). */
const PRECISION = Decimal.precision;
/** Beyond these decimal exponents the binary scaling below could leave the normal range. */
const MAX_EXPONENT = 280;

/**
 * `numerator.dividedBy(denominator).toNumber()`, to the last bit, for a numerator of invkpi's own
 * `Decimal` (40 significant digits, half-even): the exact quotient is rounded once to 40 significant
 * digits, half to even, and that decimal once to the nearest double, ties to even. Anything else
 * (another decimal.js clone, a zero divisor, infinities, NaN, extreme exponents) goes through
 * decimal.js itself.
 *
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * quotientToNumber(new Decimal(1), new Decimal(3)); // 0.3333333333333333
 * ```
 */
export function quotientToNumber(numerator: Decimal, denominator: Decimal): number {
  const n = fieldsOf(numerator);
  const d = fieldsOf(denominator);
  if (numerator.constructor !== Decimal || n.d === null || d.d === null || d.d[0] === 0) {
    return numerator.dividedBy(denominator).toNumber();
  }
  // 0 / y keeps the sign of the division, as decimal.js does (-0 when the signs differ).
  if (n.d[0] === 0) return n.s * d.s < 0 ? -0 : 0;
  const small = smallQuotient(n, d);
  if (small !== null) return small;
  const a = scaledOf(n);
  const b = scaledOf(d);
  // Scale the numerator so that the integer quotient has 40 or 41 digits.
  const shift = PRECISION - a.digits + b.digits;
  const top = shift >= 0 ? a.coefficient * bigPow10(shift) : a.coefficient;
  const bottom = shift >= 0 ? b.coefficient : b.coefficient * bigPow10(-shift);
  let quotient = top / bottom;
  const remainder = top - quotient * bottom;
  let exponent = a.exponent - b.exponent - shift;
  if (quotient >= bigPow10(PRECISION)) {
    // 41 digits: drop the last one, which decides the rounding together with the remainder.
    const last = quotient % 10n;
    quotient /= 10n;
    exponent += 1;
    if (last > 5n || (last === 5n && (remainder > 0n || (quotient & 1n) === 1n))) quotient += 1n;
  } else {
    const twice = remainder * 2n;
    if (twice > bottom || (twice === bottom && (quotient & 1n) === 1n)) quotient += 1n;
  }
  if (exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT) {
    return numerator.dividedBy(denominator).toNumber();
  }
  // The quotient has 40 or 41 digits; |exponent| ≤ 280 keeps the result a normal double.
  const magnitude = scaledIntegerToNumber(quotient, exponent, PRECISION);
  return n.s * d.s < 0 ? -magnitude : magnitude;
}

/**
 * The quotient by one division of doubles when both values are integers below 2^53 at one decimal
 * scale (`a = A × 10^k`, `b = B × 10^k`), or `null`. Then the double nearest to A / B is the answer:
 * a quotient of such integers is never a half-way point between doubles (that would take 54
 * significant bits in A) and lies at least 2^-107 (relative) away from every one, while rounding to
 * 40 digits moves it by less than 10^-39: the 40-digit quotient rounds to the same double.
 */
function smallQuotient(n: DecimalFields, d: DecimalFields): number | null {
  const a = smallCoefficient(n);
  const b = smallCoefficient(d);
  if (a === null || b === null) return null;
  const shift = a.exponent - b.exponent;
  let top = a.coefficient;
  let bottom = b.coefficient;
  if (shift > 0) top *= POWERS_OF_TEN[shift] ?? Number.POSITIVE_INFINITY;
  else if (shift < 0) bottom *= POWERS_OF_TEN[-shift] ?? Number.POSITIVE_INFINITY;
  // Products of exact integers below 2^53 are exact; anything larger takes the general path.
  if (!(top <= Number.MAX_SAFE_INTEGER && bottom <= Number.MAX_SAFE_INTEGER)) return null;
  const quotient = top / bottom;
  return n.s * d.s < 0 ? -quotient : quotient;
}

/** The coefficient (below 10^14) and exponent of a value of at most two words, or `null`. */
function smallCoefficient(x: DecimalFields): { coefficient: number; exponent: number } | null {
  const words = x.d as readonly number[];
  if (words.length > 2) return null;
  return { coefficient: shortCoefficient(words), exponent: lastDigitExponent(x.e, words) };
}

/**
 * The coefficient and exponent of a finite, non-zero decimal.js value (sign dropped). The last two
 * long conversions are remembered: a SKU's average inventory is the divisor of three or four ratios
 * in a row. (Decimals are immutable, so the same object always has the same value.)
 */
function scaledOf(x: DecimalFields): DecimalCoefficient {
  // Short values convert in one step: only long ones (an average inventory) are worth remembering.
  if ((x.d as readonly number[]).length <= 2) return coefficientOf(x);
  if (x === lastInput) return lastScaled as DecimalCoefficient;
  if (x === previousInput) return previousScaled as DecimalCoefficient;
  const scaled = coefficientOf(x);
  previousInput = lastInput;
  previousScaled = lastScaled;
  lastInput = x;
  lastScaled = scaled;
  return scaled;
}

let lastInput: DecimalFields | null = null;
let lastScaled: DecimalCoefficient | null = null;
let previousInput: DecimalFields | null = null;
let previousScaled: DecimalCoefficient | null = null;
