import type { Decimal } from "../model/Decimal.js";
import type { TurnoverAmounts, TurnoverBasis } from "../turnover/index.js";

/** What {@link turnoverToAnnualize} reads: a SKU's `TurnoverFigures` or a `TurnoverRollup` fits. */
export interface TurnoverWithParts extends TurnoverAmounts {
  readonly basis: TurnoverBasis;
  readonly turnover: number | null;
}

/**
 * What the report annualizes for a turnover: its sales and stock on the `cost` (COGS / average
 * value) and `retail` (revenue / average retail value) bases, exact decimals that annualize with
 * one rounding; on the `units` basis the turnover itself, since the figures carry their quantities
 * rounded to doubles (rebuilding the quotient from them could differ from the turnover in the last
 * place); `null` when the turnover is `null`. Passed to `annualizeTurnover` as its `turnover`.
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
