import { exactQuantity, requireArgs } from "./guards.js";
import { daysOfSupplyOutcome } from "./Outcome.js";

/** Arguments of {@link daysOfSupply}. */
export interface DaysOfSupplyArgs {
  /** Units on hand now (negative when in deficit). */
  readonly onHand: number;
  /** Mean demand per day, in the same units. */
  readonly demandPerDay: number;
}

/**
 * Days of supply (coverage): how many days the stock on hand lasts at the mean daily demand.
 *
 * days of supply = on hand / demand per day
 *
 * In days. `null` when the demand per day is zero or negative (the stock would never run out). A
 * negative on hand gives a negative figure: the deficit, in days of demand.
 *
 * @param args - `{ onHand, demandPerDay }`, in units and units per day.
 * @returns days, or `null`.
 * @throws InvKpiError `invalid_argument` (not an object, not a finite number).
 * @example
 * ```ts
 * import { daysOfSupply } from "invkpi";
 * daysOfSupply({ onHand: 120, demandPerDay: 8 }); // 15
 * daysOfSupply({ onHand: 120, demandPerDay: 0 }); // null
 * ```
 */
export function daysOfSupply(args: DaysOfSupplyArgs): number | null {
  const fn = "daysOfSupply";
  requireArgs(args, fn);
  const onHand = exactQuantity(args.onHand, fn, "onHand");
  const demandPerDay = exactQuantity(args.demandPerDay, fn, "demandPerDay");
  return daysOfSupplyOutcome(onHand, demandPerDay, 1).value;
}
