import type { InventoryReport } from "../InventoryReport.js";
import { formatCompact, formatMoney, formatNumber, formatPercent } from "./formatFigures.js";
import type { ResolvedHtmlReportOptions } from "./HtmlReportOptions.js";
import { horizontalBarChart } from "./horizontalBarChart.js";
import { html, type SafeHtml } from "./html.js";
import { reportSection, sectionNote } from "./reportSection.js";

/**
 * The value on hand by age, one bar per aging bucket: the rows' aging value columns summed over
 * the portfolio (`totals.stock.buckets`, the report's own rollup of those columns), each bar with
 * its value and share of the stock value.
 */
export function agingSection(
  report: InventoryReport,
  options: ResolvedHtmlReportOptions,
): SafeHtml {
  const { stock } = report.totals;
  const total = stock.value;
  const intro =
    `The stock on hand on ${report.options.asOf}, valued, by the age of the receipt it came from ` +
    `(first in, first out: the oldest units leave first, unless a movement names its lot). Average age ${formatNumber(stock.averageAge, 0)} days, oldest ${formatNumber(stock.oldestAge, 0)} days.`;
  if (stock.buckets.length === 0 || !total.greaterThan(0)) {
    return reportSection({
      id: "aging",
      title: "Stock by age",
      intro,
      body: sectionNote("Nothing is on hand at the end of the period: there is no stock to age."),
    });
  }
  const bars = stock.buckets.map((bucket) => {
    const share = bucket.value.dividedBy(total).toNumber();
    return {
      label: `${bucket.label} days`,
      value: bucket.value.toNumber(),
      valueText: `${formatMoney(bucket.value)} (${formatPercent(share)})`,
      tone: "plain" as const,
      title: `${bucket.label} days: ${formatNumber(bucket.quantity)} units, ${formatMoney(bucket.value)}, ${formatPercent(share)} of the stock value`,
    };
  });
  const chart = horizontalBarChart({
    name: "Stock value by age",
    bars,
    axisTitle: `value on hand${options.currency === null ? "" : ` (${options.currency})`}`,
    tickText: formatCompact,
  });
  return reportSection({
    id: "aging",
    title: "Stock by age",
    intro,
    body: html`<figure>${chart}</figure>`,
  });
}
