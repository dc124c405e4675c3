import { requireFinite, requireNonNegative, requirePositive } from "./assert.js";
import type { Decimal } from "./Decimal.js";
import { decimalOfNumber } from "./decimalOfNumber.js";
import { InvKpiError } from "./InvKpiError.js";

/**
 * Demand as a rate, in one of two forms: `demandPerDay` (units per day), or `demand` units over
 * `demandDays` days. The second is exact where a mean is not: 10 units over 30 days is a third of a
 * unit per day, which no number holds, so 80 units on hand cover exactly 240 days of it, while
 * 80 / 0.3333333333333333 is 240.00000000000003.
 */
export type DemandRateInput =
  | { readonly demandPerDay: number; readonly demand?: undefined; readonly demandDays?: undefined }
  | { readonly demand: number; readonly demandDays: number; readonly demandPerDay?: undefined };

/** A demand rate, exactly: `quantity` units over `days` days. */
export interface DemandRate {
  readonly quantity: Decimal;
  readonly days: number;
}

/**
 * Reads either form of {@link DemandRateInput}.
 *
 * @param input - the caller's options or arguments.
 * @param fn - the public function, for messages.
 * @param nonNegative - whether demand must be ≥ 0 (`out_of_range` otherwise).
 * @throws InvKpiError `invalid_argument` (neither form or both, a value that is not a finite
 *   number), `out_of_range` (`demandDays` not > 0, a negative demand when `nonNegative`).
 * @example
 * ```ts
 * const rate = demandRate({ demand: 10, demandDays: 30 }, "excessStock", true);
 * [rate.quantity.toFixed(), rate.days]; // ["10", 30]
 * demandRate({ demandPerDay: 2.5 }, "daysOfSupply", false).days; // 1
 * ```
 */
export function demandRate(
  input: Partial<Record<"demandPerDay" | "demand" | "demandDays", unknown>>,
  fn: string,
  nonNegative: boolean,
): DemandRate {
  const perDay = input.demandPerDay !== undefined;
  const overDays = input.demand !== undefined || input.demandDays !== undefined;
  if (perDay === overDays) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: give either demandPerDay, or demand with demandDays (demand units over demandDays days)`,
      { path: perDay ? ["demand"] : ["demandPerDay"] },
    );
  }
  const name = perDay ? "demandPerDay" : "demand";
  const value = perDay ? input.demandPerDay : input.demand;
  const quantity = nonNegative
    ? requireNonNegative(value, fn, name)
    : requireFinite(value, fn, name);
  const days = perDay ? 1 : requirePositive(input.demandDays, fn, "demandDays");
  return { quantity: decimalOfNumber(quantity), days };
}
