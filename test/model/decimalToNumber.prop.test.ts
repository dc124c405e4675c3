import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { decimalToNumber } from "../../src/model/decimalToNumber.js";

/** Decimals of 1 to 20 significant digits at exponents from −60 to 60, either sign. */
const decimals = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: -60, max: 60 }), fc.boolean())
  .map(([units, exponent, negative]) => new Decimal(`${negative ? "-" : ""}${units}e${exponent}`));

/** Long decimals: up to 60 significant digits at exponents across the doubles' range, either sign. */
const longDecimals = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 60n }), fc.integer({ min: -360, max: 330 }), fc.boolean())
  .map(([units, exponent, negative]) => new Decimal(`${negative ? "-" : ""}${units}e${exponent}`));

/** The report's products and quotients: a 17-digit double times or over a small whole number. */
const reportFigures = fc
  .tuple(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.integer({ min: 1, max: 3660 }))
  .chain(([value, days]) =>
    fc.constantFrom(new Decimal(value).times(days), new Decimal(value).div(days)),
  );

/** Property: decimalToNumber gives decimal.js's own toNumber, bit for bit. */
function sameAsToNumber(x: Decimal): void {
  expect(Object.is(decimalToNumber(x), x.toNumber())).toBe(true);
}

describe("decimalToNumber", () => {
  it("equals toNumber on long coefficients and wide exponents, the big-integer path (property)", () => {
    fc.assert(fc.property(longDecimals, sameAsToNumber), { numRuns: 20_000 });
  });

  it("equals toNumber on 40-digit products and quotients of the report (property)", () => {
    fc.assert(fc.property(reportFigures, sameAsToNumber), { numRuns: 10_000 });
  });

  it("equals decimal.js's toNumber, bit for bit, negative zero included", () => {
    fc.assert(fc.property(decimals, sameAsToNumber), { numRuns: 20_000 });
  });

  it("reads doubles' own decimals back as the same double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(Object.is(decimalToNumber(new Decimal(value)), value)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it("worked examples: the fast path's edges (14 digits, 10^±22) and the slow path beyond", () => {
    // 0.1 is 1 / 10^1: one correctly rounded division, 0.1 as JavaScript reads it.
    expect(decimalToNumber(new Decimal("0.1"))).toBe(0.1);
    expect(decimalToNumber(new Decimal("12345678901234"))).toBe(12345678901234);
    expect(decimalToNumber(new Decimal("1e22"))).toBe(1e22);
    expect(decimalToNumber(new Decimal("1e-22"))).toBe(1e-22);
    expect(decimalToNumber(new Decimal("1e23"))).toBe(1e23);
    expect(decimalToNumber(new Decimal("123456789012345678.9"))).toBe(
      Number("123456789012345678.9"),
    );
    expect(Object.is(decimalToNumber(new Decimal("-0")), -0)).toBe(true);
    // Half-way cases of the big-integer path: 2^53 + 1 lies exactly between two doubles and rounds
    // to the even one, 2^53; one more digit past the half rounds up.
    expect(decimalToNumber(new Decimal("9007199254740993"))).toBe(2 ** 53);
    expect(decimalToNumber(new Decimal("9007199254740993.0000000000000000001"))).toBe(2 ** 53 + 2);
    expect(decimalToNumber(new Decimal("1e-300"))).toBe(1e-300);
    // A coefficient of a thousand digits goes through text (cheaper than big integers that long).
    const long = new Decimal(`0.${"3".repeat(1000)}`);
    expect(decimalToNumber(long)).toBe(long.toNumber());
    expect(decimalToNumber(new Decimal("1.7976931348623157e308"))).toBe(Number.MAX_VALUE);
    expect(decimalToNumber(new Decimal(Number.POSITIVE_INFINITY))).toBe(Number.POSITIVE_INFINITY);
    expect(decimalToNumber(new Decimal(Number.NaN))).toBeNaN();
  });
});
