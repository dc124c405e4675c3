import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import {
  type EconomicOrderQuantityInput,
  economicOrderQuantity,
} from "../../src/replenish/economicOrderQuantity.js";
import { expectCode } from "./expectCode.js";

describe("economicOrderQuantity = √(2DS/H)", () => {
  it("Chopra & Meindl's Best Buy example: 1,000 units a month, S $4,000, C $500, h 20 % → 980", () => {
    // Source: Chopra & Meindl, Supply Chain Management, chapter on cycle inventory (economic order
    // quantity example). D = 12 · 1,000 = 12,000/year; H = 0.2 · 500 = 100;
    // Q* = √(2 · 12,000 · 4,000 / 100) = √960,000 = 979.80.
    const q = economicOrderQuantity({
      annualDemand: 12000,
      orderCost: 4000,
      unitCost: 500,
      holdingRate: 0.2,
    });
    expect(q).toBeCloseTo(979.7958971132712, 10);
    expect(Math.round(q)).toBe(980);
  });

  it("by hand, holding cost given: √(2 · 1,000 · 10 / 0.5) = √40,000 = 200", () => {
    expect(economicOrderQuantity({ annualDemand: 1000, orderCost: 10, holdingCost: 0.5 })).toBe(
      200,
    );
    expect(
      economicOrderQuantity({
        annualDemand: 1000,
        orderCost: "10",
        holdingCost: new Decimal("0.5"),
      }),
    ).toBe(200);
  });

  it("computes the money part exactly: 0.1 + 0.2 style amounts do not drift", () => {
    // √(2 · 3 · 0.3 / 0.1) = √18 = 4.242640687119285 (the number nearest √18).
    expect(economicOrderQuantity({ annualDemand: 3, orderCost: 0.3, holdingCost: 0.1 })).toBe(
      Math.sqrt(18),
    );
  });

  it("is 0 without demand", () => {
    expect(economicOrderQuantity({ annualDemand: 0, orderCost: 50, holdingCost: 2 })).toBe(0);
  });

  it("rejects a zero or negative holding cost, negative money and both holding forms at once", () => {
    expectCode(
      () => economicOrderQuantity({ annualDemand: 10, orderCost: 5, holdingCost: 0 }),
      "out_of_range",
      ["holdingCost"],
    );
    expectCode(
      () => economicOrderQuantity({ annualDemand: 10, orderCost: 5, unitCost: 4, holdingRate: 0 }),
      "out_of_range",
      ["holdingRate"],
    );
    expectCode(
      () => economicOrderQuantity({ annualDemand: 10, orderCost: -5, holdingCost: 1 }),
      "invalid_money",
      ["orderCost"],
    );
    // The field is named in the path too (found by an audit: it was []).
    expectCode(
      () => economicOrderQuantity({ annualDemand: 10, orderCost: "abc", holdingCost: 1 }),
      "invalid_money",
      ["orderCost"],
    );
    expectCode(
      () => economicOrderQuantity({ annualDemand: 10, orderCost: 5, holdingCost: "1,5" }),
      "invalid_money",
      ["holdingCost"],
    );
    expectCode(
      () => economicOrderQuantity({ annualDemand: -10, orderCost: 5, holdingCost: 1 }),
      "out_of_range",
      ["annualDemand"],
    );
    const both = {
      annualDemand: 10,
      orderCost: 5,
      holdingCost: 1,
      unitCost: 4,
      holdingRate: 0.2,
    } as unknown as EconomicOrderQuantityInput;
    expectCode(() => economicOrderQuantity(both), "invalid_argument");
    const neither = { annualDemand: 10, orderCost: 5 } as unknown as EconomicOrderQuantityInput;
    expectCode(() => economicOrderQuantity(neither), "invalid_argument");
  });
});
