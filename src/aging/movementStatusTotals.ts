import type { Decimal } from "../model/Decimal.js";
import { ExactSum } from "../model/ExactSum.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import type { MovementStatus } from "./movementStatus.js";

/** How many SKUs fall in each movement status. */
export interface MovementStatusCounts {
  readonly active: number;
  readonly slow: number;
  readonly dead: number;
  readonly neverMoved: number;
  readonly noStock: number;
  /** All SKUs counted, whatever their status. */
  readonly total: number;
}

/** The capital tied up in slow, dead and never-moved stock, and its share of inventory value. */
export interface MovementStatusTotals {
  /** Σ value of the `slow` SKUs. */
  readonly slowValue: Decimal;
  /** Σ value of the `dead` SKUs. */
  readonly deadValue: Decimal;
  /** Σ value of the `never-moved` SKUs. */
  readonly neverMovedValue: Decimal;
  /** Σ value of every SKU with stock on hand (every status but `no-stock`). */
  readonly totalInventoryValue: Decimal;
  /** slowValue / totalInventoryValue; `null` when the total is not positive (see `shareReason`). */
  readonly slowShare: number | null;
  /** deadValue / totalInventoryValue; `null` when the total is not positive. */
  readonly deadShare: number | null;
  /** neverMovedValue / totalInventoryValue; `null` when the total is not positive. */
  readonly neverMovedShare: number | null;
  /** Why the shares are `null`: `'no_inventory_value'`; `null` when they are numbers. */
  readonly shareReason: "no_inventory_value" | null;
  readonly counts: MovementStatusCounts;
}

/**
 * Sums the value of slow, dead and never-moved stock over a set of movement statuses.
 *
 * Definition: slowValue = Σ value over status `slow`, deadValue over `dead`, neverMovedValue over
 * `never-moved`; totalInventoryValue = Σ value over every status but `no-stock` (the SKUs with stock
 * on hand); each share = its value / totalInventoryValue, a fraction (0.25 = 25 %), `null` with
 * `shareReason: 'no_inventory_value'` when the total is not positive. Money sums are exact.
 *
 * @param statuses - results of `movementStatus` (only `status` and `value` are read).
 * @example
 * ```ts
 * import { Decimal, movementStatusTotals } from "invkpi";
 * const t = movementStatusTotals([
 *   { status: "slow", value: new Decimal("300") },
 *   { status: "active", value: new Decimal("700") },
 *   { status: "no-stock", value: new Decimal("0") },
 * ]);
 * t.slowValue.toFixed(2); // "300.00"
 * t.slowShare; // 0.3
 * t.counts.total; // 3
 * ```
 */
export function movementStatusTotals(
  statuses: readonly Pick<MovementStatus, "status" | "value">[],
): MovementStatusTotals {
  const sums = { slow: new ExactSum(), dead: new ExactSum(), neverMoved: new ExactSum() };
  const counts = { active: 0, slow: 0, dead: 0, neverMoved: 0, noStock: 0, total: 0 };
  const total = new ExactSum();
  for (const { status, value } of statuses) {
    counts.total += 1;
    if (status === "no-stock") {
      counts.noStock += 1;
      continue;
    }
    total.add(value);
    if (status === "active") counts.active += 1;
    else {
      const key = status === "never-moved" ? "neverMoved" : status;
      counts[key] += 1;
      sums[key].add(value);
    }
  }
  const totalInventoryValue = total.value();
  const hasValue = totalInventoryValue.gt(0);
  const share = (part: Decimal): number | null =>
    hasValue ? quotientToNumber(part, totalInventoryValue) : null;
  const slowValue = sums.slow.value();
  const deadValue = sums.dead.value();
  const neverMovedValue = sums.neverMoved.value();
  return {
    slowValue,
    deadValue,
    neverMovedValue,
    totalInventoryValue,
    slowShare: share(slowValue),
    deadShare: share(deadValue),
    neverMovedShare: share(neverMovedValue),
    shareReason: hasValue ? null : "no_inventory_value",
    counts,
  };
}
