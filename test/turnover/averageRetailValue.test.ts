import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { averageRetailValue } from "../../src/turnover/averageRetailValue.js";

// Source: the retail method of inventory turnover (e.g. NRF / Levy & Weitz, "Retailing
// Management": stock turnover = net sales / average inventory at retail), with the average
// inventory at retail = average units on hand × selling price per unit.
describe("averageRetailValue", () => {
  it("is the JSDoc's worked example: 12.5 units on average × 4.00 = 50.00 at retail", () => {
    expect(averageRetailValue(new Decimal("12.5"), new Decimal("4.00"))?.toFixed(2)).toBe("50.00");
  });

  it("is exact: 1/3 of a unit stored as 0.333... times a price keeps every digit", () => {
    // 0.3333333333 × 2.99 = 0.996666666567, by hand.
    const value = averageRetailValue(new Decimal("0.3333333333"), new Decimal("2.99"));
    expect(value?.toFixed()).toBe("0.996666666567");
  });

  it("is null without a price", () => {
    expect(averageRetailValue(new Decimal("12.5"), null)).toBeNull();
  });

  it("is 0 with nothing on hand on average, and for a price of 0", () => {
    expect(averageRetailValue(new Decimal(0), new Decimal("4.00"))?.isZero()).toBe(true);
    expect(averageRetailValue(new Decimal("12.5"), new Decimal(0))?.isZero()).toBe(true);
  });

  it("is negative for a stock in deficit on average (negative stock), as the average is", () => {
    expect(averageRetailValue(new Decimal("-2.5"), new Decimal("4.00"))?.toFixed(2)).toBe("-10.00");
  });
});
