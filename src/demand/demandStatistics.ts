import { requireFinite, requireVariant } from "../model/assert.js";
import { type Day, invalidDay, monthOfDay, tryToDay, weekOfDay } from "../model/day.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import type { DemandSums, SkuHistory } from "../model/SkuHistory.js";
import {
  type Moments,
  momentsFromSums,
  momentsOfValues,
  STD_DEV_VARIANTS,
  type StdDevVariant,
} from "./moments.js";

export type { StdDevVariant } from "./moments.js";

/** The time bucket of demand: a calendar day, an ISO week (Monday to Sunday) or a calendar month. */
export type DemandBucket = "day" | "week" | "month";

/**
 * Where the counting of buckets starts: `'first-receipt'` at the SKU's first stock or first demand,
 * whichever is earlier (so a new SKU's days before it existed are not zero-demand days), or
 * `'period'` at the period start.
 */
export type DemandStart = "first-receipt" | "period";

/**
 * What to do with a week or month that the counting window cuts (a window that starts on a
 * Wednesday, a SKU first received on the 20th, a period ending mid-month): `'exclude'` leaves the cut
 * buckets and their demand out, so that every bucket counted is a whole week or month; `'include'`
 * counts them as whole buckets, which lowers their demand against the others and inflates the
 * deviation.
 */
export type PartialBuckets = "exclude" | "include";

/** Options of {@link demandStatistics} for a plain series. */
export interface DemandSeriesOptions {
  /** `'sample'` (n − 1, default) or `'population'` (n). */
  readonly stdDev?: StdDevVariant;
}

/** Options of {@link demandStatistics} for a `SkuHistory`. */
export interface DemandHistoryOptions extends DemandSeriesOptions {
  /** Bucket size: `'day'` (default), `'week'` or `'month'`. */
  readonly bucket?: DemandBucket;
  /** Start of the counting window: `'first-receipt'` (default) or `'period'`. */
  readonly start?: DemandStart;
  /** Weeks and months the window cuts: `'exclude'` (default) or `'include'`. Days are never cut. */
  readonly partialBuckets?: PartialBuckets;
}

/** Demand per bucket: mean, standard deviation, coefficient of variation, largest bucket, count. */
export interface DemandStatistics {
  /** Mean demand per bucket, zero buckets included, in units per bucket. */
  readonly mean: number;
  /** Standard deviation per bucket, in units; `null` for a sample deviation of one bucket. */
  readonly stdDev: number | null;
  /** stdDev / mean; `null` when the mean is ≤ 0 or stdDev is null. */
  readonly cv: number | null;
  /** The largest demand of one bucket, in units (0 when there was none). */
  readonly max: number;
  /** n: the number of buckets counted, zero-demand buckets included. */
  readonly periods: number;
}

/** Every demand bucket size. */
export const DEMAND_BUCKETS: readonly DemandBucket[] = ["day", "week", "month"];
const STARTS: readonly DemandStart[] = ["first-receipt", "period"];
/** Every way of counting cut buckets. */
export const PARTIAL_BUCKETS: readonly PartialBuckets[] = ["exclude", "include"];
const FN = "demandStatistics";
/** The option names of {@link demandStatistics} (a series takes `stdDev` only). */
const OPTIONS = optionNames<DemandHistoryOptions>()([
  "stdDev",
  "bucket",
  "start",
  "partialBuckets",
]);

/**
 * Mean, standard deviation, coefficient of variation and maximum of demand per bucket, counting the
 * buckets with no demand (trap 1: grouping ledger rows by date silently drops them).
 *
 * From a series: each entry is the demand of one bucket, zeros included; n = series length.
 *
 * From a `SkuHistory`: uses the replay's sums Σx, Σx² and max of net demand (issues − returns) per
 * bucket, and n = the number of buckets in the counting window, so the buckets without movement
 * count as zeros without a dense calendar. The window ends at the period end; it starts at the
 * period start with `start: 'period'`, and with `start: 'first-receipt'` (default) at the later of
 * the period start and the SKU's first activity (the earlier of `firstReceiptDate`, the first day
 * stock entered by any inflow, and `firstDemandDate`, so no demand ever falls before the window).
 * Weeks are ISO weeks (Monday to Sunday); months are calendar months. A SKU with neither stock nor
 * demand has an empty window under `'first-receipt'`: n = 0, mean 0, stdDev 0, cv null.
 *
 * Cut buckets: the window may start or end inside a week or month (the period 2025-01-01 to
 * 2025-12-31 starts on a Wednesday and ends on one; a SKU first received on 20 March starts its
 * window mid-month). Such a bucket holds only part of a bucket's demand. With `partialBuckets:
 * 'exclude'` (default) the first and last bucket are left out when the window cuts them: n counts
 * whole buckets only, and Σx and Σx² are put together from the sums' parts without them: the
 * buckets between the first and the last with demand (`middleSum`, `middleSumOfSquares`), plus
 * `firstBucketDemand` and `lastBucketDemand` (the buckets of `firstDemandDate` and
 * `lastDemandDate`) unless cut. Additions only: subtracting a large cut bucket from the whole Σx²
 * would round the small buckets' squares away. With `'include'` they count as
 * whole buckets (a 3-day last week weighs as much as a full one, which inflates the deviation).
 * Days are never cut. A window with no whole bucket gives n = 0, mean 0, cv null, and stdDev 0 when
 * the cut buckets held no demand, `null` (undefined: too short to measure) when they did. `max` is
 * the largest demand of any bucket, cut ones included (a cut bucket's demand is part of a bucket's).
 *
 * Formulas: mean = Σx / n; sample variance (default) = (Σx² − n·mean²) / (n − 1), population
 * variance = (Σx² − n·mean²) / n (a rounding residue clamped at 0); stdDev = √variance;
 * cv = stdDev / mean. A series uses the two-pass form Σ(x − mean)², which is equal in exact
 * arithmetic and more precise in floating point.
 *
 * A history's sums are checked before use, never coerced: `sum`, `sumOfSquares` and `max` must be
 * finite numbers and `nonZeroBuckets` a whole number ≥ 0 no larger than n, and Σx² must be at
 * least (Σx)²/n (true of every real series); below it by no more than floating-point rounding
 * (1e-9 relative) the negative numerator is clamped to 0, below it by more the sums are rejected.
 *
 * @param input - demand per bucket as numbers (finite; negative net demand allowed), or a
 *   `SkuHistory` from the ledger replay.
 * @param options - `stdDev` (default `'sample'`); for a history also `bucket` (default `'day'`),
 *   `start` (default `'first-receipt'`) and `partialBuckets` (default `'exclude'`).
 * @returns mean and max in units per bucket, stdDev in units, cv a ratio, periods a count.
 * @throws InvKpiError `invalid_argument` for an input that is neither an array nor a history, a
 *   series entry that is not a finite number, or a history whose `demand[bucket]` is missing, has a
 *   field that is not a finite number (`nonZeroBuckets`: a whole number ≥ 0), more non-zero buckets
 *   than its window holds, or a Σx² inconsistent with Σx (path `['history', 'demand', bucket,
 *   field]`), or, when the window cuts a bucket with demand, a `firstBucketDemand` or
 *   `lastBucketDemand` that is not a finite number or a missing `lastDemandDate`;
 *   `invalid_option` for an unknown variant or option name, or `bucket` / `start` /
 *   `partialBuckets` given with a series; `invalid_argument` for options that are not an object;
 *   `invalid_date` for a history date that is not a real day; `invalid_period` when
 *   `history.period.to` is before `history.period.from`.
 * @example
 * ```ts
 * import { demandStatistics } from "invkpi";
 * demandStatistics([0, 4, 0, 0, 6]); // { mean: 2, stdDev: 2.8284271247461903, cv: 1.4142135623730951, max: 6, periods: 5 }
 * demandStatistics([0, 4, 0, 0, 6], { stdDev: "population" }).stdDev; // 2.5298221281347035
 * ```
 */
export function demandStatistics(
  input: readonly number[],
  options?: DemandSeriesOptions,
): DemandStatistics;
export function demandStatistics(
  input: SkuHistory,
  options?: DemandHistoryOptions,
): DemandStatistics;
export function demandStatistics(
  input: readonly number[] | SkuHistory,
  options: DemandHistoryOptions = {},
): DemandStatistics {
  requireOptionNames(options, OPTIONS, FN);
  return demandStatisticsWithoutNameCheck(input, options);
}

/**
 * {@link demandStatistics} without the check of its option names: for the report (twice per SKU)
 * and `replenishmentFigures`, which pass options of their own making.
 * @internal
 */
export function demandStatisticsWithoutNameCheck(
  input: readonly number[] | SkuHistory,
  options: DemandHistoryOptions,
): DemandStatistics {
  const variant = requireVariant(options.stdDev ?? "sample", STD_DEV_VARIANTS, FN, "stdDev");
  if (Array.isArray(input)) return seriesStatistics(input as readonly number[], options, variant);
  if (isHistory(input)) return historyStatistics(input, options, variant);
  throw new InvKpiError("invalid_argument", `${FN}: expected an array of numbers or a SkuHistory`, {
    path: ["input"],
  });
}

function seriesStatistics(
  series: readonly number[],
  options: DemandHistoryOptions,
  variant: StdDevVariant,
): DemandStatistics {
  for (const name of ["bucket", "start", "partialBuckets"] as const) {
    if (options[name] !== undefined) {
      throw new InvKpiError(
        "invalid_option",
        `${FN}: ${name} applies to a SkuHistory, not to a series`,
        { path: [name] },
      );
    }
  }
  // A loop, not Math.max(...series), which overflows the call stack on long series.
  let max = series.length === 0 ? 0 : Number.NEGATIVE_INFINITY;
  series.forEach((x, i) => {
    max = Math.max(max, requireFinite(x, FN, `series[${i}]`));
  });
  return summarize(momentsOfValues(series, variant), max, series.length);
}

function historyStatistics(
  history: SkuHistory,
  options: DemandHistoryOptions,
  variant: StdDevVariant,
): DemandStatistics {
  const bucket = requireVariant(options.bucket ?? "day", DEMAND_BUCKETS, FN, "bucket");
  const start = requireVariant(options.start ?? "first-receipt", STARTS, FN, "start");
  const partial = requireVariant(
    options.partialBuckets ?? "exclude",
    PARTIAL_BUCKETS,
    FN,
    "partialBuckets",
  );
  const sums = requireSums(history, bucket);
  const window = countingWindow(history, start);
  const periods = window === null ? 0 : bucketsOverlapping(window.from, window.to, bucket);
  requireNonZeroWithin(sums.nonZeroBuckets, periods, bucket);
  const source = { fn: FN, path: ["history", "demand", bucket] };
  // Checks the sums as they are, cut buckets included, before the whole buckets are put together from them.
  const moments = momentsFromSums(periods, sums.sum, sums.sumOfSquares, variant, source);
  if (window === null || bucket === "day" || partial === "include") {
    return summarize(moments, sums.max, periods);
  }
  const whole = wholeBucketSums(history, sums, window, bucket, periods);
  if (whole === null) return summarize(moments, sums.max, periods);
  requireNonZeroWithin(whole.nonZeroBuckets, whole.periods, bucket);
  if (whole.periods === 0) {
    const cutDemand = sums.nonZeroBuckets > 0;
    return { mean: 0, stdDev: cutDemand ? null : 0, cv: null, max: sums.max, periods: 0 };
  }
  const wholeMoments = momentsFromSums(
    whole.periods,
    whole.sum,
    whole.sumOfSquares,
    variant,
    source,
  );
  return summarize(wholeMoments, sums.max, whole.periods);
}

/** @throws InvKpiError `invalid_argument` when more buckets have demand than the window holds. */
function requireNonZeroWithin(nonZero: number, periods: number, bucket: DemandBucket): void {
  if (nonZero > periods) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: history has ${nonZero} ${bucket}s with demand but its window holds only ${periods}`,
      { path: ["history", "demand", bucket, "nonZeroBuckets"] },
    );
  }
}

/** The sums over the window's whole buckets. */
interface WholeBucketSums {
  readonly periods: number;
  readonly sum: number;
  readonly sumOfSquares: number;
  readonly nonZeroBuckets: number;
}

/**
 * The sums without the first and last bucket of the window when the window cuts them, or `null`
 * when it cuts neither. Demand can only sit in a cut bucket as the first or the last bucket with
 * demand (none falls before the window's first day or after the period end), so the sums are
 * assembled by addition from the replay's parts: the first bucket with demand, the last, and the
 * middle ones between them. Subtracting a cut bucket from the whole Σx² instead would lose the
 * small buckets' squares to the rounding of a large one (a launch week of 3,000,000.7 units).
 */
function wholeBucketSums(
  history: SkuHistory,
  sums: DemandSums,
  window: { readonly from: Day; readonly to: Day },
  bucket: "week" | "month",
  periods: number,
): WholeBucketSums | null {
  const bucketOf = bucket === "week" ? weekOfDay : monthOfDay;
  const first = bucketOf(window.from);
  const last = bucketOf(window.to);
  const firstCut = bucketOf(window.from - 1) === first;
  const lastCut = bucketOf(window.to + 1) === last;
  if (!firstCut && !lastCut) return null;
  const wholePeriods = periods - (firstCut && lastCut && first !== last ? 2 : 1);
  if (sums.nonZeroBuckets === 0 && sums.sum === 0) {
    return { periods: wholePeriods, sum: 0, sumOfSquares: 0, nonZeroBuckets: 0 };
  }
  const demandBucket = (name: "firstDemandDate" | "lastDemandDate") =>
    bucketOf(demandDay(history, name));
  const dropFirst = firstCut && demandBucket("firstDemandDate") === first;
  const dropLast = lastCut && demandBucket("lastDemandDate") === last;
  if (!dropFirst && !dropLast) {
    const { sum, sumOfSquares, nonZeroBuckets } = sums;
    return { periods: wholePeriods, sum, sumOfSquares, nonZeroBuckets };
  }
  const amount = (name: keyof DemandSums) => sumsField(sums, bucket, name);
  let sum = amount("middleSum");
  let sumOfSquares = amount("middleSumOfSquares");
  let nonZeroBuckets = sums.nonZeroBuckets;
  const keep = (x: number, kept: boolean) => {
    if (kept) {
      sum += x;
      sumOfSquares += x * x;
    } else if (x !== 0) nonZeroBuckets--;
  };
  // One bucket with demand is both the first and the last: kept or dropped once.
  if (demandBucket("firstDemandDate") === demandBucket("lastDemandDate")) {
    keep(amount("firstBucketDemand"), !dropFirst && !dropLast);
  } else {
    keep(amount("firstBucketDemand"), !dropFirst);
    keep(amount("lastBucketDemand"), !dropLast);
  }
  return { periods: wholePeriods, sum, sumOfSquares, nonZeroBuckets };
}

/**
 * A day of a history with demand (`firstDemandDate`, `lastDemandDate`), which must be a date.
 * @throws InvKpiError `invalid_argument` (path `['history', name]`).
 */
function demandDay(history: SkuHistory, name: "firstDemandDate" | "lastDemandDate"): Day {
  const day = optionalDay(history[name], name);
  if (day === null) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: history.${name} must be a date when the history has demand, got ${describeValue(history[name])}`,
      { path: ["history", name] },
    );
  }
  return day;
}

/**
 * One field of a history's demand sums, checked: a finite number (`nonZeroBuckets`: a whole
 * number ≥ 0). A `NaN` Σx would become a `NaN` mean, a string would be coerced.
 * @throws InvKpiError `invalid_argument` (path `['history', 'demand', bucket, name]`).
 */
function sumsField(sums: DemandSums, bucket: DemandBucket, name: keyof DemandSums): number {
  const value: unknown = sums[name];
  const whole = name === "nonZeroBuckets";
  const valid =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!whole || (Number.isInteger(value) && value >= 0));
  if (!valid) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: history.demand.${bucket}.${name} must be ${whole ? "a whole number ≥ 0" : "a finite number"}, got ${describeValue(value)}`,
      { path: ["history", "demand", bucket, name], details: { value } },
    );
  }
  return value;
}

/**
 * The history's demand sums of one bucket size, checked: finite numbers (a `NaN` Σx would become a
 * `NaN` mean, a string would be coerced), and a whole number of non-zero buckets ≥ 0. The demand
 * of the first and last bucket is checked only where a cut bucket needs it.
 * @throws InvKpiError `invalid_argument` with the path of the missing or bad field.
 */
function requireSums(history: SkuHistory, bucket: DemandBucket): DemandSums {
  const demand: unknown = history.demand;
  if (demand === null || typeof demand !== "object") {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: history.demand must be an object { day, week, month }, got ${describeValue(demand)}`,
      { path: ["history", "demand"], details: { value: demand } },
    );
  }
  const path = ["history", "demand", bucket];
  const sums: unknown = (demand as Record<string, unknown>)[bucket];
  if (sums === null || typeof sums !== "object") {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: history.demand.${bucket} must be an object { sum, sumOfSquares, max, nonZeroBuckets }, got ${describeValue(sums)}`,
      { path, details: { value: sums } },
    );
  }
  const field = (name: keyof DemandSums) => sumsField(sums as DemandSums, bucket, name);
  return {
    sum: field("sum"),
    sumOfSquares: field("sumOfSquares"),
    max: field("max"),
    nonZeroBuckets: field("nonZeroBuckets"),
    // Checked where they are used, only when the window cuts a bucket with demand (wholeBucketSums).
    firstBucketDemand: (sums as DemandSums).firstBucketDemand,
    lastBucketDemand: (sums as DemandSums).lastBucketDemand,
    middleSum: (sums as DemandSums).middleSum,
    middleSumOfSquares: (sums as DemandSums).middleSumOfSquares,
  };
}

/**
 * The days over which buckets are counted, or `null` when the window is empty (under
 * `'first-receipt'`, a SKU that had neither stock nor demand up to the period end).
 */
function countingWindow(history: SkuHistory, start: DemandStart): { from: Day; to: Day } | null {
  const period: unknown = history.period;
  if (period === null || typeof period !== "object") {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: history.period must be an object { from, to }, got ${describeValue(period)}`,
      { path: ["history", "period"], details: { value: period } },
    );
  }
  const { from: fromText, to: toText } = period as SkuHistory["period"];
  const periodFrom = tryToDay(fromText) ?? invalidDay(fromText, `${FN}: history.period.from`);
  const periodTo = tryToDay(toText) ?? invalidDay(toText, `${FN}: history.period.to`);
  if (periodTo < periodFrom) {
    throw new InvKpiError(
      "invalid_period",
      `${FN}: history.period.to (${toText}) is before history.period.from (${fromText})`,
      { path: ["history", "period", "to"], details: { from: fromText, to: toText } },
    );
  }
  if (start === "period") return { from: periodFrom, to: periodTo };
  const firstActivity = earliestDay([
    optionalDay(history.firstReceiptDate, "firstReceiptDate"),
    optionalDay(history.firstDemandDate, "firstDemandDate"),
  ]);
  if (firstActivity === null) return null;
  const from = Math.max(periodFrom, firstActivity);
  return from > periodTo ? null : { from, to: periodTo };
}

function optionalDay(date: string | null | undefined, field: string): Day | null {
  return date == null ? null : (tryToDay(date) ?? invalidDay(date, `${FN}: history.${field}`));
}

function earliestDay(days: readonly (Day | null)[]): Day | null {
  let earliest: Day | null = null;
  for (const day of days) if (day !== null && (earliest === null || day < earliest)) earliest = day;
  return earliest;
}

/** Number of days, ISO weeks or calendar months that overlap [from, to] (both days included). */
function bucketsOverlapping(from: Day, to: Day, bucket: DemandBucket): number {
  if (bucket === "day") return to - from + 1;
  if (bucket === "week") return weekOfDay(to) - weekOfDay(from) + 1;
  return monthOfDay(to) - monthOfDay(from) + 1;
}

function summarize(moments: Moments, max: number, periods: number): DemandStatistics {
  const { mean, stdDev } = moments;
  const cv = stdDev !== null && mean > 0 ? stdDev / mean : null;
  return { mean, stdDev, cv, max, periods };
}

function isHistory(value: unknown): value is SkuHistory {
  return (
    typeof value === "object" &&
    value !== null &&
    "demand" in value &&
    "period" in value &&
    typeof (value as { demand: unknown }).demand === "object"
  );
}
