import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  type Amounts,
  amountReader,
  toScaledIntegers,
} from "../../src/classify/toScaledIntegers.js";
import { Decimal } from "../../src/model/Decimal.js";

// The exact-arithmetic internals of abcClassify, against decimal.js references.

/** Amounts laid out as readAbcItems lays them out: every double, and the Decimals beside them. */
function amountsOf(list: readonly (number | Decimal)[]): Amounts {
  const given = list.some((a) => typeof a !== "number");
  return {
    doubles: Float64Array.from(list, (a) => (typeof a === "number" ? a : Number.NaN)),
    decimals: given ? list.map((a) => (typeof a === "number" ? undefined : a)) : null,
  };
}

describe("toScaledIntegers", () => {
  test.prop([fc.array(fc.double({ min: 0, max: 1e17, noNaN: true }), { maxLength: 20 })])(
    "a number means its shortest decimal form, on every path",
    (numbers) => {
      const amounts = amountsOf(numbers);
      const read = amountReader(toScaledIntegers(amounts), amounts);
      expect(numbers.map((_, i) => read(i).toFixed())).toEqual(
        numbers.map((n) => new Decimal(String(n)).toFixed()),
      );
    },
  );

  test.prop([
    fc.array(
      fc.integer({ min: 0, max: 2 ** 40 }).map((c) => c / 100),
      { maxLength: 20 },
    ),
  ])("cents below 2^40 take the fast path, and convert back exactly", (cents) => {
    const amounts = amountsOf(cents);
    const scaled = toScaledIntegers(amounts);
    expect(scaled.kind).toBe("number");
    const read = amountReader(scaled, amounts);
    expect(cents.map((_, i) => read(i).toFixed())).toEqual(
      cents.map((n) => new Decimal(String(n)).toFixed()),
    );
  });

  test.prop([
    fc.array(fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }), {
      maxLength: 8,
    }),
  ])("sort keys order the amounts as their exact values", (numbers) => {
    const scaled = toScaledIntegers(amountsOf(numbers));
    const keys = scaled.kind === "number" ? scaled.units : scaled.keys;
    for (let i = 0; i < numbers.length; i++) {
      for (let j = 0; j < numbers.length; j++) {
        expect(Math.sign(keys[i]! - keys[j]!)).toBe(Math.sign(numbers[i]! - numbers[j]!));
      }
    }
  });
});

describe("toScaledIntegers with Decimals", () => {
  // Mantissas of 1 to 20 digits (fast path up to 15), exponents far into and beyond double range.
  const decimal = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: -330, max: 330 }))
    .map(([mantissa, exponent]) => new Decimal(`${mantissa}e${exponent}`));

  test.prop([
    fc.array(fc.oneof(decimal, fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 12 }),
  ])("keeps every amount exact and orders the keys as the amounts", (amounts) => {
    const laidOut = amountsOf(amounts);
    const scaled = toScaledIntegers(laidOut);
    const read = amountReader(scaled, laidOut);
    const keys = scaled.kind === "number" ? scaled.units : scaled.keys;
    const exactOf = (a: number | Decimal) => new Decimal(String(a));
    amounts.forEach((a, i) => {
      expect(read(i).eq(exactOf(a))).toBe(true);
      // The big integers themselves (the shares are computed from them): units / 10^scale.
      if (scaled.kind === "bigint") {
        expect(new Decimal(`${scaled.units[i]}e-${scaled.scale}`).eq(exactOf(a))).toBe(true);
      }
      amounts.forEach((b, j) => {
        expect(Math.sign(keys[i]! - keys[j]!)).toBe(exactOf(a).cmp(exactOf(b)));
      });
    });
  });
});
