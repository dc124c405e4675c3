import { describe, expect, it } from "vitest";
import { daysOfInventory } from "../../src/turnover/daysOfInventory.js";
import { codeOf } from "./codeOf.js";

describe("daysOfInventory", () => {
  it("worked example of issue #3: 200,000 / 1,000,000 × 365 = 73 days", () => {
    expect(daysOfInventory({ cogs: 1_000_000, averageInventory: 200_000, periodDays: 365 })).toBe(
      73,
    );
    expect(daysOfInventory({ turnover: 5, periodDays: 365 })).toBe(73);
  });

  it("uses the period's own length: a leap year has 366 days", () => {
    // Hand computation: 100,000 / 366,000 × 366 = 100 days; turnover 3.66.
    expect(daysOfInventory({ cogs: 366_000, averageInventory: 100_000, periodDays: 366 })).toBe(
      100,
    );
  });

  it("takes a turnover given as undefined as no turnover, and reads the amounts", () => {
    // 300 / 100 = 3 turns in 30 days: 10 days. A spread of optional fields can carry turnover: undefined.
    const args = { turnover: undefined, cogs: 300, averageInventory: 100, periodDays: 30 };
    expect(daysOfInventory(args as never)).toBe(10);
  });

  it("a single-day period", () => {
    // Hand computation: 60 / 40 × 1 = 1.5 days.
    expect(daysOfInventory({ cogs: 40, averageInventory: 60, periodDays: 1 })).toBe(1.5);
  });

  it("is null when COGS is zero (the stock would never run out)", () => {
    expect(daysOfInventory({ cogs: 0, averageInventory: 200_000, periodDays: 365 })).toBeNull();
    expect(daysOfInventory({ turnover: 0, periodDays: 365 })).toBeNull();
  });

  it("is null whenever the turnover is null", () => {
    expect(daysOfInventory({ cogs: 1000, averageInventory: 0, periodDays: 365 })).toBeNull();
    expect(daysOfInventory({ cogs: 1000, averageInventory: -1, periodDays: 365 })).toBeNull();
    expect(daysOfInventory({ cogs: -1000, averageInventory: 100, periodDays: 365 })).toBeNull();
    expect(daysOfInventory({ turnover: null, periodDays: 365 })).toBeNull();
  });

  it("rejects a period of zero or negative days and a negative turnover", () => {
    expect(codeOf(() => daysOfInventory({ turnover: 5, periodDays: 0 }))).toBe("out_of_range");
    expect(codeOf(() => daysOfInventory({ cogs: 1, averageInventory: 1, periodDays: -30 }))).toBe(
      "out_of_range",
    );
    expect(codeOf(() => daysOfInventory({ turnover: -1, periodDays: 365 }))).toBe("out_of_range");
    expect(codeOf(() => daysOfInventory({ turnover: Number.NaN, periodDays: 365 }))).toBe(
      "invalid_argument",
    );
    expect(codeOf(() => daysOfInventory({ turnover: 1, periodDays: Number.NaN }))).toBe(
      "invalid_argument",
    );
  });

  it("negative COGS is data (null), a negative turnover argument is a caller's error (documented)", () => {
    // docs/formulas.md, turnover conventions: no invkpi calculator returns a negative turnover
    // (inventoryTurnover gives null for negative COGS), so −5 passed in was computed elsewhere.
    expect(daysOfInventory({ cogs: -5, averageInventory: 2, periodDays: 10 })).toBeNull();
    expect(codeOf(() => daysOfInventory({ turnover: -5, periodDays: 10 }))).toBe("out_of_range");
  });
});
