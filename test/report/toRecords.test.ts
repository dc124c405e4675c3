import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { isDecimal } from "../../src/model/money.js";
import { analyzeLedger, type InventoryReportRow, toRecords } from "../../src/report/index.js";
import { codeOf, Q1_2024, WORKED_LEDGER, WORKED_SKU_INFO } from "./fixtures.js";

// Amounts at the edges of what a ledger allows: 15 significant digits, 12 decimal places, and a
// value of 3 · 12 345 678 901.2345 that Number would print as 37037036703.703499 and toString as
// exponent notation if it were large or small enough.
const EXTREMES = [
  { sku: "BIG", date: "2024-01-02", type: "receipt", quantity: 3, unitCost: "12345678901.2345" },
  { sku: "BIG", date: "2024-02-02", type: "issue", quantity: 1, unitPrice: "99999999999.9999" },
  { sku: "TINY", date: "2024-01-02", type: "receipt", quantity: 7, unitCost: "0.000000000001" },
] as const;

const report = analyzeLedger([...WORKED_LEDGER, ...EXTREMES], {
  period: Q1_2024,
  skuInfo: WORKED_SKU_INFO,
});

describe("toRecords", () => {
  const records = toRecords(report);

  it("makes rows that JSON.stringify and parse back unchanged", () => {
    const text = JSON.stringify(records);
    expect(JSON.parse(text)).toEqual(records);
    expect(records).toHaveLength(report.rows.length);
  });

  it("writes money as fixed-point text that gives the exact amount back", () => {
    const big = records.find((r) => r.sku === "BIG");
    expect(big?.closingValue).toBe("24691357802.469");
    expect(big?.revenue).toBe("99999999999.9999");
    const tiny = records.find((r) => r.sku === "TINY");
    expect(tiny?.closingValue).toBe("0.000000000007");
    report.rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) {
        if (!isDecimal(value)) continue;
        const text = records[i]?.[column];
        expect(typeof text, column).toBe("string");
        expect(text, column).toMatch(/^-?\d+(\.\d+)?$/);
        expect(new Decimal(text as string).eq(value), column).toBe(true);
      }
    });
  });

  it("keeps numbers, booleans, dates and nulls as they are, in column order", () => {
    const row = report.rows[0] as InventoryReportRow;
    const record = records[0];
    expect(Object.keys(record ?? {})).toEqual(Object.keys(row));
    expect(record?.sku).toBe("BIG");
    expect(record?.turnover).toBe(row.turnover);
    expect(record?.lastIssueDate).toBe("2024-02-02");
    expect(record?.category).toBeNull();
    expect(record?.reasons).toEqual(row.reasons);
    expect(record?.reasons).not.toBe(row.reasons);
  });

  it("writes the reasons as one text cell on request", () => {
    const [record] = toRecords(report, { reasons: "text" });
    const row = report.rows[0] as InventoryReportRow;
    const expected = Object.entries(row.reasons)
      .map(([field, code]) => `${field}=${code}`)
      .join(";");
    expect(record?.reasons).toBe(expected);
    expect(expected).toMatch(/^description=no_description;category=no_category;/);
  });

  it("rejects an unknown reasons form and cells that are not plain data", () => {
    expect(codeOf(() => toRecords(report, { reasons: "columns" as never }))).toBe("invalid_option");
    const odd = { rows: [{ ...report.rows[0], cogs: { not: "money" } }] } as never;
    expect(codeOf(() => toRecords(odd))).toBe("invalid_argument");
    const infinite = { rows: [{ ...report.rows[0], turnover: Number.POSITIVE_INFINITY }] } as never;
    expect(codeOf(() => toRecords(infinite))).toBe("invalid_argument");
  });

  it("runs the JSDoc example", () => {
    const example = analyzeLedger(
      [{ sku: "A", date: "2025-01-01", type: "receipt", quantity: 3, unitCost: "0.10" }],
      { period: { from: "2025-01-01", to: "2025-01-31" } },
    );
    const [record] = toRecords(example, { reasons: "text" });
    expect(record?.closingValue).toBe("0.3");
    expect(record?.daysOfInventory).toBeNull();
    expect(String(record?.reasons).split(";").slice(0, 4)).toEqual([
      "description=no_description",
      "category=no_category",
      "location=not_by_location",
      "daysOfInventory=no_sales",
    ]);
    expect(JSON.parse(JSON.stringify(record)).closingValue).toBe("0.3");
  });
});
