import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import type { InventoryReportRow } from "../../src/report/InventoryReportRow.js";
import { staleStockRows } from "../../src/report/staleStockRows.js";

/** Only the fields the list reads. */
function row(sku: string, movementStatus: string, value: string): InventoryReportRow {
  return { sku, movementStatus, closingValue: new Decimal(value) } as unknown as InventoryReportRow;
}

describe("staleStockRows", () => {
  it("keeps slow, dead and never-moved stock, the most capital first, cut at count", () => {
    const rows = [
      row("A", "active", "900"),
      row("B", "slow", "100"),
      row("C", "dead", "300"),
      row("D", "no-stock", "0"),
      row("E", "never-moved", "200"),
    ];
    const { all, shown } = staleStockRows(rows, 2);
    expect(all.map((r) => r.sku)).toEqual(["B", "C", "E"]);
    expect(shown.map((r) => r.sku)).toEqual(["C", "E"]);
  });

  it("is empty for no rows, and shows none for a count of 0", () => {
    expect(staleStockRows([], 10)).toEqual({ all: [], shown: [] });
    expect(staleStockRows([row("B", "slow", "1")], 0).shown).toEqual([]);
  });
});
