import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { fieldsOf } from "../../src/model/decimalFields.js";
import { decimalOfNumber } from "../../src/model/decimalOfNumber.js";

// The reference is decimal.js's own constructor: the fields must be identical (sign, exponent and
// every base-10^7 word), not merely the value, so that any arithmetic on the result is the same.
function expectSameInstance(value: number): void {
  const fast = fieldsOf(decimalOfNumber(value));
  const slow = fieldsOf(new Decimal(value));
  expect({ s: fast.s, e: fast.e, d: fast.d }).toEqual({ s: slow.s, e: slow.e, d: slow.d });
  expect(decimalOfNumber(value).constructor).toBe(Decimal);
}

/** Short decimals, the fast path's numbers: n / 10^k for n up to 2^53 and k up to 17. */
const shortDecimal = fc
  .tuple(fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }), fc.integer({ min: 0, max: 17 }))
  .map(([n, k]) => Number(n) / 10 ** k);

describe("decimalOfNumber", () => {
  it("worked examples: whole units, a few decimals, long quotients, edges (against new Decimal)", () => {
    for (const value of [
      1,
      -1,
      12.5,
      0.1,
      0.3,
      1234.5678,
      -0.0001,
      1e-7,
      123456789012345,
      2 ** 51,
      2 ** 53,
      1e21,
      1 / 3,
      2 / 3,
      12345.678901234567,
      5e-324,
      Number.MAX_VALUE,
      0,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]) {
      expectSameInstance(value);
    }
    expect(decimalOfNumber(12.5).toFixed()).toBe("12.5");
    expect(decimalOfNumber(0.1).equals(new Decimal("0.1"))).toBe(true);
    expect(decimalOfNumber(-0).isNegative()).toBe(true); // as new Decimal(-0)
  });

  test.prop([fc.double()], { numRuns: 5000 })(
    "any double: the same instance as new Decimal",
    (value) => {
      expectSameInstance(value);
    },
  );

  test.prop([shortDecimal], { numRuns: 5000 })(
    "short decimals (n / 10^k): the same instance as new Decimal",
    (value) => {
      expectSameInstance(value);
    },
  );

  test.prop([fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 366 })], {
    numRuns: 3000,
  })("averages of whole units over days (the report's quotients)", (units, days) => {
    expectSameInstance(units / days);
    expectSameInstance(-units / days);
  });
});
