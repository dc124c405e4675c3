import { requireFinite, requireNonNegative } from "../model/assert.js";
import { argumentNames, requireArgumentNames } from "../model/requireKnownOptions.js";
import { type LeadTimeInput, leadTimeMean } from "./leadTimeSample.js";
import { overflowError } from "./overflowError.js";

/** Arguments of {@link orderUpToLevel}. */
export interface OrderUpToLevelInput {
  /** d̄: mean demand per time unit (day), ≥ 0. */
  readonly demandMean: number;
  /**
   * L: lead time in the same time unit, ≥ 0; or observed lead times (a non-empty array), whose
   * mean is L.
   */
  readonly leadTime: LeadTimeInput;
  /** R: review period in the same time unit, ≥ 0. */
  readonly reviewPeriod: number;
  /** Safety stock in units, normally `safetyStock({ method: 'periodic', ... })`. */
  readonly safetyStock: number;
}

const FN = "orderUpToLevel";
/** The argument names of {@link orderUpToLevel}. */
const NAMES = argumentNames<OrderUpToLevelInput>()([
  "demandMean",
  "leadTime",
  "reviewPeriod",
  "safetyStock",
]);

/**
 * The order-up-to level S of periodic review: at each review, order enough to bring the inventory
 * position up to S.
 *
 * Formula: S = d̄ · (R + L) + SS, the expected demand until the next order can arrive (one review
 * period plus one lead time) plus the safety stock. The matching safety stock covers the same
 * interval: z · σd · √(R + L) (method `'periodic'`). L is the lead time given, or the mean Σx / n
 * of a sample of observed lead times x₁ … xₙ given as `leadTime` (one observation is its own mean).
 *
 * @param input - demandMean (units per time unit), leadTime (time units, or an array of observed
 *   lead times in time units) and reviewPeriod (time units), safetyStock (units).
 * @returns the order-up-to level, in units.
 * @throws InvKpiError `invalid_argument` when an argument is not a finite number, or a lead-time
 *   sample is not a non-empty array of finite numbers (path `['leadTime']`, or `['leadTime', i]`;
 *   every bad observation named in one error, each in `details.problems`); `out_of_range` when
 *   demandMean, leadTime, an observed lead time or reviewPeriod is negative, or when the result
 *   (or a sample's mean) overflows (is not a finite number; the path names the largest argument or
 *   observation); `invalid_option` for a name it does not read (path `[name]`: "unknown argument
 *   'reviewperiod' (did you mean 'reviewPeriod'?)").
 * @example
 * ```ts
 * import { orderUpToLevel } from "invkpi";
 * orderUpToLevel({ demandMean: 2500, leadTime: 2, reviewPeriod: 4, safetyStock: 1570 }); // 16570
 * orderUpToLevel({ demandMean: 2500, leadTime: [1, 2, 3], reviewPeriod: 4, safetyStock: 1570 }); // 16570 (L = mean 2)
 * ```
 */
export function orderUpToLevel(input: OrderUpToLevelInput): number {
  requireArgumentNames(input, NAMES, FN);
  return orderUpToLevelWithoutNameCheck(input);
}

/**
 * {@link orderUpToLevel} without the check of its argument names: for `replenishmentFigures`,
 * which calls it once per SKU with arguments of its own making.
 * @internal
 */
export function orderUpToLevelWithoutNameCheck(input: OrderUpToLevelInput): number {
  const fn = FN;
  const demandMean = requireNonNegative(input.demandMean, fn, "demandMean");
  const leadTime = leadTimeMean(input.leadTime, fn);
  const reviewPeriod = requireNonNegative(input.reviewPeriod, fn, "reviewPeriod");
  const safetyStock = requireFinite(input.safetyStock, fn, "safetyStock");
  const level = demandMean * (reviewPeriod + leadTime) + safetyStock;
  if (!Number.isFinite(level)) {
    const inputs = { demandMean, leadTime, reviewPeriod, safetyStock };
    throw overflowError(level, fn, "the order-up-to level", inputs);
  }
  return level;
}
