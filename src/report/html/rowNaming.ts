import type { InventoryReport } from "../InventoryReport.js";
import type { InventoryReportRow } from "../InventoryReportRow.js";
import type { TableCell, TableColumn } from "./sortableTable.js";

/** The columns that name a row in a table, and the cells of one row. */
export interface RowNaming {
  readonly columns: readonly TableColumn[];
  readonly cells: (row: InventoryReportRow) => TableCell[];
}

/**
 * How tables name a row: the SKU, its description and category when any row has one, and the
 * location when the report has a row per SKU and location.
 *
 * @example
 * ```ts
 * import { analyzeLedger } from "invkpi";
 * const report = analyzeLedger(
 *   [{ sku: "a", date: "2025-01-02", type: "receipt", quantity: 1, unitCost: 5 }],
 *   {
 *     period: { from: "2025-01-01", to: "2025-01-31" },
 *     skuInfo: [{ sku: "a", description: "bolt M3", category: "fasteners" }],
 *   },
 * );
 * rowNaming(report).columns.map((c) => c.header); // ["SKU", "description", "category"]
 * ```
 */
export function rowNaming(report: InventoryReport): RowNaming {
  const described = report.rows.some((r) => r.description !== null);
  const categorized = report.rows.some((r) => r.category !== null);
  const located = report.options.byLocation;
  return {
    columns: [
      { header: "SKU", kind: "text" },
      ...(described ? [{ header: "description", kind: "text" } as const] : []),
      ...(categorized ? [{ header: "category", kind: "text" } as const] : []),
      ...(located ? [{ header: "location", kind: "text" } as const] : []),
    ],
    cells: (row) => [
      { text: row.sku },
      ...(described ? [{ text: row.description ?? "" }] : []),
      ...(categorized ? [{ text: row.category ?? "" }] : []),
      ...(located ? [{ text: row.location ?? "" }] : []),
    ],
  };
}
