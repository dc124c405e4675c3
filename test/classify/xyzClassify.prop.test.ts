import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { XYZ_NONE, xyzClassify } from "../../src/classify/xyzClassify.js";

// Demand statistics in units: normal doubles (subnormal demand, below 1e-308 units, is not a
// thing), zeros, net returns, and small integers that put CVs exactly on the cutoffs.
const positive = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
const demand = fc.record({
  id: fc.string({ maxLength: 3 }),
  mean: fc.oneof(
    positive,
    fc.double({ min: -100, max: -1e-6, noNaN: true }),
    fc.constantFrom(0, 1, 2, 4),
  ),
  stdDev: fc.oneof(positive, fc.constantFrom(0, 1, 2, 4)),
});
const labels = ["X", "Y", "Z"];

describe("xyzClassify properties", () => {
  test.prop([fc.array(demand, { maxLength: 30 }), fc.integer({ min: -60, max: 60 })])(
    "CV and class do not change when demand is scaled by a power of two (exact in doubles)",
    (items, exponent) => {
      const factor = 2 ** exponent;
      const scaled = items.map((i) => ({ ...i, mean: i.mean * factor, stdDev: i.stdDev * factor }));
      expect(xyzClassify(scaled)).toEqual(xyzClassify(items));
    },
  );

  test.prop([fc.array(demand, { maxLength: 30 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })])(
    "CV is invariant to scaling demand by any factor (up to rounding), and so is the class, on the cutoffs too",
    (items, factor) => {
      const scaled = items.map((i) => ({ ...i, mean: i.mean * factor, stdDev: i.stdDev * factor }));
      const before = xyzClassify(items);
      const after = xyzClassify(scaled);
      after.forEach((row, k) => {
        const original = before[k]!;
        expect(row.class === XYZ_NONE).toBe(original.class === XYZ_NONE);
        if (row.cv === null || original.cv === null) return;
        expect(Math.abs(row.cv - original.cv)).toBeLessThanOrEqual(original.cv * 1e-15);
        // A CV on a cutoff (1/2, 2/2, 4/4 among the small integers) stays on it when scaled: a
        // CV within 10^-12 above a cutoff counts as on it (found by an audit, session 19).
        expect(row.class).toBe(original.class);
      });
    },
  );

  test.prop([fc.array(demand, { maxLength: 30 })])(
    "one row per item in input order; 'none' exactly when the mean is not positive; classes monotone in CV",
    (items) => {
      const rows = xyzClassify(items);
      expect(rows.map((r) => r.id)).toEqual(items.map((i) => i.id));
      rows.forEach((row, k) => {
        expect(row.class === XYZ_NONE).toBe(items[k]!.mean <= 0);
        expect(row.cv === null).toBe(row.reason !== undefined);
      });
      const withCv = rows.filter((r) => r.cv !== null).sort((a, b) => a.cv! - b.cv!);
      for (let k = 1; k < withCv.length; k++) {
        expect(labels.indexOf(withCv[k - 1]!.class)).toBeLessThanOrEqual(
          labels.indexOf(withCv[k]!.class),
        );
      }
    },
  );
});
