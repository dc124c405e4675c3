import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/io/toCsv.js";
import { toJson } from "../../src/io/toJson.js";
import { toMarkdown } from "../../src/io/toMarkdown.js";
import { toNdjson } from "../../src/io/toNdjson.js";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { toRecords } from "../../src/report/toRecords.js";

describe("toNdjson and toJson", () => {
  const rows = [
    { sku: '螺丝 "M8"\n', value: new Decimal("1234567890123456789.25"), qty: -2, ok: true },
    { sku: "B", value: null, qty: Number.NaN },
  ];

  it("writes one object per line with every column; Decimals as exact text, empty as null", () => {
    expect(toNdjson(rows)).toBe(
      '{"sku":"螺丝 \\"M8\\"\\n","value":"1234567890123456789.25","qty":-2,"ok":true}\n' +
        '{"sku":"B","value":null,"qty":null,"ok":null}\n',
    );
    expect(toNdjson([])).toBe("");
  });

  it("writes a JSON array, one record per line, that parses back to the same objects", () => {
    const text = toJson(rows, { columns: ["sku", "value"] });
    expect(text).toBe(
      '[\n{"sku":"螺丝 \\"M8\\"\\n","value":"1234567890123456789.25"},\n{"sku":"B","value":null}\n]\n',
    );
    expect(JSON.parse(text)).toEqual([
      { sku: '螺丝 "M8"\n', value: "1234567890123456789.25" },
      { sku: "B", value: null },
    ]);
    expect(toJson([])).toBe("[]\n");
  });
});

describe("the writers and toRecords' default records (found by an audit: every writer refused them)", () => {
  const report = analyzeLedger(
    [
      { sku: "A", date: "2025-01-01", type: "receipt", quantity: 10, unitCost: "1.50" },
      { sku: "A", date: "2025-01-03", type: "issue", quantity: 4 },
    ],
    { period: { from: "2025-01-01", to: "2025-01-31" } },
  );

  it("JSON and NDJSON write reasons as an object, as toRecords gives it", () => {
    const records = toRecords(report);
    const [line] = toNdjson(records).trim().split("\n");
    const parsed = JSON.parse(line as string) as Record<string, unknown>;
    expect(parsed.reasons).toEqual(records[0]?.reasons);
    expect(parsed.reasons).toMatchObject({ leadTimeDays: "no_lead_time" });
    expect(JSON.parse(toJson(records))).toEqual([parsed]);
  });

  it("an object inside an object cell, or an array, is still refused", () => {
    expect(() => toNdjson([{ a: { b: { c: 1 } } } as never])).toThrow(
      /column a\.b: a cell must be .*\(objects of cells nest one level deep only\)$/,
    );
    expect(() => toNdjson([{ a: [1] } as never])).toThrow(InvKpiError);
    // A Date is no object of cells: no advice to use a JSON writer.
    expect(() => toCsv([{ a: new Date(0) } as never])).toThrow(/got .*[^)]$/);
  });

  it("keeps a key named __proto__ (found in review: it vanished)", () => {
    const record = JSON.parse('{"__proto__":"x","reasons":{"__proto__":"y"}}');
    expect(toNdjson([record])).toBe('{"__proto__":"x","reasons":{"__proto__":"y"}}\n');
  });

  it("CSV and Markdown refuse an object cell and say how to flatten it", () => {
    expect(() => toCsv(toRecords(report) as never)).toThrow(/reasons: 'text'/);
    expect(() => toMarkdown(toRecords(report) as never)).toThrow(/reasons: 'text'/);
    expect(toCsv(toRecords(report, { reasons: "text" }))).toMatch(/leadTimeDays=no_lead_time/);
  });
});
