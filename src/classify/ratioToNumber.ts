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
 * @param numerator - ≥ 0.
 * @param denominator - > 0.
 * @param denominatorBits - `bitLength(denominator)`, when the caller divides by it many times.
 */
export function ratioToNumber(
  numerator: bigint,
  denominator: bigint,
  denominatorBits = bitLength(denominator),
): number {
  if (numerator === 0n) return 0;
  // With numerator ≤ denominator, this shift gives a quotient of 2^55 .. 2^shift: enough bits, and
  // no overflow in Number() as long as the shift stays small. Otherwise fit it to the numerator.
  let shift = denominatorBits + QUOTIENT_BITS;
  if (shift > 1000 || numerator > denominator) {
    shift = Math.max(0, denominatorBits - bitLength(numerator) + QUOTIENT_BITS + 1);
  }
  const shifted = numerator << BigInt(shift);
  let quotient = shifted / denominator;
  if (quotient * denominator !== shifted) quotient |= 1n;
  return scaleByPowerOfTwo(Number(quotient), -shift);
}

/** Number of bits of a non-negative big integer (0 for 0). */
export function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/** `value × 2^exponent`, in steps whose factors never underflow. */
function scaleByPowerOfTwo(value: number, exponent: number): number {
  let result = value;
  let remaining = exponent;
  while (remaining < -1000) {
    result *= 2 ** -1000;
    remaining += 1000;
  }
  return result * 2 ** remaining;
}
