import type { TurnoverBasis } from "../../turnover/index.js";

const TEXTS: Readonly<Record<TurnoverBasis, string>> = {
  cost: "COGS over the average inventory at cost",
  units: "units issued net of returns over the average units on hand",
  retail: "revenue over the average inventory at retail prices",
};

/**
 * What a turnover is on a basis, in words for the page: the sales and the stock it divides
 * (`turnoverFigures`, `rollupTurnover`).
 *
 * @param basis - the report's `turnoverBasis`.
 * @example
 * ```ts
 * turnoverBasisText("cost"); // "COGS over the average inventory at cost"
 * turnoverBasisText("units"); // "units issued net of returns over the average units on hand"
 * ```
 */
export function turnoverBasisText(basis: TurnoverBasis): string {
  return TEXTS[basis];
}
