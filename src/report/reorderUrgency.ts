import { compareSkuLocation } from "../model/compareText.js";
import { firstInOrder } from "../model/firstInOrder.js";
import type { InventoryReportRow } from "./InventoryReportRow.js";

/**
 * How urgent a reorder is: the inventory position as a fraction of the reorder point (0 when
 * nothing is left or on order, 1 at the point itself); the position itself for a reorder point of
 * 0. Lower is more urgent.
 *
 * @example
 * ```ts
 * reorderUrgency({ inventoryPosition: 5, reorderPoint: 20 }); // 0.25
 * ```
 */
export function reorderUrgency(
  row: Pick<InventoryReportRow, "inventoryPosition" | "reorderPoint">,
): number {
  const point = row.reorderPoint ?? 0;
  return point > 0 ? row.inventoryPosition / point : row.inventoryPosition;
}

/**
 * The order of the reorder lists (terminal and HTML): the most urgent first
 * ({@link reorderUrgency}), then by SKU and location.
 *
 * @example
 * ```ts
 * import { firstInOrder } from "../model/firstInOrder.js";
 * const due = [
 *   { sku: "a", inventoryPosition: 9, reorderPoint: 10 },
 *   { sku: "b", inventoryPosition: 1, reorderPoint: 10 },
 * ];
 * firstInOrder(due, 1, compareReorderUrgency).map((row) => row.sku); // ["b"]
 * ```
 */
export function compareReorderUrgency(a: InventoryReportRow, b: InventoryReportRow): number {
  return reorderUrgency(a) - reorderUrgency(b) || compareSkuLocation(a, b);
}

/**
 * The rows of the reorder lists (terminal and HTML): every row at or below its reorder point
 * (`reorderNow`), and the `count` most urgent of them ({@link compareReorderUrgency}).
 *
 * @example
 * ```ts
 * import { demoReport } from "../cli/demoReport.js";
 * const { all, shown } = reorderNowRows(demoReport().rows, 20);
 * // all: every SKU to reorder now; shown: the 20 most urgent
 * shown.every((row) => all.includes(row)); // true
 * ```
 */
export function reorderNowRows(
  rows: readonly InventoryReportRow[],
  count: number,
): { readonly all: readonly InventoryReportRow[]; readonly shown: readonly InventoryReportRow[] } {
  const all = rows.filter((r) => r.reorderNow === true);
  return { all, shown: firstInOrder(all, count, compareReorderUrgency) };
}
