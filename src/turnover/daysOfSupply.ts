import { type DemandRateInput, demandRate } from "../model/demandRate.js";
import { argumentNames, requireArgumentNames } from "../model/requireKnownOptions.js";
import { exactQuantity, requireArgs } from "./guards.js";
import { daysOfSupplyOutcome } from "./Outcome.js";

/**
 * Arguments of {@link daysOfSupply}: the units on hand, and the demand as `demandPerDay` (mean
 * demand per day, in the same units) or as `demand` units over `demandDays` days (exact: 80 units
 * with 10 sold in 30 days last exactly 240 days).
 */
export type DaysOfSupplyArgs = {
  /** Units on hand now (negative when in deficit). */
  readonly onHand: number;
} & DemandRateInput;

const FN = "daysOfSupply";
/**
 * The argument names of {@link daysOfSupply}, of both demand forms (given both, or neither, the
 * calculator says which to give).
 */
const NAMES = argumentNames<DaysOfSupplyArgs>()(["onHand", "demandPerDay", "demand", "demandDays"]);

/**
 * Days of supply (coverage): how many days the stock on hand lasts at the mean daily demand.
 *
 * days of supply = on hand / demand per day = on hand × demandDays / demand
 *
 * In days. `null` when the demand is zero or negative (the stock would never run out). A negative
 * on hand gives a negative figure: the deficit, in days of demand. Computed in exact decimals.
 *
 * @param args - `{ onHand, demandPerDay }` or `{ onHand, demand, demandDays }`, in units, units
 *   per day, units and days.
 * @returns days, or `null`.
 * @throws InvKpiError `invalid_argument` (not an object, not a finite number, neither demand form
 *   or both), `out_of_range` (`demandDays` not > 0), `invalid_option` (a name it does not read, path
 *   `[name]`: "unknown argument 'onhand' (did you mean 'onHand'?)").
 * @example
 * ```ts
 * import { daysOfSupply } from "invkpi";
 * daysOfSupply({ onHand: 120, demandPerDay: 8 }); // 15
 * daysOfSupply({ onHand: 120, demandPerDay: 0 }); // null
 * daysOfSupply({ onHand: 80, demand: 10, demandDays: 30 }); // 240
 * ```
 */
export function daysOfSupply(args: DaysOfSupplyArgs): number | null {
  requireArgumentNames(args, NAMES, FN);
  return daysOfSupplyWithoutNameCheck(args);
}

/**
 * {@link daysOfSupply} without the check of its argument names: for callers inside invkpi that
 * make the arguments themselves, once per SKU (the report).
 * @internal
 */
export function daysOfSupplyWithoutNameCheck(args: DaysOfSupplyArgs): number | null {
  const fn = FN;
  requireArgs(args, fn);
  const onHand = exactQuantity(args.onHand, fn, "onHand");
  const rate = demandRate(args, fn, false);
  return daysOfSupplyOutcome(onHand, rate.quantity, rate.days).value;
}
