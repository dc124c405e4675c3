import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { ExactSum } from "../../src/model/ExactSum.js";

/** The reference: every addend as a Decimal (numbers by their shortest form), added in order. */
function referenceSum(amounts: readonly (number | Decimal)[]): Decimal {
  return amounts.reduce<Decimal>((sum, amount) => sum.plus(amount), new Decimal(0));
}

function exactSum(amounts: readonly (number | Decimal)[]): ExactSum {
  const sum = new ExactSum();
  for (const amount of amounts) sum.add(amount);
  return sum;
}

/** Property: ExactSum of any array of `amounts` is the Decimal.plus chain's decimal and double. */
function sameAsDecimalPlus(amounts: fc.Arbitrary<number | Decimal>, maxLength: number) {
  return fc.property(fc.array(amounts, { maxLength }), (list) => {
    const sum = exactSum(list);
    const reference = referenceSum(list);
    // toEqual compares decimal.js's fields (sign, exponent, words): the same Decimal.
    expect(sum.value()).toEqual(reference);
    expect(Object.is(sum.toNumber(), reference.toNumber())).toBe(true);
  });
}

/** Decimal text of up to `digits` digits with up to `decimals` of them after the point, signed. */
const decimalText = (digits: number, decimals: number) =>
  fc
    .tuple(
      fc.boolean(),
      fc.bigInt({ min: 0n, max: 10n ** BigInt(digits) - 1n }),
      fc.integer({ min: 0, max: decimals }),
    )
    .map(([negative, units, scale]) => {
      const text = units.toString().padStart(scale + 1, "0");
      const point = text.length - scale;
      const body = scale === 0 ? text : `${text.slice(0, point)}.${text.slice(point)}`;
      return negative ? `-${body}` : body;
    });

/** Quantities and amounts as a ledger has them, and some far outside the fast path's bounds. */
const amount: fc.Arbitrary<number | Decimal> = fc.oneof(
  decimalText(9, 4).map(Number),
  decimalText(12, 6).map((text) => new Decimal(text)),
  decimalText(15, 15).map((text) => new Decimal(text)),
  decimalText(30, 20).map((text) => new Decimal(text)),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }),
  fc.constantFrom(0, -0, 1e15, 2 ** 53, 0.1, 1e-9, new Decimal("1e21"), new Decimal("-0")),
  fc.integer({ min: 0, max: 20 }).map((k) => new Decimal(`1e${k}`)),
);

describe("ExactSum", () => {
  it("equals adding every amount with Decimal.plus, representation and all (property)", () => {
    fc.assert(sameAsDecimalPlus(amount, 40), { numRuns: 2000 });
  });

  it("equals Decimal.plus on long addends: 17-digit quotients, 40-digit averages, sums past 10^40 (property)", () => {
    // What a report's rollups add: average quantities (a quotient's 17 digits), average values
    // (40 digits), and amounts whose sum reaches 40 significant digits, where Decimal.plus rounds.
    const longAmount: fc.Arbitrary<number | Decimal> = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 366 }))
        .map(([sum, days]) => sum / days),
      fc
        .tuple(decimalText(15, 6), fc.integer({ min: 1, max: 366 }))
        .map(([value, days]) => new Decimal(value).div(days)),
      decimalText(40, 38).map((text) => new Decimal(text)),
      decimalText(9, 4).map(Number),
      fc.constantFrom(new Decimal("9".repeat(39)), new Decimal(`0.${"9".repeat(39)}`), 2 ** 53),
    );
    fc.assert(sameAsDecimalPlus(longAmount, 60), { numRuns: 2000 });
  });

  it("reads a long Decimal at its own scale, not its last word's padding (hand computation)", () => {
    // 39 digits at scale 19: decimal.js pads the last 7-digit word, which would make it scale 21
    // and 41 digits, past 10^40. Twice it is 22222222222222222222.2469135780246913578: 39 digits.
    const long = new Decimal("11111111111111111111.1234567890123456789");
    const amounts = [long, long];
    expect(exactSum(amounts).value()).toEqual(referenceSum(amounts));
    expect(exactSum(amounts).value().toFixed()).toBe("22222222222222222222.2469135780246913578");
  });

  it("cancels long addends to the chain's zero, and keeps the sign of a negative long sum", () => {
    // A 17-digit quotient (100 / 7 = 14.285714285714286) and a 29-digit decimal, each added and
    // taken away: at scale 25 every partial sum stays below 10^40 units, so the sum is exactly 0.
    const long = new Decimal("1234.5678901234567890123456789");
    const cancelled = [100 / 7, long, -100 / 7, long.neg()];
    expect(exactSum(cancelled).value()).toEqual(referenceSum(cancelled));
    expect(exactSum(cancelled).value().isZero()).toBe(true);
    // −1/3 − 2/3 as doubles: −0.3333333333333333 − 0.6666666666666666 = −0.9999999999999999.
    const negative = [-1 / 3, -2 / 3];
    expect(exactSum(negative).value()).toEqual(referenceSum(negative));
    expect(exactSum(negative).value().toFixed()).toBe("-0.9999999999999999");
  });

  it("leaves big integers for Decimal.plus where the sum reaches 40 digits (hand computation)", () => {
    // 39 nines + 0.25 has 41 digits: Decimal.plus rounds it half to even to 40, …9.2; + 0.25 gives
    // …9.45, rounded to …9.4, where the exact sum is …9.5. ExactSum gives what Decimal.plus gives.
    const nines = "9".repeat(39);
    const amounts = [new Decimal(nines), 0.25, new Decimal("0.25")];
    const reference = referenceSum(amounts);
    expect(reference.toFixed()).toBe(`${nines}.4`);
    expect(exactSum(amounts).value()).toEqual(reference);
  });

  it("worked example: 0.1 + 0.2 is 0.3 exactly, though 0.1 + 0.2 in doubles is 0.30000000000000004", () => {
    const sum = exactSum([0.1, 0.2]);
    expect(sum.value().toFixed()).toBe("0.3");
    expect(sum.toNumber()).toBe(0.3);
  });

  it("stays exact past 2^53 units: 9007199254740991 + 1 + 1 (hand computation)", () => {
    const sum = exactSum([2 ** 53 - 1, 1, 1]);
    expect(sum.value().toFixed()).toBe("9007199254740993");
  });

  it("mixes scales: 1234.5 + 0.000001 + Decimal('-1234.5') = 0.000001", () => {
    const sum = exactSum([1234.5, 0.000001, new Decimal("-1234.5")]);
    expect(sum.value().toFixed()).toBe("0.000001");
  });

  it("is zero when nothing (or only zeros) was added", () => {
    expect(new ExactSum().value().toFixed()).toBe("0");
    expect(
      exactSum([0, -0, new Decimal("-0")])
        .value()
        .isNegative(),
    ).toBe(false);
  });

  it("falls back to Decimal arithmetic for non-finite addends, as Decimal.plus does", () => {
    for (const amounts of [
      [1, Infinity],
      [-Infinity, 0.5, new Decimal(2)],
      [Infinity, -Infinity],
      [1, Number.NaN, 2],
    ]) {
      const sum = exactSum(amounts);
      const reference = referenceSum(amounts);
      expect(sum.value().toString()).toBe(reference.toString()); // "Infinity", "-Infinity", "NaN"
      expect(sum.toNumber()).toBe(reference.toNumber());
    }
  });
});
