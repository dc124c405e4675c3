import type { InventoryReport } from "../InventoryReport.js";
import { rowNoun } from "../rowNoun.js";
import { formatCount, formatNumber, formatPercent } from "./formatFigures.js";
import type { ResolvedHtmlReportOptions } from "./HtmlReportOptions.js";
import { html, type SafeHtml } from "./html.js";
import { measureName } from "./measureName.js";
import { paretoChart } from "./paretoChart.js";
import { paretoCurve } from "./paretoCurve.js";
import { reportSection, sectionNote } from "./reportSection.js";

/**
 * The ABC Pareto curve: how few SKUs hold most of the ABC measure, with the class cutoffs marked,
 * and one line per class (SKUs, share of SKUs, share of the measure).
 */
export function paretoSection(
  report: InventoryReport,
  options: ResolvedHtmlReportOptions,
): SafeHtml {
  const { abc } = report.options;
  const measure = measureName(abc.measure);
  const noun = rowNoun(report);
  const curve = paretoCurve(report.rows);
  const intro =
    `${noun}s ranked by ${measure} over the period, largest first; the curve adds up their share of the total. ` +
    `The classes close at the cutoffs ${abc.cutoffs.map((c) => formatPercent(c, 0)).join(" and ")} of the cumulative ${measure}.`;
  if (curve.reason !== null) {
    const why =
      curve.reason === "no_ranked_skus"
        ? `No ${noun} has an ABC class, so there is no curve to draw.`
        : `Every ${noun}'s ${measure} is zero over the period, so there is no curve to draw.`;
    return reportSection({ id: "pareto", title: "ABC analysis", intro, body: sectionNote(why) });
  }
  let before = 0;
  const classes = curve.classEnds.map((end) => {
    const valueShare = end.y - before;
    before = end.y;
    return html`<li><strong>${end.label}</strong>: ${formatCount(end.count, noun)} (${formatPercent(end.count / curve.rankedCount)}) hold ${formatPercent(valueShare)} of ${measure}</li>`;
  });
  const chart = paretoChart({
    name: `ABC Pareto curve: cumulative share of ${measure} against share of ${noun}s`,
    curve,
    cutoffs: abc.cutoffs,
    maxPoints: options.curvePoints,
    measure,
    rows: `${noun}s`,
  });
  const unranked = unrankedNote(report, measure);
  return reportSection({
    id: "pareto",
    title: "ABC analysis",
    intro,
    body: html`<figure>${chart}</figure><ul class="classes">${classes}</ul>${
      unranked === null ? null : html`<p class="more">${unranked}</p>`
    }`,
  });
}

/**
 * What the rows without an ABC class are: zero measures left out by `abc.zeroValues: 'exclude'`
 * (`abc_excluded`), and measures unknown for issues without a price (`no_price`); `null` when
 * every row is ranked.
 */
function unrankedNote(report: InventoryReport, measure: string): string | null {
  let excluded = 0;
  let unpriced = 0;
  for (const row of report.rows) {
    if (row.reasons.abcClass === "abc_excluded") excluded++;
    else if (row.reasons.abcClass === "no_price") unpriced++;
  }
  const parts = [
    excluded > 0
      ? `${formatNumber(excluded, 0)} with zero ${measure}, left out by abc.zeroValues 'exclude'`
      : null,
    unpriced > 0
      ? `${formatNumber(unpriced, 0)} whose ${measure} is unknown because issues lack a price`
      : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return null;
  return `${formatCount(excluded + unpriced, "row")} without an ABC class: ${parts.join("; ")}.`;
}
