import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { sumDecimals } from "../../src/model/sumDecimals.js";

// The reference is the straightforward sum: every amount added with Decimal.plus. (These were the
// tests of the aging rollup's `sumAmounts`, which sumDecimals replaced.)
function reference(amounts: readonly Decimal[]): Decimal {
  return amounts.reduce((sum, amount) => sum.plus(amount), new Decimal(0));
}

const amountArb = fc.oneof(
  fc.constant(new Decimal(0)),
  fc
    .record({
      digits: fc.bigInt({ min: -(10n ** 42n), max: 10n ** 42n }),
      exponent: fc.integer({ min: -30, max: 10 }),
    })
    .map(({ digits, exponent }) => new Decimal(`${digits}e${exponent}`)),
);

test.prop([fc.array(amountArb, { maxLength: 12 })])(
  "sumDecimals equals adding every amount with Decimal.plus, to the last digit",
  (amounts) => {
    const expected = reference(amounts);
    const sum = sumDecimals(amounts);
    expect(sum.eq(expected)).toBe(true);
    expect(sum.isNegative()).toBe(expected.isNegative());
  },
);

describe("sumDecimals", () => {
  it("adds a worked example (hand computation)", () => {
    // 12.50 + 0 + 7.25 = 19.75.
    expect(
      sumDecimals([new Decimal("12.50"), new Decimal(0), new Decimal("7.25")]).toFixed(2),
    ).toBe("19.75");
    expect(sumDecimals([]).toFixed()).toBe("0");
  });
});
