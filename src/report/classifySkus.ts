import {
  type AbcRow,
  type AbcXyzMatrix,
  abcClassify,
  abcXyzMatrix,
  type XyzItem,
  type XyzRow,
  xyzClassify,
} from "../classify/index.js";
import type { SkuAnalysis } from "./analyzeSku.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";

/** The ABC and XYZ classes of the report's rows, by row index, and the matrix. */
export interface SkuClasses {
  /** `undefined` for a row left out of ABC (`abc.zeroValues: 'exclude'`). */
  readonly abc: readonly (AbcRow | undefined)[];
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
 */
export function classifySkus(
  analyses: readonly SkuAnalysis[],
  options: ResolvedReportOptions,
): SkuClasses {
  const width = String(analyses.length).length;
  const idOf = (index: number) => String(index).padStart(width, "0");
  const { cutoffs, labels, zeroValues, negativeValues } = options.abc;
  const abcRows = abcClassify(
    analyses.map((a, index) => ({ id: idOf(index), value: a.abcValue })),
    { cutoffs, labels, zeroValues, negativeValues },
  );
  const xyzItems: XyzItem[] = [];
  analyses.forEach((a, index) => {
    const { mean, stdDev, periods } = a.xyzDemand;
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
    abc: byIndex(abcRows, analyses.length),
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

function byIndex<T extends { readonly id: string }>(
  rows: readonly T[],
  length: number,
): (T | undefined)[] {
  const result: (T | undefined)[] = new Array(length).fill(undefined);
  for (const row of rows) result[Number(row.id)] = row;
  return result;
}

function rowLabel(analysis: SkuAnalysis): string {
  const { sku, location } = analysis.history;
  return location === undefined ? sku : `${sku}@${location}`;
}
