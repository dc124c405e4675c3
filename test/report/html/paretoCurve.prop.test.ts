import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { abcClassify } from "../../../src/classify/index.js";
import { downsampleCurve } from "../../../src/report/html/downsampleCurve.js";
import { paretoCurve } from "../../../src/report/html/paretoCurve.js";

const values = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 300 });

function curveOf(amounts: readonly number[]) {
  const rows = abcClassify(amounts.map((value, i) => ({ id: `s${i}`, value: value / 100 }))).map(
    (r) => ({ abcRank: r.rank, abcCumulativeShare: r.cumulativeShare, abcClass: r.class }),
  );
  return paretoCurve(rows);
}

test.prop([values])(
  "the curve starts at (0, 0), rises monotonically, ends at (1, 1)",
  (amounts) => {
    const curve = curveOf(amounts);
    if (amounts.every((v) => v === 0)) {
      expect(curve.reason).toBe("zero_total_value");
      return;
    }
    const { points } = curve;
    expect(points).toHaveLength(amounts.length + 1);
    expect(points[0]).toEqual({ x: 0, y: 0 });
    expect(points.at(-1)).toEqual({ x: 1, y: 1 });
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      expect(b?.x).toBeGreaterThan(a?.x as number);
      expect(b?.y).toBeGreaterThanOrEqual(a?.y as number);
    }
    // Concave: ranked largest first, no step rises more than the one before it (up to rounding).
    for (let i = 2; i < points.length; i++) {
      const rise = (points[i]?.y as number) - (points[i - 1]?.y as number);
      const before = (points[i - 1]?.y as number) - (points[i - 2]?.y as number);
      expect(rise).toBeLessThanOrEqual(before + 1e-12);
    }
    expect(curve.classEnds.at(-1)).toMatchObject({ x: 1, y: 1 });
  },
);

test.prop([values, fc.integer({ min: 20, max: 120 })])(
  "thinned for drawing, it keeps the start, the class ends and (1, 1), and stays monotone",
  (amounts, maxPoints) => {
    const curve = curveOf(amounts);
    if (curve.reason !== null) return;
    const thin = downsampleCurve(
      curve.points,
      maxPoints,
      curve.classEnds.map((e) => e.index),
    );
    expect(thin.length).toBeLessThanOrEqual(Math.max(maxPoints, curve.classEnds.length + 1));
    expect(thin[0]).toEqual({ x: 0, y: 0 });
    expect(thin.at(-1)).toEqual({ x: 1, y: 1 });
    for (const end of curve.classEnds) expect(thin).toContainEqual({ x: end.x, y: end.y });
    for (let i = 1; i < thin.length; i++) {
      expect(thin[i]?.x).toBeGreaterThan(thin[i - 1]?.x as number);
      expect(thin[i]?.y).toBeGreaterThanOrEqual(thin[i - 1]?.y as number);
    }
  },
);
