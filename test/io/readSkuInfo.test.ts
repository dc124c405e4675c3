import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSkuInfo } from "../../src/io/readSkuInfo.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { textStream } from "./helpers.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/io");

describe("readSkuInfo", () => {
  it("reads a SKU master CSV: numbers parsed, money kept as text, problems with lines", async () => {
    const result = await readSkuInfo(join(FIXTURES, "skus.csv"));
    expect(result.skuInfo).toEqual([
      {
        sku: "A-100",
        description: "螺丝 M8, stainless",
        category: "Fasteners",
        standardCost: "1.20",
        leadTimeDays: 14,
        serviceLevel: 0.95,
        packSize: 100,
      },
      { sku: "B-200", description: "Washer", category: "Fasteners", leadTimeDays: 7 },
    ]);
    expect(result.issues.map((i) => `${i.line} ${i.row} ${i.field} ${i.code} ${i.value}`)).toEqual([
      '4 2 standardCost invalid_money "abc"',
      "4 2 leadTimeDays invalid_quantity -2",
      "4 2 serviceLevel invalid_quantity 1.5",
      "4 2 packSize invalid_quantity 0",
      '5 3 sku duplicate_id "A-100"',
      '6 4 sku empty_sku " "',
      '7 5 leadTimeDays invalid_type "two"',
    ]);
    expect(result.issues.find((i) => i.field === "serviceLevel")?.message).toBe(
      "serviceLevel must be in (0, 1)",
    );
    expect(result.ignoredColumns).toEqual(["supplier"]);
    expect(result.rows).toBe(6);
  });

  it("rejects negative prices and costs (negative_money), accepts zero, -0.00 included", async () => {
    const csv = "sku,unitPrice,standardCost,orderCost\nA,-1.50,2,0\nB,0,-0.00,-3\n";
    const result = await readSkuInfo(textStream(csv));
    expect(result.skuInfo).toEqual([]);
    expect(result.issues.map((i) => `${i.row} ${i.field} ${i.code} ${i.message}`)).toEqual([
      "0 unitPrice negative_money unitPrice must not be negative",
      "1 orderCost negative_money orderCost must not be negative",
    ]);
  });

  it("reports a standardCost too precise for exact amounts, each with its line (found by an audit: analyze refused what validate passed)", async () => {
    const csv =
      "sku,standardCost,leadTimeDays\n" +
      "A,0.0000000000001,-1\n" +
      "B,12345678901234567,3\n" +
      "C,0.000000000001,\n" +
      "D,999999999999999,\n" +
      "E,1.500000000000000,\n";
    const result = await readSkuInfo(textStream(csv));
    expect(result.issues.map((i) => `${i.line} ${i.row} ${i.field} ${i.code} ${i.value}`)).toEqual([
      '2 0 standardCost money_precision "0.0000000000001"',
      "2 0 leadTimeDays invalid_quantity -1",
      '3 1 standardCost money_precision "12345678901234567"',
    ]);
    expect(result.issues[0]?.message).toBe(
      "standardCost must have at most 12 decimal places (it has 13): round it (10 / 3 as 3.333333, a share of a total in whole cents)",
    );
    // The message names the limit broken (found by an audit: 1e300 was said to have too many digits).
    expect(result.issues[2]?.message).toBe(
      "standardCost must be below 10^15 (it has 17 digits before the point)",
    );
    // 12 places, 15 digits, and trailing zeros are fine: what readSkuInfo passes, analyze takes.
    expect(result.skuInfo.map((info) => info.standardCost)).toEqual([
      "0.000000000001",
      "999999999999999",
      "1.500000000000000",
    ]);
    const movements = [{ sku: "C", date: "2025-01-02", type: "receipt" as const, quantity: 1 }];
    const period = { from: "2025-01-01", to: "2025-01-31" };
    expect(() => analyzeLedger(movements, { skuInfo: result.skuInfo, period })).not.toThrow();
    // And what it refuses, analyze refuses too, for the same reason (checked before the ledger).
    const tooPrecise = [{ sku: "A", standardCost: "0.0000000000001" }];
    expect(() => analyzeLedger(movements, { skuInfo: tooPrecise, period })).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        issues: [expect.objectContaining({ field: "standardCost", code: "money_precision" })],
      }) as Error,
    );

    // JSON numbers and strings alike; a negative amount is negative_money, not both.
    const ndjson =
      '{"sku":"A","standardCost":0.0000000000001,"orderCost":"-1e-13"}\n' +
      '{"sku":"B","standardCost":"12345678901234567"}\n';
    const fromNdjson = await readSkuInfo(textStream(ndjson), { format: "ndjson" });
    expect(fromNdjson.issues.map((i) => `${i.line} ${i.field} ${i.code}`)).toEqual([
      "1 standardCost money_precision",
      "1 orderCost negative_money",
      "2 standardCost money_precision",
    ]);
  });

  it("takes unitPrice and orderCost at any precision, as analyzeLedger does (found by a review: only standardCost enters the replay's scaled amounts)", async () => {
    const csv =
      "sku,unitPrice,orderCost\n" +
      "A,1.0000000000001,12345678901234.56\n" +
      "B,12345678901234567,0.1234567890123\n";
    const result = await readSkuInfo(textStream(csv));
    expect(result.issues).toEqual([]);
    expect(result.skuInfo).toEqual([
      { sku: "A", unitPrice: "1.0000000000001", orderCost: "12345678901234.56" },
      { sku: "B", unitPrice: "12345678901234567", orderCost: "0.1234567890123" },
    ]);
    const ndjson = '{"sku":"A","unitPrice":0.0000000000001,"orderCost":12345678901234567}\n';
    const fromNdjson = await readSkuInfo(textStream(ndjson), { format: "ndjson" });
    expect(fromNdjson.issues).toEqual([]);
    // The library takes the same rows in memory: the reader and analyzeLedger agree.
    const movements = [
      { sku: "A", date: "2025-01-02", type: "receipt" as const, quantity: 5, unitCost: 2 },
      { sku: "A", date: "2025-01-03", type: "issue" as const, quantity: 1, unitPrice: 3 },
    ];
    const period = { from: "2025-01-01", to: "2025-01-31" };
    for (const skuInfo of [result.skuInfo, fromNdjson.skuInfo]) {
      const report = analyzeLedger(movements, { skuInfo, period, turnoverBasis: "retail" });
      expect(report.rows[0]?.turnover).not.toBeNull();
    }
  });

  it("names the line of a duplicate SKU's first row (found by an audit: only its 0-based row)", async () => {
    const csv = 'sku,description\nX,"two\nlines"\nA,a\nA,b\n';
    const result = await readSkuInfo(textStream(csv));
    expect(result.issues.map((i) => `${i.line} ${i.row} ${i.code} ${i.message}`)).toEqual([
      "5 2 duplicate_id sku is already listed on row 1 (line 4)",
    ]);
  });

  it("reports a duplicate SKU whose first row is invalid (found by an input audit)", async () => {
    // The first row's SKU cell is valid: the SKU is listed there, whatever its other cells.
    const csv =
      "sku,category,leadTimeDays,serviceLevel\nA,tools,1e1,95%\nA,tools,7,0.95\nB,,-1,\nB,,-2,\n";
    const result = await readSkuInfo(textStream(csv));
    expect(result.issues.map((i) => `${i.line} ${i.row} ${i.field} ${i.code}`)).toEqual([
      "2 0 leadTimeDays invalid_type",
      "2 0 serviceLevel invalid_type",
      "3 1 sku duplicate_id",
      "4 2 leadTimeDays invalid_quantity",
      "5 3 sku duplicate_id",
      "5 3 leadTimeDays invalid_quantity",
    ]);
    expect(result.issues[2]?.message).toBe("sku is already listed on row 0 (line 2)");
    expect(result.skuInfo).toEqual([]);
    const ndjson = '{"sku":"A","serviceLevel":2}\n{"sku":"A"}\n{"sku":""}\n{"sku":""}\n';
    const fromNdjson = await readSkuInfo(textStream(ndjson), { format: "ndjson" });
    expect(fromNdjson.issues.map((i) => `${i.line} ${i.field} ${i.code}`)).toEqual([
      "1 serviceLevel invalid_quantity",
      "2 sku duplicate_id",
      "3 sku empty_sku",
      "4 sku empty_sku",
    ]);
  });

  it("lists unknown NDJSON and JSON keys, and leaves out a row that gives a field under two keys", async () => {
    const ndjson =
      '{"sku":"A","lead_time":3}\n{"sku":"B","leadTimeDays":3,"LeadTimeDays":5,"lead_time":1}\n{"sku":"C"}\n';
    const result = await readSkuInfo(textStream(ndjson), { format: "ndjson" });
    expect(result.ignoredColumns).toEqual(["lead_time"]);
    expect(result.ignoredColumnCount).toBe(1);
    // Row 0's lead_time, without leadTimeDays, is a near miss (its value would go unread).
    expect(result.issues.map((i) => `${i.line} ${i.row} ${i.field} ${i.code}`)).toEqual([
      "1 0 lead_time misspelt_field",
      "2 1 leadTimeDays parse_error",
    ]);
    expect(result.skuInfo.map((info) => info.sku)).toEqual(["C"]);
    const json = await readSkuInfo(textStream(`[${ndjson.trim().split("\n").join(",\n")}]`), {
      format: "json",
    });
    expect(json.ignoredColumns).toEqual(["lead_time"]);
    expect(json.issues).toEqual(result.issues);
    // Keys of their own on every row: the first 20 listed, all counted.
    const perRow = Array.from({ length: 50 }, (_, k) => `{"sku":"S${k}","x_${k}":1}`).join("\n");
    const many = await readSkuInfo(textStream(perRow), { format: "ndjson" });
    expect(many.skuInfo).toHaveLength(50);
    expect(many.ignoredColumns).toEqual(Array.from({ length: 20 }, (_, k) => `x_${k}`));
    expect(many.ignoredColumnCount).toBe(50);
  });

  // Found by a review: `Lead Time` without a leadTimeDays column was an ignored column in a file
  // but a problem in memory (`{ "Lead Time": 3 }`); now both refuse it, naming the field meant.
  it("reports a column that is a near miss of a field whose column is absent", async () => {
    const csv = "SKU,Lead Time,Review Period,Lead Times,Supplier\nA,3,7,x,ACME\nB,4,7,y,ACME\n";
    const result = await readSkuInfo(textStream(csv));
    expect(result.issues.map((i) => `${i.line} ${i.row} ${i.field} ${i.code}`)).toEqual([
      "1 -1 Lead Time misspelt_field",
      "1 -1 Review Period misspelt_field",
    ]);
    expect(result.issues[0]?.message).toBe(
      "Lead Time is no SKU master field (did you mean 'leadTimeDays'?): field names are matched case, spaces, _ and - aside, so its value would go unread",
    );
    expect(result.ignoredColumns).toEqual(["Lead Time", "Review Period", "Lead Times", "Supplier"]);
    // With the field's own column, the other is data, ignored as any unknown column.
    const both = await readSkuInfo(textStream("sku,Lead Time,leadTimeDays\nA,3 days,3\n"));
    expect([both.issues, both.ignoredColumns]).toEqual([[], ["Lead Time"]]);
    // NDJSON and JSON: a row's key, when the row lacks the field, as in memory.
    const ndjson = '{"sku":"A","Lead Time":3}\n{"sku":"B","Lead Time":3,"leadTimeDays":3}\n';
    for (const format of ["ndjson", "json"] as const) {
      const text = format === "ndjson" ? ndjson : `[${ndjson.trim().split("\n").join(",\n")}]`;
      const read = await readSkuInfo(textStream(text), { format });
      expect(read.issues.map((i) => `${i.line} ${i.row} ${i.field} ${i.code} ${i.value}`)).toEqual([
        "1 0 Lead Time misspelt_field 3",
      ]);
      expect(read.skuInfo.map((info) => info.sku)).toEqual(["B"]);
    }
  });

  it("maps header names and reads NDJSON and JSON with typed values as they are", async () => {
    const csv = "Item Code,Lead Time,Std Cost\nA,3,0.5\n";
    const mapped = await readSkuInfo(textStream(csv), {
      columns: { sku: "item code", leadTimeDays: "Lead Time", standardCost: "STD COST" },
    });
    expect(mapped.skuInfo).toEqual([{ sku: "A", leadTimeDays: 3, standardCost: "0.5" }]);

    const ndjson =
      '{"sku":"A","leadTimeDays":3}\n{"sku":"B","leadTimeDays":"3"}\n{"category":"x"}\n';
    const fromNdjson = await readSkuInfo(textStream(ndjson), { format: "ndjson" });
    expect(fromNdjson.skuInfo).toEqual([{ sku: "A", leadTimeDays: 3 }]);
    expect(fromNdjson.issues.map((i) => `${i.line} ${i.field} ${i.code}`)).toEqual([
      "2 leadTimeDays invalid_type",
      "3 sku missing_field",
    ]);

    const json = '[{"sku":"A","standardCost":1.25},\n 7]';
    const fromJson = await readSkuInfo(textStream(json), { format: "json" });
    expect(fromJson.skuInfo).toEqual([{ sku: "A", standardCost: 1.25 }]);
    expect(fromJson.issues.map((i) => `${i.line} ${i.row} ${i.code}`)).toEqual([
      "2 1 not_an_object",
    ]);
  });

  it("reports a file without a sku column once, and an empty file", async () => {
    const noSku = await readSkuInfo(textStream("code,category\nA,x\nB,y\n"));
    expect(noSku.issues.map((i) => `${i.line} ${i.row} ${i.field} ${i.code}`)).toEqual([
      "1 -1 sku missing_field",
    ]);
    expect(noSku.skuInfo).toEqual([]);
    const empty = await readSkuInfo(textStream(""));
    expect(empty.issues.map((i) => i.code)).toEqual(["parse_error"]);
  });

  it("throws invalid_option for a column mapping of an unknown field", async () => {
    const error = await readSkuInfo(textStream("sku\n"), {
      columns: { supplier: "x" } as never,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvKpiError);
    expect((error as InvKpiError).code).toBe("invalid_option");
  });
});

// Found by a review: the ledger reader refuses a number whose digits a double cannot hold, and an
// invisible character in a number or amount; the SKU master reader rounded the one silently and
// took the other. It now applies the same rules (quantityTextProblem, invisibleCharacter).
describe("readSkuInfo: number and amount cells as the ledger reader reads them", () => {
  it("refuses digits a double cannot hold in a number cell, showing the cell as written", async () => {
    const csv =
      "sku,onOrder,serviceLevel,leadTimeDays\n" +
      "A,12345678901234567890,0.95,7\n" +
      "B,5,0.950000000000000000001,7\n" +
      "C,12345678901234.125,0.1234567890123456,0.00000000001\n";
    const result = await readSkuInfo(textStream(csv));
    expect(result.issues.map((i) => `${i.line} ${i.field} ${i.code} ${i.value}`)).toEqual([
      "2 onOrder quantity_precision 12345678901234567890",
      "3 serviceLevel quantity_precision 0.950000000000000000001",
    ]);
    expect(result.issues[0]?.message).toBe(
      "onOrder must have at most 15 significant digits, or more only where a number holds the decimal exactly (it has 19, and would be read as 12345678901234567000)",
    );
    // Digits a double holds exactly, and decimal places, are no problem for master numbers.
    expect(result.skuInfo).toEqual([
      {
        sku: "C",
        onOrder: 12345678901234.125,
        serviceLevel: 0.1234567890123456,
        leadTimeDays: 1e-11,
      },
    ]);
  });

  it("refuses an invisible character in a number or amount cell, naming it", async () => {
    const csv =
      "sku,leadTimeDays,packSize,standardCost,orderCost\n" +
      "A,7\uFEFF,12,1.50,3\n" +
      "B,7,\u200B12,1.50\u00A0,3\n" +
      "C, 7\t,12,\t1.50 ,3\n";
    const result = await readSkuInfo(textStream(csv));
    // The value as the ledger reader shows it: the cell's text as written, quoted.
    expect(result.issues.map((i) => `${i.line} ${i.field} ${i.code} ${i.value}`)).toEqual([
      '2 leadTimeDays invalid_type "7\uFEFF"',
      '3 standardCost invalid_money "1.50\u00A0"',
      '3 packSize invalid_type "\u200B12"',
    ]);
    expect(result.issues[0]?.message).toBe(
      "leadTimeDays must be a plain decimal number, but holds U+FEFF (zero width no-break space, a byte order mark), an invisible character (only spaces and tabs may surround a number)",
    );
    expect(result.issues[1]?.message).toBe(
      "standardCost must be a decimal amount, but holds U+00A0 (no-break space), an invisible character (only spaces and tabs may surround an amount)",
    );
    expect(result.skuInfo).toEqual([
      { sku: "C", leadTimeDays: 7, packSize: 12, standardCost: "\t1.50 ", orderCost: "3" },
    ]);
  });

  it("refuses digits a double cannot hold in an NDJSON number, as written", async () => {
    const ndjson =
      '{"sku":"A","onOrder":12345678901234567890}\n{"sku":"B","reserved":1.5,"note":"123456789012345678"}\n';
    const result = await readSkuInfo(textStream(ndjson), { format: "ndjson" });
    expect(result.issues.map((i) => `${i.line} ${i.field} ${i.code} ${i.value}`)).toEqual([
      "1 onOrder quantity_precision 12345678901234567890",
    ]);
    expect(result.skuInfo).toEqual([{ sku: "B", reserved: 1.5 }]);
  });
});
