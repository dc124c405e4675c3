import { describe, expect, it } from "vitest";
import { gmroi } from "../../src/turnover/gmroi.js";
import { codeOf } from "./codeOf.js";

describe("gmroi", () => {
  it("gross margin / average inventory at cost", () => {
    // Hand computation: revenue 500,000 − COGS 300,000 = margin 200,000; 200,000 / 80,000 = 2.5.
    expect(gmroi({ grossMargin: 200_000, averageInventoryCost: 80_000 })).toBe(2.5);
  });

  it("a loss gives a negative GMROI", () => {
    expect(gmroi({ grossMargin: -10_000, averageInventoryCost: 40_000 })).toBe(-0.25);
  });

  it("is null when the average inventory is zero or negative", () => {
    expect(gmroi({ grossMargin: 100, averageInventoryCost: 0 })).toBeNull();
    expect(gmroi({ grossMargin: 100, averageInventoryCost: "-1" })).toBeNull();
  });

  it("rejects amounts that are not finite decimals", () => {
    expect(codeOf(() => gmroi({ grossMargin: Number.NaN, averageInventoryCost: 1 }))).toBe(
      "invalid_money",
    );
  });
});
