import type { InventoryReport } from "../report/index.js";
import { topRows } from "../report/topRows.js";
import { displayMoney, displayNumber, NO_VALUE } from "./displayNumber.js";
import { more, rowNaming } from "./stockListSections.js";
import { type TextColumn, textTable } from "./textTable.js";

/**
 * The per-SKU rows for a terminal: the `top` rows with the most capital tied up (closing value,
 * largest first), a few key figures each, and a count of the rest. The full rows, every column,
 * are in the csv, json, ndjson and md formats.
 *
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * rowsSection(report, 25); // "SKUs by value at the end (200)\n  SKU ...\n  … and 175 more\n"
 * ```
 */
export function rowsSection(report: InventoryReport, top: number): string {
  const { rows } = report;
  const shown = topRows(rows, top, (r) => r.closingValue);
  const title = `SKUs by value at the end (${displayNumber(rows.length)})`;
  if (rows.length === 0) return `${title}\n  none\n`;
  const naming = rowNaming(report);
  const columns: TextColumn[] = [
    ...naming.columns,
    { header: "on hand", align: "right" },
    { header: "value", align: "right" },
    { header: "COGS", align: "right" },
    { header: "turns/yr", align: "right" },
    { header: "days inv.", align: "right" },
    { header: "ABC", align: "left" },
    { header: "status" },
    { header: "reorder pt", align: "right" },
    { header: "order", align: "right" },
  ];
  const cells = shown.map((r) => [
    ...naming.cells(r),
    displayNumber(r.closingQuantity),
    displayMoney(r.closingValue),
    displayMoney(r.cogs),
    displayNumber(r.annualizedTurnover, 2),
    displayNumber(r.daysOfInventory, 1, true),
    `${r.abcClass ?? NO_VALUE}${r.xyzClass === null || r.xyzClass === "none" ? "" : r.xyzClass}`,
    r.movementStatus,
    displayNumber(r.reorderPoint, 1, true),
    r.reorderNow === true ? displayNumber(r.suggestedOrder, 1) : "",
  ]);
  return `${title}\n${textTable(columns, cells, 2)}${more(rows.length, top)}`;
}
