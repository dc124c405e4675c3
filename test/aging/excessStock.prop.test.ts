import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
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
