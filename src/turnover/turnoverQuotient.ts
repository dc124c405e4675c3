import type { Decimal } from "../model/Decimal.js";
import type { MoneyInput } from "../model/money.js";
import type { TurnoverAmounts } from "./TurnoverAmounts.js";
import type { TurnoverBasis } from "./turnoverRatios.js";

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

/** What {@link turnoverQuotientOf} reads: a SKU's `TurnoverFigures` or a `TurnoverRollup` fits. */
export interface TurnoverWithParts extends TurnoverAmounts {
  readonly basis: TurnoverBasis;
  readonly turnover: number | null;
}

/**
 * What the report annualizes for a turnover: its sales and stock on the `cost` (COGS / average
 * value) and `retail` (revenue / average retail value) bases, exact decimals that annualize with
 * one rounding; on the `units` basis the turnover itself, since the figures carry their quantities
 * rounded to doubles (rebuilding the quotient from them could differ from the turnover in the last
 * place); `null` when the turnover is `null`. Internal.
 */
export function turnoverToAnnualize(
  figures: TurnoverWithParts,
): { readonly sales: Decimal; readonly stock: Decimal } | number | null {
  if (figures.turnover === null) return null;
  switch (figures.basis) {
    case "cost":
      return { sales: figures.cogs, stock: figures.averageValue };
    case "units":
      return figures.turnover;
    case "retail":
      // A defined retail turnover has a retail value.
      return figures.averageRetailValue === null
        ? figures.turnover
        : { sales: figures.revenue, stock: figures.averageRetailValue };
  }
}
