import { downsampleCurve } from "./downsampleCurve.js";
import { formatPercent } from "./formatFigures.js";
import { html, type SafeHtml } from "./html.js";
import { linearScale } from "./linearScale.js";
import type { ParetoCurve } from "./paretoCurve.js";
import { linePath } from "./svgPath.js";

/** What a {@link paretoChart} shows. */
export interface ParetoChartSpec {
  /** Accessible name of the chart. */
  readonly name: string;
  /** The curve, with points (not empty). */
  readonly curve: ParetoCurve;
  /** The ABC cutoffs, cumulative shares in (0, 1]: dashed lines across. */
  readonly cutoffs: readonly number[];
  /** The most points of the drawn line. */
  readonly maxPoints: number;
  /** What the SKUs are ranked by, for the axis titles ("COGS"). */
  readonly measure: string;
  /** What the ranked rows are, in the plural: `'SKUs'` (default), `'SKU-locations'` by location. */
  readonly rows?: string;
}

const WIDTH = 720;
const HEIGHT = 412;
const LEFT = 60;
const RIGHT = 650;
/** Room a class label needs beside its dot, in pixels. */
const LABEL_ROOM = 226;
const TOP = 28;
const BOTTOM = 362;
const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * The ABC Pareto curve as inline SVG: cumulative share of value (up) against share of SKUs
 * (across), both 0–100 %, the curve thinned to at most `maxPoints` points by
 * {@link downsampleCurve} (keeping the class ends and the end point (100 %, 100 %)); the diagonal of
 * SKUs of equal value for comparison; the cutoffs as dashed lines across, and the end of each
 * class but the last marked with a dot, a line down to the SKU axis and its figures.
 *
 * @example
 * ```ts
 * import { paretoCurve } from "./paretoCurve.js";
 * const curve = paretoCurve([
 *   { abcRank: 1, abcCumulativeShare: 0.85, abcClass: "A" },
 *   { abcRank: 2, abcCumulativeShare: 1, abcClass: "B" },
 * ]);
 * paretoChart({ name: "ABC", curve, cutoffs: [0.8, 0.95], maxPoints: 500, measure: "COGS" })
 *   .markup.startsWith("<svg"); // true
 * ```
 */
export function paretoChart(spec: ParetoChartSpec): SafeHtml {
  const x = linearScale([0, 1], [LEFT, RIGHT]);
  const y = linearScale([0, 1], [BOTTOM, TOP]);
  const { curve } = spec;
  const rows = spec.rows ?? "SKUs";
  const line = downsampleCurve(
    curve.points,
    spec.maxPoints,
    curve.classEnds.map((end) => end.index),
  );
  const grid = TICKS.map(
    (t) =>
      html`<line class="grid" x1="${x(t)}" y1="${TOP}" x2="${x(t)}" y2="${BOTTOM}"/><line class="grid" x1="${LEFT}" y1="${y(t)}" x2="${RIGHT}" y2="${y(t)}"/><text class="tick" x="${x(t)}" y="${BOTTOM + 16}" text-anchor="middle">${formatPercent(t, 0)}</text><text class="tick" x="${LEFT - 6}" y="${y(t) + 4}" text-anchor="end">${formatPercent(t, 0)}</text>`,
  );
  const cutoffs = spec.cutoffs.map(
    (c) =>
      html`<line class="cutoff" x1="${LEFT}" y1="${y(c)}" x2="${RIGHT}" y2="${y(c)}"/><text class="cutoff-label" x="${RIGHT + 6}" y="${y(c) + 4}">cutoff ${formatPercent(c, 0)}</text>`,
  );
  // The last class ends at (100 %, 100 %): only the crossings before it are marked.
  const marks = curve.classEnds.slice(0, -1).map((end) => {
    const text = `${end.label}: ${formatPercent(end.x)} of ${rows} hold ${formatPercent(end.y)}`;
    // A concave curve leaves the area below and right of its points empty: the label goes there,
    // or, too near the right edge for it, above and left of the point (above the curve).
    const onLeft = x(end.x) + 8 + LABEL_ROOM > WIDTH;
    const labelX = onLeft ? x(end.x) - 8 : x(end.x) + 8;
    const labelY = onLeft ? y(end.y) - 8 : y(end.y) + 18;
    return html`<g class="class-end"><title>${text}</title><line class="class-line" x1="${x(end.x)}" y1="${y(end.y)}" x2="${x(end.x)}" y2="${BOTTOM}"/><circle class="class-dot" cx="${x(end.x)}" cy="${y(end.y)}" r="4"/><text class="class-label" x="${labelX}" y="${labelY}" text-anchor="${onLeft ? "end" : "start"}">${text}</text></g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${spec.name}"><title>${spec.name}</title>${grid}<line class="diagonal" x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}"><title>${rows} of equal value</title></line>${cutoffs}<path class="curve" d="${linePath(line, x, y)}"/>${marks}<line class="axis" x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}"/><line class="axis" x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${BOTTOM}"/><text class="axis-title" x="${(LEFT + RIGHT) / 2}" y="${BOTTOM + 38}" text-anchor="middle">share of ${rows}, ranked by ${spec.measure}, largest first</text><text class="axis-title" x="16" y="${(TOP + BOTTOM) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(TOP + BOTTOM) / 2})">cumulative share of ${spec.measure}</text></svg>`;
}
