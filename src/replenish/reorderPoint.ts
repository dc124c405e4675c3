import { requireFinite, requireNonNegative } from "../model/assert.js";
import { argumentNames, requireArgumentNames } from "../model/requireKnownOptions.js";
import { type LeadTimeInput, leadTimeMean } from "./leadTimeSample.js";
import { overflowError } from "./overflowError.js";

/** Arguments of {@link reorderPoint}. */
export interface ReorderPointInput {
  /** d̄: mean demand per time unit (day), ≥ 0. */
  readonly demandMean: number;
  /**
   * L: lead time in the same time unit, ≥ 0; or observed lead times (a non-empty array), whose
   * mean is L.
   */
  readonly leadTime: LeadTimeInput;
  /** Safety stock in units (from `safetyStock`); may be negative for service levels below 0.5. */
  readonly safetyStock: number;
}

const FN = "reorderPoint";
/** The argument names of {@link reorderPoint}. */
const NAMES = argumentNames<ReorderPointInput>()(["demandMean", "leadTime", "safetyStock"]);

/**
 * The reorder point of continuous review: order when the inventory position falls to this level
 * (at or below it, see `suggestedOrder`).
 *
 * Formula: ROP = d̄ · L + SS, the expected demand over the lead time plus the safety stock. The mean
 * scales with L, not √L (trap 3: only the standard deviation of independent daily demands grows with
 * √L; the safety stock already carries it). L is the lead time given, or the mean Σx / n of a
 * sample of observed lead times x₁ … xₙ given as `leadTime` (one observation is its own mean).
 *
 * @param input - demandMean (units per time unit), leadTime (time units, or an array of observed
 *   lead times in time units), safetyStock (units).
 * @returns the reorder point, in units.
 * @throws InvKpiError `invalid_argument` when an argument is not a finite number, or a lead-time
 *   sample is not a non-empty array of finite numbers (path `['leadTime']`, or `['leadTime', i]`;
 *   every bad observation named in one error, each in `details.problems`); `out_of_range` when
 *   demandMean, leadTime or an observed lead time is negative, or when the result (or a sample's
 *   mean) overflows (is not a finite number; the path names the largest argument or observation);
 *   `invalid_option` for a name it does not read (path `[name]`: "unknown argument 'safetystock'
 *   (did you mean 'safetyStock'?)").
 * @example
 * ```ts
 * import { reorderPoint } from "invkpi";
 * reorderPoint({ demandMean: 20, leadTime: 9, safetyStock: 35 }); // 215 (20 · 9 + 35)
 * reorderPoint({ demandMean: 20, leadTime: [8, 9, 10], safetyStock: 35 }); // 215 (L = mean 9)
 * ```
 */
export function reorderPoint(input: ReorderPointInput): number {
  requireArgumentNames(input, NAMES, FN);
  return reorderPointWithoutNameCheck(input);
}

/**
 * {@link reorderPoint} without the check of its argument names: for `replenishmentFigures`, which
 * calls it once per SKU with arguments of its own making.
 * @internal
 */
export function reorderPointWithoutNameCheck(input: ReorderPointInput): number {
  const fn = FN;
  const demandMean = requireNonNegative(input.demandMean, fn, "demandMean");
  const leadTime = leadTimeMean(input.leadTime, fn);
  const safetyStock = requireFinite(input.safetyStock, fn, "safetyStock");
  const point = demandMean * leadTime + safetyStock;
  if (!Number.isFinite(point)) {
    throw overflowError(point, fn, "the reorder point", { demandMean, leadTime, safetyStock });
  }
  return point;
}
