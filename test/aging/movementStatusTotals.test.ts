import { describe, expect, it } from "vitest";
import { movementStatusTotals } from "../../src/aging/movementStatusTotals.js";
import { Decimal } from "../../src/model/Decimal.js";

describe("movementStatusTotals", () => {
  it("sums values exactly and leaves no-stock out of the inventory value", () => {
    // Hand computation: inventory = 0.1 + 0.2 + 0.7 = 1.0 (the no-stock −5 is not inventory);
    // slow share 0.1 / 1.0, dead 0.2 / 1.0, never moved 0.
    const t = movementStatusTotals([
      { status: "slow", value: new Decimal("0.1") },
      { status: "dead", value: new Decimal("0.2") },
      { status: "active", value: new Decimal("0.7") },
      { status: "no-stock", value: new Decimal("-5") },
    ]);
    expect(t.totalInventoryValue.toFixed()).toBe("1");
    expect(t.slowShare).toBe(0.1);
    expect(t.deadShare).toBe(0.2);
    expect(t.neverMovedShare).toBe(0);
    expect(t.neverMovedValue.isZero()).toBe(true);
    expect(t.counts).toEqual({ active: 1, slow: 1, dead: 1, neverMoved: 0, noStock: 1, total: 4 });
  });

  it("has no shares, with a reason, when there is no inventory value: no items, zeros, or only no-stock", () => {
    for (const statuses of [
      [],
      [
        { status: "slow", value: new Decimal(0) },
        { status: "active", value: new Decimal(0) },
      ],
      [{ status: "no-stock", value: new Decimal("-3") }],
    ] as const) {
      const t = movementStatusTotals(statuses);
      expect([t.slowShare, t.deadShare, t.neverMovedShare]).toEqual([null, null, null]);
      expect(t.shareReason).toBe("no_inventory_value");
      expect(t.totalInventoryValue.isZero()).toBe(true);
      expect(t.counts.total).toBe(statuses.length);
    }
  });

  it("has no shares when the inventory value is negative (hand computation: 2 + (−5) = −3)", () => {
    const t = movementStatusTotals([
      { status: "slow", value: new Decimal(2) },
      { status: "active", value: new Decimal(-5) },
    ]);
    expect(t.totalInventoryValue.toFixed()).toBe("-3");
    expect(t.slowValue.toFixed()).toBe("2");
    expect(t.slowShare).toBeNull();
    expect(t.shareReason).toBe("no_inventory_value");
  });
});
