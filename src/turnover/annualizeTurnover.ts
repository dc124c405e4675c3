import { requireNonNegative, requirePositive } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { toDecimal } from "../model/money.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import { argumentNames, requireArgumentNames } from "../model/requireKnownOptions.js";
import { requireArgs } from "./guards.js";
import type { TurnoverQuotient } from "./TurnoverQuotient.js";

/** Arguments of {@link annualizeTurnover}. */
export interface AnnualizeTurnoverArgs {
  /**
   * Turnover measured over the period (≥ 0), or `null` when it is undefined; or its exact parts
   * `{ sales, stock }` (turnover = sales / stock, e.g. `{ sales: cogs, stock: averageValue }`),
   * which annualize with a single rounding.
   */
  readonly turnover: number | TurnoverQuotient | null;
  /** Length of that period in days (> 0). */
  readonly periodDays: number;
  /** Days in a year (> 0); default 365. */
  readonly daysPerYear?: number;
}

const FN = "annualizeTurnover";
/** The argument names of {@link annualizeTurnover}. */
const NAMES = argumentNames<AnnualizeTurnoverArgs>()(["turnover", "periodDays", "daysPerYear"]);

/**
 * Annualizes a turnover measured over a period of any length, so that it can be compared with
 * annual figures such as the industry benchmarks.
 *
 * annual turnover = turnover × daysPerYear / periodDays   (daysPerYear = 365 by default)
 *                 = sales × daysPerYear / (stock × periodDays)   (turnover given as `{ sales, stock }`)
 *
 * Turns per year. With the default 365, a turnover over a 366-day leap year becomes turnover × 365 /
 * 366; pass `daysPerYear: 366` to keep it unchanged. Annualizing a season assumes the rest of the
 * year turns at the same pace: seasonal businesses should compare season with season instead.
 * A `null` turnover gives `null`.
 *
 * A turnover given as a number was already rounded to a double, and annualizing it rounds again:
 * a turnover of 2196 / 365 over a 366-day year gives 5.999999999999999 turns a year, not
 * 2196 × 365 / (365 × 366) = 6, which a benchmark
 * range starting at 6 would call `below`. Given as `{ sales, stock }`, the annual turnover is
 * computed from the parts in decimal arithmetic (40 significant digits) and rounded to a double
 * once (6).
 *
 * @param args - `{ turnover, periodDays, daysPerYear? }`.
 * @returns turns per year, or `null`.
 * @throws InvKpiError `invalid_argument` (not an object, not a finite number), `invalid_money`
 *   (sales or stock not a finite decimal), `out_of_range` (negative turnover or sales, stock ≤ 0,
 *   `periodDays` or `daysPerYear` ≤ 0), `invalid_option` (a name it does not read, path `[name]`:
 *   "unknown argument 'daysperyear' (did you mean 'daysPerYear'?)").
 * @example
 * ```ts
 * import { annualizeTurnover } from "invkpi";
 * annualizeTurnover({ turnover: 2, periodDays: 73 }); // 10
 * annualizeTurnover({ turnover: null, periodDays: 90 }); // null
 * annualizeTurnover({ turnover: 2196 / 365, periodDays: 366 }); // 5.999999999999999
 * annualizeTurnover({ turnover: { sales: 2196, stock: 365 }, periodDays: 366 }); // 6
 * ```
 */
export function annualizeTurnover(args: AnnualizeTurnoverArgs): number | null {
  requireArgumentNames(args, NAMES, FN);
  return annualizeTurnoverWithoutNameCheck(args);
}

/**
 * {@link annualizeTurnover} without the check of its argument names: for callers inside invkpi
 * that make the arguments themselves, once per SKU, month or bucket (the report, `turnoverSeries`,
 * `diagnoseTurnover`).
 * @internal
 */
export function annualizeTurnoverWithoutNameCheck(args: AnnualizeTurnoverArgs): number | null {
  requireArgs(args, FN);
  const periodDays = requirePositive(args.periodDays, FN, "periodDays");
  const daysPerYear = requirePositive(args.daysPerYear ?? 365, FN, "daysPerYear");
  if (args.turnover === null) return null;
  if (typeof args.turnover === "object") {
    const { sales, stock } = quotientParts(args.turnover, FN);
    return annualOfParts(sales, stock, periodDays, daysPerYear);
  }
  const turnover = requireNonNegative(args.turnover, FN, "turnover");
  // Decimal arithmetic, so that 7.32 × 366 / 366 gives back 7.32 exactly. A period of a whole year
  // of `daysPerYear` days is that case, without the arithmetic: turnover (≤ 17 digits) × days
  // (≤ 17 digits) is exact at 40 digits, dividing by the same days gives the turnover's decimal
  // back, and that decimal reads back as the same double.
  if (daysPerYear === periodDays) return turnover;
  return quotientToNumber(new Decimal(turnover).times(daysPerYear), new Decimal(periodDays));
}

/**
 * sales × daysPerYear / (stock × periodDays), rounded to a double once: the annual turnover of
 * parts already checked by {@link quotientParts} (stock > 0), days already checked positive.
 */
export function annualOfParts(
  sales: Decimal,
  stock: Decimal,
  periodDays: number,
  daysPerYear: number,
): number {
  if (daysPerYear === periodDays) return quotientToNumber(sales, stock);
  return quotientToNumber(sales.times(daysPerYear), stock.times(periodDays));
}

/**
 * The sales and stock of a turnover given as parts, as exact decimals.
 * @throws InvKpiError `invalid_money` (not a finite decimal), `out_of_range` (sales < 0, stock ≤ 0).
 */
export function quotientParts(
  quotient: TurnoverQuotient,
  fn: string,
): { readonly sales: Decimal; readonly stock: Decimal } {
  const sales = toDecimal(quotient.sales, `${fn}: turnover.sales`);
  const stock = toDecimal(quotient.stock, `${fn}: turnover.stock`);
  if (sales.isNegative() && !sales.isZero()) {
    throw new InvKpiError("out_of_range", `${fn}: turnover.sales must be ≥ 0, got ${sales}`, {
      path: ["turnover", "sales"],
    });
  }
  if (!stock.gt(0)) {
    throw new InvKpiError("out_of_range", `${fn}: turnover.stock must be > 0, got ${stock}`, {
      path: ["turnover", "stock"],
    });
  }
  return { sales, stock };
}
