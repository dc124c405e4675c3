import { describe, expect, it } from "vitest";
import { orderUpToLevel } from "../../src/replenish/orderUpToLevel.js";
import { reorderPoint } from "../../src/replenish/reorderPoint.js";
import {
  type SafetyStockInput,
  safetyStock,
  safetyStockDetails,
} from "../../src/replenish/safetyStock.js";
import { errorOf } from "../support/errorOf.js";
import { expectCode } from "./expectCode.js";

// Issue #5: "Lead time given as statistics or as a sample of observed lead times (mean and
// deviation computed)". Every calculator that takes `leadTime` also takes the sample itself.
//
// The sample [3, 5, 7] days by hand: mean (3 + 5 + 7) / 3 = 5; deviations −2, 0, 2; squares
// 4 + 0 + 4 = 8; sample variance 8 / (3 − 1) = 4 (n − 1, leadTimeStatistics's default); s = 2.
const SAMPLE = [3, 5, 7] as const;
// z = Φ⁻¹(0.95): R's qnorm(0.95) = 1.6448536269514722.
const Z95 = 1.6448536269514722;

describe("lead time as a sample of observations, worked examples", () => {
  it("'leadTimeVariability': [3, 5, 7] days gives L̄ 5, σL 2 → z · √(L·σd² + d̄²·σL²) = 34.698", () => {
    // d̄ = 10/day, σd = 3: L·σd² = 5 · 9 = 45; d̄²·σL² = 100 · 4 = 400; √445 = 21.095023109728988;
    // 1.6448536269514722 · 21.095023109728988 = 34.69822527266285.
    const input = {
      method: "leadTimeVariability",
      serviceLevel: 0.95,
      demandMean: 10,
      demandStdDev: 3,
      leadTime: SAMPLE,
    } as const;
    expect(safetyStock(input)).toBeCloseTo(Z95 * Math.sqrt(445), 12);
    expect(safetyStock(input)).toBeCloseTo(34.69822527266285, 12);
    const details = safetyStockDetails(input);
    expect(details.protectionStdDev).toBeCloseTo(21.095023109728988, 12);
    // The same as the statistics given as numbers.
    expect(safetyStock(input)).toBe(safetyStock({ ...input, leadTime: 5, leadTimeStdDev: 2 }));
  });

  it("'leadTimeOnly': the sample gives σL = 2 → z · d̄ · σL = 1.6448536 · 10 · 2 = 32.897", () => {
    const ss = safetyStock({
      method: "leadTimeOnly",
      serviceLevel: 0.95,
      demandMean: 10,
      leadTime: SAMPLE,
    });
    expect(ss).toBeCloseTo(32.897072539029445, 12);
  });

  it("'fillRate': the sample gives σDL = √(5 · 9 + 100 · 4) = √445, as with the numbers", () => {
    const input = {
      method: "fillRate",
      fillRate: 0.98,
      orderQuantity: 100,
      demandMean: 10,
      demandStdDev: 3,
      leadTime: SAMPLE,
    } as const;
    expect(safetyStockDetails(input).protectionStdDev).toBeCloseTo(Math.sqrt(445), 12);
    expect(safetyStock(input)).toBe(safetyStock({ ...input, leadTime: 5, leadTimeStdDev: 2 }));
  });

  it("the methods that need only L̄ take the sample's mean, 5 days", () => {
    // 'basic': z · σd · √L = 1.6448536 · 3 · √5 = 11.034013568701717.
    const basic = { method: "basic", serviceLevel: 0.95, demandStdDev: 3 } as const;
    expect(safetyStock({ ...basic, leadTime: SAMPLE })).toBeCloseTo(11.034013568701717, 12);
    // 'periodic' with R = 2: z · σd · √(R + L) = 1.6448536 · 3 · √7 = 13.055620920048614.
    expect(
      safetyStock({ ...basic, method: "periodic", reviewPeriod: 2, leadTime: SAMPLE }),
    ).toBeCloseTo(13.055620920048614, 12);
    // 'maxMin': d_max · L_max − d̄ · L̄ = 15 · 7 − 10 · 5 = 55.
    expect(
      safetyStock({
        method: "maxMin",
        maxDemand: 15,
        maxLeadTime: 7,
        demandMean: 10,
        leadTime: SAMPLE,
      }),
    ).toBe(55);
  });

  it("reorderPoint and orderUpToLevel take the sample's mean", () => {
    // ROP = d̄ · L̄ + SS = 20 · mean(8, 9, 10) + 35 = 20 · 9 + 35 = 215.
    expect(reorderPoint({ demandMean: 20, leadTime: [8, 9, 10], safetyStock: 35 })).toBe(215);
    // S = d̄ · (R + L̄) + SS = 2,500 · (4 + mean(1, 2, 3)) + 1,570 = 2,500 · 6 + 1,570 = 16,570.
    expect(
      orderUpToLevel({ demandMean: 2500, leadTime: [1, 2, 3], reviewPeriod: 4, safetyStock: 1570 }),
    ).toBe(16570);
  });

  it("one observation is a mean where only a mean is needed", () => {
    // 'basic': 1.6448536 · 3 · √4 = 9.869121761708833; ROP 20 · 4 + 0 = 80.
    const basic = { method: "basic", serviceLevel: 0.95, demandStdDev: 3, leadTime: [4] } as const;
    expect(safetyStock(basic)).toBe(safetyStock({ ...basic, leadTime: 4 }));
    expect(reorderPoint({ demandMean: 20, leadTime: [4], safetyStock: 0 })).toBe(80);
  });

  it("a number stays a number", () => {
    expect(safetyStock({ method: "basic", serviceLevel: 0.95, demandStdDev: 3, leadTime: 5 })).toBe(
      safetyStock({ method: "basic", serviceLevel: 0.95, demandStdDev: 3, leadTime: SAMPLE }),
    );
  });
});

describe("lead time as a sample of observations, errors", () => {
  const variability = {
    method: "leadTimeVariability",
    serviceLevel: 0.95,
    demandMean: 10,
    demandStdDev: 3,
  } as const;
  const basic = { method: "basic", serviceLevel: 0.95, demandStdDev: 3 } as const;

  it("refuses a deviation beside a sample: a contradiction, naming both", () => {
    const error = errorOf(() =>
      safetyStock({ ...variability, leadTime: SAMPLE, leadTimeStdDev: 2 } as never),
    );
    expect(error.code).toBe("invalid_argument");
    expect(error.path).toEqual(["leadTimeStdDev"]);
    expect(error.message).toMatch(/^safetyStock: .*leadTimeStdDev.*leadTime/);
    const leadTimeOnly = { method: "leadTimeOnly", serviceLevel: 0.95, demandMean: 10 } as const;
    expectCode(
      () => safetyStock({ ...leadTimeOnly, leadTime: SAMPLE, leadTimeStdDev: 0 } as never),
      "invalid_argument",
      ["leadTimeStdDev"],
    );
    const fillRate = {
      method: "fillRate",
      fillRate: 0.98,
      orderQuantity: 100,
      demandMean: 10,
      demandStdDev: 3,
    } as const;
    // Even a deviation of 0, fillRate's default: a sample beside it still contradicts it.
    expectCode(
      () => safetyStock({ ...fillRate, leadTime: SAMPLE, leadTimeStdDev: 0 } as never),
      "invalid_argument",
      ["leadTimeStdDev"],
    );
  });

  it("a sample of one observation has no deviation (n − 1 = 0): an error where one is needed", () => {
    // As leadTimeStatistics([4]).stdDev is null; a safety stock cannot be null, so it throws.
    const error = errorOf(() => safetyStock({ ...variability, leadTime: [4] }));
    expect(error.code).toBe("invalid_argument");
    expect(error.path).toEqual(["leadTime"]);
    expect(error.details).toMatchObject({ count: 1 });
    expectCode(
      () =>
        safetyStock({ method: "leadTimeOnly", serviceLevel: 0.95, demandMean: 10, leadTime: [4] }),
      "invalid_argument",
      ["leadTime"],
    );
    expectCode(
      () =>
        safetyStock({
          method: "fillRate",
          fillRate: 0.98,
          orderQuantity: 100,
          demandMean: 10,
          demandStdDev: 3,
          leadTime: [4],
        }),
      "invalid_argument",
      ["leadTime"],
    );
  });

  it("refuses bad samples with the observation's path", () => {
    expectCode(() => safetyStock({ ...basic, leadTime: [] }), "invalid_argument", ["leadTime"]);
    expectCode(() => safetyStock({ ...basic, leadTime: [3, -1, 5] }), "out_of_range", [
      "leadTime",
      1,
    ]);
    expectCode(() => safetyStock({ ...basic, leadTime: [3, 5, Number.NaN] }), "invalid_argument", [
      "leadTime",
      2,
    ]);
    expectCode(
      () => safetyStock({ ...basic, leadTime: [3, Number.POSITIVE_INFINITY] }),
      "invalid_argument",
      ["leadTime", 1],
    );
    expectCode(
      () => safetyStock({ ...basic, leadTime: [3, "5", 7] as unknown as number[] }),
      "invalid_argument",
      ["leadTime", 1],
    );
    // A hole is no observation (forEach would skip it, and the mean would be NaN).
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    const holed = [3, , 7] as number[];
    expectCode(() => safetyStock({ ...basic, leadTime: holed }), "invalid_argument", [
      "leadTime",
      1,
    ]);
    expectCode(
      () => safetyStock({ ...basic, leadTime: "3,5,7" as unknown as number[] }),
      "invalid_argument",
      ["leadTime"],
    );
    expectCode(
      () => reorderPoint({ demandMean: 1, leadTime: [], safetyStock: 0 }),
      "invalid_argument",
      ["leadTime"],
    );
    expectCode(
      () => orderUpToLevel({ demandMean: 1, leadTime: [-2], reviewPeriod: 1, safetyStock: 0 }),
      "out_of_range",
      ["leadTime", 0],
    );
  });

  it("names every bad observation at once, with the first one's code and path", () => {
    const error = errorOf(() =>
      reorderPoint({ demandMean: 1, leadTime: [-1, 5, Number.NaN, 2], safetyStock: 0 }),
    );
    expect(error.code).toBe("out_of_range");
    expect(error.path).toEqual(["leadTime", 0]);
    expect(error.message).toMatch(
      /^reorderPoint: 2 problems in leadTime: leadTime\[0\].*leadTime\[2\]/,
    );
    expect(error.details.problems).toEqual([
      expect.objectContaining({ path: ["leadTime", 0], code: "out_of_range" }),
      expect.objectContaining({ path: ["leadTime", 2], code: "invalid_argument" }),
    ]);
  });

  it("refuses observations whose mean or deviation is not a finite number", () => {
    expectCode(() => safetyStock({ ...basic, leadTime: [1.7e308, 1.7e308] }), "out_of_range", [
      "leadTime",
      0,
    ]);
    expectCode(() => safetyStock({ ...variability, leadTime: [0, 1e200] }), "out_of_range", [
      "leadTime",
      1,
    ]);
  });

  it("needs only the mean finite where only the mean is used (found by a review)", () => {
    // [0, 1e200]: mean 5e199; its deviation overflows, but reorderPoint and 'basic' never use it.
    expect(reorderPoint({ demandMean: 0, leadTime: [0, 1e200], safetyStock: 1 })).toBe(1);
    expect(() => safetyStock({ ...basic, leadTime: [0, 1e200] })).not.toThrow();
  });

  it("'leadTimeOnly' reads leadTime only as a sample: it has no mean lead time", () => {
    expectCode(
      () =>
        safetyStock({
          method: "leadTimeOnly",
          serviceLevel: 0.95,
          demandMean: 10,
          leadTimeStdDev: 2,
          leadTime: 5,
        } as never),
      "invalid_option",
      ["leadTime"],
    );
  });

  it("'maxMin': the longest observation may not exceed maxLeadTime", () => {
    const maxMin = { method: "maxMin", maxDemand: 15, demandMean: 10, leadTime: SAMPLE } as const;
    const error = errorOf(() => safetyStock({ ...maxMin, maxLeadTime: 6 }));
    expect(error.code).toBe("out_of_range");
    expect(error.path).toEqual(["maxLeadTime"]);
    expect(error.message).toContain("leadTime[2]");
  });

  it("'leadTimeVariability' with a number lead time needs leadTimeStdDev at run time (not 0)", () => {
    // It used to default to 0 silently, which is the 'basic' method under another name.
    expectCode(
      () => safetyStock({ ...variability, leadTime: 4 } as unknown as SafetyStockInput),
      "invalid_argument",
      ["leadTimeStdDev"],
    );
  });
});
