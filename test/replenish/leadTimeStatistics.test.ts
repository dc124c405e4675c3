import { describe, expect, it } from "vitest";
import { leadTimeStatistics } from "../../src/replenish/leadTimeStatistics.js";
import { safetyStock } from "../../src/replenish/safetyStock.js";
import { errorOf } from "../support/errorOf.js";
import { expectCode } from "./expectCode.js";

describe("leadTimeStatistics", () => {
  it("by hand: 5, 7, 6, 10 days → mean 7, sample σ √(14/3) = 2.1602", () => {
    // Deviations −2, 0, −1, 3; squares 4 + 0 + 1 + 9 = 14; sample variance 14/3; population 14/4.
    expect(leadTimeStatistics([5, 7, 6, 10])).toEqual({
      mean: 7,
      stdDev: Math.sqrt(14 / 3),
      count: 4,
    });
    expect(leadTimeStatistics([5, 7, 6, 10], { stdDev: "population" }).stdDev).toBe(Math.sqrt(3.5));
  });

  it("feeds safetyStock: observed lead times instead of given statistics", () => {
    const lead = leadTimeStatistics([6, 8, 7, 7, 9, 5]);
    // mean 7; squares 1 + 1 + 0 + 0 + 4 + 4 = 10; σL = √(10/5) = √2.
    expect(lead.mean).toBe(7);
    expect(lead.stdDev).toBeCloseTo(Math.SQRT2, 15);
    const ss = safetyStock({
      method: "leadTimeVariability",
      serviceLevel: 0.9,
      demandMean: 2500,
      demandStdDev: 500,
      leadTime: lead.mean,
      leadTimeStdDev: lead.stdDev ?? 0,
    });
    // √(7 · 500² + 2,500² · 2) = √14,250,000 = 3,774.92; × 1.2815516 = 4,837.73.
    expect(ss).toBeCloseTo(1.2815515655446006 * Math.sqrt(14_250_000), 8);
  });

  it("has no sample deviation for one observation", () => {
    expect(leadTimeStatistics([4])).toEqual({ mean: 4, stdDev: null, count: 1 });
    expect(leadTimeStatistics([4], { stdDev: "population" }).stdDev).toBe(0);
  });

  it("rejects an empty sample, negative lead times and unknown variants", () => {
    expectCode(() => leadTimeStatistics([]), "invalid_argument", ["samples"]);
    // Paths are separate segments (an API audit found `['samples[1]']`).
    expectCode(() => leadTimeStatistics([3, -1]), "out_of_range", ["samples", 1]);
    expectCode(() => leadTimeStatistics([3, Number.NaN]), "invalid_argument", ["samples", 1]);
    expectCode(() => leadTimeStatistics([3], { stdDev: "n" as "sample" }), "invalid_option", [
      "stdDev",
    ]);
  });

  it("treats a hole of a sparse array as a bad observation (it gave a NaN mean)", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    const holed = [3, , 5] as number[];
    expectCode(() => leadTimeStatistics(holed), "invalid_argument", ["samples", 1]);
  });

  it("names every bad observation in one error, with the first one's code and path", () => {
    const error = errorOf(() => leadTimeStatistics([-1, 4, Number.NaN]));
    expect(error.code).toBe("out_of_range");
    expect(error.path).toEqual(["samples", 0]);
    expect(error.message).toBe(
      "leadTimeStatistics: 2 problems in samples: samples[0] must be ≥ 0, got -1; samples[2] must be a finite number, got NaN",
    );
    expect(error.details.problems).toHaveLength(2);
  });

  it("refuses observations whose mean or deviation overflows (it returned Infinity)", () => {
    expectCode(() => leadTimeStatistics([1.7e308, 1.7e308]), "out_of_range", ["samples", 0]);
    expectCode(() => leadTimeStatistics([0, 1e200]), "out_of_range", ["samples", 1]);
  });
});
