import { fc, test } from "@fast-check/vitest";
import { Decimal as DecimalJs } from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  bitLength,
  integerBitsAtLeast,
  powerOfTenBitsAtMost,
  ratioToNumber,
  scaledIntegerToNumber,
} from "../../src/model/ratioToNumber.js";

// The reference: decimal.js at 400 digits, whose quotient read as a number is rounded once.
const Exact = DecimalJs.clone({ precision: 400 });

describe("ratioToNumber", () => {
  const big = fc.bigInt({ min: 1n, max: 2n ** 300n });
  test.prop([big, big])("is the exact ratio rounded once to the nearest double", (a, b) => {
    const [numerator, denominator] = a <= b ? [a, b] : [b, a];
    const reference = new Exact(numerator.toString()).div(denominator.toString()).toNumber();
    expect(ratioToNumber(numerator, denominator)).toBe(reference);
  });

  test.prop([fc.bigInt({ min: 1n, max: 2n ** 60n }), fc.bigInt({ min: 1n, max: 2n ** 60n })])(
    "also when the numerator is the larger",
    (numerator, denominator) => {
      const reference = new Exact(numerator.toString()).div(denominator.toString()).toNumber();
      expect(ratioToNumber(numerator, denominator)).toBe(reference);
    },
  );

  test.prop([fc.integer({ min: 1, max: 2 ** 40 })])("is exactly 1 for equal integers", (n) => {
    expect(ratioToNumber(BigInt(n) * 10n ** 30n, BigInt(n) * 10n ** 30n)).toBe(1);
  });
});

describe("the bit bounds", () => {
  it("bound 10^n's bits from above and a d-digit integer's from below, n and d up to 2,000", () => {
    for (let n = 0; n <= 2000; n++) {
      expect(powerOfTenBitsAtMost(n)).toBeGreaterThanOrEqual(bitLength(10n ** BigInt(n)));
      // The smallest integer of n + 1 digits is 10^n.
      expect(integerBitsAtLeast(n + 1)).toBeLessThanOrEqual(bitLength(10n ** BigInt(n)));
    }
  });
});

describe("scaledIntegerToNumber", () => {
  it("worked examples: 3 × 10^-1 is 0.3, 25 × 10^3 is 25000, 2^53 + 1 rounds to even", () => {
    expect(scaledIntegerToNumber(3n, -1, 1)).toBe(0.3);
    expect(scaledIntegerToNumber(25n, 3, 2)).toBe(25_000);
    expect(scaledIntegerToNumber(9007199254740993n, 0, 16)).toBe(2 ** 53);
    // 1 / 3 to 40 digits, as a report's quotients come.
    expect(scaledIntegerToNumber(3333333333333333333333333333333333333333n, -40, 40)).toBe(1 / 3);
  });

  test.prop([fc.bigInt({ min: 1n, max: 10n ** 45n }), fc.integer({ min: -280, max: 250 })])(
    "is the decimal integer × 10^exponent rounded once to the nearest double",
    (integer, exponent) => {
      const reference = new Exact(`${integer}e${exponent}`).toNumber();
      expect(scaledIntegerToNumber(integer, exponent, integer.toString().length)).toBe(reference);
    },
  );
});
