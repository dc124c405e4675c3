import { compareSkuLocation } from "../model/compareText.js";
import type { Decimal } from "../model/Decimal.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import { requireOptionNames } from "../model/requireKnownOptions.js";
import { isStaleStatus, type StaleStatus } from "./isStaleStatus.js";
import {
  MOVEMENT_STATUS_OPTIONS,
  type MovementStatusInput,
  type MovementStatusOptions,
  resolveMovementThresholds,
  statusWithThresholds,
} from "./movementStatus.js";
import { type MovementStatusTotals, movementStatusTotals } from "./movementStatusTotals.js";

/** One SKU whose stock is slow, dead or never moved, with the capital it ties up. */
export interface SlowMoverRow {
  readonly sku: string;
  readonly location?: string;
  readonly status: StaleStatus;
  /** Days from the last issue to `asOf`; `null` for `never-moved`. */
  readonly daysSinceLastIssue: number | null;
  /** Days from the last movement of any kind to `asOf`; `null` when the SKU never moved. */
  readonly daysSinceLastMovement: number | null;
  /** Units on hand. */
  readonly quantity: number;
  /** Value on hand: the capital tied up. */
  readonly value: Decimal;
  /** value / totalInventoryValue, a fraction; `null` when the total is not positive. */
  readonly shareOfInventoryValue: number | null;
}

/** The result of {@link slowMovers}. */
export interface SlowMovers {
  /** Slow, dead and never-moved SKUs, most value first (ties by sku, then location). */
  readonly rows: readonly SlowMoverRow[];
  readonly totals: MovementStatusTotals;
}

/**
 * Lists the slow, dead and never-moved SKUs ranked by the capital they tie up, with totals.
 *
 * Definition: each history gets its {@link movementStatus} with the given options; the rows are the
 * SKUs with status `slow`, `dead` or `never-moved`, sorted by value on hand descending, ties by `sku`
 * then `location` (code-unit order, a missing location first), so the ranking never depends on the
 * input order. shareOfInventoryValue = value / totalInventoryValue, where totalInventoryValue is Σ
 * closing value over the histories with stock on hand (closingQuantity > 0). Totals as
 * {@link movementStatusTotals}: slow, dead and never-moved value and their shares, and counts per
 * status. Money in the ledger's currency, exact; shares are fractions.
 *
 * @param histories - one history per SKU (or SKU and location).
 * @param options - as {@link movementStatus}: `asOf` (default: each history's own period end),
 *   `slowDays` (default 90), `deadDays` (default 180), `basis` (default `'issue'`).
 * @throws InvKpiError as {@link movementStatus} (`invalid_option` for an unknown option name too).
 * @example
 * ```ts
 * import { Decimal, slowMovers } from "invkpi";
 * const period = { from: "2024-01-01", to: "2024-12-31", days: 366 };
 * const sku = (sku: string, value: string, lastIssueDate: string | null) => ({
 *   sku, period, closingQuantity: 10, closingValue: new Decimal(value),
 *   lastIssueDate, lastMovementDate: lastIssueDate ?? "2024-01-15",
 * });
 * const { rows, totals } = slowMovers([
 *   sku("A", "600", "2024-12-20"), // active
 *   sku("B", "100", "2024-08-01"), // 152 days: slow
 *   sku("C", "300", "2024-03-01"), // 305 days: dead
 * ]);
 * rows.map((r) => r.sku); // ["C", "B"]
 * totals.deadShare; // 0.3
 * ```
 */
export function slowMovers(
  histories: readonly MovementStatusInput[],
  options: MovementStatusOptions = {},
): SlowMovers {
  const fn = "slowMovers";
  requireOptionNames(options, MOVEMENT_STATUS_OPTIONS, fn);
  // Validated once, before the loop, so an empty list still rejects bad options.
  const thresholds = resolveMovementThresholds(options, fn);
  const statuses = histories.map((h) => statusWithThresholds(h, thresholds, options.asOf, fn));
  const totals = movementStatusTotals(statuses);
  const total = totals.totalInventoryValue;
  const rows: SlowMoverRow[] = [];
  for (const s of statuses) {
    if (!isStaleStatus(s.status)) continue;
    rows.push({
      sku: s.sku,
      ...(s.location !== undefined && { location: s.location }),
      status: s.status,
      daysSinceLastIssue: s.daysSinceLastIssue,
      daysSinceLastMovement: s.daysSinceLastMovement,
      quantity: s.quantity,
      value: s.value,
      shareOfInventoryValue: total.gt(0) ? quotientToNumber(s.value, total) : null,
    });
  }
  rows.sort(byValueThenSkuThenLocation);
  return { rows, totals };
}

function byValueThenSkuThenLocation(a: SlowMoverRow, b: SlowMoverRow): number {
  const byValue = b.value.comparedTo(a.value);
  if (byValue !== 0) return byValue;
  return compareSkuLocation(a, b);
}
