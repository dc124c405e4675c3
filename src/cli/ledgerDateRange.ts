import type { LedgerColumns } from "../ledger/index.js";
import { formatDay } from "../model/day.js";

/**
 * The first and last movement dates of a ledger, `'YYYY-MM-DD'`, or `null` for a ledger without
 * movements: the default reporting period of `invkpi analyze`. One pass over the day column.
 *
 * @example
 * ```ts
 * import { toLedgerColumns } from "../ledger/validateLedger.js";
 * const columns = toLedgerColumns([
 *   { sku: "A", date: "2025-12-30", type: "issue", quantity: 1 },
 *   { sku: "B", date: "2025-01-02", type: "receipt", quantity: 5, unitCost: 2 },
 * ]);
 * ledgerDateRange(columns); // { from: "2025-01-02", to: "2025-12-30" }
 * ```
 */
export function ledgerDateRange(
  columns: Pick<LedgerColumns, "day" | "length">,
): { readonly from: string; readonly to: string } | null {
  if (columns.length === 0) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const { day } = columns;
  for (let i = 0; i < columns.length; i++) {
    const d = day[i] as number;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  return { from: formatDay(first), to: formatDay(last) };
}
