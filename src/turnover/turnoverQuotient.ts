import type { Decimal } from "../model/Decimal.js";
import { decimalOfNumber } from "../model/decimalOfNumber.js";
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
 * The sales and stock behind a turnover on its basis (`cost`: COGS / average value; `units`: issued
 * − returned / average units; `retail`: revenue / average retail value), or `null` when the
 * turnover itself is `null`. Internal: the report annualizes its turnovers from these.
 */
export function turnoverQuotientOf(
  figures: TurnoverWithParts,
): { readonly sales: Decimal; readonly stock: Decimal } | null {
  if (figures.turnover === null) return null;
  switch (figures.basis) {
    case "cost":
      return { sales: figures.cogs, stock: figures.averageValue };
    case "units":
      return {
        sales: decimalOfNumber(figures.issuedQuantity).minus(
          decimalOfNumber(figures.returnedQuantity),
        ),
        stock: decimalOfNumber(figures.averageQuantity),
      };
    case "retail":
      // A defined retail turnover has a retail value.
      return figures.averageRetailValue === null
        ? null
        : { sales: figures.revenue, stock: figures.averageRetailValue };
  }
}
