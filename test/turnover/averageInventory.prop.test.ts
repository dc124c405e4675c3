import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { averageInventory } from "../../src/turnover/averageInventory.js";

/** Cents as a decimal string: "-12.34" for -1234. */
const asMoneyText = (cents: bigint) => {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
};
const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

describe("averageInventory properties", () => {
  test.prop([cents, cents])(
    "endpoints is exact: 2 × average = opening + closing, to the cent",
    (a, b) => {
      const average = averageInventory({
        method: "endpoints",
        opening: asMoneyText(a),
        closing: asMoneyText(b),
      });
      // Reference: integer arithmetic in cents with BigInt.
      expect(average.times(2).toFixed(2)).toBe(asMoneyText(a + b));
    },
  );

  test.prop([fc.array(cents, { minLength: 1, maxLength: 24 })])(
    "snapshots and monthly: mean × count = sum of the balances, to the cent",
    (values) => {
      const texts = values.map(asMoneyText);
      const total = asMoneyText(values.reduce((sum, v) => sum + v, 0n));
      const snapshots = averageInventory({ method: "snapshots", values: texts });
      expect(snapshots.times(values.length).toFixed(2)).toBe(total);
      const [opening, ...monthEnds] = texts;
      const monthly = averageInventory({ method: "monthly", opening: opening!, monthEnds });
      expect(monthly.times(values.length).toFixed(2)).toBe(total);
    },
  );
});
