import { describe, expect, it } from "vitest";
import { PARTIAL_FORMAT_VERSION, toPartialRecords } from "../../src/report/index.js";
import { Q1_2024 } from "./fixtures.js";

describe("toPartialRecords", () => {
  it("runs the JSDoc example", () => {
    const records = toPartialRecords(
      [{ sku: "A", date: "2025-01-01", type: "receipt", quantity: 10, unitCost: "2.50" }],
      { period: { from: "2025-01-01", to: "2025-01-31" } },
    );
    expect(records.length).toBe(2);
    expect(records[0]?.kind).toBe("header");
    expect(JSON.stringify(records[1]).includes('"closingValue":"25"')).toBe(true);
  });

  it("gives an empty ledger a header alone, announcing no SKU", () => {
    const records = toPartialRecords([], { period: Q1_2024 });
    expect(records.length).toBe(1);
    expect(records[0]).toMatchObject({
      invkpiPartial: PARTIAL_FORMAT_VERSION,
      kind: "header",
      skuCount: 0,
      warnings: [],
    });
  });
});
