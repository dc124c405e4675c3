import type { MoneyInput } from "../model/money.js";

/**
 * A turnover given as its exact parts, turnover = sales / stock: COGS and average inventory at
 * cost, net units sold and average units, or revenue and average inventory at retail. A figure
 * derived from the turnover (annualized) is then computed from the parts with one rounding, instead
 * of from the turnover already rounded to a double.
 */
export interface TurnoverQuotient {
  /** What was sold over the period (≥ 0), in the stock's measure. */
  readonly sales: MoneyInput;
  /** The average stock of the period (> 0). */
  readonly stock: MoneyInput;
}
