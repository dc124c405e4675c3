import { requireNonNegative, requirePositive } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import type { MoneyInput } from "../model/money.js";
import { toDecimal } from "../model/money.js";
import {
  anyForm,
  argumentNames,
  type FormInForce,
  formsInForce,
  requireFormNames,
} from "../model/requireKnownOptions.js";
import { requireArgs } from "./guards.js";
import { daysOfInventoryOutcome } from "./Outcome.js";

/** Arguments of {@link daysOfInventory}: either the amounts, or a turnover already computed. */
export type DaysOfInventoryArgs =
  | {
      /** Cost of goods sold in the period. */
      readonly cogs: MoneyInput;
      /** Average inventory over the period, on the same basis as `cogs`. */
      readonly averageInventory: MoneyInput;
      /** Length of the period in days (> 0), e.g. 365, or 366 in a leap year. */
      readonly periodDays: number;
    }
  | {
      /** Turnover over the period (≥ 0), or `null` when it is undefined. */
      readonly turnover: number | null;
      /** Length of the period the turnover was measured over, in days (> 0). */
      readonly periodDays: number;
    };

/** The names of each form: COGS with a turnover would be ignored, so it is refused. */
const FORMS = formsInForce({
  amounts: {
    label: "{ cogs, averageInventory, periodDays }",
    names: argumentNames<Extract<DaysOfInventoryArgs, { cogs: MoneyInput }>>()([
      "cogs",
      "averageInventory",
      "periodDays",
    ]),
  },
  turnover: {
    label: "{ turnover, periodDays }",
    names: argumentNames<Extract<DaysOfInventoryArgs, { turnover: number | null }>>()([
      "turnover",
      "periodDays",
    ]),
  },
});
/** Neither a turnover nor an amount: every name is known (a typo of either gets its hint). */
const EITHER_FORM = anyForm([FORMS.amounts.given, FORMS.turnover.given]);

/** The form `args` is in: the turnover's when one is given (as the calculator reads it). */
function formOf(args: DaysOfInventoryArgs): FormInForce {
  if ("turnover" in args && args.turnover !== undefined) return FORMS.turnover;
  const { cogs, averageInventory } = args as { cogs?: unknown; averageInventory?: unknown };
  return cogs === undefined && averageInventory === undefined ? EITHER_FORM : FORMS.amounts;
}

/**
 * Days of inventory (days inventory outstanding, DIO, turnover days): how many days the average
 * stock lasts at the period's rate of sales.
 *
 * days of inventory = average inventory / COGS × periodDays = periodDays / turnover
 *
 * In days. Defined exactly when the turnover is defined and not zero, so turnover × days of
 * inventory = periodDays. `null` when COGS is zero (the stock would never run out), and whenever the
 * turnover is `null` (average inventory ≤ 0, negative COGS). Given `{ turnover, periodDays }`, a
 * `null` or zero turnover gives `null`, and a negative one throws: no invkpi calculator returns a
 * negative turnover (negative COGS gives `null`), so one is a figure computed without that rule,
 * an argument outside its domain rather than a ratio without meaning (pass `null` instead).
 *
 * @param args - `{ cogs, averageInventory, periodDays }` or `{ turnover, periodDays }`.
 * @returns days, or `null`.
 * @throws InvKpiError `invalid_argument` (not an object, not a finite number), `out_of_range`
 *   (`periodDays` ≤ 0, a negative `turnover` argument), `invalid_money` (an amount that is not a finite decimal),
 *   `invalid_option` (a name it does not read, path `[name]`: a typo, "unknown argument 'perioddays'
 *   (did you mean 'periodDays'?)", or an amount with a turnover, "{ turnover, periodDays } does not
 *   read 'cogs' ({ cogs, averageInventory, periodDays } does)").
 * @example
 * ```ts
 * import { daysOfInventory } from "invkpi";
 * daysOfInventory({ cogs: 1_000_000, averageInventory: 200_000, periodDays: 365 }); // 73
 * daysOfInventory({ turnover: 5, periodDays: 365 }); // 73
 * daysOfInventory({ cogs: 0, averageInventory: 200_000, periodDays: 365 }); // null
 * ```
 */
export function daysOfInventory(args: DaysOfInventoryArgs): number | null {
  const fn = "daysOfInventory";
  requireArgs(args, fn);
  requireFormNames(args, [formOf(args)], fn);
  const periodDays = requirePositive(args.periodDays, fn, "periodDays");
  if ("turnover" in args && args.turnover !== undefined) {
    if (args.turnover === null) return null;
    const turnover = requireNonNegative(args.turnover, fn, "turnover");
    return turnover === 0 ? null : new Decimal(periodDays).dividedBy(turnover).toNumber();
  }
  // The amounts' form, or a turnover given as undefined (no argument: the amounts are required).
  const amounts = args as { readonly cogs: MoneyInput; readonly averageInventory: MoneyInput };
  const cogs = toDecimal(amounts.cogs, `${fn}: cogs`);
  const average = toDecimal(amounts.averageInventory, `${fn}: averageInventory`);
  return daysOfInventoryOutcome(cogs, average, periodDays).value;
}
