import type { XyzNoneReason } from "../classify/index.js";
import type { ReplenishmentNullReason } from "../replenish/index.js";
import type { TurnoverNullReason } from "../turnover/index.js";

/**
 * The reasons the report itself gives for a `null`, with their plain-language meaning. The other
 * codes a report carries come from the calculators: `TURNOVER_NULL_REASONS` (turnover, days of
 * inventory, days of supply, GMROI, sell-through, shrinkage; and `no_price` for the ABC columns
 * when `abc.measure` is revenue or margin and the SKU has issues without a price),
 * `REPLENISHMENT_NULL_REASONS` (demand, safety stock, reorder point, order-up-to level, EOQ,
 * suggested order, lead time) and the XYZ reasons of `xyzClassify` (`no_demand`,
 * `zero_mean_demand`, `negative_mean_demand`, `cv_overflow`).
 *
 * @example
 * ```ts
 * import { REPORT_NULL_REASONS } from "invkpi";
 * REPORT_NULL_REASONS.never_issued; // "the SKU has no issue in the ledger up to the period end"
 * ```
 */
export const REPORT_NULL_REASONS = Object.freeze({
  no_description: "skuInfo gives no description for the SKU",
  no_category: "skuInfo gives no category for the SKU",
  not_by_location:
    "the report has one row per SKU (byLocation is false): the row covers every location",
  no_location: "the SKU's movements at this row carry no location",
  abc_excluded: "the ABC measure is zero and abc.zeroValues is 'exclude': the SKU has no ABC class",
  never_issued: "the SKU has no issue in the ledger up to the period end",
  never_received: "the SKU has no receipt in the ledger up to the period end",
  nothing_on_hand: "nothing is on hand at the end of the period: stock has no age",
  no_industry: "no industry or range was given: there is nothing to compare the turnover with",
  benchmark_needs_cost_basis:
    "the industry table gives turnover at cost, but the report's turnover basis is units or retail: pass a range of your own to compare on that basis",
  no_inventory_value: "no stock is on hand: shares of inventory value have no value",
} as const);

/** A reason code of {@link REPORT_NULL_REASONS}. */
export type ReportOwnNullReason = keyof typeof REPORT_NULL_REASONS;

/** Any reason code a report carries for a `null` (the report's own and the calculators'). */
export type ReportNullReason =
  | ReportOwnNullReason
  | TurnoverNullReason
  | ReplenishmentNullReason
  | XyzNoneReason;
