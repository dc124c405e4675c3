import { requireNonNegative, requirePositive } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import { requireArgs } from "./guards.js";

/** Arguments of {@link annualizeTurnover}. */
export interface AnnualizeTurnoverArgs {
  /** Turnover measured over the period (≥ 0), or `null` when it is undefined. */
  readonly turnover: number | null;
  /** Length of that period in days (> 0). */
  readonly periodDays: number;
  /** Days in a year (> 0); default 365. */
  readonly daysPerYear?: number;
}

/**
 * Annualizes a turnover measured over a period of any length, so that it can be compared with
 * annual figures such as the industry benchmarks.
 *
 * annual turnover = turnover × daysPerYear / periodDays   (daysPerYear = 365 by default)
 *
 * Turns per year. With the default 365, a turnover over a 366-day leap year becomes turnover × 365 /
 * 366; pass `daysPerYear: 366` to keep it unchanged. Annualizing a season assumes the rest of the
 * year turns at the same pace: seasonal businesses should compare season with season instead.
 * A `null` turnover gives `null`.
 *
 * @param args - `{ turnover, periodDays, daysPerYear? }`.
 * @returns turns per year, or `null`.
 * @throws InvKpiError `invalid_argument` (not an object, not a finite number), `out_of_range`
 *   (negative turnover, `periodDays` or `daysPerYear` ≤ 0).
 * @example
 * ```ts
 * import { annualizeTurnover } from "invkpi";
 * annualizeTurnover({ turnover: 2, periodDays: 73 }); // 10
 * annualizeTurnover({ turnover: null, periodDays: 90 }); // null
 * ```
 */
export function annualizeTurnover(args: AnnualizeTurnoverArgs): number | null {
  const fn = "annualizeTurnover";
  requireArgs(args, fn);
  const periodDays = requirePositive(args.periodDays, fn, "periodDays");
  const daysPerYear = requirePositive(args.daysPerYear ?? 365, fn, "daysPerYear");
  if (args.turnover === null) return null;
  const turnover = requireNonNegative(args.turnover, fn, "turnover");
  // Decimal arithmetic, so that 7.32 × 366 / 366 gives back 7.32 exactly. A period of a whole year
  // of `daysPerYear` days is that case, without the arithmetic: turnover (≤ 17 digits) × days
  // (≤ 17 digits) is exact at 40 digits, dividing by the same days gives the turnover's decimal
  // back, and that decimal reads back as the same double.
  if (daysPerYear === periodDays) return turnover;
  return quotientToNumber(new Decimal(turnover).times(daysPerYear), new Decimal(periodDays));
}
