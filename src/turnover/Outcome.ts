import type { Decimal } from "../model/Decimal.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import type { TurnoverNullReason } from "./TurnoverNullReason.js";

// The rules that decide when a turnover ratio is null, in one place, so that the calculators, the
// per-SKU figures, the rollups and the time series can never disagree. Every ratio divides exact
// decimals and converts the quotient to a number only at the end (`quotientToNumber`: the double of
// the 40-digit quotient, without building it).

/** A ratio, or `null` together with the reason it has no value. */
export type Outcome =
  | { readonly value: number; readonly reason: null }
  | { readonly value: null; readonly reason: TurnoverNullReason };

/** A defined ratio. `+ 0` turns a negative zero (0 / −5) into a plain 0. */
export function defined(value: number): Outcome {
  return { value: value + 0, reason: null };
}

/** An undefined ratio and why. */
export function undefinedBecause(reason: TurnoverNullReason): Outcome {
  return { value: null, reason };
}

/**
 * `amount / averageInventory`, `null` when the average inventory is zero or negative (a ratio to a
 * stock in deficit says nothing). Used by turnover, GMROI and shrinkage rate.
 */
export function perAverageInventory(amount: Decimal, averageInventory: Decimal): Outcome {
  if (averageInventory.isZero()) return undefinedBecause("zero_average_inventory");
  if (averageInventory.isNegative()) return undefinedBecause("negative_average_inventory");
  // 0 / x is 0 (and `defined` turns −0 into 0): no division needed.
  if (amount.isZero()) return defined(0);
  return defined(quotientToNumber(amount, averageInventory));
}

/**
 * Turnover = sales / average inventory (sales at cost, in units or at retail, matching the stock).
 * `null` when the average inventory is ≤ 0, or when sales are negative (returns exceeded issues).
 */
export function turnoverOutcome(sales: Decimal, averageInventory: Decimal): Outcome {
  const stockRatio = perAverageInventory(sales, averageInventory);
  if (stockRatio.value === null) return stockRatio;
  return isBelowZero(sales) ? undefinedBecause("negative_sales") : stockRatio;
}

/**
 * Days of inventory = average inventory / sales × period days = period days / turnover. Defined
 * exactly when the turnover is defined and not zero, so turnover × days of inventory = period days.
 */
export function daysOfInventoryOutcome(
  sales: Decimal,
  averageInventory: Decimal,
  periodDays: number,
): Outcome {
  return daysOfInventoryOfTurnover(
    turnoverOutcome(sales, averageInventory),
    sales,
    averageInventory,
    periodDays,
  );
}

/**
 * {@link daysOfInventoryOutcome} when the turnover of the same sales and stock is already known
 * (`turnoverOutcome(sales, averageInventory)`), so that it is not divided out a second time.
 */
export function daysOfInventoryOfTurnover(
  turnover: Outcome,
  sales: Decimal,
  averageInventory: Decimal,
  periodDays: number,
): Outcome {
  if (turnover.value === null) return turnover;
  if (sales.isZero()) return undefinedBecause("no_sales");
  return defined(quotientToNumber(averageInventory.times(periodDays), sales));
}

/**
 * Days of supply = on hand / (demand / demandDays): how many days the stock lasts at the mean daily
 * demand. `null` when demand is zero or negative. A negative on hand gives a negative figure: the
 * deficit in days of demand.
 */
export function daysOfSupplyOutcome(onHand: Decimal, demand: Decimal, demandDays: number): Outcome {
  if (!isAboveZero(demand)) return undefinedBecause("no_demand");
  // × 1 (days of supply per day of demand) gives the same decimal: skip it.
  const units = demandDays === 1 ? onHand : onHand.times(demandDays);
  return defined(quotientToNumber(units, demand));
}

/** Sell-through = sold / available; `null` when nothing was available or net sales are negative. */
export function sellThroughOutcome(sold: Decimal, available: Decimal): Outcome {
  if (!isAboveZero(available)) return undefinedBecause("no_stock_available");
  if (isBelowZero(sold)) return undefinedBecause("negative_sales");
  return defined(quotientToNumber(sold, available));
}

// Sign tests without `lt(0)` and `lte(0)`: decimal.js turns the 0 into a new Decimal on every
// comparison, and these run several times per SKU. A negative zero is neither above nor below 0.

/** x < 0. */
function isBelowZero(x: Decimal): boolean {
  return x.isNegative() && !x.isZero();
}

/** x > 0. */
function isAboveZero(x: Decimal): boolean {
  return !x.isNegative() && !x.isZero();
}
