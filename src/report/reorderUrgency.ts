import { compareSkuLocation } from "../model/compareText.js";
import { firstInOrder } from "../model/firstInOrder.js";
import type { InventoryReportRow } from "./InventoryReportRow.js";

/**
 * How urgent a reorder is, lower first: 1 at the reorder point itself, less the shortfall below it
 * in units of the point's size.
 *
 * Definition: urgency = 1 − (reorderPoint − inventoryPosition) / |reorderPoint|.
 * - A positive point: this is inventoryPosition / reorderPoint, the position as a fraction of the
 *   point: 1 at the point, 0 when nothing is left or on order, negative with backorders beyond
 *   stock (−0.5 for a position of −4 against a point of 8).
 * - A negative point (a service level below 0.5 gives one: the policy accepts that many
 *   backorders): 1 at the point, 0 at twice the point, so a SKU exactly at a point of −5.6 ranks
 *   with every other SKU at its point, behind an empty SKU whose point is positive.
 * - A point of 0 has no size: 1 at 0, `-Infinity` for any position below it (ranked first, as the
 *   limit of the formula as the point tends to 0 from either side), `Infinity` above it.
 * - No reorder point (`null`): `Infinity`, never due, ranked last.
 *
 * @example
 * ```ts
 * reorderUrgency({ inventoryPosition: 5, reorderPoint: 20 }); // 0.25
 * reorderUrgency({ inventoryPosition: -5, reorderPoint: -5 }); // 1 (at its point)
 * reorderUrgency({ inventoryPosition: -10, reorderPoint: -5 }); // 0 (twice the point: one point's size short)
 * ```
 */
export function reorderUrgency(
  row: Pick<InventoryReportRow, "inventoryPosition" | "reorderPoint">,
): number {
  const point = row.reorderPoint;
  const position = row.inventoryPosition;
  if (point === null) return Number.POSITIVE_INFINITY;
  if (point > 0) return position / point;
  if (point < 0) return 1 - (point - position) / -point;
  return position === 0 ? 1 : position < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/**
 * The order of the reorder lists (terminal and HTML): the most urgent first
 * ({@link reorderUrgency}: lowest position relative to the reorder point, for points of any sign),
 * then by SKU and location.
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
  // Compared, not subtracted: two infinite urgencies are equal (their difference would be NaN).
  const urgencyA = reorderUrgency(a);
  const urgencyB = reorderUrgency(b);
  const byUrgency = urgencyA < urgencyB ? -1 : urgencyA > urgencyB ? 1 : 0;
  return byUrgency || compareSkuLocation(a, b);
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
