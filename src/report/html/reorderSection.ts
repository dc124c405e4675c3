import type { InventoryReport } from "../InventoryReport.js";
import { causesPhrase, reorderPointCauses } from "../reorderPointCauses.js";
import { reorderNowRows } from "../reorderUrgency.js";
import { rowNoun } from "../rowNoun.js";
import { formatCount, formatNumber } from "./formatFigures.js";
import type { ResolvedHtmlReportOptions } from "./HtmlReportOptions.js";
import { html, type SafeHtml } from "./html.js";
import { reportSection, sectionNote } from "./reportSection.js";
import { rowNaming } from "./rowNaming.js";
import { sortableTable } from "./sortableTable.js";

/**
 * The SKUs at or below their reorder point (`reorderNow`), the most urgent first, with the
 * suggested order quantity; at most `reorderRows` rows and a count of the rest. Without any
 * reorder point, a note counts the reasons over every row (`reorderPointCauses`).
 */
export function reorderSection(
  report: InventoryReport,
  options: ResolvedHtmlReportOptions,
): SafeHtml {
  const title = "Reorder now";
  const intro =
    "SKUs whose inventory position (on hand + on order − backordered − reserved) is at or below the reorder point, the most urgent first (lowest position relative to the reorder point), with the quantity to order now.";
  const noun = rowNoun(report);
  if (report.diagnosis.reorderPointCount === 0) {
    const found = reorderPointCauses(report.rows);
    const causes = causesPhrase(found, (n) => formatCount(n, noun));
    const leadTimes = found.some((c) => c.code === "no_lead_time")
      ? " Give lead times in skuInfo (leadTimeDays) or the replenishment option (command line: --lead-time)."
      : "";
    return reportSection({
      id: "reorder",
      title,
      intro,
      body: sectionNote(
        `No ${noun} has a reorder point${causes === "" ? "" : `: ${causes}`}.${leadTimes}`,
      ),
    });
  }
  const { all: due, shown } = reorderNowRows(report.rows, options.reorderRows);
  if (due.length === 0) {
    return reportSection({
      id: "reorder",
      title,
      intro,
      body: sectionNote(`No ${noun} is at or below its reorder point.`),
    });
  }
  const naming = rowNaming(report);
  const table = sortableTable(
    [
      ...naming.columns,
      { header: "class", kind: "text" },
      { header: "on hand", kind: "number" },
      { header: "position", kind: "number" },
      { header: "reorder point", kind: "number" },
      { header: "safety stock", kind: "number" },
      { header: "lead days", kind: "number" },
      { header: "order now", kind: "number" },
    ],
    shown.map((r) => [
      ...naming.cells(r),
      {
        text: `${r.abcClass ?? "–"}${r.xyzClass === null || r.xyzClass === "none" ? "" : r.xyzClass}`,
      },
      { text: formatNumber(r.closingQuantity), sortValue: r.closingQuantity },
      { text: formatNumber(r.inventoryPosition), sortValue: r.inventoryPosition },
      { text: formatNumber(r.reorderPoint, 1, true), sortValue: r.reorderPoint },
      { text: formatNumber(r.safetyStock, 1, true), sortValue: r.safetyStock },
      { text: formatNumber(r.leadTimeDays), sortValue: r.leadTimeDays },
      { text: formatNumber(r.suggestedOrder, 1), sortValue: r.suggestedOrder },
    ]),
  );
  const rest = due.length - shown.length;
  return reportSection({
    id: "reorder",
    title,
    intro,
    long: true,
    body: html`${table}<p class="more">${rest > 0 ? `… and ${formatNumber(rest, 0)} more; ` : ""}${formatCount(due.length, noun)} to reorder in all.</p>`,
  });
}
