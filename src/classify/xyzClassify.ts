import { requireFinite, requireNonNegative } from "../model/assert.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { resolveCutoffs } from "./resolveCutoffs.js";
import { resolveLabels } from "./resolveLabels.js";

/**
 * The demand statistics of one item: mean and standard deviation of its net demand per bucket
 * (day, week or month), counting the buckets without demand.
 */
export interface XyzItem {
  readonly id: string;
  /** Mean net demand per bucket, in units. */
  readonly mean: number;
  /** Standard deviation of the net demand per bucket, in units (≥ 0). */
  readonly stdDev: number;
}

/** Options of {@link xyzClassify}. */
export interface XyzOptions {
  /**
   * Upper bounds of the coefficient of variation per class, inclusive, strictly increasing, ≥ 0;
   * k cutoffs make k + 1 classes. Default `[0.5, 1.0]`: X for CV ≤ 0.5, Y for CV ≤ 1, Z above.
   */
  readonly cutoffs?: readonly number[];
  /** One label per class, most predictable first. Default `'X'`, `'Y'`, `'Z'`. */
  readonly labels?: readonly string[];
}

/** Why an item has no coefficient of variation (and is in class {@link XYZ_NONE}). */
export type XyzNoneReason =
  /** Mean and standard deviation are both 0: no net demand in any bucket. */
  | "no_demand"
  /** Mean 0 but some spread: issues and returns cancel out over the period. */
  | "zero_mean_demand"
  /** Mean below 0: more returned than issued (net returns). */
  | "negative_mean_demand"
  /** The ratio is too large for a double (a mean near 1e-308): the last class, without a CV. */
  | "cv_overflow";

/** One classified item, in input order. */
export interface XyzRow {
  readonly id: string;
  /** Coefficient of variation stdDev / mean, or `null` when the mean is not positive. */
  readonly cv: number | null;
  /** The class label, or {@link XYZ_NONE} without demand. */
  readonly class: string;
  /** Why `cv` is `null`; absent when it is a number. */
  readonly reason?: XyzNoneReason;
}

/** The class of items without (positive) demand: never X. */
export const XYZ_NONE = "none";

const FN = "xyzClassify";
/** The option names of {@link xyzClassify}. */
const OPTIONS = optionNames<XyzOptions>()(["cutoffs", "labels"]);
const DEFAULT_CUTOFFS = [0.5, 1.0] as const;
const DEFAULT_LABELS = ["X", "Y", "Z"] as const;

/**
 * XYZ classification: how predictable each item's demand is, by the coefficient of variation
 * of its demand per bucket (see docs/formulas.md, "XYZ").
 *
 *     CV = σ / μ        μ, σ: mean and standard deviation of the net demand per bucket
 *     class = the first class j with CV ≤ c_j (bounds inclusive), the last class when CV > every c_j
 *
 * A CV no more than one part in 10^12 above a cutoff counts as on it: statistics from
 * floating-point sums put a CV that is exactly 0.5 in decimal arithmetic at 0.5000000000000004
 * as often as at 0.5, and the class must not depend on which (scaling demand changes no class).
 *
 * With the default cutoffs: X when CV ≤ 0.5, Y when 0.5 < CV ≤ 1, Z when CV > 1.
 * Items without positive mean demand are not predictable-and-steady, so they are never X: they get
 * the class `'none'` with `cv: null` and a reason: `'no_demand'` (μ = 0 and σ = 0),
 * `'zero_mean_demand'` (μ = 0, σ > 0) or `'negative_mean_demand'` (μ < 0: net returns).
 *
 * The statistics must count the buckets without demand (trap 1): a SKU that sold 5 units on each of
 * 2 days of a 30-day month has, per day, μ = 1/3 and CV ≈ 3.7 (Z); over its 2 selling days alone
 * it would look perfectly steady (μ = 5, CV = 0, X).
 * Whether σ is the population (n) or sample (n − 1) deviation is the caller's choice; CV follows
 * it. CV has no unit, so scaling all demand by a factor changes nothing.
 * From `demandStatistics`: an item whose `stdDev` is `null` (a window of a single bucket has no
 * sample deviation) cannot be classified, and `stdDev ?? 0` would make it X: leave it out, as
 * `analyzeLedger` does (no class, reason `too_few_periods`).
 *
 * @param items - `{ id, mean, stdDev }` per item (numbers; stdDev ≥ 0).
 * @param options - cutoffs (default `[0.5, 1.0]`), labels (default `['X', 'Y', 'Z']`).
 * @returns one row per item, in input order.
 * @throws InvKpiError `invalid_argument` (items not an array, an id that is not a string, a mean,
 *   stdDev or cutoff that is not a finite number), `out_of_range` (a negative stdDev or cutoff),
 *   `invalid_option` (cutoffs not strictly increasing; labels of the wrong count, repeated, or
 *   `'none'`; an unknown option name); `invalid_argument` for options that are not an object.
 * @example
 * ```ts
 * import { xyzClassify } from "invkpi";
 * xyzClassify([
 *   { id: "steady", mean: 10, stdDev: 2 },
 *   { id: "lumpy", mean: 4, stdDev: 6 },
 *   { id: "dead", mean: 0, stdDev: 0 },
 * ]);
 * // [{ id: "steady", cv: 0.2, class: "X" },
 * //  { id: "lumpy", cv: 1.5, class: "Z" },
 * //  { id: "dead", cv: null, class: "none", reason: "no_demand" }]
 * // Weekly demand 2.1, 0.9, 0.9, 0.9: μ = 1.2 and σ = 0.6 exactly, σ a little above in doubles.
 * xyzClassify([{ id: "A", mean: 1.2, stdDev: 0.6000000000000005 }]);
 * // [{ id: "A", cv: 0.5000000000000004, class: "X" }]
 * ```
 */
export function xyzClassify(items: readonly XyzItem[], options: XyzOptions = {}): XyzRow[] {
  requireOptionNames(options, OPTIONS, FN);
  const cutoffs = resolveCutoffs(
    options.cutoffs ?? DEFAULT_CUTOFFS,
    { allowZero: true, max: Number.POSITIVE_INFINITY },
    FN,
  );
  const labels = resolveLabels(
    options.labels,
    { count: cutoffs.length + 1, defaults: DEFAULT_LABELS, reserved: [XYZ_NONE] },
    FN,
  );
  if (!Array.isArray(items)) {
    throw new InvKpiError("invalid_argument", `${FN}: items must be an array`, {
      path: ["items"],
      details: { value: describeValue(items) },
    });
  }
  return items.map((item: unknown, index) => classifyOne(readItem(item, index), cutoffs, labels));
}

function classifyOne(item: XyzItem, cutoffs: readonly number[], labels: readonly string[]): XyzRow {
  const { id, mean, stdDev } = item;
  if (mean < 0) return { id, cv: null, class: XYZ_NONE, reason: "negative_mean_demand" };
  if (mean === 0) {
    const reason = stdDev === 0 ? "no_demand" : "zero_mean_demand";
    return { id, cv: null, class: XYZ_NONE, reason };
  }
  const cv = stdDev / mean;
  const lastLabel = labels[labels.length - 1]!;
  if (!Number.isFinite(cv)) return { id, cv: null, class: lastLabel, reason: "cv_overflow" };
  const classIndex = cutoffs.findIndex((cutoff) => cv <= cutoff * AT_CUTOFF);
  return { id, cv, class: classIndex === -1 ? lastLabel : labels[classIndex]! };
}

/**
 * A CV up to one part in 10^12 above a cutoff counts as on it (bounds are inclusive). CV comes from
 * floating-point sums: weekly demand 2.1, 0.9, 0.9, 0.9 has mean 1.2 and σ 0.6, CV exactly 0.5 in
 * decimal arithmetic, but 0.5000000000000004 in doubles, while the same demand × 100 / 3 gives
 * 0.5; without the allowance one was Y and the other X (found by an independent audit, session
 * 19). Rounding errs by a few units in the 16th digit; a CV 10^-12 above a cutoff is not a
 * difference in demand anyone can measure.
 */
const AT_CUTOFF = 1 + 1e-12;

function readItem(item: unknown, index: number): XyzItem {
  if (typeof item !== "object" || item === null) {
    throw new InvKpiError("invalid_argument", `${FN}: items[${index}] must be an object`, {
      path: ["items", index],
      details: { value: describeValue(item) },
    });
  }
  const { id, mean, stdDev } = item as Record<string, unknown>;
  if (typeof id !== "string") {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: items[${index}] must have a string id, got ${describeValue(id)}`,
      { path: ["items", index, "id"], details: { value: describeValue(id) } },
    );
  }
  if (stdDev === null) {
    // demandStatistics gives a null deviation for a window of one bucket: unmeasurable, not 0.
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: items[${index}].stdDev is null, a deviation that could not be measured (demandStatistics over a single bucket); leave the item out: it has no XYZ class (analyzeLedger's reason: too_few_periods)`,
      { path: ["items", index, "stdDev"], details: { id } },
    );
  }
  return {
    id,
    mean: requireFinite(mean, FN, `items[${index}].mean`),
    stdDev: requireNonNegative(stdDev, FN, `items[${index}].stdDev`),
  };
}
