import { requireVariant } from "../model/assert.js";
import type { Decimal } from "../model/Decimal.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import type { MoneyInput } from "../model/money.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { type RankedShares, rankedShares } from "./rankedShares.js";
import { type RankOrder, rankOrder } from "./rankOrder.js";
import { type AbcInput, readAbcItems } from "./readAbcItems.js";
import { resolveCutoffs } from "./resolveCutoffs.js";
import { resolveLabels } from "./resolveLabels.js";
import { amountReader, sortKeys, toScaledIntegers } from "./toScaledIntegers.js";

/** One item to classify: an id (a SKU) and its measure (consumption value, revenue, units, ...). */
export interface AbcItem {
  readonly id: string;
  /** The measure, ≥ 0: money or a quantity, as a number, a decimal string or a `Decimal`. */
  readonly value: MoneyInput;
}

/** What to do with items whose value is zero. */
export type AbcZeroValues = "last-class" | "exclude";

/** What to do with negative values (net returns, negative margin). */
export type AbcNegativeValues = "error" | "zero";

/** Options of {@link abcClassify}. */
export interface AbcOptions {
  /**
   * Cumulative-share cutoffs, strictly increasing in (0, 1]; k cutoffs make k + 1 classes.
   * Default `[0.8, 0.95]` (A up to 80 %, B up to 95 %, C the rest).
   */
  readonly cutoffs?: readonly number[];
  /** One label per class, best first. Default `'A'`, `'B'`, `'C'`, `'D'`, ... (as many as needed). */
  readonly labels?: readonly string[];
  /** Zero values: `'last-class'` (default) puts them in the last class; `'exclude'` leaves them out. */
  readonly zeroValues?: AbcZeroValues;
  /** Negative values: `'error'` (default) throws `negative_value`; `'zero'` counts them as 0. */
  readonly negativeValues?: AbcNegativeValues;
}

/**
 * Accessors that read the id and the value of any record. `id` may be left out when the records
 * have a string `id` property.
 */
export type AbcAccessors<R> = {
  readonly value: (record: R) => MoneyInput;
} & (R extends { readonly id: string }
  ? { readonly id?: (record: R) => string }
  : { readonly id: (record: R) => string });

/** One classified item. */
export interface AbcRow {
  readonly id: string;
  /** The measure used: the value (negatives counted as 0 under `negativeValues: 'zero'`), exact. */
  readonly value: Decimal;
  /** 1-based position in rank order. */
  readonly rank: number;
  /** value / total value (0 when the total is 0). */
  readonly share: number;
  /** Sum of the values up to and including this one / total value; exactly 1 for the last row (0 when the total is 0). */
  readonly cumulativeShare: number;
  /** The class label. */
  readonly class: string;
}

/** One classified record: the row plus the caller's record. */
export interface AbcRecordRow<R> extends AbcRow {
  readonly record: R;
}

const FN = "abcClassify";
const DEFAULT_CUTOFFS = [0.8, 0.95] as const;
const LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
/** The option names of {@link abcClassify}, the accessors `id` and `value` included. */
const OPTIONS = optionNames<AbcOptions & Partial<Record<"id" | "value", unknown>>>()([
  "cutoffs",
  "labels",
  "zeroValues",
  "negativeValues",
  "id",
  "value",
]);
const ZERO_VALUES: readonly AbcZeroValues[] = ["last-class", "exclude"];
const NEGATIVE_VALUES: readonly AbcNegativeValues[] = ["error", "zero"];

/**
 * ABC classification: ranks items by a value measure and splits them into classes by the
 * cumulative share of the total value (Pareto analysis; Silver, Pyke & Thomas; SAP MC40).
 *
 * Definition, for items sorted by value descending (ties by id, in plain string order, so the
 * result does not depend on input order), with cumulative value before item i, `S(i)`, and total
 * value `T`:
 *
 *     share(i)           = value(i) / T
 *     cumulativeShare(i) = (S(i) + value(i)) / T
 *     class(i)           = the first class j whose cutoff c_j has not yet been reached before
 *                          the item: S(i) < c_j × T; the last class when S(i) ≥ every cutoff × T
 *
 * So each class is the smallest run of top items whose cumulative share reaches its cutoff:
 * a single item above the A cutoff is A, and A always covers at least the A cutoff of the total.
 * Further rules:
 * - Equal values get one class: the class of the first of them in rank order (a tie straddling a
 *   cutoff stays in the better class).
 * - Zero values go to the last class (`zeroValues: 'last-class'`) or are left out (`'exclude'`).
 * - A total of 0 (every value zero): every item is in the last class with share 0 and
 *   cumulativeShare 0.
 * - Negative values throw, or count as 0 with `negativeValues: 'zero'`.
 * - Sums are exact (no rounding at all); each share is the exact ratio rounded once to a double,
 *   so the last cumulativeShare is exactly 1. Cutoffs mean their decimal form (0.8 is four fifths).
 *
 * Units: value in the measure's unit (money or quantity); shares are fractions of 1.
 * Ids should be unique; they are not checked here (`abcXyzMatrix` does), and equal ids with equal
 * values keep their input order. Radix sorts rank the items: by value, and, when the ids do not
 * come in ascending order, first by numeric keys of the ids, so no string comparator runs on the
 * common paths. For timings of a million items see bench/abcClassify.bench.ts.
 *
 * @param items - `{ id, value }` items, or any records with a `value` (and `id`) accessor.
 * @param options - cutoffs (default `[0.8, 0.95]`), labels (default A, B, C, ...), zeroValues
 *   (default `'last-class'`), negativeValues (default `'error'`); for records, `value` and `id`.
 * @returns one row per item, in rank order; with accessors, each row also holds its `record`.
 * @throws InvKpiError `negative_value` (a negative value, naming the id), `invalid_argument` (items
 *   not an array, an id that is not a string, a value that is not a finite decimal, a cutoff that
 *   is not a number, options not an object), `out_of_range` (a cutoff outside (0, 1]),
 *   `invalid_option` (cutoffs not strictly increasing, labels of the wrong count or repeated, an
 *   unknown variant, an unknown option name).
 * @example
 * ```ts
 * import { abcClassify } from "invkpi";
 * abcClassify([
 *   { id: "bolt", value: 5 },
 *   { id: "motor", value: 85 },
 *   { id: "belt", value: 10 },
 * ]).map((row) => `${row.id}:${row.class}:${row.cumulativeShare}`);
 * // ["motor:A:0.85", "belt:B:0.95", "bolt:C:1"]
 *
 * const skus = [{ sku: "a", cogs: "1200.50" }, { sku: "b", cogs: "99.50" }];
 * abcClassify(skus, { id: (s) => s.sku, value: (s) => s.cogs, cutoffs: [0.9] })
 *   .map((row) => [row.record.sku, row.class, row.value.toFixed(2)]);
 * // [["a", "A", "1200.50"], ["b", "B", "99.50"]]
 * ```
 */
export function abcClassify(items: readonly AbcItem[], options?: AbcOptions): AbcRow[];
export function abcClassify<R>(
  records: readonly R[],
  options: AbcOptions & AbcAccessors<R>,
): AbcRecordRow<R>[];
export function abcClassify(
  items: readonly unknown[],
  options: AbcOptions & Partial<Record<"id" | "value", unknown>> = {},
): AbcRow[] {
  requireOptionNames(options, OPTIONS, FN);
  const cutoffs = resolveCutoffs(
    options.cutoffs ?? DEFAULT_CUTOFFS,
    { allowZero: false, max: 1 },
    FN,
  );
  const labels = resolveLabels(
    options.labels,
    { count: cutoffs.length + 1, defaults: LETTERS },
    FN,
  );
  const withRecords = options.value !== undefined || options.id !== undefined;
  const input = readAbcItems(items, {
    id: accessor(options.id, "id"),
    value: accessor(options.value, "value"),
    zeroValues: requireVariant(options.zeroValues ?? "last-class", ZERO_VALUES, FN, "zeroValues"),
    negativeValues: requireVariant(
      options.negativeValues ?? "error",
      NEGATIVE_VALUES,
      FN,
      "negativeValues",
    ),
  });

  const scaled = toScaledIntegers(input.amounts);
  const ranked = rankOrder(sortKeys(scaled), input.ids, input.idKeys);
  const shares = rankedShares(scaled, ranked, cutoffs);
  return buildRows(
    items,
    input,
    ranked,
    shares,
    labels,
    amountReader(scaled, input.amounts),
    withRecords,
  );
}

/**
 * One row per rank position. A run of equal values takes the class of its first item (the
 * number of cutoffs reached at or before that position) and shares its (immutable) `Decimal`:
 * creating one per item would dominate the running time.
 *
 * Zero values need no rule of their own: they come last, where the cumulative value before them
 * is the total, which reaches every cutoff (all ≤ 1), so they fall in the last class; and when the
 * total is 0, every cutoff × 0 is reached from the start, so every item does.
 *
 * Each row is built by one object literal (one literal with `record`, one without), so that all
 * rows share one object shape and no intermediate object is made.
 */
function buildRows(
  items: readonly unknown[],
  input: AbcInput,
  { order, sortedKeys }: RankOrder,
  shares: RankedShares,
  labels: readonly string[],
  readAmount: (index: number) => Decimal,
  withRecords: boolean,
): AbcRow[] {
  const count = order.length;
  const rows: AbcRow[] = new Array(count);
  const { ids, sourceIndexes } = input;
  const { share, cumulativeShare, cutoffReachedAt } = shares;
  let reached = 0;
  let label = labels[0]!;
  let value: Decimal | undefined;
  for (let p = 0; p < count; p++) {
    const i = order[p]!;
    if (p === 0 || sortedKeys[p] !== sortedKeys[p - 1]) {
      while (reached < cutoffReachedAt.length && cutoffReachedAt[reached]! <= p) reached++;
      label = labels[reached]!;
      value = readAmount(i);
    }
    const row: AbcRow | AbcRecordRow<unknown> = withRecords
      ? {
          id: ids[i]!,
          value: value!,
          rank: p + 1,
          share: share[p]!,
          cumulativeShare: cumulativeShare[p]!,
          class: label,
          record: items[sourceIndexes[i]!],
        }
      : {
          id: ids[i]!,
          value: value!,
          rank: p + 1,
          share: share[p]!,
          cumulativeShare: cumulativeShare[p]!,
          class: label,
        };
    rows[p] = row;
  }
  return rows;
}

/** Default readers of `record.id` and `record.value` (plain property reads, fast). */
const READ_PROPERTY = {
  id: (record: unknown) => (record as { id?: unknown }).id,
  value: (record: unknown) => (record as { value?: unknown }).value,
};

/** The accessor option, or the default property reader; `invalid_option` if not a function. */
function accessor(option: unknown, property: "id" | "value"): (record: unknown) => unknown {
  if (option === undefined) return READ_PROPERTY[property];
  if (typeof option !== "function") {
    throw new InvKpiError(
      "invalid_option",
      `${FN}: ${property} must be a function (record) => ${property}, got ${describeValue(option)}`,
      { path: [property], details: { value: describeValue(option) } },
    );
  }
  return option as (record: unknown) => unknown;
}
