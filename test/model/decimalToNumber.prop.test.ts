import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { decimalToNumber } from "../../src/model/decimalToNumber.js";

/** Decimals of 1 to 20 significant digits at exponents from −60 to 60, either sign. */
const decimals = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: -60, max: 60 }), fc.boolean())
  .map(([units, exponent, negative]) => new Decimal(`${negative ? "-" : ""}${units}e${exponent}`));

describe("decimalToNumber", () => {
  it("equals decimal.js's toNumber, bit for bit, negative zero included", () => {
    fc.assert(
      fc.property(decimals, (x) => {
        expect(Object.is(decimalToNumber(x), x.toNumber())).toBe(true);
      }),
      { numRuns: 20_000 },
    );
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
    expect(decimalToNumber(new Decimal(Number.POSITIVE_INFINITY))).toBe(Number.POSITIVE_INFINITY);
    expect(decimalToNumber(new Decimal(Number.NaN))).toBeNaN();
  });
});
