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

  it("rejects numbers that are not finite", () => {
    expect(codeOf(() => daysOfSupply({ onHand: Number.NaN, demandPerDay: 1 }))).toBe(
      "invalid_argument",
    );
    expect(codeOf(() => daysOfSupply({ onHand: 1, demandPerDay: Number.POSITIVE_INFINITY }))).toBe(
      "invalid_argument",
    );
  });
});
