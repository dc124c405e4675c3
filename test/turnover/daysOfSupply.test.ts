import { describe, expect, it } from "vitest";
import { daysOfSupply } from "../../src/turnover/daysOfSupply.js";
import { codeOf } from "./codeOf.js";

describe("daysOfSupply", () => {
  it("on hand / demand per day", () => {
    // Hand computation: 120 units at 8 units a day last 15 days.
    expect(daysOfSupply({ onHand: 120, demandPerDay: 8 })).toBe(15);
    // 0.3 / 0.1 = 3 exactly (decimal division).
    expect(daysOfSupply({ onHand: 0.3, demandPerDay: 0.1 })).toBe(3);
  });

  it("is null without demand, and 0 without stock", () => {
    expect(daysOfSupply({ onHand: 120, demandPerDay: 0 })).toBeNull();
    expect(daysOfSupply({ onHand: 120, demandPerDay: -2 })).toBeNull();
    expect(daysOfSupply({ onHand: 0, demandPerDay: 8 })).toBe(0);
  });

  it("gives a deficit as negative days of demand", () => {
    expect(daysOfSupply({ onHand: -16, demandPerDay: 8 })).toBe(-2);
  });

  it("takes demand as units over days, exactly (80 units, 10 sold in 30 days: 240 days)", () => {
    expect(daysOfSupply({ onHand: 80, demand: 10, demandDays: 30 })).toBe(240);
    // Through the rounded mean 10 / 30 the same stock lasts 240.00000000000003 days.
    expect(daysOfSupply({ onHand: 80, demandPerDay: 10 / 30 })).not.toBe(240);
    expect(daysOfSupply({ onHand: 80, demand: 0, demandDays: 30 })).toBeNull();
    expect(codeOf(() => daysOfSupply({ onHand: 1, demand: 1, demandDays: 0 }))).toBe(
      "out_of_range",
    );
    expect(codeOf(() => daysOfSupply({ onHand: 1, demand: 1 } as never))).toBe("invalid_argument");
  });

  it("rejects numbers that are not finite", () => {
    expect(codeOf(() => daysOfSupply({ onHand: Number.NaN, demandPerDay: 1 }))).toBe(
      "invalid_argument",
    );
    expect(codeOf(() => daysOfSupply({ onHand: 1, demandPerDay: Number.POSITIVE_INFINITY }))).toBe(
      "invalid_argument",
    );
  });
});
