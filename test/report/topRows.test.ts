import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import type { InventoryReportRow } from "../../src/report/InventoryReportRow.js";
import { topRows } from "../../src/report/topRows.js";

/** Only the fields topRows reads; the rest of a row does not matter here. */
function row(sku: string, value: string, location?: string): InventoryReportRow {
  return {
    sku,
    ...(location === undefined ? {} : { location }),
    closingValue: new Decimal(value),
  } as unknown as InventoryReportRow;
}

describe("topRows", () => {
  it("takes the largest amounts first, compared exactly, ties by SKU then location", () => {
    // 0.1000000000000000000001 and 0.1 are the same double: only an exact comparison puts D
    // before C.
    const rows = [
      row("C", "0.1"),
      row("D", "0.1000000000000000000001"),
      row("B", "7", "W2"),
      row("B", "7", "W1"),
      row("A", "7"),
      row("E", "0"),
    ];
    const top = topRows(rows, 4, (r) => r.closingValue);
    expect(top.map((r) => `${r.sku}${r.location ?? ""}`)).toEqual(["A", "BW1", "BW2", "D"]);
  });

  it("returns every row in order when count exceeds them, and none for count 0", () => {
    const rows = [row("A", "1"), row("B", "2")];
    expect(topRows(rows, 10, (r) => r.closingValue).map((r) => r.sku)).toEqual(["B", "A"]);
    expect(topRows(rows, 0, (r) => r.closingValue)).toEqual([]);
  });
});
