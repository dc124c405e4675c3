import { type AgingBucketDefinition, agingBuckets } from "../aging/index.js";
import { classifyMovementStatus } from "../aging/movementStatus.js";
import {
  type Day,
  firstDayOfMonth,
  formatDay,
  formatMonth,
  lastDayOfMonth,
  monthOfDay,
  parseIsoDay,
} from "../model/day.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import type { ReplenishmentFigures, ReplenishmentInfo } from "../replenish/index.js";
import type { ReplenishmentOptions } from "../replenish/replenishmentFigures.js";
import { replenishmentFromDemand } from "../replenish/replenishmentFigures.js";
import { replenishmentOptions, type SkuAnalysis } from "./analyzeSku.js";
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

/** One month of a report's period, as every SKU's history gives it when grouping by month. */
export interface PeriodMonth {
  /** `'YYYY-MM'`. */
  readonly month: string;
  /** The month's first and last day inside the period. */
  readonly from: string;
  readonly to: string;
  readonly days: number;
}

/**
 * What every SKU record of a report is checked against: the report's options and what follows
 * from them, made once ({@link analysisFrame}) rather than once per record.
 */
export interface AnalysisFrame {
  readonly options: ResolvedReportOptions;
  /** `agingBuckets(options.agingBuckets)`. */
  readonly buckets: readonly AgingBucketDefinition[];
  /**
   * The period's months, clipped to the period, in order: the months of every SKU's history when
   * the options group by month; `null` when they do not (a run then keeps no months).
   */
  readonly months: readonly PeriodMonth[] | null;
  /** `options.asOf` as a day number. */
  readonly asOf: Day;
  /** `replenishmentOptions(options)`: what every SKU's replenishment figures are recomputed with. */
  readonly replenishment: ReplenishmentOptions;
}

/**
 * The {@link AnalysisFrame} of a report's options.
 *
 * @param options - resolved, valid options (a partial header's, checked by resolving them again).
 */
export function analysisFrame(options: ResolvedReportOptions): AnalysisFrame {
  return {
    options,
    buckets: agingBuckets(options.agingBuckets),
    months: options.groupBy.includes("month") ? periodMonths(options.period) : null,
    asOf: parseIsoDay(options.asOf) as Day,
    replenishment: replenishmentOptions(options),
  };
}

/** The months of a period, each clipped to it. */
function periodMonths(period: ResolvedReportOptions["period"]): PeriodMonth[] {
  const from = parseIsoDay(period.from) as Day;
  const to = parseIsoDay(period.to) as Day;
  const months: PeriodMonth[] = [];
  for (let month = monthOfDay(from); month <= monthOfDay(to); month++) {
    const first = Math.max(firstDayOfMonth(month), from);
    const last = Math.min(lastDayOfMonth(month), to);
    months.push({
      month: formatMonth(month),
      from: formatDay(first),
      to: formatDay(last),
      days: last - first + 1,
    });
  }
  return months;
}

/**
 * The first place where a SKU analysis that came from outside (a partial record) could not have
 * been computed by a run with the frame's options, or `null`. Its shape (and each field's range:
 * days, counts, flows ≥ 0) is checked by the codec; this checks what one field cannot say, so that
 * the combined report is what the single run gives and every later step gets the input its
 * calculators were promised:
 * - every calculator's result is about the record's SKU and location (`turnover`, `status`,
 *   `excess`, `aging`, `expiry` and each expiry lot carry `sku` and `location`);
 * - the figures were computed over the options' period, basis and averaging method, on the
 *   options' `asOf`, with the options' aging buckets (their count, bounds and labels), excess
 *   cover days and, when grouping by month, the period's months (each clipped to the period);
 * - the count of issues without a price is a count, the same in the history and the turnover;
 * - demand deviations (`dailyDemand.stdDev`, `xyzDemand.stdDev`,
 *   `replenishment.demandStdDev`) are not negative;
 * - the last issue and receipt are not after the period, and in it exactly when the period has
 *   units issued (received); the days since the last issue are those from it to `asOf`; the status
 *   and excess are of the closing stock;
 * - what a figure reveals of the option it was computed with is that option: the movement status
 *   follows from `slowDays`, `deadDays` and `movementBasis`; an expiring lot expires within
 *   `nearExpiryDays` (an expired one before `asOf`, each `daysToExpiry` from `asOf`); the
 *   annualized turnover is the turnover over `daysPerYear`; the replenishment method, safety
 *   stock, reorder point, order-up-to level and days of supply are those of the options'
 *   `replenishment` settings with the SKU's master data (its own lead time, service level, ...),
 *   and an EOQ has an order cost and a holding rate.
 *
 * @param analysis - a decoded SKU analysis.
 * @param frame - `analysisFrame(options)` of the report's options (the partial header's), made
 *   once by the caller.
 * @example
 * ```ts
 * import { toPartialRecords } from "./toPartialRecords.js";
 * import { resolveReportOptions } from "./resolveReportOptions.js";
 * import { skuAnalysisCodec } from "./skuAnalysisCodec.js";
 * const given = { period: { from: "2025-01-01", to: "2025-01-31" } };
 * const frame = analysisFrame(resolveReportOptions(given, "example"));
 * const [, record] = toPartialRecords(
 *   [{ sku: "A", date: "2025-01-02", type: "receipt", quantity: 5, unitCost: 2 }],
 *   given,
 * );
 * const analysis = skuAnalysisCodec.decode(record?.kind === "sku" ? record.analysis : null);
 * analysisMismatch(analysis, frame); // null
 * const other = { ...analysis, status: { ...analysis.status, sku: "B" } };
 * analysisMismatch(other, frame);
 * // {
 * //   path: ["status", "sku"],
 * //   message: "the result of SKU \"B\" in the record of SKU \"A\"",
 * //   withOptions: false
 * // }
 * const slow = { ...analysis, status: { ...analysis.status, status: "slow" as const } };
 * analysisMismatch(slow, frame)?.message;
 * // "\"slow\", but the options' slowDays 90, deadDays 180 and movementBasis \"issue\" make it \"never-moved\""
 * ```
 */
export function analysisMismatch(
  analysis: SkuAnalysis,
  frame: AnalysisFrame,
): AnalysisMismatch | null {
  const { options } = frame;
  return (
    ownerMismatch(analysis) ??
    settingsMismatch(analysis, options) ??
    bucketsMismatch(analysis, frame.buckets) ??
    monthsMismatch(analysis, frame) ??
    countMismatch(analysis) ??
    deviationMismatch(analysis) ??
    datesMismatch(analysis, frame) ??
    statusMismatch(analysis, options) ??
    expiryMismatch(analysis, frame) ??
    annualizedMismatch(analysis, options) ??
    replenishmentMismatch(analysis, frame)
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
  const { turnover, status, excess, aging, expiry } = analysis;
  const settings: [readonly (string | number)[], unknown, unknown, string][] = [
    [["turnover", "periodDays"], turnover.periodDays, options.period.days, "period.days"],
    [["turnover", "basis"], turnover.basis, options.turnoverBasis, "turnoverBasis"],
    [["turnover", "averageMethod"], turnover.averageMethod, options.averageMethod, "averageMethod"],
    [["status", "asOf"], status.asOf, options.asOf, "asOf"],
    [["aging", "asOf"], aging.asOf, options.asOf, "asOf"],
    [["expiry", "asOf"], expiry.asOf, options.asOf, "asOf"],
    [["excess", "coverDays"], excess.coverDays, options.excessCoverDays, "excessCoverDays"],
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

/**
 * The history's months are the period's (each clipped to the period, in order) when the options
 * group by month, and there are none when they do not: a month of other days would be rolled up
 * over days that are not its own, a missing or repeated one would leave the SKU out of a month's
 * sums or count it twice.
 */
function monthsMismatch(analysis: SkuAnalysis, frame: AnalysisFrame): AnalysisMismatch | null {
  const given = analysis.history.months;
  const expected = frame.months;
  if (expected === null) {
    if (given.length === 0) return null;
    return {
      path: ["history", "months"],
      message: `${given.length} months, but the options' groupBy has no "month" (a run keeps no months then)`,
      withOptions: true,
    };
  }
  const { from, to } = frame.options.period;
  if (given.length !== expected.length) {
    return {
      path: ["history", "months"],
      message: `${given.length} months, but the options' period ${from} to ${to} has ${expected.length}`,
      withOptions: true,
    };
  }
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] as PeriodMonth;
    const got = given[i] as PeriodMonth;
    for (const field of ["month", "from", "to", "days"] as const) {
      if (got[field] !== want[field]) {
        return {
          path: ["history", "months", i, field],
          message: `${describeValue(got[field])}, but month ${i + 1} of the options' period ${from} to ${to} is ${want.month}, ${want.from} to ${want.to} (${want.days} days)`,
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
  // The months cover the period, so their counts add up to the period's.
  const { months } = analysis.history;
  const inMonths = months.reduce((sum, month) => sum + month.issuesWithoutPrice, 0);
  if (months.length > 0 && inMonths !== count) {
    return {
      path: ["history", "months"],
      message: `the months count ${inMonths} issue lines without a price in all, but analysis.history.issuesWithoutPrice is ${count}`,
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

/**
 * The last issue and receipt are in the ledger up to the period end (a run leaves later movements
 * out), in the period exactly when the turnover has units issued (received) in it, and the days
 * since the last issue are those from it to `asOf`.
 */
function datesMismatch(analysis: SkuAnalysis, frame: AnalysisFrame): AnalysisMismatch | null {
  const { history, status, turnover } = analysis;
  const { from, to } = frame.options.period;
  const dates = [
    ["lastIssueDate", history.lastIssueDate, "issuedQuantity", turnover.issuedQuantity],
    ["lastReceiptDate", history.lastReceiptDate, "receivedQuantity", turnover.receivedQuantity],
  ] as const;
  for (const [field, date, flow, units] of dates) {
    // Calendar days (the codec checked them): as texts, they sort as days.
    if (date !== null && date > to) {
      return {
        path: ["history", field],
        message: `${date} is after the options' period end ${to}, and a run leaves later movements out`,
        withOptions: true,
      };
    }
    // The units of the period's issues (receipts) are > 0 exactly when the last one is in it.
    const inPeriod = date !== null && date >= from;
    if (inPeriod !== units > 0) {
      return {
        path: ["history", field],
        message: inPeriod
          ? `${date} is in the period, but analysis.turnover.${flow} is ${units}`
          : `${describeValue(date)}, but analysis.turnover.${flow} is ${units}, in the period from ${from}`,
        withOptions: false,
      };
    }
  }
  const last = history.lastIssueDate;
  const days = last === null ? null : frame.asOf - (parseIsoDay(last) as Day);
  if (status.daysSinceLastIssue !== days) {
    return {
      path: ["status", "daysSinceLastIssue"],
      message:
        last === null
          ? `${status.daysSinceLastIssue}, but analysis.history.lastIssueDate is null (never issued)`
          : `${describeValue(status.daysSinceLastIssue)}, but analysis.history.lastIssueDate ${last} is ${days} days before asOf ${frame.options.asOf}`,
      withOptions: false,
    };
  }
  return null;
}

/**
 * The status and the excess are of the closing stock, and the status is the one that the options'
 * thresholds and basis give (`movementStatus`).
 */
function statusMismatch(
  analysis: SkuAnalysis,
  options: ResolvedReportOptions,
): AnalysisMismatch | null {
  const { status, excess, turnover } = analysis;
  const closing = turnover.closingQuantity;
  for (const [name, quantity] of [
    ["status", status.quantity],
    ["excess", excess.quantity],
  ] as const) {
    if (quantity !== closing) {
      return {
        path: [name, "quantity"],
        message: `${quantity}, but analysis.turnover.closingQuantity is ${closing}`,
        withOptions: false,
      };
    }
  }
  const { slowDays, deadDays, movementBasis } = options;
  const idle = movementBasis === "issue" ? status.daysSinceLastIssue : status.daysSinceLastMovement;
  const expected = classifyMovementStatus(
    status.quantity,
    status.daysSinceLastIssue,
    idle,
    { slowDays, deadDays, basis: movementBasis },
    turnover.transferredOutQuantity > 0,
  );
  if (status.status === expected) return null;
  return {
    path: ["status", "status"],
    message: `${describeValue(status.status)}, but the options' slowDays ${slowDays}, deadDays ${deadDays} and movementBasis ${describeValue(movementBasis)} make it ${describeValue(expected)}`,
    withOptions: true,
  };
}

/**
 * Each expiry lot's days to expiry are those from `asOf` to its expiry day; an expired lot expired
 * before `asOf`, an expiring one expires from `asOf` to `asOf` + the options' `nearExpiryDays`.
 */
function expiryMismatch(analysis: SkuAnalysis, frame: AnalysisFrame): AnalysisMismatch | null {
  const { asOf, nearExpiryDays } = frame.options;
  for (const list of ["expired", "expiring"] as const) {
    const lots = analysis.expiry[list];
    for (let i = 0; i < lots.length; i++) {
      const lot = lots[i] as (typeof lots)[number];
      const days = (parseIsoDay(lot.expiresOn) as Day) - frame.asOf;
      if (lot.daysToExpiry !== days) {
        return {
          path: ["expiry", list, i, "daysToExpiry"],
          message: `${lot.daysToExpiry}, but expiresOn ${lot.expiresOn} is ${days} days from asOf ${asOf}`,
          withOptions: false,
        };
      }
      if (list === "expired" ? days >= 0 : days < 0) {
        return {
          path: ["expiry", list, i, "expiresOn"],
          message: `${lot.expiresOn} is ${list === "expired" ? "not before" : "before"} asOf ${asOf}: the lot is ${list === "expired" ? "not expired" : "expired"}`,
          withOptions: false,
        };
      }
      if (list === "expiring" && days > nearExpiryDays) {
        return {
          path: ["expiry", list, i, "expiresOn"],
          message: `${lot.expiresOn} is ${days} days after asOf ${asOf}, beyond the options' nearExpiryDays ${nearExpiryDays}`,
          withOptions: true,
        };
      }
    }
  }
  return null;
}

/**
 * The annualized turnover is the turnover × daysPerYear / the period's days (`annualizeTurnover`),
 * `null` when the turnover is. The run computes it from the turnover's exact parts, with one
 * rounding; this compares to the product of the rounded turnover, within a relative 1e-9
 * (`sameFigure`: far above the few roundings between the two, far below another `daysPerYear`:
 * 365 and 366 differ by 3e-3).
 */
function annualizedMismatch(
  analysis: SkuAnalysis,
  options: ResolvedReportOptions,
): AnalysisMismatch | null {
  const annual = analysis.annualizedTurnover;
  const { turnover } = analysis.turnover;
  if (turnover === null || annual === null) {
    if (turnover === annual) return null;
    return {
      path: ["annualizedTurnover"],
      message: `${annual}, but analysis.turnover.turnover is ${turnover}`,
      withOptions: false,
    };
  }
  const { daysPerYear } = options;
  const expected = turnover * (daysPerYear / options.period.days);
  if (
    !Number.isFinite(expected) ||
    sameFigure(annual, expected) ||
    Math.abs(annual - expected) < 1e-300
  ) {
    return null;
  }
  return {
    path: ["annualizedTurnover"],
    message: `${annual}, but analysis.turnover.turnover ${turnover} over ${options.period.days} days with the options' daysPerYear ${daysPerYear} is ${expected}`,
    withOptions: true,
  };
}

/** The figures of `replenishmentFigures` that `replenishmentFromDemand` computes again. */
const RECOMPUTED = ["safetyStock", "reorderPoint", "orderUpToLevel", "daysOfSupply"] as const;

/**
 * The replenishment figures that reveal the options they were computed with are those of the
 * options' `replenishment` settings (with the SKU's own master data first): the method (`'auto'`
 * resolved by the lead-time deviation), the safety stock, reorder point, order-up-to level and
 * days of supply, computed again by `replenishmentFromDemand` (the calculators of
 * `replenishmentFigures` itself) from the record's demand mean, deviation, EOQ and closing stock;
 * and an EOQ has an order cost and a holding rate > 0 (its value, a 40-digit square root of the
 * history's unit cost, is not computed again).
 */
function replenishmentMismatch(
  analysis: SkuAnalysis,
  frame: AnalysisFrame,
): AnalysisMismatch | null {
  const { options } = frame;
  const figures = analysis.replenishment;
  const info: ReplenishmentInfo = analysis.info ?? {};
  const r = options.replenishment;
  let expected: ReturnType<typeof replenishmentFromDemand>;
  try {
    expected = replenishmentFromDemand(
      info,
      frame.replenishment,
      figures,
      analysis.turnover.closingQuantity,
    );
  } catch (error) {
    if (!(error instanceof InvKpiError)) throw error;
    return {
      path: ["replenishment"],
      message: `no run computes these figures with ${describeSettings(analysis, options)}: ${error.message}`,
      withOptions: true,
    };
  }
  if (figures.method !== expected.method) {
    const deviation = info.leadTimeStdDevDays ?? r.leadTimeStdDevDays ?? 0;
    return {
      path: ["replenishment", "method"],
      message: `${describeValue(figures.method)}, but the options' replenishment.method ${describeValue(r.method)} with a lead-time deviation of ${deviation} days gives ${describeValue(expected.method)}`,
      withOptions: true,
    };
  }
  for (const field of RECOMPUTED) {
    if (sameFigure(figures[field], expected[field])) continue;
    return {
      path: ["replenishment", field],
      message: `${figures[field]}, but ${describeSettings(analysis, options)} give ${expected[field]}`,
      withOptions: true,
    };
  }
  return eoqMismatch(figures, info, r);
}

/** An EOQ needs a positive demand, an order cost and a holding rate > 0 (`replenishmentFigures`). */
function eoqMismatch(
  figures: ReplenishmentFigures,
  info: ReplenishmentInfo,
  r: ResolvedReportOptions["replenishment"],
): AnalysisMismatch | null {
  if (figures.eoq === null) return null;
  const orderCost = info.orderCost ?? r.orderCost;
  const holdingRate = info.holdingRate ?? r.holdingRate;
  const positive = figures.demandMean !== null && figures.demandMean > 0;
  if (orderCost != null && holdingRate != null && holdingRate > 0 && positive) return null;
  return {
    path: ["replenishment", "eoq"],
    message: `${figures.eoq}, but an EOQ needs a positive demand, an orderCost and a holdingRate > 0, and the SKU's master data and the options' replenishment give ${!positive ? "no positive demand" : orderCost == null ? "no orderCost" : `holdingRate ${describeValue(holdingRate ?? null)}`}`,
    withOptions: true,
  };
}

/**
 * Whether a figure read back is the one computed again: equal, or within a relative 1e-9. The
 * shards of a cluster job may run other Node versions than the combine step, whose `Math.log` and
 * `Math.exp` (under the normal quantile and loss) need not agree in the last bit; a figure that
 * was tampered with or belongs to other settings differs by far more.
 */
function sameFigure(given: number | null, expected: number | null): boolean {
  if (given === null || expected === null) return given === expected;
  return (
    given === expected ||
    Math.abs(given - expected) <= 1e-9 * Math.max(Math.abs(given), Math.abs(expected))
  );
}

/** The replenishment settings of a SKU's record, in days as given, for messages. */
function describeSettings(analysis: SkuAnalysis, options: ResolvedReportOptions): string {
  const info: ReplenishmentInfo = analysis.info ?? {};
  const r = options.replenishment;
  const days = (value: number | null | undefined) => value ?? "none";
  return `the options' replenishment settings with the SKU's master data (method ${describeValue(analysis.replenishment.method)}, bucket ${describeValue(r.bucket)}, serviceLevel ${info.serviceLevel ?? r.serviceLevel}, leadTimeDays ${days(info.leadTimeDays ?? r.leadTimeDays)}, leadTimeStdDevDays ${info.leadTimeStdDevDays ?? r.leadTimeStdDevDays ?? 0}, reviewPeriodDays ${days(info.reviewPeriodDays ?? r.reviewPeriodDays)})`;
}
