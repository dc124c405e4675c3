import type { InventoryReport } from "./InventoryReport.js";

/**
 * What one row of the report is, for counts: `'SKU'`, or `'SKU-location'` in a report by
 * location (`byLocation`, which `groupBy: ['location']` implies), whose rows are SKUs at a location.
 *
 * @example
 * ```ts
 * import { analyzeLedger } from "invkpi";
 * const report = analyzeLedger(
 *   [{ sku: "a", date: "2025-01-02", type: "receipt", quantity: 1, unitCost: 5, location: "W1" }],
 *   { period: { from: "2025-01-01", to: "2025-01-31" }, groupBy: ["location"] },
 * );
 * rowNoun(report); // "SKU-location"
 * ```
 */
export function rowNoun(report: InventoryReport): "SKU" | "SKU-location" {
  return report.options.byLocation ? "SKU-location" : "SKU";
}
