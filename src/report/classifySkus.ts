import {
  type AbcRow,
  type AbcXyzMatrix,
  abcClassify,
  abcXyzMatrix,
  type XyzItem,
  type XyzRow,
  xyzClassify,
} from "../classify/index.js";
import type { Decimal } from "../model/Decimal.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { abcMeasureUnknown } from "./abcMeasureUnknown.js";
import type { SkuAnalysis } from "./analyzeSku.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";

/**
 * Why a row has no ABC class: its measure is unknown (`no_price`: revenue or margin of a SKU with
 * issues without a price, {@link abcMeasureUnknown}), or zero and left out by
 * `abc.zeroValues: 'exclude'` (`abc_excluded`).
 */
export type AbcLeftOutReason = "no_price" | "abc_excluded";

/** The ABC and XYZ classes of the report's rows, by row index, and the matrix. */
export interface SkuClasses {
  /** The row's ABC class, or why it has none. */
  readonly abc: readonly (AbcRow | AbcLeftOutReason)[];
  /**
   * `undefined` for a row with positive demand whose deviation is undefined (one bucket, sample
   * deviation); a row without positive demand is `'none'` whatever its deviation.
   */
  readonly xyz: readonly (XyzRow | undefined)[];
  readonly matrix: AbcXyzMatrix;
}

/**
 * Classifies every row by ABC (the report's measure) and XYZ (the demand CV per `xyz.bucket`), and
 * crosses the two in the ABC-XYZ matrix. Rows are identified by their index, zero-padded so that
 * the ids sort in row order (the replay sorts by SKU, then location): ties in ABC rank in that
 * order, and no SKU or location code can collide with another. The matrix's `unmatched` lists are
 * turned back into row labels (`sku`, or `sku@location` with `byLocation`).
 *
 * A row whose ABC measure is unknown ({@link abcMeasureUnknown}) is left out of the ranking, as
 * rows left out by `abc.zeroValues: 'exclude'` are: the matrix lists it as unmatched.
 *
 * @param fn - the public function, named in errors.
 * @throws InvKpiError `negative_value` under `abc.negativeValues: 'error'` when a ranked row's
 *   measure is negative: the message names the first such row (`sku`, or `sku@location`), its
 *   value and the option; `path` is `['rows', index, 'abcValue']` (the row's index in
 *   `report.rows`), `details` hold `sku` (and `location`), `value`, `measure`, `option` and the
 *   number of such rows, `count`.
 * @example
 * ```ts
 * import { analyzeSkus } from "./analyzeSkus.js";
 * import { prepareReport } from "./prepareReport.js";
 * const setup = prepareReport(
 *   { period: { from: "2025-01-01", to: "2025-01-31" }, abc: { measure: "margin" } },
 *   "example",
 * );
 * const { analyses } = analyzeSkus(
 *   [
 *     { sku: "A", date: "2025-01-02", type: "receipt", quantity: 5, unitCost: 2 },
 *     { sku: "A", date: "2025-01-08", type: "issue", quantity: 1, unitPrice: 5 },
 *     { sku: "B", date: "2025-01-02", type: "receipt", quantity: 5, unitCost: 2 },
 *     { sku: "B", date: "2025-01-08", type: "issue", quantity: 1 },
 *   ],
 *   setup,
 * );
 * const classes = classifySkus(analyses, setup.resolved, "example");
 * classes.abc.map((abc) => (typeof abc === "string" ? abc : abc.class)); // ["A", "no_price"]
 * classes.matrix.unmatched.xyzOnly; // ["B"]
 * ```
 */
export function classifySkus(
  analyses: readonly SkuAnalysis[],
  options: ResolvedReportOptions,
  fn: string,
): SkuClasses {
  const width = String(analyses.length).length;
  const idOf = (index: number) => String(index).padStart(width, "0");
  const { measure, cutoffs, labels, zeroValues, negativeValues } = options.abc;
  const abc: (AbcRow | AbcLeftOutReason)[] = new Array(analyses.length).fill("abc_excluded");
  const abcItems: { readonly id: string; readonly value: Decimal }[] = [];
  analyses.forEach((a, index) => {
    const unknown = abcMeasureUnknown(a.history, measure);
    if (unknown === null) abcItems.push({ id: idOf(index), value: a.abcValue });
    else abc[index] = unknown;
  });
  if (negativeValues === "error") requireNonNegativeMeasures(analyses, abcItems, options, fn);
  const abcRows = abcClassify(abcItems, { cutoffs, labels, zeroValues, negativeValues });
  for (const row of abcRows) abc[Number(row.id)] = row;
  const xyzItems: XyzItem[] = [];
  analyses.forEach((a, index) => {
    const { mean, stdDev, periods } = a.xyzDemand;
    // Demand that fell only outside the whole buckets (cut buckets, or before the window): the
    // whole buckets all saw none (mean 0, deviation 0 or, over one bucket, none measured), yet the
    // SKU has net demand. Unclassified (`too_few_periods`), as a SKU with no whole bucket at all.
    // Whole buckets whose demand nets to 0 (a sale, then its return) vary: xyzClassify gives them
    // zero_mean_demand.
    if (mean === 0 && (stdDev === null || stdDev === 0) && hasNetDemand(a)) return;
    if (stdDev !== null) xyzItems.push({ id: idOf(index), mean, stdDev });
    // A window of one bucket has no sample deviation, but without positive demand the class is
    // 'none' whatever the deviation (and one bucket cannot vary): only a SKU with demand in its
    // single bucket stays unclassified (`too_few_periods`), as does one whose demand fell only in
    // cut buckets (no whole bucket: periods 0).
    else if (mean <= 0 && periods > 0) xyzItems.push({ id: idOf(index), mean, stdDev: 0 });
  });
  const xyzRows = xyzClassify(xyzItems, {
    cutoffs: options.xyz.cutoffs,
    labels: options.xyz.labels,
  });
  const matrix = abcXyzMatrix(abcRows, xyzRows, {
    abcClasses: options.abc.labels,
    xyzClasses: options.xyz.labels,
  });
  const labelOf = (id: string) => rowLabel(analyses[Number(id)] as SkuAnalysis);
  return {
    abc,
    xyz: byIndex(xyzRows, analyses.length),
    matrix: {
      ...matrix,
      unmatched: {
        abcOnly: matrix.unmatched.abcOnly.map(labelOf),
        xyzOnly: matrix.unmatched.xyzOnly.map(labelOf),
      },
    },
  };
}

/** Whether the SKU's issues exceeded its returns over the period. */
function hasNetDemand(analysis: SkuAnalysis): boolean {
  return analysis.turnover.issuedQuantity > analysis.turnover.returnedQuantity;
}

/**
 * Under `abc.negativeValues: 'error'`, the report's own error for a negative measure, naming the
 * row and the report's option (`abcClassify`'s would name a row index and its own option).
 */
function requireNonNegativeMeasures(
  analyses: readonly SkuAnalysis[],
  items: readonly { readonly id: string; readonly value: Decimal }[],
  options: ResolvedReportOptions,
  fn: string,
): void {
  const negative = items.filter((item) => item.value.cmp(0) < 0);
  const first = negative[0];
  if (first === undefined) return;
  const index = Number(first.id);
  const row = analyses[index] as SkuAnalysis;
  const { sku, location } = row.history;
  const value = first.value.toFixed();
  const more = negative.length > 1 ? ` (and ${negative.length - 1} more rows)` : "";
  throw new InvKpiError(
    "negative_value",
    `${fn}: SKU ${describeValue(rowLabel(row))}: the ABC measure (${options.abc.measure}) is negative (${value})${more} and abc.negativeValues is 'error'; pass abc.negativeValues: 'zero' to count it as 0`,
    {
      path: ["rows", index, "abcValue"],
      details: {
        sku,
        ...(location === undefined ? {} : { location }),
        value,
        measure: options.abc.measure,
        option: "abc.negativeValues",
        count: negative.length,
      },
    },
  );
}

function byIndex<T extends { readonly id: string }>(
  rows: readonly T[],
  length: number,
): (T | undefined)[] {
  const result: (T | undefined)[] = new Array(length).fill(undefined);
  for (const row of rows) result[Number(row.id)] = row;
  return result;
}

/** A row's name in messages and the matrix's `unmatched` lists: `sku`, or `sku@location`. */
function rowLabel(analysis: SkuAnalysis): string {
  const { sku, location } = analysis.history;
  return location === undefined ? sku : `${sku}@${location}`;
}
