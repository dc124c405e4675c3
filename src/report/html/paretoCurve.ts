import type { InventoryReportRow } from "../InventoryReportRow.js";

/** A point of a Pareto curve: shares of 1, both from 0 to 1. */
export interface CurvePoint {
  /** Share of the SKUs, ranked by value, up to and including this one. */
  readonly x: number;
  /** Share of the value held by those SKUs. */
  readonly y: number;
}

/** Where one ABC class ends on the curve. */
export interface ParetoClassEnd {
  readonly label: string;
  /** SKUs in the class. */
  readonly count: number;
  /** Index of its last SKU's point in `points` (its rank: point 0 is the origin). */
  readonly index: number;
  /** Share of the SKUs up to the end of the class. */
  readonly x: number;
  /** Share of the value up to the end of the class. */
  readonly y: number;
}

/** The ABC Pareto curve of a report. */
export interface ParetoCurve {
  /** (0, 0), then one point per ranked SKU, in rank order, ending at (1, 1); empty with a reason. */
  readonly points: readonly CurvePoint[];
  /** The end of every class, best class first; the last ends at (1, 1). */
  readonly classEnds: readonly ParetoClassEnd[];
  /** SKUs with an ABC rank. */
  readonly rankedCount: number;
  /** Why there is no curve: no SKU has a rank, or every ranked value is zero. */
  readonly reason: "no_ranked_skus" | "zero_total_value" | null;
}

/** What the curve reads from a row. */
export type ParetoRow = Pick<InventoryReportRow, "abcRank" | "abcCumulativeShare" | "abcClass">;

/**
 * The ABC Pareto curve: the cumulative share of the ABC measure (y) against the share of SKUs (x),
 * SKUs in ABC rank order. Point i (1-based rank i of n ranked SKUs) is
 *
 *     x = i / n,   y = abcCumulativeShare of the SKU of rank i
 *
 * after the origin (0, 0). The shares are the report's own (`abcClassify`: exact sums, the last one
 * exactly 1), so the curve ends at (1, 1), rises monotonically and is concave. Rows without a rank
 * (`abc.zeroValues: 'exclude'`) are left out. When every ranked value is zero the report's shares
 * are all 0 and there is no curve (reason `zero_total_value`); with no ranked rows, `no_ranked_skus`.
 *
 * Linear in the rows: each row is put in place by its rank, no sort.
 *
 * @example
 * ```ts
 * paretoCurve([
 *   { abcRank: 2, abcCumulativeShare: 1, abcClass: "B" },
 *   { abcRank: 1, abcCumulativeShare: 0.85, abcClass: "A" },
 * ]).points; // [{ x: 0, y: 0 }, { x: 0.5, y: 0.85 }, { x: 1, y: 1 }]
 * ```
 */
export function paretoCurve(rows: readonly ParetoRow[]): ParetoCurve {
  const ranked = rowsByRank(rows);
  const n = ranked.length;
  if (n === 0) return { points: [], classEnds: [], rankedCount: 0, reason: "no_ranked_skus" };
  const last = ranked[n - 1] as ParetoRow;
  if (!((last.abcCumulativeShare ?? 0) > 0)) {
    return { points: [], classEnds: [], rankedCount: n, reason: "zero_total_value" };
  }
  const points: CurvePoint[] = [{ x: 0, y: 0 }];
  const classEnds: ParetoClassEnd[] = [];
  let classStart = 0;
  let top = 0;
  ranked.forEach((row, i) => {
    // Shares never fall along the ranking; max() keeps the line monotone against rounding noise.
    top = Math.max(top, Math.min(1, row.abcCumulativeShare ?? 0));
    points.push({ x: (i + 1) / n, y: i === n - 1 ? 1 : top });
    const next = ranked[i + 1];
    if (next === undefined || next.abcClass !== row.abcClass) {
      const end = points[i + 1] as CurvePoint;
      classEnds.push({
        label: row.abcClass ?? "",
        count: i + 1 - classStart,
        index: i + 1,
        ...end,
      });
      classStart = i + 1;
    }
  });
  return { points, classEnds, rankedCount: n, reason: null };
}

/** The ranked rows in rank order: placed by rank, or sorted when ranks are not 1..n. */
function rowsByRank(rows: readonly ParetoRow[]): ParetoRow[] {
  const ranked = rows.filter((r) => r.abcRank !== null);
  const slots: (ParetoRow | undefined)[] = new Array(ranked.length);
  for (const row of ranked) {
    const rank = row.abcRank as number;
    if (!Number.isInteger(rank) || rank < 1 || rank > ranked.length || slots[rank - 1]) {
      return ranked.sort((a, b) => (a.abcRank as number) - (b.abcRank as number));
    }
    slots[rank - 1] = row;
  }
  return slots as ParetoRow[];
}
