import { linearScale } from "./linearScale.js";
import { type NiceAxis, niceAxis } from "./niceAxis.js";

/** A shaded range of values behind the bars (the industry's normal turnover). */
export interface ValueBand {
  readonly min: number;
  /** Absent: the band is open upwards and runs to the end of the axis. */
  readonly max?: number;
}

/** Where the bars of a bar chart start and end, in pixels along the value axis. */
export interface BarLayoutOptions {
  /** Pixel position of the value 0. */
  readonly start: number;
  /** Pixel position of the axis top. */
  readonly end: number;
  /** A band to shade; the axis grows to show it whole. Default none. */
  readonly band?: ValueBand | null;
  /** About how many ticks; default 5. */
  readonly tickCount?: number;
}

/** The geometry of a bar chart along its value axis. */
export interface BarLayout {
  readonly axis: NiceAxis;
  /** Value → pixel. */
  readonly scale: (value: number) => number;
  /** The length of each bar in pixels: proportional to its value, 0 for a value ≤ 0, `null` for none. */
  readonly lengths: readonly (number | null)[];
  /** Pixel positions of the band, or `null` without one. */
  readonly band: { readonly from: number; readonly to: number } | null;
  /** Pixel position of each tick of the axis. */
  readonly tickPositions: readonly number[];
}

/**
 * Lays bars out along a value axis that starts at 0: the axis runs to a round number covering the
 * largest value and the band ({@link niceAxis}), and each bar's length is
 *
 *     length = (end − start) × value / axis.max
 *
 * so lengths are proportional to the values. A missing value (`null`, a figure that is undefined)
 * has no bar; a value ≤ 0 or not finite a bar of length 0. With nothing to show (all values zero,
 * or none) the axis is 0..1 and every length 0: never `NaN`.
 *
 * @example
 * ```ts
 * const layout = barLayout([50, 100, null], { start: 0, end: 200 });
 * layout.lengths; // [100, 200, null]
 * layout.axis.max; // 100
 * ```
 */
export function barLayout(
  values: readonly (number | null)[],
  options: BarLayoutOptions,
): BarLayout {
  const band = options.band ?? null;
  let largest = Math.max(0, band?.max ?? band?.min ?? 0);
  for (const v of values) if (v !== null && Number.isFinite(v) && v > largest) largest = v;
  const axis = niceAxis(largest, options.tickCount ?? 5);
  const scale = linearScale([0, axis.max], [options.start, options.end]);
  const lengths = values.map((v) => {
    if (v === null) return null;
    return Number.isFinite(v) && v > 0 ? scale(v) - options.start : 0;
  });
  return {
    axis,
    scale,
    lengths,
    band: band === null ? null : { from: scale(band.min), to: scale(band.max ?? axis.max) },
    tickPositions: axis.ticks.map(scale),
  };
}
