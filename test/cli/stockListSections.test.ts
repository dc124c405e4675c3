import { describe, expect, it } from "vitest";
import { rowsSection } from "../../src/cli/rowsSection.js";
import { reorderSection, staleStockSection } from "../../src/cli/stockListSections.js";
import type { Movement } from "../../src/model/Movement.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";

// One SKU at two locations with the same closing value (10 × 2.00 = 20.00 each), and a SKU worth
// more (5 × 10.00 = 50.00); nothing is issued, so all three are never-moved stock.
const receipt = (sku: string, location: string, quantity: number, unitCost: string): Movement => ({
  sku,
  location,
  date: "2025-01-02",
  type: "receipt",
  quantity,
  unitCost,
});
const ledger = [
  receipt("A", "W2", 10, "2.00"),
  receipt("A", "W1", 10, "2.00"),
  receipt("B", "W1", 5, "10.00"),
];
const report = analyzeLedger(ledger, {
  period: { from: "2025-01-01", to: "2025-03-31" },
  byLocation: true,
});

/** The first cell of each table row under the title and header: SKU, then location. */
function listed(section: string): string[] {
  return section
    .split("\n")
    .slice(2)
    .filter((line) => /^\s+[A-D]\s/.test(line))
    .map((line) => line.trim().split(/\s+/).slice(0, 2).join("@"));
}

describe("the terminal's stock lists", () => {
  it("rows: largest value first, equal values by SKU then location, cut at top", () => {
    const section = rowsSection(report, 2);
    expect(listed(section)).toEqual(["B@W1", "A@W1"]);
    expect(section).toContain("… and 1 more");
    expect(listed(rowsSection(report, 10))).toEqual(["B@W1", "A@W1", "A@W2"]);
  });

  it("stale stock: the same order among slow, dead and never-moved rows", () => {
    expect(listed(staleStockSection(report, 10))).toEqual(["B@W1", "A@W1", "A@W2"]);
  });

  it("reorder: the most urgent first (position / reorder point), ties by SKU, cut at top", () => {
    // Only the fields the section reads. Urgency: D 0/10 = 0, B and C 5/20 = 0.25, A is not due.
    const due = (sku: string, inventoryPosition: number, reorderPoint: number, now = true) => ({
      sku,
      description: null,
      reorderNow: now,
      reorderPoint,
      inventoryPosition,
      abcClass: "A",
      xyzClass: "X",
      safetyStock: 1,
      leadTimeDays: 7,
      suggestedOrder: 10,
    });
    const fake = {
      rows: [due("C", 5, 20), due("A", 50, 20, false), due("B", 5, 20), due("D", 0, 10)],
      options: { byLocation: false },
    } as unknown as Parameters<typeof reorderSection>[0];
    const section = reorderSection(fake, 2);
    expect(listed(section).map((cell) => cell.split("@")[0])).toEqual(["D", "B"]);
    expect(section).toContain("… and 1 more");
  });

  it("reorder: says so when no SKU has a reorder point", () => {
    expect(reorderSection(report, 10)).toContain("no reorder points");
  });
});
