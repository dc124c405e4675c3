import { barLayout } from "./barLayout.js";
import { columnLayout } from "./columnLayout.js";
import { html, type SafeHtml } from "./html.js";

/** One series of a {@link columnChart}: a value per category. */
export interface ColumnSeries {
  readonly name: string;
  /** CSS class of its columns and legend swatch. */
  readonly tone: string;
  /** One value per category; a value ≤ 0 draws a column of height 0. */
  readonly values: readonly number[];
  /** The tooltip text of each value. */
  readonly titles: readonly string[];
}

/** A category of a {@link columnChart}: its label and an optional second line (the year). */
export interface ColumnCategory {
  readonly label: string;
  readonly subLabel?: string;
}

/** What a {@link columnChart} shows. */
export interface ColumnChartSpec {
  /** Accessible name of the chart. */
  readonly name: string;
  /** The categories along the bottom (months), in order, each with an optional second line. */
  readonly categories: readonly ColumnCategory[];
  readonly series: readonly ColumnSeries[];
  /** Text of a value axis tick. */
  readonly tickText: (value: number) => string;
}

const WIDTH = 720;
const PLOT_LEFT = 64;
const PLOT_RIGHT = 712;
const PLOT_TOP = 34;
const PLOT_BOTTOM = 250;
const HEIGHT = 284;
/** Most category labels written along the bottom; more are thinned to every k-th. */
const MAX_LABELS = 18;

/**
 * A grouped column chart as inline SVG: one slot per category (a month), the series' columns side
 * by side in it, a value axis from 0 on the left with grid lines, a legend on top. Geometry from
 * {@link columnLayout} (across) and {@link barLayout} (up). Every column has a tooltip with its
 * figure.
 *
 * @example
 * ```ts
 * columnChart({
 *   name: "Monthly", categories: [{ label: "Jan", subLabel: "2025" }], tickText: String,
 *   series: [{ name: "COGS", tone: "cogs", values: [10], titles: ["10"] }],
 * }).markup.includes("<rect"); // true
 * ```
 */
export function columnChart(spec: ColumnChartSpec): SafeHtml {
  const across = columnLayout(spec.categories.length, spec.series.length, PLOT_LEFT, PLOT_RIGHT);
  const up = barLayout(
    spec.series.flatMap((s) => s.values),
    { start: PLOT_BOTTOM, end: PLOT_TOP },
  );
  const every = Math.ceil(spec.categories.length / MAX_LABELS);
  const grid = up.axis.ticks.map((tick, i) => {
    const y = up.tickPositions[i] ?? PLOT_BOTTOM;
    return html`<line class="grid" x1="${PLOT_LEFT}" y1="${y}" x2="${PLOT_RIGHT}" y2="${y}"/><text class="tick" x="${PLOT_LEFT - 6}" y="${y + 4}" text-anchor="end">${spec.tickText(tick)}</text>`;
  });
  const columns = spec.series.map((series, s) =>
    across.slots.map((slot, c) => {
      const value = series.values[c] ?? 0;
      // Up the page is minus in SVG: the column's length is PLOT_BOTTOM − scale(value).
      const height = Number.isFinite(value) && value > 0 ? PLOT_BOTTOM - up.scale(value) : 0;
      return html`<rect class="column ${series.tone}" x="${slot.columnX[s] ?? slot.center}" y="${PLOT_BOTTOM - height}" width="${across.columnWidth}" height="${height}"><title>${series.titles[c] ?? ""}</title></rect>`;
    }),
  );
  const labels = across.slots.map((slot, c) => {
    const category = spec.categories[c];
    if (category === undefined || c % every !== 0) return null;
    return html`<text class="tick" x="${slot.center}" y="${PLOT_BOTTOM + 15}" text-anchor="middle">${category.label}</text>${category.subLabel === undefined ? null : html`<text class="tick" x="${slot.center}" y="${PLOT_BOTTOM + 28}" text-anchor="middle">${category.subLabel}</text>`}`;
  });
  const legend = spec.series.map(
    (series, s) =>
      html`<rect class="column ${series.tone}" x="${PLOT_LEFT + s * 220}" y="8" width="12" height="12"/><text class="legend" x="${PLOT_LEFT + s * 220 + 18}" y="18">${series.name}</text>`,
  );
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${spec.name}"><title>${spec.name}</title>${grid}${columns}<line class="axis" x1="${PLOT_LEFT}" y1="${PLOT_BOTTOM}" x2="${PLOT_RIGHT}" y2="${PLOT_BOTTOM}"/>${labels}${legend}</svg>`;
}
