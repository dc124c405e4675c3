import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { sumAmounts } from "../../src/aging/sumAmounts.js";
import { Decimal } from "../../src/model/Decimal.js";
import { sumDecimals } from "../../src/model/sumDecimals.js";

// The reference is the straightforward sum the fast path replaces: sumDecimals, every amount added.

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
  "sumAmounts equals sumDecimals to the last digit",
  (amounts) => {
    const expected = sumDecimals(amounts);
    const sum = sumAmounts(amounts);
    expect(sum.eq(expected)).toBe(true);
    expect(sum.isNegative()).toBe(expected.isNegative());
  },
);

describe("sumAmounts", () => {
  it("adds a worked example (hand computation)", () => {
    // 12.50 + 0 + 7.25 = 19.75.
    expect(sumAmounts([new Decimal("12.50"), new Decimal(0), new Decimal("7.25")]).toFixed(2)).toBe(
      "19.75",
    );
    expect(sumAmounts([]).toFixed()).toBe("0");
  });
});
