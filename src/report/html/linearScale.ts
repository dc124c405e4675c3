import { requireFinite } from "../../model/assert.js";

const FN = "linearScale";

/** A pair of numbers: the ends of a domain or of a range. */
export type Interval = readonly [number, number];

/**
 * A linear scale for charts: maps the data interval `domain` onto the pixel interval `range`.
 *
 * scale(v) = r₀ + (v − d₀) × (r₁ − r₀) / (d₁ − d₀)
 *
 * An empty domain (d₀ = d₁, e.g. every value zero) maps every value to r₀ instead of dividing by
 * zero, so a chart of nothing is drawn flat, never with `NaN`. Values outside the domain map
 * outside the range (no clamping). A range may run backwards (SVG's y axis grows downwards).
 *
 * @param domain - the data values at the two ends, [d₀, d₁].
 * @param range - the pixel positions of the two ends, [r₀, r₁].
 * @returns the scale function.
 * @throws InvKpiError `invalid_argument` when an end is not a finite number.
 * @example
 * ```ts
 * const y = linearScale([0, 100], [300, 20]);
 * y(0); // 300
 * y(50); // 160
 * linearScale([5, 5], [0, 10])(5); // 0
 * ```
 */
export function linearScale(domain: Interval, range: Interval): (value: number) => number {
  const d0 = requireFinite(domain[0], FN, "domain[0]");
  const d1 = requireFinite(domain[1], FN, "domain[1]");
  const r0 = requireFinite(range[0], FN, "range[0]");
  const r1 = requireFinite(range[1], FN, "range[1]");
  if (d0 === d1) return () => r0;
  const ratio = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * ratio;
}
