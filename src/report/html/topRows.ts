import { compareSkuLocation } from "../../model/compareText.js";
import type { Decimal } from "../../model/Decimal.js";
import type { InventoryReportRow } from "../InventoryReportRow.js";

/**
 * The `count` rows with the largest amount, largest first; ties (and amounts equal as doubles)
 * in SKU, then location order. Sorting a hundred thousand `Decimal`s costs seconds, so the rows are
 * first ordered by the amount as a double and only rows whose doubles tie are compared exactly.
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
  const keyed = rows.map((row) => {
    const amount = amountOf(row);
    return { row, amount, key: amount.toNumber() };
  });
  keyed.sort(
    (a, b) => b.key - a.key || b.amount.comparedTo(a.amount) || compareSkuLocation(a.row, b.row),
  );
  return keyed.slice(0, count).map((k) => k.row);
}
