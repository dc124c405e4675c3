import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { normalQuantile } from "../../src/replenish/normalQuantile.js";
import { reorderPoint } from "../../src/replenish/reorderPoint.js";
import { type SafetyStockInput, safetyStock } from "../../src/replenish/safetyStock.js";

const level = fc.double({ min: 0.001, max: 0.999, noNaN: true });
const nonNegative = fc.double({ min: 0, max: 1e4, noNaN: true });

/** The four methods driven by z, with every argument they take. */
interface ZArguments {
  serviceLevel: number;
  demandMean: number;
  demandStdDev: number;
  leadTime: number;
  leadTimeStdDev: number;
  reviewPeriod: number;
}

const zArguments = fc.record({
  serviceLevel: level,
  demandMean: nonNegative,
  demandStdDev: nonNegative,
  leadTime: nonNegative,
  leadTimeStdDev: nonNegative,
  reviewPeriod: nonNegative,
});

const Z_METHODS = ["basic", "leadTimeVariability", "leadTimeOnly", "periodic"] as const;
type ZMethod = (typeof Z_METHODS)[number];

function inputFor(method: ZMethod, a: ZArguments): SafetyStockInput {
  switch (method) {
    case "basic":
      return {
        method,
        serviceLevel: a.serviceLevel,
        demandStdDev: a.demandStdDev,
        leadTime: a.leadTime,
      };
    case "leadTimeVariability": {
      // Not the review period: only 'periodic' reads it, and the others refuse it.
      const { reviewPeriod: _, ...own } = a;
      return { method, ...own };
    }
    case "leadTimeOnly":
      return {
        method,
        serviceLevel: a.serviceLevel,
        demandMean: a.demandMean,
        leadTimeStdDev: a.leadTimeStdDev,
      };
    case "periodic":
      return {
        method,
        serviceLevel: a.serviceLevel,
        demandStdDev: a.demandStdDev,
        leadTime: a.leadTime,
        reviewPeriod: a.reviewPeriod,
      };
  }
}

/** Non-decreasing, allowing for one rounding of each product. */
function expectNotBelow(higher: number, lower: number): void {
  expect(higher).toBeGreaterThanOrEqual(lower - 1e-12 * Math.abs(lower));
}

describe("safety stock, properties of the z methods", () => {
  test.prop([level, nonNegative, nonNegative])(
    "basic is z(p) · σ · √L with the service level's own quantile, unrounded",
    (serviceLevel, demandStdDev, leadTime) => {
      // Found by a mutation audit: a service level rounded to whole percent before z (0.975 →
      // 0.97, z 1.96 → 1.88) passed every test, whose levels were all whole percent.
      const expected = normalQuantile(serviceLevel) * demandStdDev * Math.sqrt(leadTime);
      const actual = safetyStock({ method: "basic", serviceLevel, demandStdDev, leadTime });
      // (Plus a hair for subnormal products, whose relative error is not bounded.)
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-14 * Math.abs(expected) + 1e-300);
    },
  );

  test.prop([fc.constantFrom(...Z_METHODS), zArguments, level])(
    "non-decreasing in the service level",
    (method, a, other) => {
      const [low, high] = [Math.min(a.serviceLevel, other), Math.max(a.serviceLevel, other)];
      expectNotBelow(
        safetyStock(inputFor(method, { ...a, serviceLevel: high })),
        safetyStock(inputFor(method, { ...a, serviceLevel: low })),
      );
    },
  );

  // Larger deviations and lead times can only add risk, so for a service level ≥ 0.5 (z ≥ 0) the
  // buffer cannot shrink; below 0.5, z < 0 and the buffer is negative and grows more negative.
  const atLeastHalf = fc.double({ min: 0.5, max: 0.999, noNaN: true });

  test.prop([fc.constantFrom(...Z_METHODS), zArguments, atLeastHalf, nonNegative])(
    "non-decreasing in the demand deviation (service level ≥ 0.5)",
    (method, a, serviceLevel, other) => {
      const [low, high] = [Math.min(a.demandStdDev, other), Math.max(a.demandStdDev, other)];
      expectNotBelow(
        safetyStock(inputFor(method, { ...a, serviceLevel, demandStdDev: high })),
        safetyStock(inputFor(method, { ...a, serviceLevel, demandStdDev: low })),
      );
    },
  );

  test.prop([fc.constantFrom(...Z_METHODS), zArguments, atLeastHalf, nonNegative])(
    "non-decreasing in the lead time (service level ≥ 0.5)",
    (method, a, serviceLevel, other) => {
      const [low, high] = [Math.min(a.leadTime, other), Math.max(a.leadTime, other)];
      expectNotBelow(
        safetyStock(inputFor(method, { ...a, serviceLevel, leadTime: high })),
        safetyStock(inputFor(method, { ...a, serviceLevel, leadTime: low })),
      );
    },
  );

  test.prop([fc.constantFrom(...Z_METHODS), zArguments, atLeastHalf])(
    "reorder point ≥ demand over the lead time when the service level ≥ 0.5",
    (method, a, serviceLevel) => {
      const ss = safetyStock(inputFor(method, { ...a, serviceLevel }));
      const rop = reorderPoint({ demandMean: a.demandMean, leadTime: a.leadTime, safetyStock: ss });
      expect(rop).toBeGreaterThanOrEqual(a.demandMean * a.leadTime);
    },
  );

  test.prop([
    fc.double({ min: 0.5, max: 0.999, noNaN: true }),
    fc.double({ min: 0.5, max: 0.999, noNaN: true }),
    fc.double({ min: 1, max: 1e4, noNaN: true }),
    fc.record({
      demandMean: nonNegative,
      demandStdDev: fc.double({ min: 0.01, max: 1e3, noNaN: true }),
      leadTime: fc.double({ min: 0.1, max: 60, noNaN: true }),
    }),
  ])("fill-rate safety stock is non-decreasing in the fill rate", (f1, f2, orderQuantity, a) => {
    const at = (fillRate: number) =>
      safetyStock({ method: "fillRate", fillRate, orderQuantity, ...a });
    expectNotBelow(at(Math.max(f1, f2)), at(Math.min(f1, f2)));
  });
});
