import { compareSkuLocation } from "../model/compareText.js";
import type { Decimal } from "../model/Decimal.js";
import { decimalToNumber } from "../model/decimalToNumber.js";
import { firstInOrder } from "../model/firstInOrder.js";
import type { InventoryReportRow } from "./InventoryReportRow.js";

/**
 * The `count` rows with the largest amount, largest first; rows with equal amounts in SKU, then
 * location order. Each amount is read once as a double; only rows whose doubles tie are compared
 * exactly. `firstInOrder` keeps the best rows while reading: a terminal or HTML report shows 20 of
 * 100 000 rows without sorting them all.
 *
 * @example
 * ```ts
 * import { analyzeLedger } from "invkpi";
 * const { rows } = analyzeLedger(
 *   [
 *     { sku: "a", date: "2025-01-02", type: "receipt", quantity: 1, unitCost: 5 },
 *     { sku: "b", date: "2025-01-02", type: "receipt", quantity: 1, unitCost: 9 },
 *   ],
 *   { period: { from: "2025-01-01", to: "2025-01-31" } },
 * );
 * topRows(rows, 1, (r) => r.closingValue).map((r) => r.sku); // ["b"]: the most capital
 * ```
 */
export function topRows(
  rows: readonly InventoryReportRow[],
  count: number,
  amountOf: (row: InventoryReportRow) => Decimal,
): InventoryReportRow[] {
  const keyed = rows.map((row) => {
    const amount = amountOf(row);
    return { row, amount, key: decimalToNumber(amount) };
  });
  // The doubles order as the decimals wherever they differ (rounding to a double never reverses
  // an order), so the exact comparison only breaks their ties.
  return firstInOrder(
    keyed,
    count,
    (a, b) => b.key - a.key || b.amount.comparedTo(a.amount) || compareSkuLocation(a.row, b.row),
  ).map((k) => k.row);
}
