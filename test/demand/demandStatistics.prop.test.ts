import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { demandStatistics } from "../../src/demand/demandStatistics.js";
import { formatDay, parseIsoDay } from "../../src/model/day.js";
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
