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

  it("is the position itself for a reorder point of 0 or none", () => {
    expect(reorderUrgency({ inventoryPosition: -3, reorderPoint: 0 })).toBe(-3);
    expect(reorderUrgency({ inventoryPosition: 2, reorderPoint: null })).toBe(2);
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
