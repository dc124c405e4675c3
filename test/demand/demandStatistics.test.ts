import { describe, expect, it } from "vitest";
import { demandStatistics } from "../../src/demand/demandStatistics.js";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { InvKpiError, type InvKpiErrorCode } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuHistory } from "../../src/model/SkuHistory.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { expectCode } from "../replenish/expectCode.js";
import { makeHistory, noDemand } from "../support/makeHistory.js";

function codeOf(fn: () => unknown): InvKpiErrorCode | "no error" | "not an InvKpiError" {
  try {
    fn();
  } catch (e) {
    return e instanceof InvKpiError ? e.code : "not an InvKpiError";
  }
  return "no error";
}

const none = noDemand;

/**
 * June 2024 (30 days, starting on a Saturday), stock since May: net demand 10 on June 5, 20 on
 * June 12 and 30 on June 19, nothing on the other 27 days. The replay's sums, built by hand:
 * Σx = 60, Σx² = 100 + 400 + 900 = 1,400, max 30, 3 non-zero days; the three demands fall in three
 * ISO weeks and one month.
 */
function juneHistory(overrides: Partial<Record<keyof SkuHistory, unknown>> = {}): SkuHistory {
  const sums = (nonZeroBuckets: number, sumOfSquares: number, max: number) => ({
    sum: 60,
    sumOfSquares,
    max,
    nonZeroBuckets,
    // The first bucket with demand had 10, the last 30, the one between them 20 (one month: 60).
    firstBucketDemand: nonZeroBuckets === 1 ? 60 : 10,
    lastBucketDemand: nonZeroBuckets === 1 ? 60 : 30,
    middleSum: nonZeroBuckets === 1 ? 0 : 20,
    middleSumOfSquares: nonZeroBuckets === 1 ? 0 : 400,
  });
  return makeHistory({
    period: { from: "2024-06-01", to: "2024-06-30", days: 30 },
    demand: { day: sums(3, 1400, 30), week: sums(3, 1400, 30), month: sums(1, 3600, 60) },
    firstReceiptDate: "2024-05-20",
    firstDemandDate: "2024-06-05",
    lastDemandDate: "2024-06-19",
    ...overrides,
  });
}

describe("demandStatistics from a series", () => {
  it("by hand: 0, 4, 0, 0, 6 → mean 2, sample σ √8, population σ √6.4", () => {
    // Deviations −2, 2, −2, −2, 4; squares 4 + 4 + 4 + 4 + 16 = 32; 32/4 = 8; 32/5 = 6.4.
    expect(demandStatistics([0, 4, 0, 0, 6])).toEqual({
      mean: 2,
      stdDev: Math.sqrt(8),
      cv: Math.sqrt(8) / 2,
      max: 6,
      periods: 5,
    });
    expect(demandStatistics([0, 4, 0, 0, 6], { stdDev: "population" }).stdDev).toBe(Math.sqrt(6.4));
  });

  it("keeps full precision where the sums formula would cancel", () => {
    // 1e9 + 1, 1e9 + 2, 1e9 + 3: sample σ = 1 exactly.
    expect(demandStatistics([1e9 + 1, 1e9 + 2, 1e9 + 3]).stdDev).toBe(1);
  });

  it("has no sample deviation for one period, and no cv without positive mean", () => {
    expect(demandStatistics([5])).toEqual({ mean: 5, stdDev: null, cv: null, max: 5, periods: 1 });
    expect(demandStatistics([5], { stdDev: "population" }).stdDev).toBe(0);
    expect(demandStatistics([0, 0, 0]).cv).toBeNull();
    expect(demandStatistics([])).toEqual({ mean: 0, stdDev: 0, cv: null, max: 0, periods: 0 });
  });

  it("handles long series (no spread into Math.max)", () => {
    const stats = demandStatistics(new Array<number>(300_000).fill(1));
    expect(stats).toEqual({ mean: 1, stdDev: 0, cv: 0, max: 1, periods: 300_000 });
  });

  it("rejects non-numbers, unknown variants and history-only options", () => {
    expect(codeOf(() => demandStatistics([1, Number.NaN]))).toBe("invalid_argument");
    expect(codeOf(() => demandStatistics([1], { stdDev: "n-1" as "sample" }))).toBe(
      "invalid_option",
    );
    expect(codeOf(() => demandStatistics([1], { bucket: "week" } as never))).toBe("invalid_option");
    expect(codeOf(() => demandStatistics("1,2" as never))).toBe("invalid_argument");
  });
});

describe("demandStatistics from a SkuHistory (trap 1: zero-demand days count)", () => {
  it("demand on 3 days out of 30: mean 2 and σ over all 30 days, not the grouped 20 and 10", () => {
    const stats = demandStatistics(juneHistory());
    // n = 30; mean = 60 / 30 = 2; sample variance = (1,400 − 30 · 2²) / 29 = 1,280 / 29 = 44.1379;
    // σ = 6.6436; cv = 3.3218.
    expect(stats.periods).toBe(30);
    expect(stats.mean).toBe(2);
    expect(stats.stdDev).toBeCloseTo(Math.sqrt(1280 / 29), 12);
    expect(stats.cv).toBeCloseTo(Math.sqrt(1280 / 29) / 2, 12);
    expect(stats.max).toBe(30);

    // The naive answer from grouping ledger rows by date sees only 10, 20, 30: mean 20, σ 10.
    const grouped = demandStatistics([10, 20, 30]);
    expect(grouped.mean).toBe(20);
    expect(grouped.stdDev).toBe(10);
    expect(stats.mean).not.toBe(grouped.mean);
    expect(stats.stdDev).not.toBeCloseTo(grouped.stdDev ?? 0, 0);
  });

  it("trap 1 end to end: the same June replayed from a ledger, and in the report's row", () => {
    // The hand-built history above, as movements: received 2024-05-20, issues of 10, 20 and 30
    // on June 5, 12 and 19. Found by a test audit: trap 1 was only tested on hand-made sums.
    const ledger: Movement[] = [
      { sku: "J", date: "2024-05-20", type: "receipt", quantity: 100, unitCost: 1 },
      { sku: "J", date: "2024-06-05", type: "issue", quantity: 10 },
      { sku: "J", date: "2024-06-12", type: "issue", quantity: 20 },
      { sku: "J", date: "2024-06-19", type: "issue", quantity: 30 },
    ];
    const june = { from: "2024-06-01", to: "2024-06-30" };
    const [history] = replayLedger(ledger, { period: june }).histories;
    const stats = demandStatistics(history as SkuHistory);
    expect([stats.periods, stats.mean]).toEqual([30, 2]);
    expect(stats.stdDev).toBeCloseTo(Math.sqrt(1280 / 29), 12);
    const [row] = analyzeLedger(ledger, { period: june }).rows;
    expect(row?.demandMean).toBe(2);
    expect(row?.demandStdDev).toBeCloseTo(Math.sqrt(1280 / 29), 12);
  });

  it("agrees with the dense 30-day series, and offers the population deviation", () => {
    const dense = Array.from({ length: 30 }, (_, i) =>
      i === 4 ? 10 : i === 11 ? 20 : i === 18 ? 30 : 0,
    );
    const fromSeries = demandStatistics(dense);
    const fromHistory = demandStatistics(juneHistory());
    expect(fromHistory.mean).toBe(fromSeries.mean);
    expect(fromHistory.stdDev).toBeCloseTo(fromSeries.stdDev ?? Number.NaN, 12);
    // Population: 1,280 / 30 = 42.667; σ = 6.532.
    expect(demandStatistics(juneHistory(), { stdDev: "population" }).stdDev).toBeCloseTo(
      Math.sqrt(1280 / 30),
      12,
    );
  });

  it("counts from the first receipt by default, from the period start on request", () => {
    // First receipt on Tuesday June 11, demand from June 12: the window is June 11–30, 20 days.
    const newSku = juneHistory({
      firstReceiptDate: "2024-06-11",
      firstDemandDate: "2024-06-12",
      demand: {
        day: { sum: 60, sumOfSquares: 1400, max: 30, nonZeroBuckets: 3 },
        week: { sum: 60, sumOfSquares: 1400, max: 30, nonZeroBuckets: 3 },
        month: { sum: 60, sumOfSquares: 3600, max: 60, nonZeroBuckets: 1 },
      },
    });
    expect(demandStatistics(newSku).periods).toBe(20);
    expect(demandStatistics(newSku).mean).toBe(3);
    expect(demandStatistics(newSku, { start: "period" }).periods).toBe(30);
    expect(demandStatistics(newSku, { start: "period" }).mean).toBe(2);
  });

  it("starts at the first demand when it precedes the first receipt (demand from negative stock)", () => {
    const history = juneHistory({ firstReceiptDate: "2024-06-20", firstDemandDate: "2024-06-05" });
    // Window June 5–30: 26 days.
    expect(demandStatistics(history).periods).toBe(26);
  });

  it("leaves out a week the window cuts (partialBuckets 'exclude', the default)", () => {
    // June 1–30, 2024 starts on a Saturday and ends on a Sunday. ISO weeks: May 27–June 2 (the
    // window holds only its last 2 days: cut, no demand), June 3–9 (10), 10–16 (20), 17–23 (30)
    // and 24–30 (0): 4 whole weeks. Mean 60 / 4 = 15; sample variance (1,400 − 4 · 15²) / 3 = 500/3
    // (dense check: deviations −5, 5, 15, −15 → 25 + 25 + 225 + 225 = 500).
    const weekly = demandStatistics(juneHistory(), { bucket: "week" });
    expect(weekly.periods).toBe(4);
    expect(weekly.mean).toBe(15);
    expect(weekly.stdDev).toBeCloseTo(Math.sqrt(500 / 3), 12);
    expect(weekly.stdDev).toBeCloseTo(demandStatistics([10, 20, 30, 0]).stdDev ?? 0, 12);
    // June is a whole month: nothing cut; a sample deviation of one bucket is undefined.
    const monthly = demandStatistics(juneHistory(), { bucket: "month" });
    expect(monthly).toEqual({ mean: 60, stdDev: null, cv: null, max: 60, periods: 1 });
  });

  it("counts cut weeks whole on request (partialBuckets 'include')", () => {
    // The 5 weeks that overlap June: mean 60 / 5 = 12; (1,400 − 5 · 12²) / 4 = 680 / 4 = 170.
    const weekly = demandStatistics(juneHistory(), { bucket: "week", partialBuckets: "include" });
    expect(weekly.periods).toBe(5);
    expect(weekly.mean).toBe(12);
    expect(weekly.stdDev).toBeCloseTo(Math.sqrt(170), 12);
  });

  it("takes a new SKU's cut first week out with its demand", () => {
    // First receipt Thursday June 13; demand 10 on Friday June 14, 20 on June 19, 30 on June 26.
    // Weeks: June 10–16 (cut: the window starts on its Thursday; demand 10), 17–23 (20), 24–30 (30).
    const newSku = juneHistory({ firstReceiptDate: "2024-06-13", firstDemandDate: "2024-06-14" });
    // Whole weeks 20 and 30: mean 25, sample variance (25 + 25) / 1 = 50. From the sums: Σx = 60 − 10
    // = 50, Σx² = 1,400 − 100 = 1,300, (1,300 − 2 · 25²) / 1 = 50.
    const excluded = demandStatistics(newSku, { bucket: "week" });
    expect(excluded).toMatchObject({ periods: 2, mean: 25 });
    expect(excluded.stdDev).toBeCloseTo(Math.sqrt(50), 12);
    // Counted whole, the 4-day first week pulls the mean to 20 and the deviation to 10.
    const included = demandStatistics(newSku, { bucket: "week", partialBuckets: "include" });
    expect(included).toMatchObject({ periods: 3, mean: 20 });
    expect(included.stdDev).toBeCloseTo(10, 12);
    expect(excluded.cv).toBeCloseTo(Math.sqrt(50) / 25, 12); // 0.28: X, where 'include' gives 0.5
  });

  it("counts months across a period that starts and ends mid-month", () => {
    // Period January 15 – March 10, 2024, stock since December: January and March are cut.
    // Demand 10 on January 20 (the first month with demand) and 20 on February 5 (the last).
    const history = makeHistory({
      period: { from: "2024-01-15", to: "2024-03-10", days: 56 },
      demand: {
        day: none,
        week: none,
        month: {
          sum: 30,
          sumOfSquares: 500,
          max: 20,
          nonZeroBuckets: 2,
          firstBucketDemand: 10,
          lastBucketDemand: 20,
          middleSum: 0,
          middleSumOfSquares: 0,
        },
      },
      firstReceiptDate: "2023-12-01",
      firstDemandDate: "2024-01-20",
      lastDemandDate: "2024-02-05",
    });
    // Counted whole: January, February, March → 3 months; mean 10; (500 − 3 · 100) / 2 = 100.
    expect(demandStatistics(history, { bucket: "month", partialBuckets: "include" })).toEqual({
      mean: 10,
      stdDev: 10,
      cv: 1,
      max: 20,
      periods: 3,
    });
    // Whole months only: February, 20 units; one bucket has no sample deviation. max counts the cut
    // months too (here February's 20 is the largest anyway).
    expect(demandStatistics(history, { bucket: "month" })).toEqual({
      mean: 20,
      stdDev: null,
      cv: null,
      max: 20,
      periods: 1,
    });
  });

  it("a window without a whole bucket: n = 0, σ undefined when the cut buckets had demand", () => {
    // First receipt June 24, 2024, demand 8 on June 26: the window June 24–28 (the period ends on
    // the 28th) cuts June.
    const late = juneHistory({
      firstReceiptDate: "2024-06-24",
      firstDemandDate: "2024-06-26",
      lastDemandDate: "2024-06-26",
      demand: {
        day: none,
        week: none,
        month: {
          sum: 8,
          sumOfSquares: 64,
          max: 8,
          nonZeroBuckets: 1,
          firstBucketDemand: 8,
          lastBucketDemand: 8,
          middleSum: 0,
          middleSumOfSquares: 0,
        },
      },
      period: { from: "2024-06-01", to: "2024-06-28", days: 28 },
    });
    expect(demandStatistics(late, { bucket: "month" })).toEqual({
      mean: 0,
      stdDev: null,
      cv: null,
      max: 8,
      periods: 0,
    });
    // Without demand nothing was observed and nothing varies: σ 0, as for an empty window.
    const idle = makeHistory({
      period: { from: "2024-06-01", to: "2024-06-28", days: 28 },
      firstReceiptDate: "2024-06-24",
    });
    expect(demandStatistics(idle, { bucket: "month" })).toEqual({
      mean: 0,
      stdDev: 0,
      cv: null,
      max: 0,
      periods: 0,
    });
  });

  it("leaves a huge cut week out by addition: the small weeks keep their precision", () => {
    // A launch week of 3,000,000.7 units (cut: the window starts on Saturday June 1), then 7.3, 7.4,
    // 7.3 and 7.4 in the 4 whole weeks. Near 9e12 a double's spacing is ~0.002, so the whole Σx²
    // (3,000,000.7² + the four small squares) keeps those squares only to ~0.002: subtracting the
    // launch week from it gave σ off by 12 % (0.0442 for 0.0505, a review's repro) or a negative
    // numerator. The replay keeps the middle weeks' sums apart (7.3, 7.4, 7.3 between the first
    // and the last week with demand), so the whole weeks are middle + last: additions only.
    const launch = 3_000_000.7;
    const weeks = [7.3, 7.4, 7.3, 7.4];
    const middle = weeks.slice(0, 3);
    const history = juneHistory({
      firstReceiptDate: "2024-06-01",
      firstDemandDate: "2024-06-01",
      lastDemandDate: "2024-06-26",
      demand: {
        day: none,
        week: {
          sum: launch + weeks.reduce((a, x) => a + x, 0),
          sumOfSquares: weeks.reduce((a, x) => a + x * x, launch * launch),
          max: launch,
          nonZeroBuckets: 5,
          firstBucketDemand: launch,
          lastBucketDemand: 7.4,
          middleSum: middle.reduce((a, x) => a + x, 0),
          middleSumOfSquares: middle.reduce((a, x) => a + x * x, 0),
        },
        month: none,
      },
    });
    const stats = demandStatistics(history, { bucket: "week" });
    expect(stats.periods).toBe(4); // June 3–9, 10–16, 17–23 and 24–30
    const dense = demandStatistics(weeks); // mean 7.35, sample σ = √(4 · 0.0025 / 3) = 0.0577
    expect(stats.mean).toBeCloseTo(dense.mean, 12);
    expect(stats.stdDev).toBeCloseTo(dense.stdDev ?? Number.NaN, 9);
    expect(stats.max).toBe(launch);
  });

  it("rejects the sums of a cut bucket with demand when they are missing or not numbers", () => {
    const newSku = juneHistory({ firstReceiptDate: "2024-06-13", firstDemandDate: "2024-06-14" });
    const week = newSku.demand.week;
    expectCode(
      () =>
        demandStatistics(
          {
            ...newSku,
            demand: { ...newSku.demand, week: { ...week, firstBucketDemand: Number.NaN } },
          },
          { bucket: "week" },
        ),
      "invalid_argument",
      ["history", "demand", "week", "firstBucketDemand"],
    );
    const { lastDemandDate: _, ...withoutLast } = newSku;
    expectCode(
      () => demandStatistics(withoutLast as SkuHistory, { bucket: "week" }),
      "invalid_argument",
      ["history", "lastDemandDate"],
    );
    expectCode(
      () =>
        demandStatistics(
          {
            ...newSku,
            demand: { ...newSku.demand, week: { ...week, middleSum: undefined } },
          } as unknown as SkuHistory,
          { bucket: "week" },
        ),
      "invalid_argument",
      ["history", "demand", "week", "middleSum"],
    );
    // Nothing is cut with 'include', and days are never cut: no need for either.
    expect(() =>
      demandStatistics(withoutLast as SkuHistory, { bucket: "week", partialBuckets: "include" }),
    ).not.toThrow();
    expect(codeOf(() => demandStatistics([1], { partialBuckets: "exclude" } as never))).toBe(
      "invalid_option",
    );
    expect(codeOf(() => demandStatistics(newSku, { partialBuckets: "drop" as "exclude" }))).toBe(
      "invalid_option",
    );
  });

  it("a SKU that never had stock nor demand: empty window, mean 0, σ 0, cv null", () => {
    const never = makeHistory({ period: { from: "2024-06-01", to: "2024-06-30", days: 30 } });
    expect(demandStatistics(never)).toEqual({ mean: 0, stdDev: 0, cv: null, max: 0, periods: 0 });
    // Counted over the period instead: 30 zero days.
    expect(demandStatistics(never, { start: "period" })).toEqual({
      mean: 0,
      stdDev: 0,
      cv: null,
      max: 0,
      periods: 30,
    });
  });

  it("clamps the rounding residue of constant demand to 0", () => {
    // 0.1 every day for 30 days: Σx = 3.0000000000000013 and Σx² = 0.3000000000000001 in floats, so
    // Σx² − n·mean² = −1.7e-16: without the clamp, σ would be √(negative) = NaN.
    let sum = 0;
    let sumOfSquares = 0;
    for (let i = 0; i < 30; i++) {
      sum += 0.1;
      sumOfSquares += 0.01;
    }
    const history = juneHistory({
      demand: {
        day: { sum, sumOfSquares, max: 0.1, nonZeroBuckets: 30 },
        week: none,
        month: none,
      },
      firstDemandDate: "2024-06-01",
    });
    const stats = demandStatistics(history);
    expect(stats.stdDev).not.toBeNaN();
    expect(stats.stdDev).toBeLessThan(1e-7);
  });

  it("rejects unknown variants, bad dates and inconsistent sums", () => {
    expect(codeOf(() => demandStatistics(juneHistory(), { bucket: "year" as "day" }))).toBe(
      "invalid_option",
    );
    expect(
      codeOf(() => demandStatistics(juneHistory(), { start: "first-issue" as "period" })),
    ).toBe("invalid_option");
    expect(codeOf(() => demandStatistics(juneHistory({ firstReceiptDate: "2024-02-30" })))).toBe(
      "invalid_date",
    );
    expect(() => demandStatistics(juneHistory({ firstReceiptDate: "2024-02-30" }))).toThrow(
      /^demandStatistics: history\.firstReceiptDate must be a real calendar day/,
    );
    const tooMany = juneHistory({
      demand: { day: { ...none, sum: 5, nonZeroBuckets: 31 }, week: none, month: none },
    });
    expect(codeOf(() => demandStatistics(tooMany))).toBe("invalid_argument");
  });
});

describe("demandStatistics checks a history's sums (found by an audit)", () => {
  /** juneHistory with the day sums patched (hand sums as in juneHistory: Σx 60, Σx² 1,400). */
  function withDay(patch: Record<string, unknown>): SkuHistory {
    const day = { sum: 60, sumOfSquares: 1400, max: 30, nonZeroBuckets: 3, ...patch };
    return juneHistory({ demand: { day, week: none, month: none } });
  }

  it("rejects a sum, Σx² or max that is not a finite number, naming the field", () => {
    // Before: sum NaN gave mean NaN; sumOfSquares "1400" was coerced to 1,400.
    const cases: [string, unknown][] = [
      ["sum", Number.NaN],
      ["sum", "60"],
      ["sumOfSquares", Number.NaN],
      ["sumOfSquares", "1400"],
      ["sumOfSquares", Number.POSITIVE_INFINITY],
      ["max", Number.NaN],
      ["max", undefined],
    ];
    for (const [field, value] of cases) {
      expectCode(() => demandStatistics(withDay({ [field]: value })), "invalid_argument", [
        "history",
        "demand",
        "day",
        field,
      ]);
    }
    expect(() => demandStatistics(withDay({ sum: Number.NaN }))).toThrow(
      /^demandStatistics: history\.demand\.day\.sum must be a finite number, got NaN/,
    );
  });

  it("requires a whole number ≥ 0 of non-zero buckets", () => {
    for (const nonZeroBuckets of [-1, 2.5, Number.NaN, "3"]) {
      expectCode(() => demandStatistics(withDay({ nonZeroBuckets })), "invalid_argument", [
        "history",
        "demand",
        "day",
        "nonZeroBuckets",
      ]);
    }
  });

  it("reports a missing bucket of sums, instead of a TypeError", () => {
    const noWeek = juneHistory({ demand: { day: none, month: none } });
    expectCode(() => demandStatistics(noWeek, { bucket: "week" }), "invalid_argument", [
      "history",
      "demand",
      "week",
    ]);
    expectCode(() => demandStatistics(juneHistory({ demand: null })), "invalid_argument", [
      "history",
      "demand",
    ]);
  });

  it("rejects a Σx² below (Σx)²/n instead of clamping σ to 0", () => {
    // By hand: Σx = 60 over n = 30 days gives (Σx)²/n = 3,600 / 30 = 120, the smallest Σx² any
    // 30 numbers summing to 60 can have (all equal to 2); Σx² = 100 is impossible (before: σ = 0).
    expectCode(() => demandStatistics(withDay({ sumOfSquares: 100 })), "invalid_argument", [
      "history",
      "demand",
      "day",
      "sumOfSquares",
    ]);
    expectCode(() => demandStatistics(withDay({ sumOfSquares: -5 })), "invalid_argument", [
      "history",
      "demand",
      "day",
      "sumOfSquares",
    ]);
    // Σx² = 120 exactly (thirty 2s) is consistent: σ = 0. A residue of 1e-10 relative below it is
    // rounding (the tolerance is 1e-9 of Σx²) and is clamped; 1e-8 relative below is rejected.
    expect(demandStatistics(withDay({ sumOfSquares: 120, max: 2 })).stdDev).toBe(0);
    expect(demandStatistics(withDay({ sumOfSquares: 120 * (1 - 1e-10), max: 2 })).stdDev).toBe(0);
    expectCode(
      () => demandStatistics(withDay({ sumOfSquares: 120 * (1 - 1e-8), max: 2 })),
      "invalid_argument",
      ["history", "demand", "day", "sumOfSquares"],
    );
  });

  it("rejects a period that ends before it starts, naming history.period", () => {
    // Before: "window holds only −28 days" on nonZeroBuckets. June 30 → June 1 is a reversed period.
    const reversed = juneHistory({ period: { from: "2024-06-30", to: "2024-06-01", days: 30 } });
    for (const start of ["period", "first-receipt"] as const) {
      expectCode(() => demandStatistics(reversed, { start }), "invalid_period", [
        "history",
        "period",
        "to",
      ]);
    }
    expect(() => demandStatistics(reversed)).toThrow(
      /^demandStatistics: history\.period\.to \(2024-06-01\) is before history\.period\.from/,
    );
  });
});
