import { type BarLayout, barLayout, type ValueBand } from "./barLayout.js";
import { fitLabel } from "./fitLabel.js";
import { html, type SafeHtml } from "./html.js";

/** The colour of a bar: its status against a band, the portfolio total, or plain. */
export type BarTone = "plain" | "below" | "within" | "above" | "total";

/** One bar of a {@link horizontalBarChart}. */
export interface HorizontalBar {
  readonly label: string;
  /** The bar's value; `null` draws no bar (an undefined figure) and shows `valueText` alone. */
  readonly value: number | null;
  /** The figure written after the bar, formatted for people (or why there is none). */
  readonly valueText: string;
  readonly tone: BarTone;
  /** Tooltip: the full label and figures. */
  readonly title: string;
}

/** What a {@link horizontalBarChart} shows. */
export interface HorizontalBarChartSpec {
  /** Accessible name of the chart. */
  readonly name: string;
  readonly bars: readonly HorizontalBar[];
  /** A shaded range of values, with its caption; default none. */
  readonly band?: (ValueBand & { readonly caption: string }) | null;
  /** Title under the value axis. */
  readonly axisTitle: string;
  /** Text of an axis tick. */
  readonly tickText: (value: number) => string;
}

const WIDTH = 720;
const LABEL_END = 182;
const PLOT_START = 190;
const PLOT_END = 590;
const TOP = 30;
const ROW = 26;
const BAR = 16;
/** About how wide a character of a figure is at the chart's 12 px, for placing it. */
const CHARACTER_WIDTH = 7;

/**
 * A horizontal bar chart as inline SVG: one row per bar, labels on the left, the figure after each
 * bar, a value axis from 0 at the bottom, and an optional shaded band (the industry's normal
 * range) behind the bars. Geometry from {@link barLayout}. Labels are shortened to fit, with the full
 * text in the tooltip.
 *
 * @example
 * ```ts
 * horizontalBarChart({
 *   name: "Stock by age", axisTitle: "value", tickText: String,
 *   bars: [{ label: "0–30", value: 120, valueText: "120.00", tone: "plain", title: "0–30 days" }],
 * }).markup.startsWith("<svg"); // true
 * ```
 */
export function horizontalBarChart(spec: HorizontalBarChartSpec): SafeHtml {
  const layout = barLayout(
    spec.bars.map((b) => b.value),
    { start: PLOT_START, end: PLOT_END, band: spec.band ?? null },
  );
  const plotBottom = TOP + spec.bars.length * ROW;
  const height = plotBottom + 46;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${spec.name}"><title>${spec.name}</title>${bandMarkup(spec, layout, plotBottom)}${axisMarkup(spec, layout, plotBottom)}${spec.bars.map((bar, i) => barMarkup(bar, layout.lengths[i] ?? null, TOP + i * ROW))}</svg>`;
}

function bandMarkup(spec: HorizontalBarChartSpec, layout: BarLayout, plotBottom: number): SafeHtml {
  const band = spec.band;
  if (!band || layout.band === null) return html``;
  const { from, to } = layout.band;
  return html`<rect class="band" x="${from}" y="${TOP - 6}" width="${Math.max(to - from, 1)}" height="${plotBottom - TOP + 6}"><title>${band.caption}</title></rect><text class="band-label" x="${from}" y="${TOP - 12}">${band.caption}</text>`;
}

function axisMarkup(spec: HorizontalBarChartSpec, layout: BarLayout, plotBottom: number): SafeHtml {
  const ticks = layout.axis.ticks.map((tick, i) => {
    const x = layout.tickPositions[i] ?? PLOT_START;
    return html`<line class="grid" x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${plotBottom}"/><text class="tick" x="${x}" y="${plotBottom + 16}" text-anchor="middle">${spec.tickText(tick)}</text>`;
  });
  return html`${ticks}<line class="axis" x1="${PLOT_START}" y1="${plotBottom}" x2="${PLOT_END}" y2="${plotBottom}"/><text class="axis-title" x="${(PLOT_START + PLOT_END) / 2}" y="${plotBottom + 36}" text-anchor="middle">${spec.axisTitle}</text>`;
}

function barMarkup(bar: HorizontalBar, length: number | null, y: number): SafeHtml {
  const barY = y + (ROW - BAR) / 2;
  const textY = y + ROW / 2 + 4;
  const barEnd = PLOT_START + (length ?? 0);
  // A figure that would run off the chart goes inside the end of its (long) bar.
  const inside = barEnd + 6 + bar.valueText.length * CHARACTER_WIDTH > WIDTH;
  const value = inside
    ? html`<text class="value inside" x="${barEnd - 6}" y="${textY}" text-anchor="end">${bar.valueText}</text>`
    : html`<text class="value" x="${barEnd + 6}" y="${textY}">${bar.valueText}</text>`;
  const rect =
    length === null
      ? html``
      : html`<rect class="bar ${bar.tone}" x="${PLOT_START}" y="${barY}" width="${length}" height="${BAR}"/>`;
  return html`<g><title>${bar.title}</title><text class="label" x="${LABEL_END}" y="${textY}" text-anchor="end">${fitLabel(bar.label, 24)}</text>${rect}${value}</g>`;
}
