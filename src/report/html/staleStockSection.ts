import { Decimal } from "../../model/Decimal.js";
import { quotientToNumber } from "../../model/quotientToNumber.js";
import type { InventoryReport } from "../InventoryReport.js";
import type { InventoryReportRow } from "../InventoryReportRow.js";
import { staleStockRows } from "../staleStockRows.js";
import { formatMoney, formatNumber, formatPercent } from "./formatFigures.js";
import type { ResolvedHtmlReportOptions } from "./HtmlReportOptions.js";
import { html, type SafeHtml } from "./html.js";
import { reportSection, sectionNote } from "./reportSection.js";
import { rowNaming } from "./rowNaming.js";
import { sortableTable } from "./sortableTable.js";

/**
 * The slow, dead and never-moved SKUs with the most capital in them, largest value first, at most
 * `staleRows` rows, then a count of the rest and the capital they hold.
 */
export function staleStockSection(
  report: InventoryReport,
  options: ResolvedHtmlReportOptions,
): SafeHtml {
  const { slowDays, deadDays } = report.options;
  const title = "Slow and dead stock by value";
  const intro = `SKUs with stock and no issue for ${slowDays} days or more (slow), ${deadDays} or more (dead), or never issued (never moved), with the capital tied up in them on ${report.options.asOf}.`;
  const { all: stale, shown } = staleStockRows(report.rows, options.staleRows);
  if (stale.length === 0) {
    return reportSection({
      id: "stale",
      title,
      intro,
      body: sectionNote("No slow or dead stock."),
    });
  }
  const total = sumOf(stale);
  const naming = rowNaming(report);
  const money = options.currency === null ? "" : ` (${options.currency})`;
  const table = sortableTable(
    [
      ...naming.columns,
      { header: "status", kind: "text" },
      { header: "last issue", kind: "date" },
      { header: "days without issue", kind: "number" },
      { header: "on hand", kind: "number" },
      { header: `value${money}`, kind: "number" },
      { header: "share of slow, dead and never-moved", kind: "number" },
    ],
    shown.map((r) => {
      const share = total.greaterThan(0) ? quotientToNumber(r.closingValue, total) : null;
      return [
        ...naming.cells(r),
        { text: r.movementStatus, tone: r.movementStatus },
        { text: r.lastIssueDate ?? "never" },
        { text: formatNumber(r.daysSinceLastIssue, 0), sortValue: r.daysSinceLastIssue },
        { text: formatNumber(r.closingQuantity), sortValue: r.closingQuantity },
        { text: formatMoney(r.closingValue), sortValue: r.closingValue.toNumber() },
        { text: formatPercent(share), sortValue: share },
      ];
    }),
    naming.columns.length + 4,
  );
  const rest = stale.length - shown.length;
  const restValue = total.minus(sumOf(shown));
  return reportSection({
    id: "stale",
    title,
    intro,
    long: true,
    body: html`${table}<p class="more">${
      rest > 0 ? `… and ${formatNumber(rest, 0)} more holding ${formatMoney(restValue)}; ` : ""
    }${formatNumber(stale.length, 0)} in all, holding ${formatMoney(total)}.</p>`,
  });
}

function sumOf(rows: readonly InventoryReportRow[]): Decimal {
  let sum = new Decimal(0);
  for (const row of rows) sum = sum.plus(row.closingValue);
  return sum;
}
