import { describe, expect, it } from "vitest";
import { normalCdf } from "../../src/replenish/normalCdf.js";
import { expectCode, relativeError } from "./expectCode.js";
import { CDF } from "./normalReferences.js";

describe("normalCdf (Cody, as R's pnorm)", () => {
  it("matches mpmath's ncdf to 1e-14 relative, far lower tail included", () => {
    for (const [x, truth] of CDF) {
      expect(relativeError(normalCdf(x), truth), `x = ${x}`).toBeLessThanOrEqual(1e-14);
    }
  });

  it("gives R's pnorm(1.96) = 0.9750021048517795", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
  });

  it("keeps the upper tail at full precision when asked as normalCdf(−x)", () => {
    // 1 − Φ(10) = 7.619853024160525e-24 (mpmath); 1 − normalCdf(10) would round to 0.
    expect(1 - normalCdf(10)).toBe(0);
    expect(relativeError(normalCdf(-10), 7.619853024160525e-24)).toBeLessThan(1e-14);
  });

  it("is symmetric, Φ(x) + Φ(−x) = 1, across Cody's range boundaries", () => {
    for (const x of [0, 0.1, 0.67448975, 0.6744898, 1, 3, 5.656854, 5.657, 7]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    }
  });

  it("saturates to 0 and 1 far out", () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  it("rejects non-numbers", () => {
    for (const x of [Number.NaN, Number.NEGATIVE_INFINITY, "1"]) {
      expectCode(() => normalCdf(x as number), "invalid_argument", ["x"]);
    }
  });

  it("returns the limits 0 and 1 for huge finite x, never NaN (found by an audit)", () => {
    // Φ(x) → 1 as x → ∞ and → 0 as x → −∞; beyond |x| = 38.5 the tail is below every double, so
    // these are the exact double results (R: pnorm(1e308) = 1, pnorm(-1e308) = 0). Before: NaN from
    // 1.2e307 on, where the kernel's x · 16 overflowed.
    for (const x of [1.1e307, 1.2e307, 1e308, Number.MAX_VALUE, 40, 1e10]) {
      expect(normalCdf(x), `x = ${x}`).toBe(1);
      expect(normalCdf(-x), `x = ${-x}`).toBe(0);
    }
  });
});
