import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type DemandBucket, demandStatistics } from "../../src/demand/demandStatistics.js";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuHistory } from "../../src/model/SkuHistory.js";
import { caseOptions, dayNumber, dayOfDate, ledgerArb, SHAPES } from "./../ledger/arbitraries.js";

// The replay keeps only sums per bucket; `demandStatistics` takes the window's cut first and last
// week or month out of them (`partialBuckets: 'exclude'`) or counts them whole ('include'). Here a
// dense reference rebuilds every bucket's demand from the movements themselves and applies the
// rule directly: group the window's days into ISO weeks or calendar months, keep the whole ones.
// Day arithmetic by `Date.UTC`, not the library's helpers, so the test does not trust what it checks.

const MS_PER_DAY = 86_400_000;

/** ISO week (Monday-based) or calendar month of a day number, as a comparable key. */
function bucketKey(day: number, bucket: "week" | "month"): number {
  if (bucket === "week") return Math.floor((day + 3) / 7); // 1970-01-01 was a Thursday
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** Net demand (issues − returns) of one history's SKU (and location) per day of the window. */
function dailyDemand(rows: readonly Movement[], history: SkuHistory, from: number, to: number) {
  const demand = new Map<number, number>();
  for (const m of rows) {
    const day = dayOfDate(m.date);
    if (m.sku !== history.sku || day < from || day > to) continue;
    if (history.location !== undefined && m.location !== history.location) continue;
    if (m.type === "issue") demand.set(day, (demand.get(day) ?? 0) + m.quantity);
    if (m.type === "return") demand.set(day, (demand.get(day) ?? 0) - m.quantity);
  }
  return demand;
}

/** The window's buckets in order, each with its demand and whether the window cuts it. */
function denseBuckets(
  demand: ReadonlyMap<number, number>,
  window: { from: number; to: number },
  bucket: "week" | "month",
) {
  const buckets: { key: number; demand: number; days: number }[] = [];
  for (let day = window.from; day <= window.to; day++) {
    const key = bucketKey(day, bucket);
    if (buckets.at(-1)?.key !== key) buckets.push({ key, demand: 0, days: 0 });
    const last = buckets.at(-1) as { key: number; demand: number; days: number };
    last.demand += demand.get(day) ?? 0;
    last.days++;
  }
  const wholeDays = (key: number) => {
    let days = 0;
    for (let day = window.from - 40; day <= window.to + 40; day++) {
      if (bucketKey(day, bucket) === key) days++;
    }
    return days;
  };
  return buckets.map((b) => ({ ...b, cut: b.days < wholeDays(b.key) }));
}

/** The window as `demandStatistics` documents it: from the later of period start and first activity. */
function windowOf(history: SkuHistory, start: "first-receipt" | "period") {
  const from = dayNumber(history.period.from);
  const to = dayNumber(history.period.to);
  if (start === "period") return { from, to };
  const firsts = [history.firstReceiptDate, history.firstDemandDate].filter(
    (d): d is string => d !== null,
  );
  if (firsts.length === 0) return null;
  const first = Math.min(...firsts.map(dayNumber));
  return Math.max(from, first) > to ? null : { from: Math.max(from, first), to };
}

describe("demandStatistics, cut weeks and months against a dense reference", () => {
  test.prop([
    ledgerArb(SHAPES.anything),
    fc.constantFrom<DemandBucket>("week", "month"),
    fc.constantFrom("first-receipt" as const, "period" as const),
    fc.constantFrom("exclude" as const, "include" as const),
    fc.boolean(),
  ])(
    "mean, deviation, count and max equal the dense buckets'",
    (c, bucket, start, partial, byLocation) => {
      const { histories } = replayLedger(c.rows, caseOptions(c, "moving-average", byLocation));
      for (const history of histories) {
        const stats = demandStatistics(history, { bucket, start, partialBuckets: partial });
        const window = windowOf(history, start);
        if (window === null) {
          expect(stats.periods).toBe(0);
          continue;
        }
        const bucketKind = bucket as "week" | "month";
        const demand = dailyDemand(c.rows, history, window.from, window.to);
        const all = denseBuckets(demand, window, bucketKind);
        const counted = partial === "exclude" ? all.filter((b) => !b.cut) : all;
        const series = counted.map((b) => b.demand);
        expect(stats.periods).toBe(series.length);
        // The largest demand of any bucket, cut ones included; 0 when none was positive.
        expect(stats.max).toBeCloseTo(Math.max(0, ...all.map((b) => b.demand)), 9);
        if (series.length === 0) {
          const anyDemand = all.some((b) => b.demand !== 0);
          expect(stats).toMatchObject({ mean: 0, stdDev: anyDemand ? null : 0, cv: null });
          continue;
        }
        const dense = demandStatistics(series);
        expect(stats.mean).toBeCloseTo(dense.mean, 9);
        if (dense.stdDev === null) expect(stats.stdDev).toBeNull();
        else expect(stats.stdDev).toBeCloseTo(dense.stdDev, 6);
      }
    },
  );

  it("a huge launch week does not round the whole weeks' deviation away (a review's repro)", () => {
    // Received Saturday 2025-03-01 (its ISO week Feb 24 – Mar 2 is cut), 3,000,000.7 units sold
    // that day, then 7.3 and 7.4 units alternating each Wednesday for 50 whole weeks.
    const rows: Movement[] = [
      { sku: "L", date: "2025-03-01", type: "receipt", quantity: 4_000_000, unitCost: 1 },
      { sku: "L", date: "2025-03-01", type: "issue", quantity: 3_000_000.7 },
    ];
    const weeks: number[] = [];
    for (let week = 0; week < 50; week++) {
      const quantity = week % 2 === 0 ? 7.3 : 7.4;
      const date = new Date(Date.UTC(2025, 2, 5) + week * 7 * MS_PER_DAY)
        .toISOString()
        .slice(0, 10);
      rows.push({ sku: "L", date, type: "issue", quantity });
      weeks.push(quantity);
    }
    // The period ends on Sunday 2026-02-15, the end of the 50th whole week.
    const period = { from: "2025-01-01", to: "2026-02-15" };
    const [history] = replayLedger(rows, { period }).histories;
    const stats = demandStatistics(history as SkuHistory, { bucket: "week" });
    const dense = demandStatistics(weeks);
    expect(stats.periods).toBe(50);
    expect(stats.mean).toBeCloseTo(dense.mean, 12);
    expect(stats.stdDev).toBeCloseTo(dense.stdDev ?? Number.NaN, 10); // 0.0505, not 0.0442
  });
});
