import { compareSkuLocation } from "../model/compareText.js";
import type { Decimal } from "../model/Decimal.js";
import { firstInOrder } from "../model/firstInOrder.js";
import type { InventoryReportRow } from "./InventoryReportRow.js";

/**
 * The `count` rows with the largest amount, largest first; rows with equal amounts in SKU, then
 * location order. The amounts are compared exactly, but only against the rows kept so far
 * (`firstInOrder`): a terminal or HTML report shows 20 of 100 000 rows without sorting them all.
 *
 * @example
 * ```ts
 * topRows(report.rows, 20, (r) => r.closingValue); // the 20 rows with the most capital
 * ```
 */
export function topRows(
  rows: readonly InventoryReportRow[],
  count: number,
  amountOf: (row: InventoryReportRow) => Decimal,
): InventoryReportRow[] {
  return firstInOrder(
    rows,
    count,
    (a, b) => amountOf(b).comparedTo(amountOf(a)) || compareSkuLocation(a, b),
  );
}
