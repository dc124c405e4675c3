import { describe, expect, it } from "vitest";
import type { InventoryReportRow } from "../../src/report/InventoryReportRow.js";
import { idleDays } from "../../src/report/idleDays.js";
import { causesPhrase, reorderPointCauses } from "../../src/report/reorderPointCauses.js";

// The text helpers the terminal summary and the HTML page share, at their edges.

describe("idleDays: the whole idle days of slow and dead stock, as labels", () => {
  it("slow runs from slowDays to the day before deadDays", () => {
    // movementStatus: slow when slowDays ≤ idle days < deadDays, dead from deadDays on.
    expect(idleDays(90, 180)).toEqual({ slow: "90–179", dead: "180+" });
  });

  it("one slow day, no slow day, and zero", () => {
    expect(idleDays(30, 31)).toEqual({ slow: "30", dead: "31+" });
    expect(idleDays(60, 60)).toEqual({ slow: null, dead: "60+" });
    expect(idleDays(0, 0)).toEqual({ slow: null, dead: "0+" });
    expect(idleDays(0, 1)).toEqual({ slow: "0", dead: "1+" });
  });

  it("a bound with a fraction starts at the next whole day (days are counted whole)", () => {
    // Idle days are whole: 89.5 ≤ d holds first for d = 90; d < 180.5 last for d = 180.
    expect(idleDays(89.5, 180.5)).toEqual({ slow: "90–180", dead: "181+" });
  });
});

/** A row without a reorder point for `reason`, or with one (`reason` null). */
function row(reason: string | null): InventoryReportRow {
  return (reason === null
    ? { reorderPoint: 12, reasons: {} }
    : { reorderPoint: null, reasons: { reorderPoint: reason } }) as unknown as InventoryReportRow;
}

describe("reorderPointCauses: why rows have no reorder point, counted", () => {
  it("no rows, and rows that all have a reorder point, give no cause", () => {
    expect(reorderPointCauses([])).toEqual([]);
    expect(reorderPointCauses([row(null), row(null)])).toEqual([]);
    expect(causesPhrase([], String)).toBe("");
  });

  it("counts every row, the most frequent first, ties in code order", () => {
    const rows = ["no_lead_time", null, "no_demand_history", "no_lead_time", "too_few_periods"];
    expect(reorderPointCauses(rows.map(row)).map((c) => [c.code, c.count])).toEqual([
      ["no_lead_time", 2],
      ["no_demand_history", 1],
      ["too_few_periods", 1],
    ]);
  });

  it("a row without a reason is counted as 'undefined', not dropped", () => {
    const unexplained = { reorderPoint: null, reasons: {} } as unknown as InventoryReportRow;
    expect(reorderPointCauses([unexplained]).map((c) => [c.code, c.count])).toEqual([
      ["undefined", 1],
    ]);
  });
});
