import type { CurvePoint } from "./paretoCurve.js";

/**
 * Thins a monotone curve (a polyline) to at most `maxPoints` points for drawing, keeping its shape,
 * its first and last points and the points at `keepIndices` (the ends of the ABC classes, where the
 * curve crosses the cutoffs).
 *
 * A point is kept when the curve has moved at least `step` along x or along y since the last kept
 * point, with step = (Σ|Δx| + Σ|Δy|) / (maxPoints − kept points). Each point kept this way uses up
 * at least `step` of the curve's total travel, so there are at most maxPoints − kept of them, and
 * between two kept points the curve moves less than `step` in each direction: the thinned line is
 * within one step of the original everywhere. Unlike keeping every k-th point, this keeps the steep
 * head of a Pareto curve (a few SKUs, much value) as finely as its long flat tail.
 *
 * @param points - the curve, in order.
 * @param maxPoints - the most points to return; a curve that has no more is returned as it is. When
 *   the points that must be kept are more than `maxPoints`, all of them are returned.
 * @param keepIndices - indices of `points` that must be kept; default none.
 * @returns the kept points, in order.
 * @example
 * ```ts
 * const line = Array.from({ length: 1001 }, (_, i) => ({ x: i / 1000, y: i / 1000 }));
 * const thin = downsampleCurve(line, 50, [800]);
 * thin.length <= 50; // true
 * thin.at(-1); // { x: 1, y: 1 }
 * thin.some((p) => p.x === 0.8); // true
 * ```
 */
export function downsampleCurve(
  points: readonly CurvePoint[],
  maxPoints: number,
  keepIndices: readonly number[] = [],
): CurvePoint[] {
  if (points.length <= maxPoints) return [...points];
  const keep = new Set(keepIndices.filter((i) => i > 0 && i < points.length - 1));
  keep.add(0);
  keep.add(points.length - 1);
  const budget = maxPoints - keep.size;
  // The tiny margin keeps rounding in the sums from letting one point more through.
  const step = budget > 0 ? (travelOf(points) / budget) * (1 + 1e-9) : Number.POSITIVE_INFINITY;
  const kept: CurvePoint[] = [];
  let anchor = points[0] as CurvePoint;
  points.forEach((point, i) => {
    const moved = Math.max(Math.abs(point.x - anchor.x), Math.abs(point.y - anchor.y));
    if (keep.has(i) || moved >= step) {
      kept.push(point);
      anchor = point;
    }
  });
  return kept;
}

/** Σ|Δx| + Σ|Δy| along the curve. */
function travelOf(points: readonly CurvePoint[]): number {
  let travel = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as CurvePoint;
    const b = points[i] as CurvePoint;
    travel += Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
  }
  return travel;
}
