import type { InventoryReport } from "../InventoryReport.js";
import { columnChart } from "./columnChart.js";
import { formatCompact, formatMoney, formatNumber } from "./formatFigures.js";
import type { ResolvedHtmlReportOptions } from "./HtmlReportOptions.js";
import { html, type SafeHtml } from "./html.js";
import { reportSection, sectionNote } from "./reportSection.js";
import { sortableTable } from "./sortableTable.js";

const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/**
 * Inventory value at each month's end and the month's COGS, side by side per calendar month
 * (`groups.month`), then the months as a sortable table with the average inventory and the
 * month's pace of turnover. A report without the month grouping gets a note saying how to ask
 * for it.
 */
export function monthlySection(
  report: InventoryReport,
  options: ResolvedHtmlReportOptions,
): SafeHtml {
  const months = report.groups.month;
  const title = "Inventory value and COGS by month";
  if (months === undefined || months.length === 0) {
    return reportSection({
      id: "monthly",
      title,
      body: sectionNote(
        "The report has no month grouping: analyze with groupBy ['month'] (command line: --group-by month) to see the monthly inventory value and COGS.",
      ),
    });
  }
  const money = options.currency === null ? "" : ` (${options.currency})`;
  const categories = months.map((m, i) => {
    const [year = "", month = ""] = m.month.split("-");
    const name = MONTH_NAMES[Number(month) - 1] ?? month;
    return i === 0 || month === "01" ? { label: name, subLabel: year } : { label: name };
  });
  const chart = columnChart({
    name: "Inventory value at month end and COGS of the month",
    categories,
    series: [
      {
        name: `inventory value at month end${money}`,
        tone: "value",
        values: months.map((m) => m.closingValue.toNumber()),
        titles: months.map(
          (m) => `${m.month}: inventory value ${formatMoney(m.closingValue)} on ${m.to}`,
        ),
      },
      {
        name: `COGS of the month${money}`,
        tone: "cogs",
        values: months.map((m) => m.cogs.toNumber()),
        titles: months.map((m) => `${m.month}: COGS ${formatMoney(m.cogs)}`),
      },
    ],
    tickText: formatCompact,
  });
  const table = sortableTable(
    [
      { header: "month", kind: "text" },
      { header: `average inventory${money}`, kind: "number" },
      { header: `inventory at month end${money}`, kind: "number" },
      { header: `COGS${money}`, kind: "number" },
      { header: "turnover pace a year", kind: "number" },
    ],
    months.map((m) => [
      { text: m.month },
      { text: formatMoney(m.averageValue), sortValue: m.averageValue.toNumber() },
      { text: formatMoney(m.closingValue), sortValue: m.closingValue.toNumber() },
      { text: formatMoney(m.cogs), sortValue: m.cogs.toNumber() },
      { text: formatNumber(m.annualizedTurnover, 2), sortValue: m.annualizedTurnover },
    ]),
  );
  return reportSection({
    id: "monthly",
    title,
    intro:
      "Stock value at the end of each calendar month of the period and the cost of what was sold in it. The turnover pace is the month's turnover scaled to a year.",
    body: html`<figure>${chart}</figure>${table}`,
  });
}
