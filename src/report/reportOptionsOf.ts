import type {
  AnalyzeLedgerOptions,
  ReplenishmentReportOptions,
  ReportIndustry,
} from "./AnalyzeLedgerOptions.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";

/**
 * The report options that resolve to `resolved`: every setting spelled out, "none" (`null`) left
 * out, the period's `days` left to the period. `resolveReportOptions` of the result checks every
 * setting by the rules of a single run and gives `resolved` back when it is a report's own
 * options; so options that came from elsewhere (a partial header) are checked by the same rules,
 * not by a copy of them.
 *
 * @param resolved - resolved options, e.g. `InventoryReport.options` or a decoded partial header.
 * @returns new options; the arrays are the resolved ones (not copied).
 * @example
 * ```ts
 * import { resolveReportOptions } from "./resolveReportOptions.js";
 * const resolved = resolveReportOptions(
 *   { period: { from: "2025-01-01", to: "2025-01-31" }, agingBuckets: [45] },
 *   "example",
 * );
 * const options = reportOptionsOf(resolved);
 * options.period; // { from: "2025-01-01", to: "2025-01-31" }
 * options.industry; // undefined
 * resolveReportOptions(options, "example").agingBuckets; // [45]
 * ```
 */
export function reportOptionsOf(resolved: ResolvedReportOptions): AnalyzeLedgerOptions {
  const { period, industry } = resolved;
  const replenishment = replenishmentReportOptions(resolved.replenishment);
  return {
    period: { from: period.from, to: period.to },
    asOf: resolved.asOf,
    valuation: resolved.valuation,
    averageMethod: resolved.averageMethod,
    turnoverBasis: resolved.turnoverBasis,
    sellThroughVariant: resolved.sellThroughVariant,
    daysPerYear: resolved.daysPerYear,
    abc: resolved.abc,
    xyz: resolved.xyz,
    demand: resolved.demand,
    replenishment,
    slowDays: resolved.slowDays,
    deadDays: resolved.deadDays,
    movementBasis: resolved.movementBasis,
    excessCoverDays: resolved.excessCoverDays,
    agingBuckets: resolved.agingBuckets,
    nearExpiryDays: resolved.nearExpiryDays,
    groupBy: resolved.groupBy,
    byLocation: resolved.byLocation,
    negativeStock: resolved.negativeStock,
    // Resolved: an identifier of the table (checked) or a range.
    ...(industry === null ? {} : { industry: industry as ReportIndustry }),
  };
}

/**
 * The resolved replenishment defaults as report options: every setting spelled out, the ones
 * without a default ("none", `null`) left out. Also the base of `replenishmentFigures`' options
 * in a report (`replenishmentOptions` in analyzeSku.ts).
 */
export function replenishmentReportOptions(
  r: ResolvedReportOptions["replenishment"],
): ReplenishmentReportOptions {
  return {
    serviceLevel: r.serviceLevel,
    method: r.method,
    bucket: r.bucket,
    ...(r.leadTimeDays === null ? {} : { leadTimeDays: r.leadTimeDays }),
    ...(r.leadTimeStdDevDays === null ? {} : { leadTimeStdDevDays: r.leadTimeStdDevDays }),
    ...(r.reviewPeriodDays === null ? {} : { reviewPeriodDays: r.reviewPeriodDays }),
    ...(r.orderCost === null ? {} : { orderCost: r.orderCost }),
    ...(r.holdingRate === null ? {} : { holdingRate: r.holdingRate }),
    ...(r.coverDays === null ? {} : { coverDays: r.coverDays }),
    ...(r.fillRate === null ? {} : { fillRate: r.fillRate }),
  };
}
