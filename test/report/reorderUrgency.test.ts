import { describe, expect, it } from "vitest";
import type { InventoryReportRow } from "../../src/report/InventoryReportRow.js";
import { compareReorderUrgency, reorderUrgency } from "../../src/report/reorderUrgency.js";

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
