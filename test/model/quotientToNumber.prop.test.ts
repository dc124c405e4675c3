import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { quotientToNumber } from "../../src/model/quotientToNumber.js";

// The reference is the straightforward formula the fast path replaces: divide at 40 digits, then
// read the quotient as a number. The two must agree to the last bit, sign of zero included.
function reference(numerator: Decimal, denominator: Decimal): number {
  return numerator.dividedBy(denominator).toNumber();
}

/** A decimal of 1 to 45 significant digits, any sign, exponent −30 .. 30. */
const decimalArb = fc
  .record({
    digits: fc.bigInt({ min: 0n, max: 10n ** 45n - 1n }),
    exponent: fc.integer({ min: -30, max: 30 }),
    negative: fc.boolean(),
  })
  .map(
    ({ digits, exponent, negative }) => new Decimal(`${negative ? "-" : ""}${digits}e${exponent}`),
  );
const nonZeroArb = decimalArb.filter((d) => !d.isZero());

/** Integers and short decimals: the one-division path for values below 2^53. */
const smallArb = fc
  .record({ units: fc.integer({ min: -1e13, max: 1e13 }), places: fc.integer({ min: 0, max: 9 }) })
  .map(({ units, places }) => new Decimal(`${units}e-${places}`));

test.prop([decimalArb, nonZeroArb])("equals the 40-digit quotient read as a number", (a, b) => {
  expect(Object.is(quotientToNumber(a, b), reference(a, b))).toBe(true);
});

test.prop([smallArb, smallArb.filter((d) => !d.isZero())])(
  "equals it for short decimals (one division of doubles)",
  (a, b) => {
    expect(Object.is(quotientToNumber(a, b), reference(a, b))).toBe(true);
  },
);

test.prop([
  fc.bigInt({ min: 10n ** 39n, max: 10n ** 40n - 1n }),
  fc.bigInt({ min: 1n, max: 10n ** 12n }),
])("rounds a 41st digit of exactly 5 half to even, as decimal.js does", (head, divisor) => {
  // (head + 0.5) × divisor / divisor: the exact quotient ends in a 5 at the 41st digit.
  const numerator = new Decimal(`${(head * 10n + 5n) * divisor}e-1`);
  const denominator = new Decimal(divisor.toString());
  expect(
    Object.is(quotientToNumber(numerator, denominator), reference(numerator, denominator)),
  ).toBe(true);
});

test.prop([fc.bigInt({ min: 2n ** 53n, max: 2n ** 54n - 1n }), fc.integer({ min: 0, max: 40 })])(
  "reads a quotient half-way between two doubles like decimal.js",
  (odd, power) => {
    // 2m + 1 over 2^power, with 54 significant bits: exactly half-way between two doubles.
    const numerator = new Decimal((odd | 1n).toString());
    const denominator = new Decimal((2n ** BigInt(power)).toString());
    expect(
      Object.is(quotientToNumber(numerator, denominator), reference(numerator, denominator)),
    ).toBe(true);
  },
);

describe("quotientToNumber", () => {
  it("divides worked examples (hand computation)", () => {
    // 1 / 3 = 0.333…: the double nearest to it.
    expect(quotientToNumber(new Decimal(1), new Decimal(3))).toBe(1 / 3);
    // 8 / 16 = 0.5 (the report's own example: COGS 8 over average value 16).
    expect(quotientToNumber(new Decimal(8), new Decimal(16))).toBe(0.5);
    // 0 / −5 is −0 in decimal.js, which the ratios turn into 0 themselves.
    expect(Object.is(quotientToNumber(new Decimal(0), new Decimal(-5)), -0)).toBe(true);
  });

  it("falls back to decimal.js for another clone and for a zero divisor", () => {
    const Other = Decimal.clone({ precision: 5 });
    // At 5 digits 2 / 3 is 0.66667, not 0.6666666666666666.
    expect(quotientToNumber(new Other(2), new Decimal(3))).toBe(0.66667);
    expect(quotientToNumber(new Decimal(1), new Decimal(0))).toBe(Number.POSITIVE_INFINITY);
  });
});
