import type { CurvePoint } from "./paretoCurve.js";

/**
 * The `d` attribute of an SVG path through `points`: `M x y` to the first, then `L x y` to each
 * next, with the data mapped to pixels by `xScale` and `yScale` and rounded to 0.1 px (finer is
 * invisible and only makes the file larger). No points give an empty path.
 *
 * @throws RangeError when a scaled coordinate is not a finite number (a bug in the caller's scale).
 * @example
 * ```ts
 * linePath([{ x: 0, y: 0 }, { x: 1, y: 1 }], (x) => 10 + x * 100, (y) => 200 - y * 100);
 * // "M10 200L110 100"
 * ```
 */
export function linePath(
  points: readonly CurvePoint[],
  xScale: (x: number) => number,
  yScale: (y: number) => number,
): string {
  return points
    .map((p, i) => `${i === 0 ? "M" : "L"}${pixel(xScale(p.x))} ${pixel(yScale(p.y))}`)
    .join("");
}

/** A pixel coordinate rounded to 0.1, never `-0`. */
function pixel(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`linePath: coordinate ${value} is not finite`);
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}
