import { isStaleStatus } from "../aging/isStaleStatus.js";
import type { InventoryReportRow } from "./InventoryReportRow.js";
import { topRows } from "./topRows.js";

/**
 * The rows of the slow and dead stock lists (terminal and HTML): every row whose stock does not
 * move (`slow`, `dead` or `never-moved`, see `isStaleStatus`), and the `count` of them with the
 * most capital (closing value), largest first, ties by SKU then location.
 *
 * @example
 * ```ts
 * import { demoReport } from "../cli/demoReport.js";
 * const { all, shown } = staleStockRows(demoReport().rows, 20);
 * // all: every SKU that holds still stock (slow or dead); shown: the 20 with the most value
 * shown.length; // 20
 * shown[0]?.closingValue.gte(shown[19]?.closingValue ?? 0); // true
 * ```
 */
export function staleStockRows(
  rows: readonly InventoryReportRow[],
  count: number,
): { readonly all: readonly InventoryReportRow[]; readonly shown: readonly InventoryReportRow[] } {
  const all = rows.filter((r) => isStaleStatus(r.movementStatus));
  return { all, shown: topRows(all, count, (r) => r.closingValue) };
}
