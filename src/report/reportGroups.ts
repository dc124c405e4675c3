import type { SkuInfo } from "../model/SkuInfo.js";
import {
  annualizeTurnover,
  rollupTurnover,
  type TurnoverReasons,
  type TurnoverRollup,
  turnoverSeries,
} from "../turnover/index.js";
import type { AnalyzedHistory, SkuAnalysis } from "./analyzeSku.js";
import {
  type ReportFigures,
  type ReportGroup,
  type RowKey,
  reportRollups,
} from "./reportFigures.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";
import { type AdditiveParts, TurnoverPartsSum } from "./TurnoverPartsSum.js";

/**
 * The turnover figures of one calendar month (clipped to the period), summed over every row: its
 * own days, Σ time-weighted average inventory, Σ COGS, and ratios of those sums. Shrinkage is not
 * in a month's history, so it has no shrinkage figures.
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

/** The rollups of each requested grouping; a grouping that was not requested is absent. */
export interface ReportGroups {
  /** Per `skuInfo` category, in key order (code-unit order), the rows without a category last. */
  readonly category?: readonly ReportGroup[];
  /** Per location, in key order, the rows without a location last. */
  readonly location?: readonly ReportGroup[];
  /** Per calendar month of the period, in calendar order. */
  readonly month?: readonly MonthGroup[];
}

/**
 * Rolls the rows up for the portfolio and by each grouping of `options.groupBy`. The portfolio
 * totals come with the first category or location grouping (each rollup returns its total too),
 * so they cost no extra pass then.
 */
export function reportGroups(
  analyses: readonly SkuAnalysis[],
  options: ResolvedReportOptions,
): { readonly totals: ReportFigures; readonly groups: ReportGroups } {
  let totals: ReportFigures | null = null;
  const groups: {
    category?: readonly ReportGroup[];
    location?: readonly ReportGroup[];
    month?: readonly MonthGroup[];
  } = {};
  for (const grouping of options.groupBy) {
    if (grouping === "month") {
      groups.month = monthGroups(analyses, options);
      continue;
    }
    const keyOf: RowKey =
      grouping === "category" ? (a) => a.info?.category ?? null : (a) => a.history.location ?? null;
    const rollups = reportRollups(analyses, keyOf, options);
    groups[grouping] = rollups.groups;
    totals ??= rollups.total;
  }
  return { totals: totals ?? reportRollups(analyses, null, options).total, groups };
}

/**
 * Per month: every row's figures of that month (`SkuHistory.months`; under the retail basis from
 * `turnoverSeries`, which values the month's stock at the SKU's price) summed across rows, and
 * rolled up with `rollupTurnover` over the month's own days.
 */
function monthGroups(
  analyses: readonly SkuAnalysis[],
  options: ResolvedReportOptions,
): MonthGroup[] {
  const months = new Map<
    string,
    {
      readonly from: string;
      readonly to: string;
      readonly days: number;
      readonly sum: TurnoverPartsSum;
    }
  >();
  for (const { history, info } of analyses) {
    for (const month of monthsOf(history, info, options)) {
      let entry = months.get(month.month);
      if (entry === undefined) {
        entry = { from: month.from, to: month.to, days: month.days, sum: new TurnoverPartsSum() };
        months.set(month.month, entry);
      }
      // A month's issues without a price are not known apart: the period's make revenue-based
      // figures null in every month, as in turnoverSeries.
      entry.sum.add(month, history.issuesWithoutPrice);
    }
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, { from, to, days, sum }]) => monthGroup(month, from, to, days, sum, options));
}

/** A history's months, with their value at retail when the basis needs it. */
function monthsOf(
  history: AnalyzedHistory,
  info: SkuInfo | undefined,
  options: ResolvedReportOptions,
): readonly (AdditiveParts & {
  readonly month: string;
  readonly from: string;
  readonly to: string;
  readonly days: number;
})[] {
  if (options.turnoverBasis !== "retail") return history.months;
  return turnoverSeries(history, { by: "month", unitPrice: info?.unitPrice ?? null }).map(
    (entry) => ({ ...entry, month: entry.label, days: entry.periodDays }),
  );
}

function monthGroup(
  month: string,
  from: string,
  to: string,
  days: number,
  sum: TurnoverPartsSum,
  options: ResolvedReportOptions,
): MonthGroup {
  const { total } = rollupTurnover([sum.toParts()], {
    periodDays: days,
    basis: options.turnoverBasis,
    sellThroughVariant: options.sellThroughVariant,
  });
  // Months carry no shrinkage: drop the shrinkage figures rather than report a false 0.
  const { shrinkageValue: _value, shrinkageRate: _rate, reasons, ...figures } = total;
  const { shrinkageRate: _reason, ...monthReasons } = reasons;
  return {
    month,
    from,
    to,
    ...figures,
    annualizedTurnover: annualizeTurnover({
      turnover: figures.turnover,
      periodDays: days,
      daysPerYear: options.daysPerYear,
    }),
    reasons:
      monthReasons.turnover === undefined
        ? monthReasons
        : { ...monthReasons, annualizedTurnover: monthReasons.turnover },
  };
}
