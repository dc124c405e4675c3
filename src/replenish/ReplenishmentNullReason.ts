/**
 * Why a replenishment figure of `replenishmentFigures` is `null`, as a machine-readable code with its
 * plain-language meaning. The result carries the code in a `reasons` record beside the figures
 * (field name → code); this table turns a code into a sentence for people. A `null` figure is never
 * replaced by a 0 that would read as advice ("order nothing", "hold no buffer").
 *
 * @example
 * ```ts
 * import { REPLENISHMENT_NULL_REASONS } from "invkpi";
 * REPLENISHMENT_NULL_REASONS.no_lead_time; // "the SKU has no lead time (leadTimeDays) ..."
 * ```
 */
export const REPLENISHMENT_NULL_REASONS = Object.freeze({
  no_demand_history:
    "the SKU had no positive net demand in the counting window: there is nothing to plan a buffer or an order for",
  too_few_periods:
    "too few whole demand buckets in the counting window to measure demand: one (its sample standard deviation is undefined), or none, the demand having fallen only in weeks or months the window cuts (left out with partialBuckets 'exclude')",
  no_lead_time:
    "the SKU has no lead time (leadTimeDays) and the options give no default: the reorder point needs one",
  no_review_period:
    "the SKU has no review period (reviewPeriodDays) and the options give no default: the order-up-to level needs one",
  no_cost_data:
    "order cost, holding rate or unit cost is missing (or the unit cost is zero): the EOQ cannot be computed",
  no_order_quantity:
    "the reorder point is reached but there is neither an order-up-to level (needs a review period) nor an EOQ (needs cost data) to size the order",
} as const);

/** A reason code of {@link REPLENISHMENT_NULL_REASONS}. */
export type ReplenishmentNullReason = keyof typeof REPLENISHMENT_NULL_REASONS;

/** The figures of `replenishmentFigures` that can be `null`. */
export type NullableReplenishmentField =
  | "demandMean"
  | "demandStdDev"
  | "safetyStock"
  | "reorderPoint"
  | "orderUpToLevel"
  | "eoq"
  | "suggestedOrder"
  | "daysOfSupply";

/** For each figure that is `null`, the reason; figures that have a value have no entry. */
export type ReplenishmentReasons = Partial<
  Record<NullableReplenishmentField, ReplenishmentNullReason>
>;
