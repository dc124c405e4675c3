import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { add, mul, mulDivRound, toDecimalScaled, WideSum } from "../../src/ledger/scaled.js";
import { Decimal } from "../../src/model/Decimal.js";

// Reference arithmetic: exact bigint, round half to even written out by hand.
function referenceMulDivRound(a: bigint, b: bigint, c: bigint, unit: bigint): bigint {
  let n = a * b;
  let d = c * unit;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  let q = n / d;
  let r = n - q * d;
  if (r < 0n) {
    q -= 1n;
    r += d;
  }
  if (2n * r > d || (2n * r === d && q % 2n !== 0n)) q += 1n;
  return q * unit;
}

const safe = fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 });
const positive = fc.integer({ min: 1, max: 2 ** 40 });

describe("exact scaled arithmetic", () => {
  test.prop([safe, safe])("add and mul equal bigint arithmetic", (a, b) => {
    expect(BigInt(add(a, b))).toBe(BigInt(a) + BigInt(b));
    expect(BigInt(mul(a, b))).toBe(BigInt(a) * BigInt(b));
  });

  test.prop([
    fc.integer({ min: 0, max: 2 ** 30 }),
    safe,
    positive,
    fc.constantFrom(1, 10, 1000, 1_000_000),
  ])(
    "mulDivRound equals exact half-even rounding, also when a·b outgrows 2^53",
    (a, b, c, unit) => {
      expect(BigInt(mulDivRound(a, b, c, unit))).toBe(
        referenceMulDivRound(BigInt(a), BigInt(b), BigInt(c), BigInt(unit)),
      );
    },
  );

  test.prop([fc.integer({ min: 70, max: 100_000 }), fc.integer({ min: 0, max: 5 })])(
    "mulDivRound breaks exact ties to even even when the products are beyond 2^53",
    (k, j) => {
      // a·b / c = (2k+1)·2^(51−j) / 2^(52−j) = k + 0.5 exactly, with a·b > 2^53: the float
      // estimate cannot decide, so the exact path must, rounding to the even neighbour.
      const a = (2 * k + 1) * 2 ** 26;
      const b = 2 ** (25 - j);
      const c = 2 ** (52 - j);
      expect(a * b).toBeGreaterThan(2 ** 53);
      const expected = referenceMulDivRound(BigInt(a), BigInt(b), BigInt(c), 1n);
      expect(BigInt(mulDivRound(a, b, c, 1))).toBe(expected);
      expect(Number(expected) % 2).toBe(0);
    },
  );

  const amount = fc.oneof(safe, fc.bigInt({ min: -(2n ** 90n), max: 2n ** 90n }));
  test.prop([fc.array(fc.tuple(amount, fc.integer({ min: 0, max: 400 })), { maxLength: 200 })])(
    "WideSum adds v × times exactly far beyond 2^53, bigint addends included",
    (terms) => {
      const wide = new WideSum();
      let exact = 0n;
      for (const [v, times] of terms) {
        wide.addTimes(v, times);
        wide.add(v);
        exact += BigInt(v) * BigInt(times) + BigInt(v);
      }
      expect(BigInt(wide.value())).toBe(exact);
    },
  );
});

describe("toDecimalScaled", () => {
  // The reference: decimal.js parsing the same amount as text.
  function viaText(units: bigint, decimals: number): Decimal {
    const negative = units < 0n;
    let digits = (negative ? -units : units).toString();
    if (decimals > 0) {
      digits = digits.padStart(decimals + 1, "0");
      digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
    }
    return new Decimal(negative ? `-${digits}` : digits);
  }
  const layout = (d: Decimal) => JSON.stringify({ own: Object.keys(d), s: d.s, e: d.e, d: d.d });

  // Amounts of money are mostly round in the engine's fine units (12.34 at 9 decimals is
  // 12340000000): the same check for integers with many trailing zeros.
  const round = fc
    .tuple(fc.integer({ min: 1, max: 2 ** 24 }), fc.integer({ min: 0, max: 9 }), fc.boolean())
    .map(([m, k, negative]) => (negative ? -1 : 1) * m * 10 ** k);
  test.prop([round, fc.integer({ min: 0, max: 21 })], { numRuns: 1000 })(
    "builds exactly the Decimal of a round amount (trailing zeros), field by field",
    (units, decimals) => {
      const parsed = viaText(BigInt(units), decimals);
      expect(layout(toDecimalScaled(units, decimals))).toBe(layout(parsed));
    },
  );

  test.prop([safe, fc.integer({ min: 0, max: 21 })], { numRuns: 2000 })(
    "builds exactly the Decimal that decimal.js parses from text, field by field",
    (units, decimals) => {
      const built = toDecimalScaled(units, decimals);
      const parsed = viaText(BigInt(units), decimals);
      expect(layout(built)).toBe(layout(parsed));
      expect(built.toFixed()).toBe(parsed.toFixed());
      expect(built.plus(1).minus(1).eq(parsed)).toBe(true);
      expect(built).toBeInstanceOf(Decimal);
      expect(built.constructor).toBe(Decimal); // invkpi's clone: precision 40, half-even
      expect(built.div(3).toFixed()).toBe(parsed.div(3).toFixed());
    },
  );

  test.prop([fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 21 })])(
    "bigints too",
    (units, decimals) => {
      expect(toDecimalScaled(units, decimals).eq(viaText(units, decimals))).toBe(true);
    },
  );

  // A bigint within ±(2^53 − 1) takes the number path: the same fields, at any scale.
  test.prop(
    [
      fc.oneof(
        fc.bigInt({ min: -(2n ** 53n - 1n), max: 2n ** 53n - 1n }),
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
      ),
      fc.integer({ min: 0, max: 60 }),
    ],
    { numRuns: 2000 },
  )(
    "bigints, small or not, build decimal.js's own fields at scales up to 60",
    (units, decimals) => {
      expect(layout(toDecimalScaled(units, decimals))).toBe(layout(viaText(units, decimals)));
    },
  );
});
