import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { leadTimeStatistics } from "../../src/replenish/leadTimeStatistics.js";
import { orderUpToLevel } from "../../src/replenish/orderUpToLevel.js";
import { reorderPoint } from "../../src/replenish/reorderPoint.js";
import { type SafetyStockInput, safetyStockDetails } from "../../src/replenish/safetyStock.js";

// A sample of observed lead times gives the same result as its leadTimeStatistics (the default,
// sample n − 1) passed as numbers: the calculators use that estimator, not one of their own.

const days = fc.double({ min: 0, max: 365, noNaN: true });
/** Two observations or more, so that the sample deviation is defined. */
const sample = fc.array(days, { minLength: 2, maxLength: 40 });
const level = fc.double({ min: 0.001, max: 0.999, noNaN: true });
const nonNegative = fc.double({ min: 0, max: 1e4, noNaN: true });
const demand = fc.record({
  serviceLevel: level,
  demandMean: nonNegative,
  demandStdDev: nonNegative,
  reviewPeriod: nonNegative,
  fillRate: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
  orderQuantity: fc.double({ min: 1, max: 1e4, noNaN: true }),
  extraDemand: nonNegative,
  extraLeadTime: nonNegative,
});
type Demand = typeof demand extends fc.Arbitrary<infer T> ? T : never;

/** Each method that reads a lead time, with a lead time given as `lead` (a sample or numbers). */
function inputs(
  d: Demand,
  lead: { readonly leadTime: number | readonly number[]; readonly leadTimeStdDev?: number },
  longest: number,
): SafetyStockInput[] {
  const { serviceLevel, demandMean, demandStdDev, reviewPeriod } = d;
  const { leadTime } = lead;
  return [
    { method: "basic", serviceLevel, demandStdDev, leadTime },
    { method: "leadTimeVariability", serviceLevel, demandMean, demandStdDev, ...lead },
    { method: "leadTimeOnly", serviceLevel, demandMean, ...lead },
    { method: "periodic", serviceLevel, demandStdDev, leadTime, reviewPeriod },
    {
      method: "maxMin",
      maxDemand: demandMean + d.extraDemand,
      maxLeadTime: longest + d.extraLeadTime,
      demandMean,
      leadTime,
    },
    { method: "fillRate", fillRate: d.fillRate, orderQuantity: d.orderQuantity, ...lead },
  ].map((input) => {
    // 'leadTimeOnly' has no mean lead time: with numbers it takes the deviation alone.
    if (input.method === "leadTimeOnly" && typeof lead.leadTime === "number") {
      return {
        method: "leadTimeOnly",
        serviceLevel,
        demandMean,
        leadTimeStdDev: lead.leadTimeStdDev,
      };
    }
    if (input.method === "fillRate") return { ...input, demandMean, demandStdDev };
    return input;
  }) as SafetyStockInput[];
}

describe("a lead-time sample is its leadTimeStatistics", () => {
  test.prop([sample, demand])(
    "safetyStock, every method: the sample gives exactly the result of its mean and deviation",
    (observations, d) => {
      const { mean, stdDev } = leadTimeStatistics(observations);
      const longest = Math.max(...observations);
      const fromSample = inputs(d, { leadTime: observations }, longest);
      const fromNumbers = inputs(d, { leadTime: mean, leadTimeStdDev: stdDev ?? 0 }, longest);
      fromSample.forEach((input, i) => {
        expect(safetyStockDetails(input), input.method).toEqual(
          safetyStockDetails(fromNumbers[i] as SafetyStockInput),
        );
      });
    },
  );

  test.prop([
    fc.array(days, { minLength: 1, maxLength: 40 }),
    nonNegative,
    nonNegative,
    fc.double({ min: -1e4, max: 1e4, noNaN: true }),
  ])(
    "reorderPoint and orderUpToLevel take the sample's mean (one observation included)",
    (observations, demandMean, reviewPeriod, safetyStock) => {
      const { mean } = leadTimeStatistics(observations);
      expect(reorderPoint({ demandMean, leadTime: observations, safetyStock })).toBe(
        reorderPoint({ demandMean, leadTime: mean, safetyStock }),
      );
      expect(
        orderUpToLevel({ demandMean, leadTime: observations, reviewPeriod, safetyStock }),
      ).toBe(orderUpToLevel({ demandMean, leadTime: mean, reviewPeriod, safetyStock }));
    },
  );
});
