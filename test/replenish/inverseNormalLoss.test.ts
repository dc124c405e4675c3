import { describe, expect, it } from "vitest";
import { inverseNormalLoss } from "../../src/replenish/inverseNormalLoss.js";
import { normalLoss } from "../../src/replenish/normalLoss.js";
import { expectCode } from "./expectCode.js";
import { INVERSE_LOSS } from "./normalReferences.js";

describe("inverseNormalLoss: the k with G(k) = g", () => {
  it("matches mpmath roots to 1e-13 · max(1, |k|), for k from −1000 to 37", () => {
    for (const [g, k] of INVERSE_LOSS) {
      const error = Math.abs(inverseNormalLoss(g) - k) / Math.max(1, Math.abs(k));
      expect(error, `g = ${g}`).toBeLessThanOrEqual(1e-13);
    }
  });

  it("finds the table values used by hand: G(k) = 0.2 at k ≈ 0.4929, negative k above G(0)", () => {
    // Loss table: G(0.49) = 0.2009, G(0.50) = 0.1978, so G(k) = 0.2 lies at k ≈ 0.49 + 0.0009/0.0031·0.01 = 0.4929.
    expect(inverseNormalLoss(0.2)).toBeCloseTo(0.4929, 4);
    // G(0) = 1/√(2π) = 0.39894: a larger target needs k < 0; G(k) ≈ −k far left.
    expect(inverseNormalLoss(0.5)).toBeLessThan(0);
    expect(inverseNormalLoss(1000)).toBeCloseTo(-1000, 9);
  });

  it("inverts normalLoss", () => {
    for (const k of [-5, -1, 0, 0.5, 1, 2.5, 6, 12]) {
      expect(inverseNormalLoss(normalLoss(k))).toBeCloseTo(k, 12);
    }
  });

  it("rejects g ≤ 0 and non-numbers", () => {
    expectCode(() => inverseNormalLoss(0), "out_of_range", ["g"]);
    expectCode(() => inverseNormalLoss(-1), "out_of_range", ["g"]);
    expectCode(() => inverseNormalLoss(Number.NaN), "invalid_argument", ["g"]);
  });

  it("gives k = −g exactly for g ≥ 40, up to the largest double", () => {
    // G(k) = −k + G(−k) with G(−k) < 1e-340 for k ≤ −40 (normalLoss), so the root of G(k) = g is
    // −g to the last bit. Before: about 1e-14 relative short of it (−9.999999999999352e299 for
    // 1e300), and a root whose G was NaN near 1.7e308.
    for (const g of [40, 1e6, 1e300, 1.7e308, Number.MAX_VALUE]) {
      expect(inverseNormalLoss(g), `g = ${g}`).toBe(-g);
    }
  });
});
