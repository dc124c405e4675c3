/**
 * Why a turnover figure is `null`, as a machine-readable code with its plain-language meaning.
 * Reports carry the code in a `reasons` record beside the figures (field name → code); this table
 * turns a code into a sentence for people.
 *
 * @example
 * ```ts
 * import { TURNOVER_NULL_REASONS } from "invkpi";
 * TURNOVER_NULL_REASONS.no_sales; // "nothing was sold or consumed in the period ..."
 * ```
 */
export const TURNOVER_NULL_REASONS = Object.freeze({
  zero_average_inventory:
    "average inventory is zero (nothing was on hand at the end of any day): the ratio has no value",
  negative_average_inventory:
    "average inventory is negative (stock in deficit): a ratio to it would be meaningless",
  no_sales:
    "nothing was sold or consumed in the period (COGS, net units or revenue is zero): the stock would never run out",
  negative_sales:
    "customer returns exceeded issues in the period (net sales are negative): the ratio would be meaningless",
  no_price:
    "a selling price is missing (issues without unitPrice, or no unit price to value stock at retail)",
  no_demand: "no net demand in the period: the stock on hand would never run out",
  no_stock_available:
    "no stock was available to sell (the sell-through denominator is zero or negative)",
} as const);

/** A reason code of {@link TURNOVER_NULL_REASONS}. */
export type TurnoverNullReason = keyof typeof TURNOVER_NULL_REASONS;

/** The figures of a turnover report that can be `null`. */
export type NullableTurnoverField =
  | "turnover"
  | "annualizedTurnover"
  | "daysOfInventory"
  | "daysOfSupplyAtEnd"
  | "grossMargin"
  | "gmroi"
  | "sellThrough"
  | "shrinkageRate";

/** For each figure that is `null`, the reason; figures that have a value have no entry. */
export type TurnoverReasons = Partial<Record<NullableTurnoverField, TurnoverNullReason>>;
