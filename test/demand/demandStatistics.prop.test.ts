import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { DEMAND_BUCKETS, demandStatistics } from "../../src/demand/demandStatistics.js";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { formatDay, parseIsoDay } from "../../src/model/day.js";
import type { Movement } from "../../src/model/Movement.js";
import { caseOptions, ledgerArb, SHAPES } from "../ledger/arbitraries.js";
import { makeHistory } from "../support/makeHistory.js";

// A dense daily series (mostly zeros, some demand, a few net returns) over a period from 2024-01-01.
const dailyDemand = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 500 }) },
    { weight: 1, arbitrary: fc.integer({ min: -20, max: -1 }) },
  ),
  { minLength: 2, maxLength: 120 },
);

/** The replay's day sums of a dense series, as a SkuHistory counted over the whole period. */
function historyOf(series: readonly number[]) {
  const from = parseIsoDay("2024-01-01") ?? 0;
  let sum = 0;
  let sumOfSquares = 0;
  let max = 0;
  let nonZeroBuckets = 0;
  for (const x of series) {
    sum += x;
    sumOfSquares += x * x;
    max = Math.max(max, x);
    if (x !== 0) nonZeroBuckets++;
  }
  const none = { sum: 0, sumOfSquares: 0, max: 0, nonZeroBuckets: 0 };
  return makeHistory({
    period: { from: formatDay(from), to: formatDay(from + series.length - 1), days: series.length },
    demand: { day: { sum, sumOfSquares, max, nonZeroBuckets }, week: none, month: none },
  });
}

describe("demandStatistics, properties", () => {
  test.prop([dailyDemand, fc.constantFrom("sample", "population" as const)])(
    "the history's sums give the same mean and deviation as the dense series",
    (series, stdDev) => {
      const dense = demandStatistics(series, { stdDev });
      const sums = demandStatistics(historyOf(series), { start: "period", stdDev });
      expect(sums.periods).toBe(series.length);
      expect(sums.mean).toBeCloseTo(dense.mean, 9);
      expect(sums.stdDev).toBeCloseTo(dense.stdDev ?? Number.NaN, 6);
    },
  );

  test.prop([dailyDemand, fc.integer({ min: 1, max: 60 })])(
    "adding zero-demand days keeps the total and lowers a positive mean",
    (series, extraZeros) => {
      const padded = [...series, ...Array<number>(extraZeros).fill(0)];
      const base = demandStatistics(series);
      const more = demandStatistics(padded);
      expect(more.periods).toBe(series.length + extraZeros);
      expect(more.mean * more.periods).toBeCloseTo(base.mean * base.periods, 6);
      if (base.mean > 0) expect(more.mean).toBeLessThan(base.mean);
    },
  );
});

describe("demandStatistics accepts every history the replay builds", () => {
  /** Every bucket, start and variant of every history: none may trip the checks on the sums. */
  function statisticsOfEvery(rows: readonly Movement[], period: { from: string; to: string }) {
    for (const byLocation of [false, true]) {
      for (const history of replayLedger(rows, { period, byLocation }).histories) {
        for (const bucket of DEMAND_BUCKETS) {
          for (const start of ["first-receipt", "period"] as const) {
            for (const stdDev of ["sample", "population"] as const) {
              const stats = demandStatistics(history, { bucket, start, stdDev });
              expect(Number.isFinite(stats.mean)).toBe(true);
            }
          }
        }
      }
    }
  }

  test.prop([ledgerArb(SHAPES.anything), fc.boolean()])(
    "generated ledgers: no sums check fails",
    (c, fifo) => {
      const { histories } = replayLedger(c.rows, caseOptions(c, fifo ? "fifo" : "moving-average"));
      for (const history of histories) {
        for (const bucket of DEMAND_BUCKETS) {
          for (const start of ["first-receipt", "period"] as const) {
            expect(() => demandStatistics(history, { bucket, start })).not.toThrow();
          }
        }
      }
    },
  );

  test.prop([
    fc.constantFrom(0.1, 0.001, 0.3, 1.7, 123456.789, 1e9 + 0.5),
    fc.integer({ min: 2, max: 800 }),
    fc.integer({ min: 0, max: 3 }),
  ])(
    "constant fractional demand on many days: the rounding residue of Σx² is clamped, not rejected",
    (quantity, days, gap) => {
      // The same quantity every (gap + 1)-th day: Σx² − (Σx)²/n is pure rounding when gap = 0.
      const start = Date.UTC(2020, 0, 1);
      const dayText = (i: number) => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      const rows: Movement[] = [
        { sku: "S", date: dayText(0), type: "receipt", quantity: 1e12, unitCost: 1 },
      ];
      for (let i = 0; i < days; i += gap + 1) {
        rows.push({ sku: "S", date: dayText(i), type: "issue", quantity });
      }
      statisticsOfEvery(rows, { from: dayText(0), to: dayText(days - 1) });
    },
  );
});
