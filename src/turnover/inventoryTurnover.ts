import type { MoneyInput } from "../model/money.js";
import { toDecimal } from "../model/money.js";
import { argumentNames, requireArgumentNames } from "../model/requireKnownOptions.js";
import { requireArgs } from "./guards.js";
import { turnoverOutcome } from "./Outcome.js";

/** Arguments of {@link inventoryTurnover}. */
export interface InventoryTurnoverArgs {
  /** Cost of goods sold in the period (or units sold, or revenue: the same basis as the stock). */
  readonly cogs: MoneyInput;
  /** Average inventory over the same period, on the same basis (see `averageInventory`). */
  readonly averageInventory: MoneyInput;
}

/** The argument names of {@link inventoryTurnover}. */
const NAMES = argumentNames<InventoryTurnoverArgs>()(["cogs", "averageInventory"]);

/**
 * Inventory turnover: how many times the average stock was sold through in the period.
 *
 * turnover = COGS / average inventory
 *
 * Both amounts must be on the same basis: at cost (the usual definition), in units, or at retail
 * (revenue over stock valued at selling price); the result is a pure number per period (not per
 * year: see `annualizeTurnover`). Computed in exact decimals, converted to a number at the end.
 *
 * `null` when the average inventory is zero (the ratio has no value) or negative (stock in deficit
 * makes it meaningless), and when COGS is negative (returns exceeded issues). Zero COGS over a
 * positive stock gives 0.
 *
 * @param args - `{ cogs, averageInventory }`.
 * @returns the turnover, or `null`.
 * @throws InvKpiError `invalid_argument` (not an object), `invalid_money` (an amount that is not a
 *   finite decimal), `invalid_option` (a name it does not read, path `[name]`: "unknown argument
 *   'averageinventory' (did you mean 'averageInventory'?)").
 * @example
 * ```ts
 * import { inventoryTurnover } from "invkpi";
 * inventoryTurnover({ cogs: 1_000_000, averageInventory: 200_000 }); // 5
 * inventoryTurnover({ cogs: 1_000, averageInventory: 0 }); // null
 * ```
 */
export function inventoryTurnover(args: InventoryTurnoverArgs): number | null {
  const fn = "inventoryTurnover";
  requireArgs(args, fn);
  requireArgumentNames(args, NAMES, fn);
  const cogs = toDecimal(args.cogs, `${fn}: cogs`);
  const average = toDecimal(args.averageInventory, `${fn}: averageInventory`);
  return turnoverOutcome(cogs, average).value;
}
