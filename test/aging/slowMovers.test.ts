import { describe, expect, it } from "vitest";
import { slowMovers } from "../../src/aging/slowMovers.js";
import type { SkuHistory } from "../../src/model/SkuHistory.js";
import { makeHistory } from "../support/makeHistory.js";
import { codeOf } from "./fixtures.js";

// As of 2024-12-31 (day 366 of 2024), default thresholds 90 / 180 days.
function sku(
  name: string,
  quantity: number,
  value: string,
  lastIssueDate: string | null,
  location?: string,
): SkuHistory {
  return makeHistory({
    sku: name,
    ...(location !== undefined && { location }),
    closingQuantity: quantity,
    closingValue: value,
    lastIssueDate,
    lastMovementDate: lastIssueDate ?? "2024-01-15",
  });
}

// A portfolio worked by hand:
//   A        10 units  600.00  last issue 2024-12-20 (11 days)      active
//   B        10 units  100.00  last issue 2024-08-01 (day 214: 152)  slow
//   B@east   10 units  100.00  last issue 2024-08-01                 slow
//   G        10 units  100.00  last issue 2024-09-01 (day 245: 121)  slow
//   C        10 units  300.00  last issue 2024-03-01 (day 61: 305)   dead
//   D         5 units   50.00  never issued                          never-moved
//   E         0 units    0.00  last issue 2023-01-01                 no-stock
//   F        −3 units  −12.00  last issue 2023-06-01                 no-stock (negative stock)
// Inventory value on hand (quantity > 0): 600 + 100 + 100 + 100 + 300 + 50 = 1250.
// Slow 300 / 1250 = 0.24; dead 300 / 1250 = 0.24; never moved 50 / 1250 = 0.04.
const portfolio = [
  sku("A", 10, "600.00", "2024-12-20"),
  sku("G", 10, "100.00", "2024-09-01"),
  sku("B", 10, "100.00", "2024-08-01", "east"),
  sku("C", 10, "300.00", "2024-03-01"),
  sku("E", 0, "0", "2023-01-01"),
  sku("D", 5, "50.00", null),
  sku("B", 10, "100.00", "2024-08-01"),
  sku("F", -3, "-12.00", "2023-06-01"),
];

describe("slowMovers: a worked portfolio", () => {
  const { rows, totals } = slowMovers(portfolio);

  it("ranks slow, dead and never-moved SKUs by value, ties by sku then location", () => {
    expect(rows.map((r) => [r.sku, r.location ?? "", r.status, r.daysSinceLastIssue])).toEqual([
      ["C", "", "dead", 305],
      ["B", "", "slow", 152],
      ["B", "east", "slow", 152],
      ["G", "", "slow", 121],
      ["D", "", "never-moved", null],
    ]);
  });

  it("gives each row its value and share of inventory value", () => {
    expect(rows.map((r) => [r.value.toFixed(2), r.shareOfInventoryValue])).toEqual([
      ["300.00", 0.24],
      ["100.00", 0.08],
      ["100.00", 0.08],
      ["100.00", 0.08],
      ["50.00", 0.04],
    ]);
    expect(rows[4]?.quantity).toBe(5);
  });

  it("totals the capital in slow, dead and never-moved stock and its shares", () => {
    expect(totals.slowValue.toFixed(2)).toBe("300.00");
    expect(totals.deadValue.toFixed(2)).toBe("300.00");
    expect(totals.neverMovedValue.toFixed(2)).toBe("50.00");
    expect(totals.totalInventoryValue.toFixed(2)).toBe("1250.00");
    expect(totals.slowShare).toBe(0.24);
    expect(totals.deadShare).toBe(0.24);
    expect(totals.neverMovedShare).toBe(0.04);
    expect(totals.shareReason).toBeNull();
  });

  it("counts the SKUs of every status", () => {
    expect(totals.counts).toEqual({
      active: 1,
      slow: 3,
      dead: 1,
      neverMoved: 1,
      noStock: 2,
      total: 8,
    });
  });

  it("does not depend on the input order", () => {
    const reversed = slowMovers([...portfolio].reverse());
    expect(reversed.rows).toEqual(rows);
  });

  it("passes the options on to every SKU", () => {
    // With slowDays 150 and deadDays 300: G (121 days) is active, B (152) slow, C (305) dead.
    const custom = slowMovers(portfolio, { slowDays: 150, deadDays: 300 });
    expect(custom.rows.map((r) => `${r.sku}:${r.status}`)).toEqual([
      "C:dead",
      "B:slow",
      "B:slow",
      "D:never-moved",
    ]);
  });
});

describe("slowMovers: edge cases", () => {
  it("has no rows and null shares with a reason when there is nothing on hand", () => {
    const { rows, totals } = slowMovers([]);
    expect(rows).toEqual([]);
    expect(totals.totalInventoryValue.isZero()).toBe(true);
    expect(totals.slowShare).toBeNull();
    expect(totals.deadShare).toBeNull();
    expect(totals.neverMovedShare).toBeNull();
    expect(totals.shareReason).toBe("no_inventory_value");
  });

  it("gives null shares for stock carried at zero value", () => {
    const { rows, totals } = slowMovers([sku("Z", 3, "0", "2024-01-02")]);
    expect(rows[0]?.status).toBe("dead");
    expect(rows[0]?.shareOfInventoryValue).toBeNull();
    expect(totals.deadShare).toBeNull();
  });

  it("rejects bad options even for an empty list", () => {
    expect(codeOf(() => slowMovers([], { slowDays: 100, deadDays: 50 }))).toBe("invalid_option");
    expect(codeOf(() => slowMovers(portfolio, { asOf: "2024-12-01" }))).toBe("out_of_range");
  });
});
