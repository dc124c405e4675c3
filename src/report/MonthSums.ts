import { compareText } from "../model/compareText.js";
import { decimalOfNumber } from "../model/decimalOfNumber.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { annualizeTurnoverWithoutNameCheck } from "../turnover/annualizeTurnover.js";
import { averageRetailValue } from "../turnover/averageRetailValue.js";
import { rollupTurnover, type TurnoverReasons, type TurnoverRollup } from "../turnover/index.js";
import { optionalUnitPrice } from "../turnover/turnoverFigures.js";
import type { AnalyzedHistory, SkuAnalysis } from "./analyzeSku.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";
import { type AdditiveParts, TurnoverPartsSum } from "./TurnoverPartsSum.js";
import { turnoverToAnnualize } from "./turnoverToAnnualize.js";

/**
 * The turnover figures of one calendar month (clipped to the period), summed over every row: its
 * own days, Σ time-weighted average inventory, Σ COGS, Σ units transferred in and out, and ratios
 * of those sums. Shrinkage is not in a month's history, so it has no shrinkage figures.
 */
export interface MonthGroup
  extends Omit<TurnoverRollup, "shrinkageValue" | "shrinkageRate" | "reasons"> {
  /** `'YYYY-MM'`. */
  readonly month: string;
  /** First and last day of the month inside the period. */
  readonly from: string;
  readonly to: string;
  /** turnover × daysPerYear / days of the month: the month's pace, per year. */
  readonly annualizedTurnover: number | null;
  readonly reasons: Omit<TurnoverReasons, "shrinkageRate">;
}

interface MonthEntry {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly sum: TurnoverPartsSum;
}

/**
 * The month grouping's sums: every row's figures of each calendar month (`SkuHistory.months`;
 * under the retail basis with the month's average stock valued at the SKU's price, as
 * `turnoverSeries` values it) added up as the rows come, and rolled up with `rollupTurnover` over each month's own
 * days by {@link MonthSums.groups}.
 *
 * A report adds each SKU's months as soon as the SKU is analysed and keeps the analysis without
 * them: twelve months of figures per SKU would otherwise stay in memory until the last SKU.
 * The sums are `ExactSum`s: exact, so the order of the rows does not matter, up to 40 significant
 * digits (decimal.js's precision), past which a sum is rounded at each step. Rows are added in
 * the report's row order (by SKU, then location) all the same, so that even such sums are the
 * same, to the last digit, however the report was made.
 */
export class MonthSums {
  private readonly months = new Map<string, MonthEntry>();

  constructor(private readonly options: ResolvedReportOptions) {}

  /** Empty sums for a report, or null when its options do not group by month. */
  static forReport(options: ResolvedReportOptions): MonthSums | null {
    return options.groupBy.includes("month") ? new MonthSums(options) : null;
  }

  /** The sums of the months of `analyses`, in their order. */
  static of(analyses: readonly SkuAnalysis[], options: ResolvedReportOptions): MonthSums {
    const sums = new MonthSums(options);
    sums.addAll(analyses);
    return sums;
  }

  /** Adds the months of each analysis, in their order. */
  addAll(analyses: readonly SkuAnalysis[]): void {
    for (const { history, info } of analyses) this.add(history, info);
  }

  /** Adds the months of one row (SKU, or SKU and location). */
  add(history: AnalyzedHistory, info: SkuInfo | undefined): void {
    for (const month of this.monthsOf(history, info)) {
      let entry = this.months.get(month.month);
      if (entry === undefined) {
        entry = { from: month.from, to: month.to, days: month.days, sum: new TurnoverPartsSum() };
        this.months.set(month.month, entry);
      }
      // The month's own unpriced lines: one in March leaves April's gross margin known.
      entry.sum.add(month, month.issuesWithoutPrice);
    }
  }

  /** One group per month that any row had, in calendar order. */
  groups(): MonthGroup[] {
    return [...this.months.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([month, entry]) => this.group(month, entry));
  }

  /** A history's months, with their value at retail when the basis needs it. */
  private monthsOf(
    history: AnalyzedHistory,
    info: SkuInfo | undefined,
  ): readonly (AdditiveParts & {
    readonly month: string;
    readonly from: string;
    readonly to: string;
    readonly days: number;
    readonly issuesWithoutPrice: number;
  })[] {
    if (this.options.turnoverBasis !== "retail") return history.months;
    // The price was checked before its months are added: by the SKU's turnoverFigures in a run,
    // by `SkuInfo`'s rules when a partial record is combined (PartialCombiner).
    const price = optionalUnitPrice(info?.unitPrice ?? null, "turnoverFigures");
    return history.months.map((month) => ({
      ...month,
      averageRetailValue: averageRetailValue(decimalOfNumber(month.averageQuantity), price),
    }));
  }

  private group(month: string, { from, to, days, sum }: MonthEntry): MonthGroup {
    const { total } = rollupTurnover([sum.toParts()], {
      periodDays: days,
      basis: this.options.turnoverBasis,
      sellThroughVariant: this.options.sellThroughVariant,
    });
    // Months carry no shrinkage: drop its figures rather than report a false 0.
    const { shrinkageValue: _value, shrinkageRate: _rate, reasons, ...figures } = total;
    const { shrinkageRate: _reason, ...monthReasons } = reasons;
    return {
      month,
      from,
      to,
      ...figures,
      annualizedTurnover: annualizeTurnoverWithoutNameCheck({
        turnover: turnoverToAnnualize(total),
        periodDays: days,
        daysPerYear: this.options.daysPerYear,
      }),
      reasons:
        monthReasons.turnover === undefined
          ? monthReasons
          : { ...monthReasons, annualizedTurnover: monthReasons.turnover },
    };
  }
}
