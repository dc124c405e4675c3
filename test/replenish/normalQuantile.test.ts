import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/replenish/normalQuantile.js";
import { expectCode, relativeError } from "./expectCode.js";
import { QUANTILES } from "./normalReferences.js";

describe("normalQuantile (Wichura AS241)", () => {
  it("matches the true quantiles (mpmath, 50 digits) to 1e-15 relative from 1e-300 to 1 − 2⁻⁵³", () => {
    for (const [p, truth] of QUANTILES) {
      expect(relativeError(normalQuantile(p), truth), `p = ${p}`).toBeLessThanOrEqual(1e-15);
    }
  });

  it("agrees with Python's NormalDist.inv_cdf, the same AS241 code as R's qnorm, to 1e-15", () => {
    // The contract is 1e-12 relative to R's qnorm; the two AS241 implementations differ by
    // at most a unit in the last place (the platforms' log functions round differently).
    for (const [p, , as241] of QUANTILES) {
      expect(relativeError(normalQuantile(p), as241), `p = ${p}`).toBeLessThanOrEqual(1e-15);
    }
  });

  it("gives the exact service-level factors (trap 4: 1.959964 for 97.5 %, not 1.96 or 1.957)", () => {
    // R: qnorm(0.975) = 1.959963984540054, qnorm(0.95) = 1.6448536269514722,
    // qnorm(0.99) = 2.3263478740408408, qnorm(1e-10) = -6.361340902404056 (as printed by R with 16
    // digits; each checked above against mpmath).
    const fromR: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.95, 1.6448536269514722],
      [0.99, 2.3263478740408408],
      [1e-10, -6.361340902404056],
    ];
    for (const [p, r] of fromR) {
      expect(relativeError(normalQuantile(p), r), `p = ${p}`).toBeLessThanOrEqual(1e-15);
    }
    expect(normalQuantile(0.975)).not.toBeCloseTo(1.957, 3);
    expect(normalQuantile(0.975)).not.toBe(1.96);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("is odd: z(1 − p) = −z(p) where 1 − p is exact", () => {
    for (const p of [0.5 - 2 ** -10, 0.25, 0.125, 0.0625, 2 ** -20]) {
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 14);
    }
  });

  it("rejects probabilities outside (0, 1) and non-numbers", () => {
    for (const p of [0, 1, -0.1, 1.5]) expectCode(() => normalQuantile(p), "out_of_range", ["p"]);
    for (const p of [Number.NaN, Number.POSITIVE_INFINITY, "0.5"]) {
      expectCode(() => normalQuantile(p as number), "invalid_argument", ["p"]);
    }
  });
});
