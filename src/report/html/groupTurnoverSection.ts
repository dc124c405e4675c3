import type { InventoryReport } from "../InventoryReport.js";
import { reasonText } from "../reasonText.js";
import type { ReportFigures, ReportGroup } from "../reportFigures.js";
import { rowNoun } from "../rowNoun.js";
import {
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
  NO_FIGURE,
} from "./formatFigures.js";
import type { ResolvedHtmlReportOptions } from "./HtmlReportOptions.js";
import { type BarTone, type HorizontalBar, horizontalBarChart } from "./horizontalBarChart.js";
import { html, type SafeHtml } from "./html.js";
import { reportSection, sectionNote } from "./reportSection.js";
import { sortableTable, type TableCell } from "./sortableTable.js";
import { bandPlaces, type TurnoverBand, turnoverBand } from "./turnoverBand.js";
import { turnoverBasisText } from "./turnoverBasisText.js";

/**
 * Turnover a year by category (or, without a category grouping, by location), one bar per group
 * against the industry's normal range shaded behind the bars, the portfolio first; then a sortable
 * table of the groups' figures. Groups come by inventory value, largest first, at most
 * `groupRows` of them. A turnover shows as many decimals as tell it from the band's ends
 * (`bandPlaces`), so a bar coloured below the band never reads as its lower end.
 */
export function groupTurnoverSection(
  report: InventoryReport,
  options: ResolvedHtmlReportOptions,
): SafeHtml {
  const grouping = report.groups.category !== undefined ? "category" : "location";
  const groups = report.groups.category ?? report.groups.location;
  const title = `Turnover by ${grouping}`;
  if (groups === undefined) {
    return reportSection({
      id: "turnover",
      title: "Turnover by category",
      body: sectionNote(
        "The report has no category or location grouping: analyze with groupBy ['category'] (command line: --group-by category) to compare turnover across categories.",
      ),
    });
  }
  const { band, reason } = turnoverBand(report);
  const shown = [...groups]
    .sort((a, b) => b.turnover.closingValue.comparedTo(a.turnover.closingValue))
    .slice(0, options.groupRows);
  const nameOf = (g: ReportGroup) => g.key ?? `(no ${grouping})`;
  const bars: HorizontalBar[] = [
    barOf("All SKUs", report.totals, "total", band, report),
    ...shown.map((g) => barOf(nameOf(g), g, null, band, report)),
  ];
  const chart = horizontalBarChart({
    name: `Inventory turnover a year by ${grouping}`,
    bars,
    band:
      band === null
        ? null
        : { ...band, caption: `normal for ${band.label}: ${band.text} turns a year` },
    axisTitle: "inventory turnover a year (annualized)",
    tickText: (v) => formatNumber(v, 2),
  });
  const money = options.currency === null ? "" : ` (${options.currency})`;
  const table = sortableTable(
    [
      { header: grouping, kind: "text" },
      { header: `${rowNoun(report)}s`, kind: "number" },
      { header: `inventory value${money}`, kind: "number" },
      { header: `COGS${money}`, kind: "number" },
      { header: "turnover a year", kind: "number" },
      { header: "days of inventory", kind: "number" },
      { header: "slow, dead and never-moved share", kind: "number" },
    ],
    shown.map((g) => groupCells(nameOf(g), g, band)),
    2,
  );
  const intro =
    `Annualized turnover (${turnoverBasisText(report.options.turnoverBasis)}, ${report.options.daysPerYear} / ${report.period.days} days) of each ${grouping}'s stock as a whole. ` +
    (band === null
      ? `No industry band: ${reasonText(reason)}.`
      : `The shaded band is the normal range for ${band.label}; bars below it are orange, within it green, above it blue.`);
  const hidden = groups.length - shown.length;
  return reportSection({
    id: "turnover",
    title,
    intro,
    body: html`<figure>${chart}</figure>${table}${
      hidden > 0
        ? html`<p class="more">… and ${formatNumber(hidden, 0)} more ${grouping} groups with less inventory value.</p>`
        : null
    }`,
  });
}

function barOf(
  label: string,
  figures: ReportFigures,
  tone: BarTone | null,
  band: TurnoverBand | null,
  report: InventoryReport,
): HorizontalBar {
  const annual = figures.annualizedTurnover;
  const status = annual === null || band === null ? "plain" : statusOf(annual, band);
  const shown = formatNumber(annual, bandPlaces(annual, band));
  const valueText =
    annual === null ? `${NO_FIGURE} ${reasonText(figures.turnover.reasons.turnover)}` : shown;
  return {
    label,
    value: annual,
    valueText: fitReason(valueText),
    tone: tone ?? status,
    title:
      `${label}: ${annual === null ? "no turnover" : `${shown} turns a year`}, ` +
      `inventory value ${formatMoney(figures.turnover.closingValue)}, ${formatCount(figures.skuCount, rowNoun(report))}`,
  };
}

function statusOf(annual: number, band: TurnoverBand): BarTone {
  if (annual < band.min) return "below";
  return band.max !== undefined && annual > band.max ? "above" : "within";
}

/** A reason after a bar is shortened to what fits on the right of the chart. */
function fitReason(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function groupCells(name: string, g: ReportGroup, band: TurnoverBand | null): TableCell[] {
  const { turnover, stock } = g;
  const staleShare =
    stock.slowShare === null || stock.deadShare === null || stock.neverMovedShare === null
      ? null
      : stock.slowShare + stock.deadShare + stock.neverMovedShare;
  return [
    { text: name },
    { text: formatNumber(g.skuCount, 0), sortValue: g.skuCount },
    { text: formatMoney(turnover.closingValue), sortValue: turnover.closingValue.toNumber() },
    { text: formatMoney(turnover.cogs), sortValue: turnover.cogs.toNumber() },
    {
      text: formatNumber(g.annualizedTurnover, bandPlaces(g.annualizedTurnover, band)),
      sortValue: g.annualizedTurnover,
    },
    { text: formatNumber(turnover.daysOfInventory, 0), sortValue: turnover.daysOfInventory },
    { text: formatPercent(staleShare), sortValue: staleShare },
  ];
}
