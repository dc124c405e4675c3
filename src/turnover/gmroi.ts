import type { MoneyInput } from "../model/money.js";
import { toDecimal } from "../model/money.js";
import { argumentNames, requireArgumentNames } from "../model/requireKnownOptions.js";
import { requireArgs } from "./guards.js";
import { perAverageInventory } from "./Outcome.js";

/** Arguments of {@link gmroi}. */
export interface GmroiArgs {
  /** Gross margin of the period: revenue − COGS (may be negative). */
  readonly grossMargin: MoneyInput;
  /** Average inventory over the same period, at cost. */
  readonly averageInventoryCost: MoneyInput;
}

/** The argument names of {@link gmroi}. */
const NAMES = argumentNames<GmroiArgs>()(["grossMargin", "averageInventoryCost"]);

/**
 * GMROI, gross margin return on inventory investment: margin earned per unit of money held in stock.
 *
 * GMROI = gross margin / average inventory at cost
 *
 * A pure number per period (2.5 means 2.50 of margin per 1.00 of average stock at cost). A negative
 * margin gives a negative GMROI. `null` when the average inventory is zero or negative.
 *
 * @param args - `{ grossMargin, averageInventoryCost }`, money.
 * @returns GMROI, or `null`.
 * @throws InvKpiError `invalid_argument` (not an object), `invalid_money` (an amount that is not a
 *   finite decimal), `invalid_option` (a name it does not read, path `[name]`: "unknown argument
 *   'grossmargin' (did you mean 'grossMargin'?)").
 * @example
 * ```ts
 * import { gmroi } from "invkpi";
 * gmroi({ grossMargin: 200_000, averageInventoryCost: 80_000 }); // 2.5
 * ```
 */
export function gmroi(args: GmroiArgs): number | null {
  const fn = "gmroi";
  requireArgs(args, fn);
  requireArgumentNames(args, NAMES, fn);
  const margin = toDecimal(args.grossMargin, `${fn}: grossMargin`);
  const average = toDecimal(args.averageInventoryCost, `${fn}: averageInventoryCost`);
  return perAverageInventory(margin, average).value;
}
