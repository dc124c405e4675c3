import { InvKpiError } from "../model/InvKpiError.js";
import type { MoneyInput } from "../model/money.js";
import { toDecimal } from "../model/money.js";
import { argumentNames, requireArgumentNames } from "../model/requireKnownOptions.js";
import { requireArgs } from "./guards.js";
import { perAverageInventory } from "./Outcome.js";

/** Arguments of {@link shrinkageRate}. */
export interface ShrinkageRateArgs {
  /** Value lost in the period (negative count adjustments, write-offs), as a positive amount. */
  readonly shrinkage: MoneyInput;
  /** Average inventory over the same period, on the same basis (usually at cost). */
  readonly averageInventory: MoneyInput;
}

/** The argument names of {@link shrinkageRate}. */
const NAMES = argumentNames<ShrinkageRateArgs>()(["shrinkage", "averageInventory"]);

/**
 * Shrinkage rate: the share of the average stock lost to count differences, damage and theft.
 *
 * shrinkage rate = shrinkage / average inventory
 *
 * A fraction per period (0.02 = 2 %). `null` when the average inventory is zero or negative.
 *
 * @param args - `{ shrinkage, averageInventory }`, money.
 * @returns the rate, or `null`.
 * @throws InvKpiError `invalid_argument` (not an object), `invalid_money` (an amount that is not a
 *   finite decimal, or a negative shrinkage), `invalid_option` (a name it does not read, path
 *   `[name]`: "unknown argument 'shrinkge' (did you mean 'shrinkage'?)").
 * @example
 * ```ts
 * import { shrinkageRate } from "invkpi";
 * shrinkageRate({ shrinkage: 3_000, averageInventory: 200_000 }); // 0.015
 * ```
 */
export function shrinkageRate(args: ShrinkageRateArgs): number | null {
  const fn = "shrinkageRate";
  requireArgs(args, fn);
  requireArgumentNames(args, NAMES, fn);
  const shrinkage = toDecimal(args.shrinkage, `${fn}: shrinkage`);
  if (shrinkage.lt(0)) {
    throw new InvKpiError(
      "invalid_money",
      `${fn}: shrinkage must not be negative (give losses as a positive amount), got ${shrinkage.toFixed()}`,
      { path: ["shrinkage"], details: { value: shrinkage.toFixed() } },
    );
  }
  const average = toDecimal(args.averageInventory, `${fn}: averageInventory`);
  return perAverageInventory(shrinkage, average).value;
}
