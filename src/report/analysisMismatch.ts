import type { AgingBucketDefinition } from "../aging/index.js";
import { describeValue } from "../model/InvKpiError.js";
import type { SkuAnalysis } from "./analyzeSku.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";

/** Where a SKU analysis disagrees with itself or with its report's options, and how. */
export interface AnalysisMismatch {
  /** The field, from the analysis: `['aging', 'buckets', 2, 'toDays']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in words, without the field's name. */
  readonly message: string;
  /** Whether the field disagrees with the options (rather than with the rest of the analysis). */
  readonly withOptions: boolean;
}

/**
 * The first place where a SKU analysis that came from outside (a partial record) could not have
 * been computed by a run with `options`, or `null`. Its shape is checked by the codec; this checks
 * what the shape cannot say, so that the combined report is what the single run gives and every
 * later step gets the input its calculators were promised:
 * - every calculator's result is about the record's SKU and location (`turnover`, `status`,
 *   `excess`, `aging`, `expiry` and each expiry lot carry `sku` and `location`);
 * - the figures were computed over the options' period, basis and averaging method, on the
 *   options' `asOf`, with the options' aging buckets (their count, bounds and labels);
 * - the count of issues without a price is a count, the same in the history and the turnover;
 * - demand deviations (`dailyDemand.stdDev`, `xyzDemand.stdDev`,
 *   `replenishment.demandStdDev`) are not negative.
 *
 * @param analysis - a decoded SKU analysis.
 * @param options - the report's options (the partial header's).
 * @param buckets - `agingBuckets(options.agingBuckets)`, made once by the caller.
 * @example
 * ```ts
 * import { agingBuckets } from "../aging/index.js";
 * import { toPartialRecords } from "./toPartialRecords.js";
 * import { resolveReportOptions } from "./resolveReportOptions.js";
 * import { skuAnalysisCodec } from "./skuAnalysisCodec.js";
 * const given = { period: { from: "2025-01-01", to: "2025-01-31" } };
 * const options = resolveReportOptions(given, "example");
 * const [, record] = toPartialRecords(
 *   [{ sku: "A", date: "2025-01-02", type: "receipt", quantity: 5, unitCost: 2 }],
 *   given,
 * );
 * const analysis = skuAnalysisCodec.decode(record?.kind === "sku" ? record.analysis : null);
 * analysisMismatch(analysis, options, agingBuckets(options.agingBuckets)); // null
 * const other = { ...analysis, status: { ...analysis.status, sku: "B" } };
 * analysisMismatch(other, options, agingBuckets(options.agingBuckets));
 * // {
 * //   path: ["status", "sku"],
 * //   message: "the result of SKU \"B\" in the record of SKU \"A\"",
 * //   withOptions: false
 * // }
 * ```
 */
export function analysisMismatch(
  analysis: SkuAnalysis,
  options: ResolvedReportOptions,
  buckets: readonly AgingBucketDefinition[],
): AnalysisMismatch | null {
  return (
    ownerMismatch(analysis) ??
    settingsMismatch(analysis, options) ??
    bucketsMismatch(analysis, buckets) ??
    countMismatch(analysis) ??
    deviationMismatch(analysis)
  );
}

/** Every calculator's result names the record's SKU and location. */
function ownerMismatch(analysis: SkuAnalysis): AnalysisMismatch | null {
  const { turnover, status, excess, aging, expiry } = analysis;
  const owners: [readonly (string | number)[], OwnedResult][] = [
    [["turnover"], turnover],
    [["status"], status],
    [["excess"], excess],
    [["aging"], aging],
    [["expiry"], expiry],
    ...expiry.expired.map((lot, i): [readonly (string | number)[], OwnedResult] => [
      ["expiry", "expired", i],
      lot,
    ]),
    ...expiry.expiring.map((lot, i): [readonly (string | number)[], OwnedResult] => [
      ["expiry", "expiring", i],
      lot,
    ]),
  ];
  const { sku, location } = analysis.history;
  for (const [path, result] of owners) {
    if (result.sku !== sku) {
      return {
        path: [...path, "sku"],
        message: `the result of SKU ${describeValue(result.sku)} in the record of SKU ${describeValue(sku)}`,
        withOptions: false,
      };
    }
    if (result.location !== location) {
      return {
        path: [...path, "location"],
        message: `the result of location ${describeValue(result.location ?? null)} in the record of location ${describeValue(location ?? null)} (analysis.history.location)`,
        withOptions: false,
      };
    }
  }
  return null;
}

/** What a calculator's result says it is about. */
interface OwnedResult {
  readonly sku: string;
  readonly location?: string | undefined;
}

/** The figures were computed with the report's settings. */
function settingsMismatch(
  analysis: SkuAnalysis,
  options: ResolvedReportOptions,
): AnalysisMismatch | null {
  const { turnover, status, aging, expiry } = analysis;
  const settings: [readonly (string | number)[], unknown, unknown, string][] = [
    [["turnover", "periodDays"], turnover.periodDays, options.period.days, "period.days"],
    [["turnover", "basis"], turnover.basis, options.turnoverBasis, "turnoverBasis"],
    [["turnover", "averageMethod"], turnover.averageMethod, options.averageMethod, "averageMethod"],
    [["status", "asOf"], status.asOf, options.asOf, "asOf"],
    [["aging", "asOf"], aging.asOf, options.asOf, "asOf"],
    [["expiry", "asOf"], expiry.asOf, options.asOf, "asOf"],
  ];
  for (const [path, value, option, name] of settings) {
    if (value !== option) {
      return {
        path,
        message: `${describeValue(value)}, but the options' ${name} is ${describeValue(option)}`,
        withOptions: true,
      };
    }
  }
  return null;
}

/** The aging buckets are the options' `agingBuckets`: as many, with the same bounds and labels. */
function bucketsMismatch(
  analysis: SkuAnalysis,
  buckets: readonly AgingBucketDefinition[],
): AnalysisMismatch | null {
  const given = analysis.aging.buckets;
  const bounds = `the options' agingBuckets ${describeValue(buckets.slice(0, -1).map((b) => b.toDays))}`;
  if (given.length !== buckets.length) {
    return {
      path: ["aging", "buckets"],
      message: `${given.length} buckets, but ${bounds} make ${buckets.length}`,
      withOptions: true,
    };
  }
  for (let i = 0; i < buckets.length; i++) {
    const want = buckets[i] as AgingBucketDefinition;
    const got = given[i] as AgingBucketDefinition;
    for (const field of ["label", "fromDays", "toDays"] as const) {
      if (got[field] !== want[field]) {
        return {
          path: ["aging", "buckets", i, field],
          message: `${describeValue(got[field])}, but ${bounds} make ${describeValue(want[field])}`,
          withOptions: true,
        };
      }
    }
  }
  return null;
}

/** The issues without a price are a count, the history's and the turnover's the same. */
function countMismatch(analysis: SkuAnalysis): AnalysisMismatch | null {
  const count = analysis.history.issuesWithoutPrice;
  if (!Number.isSafeInteger(count) || count < 0) {
    return {
      path: ["history", "issuesWithoutPrice"],
      message: `must be a count of issue lines (a whole number ≥ 0), got ${describeValue(count)}`,
      withOptions: false,
    };
  }
  if (analysis.turnover.issuesWithoutPrice !== count) {
    return {
      path: ["turnover", "issuesWithoutPrice"],
      message: `${describeValue(analysis.turnover.issuesWithoutPrice)}, but analysis.history.issuesWithoutPrice is ${count}`,
      withOptions: false,
    };
  }
  return null;
}

/** A standard deviation is never negative. */
function deviationMismatch(analysis: SkuAnalysis): AnalysisMismatch | null {
  const deviations: [readonly (string | number)[], number | null][] = [
    [["dailyDemand", "stdDev"], analysis.dailyDemand.stdDev],
    [["xyzDemand", "stdDev"], analysis.xyzDemand.stdDev],
    [["replenishment", "demandStdDev"], analysis.replenishment.demandStdDev],
  ];
  for (const [path, value] of deviations) {
    if (value !== null && !(value >= 0)) {
      return {
        path,
        message: `a standard deviation must be ≥ 0, got ${describeValue(value)}`,
        withOptions: false,
      };
    }
  }
  return null;
}
