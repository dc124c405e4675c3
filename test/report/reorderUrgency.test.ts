import { describe, expect, it } from "vitest";
import type { InventoryReportRow } from "../../src/report/InventoryReportRow.js";
import {
  compareReorderUrgency,
  reorderNowRows,
  reorderUrgency,
} from "../../src/report/reorderUrgency.js";

/** Only the fields the comparison reads. */
function row(
  sku: string,
  inventoryPosition: number,
  reorderPoint: number | null,
  location?: string,
): InventoryReportRow {
  return {
    sku,
    ...(location === undefined ? {} : { location }),
    inventoryPosition,
    reorderPoint,
  } as unknown as InventoryReportRow;
}

describe("reorderUrgency", () => {
  it("is the position over the reorder point (hand computation: 5 / 20 = 0.25)", () => {
    expect(reorderUrgency({ inventoryPosition: 5, reorderPoint: 20 })).toBe(0.25);
    expect(reorderUrgency({ inventoryPosition: 0, reorderPoint: 20 })).toBe(0);
    // Backorders beyond stock: a negative position is more urgent than none left.
    expect(reorderUrgency({ inventoryPosition: -4, reorderPoint: 8 })).toBe(-0.5);
  });

  it("is 1 at a negative reorder point, and ranks it after an empty SKU (found by an audit)", () => {
    // Service level 0.2, d̄ = 0.5/day, σd = 4, L = 9: SS = z(0.2) · 4 · 3 = −10.0995, ROP = 4.5 − 10.0995
    // = −5.5995 (the audit's case). Before: urgency −5.5995, ranked ahead of an empty SKU.
    const point = -5.59945480287497;
    expect(reorderUrgency({ inventoryPosition: point, reorderPoint: point })).toBe(1);
    // By hand, 1 − (ROP − position) / |ROP|: one point's size short of −5 is −10 → 0; −7.5 → 0.5.
    expect(reorderUrgency({ inventoryPosition: -10, reorderPoint: -5 })).toBe(0);
    expect(reorderUrgency({ inventoryPosition: -7.5, reorderPoint: -5 })).toBe(0.5);
    expect(reorderUrgency({ inventoryPosition: -15, reorderPoint: -5 })).toBe(-1);
    const atItsPoint = row("Y", point, point);
    const empty = row("X", 0, 100);
    expect([atItsPoint, empty].sort(compareReorderUrgency).map((r) => r.sku)).toEqual(["X", "Y"]);
  });

  it("is 1 at a reorder point of 0, first below it; a row without a point comes last", () => {
    // A zero point has no size: any shortfall is the limit −∞ of the formula (ranked first).
    expect(reorderUrgency({ inventoryPosition: 0, reorderPoint: 0 })).toBe(1);
    expect(reorderUrgency({ inventoryPosition: -3, reorderPoint: 0 })).toBe(
      Number.NEGATIVE_INFINITY,
    );
    expect(reorderUrgency({ inventoryPosition: 2, reorderPoint: 0 })).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(reorderUrgency({ inventoryPosition: 2, reorderPoint: null })).toBe(
      Number.POSITIVE_INFINITY,
    );
    const rows = [
      row("B", -1, 0),
      row("A", -3, 0),
      row("C", 0, 0),
      row("D", -40, 10),
      row("E", 5, null),
    ];
    // Two −∞ urgencies are equal (then by SKU), not NaN.
    expect([...rows].sort(compareReorderUrgency).map((r) => r.sku)).toEqual([
      "A",
      "B",
      "D",
      "C",
      "E",
    ]);
  });

  it("orders the most urgent first, then by SKU and location", () => {
    const rows = [row("B", 5, 20), row("A", 5, 20, "W2"), row("A", 5, 20, "W1"), row("C", -1, 10)];
    const ids = [...rows].sort(compareReorderUrgency).map((r) => `${r.sku}${r.location ?? ""}`);
    expect(ids).toEqual(["C", "AW1", "AW2", "B"]);
  });
});

describe("reorderNowRows", () => {
  it("keeps the rows at or below their reorder point, the most urgent first, cut at count", () => {
    const due = (r: InventoryReportRow, now: boolean | null) =>
      ({ ...r, reorderNow: now }) as InventoryReportRow;
    const rows = [
      due(row("A", 5, 20), true),
      due(row("B", 50, 20), false),
      due(row("C", -1, 10), true),
      due(row("D", 3, null), null),
      due(row("E", 10, 20), true),
    ];
    const { all, shown } = reorderNowRows(rows, 2);
    expect(all.map((r) => r.sku)).toEqual(["A", "C", "E"]);
    expect(shown.map((r) => r.sku)).toEqual(["C", "A"]);
    expect(reorderNowRows([], 5)).toEqual({ all: [], shown: [] });
    expect(reorderNowRows(rows, 0).shown).toEqual([]);
  });
});
