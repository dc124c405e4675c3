import { describe, expect, test } from "vitest";
import { downsampleCurve } from "../../../src/report/html/downsampleCurve.js";
import type { CurvePoint } from "../../../src/report/html/paretoCurve.js";

/** A Pareto-like curve of n SKUs whose values fall off as 1 / rank (Zipf). */
function zipfCurve(n: number): CurvePoint[] {
  const values = Array.from({ length: n }, (_, i) => 1 / (i + 1));
  const total = values.reduce((a, b) => a + b, 0);
  let sum = 0;
  return [
    { x: 0, y: 0 },
    ...values.map((v, i) => {
      sum += v;
      return { x: (i + 1) / n, y: i === n - 1 ? 1 : sum / total };
    }),
  ];
}

describe("downsampleCurve", () => {
  test("a curve with few enough points comes back as it is", () => {
    const curve = zipfCurve(10);
    expect(downsampleCurve(curve, 500)).toEqual(curve);
  });

  test("100 000 points become at most 500, with the first, last and kept points", () => {
    const curve = zipfCurve(100_000);
    const keep = [12_345, 67_890];
    const thin = downsampleCurve(curve, 500, keep);
    expect(thin.length).toBeLessThanOrEqual(500);
    expect(thin.length).toBeGreaterThan(250);
    expect(thin[0]).toEqual({ x: 0, y: 0 });
    expect(thin.at(-1)).toEqual({ x: 1, y: 1 });
    for (const i of keep) expect(thin).toContain(curve[i]);
  });

  test("the thinned line stays within one step of the curve, the steep head included", () => {
    // Travel of the curve: Σ|Δx| + Σ|Δy| = 1 + 1 = 2, so with 498 free points the step is 2 / 498.
    // Between two kept points the curve moves less than a step in x and in y.
    const curve = zipfCurve(20_000);
    const thin = downsampleCurve(curve, 500);
    const step = 2 / 498;
    for (let i = 1; i < thin.length; i++) {
      const [a, b] = [thin[i - 1] as CurvePoint, thin[i] as CurvePoint];
      // Each gap is at most one step plus the last point's own move (x moves 1/20 000 a point).
      expect(b.x - a.x).toBeLessThan(step + 1 / 20_000 + 1e-12);
      expect(b.y - a.y).toBeLessThan(step + (curve[1]?.y ?? 0) + 1e-12);
    }
    // The head: the first SKU alone holds ~9 % of the value, so points 0 and 1 are both kept.
    expect(thin[1]).toEqual(curve[1]);
  });

  test("more points to keep than allowed: all of them, nothing else", () => {
    const curve = zipfCurve(1000);
    const keep = Array.from({ length: 30 }, (_, i) => i * 30 + 1);
    const thin = downsampleCurve(curve, 20, keep);
    expect(thin).toHaveLength(32);
  });
});
