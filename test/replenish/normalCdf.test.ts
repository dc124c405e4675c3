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
});
