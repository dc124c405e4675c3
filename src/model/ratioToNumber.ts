import { bigPow10 } from "./exactDecimal.js";

/** Bits kept in the integer quotient: two more than a double's 53, so rounding can see past the half. */
const QUOTIENT_BITS = 55;

/**
 * The exact ratio `numerator / denominator` of two big integers, rounded once to the nearest double
 * (ties to even), as a correctly rounded division would give. Plain `Number(a) / Number(b)` rounds
 * three times once the integers pass 2^53.
 *
 * How: shift the numerator left so that the integer quotient has at least 55 significant bits, set
 * the lowest bit when the division left a remainder (a "sticky" bit: a value just above a half-way
 * point is then never mistaken for the half-way point), let `Number()` round that integer to
 * 53 bits (it rounds to nearest, ties to even), and scale back by a power of two, which is exact.
 * (Results below 2^-1022, subnormal doubles, may be off by one unit in the last place.)
 *
 * The bit counts may be bounds instead of exact lengths (a bound saves `bitLength`'s conversion
 * to text): an upper bound of the denominator's bits and a lower bound of the numerator's only
 * make the quotient longer than 55 bits, which does no harm.
 *
 * @param numerator - ≥ 0.
 * @param denominator - > 0.
 * @param denominatorBits - `bitLength(denominator)` or an upper bound, when the caller knows it.
 * @param numeratorBits - `bitLength(numerator)` or a lower bound, when the caller knows it.
 */
export function ratioToNumber(
  numerator: bigint,
  denominator: bigint,
  denominatorBits = bitLength(denominator),
  numeratorBits?: number,
): number {
  if (numerator === 0n) return 0;
  // With numerator ≤ denominator, this shift gives a quotient of 2^55 .. 2^shift: enough bits, and
  // no overflow in Number() as long as the shift stays small. Otherwise fit it to the numerator.
  let shift = denominatorBits + QUOTIENT_BITS;
  if (shift > 1000 || numerator > denominator) {
    const bits = numeratorBits ?? bitLength(numerator);
    shift = Math.max(0, denominatorBits - bits + QUOTIENT_BITS + 1);
  }
  const shifted = numerator << BigInt(shift);
  let quotient = shifted / denominator;
  if (quotient * denominator !== shifted) quotient |= 1n;
  return scaleDown(Number(quotient), shift);
}

/** Number of bits of a non-negative big integer (0 for 0). */
export function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/** `value × 2^-shift` (shift ≥ 0), in steps whose factors never underflow. */
function scaleDown(value: number, shift: number): number {
  let result = value;
  let remaining = shift;
  while (remaining > MAX_TABLE_SHIFT) {
    result *= HALVES[MAX_TABLE_SHIFT] as number;
    remaining -= MAX_TABLE_SHIFT;
  }
  // A table, not `2 ** -remaining`: V8 computes a variable power with its general `pow` routine.
  return result * (HALVES[remaining] as number);
}

/** 2^0, 2^-1, ..., 2^-1000: each exact (a power of two is), at index k for 2^-k. */
const MAX_TABLE_SHIFT = 1000;
const HALVES: Float64Array = (() => {
  const powers = new Float64Array(MAX_TABLE_SHIFT + 1);
  powers[0] = 1;
  for (let k = 1; k <= MAX_TABLE_SHIFT; k++) powers[k] = (powers[k - 1] as number) / 2;
  return powers;
})();

/**
 * Bounds of log2(10) = 3.32192809…, the bits per decimal digit, far enough from it that rounding
 * in the products below cannot cross it.
 */
const LOG2_10_UP = 3.322;
const LOG2_10_DOWN = 3.3219;

/** An upper bound of the bits of 10^n (n ≥ 0). */
export function powerOfTenBitsAtMost(n: number): number {
  return Math.ceil(n * LOG2_10_UP) + 1;
}

/** A lower bound of the bits of an integer of `digits` decimal digits (≥ 1): it is ≥ 10^(digits − 1). */
export function integerBitsAtLeast(digits: number): number {
  return Math.floor((digits - 1) * LOG2_10_DOWN) + 1;
}

/**
 * The double nearest `integer × 10^exponent` (ties to even), for a positive integer of `digits`
 * decimal digits (a lower bound will do): the integer itself when the exponent is not negative
 * (`Number(bigint)` rounds to nearest, ties to even), else its exact ratio to a power of ten.
 * Exact wherever the result is a normal double (callers keep far from 10^±308).
 */
export function scaledIntegerToNumber(integer: bigint, exponent: number, digits: number): number {
  if (exponent >= 0) return Number(integer * bigPow10(exponent));
  return ratioToNumber(
    integer,
    bigPow10(-exponent),
    powerOfTenBitsAtMost(-exponent),
    integerBitsAtLeast(digits),
  );
}
