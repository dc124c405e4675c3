import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { excessStock, quickDivideHalfEven } from "../../src/aging/excessStock.js";
import { Decimal } from "../../src/model/Decimal.js";

// The reference is the straightforward formula: numerator / denominator rounded half to even at
// `places` decimals, from the integer quotient and remainder (exact rational arithmetic).
function reference(numerator: Decimal, denominator: Decimal, places: number): Decimal {
  const scaled = numerator.times(new Decimal(10).pow(places));
  let quotient = scaled.divToInt(denominator);
  const remainder = scaled.minus(quotient.times(denominator));
  const comparison = remainder.abs().times(2).comparedTo(denominator.abs());
  if (comparison > 0 || (comparison === 0 && !quotient.mod(2).isZero())) {
    quotient = quotient.plus(scaled.isNegative() !== denominator.isNegative() ? -1 : 1);
  }
  return quotient.div(new Decimal(10).pow(places));
}

const positiveArb = fc
  .record({
    digits: fc.bigInt({ min: 1n, max: 10n ** 40n - 1n }),
    exponent: fc.integer({ min: -20, max: 10 }),
  })
  .map(({ digits, exponent }) => new Decimal(`${digits}e${exponent}`));
const quantityArb = fc
  .record({ units: fc.integer({ min: 1, max: 1e12 }), places: fc.integer({ min: 0, max: 9 }) })
  .map(({ units, places }) => new Decimal(`${units}e-${places}`));

test.prop([positiveArb, quantityArb, fc.integer({ min: 0, max: 9 })])(
  "quickDivideHalfEven equals the exact half-even division whenever it answers",
  (numerator, denominator, places) => {
    const quick = quickDivideHalfEven(numerator, denominator, places);
    if (quick !== null) expect(quick.eq(reference(numerator, denominator, places))).toBe(true);
  },
);

describe("quickDivideHalfEven, worked examples", () => {
  it("answers exactly where it can vouch for the result (hand computation)", () => {
    // 10 / 3 at 6 places: 10 × 10^6 = 10000000 = 3 × 3333333 + 1; 2 × 1 < 3, so it rounds down:
    // 3333333 × 10^-6.
    expect(quickDivideHalfEven(new Decimal(10), new Decimal(3), 6)?.toFixed()).toBe("3.333333");
    // 20 / 3 at 6 places: 20000000 = 3 × 6666666 + 2; 2 × 2 > 3, so it rounds up: 6.666667.
    expect(quickDivideHalfEven(new Decimal(20), new Decimal(3), 6)?.toFixed()).toBe("6.666667");
    // 1.5 / 0.4 at 2 places, operands of other exponents: 15 × 10^-1 and 4 × 10^-1; at the
    // common exponent 10^-1, 1.5 × 10^2 is 1500 units over 4: 375 remainder 0, so 3.75 exactly.
    expect(quickDivideHalfEven(new Decimal("1.5"), new Decimal("0.4"), 2)?.toFixed()).toBe("3.75");
    // Ties go to even: 5 / 2 at 0 places is 2 remainder 1, 2 × 1 = 2 (a tie), 2 is even: 2.
    expect(quickDivideHalfEven(new Decimal(5), new Decimal(2), 0)?.toFixed()).toBe("2");
    // 7 / 2 at 0 places is 3 remainder 1, a tie, 3 is odd: 4.
    expect(quickDivideHalfEven(new Decimal(7), new Decimal(2), 0)?.toFixed()).toBe("4");
    // 0.125 / 1 at 2 places: 12.5 units of 0.01, 12 remainder 0.5, a tie, 12 is even: 0.12;
    // 0.135 / 1: 13 remainder 0.5, a tie, 13 is odd: 0.14.
    expect(quickDivideHalfEven(new Decimal("0.125"), new Decimal(1), 2)?.toFixed()).toBe("0.12");
    expect(quickDivideHalfEven(new Decimal("0.135"), new Decimal(1), 2)?.toFixed()).toBe("0.14");
    // The documented example of excessStock: 2500.00 × 320 / 500 = 800000 / 500 = 1600 exactly.
    expect(
      quickDivideHalfEven(new Decimal("2500.00").times(320), new Decimal(500), 6)?.toFixed(),
    ).toBe("1600");
  });

  it("gives up (null) on zero and negative operands", () => {
    expect(quickDivideHalfEven(new Decimal(0), new Decimal(3), 6)).toBeNull();
    expect(quickDivideHalfEven(new Decimal("-0"), new Decimal(3), 6)).toBeNull();
    expect(quickDivideHalfEven(new Decimal(10), new Decimal(0), 6)).toBeNull();
    expect(quickDivideHalfEven(new Decimal(10), new Decimal("-0"), 6)).toBeNull();
    expect(quickDivideHalfEven(new Decimal(-10), new Decimal(3), 6)).toBeNull();
    expect(quickDivideHalfEven(new Decimal(10), new Decimal(-3), 6)).toBeNull();
    expect(quickDivideHalfEven(new Decimal(-10), new Decimal(-3), 6)).toBeNull();
  });
});

test.prop([fc.integer({ min: 1, max: 1e9 }), quantityArb, fc.integer({ min: 0, max: 6 })])(
  "rounds exact half-way quotients to even",
  (half, denominator, places) => {
    // (2h + 1) / 2 units of the last place, times the denominator: exactly half-way.
    const numerator = new Decimal(2 * half + 1)
      .div(2)
      .times(denominator)
      .div(new Decimal(10).pow(places));
    const quick = quickDivideHalfEven(numerator, denominator, places);
    if (quick !== null) expect(quick.eq(reference(numerator, denominator, places))).toBe(true);
  },
);

test.prop([
  fc.integer({ min: 1, max: 100_000 }),
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.double({ min: 0, max: 1000, noNaN: true }),
])(
  "excessValue is closingValue × excess / onHand, half-even at 6 decimals",
  (units, cents, demand) => {
    const closingValue = new Decimal(cents).div(100);
    const e = excessStock(
      { sku: "A", closingQuantity: units, closingValue },
      { demandPerDay: demand },
    );
    const onHand = new Decimal(units);
    const cover = new Decimal(180).times(demand);
    const excess = onHand.gt(cover) ? onHand.minus(cover) : new Decimal(0);
    const expected = excess.isZero()
      ? new Decimal(0)
      : excess.eq(onHand)
        ? closingValue
        : reference(closingValue.times(excess), onHand, 6);
    expect(e.excessValue.eq(expected)).toBe(true);
  },
);
