import type { InventoryReport, InventoryReportRow } from "../report/index.js";
import { reorderNowRows } from "../report/reorderUrgency.js";
import { rowNoun } from "../report/rowNoun.js";
import { staleStockRows } from "../report/staleStockRows.js";
import { displayCount, displayMoney, displayNumber, NO_VALUE } from "./displayNumber.js";
import { noReorderPoints } from "./portfolioSection.js";
import { type TextColumn, textTable } from "./textTable.js";

/**
 * The slow, dead and never-moved stock with the most capital in it, largest value first, at most
 * `top` rows and a count of the rest.
 *
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * staleStockSection(report, 10); // "Slow and dead stock by value (no issue in 90+ days)\n  SKU ..."
 * ```
 */
export function staleStockSection(report: InventoryReport, top: number): string {
  const { all: stale, shown } = staleStockRows(report.rows, top);
  const title = `Slow and dead stock by value (no issue in ${displayNumber(report.options.slowDays)}+ days)`;
  if (stale.length === 0) return `${title}\n  none\n`;
  const naming = rowNaming(report);
  const columns: TextColumn[] = [
    ...naming.columns,
    { header: "status" },
    { header: "last issue" },
    { header: "days", align: "right" },
    { header: "on hand", align: "right" },
    { header: "value", align: "right" },
  ];
  const rows = shown.map((r) => [
    ...naming.cells(r),
    r.movementStatus,
    r.lastIssueDate ?? "never",
    displayNumber(r.daysSinceLastIssue, 0),
    displayNumber(r.closingQuantity),
    displayMoney(r.closingValue),
  ]);
  return `${title}\n${textTable(columns, rows, 2)}${more(stale.length, top)}`;
}

/**
 * The SKUs whose inventory position is at or below their reorder point, the most urgent first
 * (the lowest position relative to the reorder point), at most `top` rows and a count of the rest;
 * then what an order that cannot be sized needs (`no_order_quantity`). Without any reorder point,
 * why not, counted over every row (`noReorderPoints`).
 *
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * reorderSection(report, 10); // "Reorder now (inventory position ≤ reorder point)\n  SKU ..."
 * ```
 */
export function reorderSection(report: InventoryReport, top: number): string {
  const { all: due, shown } = reorderNowRows(report.rows, top);
  const title = "Reorder now (inventory position ≤ reorder point)";
  if (report.rows.every((r) => r.reorderPoint === null)) {
    const why = noReorderPoints(report);
    const note = why === "no reorder points" ? "" : ` (${why})`;
    return `${title}\n  ${NO_VALUE} no reorder points${note}\n`;
  }
  if (due.length === 0) return `${title}\n  none\n`;
  const naming = rowNaming(report);
  const columns: TextColumn[] = [
    ...naming.columns,
    { header: "ABC" },
    { header: "position", align: "right" },
    { header: "reorder pt", align: "right" },
    { header: "safety", align: "right" },
    { header: "lead days", align: "right" },
    { header: "order", align: "right" },
  ];
  const rows = shown.map((r) => [
    ...naming.cells(r),
    `${r.abcClass ?? NO_VALUE}${r.xyzClass ?? ""}`,
    displayNumber(r.inventoryPosition),
    displayNumber(r.reorderPoint, 1, true),
    displayNumber(r.safetyStock, 1, true),
    displayNumber(r.leadTimeDays),
    displayNumber(r.suggestedOrder, 1),
  ]);
  return `${title}\n${textTable(columns, rows, 2)}${more(due.length, top)}${unsizedOrders(due, rowNoun(report))}`;
}

/**
 * Under the reorder list, why an order column shows `–`, as the section says why there are no
 * reorder points: one line per reason, counting every due SKU (those beyond `top` too). The usual
 * reason, `no_order_quantity`, names the master data fields that would size the order.
 */
function unsizedOrders(due: readonly InventoryReportRow[], noun: string): string {
  const counts = new Map<string, number>();
  for (const row of due) {
    if (row.suggestedOrder !== null) continue;
    const code = row.reasons.suggestedOrder ?? "undefined";
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts]
    .map(([code, count]) => {
      const has = `${displayCount(count, noun)} ${count === 1 ? "has" : "have"}`;
      const hint =
        code === "no_order_quantity"
          ? ": give reviewPeriodDays, or orderCost and holdingRate, in the --skus file"
          : " (see docs/report.md)";
      return `  ${NO_VALUE} order: ${has} no order quantity [${code}]${hint}\n`;
    })
    .join("");
}

/** The columns that name a row, and the cells of one row. */
export interface RowNaming {
  readonly columns: readonly TextColumn[];
  readonly cells: (row: InventoryReportRow) => string[];
}

/** SKU, description when any row has one, location when the report is by location. */
export function rowNaming(report: InventoryReport): RowNaming {
  const described = report.rows.some((r) => r.description !== null);
  const located = report.options.byLocation;
  return {
    columns: [
      { header: "SKU", maxWidth: 24 },
      ...(described ? [{ header: "description", maxWidth: 28 }] : []),
      ...(located ? [{ header: "location", maxWidth: 16 }] : []),
    ],
    cells: (row) => [
      row.sku,
      ...(described ? [row.description ?? ""] : []),
      ...(located ? [row.location ?? ""] : []),
    ],
  };
}

/** "… and 12 more" under a list cut at `top`. */
export function more(count: number, top: number): string {
  return count > top ? `  … and ${displayNumber(count - top)} more\n` : "";
}
