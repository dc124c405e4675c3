import { describe, expect, it } from "vitest";
import { movementStatus } from "../../src/aging/movementStatus.js";
import { type AgingRollupItem, rollupAging } from "../../src/aging/rollupAging.js";
import { stockAging } from "../../src/aging/stockAging.js";
import { Decimal } from "../../src/model/Decimal.js";
import type { StockLayer } from "../../src/model/SkuHistory.js";
import { makeHistory } from "../support/makeHistory.js";
import { codeOf, layer } from "./fixtures.js";

// As of 2024-12-31 (day 366 of 2024). Four SKUs, worked by hand:
//   T1 tea    MAIN  layers 10 @ 5.00 from 2024-12-01 (30 days), never issued      never-moved  50.00
//   T2 tea    EAST  layers 30 @ 3.00 from 2024-01-01 (365 days), issued 2024-03-01 dead        90.00
//   C1 coffee MAIN  layers 4 @ 2.50 from 2024-10-02 (90 days) + 6 @ 2.50 from 2024-12-21 (10 days),
//                   issued 2024-12-21                                              active      25.00
//   X1 (no category) MAIN  negative stock, no layers                               no-stock     0
function item(
  sku: string,
  category: string | undefined,
  location: string,
  layers: StockLayer[],
  lastIssueDate: string | null,
): AgingRollupItem {
  const quantity = layers.reduce((q, l) => q + l.quantity, 0);
  const value = layers.reduce((v, l) => v.plus(l.value), new Decimal(0));
  const history = makeHistory({
    sku,
    location,
    closingQuantity: quantity === 0 ? -2 : quantity,
    closingValue: value,
    lastIssueDate,
    lastMovementDate: lastIssueDate ?? layers.at(-1)?.receivedDate ?? null,
    layers,
  });
  return {
    sku,
    location,
    ...(category !== undefined && { category }),
    aging: stockAging(history),
    status: movementStatus(history),
  };
}

const items = [
  item("T1", "tea", "MAIN", [layer("2024-12-01", 10, "5.00")], null),
  item(
    "C1",
    "coffee",
    "MAIN",
    [layer("2024-10-02", 4, "2.50"), layer("2024-12-21", 6, "2.50")],
    "2024-12-21",
  ),
  item("X1", undefined, "MAIN", [], "2024-06-01"),
  item("T2", "tea", "EAST", [layer("2024-01-01", 30, "3.00")], "2024-03-01"),
];

describe("rollupAging by category (hand computation)", () => {
  const { groups, total } = rollupAging(items, { key: "category" });

  it("has one group per category in key order, the group without a category last", () => {
    expect(groups.map((g) => [g.key, g.itemCount])).toEqual([
      ["coffee", 1],
      ["tea", 2],
      [null, 1],
    ]);
  });

  it("sums the buckets of the group's SKUs", () => {
    const tea = groups[1]!;
    // T1 30 days → 0–30: 10 units, 50.00; T2 365 days → 181–365: 30 units, 90.00.
    expect(tea.buckets.map((b) => [b.label, b.quantity, b.value.toFixed(2)])).toEqual([
      ["0–30", 10, "50.00"],
      ["31–60", 0, "0.00"],
      ["61–90", 0, "0.00"],
      ["91–180", 0, "0.00"],
      ["181–365", 30, "90.00"],
      ["over 365", 0, "0.00"],
    ]);
    expect(tea.quantity).toBe(40);
    expect(tea.value.toFixed(2)).toBe("140.00");
    // (10 × 30 + 30 × 365) / 40 = 11 250 / 40 = 281.25
    expect(tea.averageAge).toBe(281.25);
    expect(tea.oldestAge).toBe(365);
  });

  it("sums the slow, dead and never-moved value of the group, with shares", () => {
    const tea = groups[1]!;
    expect(tea.neverMovedValue.toFixed(2)).toBe("50.00");
    expect(tea.deadValue.toFixed(2)).toBe("90.00");
    expect(tea.totalInventoryValue.toFixed(2)).toBe("140.00");
    expect(tea.deadShare).toBeCloseTo(90 / 140, 15);
    expect(tea.counts).toMatchObject({ dead: 1, neverMoved: 1, total: 2 });
  });

  it("gives the group without stock null ages and null shares, with reasons", () => {
    const none = groups[2]!;
    expect(none.averageAge).toBeNull();
    expect(none.ageReason).toBe("nothing_on_hand");
    expect(none.slowShare).toBeNull();
    expect(none.shareReason).toBe("no_inventory_value");
    expect(none.counts.noStock).toBe(1);
  });

  it("totals every item", () => {
    // Quantity 10 + 10 + 30 = 50; value 50 + 25 + 90 = 165.
    // Average age (10 × 30 + 4 × 90 + 6 × 10 + 30 × 365) / 50 = 11 670 / 50 = 233.4.
    expect(total.itemCount).toBe(4);
    expect(total.quantity).toBe(50);
    expect(total.value.toFixed(2)).toBe("165.00");
    expect(total.averageAge).toBe(233.4);
    expect(total.oldestAge).toBe(365);
    expect(total.buckets.map((b) => b.quantity)).toEqual([16, 0, 4, 0, 30, 0]);
    expect(total.deadValue.toFixed(2)).toBe("90.00");
    expect(total.totalInventoryValue.toFixed(2)).toBe("165.00");
  });
});

describe("rollupAging: other keys and errors", () => {
  it("groups by location", () => {
    const { groups } = rollupAging(items, { key: "location" });
    expect(groups.map((g) => [g.key, g.quantity])).toEqual([
      ["EAST", 30],
      ["MAIN", 20],
    ]);
  });

  it("with a single group, the total equals the group (and the rollup by category) and shares no objects with it", () => {
    const { groups, total } = rollupAging(items, { key: () => "all" });
    const byCategory = rollupAging(items, { key: "category" }).total;
    expect(groups).toHaveLength(1);
    const { key, ...groupFigures } = groups[0]!;
    expect(key).toBe("all");
    expect(total).toEqual(groupFigures);
    expect(total).toEqual(byCategory);
    expect(total.buckets).not.toBe(groupFigures.buckets);
    expect(total.buckets[0]).not.toBe(groupFigures.buckets[0]);
    expect(total.counts).not.toBe(groupFigures.counts);
  });

  it("key null: no groups, the same total", () => {
    const { groups, total } = rollupAging(items, { key: null });
    expect(groups).toEqual([]);
    expect(total).toEqual(rollupAging(items).total);
    expect(rollupAging([], { key: null })).toEqual({ groups: [], total: rollupAging([]).total });
  });

  it("averages ages from the exact unit-days, not from the rounded averages", () => {
    // As of 2024-12-31. A: 1 unit aged 0 + 6 aged 12 + 6 aged 16 = 168 unit-days over 13 units
    // (averageAge 12.923076923076923, rounded); B: 6 units aged 0. Together 168 / 19 =
    // 8.842105263157896 (the double nearest 8.8421052631578947368...); adding A's rounded average × 13
    // gives 8.842105263157894.
    const a = item(
      "A",
      "x",
      "MAIN",
      [layer("2024-12-15", 6, 1), layer("2024-12-19", 6, 1), layer("2024-12-31", 1, 1)],
      null,
    );
    const b = item("B", "x", "MAIN", [layer("2024-12-31", 6, 1)], null);
    expect(a.aging.quantityDays?.toFixed()).toBe("168");
    expect(rollupAging([a, b], { key: null }).total.averageAge).toBe(168 / 19);
    expect(168 / 19).toBe(8.842105263157896);
    // An item built by hand without quantityDays still rolls up, from its averageAge × quantity.
    const { quantityDays: _, ...withoutUnitDays } = a.aging;
    const handMade = { ...a, aging: withoutUnitDays };
    expect(rollupAging([handMade], { key: null }).total.averageAge).toBe(a.aging.averageAge);
  });

  it("groups by a key function", () => {
    const { groups } = rollupAging(items, { key: (i) => i.sku.slice(0, 1) });
    expect(groups.map((g) => g.key)).toEqual(["C", "T", "X"]);
  });

  it("defaults to the category and gives empty figures for no items", () => {
    expect(rollupAging(items).groups.map((g) => g.key)).toEqual(["coffee", "tea", null]);
    const empty = rollupAging([]);
    expect(empty.groups).toEqual([]);
    expect(empty.total.buckets).toEqual([]);
    expect(empty.total.averageAge).toBeNull();
  });

  it("rejects items aged with different buckets, and an unknown key", () => {
    const history = makeHistory({ closingQuantity: 1, layers: [layer("2024-12-01", 1, 1)] });
    const odd: AgingRollupItem = {
      sku: "ODD",
      aging: stockAging(history, { buckets: [30, 90] }),
      status: movementStatus(history),
    };
    expect(codeOf(() => rollupAging([...items, odd]))).toBe("invalid_argument");
    expect(codeOf(() => rollupAging(items, { key: "sku" as never }))).toBe("invalid_option");
  });
});
