import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { sumQuantities } from "../../src/aging/sumQuantities.js";
import { Decimal } from "../../src/model/Decimal.js";

// The reference is the straightforward sum the fast path replaces: each quantity as the decimal
// it prints as, added with Decimal.plus one after the other, and that sum rounded to a number.
// (Not sumDecimals: it runs on ExactSum too, so it would compare the code with itself.)

/** Quantities as a ledger has them (up to 9 decimals), with zeros, −0 and a few inexact doubles. */
const quantityArb = fc.oneof(
  fc
    .record({
      units: fc.integer({ min: -1e12, max: 1e12 }),
      places: fc.integer({ min: 0, max: 9 }),
    })
    .map(({ units, places }) => units / 10 ** places),
  fc.constantFrom(0, -0, 0.1 + 0.2, 1e15, 2 ** 52 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
);

test.prop([fc.array(quantityArb, { maxLength: 12 })])(
  "sumQuantities equals Decimal.plus, one quantity after the other, as a number and a decimal",
  (quantities) => {
    const expected = quantities.reduce(
      (sum, quantity) => sum.plus(new Decimal(String(quantity))),
      new Decimal(0),
    );
    const sum = sumQuantities(quantities);
    expect(Object.is(sum.value, expected.toNumber())).toBe(true);
    expect(sum.exact().eq(expected)).toBe(true);
  },
);

describe("sumQuantities", () => {
  it("add worked examples (hand computation)", () => {
    // 0.1 + 0.2 = 0.3 exactly as decimals; the double sum would be 0.30000000000000004.
    expect(sumQuantities([0.1, 0.2]).value).toBe(0.3);
    // 1.5 + 2.25 + 3 = 6.75, at the common scale of 2 decimals: (150 + 225 + 300) / 100.
    expect(sumQuantities([1.5, 2.25, 3]).value).toBe(6.75);
    expect(sumQuantities([]).exact().toFixed()).toBe("0");
  });
});
