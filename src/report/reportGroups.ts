import type { SkuAnalysis } from "./analyzeSku.js";
import { type MonthGroup, MonthSums } from "./MonthSums.js";
import {
  type ReportFigures,
  type ReportGroup,
  type RowKey,
  reportRollups,
} from "./reportFigures.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";

export type { MonthGroup } from "./MonthSums.js";

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
 *
 * @param monthSums - the months of every analysis, summed as they were made (the analyses then
 *   hold no months); without it the months are summed from the analyses.
 */
export function reportGroups(
  analyses: readonly SkuAnalysis[],
  options: ResolvedReportOptions,
  monthSums: MonthSums | null = null,
): { readonly totals: ReportFigures; readonly groups: ReportGroups } {
  let totals: ReportFigures | null = null;
  const groups: {
    category?: readonly ReportGroup[];
    location?: readonly ReportGroup[];
    month?: readonly MonthGroup[];
  } = {};
  for (const grouping of options.groupBy) {
    if (grouping === "month") {
      groups.month = (monthSums ?? MonthSums.of(analyses, options)).groups();
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
