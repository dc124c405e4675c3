import { describe, expect, it } from "vitest";
import { shrinkageRate } from "../../src/turnover/shrinkageRate.js";
import { codeOf } from "./codeOf.js";

describe("shrinkageRate", () => {
  it("shrinkage / average inventory", () => {
    // Hand computation: 3,000 lost from an average stock of 200,000 is 1.5 %.
    expect(shrinkageRate({ shrinkage: 3_000, averageInventory: 200_000 })).toBe(0.015);
    expect(shrinkageRate({ shrinkage: 0, averageInventory: 200_000 })).toBe(0);
  });

  it("is null when the average inventory is zero or negative", () => {
    expect(shrinkageRate({ shrinkage: 10, averageInventory: 0 })).toBeNull();
    expect(shrinkageRate({ shrinkage: 10, averageInventory: -5 })).toBeNull();
  });

  it("rejects a negative shrinkage (losses are given as positive amounts)", () => {
    expect(codeOf(() => shrinkageRate({ shrinkage: -10, averageInventory: 100 }))).toBe(
      "invalid_money",
    );
    expect(codeOf(() => shrinkageRate({ shrinkage: "x", averageInventory: 100 }))).toBe(
      "invalid_money",
    );
  });
});
