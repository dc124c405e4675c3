import { requireFinite, requireNonNegative } from "../model/assert.js";
import { overflowError } from "./overflowError.js";

/** Arguments of {@link reorderPoint}. */
export interface ReorderPointInput {
  /** d̄: mean demand per time unit (day), ≥ 0. */
  readonly demandMean: number;
  /** L: lead time in the same time unit, ≥ 0. */
  readonly leadTime: number;
  /** Safety stock in units (from `safetyStock`); may be negative for service levels below 0.5. */
  readonly safetyStock: number;
}

/**
 * The reorder point of continuous review: order when the inventory position falls to this level
 * (at or below it, see `suggestedOrder`).
 *
 * Formula: ROP = d̄ · L + SS, the expected demand over the lead time plus the safety stock. The mean
 * scales with L, not √L (trap 3: only the standard deviation of independent daily demands grows with
 * √L; the safety stock already carries it).
 *
 * @param input - demandMean (units per time unit), leadTime (time units), safetyStock (units).
 * @returns the reorder point, in units.
 * @throws InvKpiError `invalid_argument` when an argument is not a finite number; `out_of_range`
 *   when demandMean or leadTime is negative, or when the result overflows (is not a finite number;
 *   the path names the largest argument).
 * @example
 * ```ts
 * import { reorderPoint } from "invkpi";
 * reorderPoint({ demandMean: 20, leadTime: 9, safetyStock: 35 }); // 215 (20 · 9 + 35)
 * ```
 */
export function reorderPoint(input: ReorderPointInput): number {
  const fn = "reorderPoint";
  const demandMean = requireNonNegative(input.demandMean, fn, "demandMean");
  const leadTime = requireNonNegative(input.leadTime, fn, "leadTime");
  const safetyStock = requireFinite(input.safetyStock, fn, "safetyStock");
  const point = demandMean * leadTime + safetyStock;
  if (!Number.isFinite(point)) {
    throw overflowError(point, fn, "the reorder point", { demandMean, leadTime, safetyStock });
  }
  return point;
}
