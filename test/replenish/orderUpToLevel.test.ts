import { describe, expect, it } from "vitest";
import { orderUpToLevel } from "../../src/replenish/orderUpToLevel.js";
import { safetyStock } from "../../src/replenish/safetyStock.js";
import { expectCode } from "./expectCode.js";

describe("orderUpToLevel = d̄ · (R + L) + SS", () => {
  it("Chopra & Meindl's periodic-review Lego example: OUL = (4 + 2) · 2,500 + 1,570 = 16,570", () => {
    // Weekly demand 2,500, σ 500, L = 2 weeks, review every T = 4 weeks, CSL 90 %:
    // ss = 1.2815516 · √6 · 500 = 1,569.57; OUL = 15,000 + 1,569.57 = 16,569.57 ≈ 16,570.
    const ss = safetyStock({
      method: "periodic",
      serviceLevel: 0.9,
      demandStdDev: 500,
      leadTime: 2,
      reviewPeriod: 4,
    });
    const level = orderUpToLevel({
      demandMean: 2500,
      leadTime: 2,
      reviewPeriod: 4,
      safetyStock: ss,
    });
    expect(level).toBeCloseTo(16569.573707324613, 8);
    expect(Math.round(level)).toBe(16570);
  });

  it("equals the reorder point when R = 0, and rejects bad arguments", () => {
    expect(orderUpToLevel({ demandMean: 20, leadTime: 9, reviewPeriod: 0, safetyStock: 35 })).toBe(
      215,
    );
    expectCode(
      () => orderUpToLevel({ demandMean: 20, leadTime: 9, reviewPeriod: -1, safetyStock: 35 }),
      "out_of_range",
      ["reviewPeriod"],
    );
  });

  it("rejects finite arguments whose level overflows, naming them (not Infinity)", () => {
    // By hand: 1e300 · (1e8 + 1e8) = 2e308 > Number.MAX_VALUE (1.797e308). Before: Infinity.
    expectCode(
      () => orderUpToLevel({ demandMean: 1e300, leadTime: 1e8, reviewPeriod: 1e8, safetyStock: 0 }),
      "out_of_range",
      ["demandMean"],
    );
  });
});
