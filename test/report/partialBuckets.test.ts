import { describe, expect, it } from "vitest";
import { demandStatistics } from "../../src/demand/demandStatistics.js";
import type { Movement } from "../../src/model/Movement.js";
import { analyzeLedger } from "../../src/report/index.js";
import { rowOf } from "./fixtures.js";

// A steady seller that starts mid-period: the report's XYZ must not read its cut first week or
// month (or the period's cut last week) as a slump.
//
// Period 2025-01-01 – 2025-06-30. SKU STEADY is first received on Friday 2025-03-28 and sells 10
// units every day from then to the period end (Monday 2025-06-30).
//   ISO weeks: Mar 24–30 is cut (Fri–Sun: 30 units), Mar 31 – Jun 29 are 13 whole weeks of 70,
//   Jun 30 – Jul 6 is cut (Monday only: 10 units).
//   Months: March is cut (28–31: 40 units), April 300, May 310, June 300 (whole: the period ends on
//   June 30).
const PERIOD = { from: "2025-01-01", to: "2025-06-30" };

function steadyLedger(): Movement[] {
  const rows: Movement[] = [
    { sku: "STEADY", date: "2025-03-28", type: "receipt", quantity: 2000, unitCost: 1 },
  ];
  const start = Date.UTC(2025, 2, 28);
  for (let day = start; day <= Date.UTC(2025, 5, 30); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    rows.push({ sku: "STEADY", date, type: "issue", quantity: 10, unitPrice: 2 });
  }
  return rows;
}

describe("analyzeLedger: XYZ over whole weeks and months (demand.partialBuckets)", () => {
  it("weekly (the default bucket): 13 whole weeks of 70 give CV 0, where cut weeks gave 0.28", () => {
    const row = rowOf(analyzeLedger(steadyLedger(), { period: PERIOD }).rows, "STEADY");
    // Σx = 910, Σx² = 13 · 4,900 = 63,700 = 13 · 70²: σ = 0 exactly.
    expect(row.xyzCv).toBe(0);
    expect(row.xyzClass).toBe("X");
    const whole = rowOf(
      analyzeLedger(steadyLedger(), { period: PERIOD, demand: { partialBuckets: "include" } }).rows,
      "STEADY",
    );
    // Counted whole: 30, 13 × 70, 10 over 15 weeks (the dense series as reference).
    const series = [30, ...Array<number>(13).fill(70), 10];
    expect(whole.xyzCv).toBeCloseTo(demandStatistics(series).cv ?? Number.NaN, 12);
    expect(whole.xyzCv).toBeCloseTo(0.2841, 4);
  });

  it("monthly: April to June (300, 310, 300) are X; with the 4-day March counted it is Y", () => {
    const monthly = { period: PERIOD, xyz: { bucket: "month" as const } };
    const row = rowOf(analyzeLedger(steadyLedger(), monthly).rows, "STEADY");
    // mean 910 / 3 = 303.33; deviations −3.33, 6.67, −3.33: sample σ = √(66.67 / 2) = 5.774;
    // CV = 0.0190.
    expect(row.xyzCv).toBeCloseTo(Math.sqrt(200 / 3 / 2) / (910 / 3), 12);
    expect(row.xyzClass).toBe("X");
    const whole = rowOf(
      analyzeLedger(steadyLedger(), { ...monthly, demand: { partialBuckets: "include" } }).rows,
      "STEADY",
    );
    // 40, 300, 310, 300: mean 237.5; squares of deviations 39,006.25 + 3,906.25 + 5,256.25 +
    // 3,906.25 = 52,075; σ = √(52,075 / 3) = 131.75; CV = 0.5547: Y, a steady item misclassified.
    expect(whole.xyzCv).toBeCloseTo(Math.sqrt(52_075 / 3) / 237.5, 12);
    expect(whole.xyzClass).toBe("Y");
  });

  it("leaves the class empty when the demand fell only in cut buckets", () => {
    // First received on Wednesday 2025-06-25: its window, June 25–30, holds only part of June, the
    // one month it touches, so no whole month is left to measure (periods 0, σ undefined).
    const late: Movement[] = [
      { sku: "LATE", date: "2025-06-25", type: "receipt", quantity: 10, unitCost: 1 },
      { sku: "LATE", date: "2025-06-26", type: "issue", quantity: 4 },
    ];
    const row = rowOf(
      analyzeLedger(late, { period: PERIOD, xyz: { bucket: "month" } }).rows,
      "LATE",
    );
    expect([row.xyzClass, row.reasons.xyzClass]).toEqual([null, "too_few_periods"]);
  });

  it("is not 'none' (no demand) for a SKU whose whole buckets were empty but cut ones were not", () => {
    // An audit's case, 2025: NEW is first received on Saturday 2025-12-20 and sells 120, 150 and
    // 130 units on December 29–31. Its weekly window: Dec 15–21 (cut: from the 20th), Dec 22–28
    // (whole, no demand), Dec 29 – Jan 4 (cut by the period end: 400 units). The one whole week
    // shows no demand, but the SKU sold 400 units: unmeasured, not "no demand".
    const year = { from: "2025-01-01", to: "2025-12-31" };
    const oneWholeWeek: Movement[] = [
      { sku: "NEW", date: "2025-12-20", type: "receipt", quantity: 500, unitCost: 20 },
      { sku: "NEW", date: "2025-12-29", type: "issue", quantity: 120, unitPrice: 35 },
      { sku: "NEW", date: "2025-12-30", type: "issue", quantity: 150, unitPrice: 35 },
      { sku: "NEW", date: "2025-12-31", type: "issue", quantity: 130, unitPrice: 35 },
    ];
    const row = rowOf(analyzeLedger(oneWholeWeek, { period: year }).rows, "NEW");
    expect([row.xyzClass, row.reasons.xyzClass]).toEqual([null, "too_few_periods"]);
    // Two whole weeks without demand (received on the 13th): σ = 0 there, but still unmeasured.
    const twoWholeWeeks = oneWholeWeek.map((m, i) => (i === 0 ? { ...m, date: "2025-12-13" } : m));
    const earlier = rowOf(analyzeLedger(twoWholeWeeks, { period: year }).rows, "NEW");
    expect([earlier.xyzClass, earlier.reasons.xyzClass]).toEqual([null, "too_few_periods"]);
    // Whole weeks whose demand nets to 0 (a sale, then its return) did see demand: 'none' for a
    // zero mean, as before, even with a sale in the cut last week (a review found it unmeasured).
    const netZero: Movement[] = [
      { sku: "NET", date: "2025-01-02", type: "receipt", quantity: 50, unitCost: 2 },
      { sku: "NET", date: "2025-03-05", type: "issue", quantity: 10, unitPrice: 3 },
      { sku: "NET", date: "2025-03-12", type: "return", quantity: 10, unitPrice: 3 },
      { sku: "NET", date: "2025-12-31", type: "issue", quantity: 5, unitPrice: 3 },
    ];
    const net = rowOf(analyzeLedger(netZero, { period: year }).rows, "NET");
    expect([net.xyzClass, net.reasons.xyzCv]).toEqual(["none", "zero_mean_demand"]);
    // A SKU that sold nothing at all is 'none' (no demand), as before.
    const idle = rowOf(analyzeLedger(oneWholeWeek.slice(0, 1), { period: year }).rows, "NEW");
    expect([idle.xyzClass, idle.xyzCv, idle.reasons.xyzCv]).toEqual(["none", null, "no_demand"]);
  });
});
