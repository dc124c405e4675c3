import { describe, expect, test } from "vitest";
import { abcClassify } from "../../../src/classify/index.js";
import { paretoCurve } from "../../../src/report/html/paretoCurve.js";
import { analyzeLedger } from "../../../src/report/index.js";
import { Q1_2024, WORKED_LEDGER, WORKED_SKU_INFO } from "../fixtures.js";

/** Rows as the report gives them, from `abcClassify` rows. */
function reportRowsOf(values: Record<string, number>, options = {}) {
  return abcClassify(
    Object.entries(values).map(([id, value]) => ({ id, value })),
    options,
  ).map((r) => ({ abcRank: r.rank, abcCumulativeShare: r.cumulativeShare, abcClass: r.class }));
}

describe("paretoCurve", () => {
  test("one point per SKU in rank order after the origin, ending at (100 %, 100 %)", () => {
    // abcClassify's own worked example: motor 85, belt 10, bolt 5 of 100 → cumulative shares
    // 0.85, 0.95, 1; classes A, B, C with the cutoffs 0.8 and 0.95. The SKU shares are 1/3, 2/3, 1.
    const curve = paretoCurve(reportRowsOf({ bolt: 5, motor: 85, belt: 10 }));
    expect(curve.reason).toBeNull();
    expect(curve.rankedCount).toBe(3);
    expect(curve.points).toEqual([
      { x: 0, y: 0 },
      { x: 1 / 3, y: 0.85 },
      { x: 2 / 3, y: 0.95 },
      { x: 1, y: 1 },
    ]);
    expect(curve.classEnds).toEqual([
      { label: "A", count: 1, index: 1, x: 1 / 3, y: 0.85 },
      { label: "B", count: 1, index: 2, x: 2 / 3, y: 0.95 },
      { label: "C", count: 1, index: 3, x: 1, y: 1 },
    ]);
  });

  test("reads the rows in any order, and leaves out rows without a rank", () => {
    const rows = reportRowsOf({ a: 60, b: 30, c: 10 }).reverse();
    const curve = paretoCurve([
      ...rows,
      { abcRank: null, abcCumulativeShare: null, abcClass: null },
    ]);
    expect(curve.rankedCount).toBe(3);
    expect(curve.points.map((p) => p.y)).toEqual([0, 0.6, 0.9, 1]);
  });

  test("no curve without ranked rows, or when every value is zero", () => {
    expect(paretoCurve([])).toMatchObject({ points: [], reason: "no_ranked_skus" });
    const zeros = paretoCurve(reportRowsOf({ a: 0, b: 0 }));
    expect(zeros).toMatchObject({ points: [], rankedCount: 2, reason: "zero_total_value" });
  });

  test("on a real report: ends at (1, 1), class ends where the classes change", () => {
    const report = analyzeLedger(WORKED_LEDGER, { period: Q1_2024, skuInfo: WORKED_SKU_INFO });
    const curve = paretoCurve(report.rows);
    expect(curve.points.at(-1)).toEqual({ x: 1, y: 1 });
    const counts = new Map<string, number>();
    for (const row of report.rows) {
      if (row.abcClass !== null) counts.set(row.abcClass, (counts.get(row.abcClass) ?? 0) + 1);
    }
    expect(curve.classEnds.map((e) => [e.label, e.count])).toEqual([...counts].sort());
  });
});
