import { describe, expect, it } from "vitest";
import { reorderPoint } from "../../src/replenish/reorderPoint.js";
import { safetyStock } from "../../src/replenish/safetyStock.js";
import { expectCode } from "./expectCode.js";

describe("reorderPoint = d̄ · L + SS", () => {
  it("Chopra & Meindl's Lego example: ROP = 2 · 2,500 + 906 = 5,906", () => {
    // Weekly demand 2,500, L = 2 weeks, ss = 906.19 (see safetyStock.test.ts).
    const ss = safetyStock({ method: "basic", serviceLevel: 0.9, demandStdDev: 500, leadTime: 2 });
    const rop = reorderPoint({ demandMean: 2500, leadTime: 2, safetyStock: ss });
    expect(rop).toBeCloseTo(5906.193802436823, 8);
  });

  it("scales the mean with L, never with √L (trap 3)", () => {
    // d̄ = 20/day, L = 9 days, SS = 35: 20 · 9 + 35 = 215; the √L mistake would give 20 · 3 + 35 = 95.
    const rop = reorderPoint({ demandMean: 20, leadTime: 9, safetyStock: 35 });
    expect(rop).toBe(215);
    expect(rop).not.toBe(20 * Math.sqrt(9) + 35);
  });

  it("accepts a negative safety stock (service level below 0.5) and rejects bad arguments", () => {
    expect(reorderPoint({ demandMean: 10, leadTime: 2, safetyStock: -5 })).toBe(15);
    expectCode(
      () => reorderPoint({ demandMean: -1, leadTime: 2, safetyStock: 0 }),
      "out_of_range",
      ["demandMean"],
    );
    expectCode(
      () => reorderPoint({ demandMean: 1, leadTime: -2, safetyStock: 0 }),
      "out_of_range",
      ["leadTime"],
    );
    expectCode(
      () => reorderPoint({ demandMean: 1, leadTime: 2, safetyStock: Number.NaN }),
      "invalid_argument",
      ["safetyStock"],
    );
  });

  it("rejects finite arguments whose reorder point overflows, naming them (not Infinity)", () => {
    // By hand: 1e308 · 4 = 4e308 > Number.MAX_VALUE (1.797e308). Before: Infinity.
    expectCode(
      () => reorderPoint({ demandMean: 1e308, leadTime: 4, safetyStock: 0 }),
      "out_of_range",
      ["demandMean"],
    );
    expect(() => reorderPoint({ demandMean: 1e308, leadTime: 4, safetyStock: 0 })).toThrow(
      /^reorderPoint: the reorder point is not a finite number .*demandMean = 1e\+308, leadTime = 4, safetyStock = 0/,
    );
  });
});
