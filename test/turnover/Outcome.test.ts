import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import {
  daysOfSupplyOutcome,
  perAverageInventory,
  sellThroughOutcome,
  turnoverOutcome,
} from "../../src/turnover/Outcome.js";

// The null rules at zero and below, with a negative zero (a sum of −0 amounts, or −0 parsed from a
// file) treated as zero everywhere: it is neither above nor below 0.
const negativeZero = new Decimal("-0");

describe("Outcome sign rules", () => {
  it("an average inventory of −0 is zero, not negative", () => {
    expect(perAverageInventory(new Decimal(5), negativeZero).reason).toBe("zero_average_inventory");
    expect(perAverageInventory(new Decimal(5), new Decimal("-0.01")).reason).toBe(
      "negative_average_inventory",
    );
  });

  it("sales of −0 are no sales: turnover 0; negative sales are null", () => {
    expect(turnoverOutcome(negativeZero, new Decimal(10))).toEqual({ value: 0, reason: null });
    expect(turnoverOutcome(new Decimal(-1), new Decimal(10)).reason).toBe("negative_sales");
  });

  it("demand of −0 or below is no demand; 6 units at 2 a day last 3 days (hand computation)", () => {
    expect(daysOfSupplyOutcome(new Decimal(6), negativeZero, 1).reason).toBe("no_demand");
    expect(daysOfSupplyOutcome(new Decimal(6), new Decimal(-2), 1).reason).toBe("no_demand");
    expect(daysOfSupplyOutcome(new Decimal(6), new Decimal(2), 1)).toEqual({
      value: 3,
      reason: null,
    });
  });

  it("sell-through: −0 sold of 4 available is 0; nothing available is null", () => {
    expect(sellThroughOutcome(negativeZero, new Decimal(4))).toEqual({ value: 0, reason: null });
    expect(sellThroughOutcome(new Decimal(1), negativeZero).reason).toBe("no_stock_available");
    expect(sellThroughOutcome(new Decimal(-1), new Decimal(4)).reason).toBe("negative_sales");
  });
});
