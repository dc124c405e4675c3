import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeLedgerFile } from "../../src/io/analyzeLedgerFile.js";
import type { ReadProgress } from "../../src/io/openTextInput.js";
import { READ_LEDGER_OPTIONS, readLedger } from "../../src/io/readLedger.js";
import { toLedgerColumns } from "../../src/ledger/validateLedger.js";
import { InvKpiError, type LedgerIssue } from "../../src/model/InvKpiError.js";
import { byteStream, columnsView, textStream } from "./helpers.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/io");
const fixture = (name: string): string => join(FIXTURES, name);

/** Issues as short `line row field code` strings, easy to compare. */
function brief(issues: readonly LedgerIssue[]): string[] {
  return issues.map((i) => `${i.line} ${i.row} ${i.field} ${i.code}`);
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<InvKpiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvKpiError);
  expect((error as InvKpiError).code).toBe(code);
  return error as InvKpiError;
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "invkpi-io-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readLedger: CSV", () => {
  it("reads a file with a UTF-8 BOM, CRLF line ends and quoted commas, quotes and line breaks", async () => {
    const bytes = readFileSync(fixture("ledger-bom-crlf.csv"));
    // The fixture must really have what it tests (a checkout that rewrote line ends would not).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").split("\r\n")).toHaveLength(8); // 5 rows, one of 2 lines, + header + end

    const result = await readLedger(fixture("ledger-bom-crlf.csv"));
    expect(result.issues).toEqual([]);
    expect(result.rows).toBe(5);
    expect(result.format).toBe("csv");
    expect(result.ignoredColumns).toEqual([]);
    // The same ledger written by hand as movement objects, through the core's own columns builder.
    const expected = toLedgerColumns([
      {
        sku: "BOLT-M8",
        date: "2025-01-02",
        type: "receipt",
        quantity: 100,
        unitCost: "0.125",
        location: "W1",
        lot: "L1",
        expiresOn: "2026-06-30",
        id: "R-1",
      },
      {
        sku: "BOLT-M8",
        date: "2025-01-05",
        type: "issue",
        quantity: 40,
        unitPrice: "0.30",
        location: "W1",
        id: "I-1",
      },
      {
        sku: '螺丝, M8 "不锈钢"',
        date: "2025-01-06",
        type: "receipt",
        quantity: 10.5,
        unitCost: "2.50",
        location: "东仓",
        id: "R-2",
      },
      {
        sku: "NUT\r\nM8",
        date: "2025-01-07",
        type: "adjustment",
        quantity: -1,
        location: "W1",
        id: "A-1",
      },
      {
        sku: "BOLT-M8",
        date: "2025-01-08",
        type: "return",
        quantity: 2,
        unitPrice: "0.30",
        location: "W1",
        id: "T-1",
      },
    ]);
    expect(columnsView(result.columns)).toEqual(columnsView(expected));
    expect(result.columns.skus).toEqual(["BOLT-M8", '螺丝, M8 "不锈钢"', "NUT\r\nM8"]);
    // Header on line 1; the NUT record spans lines 5 and 6, so the last row starts on line 7.
    expect([0, 1, 2, 3, 4].map(result.lineOf)).toEqual([2, 3, 4, 5, 7]);
    expect(result.lineOf(5)).toBeUndefined();
  });

  it("reads the same ledger from a stream of bytes cut anywhere, even inside a character", async () => {
    const text = readFileSync(fixture("ledger-bom-crlf.csv"), "utf8");
    const whole = await readLedger(fixture("ledger-bom-crlf.csv"));
    const length = Buffer.byteLength(text);
    for (const cuts of [[1], [2], [3, 4, 5], [60, 61, 62], [100, 130, 131, 132], [length - 1]]) {
      const streamed = await readLedger(byteStream(text, cuts));
      expect(columnsView(streamed.columns)).toEqual(columnsView(whole.columns));
      expect(streamed.issues).toEqual([]);
    }
    // A stream of text (not bytes) that starts with the BOM character: dropped as well.
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const fromText = await readLedger(textStream(text, [1, 2, 50]));
    expect(columnsView(fromText.columns)).toEqual(columnsView(whole.columns));
  });

  it("maps ERP header names case-insensitively and ignores unknown columns", async () => {
    const result = await readLedger(fixture("erp-export.csv"), {
      columns: {
        sku: "item code", // the file says "Item Code"
        date: "Posting Date",
        type: "MOVEMENT TYPE",
        quantity: "Qty",
        unitCost: "Unit Cost",
        unitPrice: "Sales Price",
        location: "Warehouse",
        id: " Document No ",
      },
    });
    expect(result.issues).toEqual([]);
    expect(result.ignoredColumns).toEqual(["Description"]);
    expect(columnsView(result.columns)).toEqual(
      columnsView(
        toLedgerColumns([
          {
            sku: "A-100",
            date: "2025-03-01",
            type: "receipt",
            quantity: 50,
            unitCost: "1.20",
            location: "Main",
            id: "D-1",
          },
          {
            sku: "A-100",
            date: "2025-03-02",
            type: "issue",
            quantity: 5,
            unitPrice: "2.00",
            location: "Main",
            id: "D-2",
          },
          {
            sku: "B-200",
            date: "2025-03-02",
            type: "receipt",
            quantity: 200,
            unitCost: "0.05",
            location: "Main",
            id: "D-3",
          },
          {
            sku: "B-200",
            date: "2025-03-03",
            type: "issue",
            quantity: 20,
            unitPrice: "0.10",
            location: "Main",
            id: "D-4",
          },
        ]),
      ),
    );
  });

  it("matches default header names case-insensitively and after trimming", async () => {
    const csv = " SKU ,Date,TYPE,Quantity,UnitCost\nA,2025-01-01,receipt,1,2\n";
    const result = await readLedger(textStream(csv));
    expect(result.issues).toEqual([]);
    expect(result.columns.length).toBe(1);
  });

  it("reports an unclosed quote as one issue on the line where its record starts", async () => {
    const result = await readLedger(fixture("unclosed-quote.csv"));
    expect(brief(result.issues)).toEqual(["4 2  parse_error"]);
    expect(result.issues[0]?.message).toMatch(/unclosed quote/);
    expect(result.rows).toBe(3);
    expect(result.columns.length).toBe(2);
  });

  it("reports records with the wrong number of fields and keeps the others", async () => {
    const result = await readLedger(fixture("wrong-columns.csv"));
    expect(brief(result.issues)).toEqual(["3 1  parse_error", "4 2  parse_error"]);
    expect(result.issues.map((i) => i.message)).toEqual([
      "the record has 4 fields but the header has 5",
      "the record has 6 fields but the header has 5",
    ]);
    expect(Array.from(result.columns.row)).toEqual([0, 3]);
  });

  it("finds a bad date on line 5 000 of a 10 000-line file", async () => {
    // Line 1 is the header, so line L holds data row L - 2.
    const lines = ["sku,date,type,quantity,unitCost"];
    for (let line = 2; line <= 10_000; line++) {
      const date = line === 5_000 ? "2025-02-30" : "2025-01-15";
      lines.push(`SKU-${line % 37},${date},receipt,${(line % 9) + 1},1.25`);
    }
    const text = `${lines.join("\n")}\n`;
    const path = join(dir, "bad-date.csv");
    await writeFile(path, text);
    const fromFile = await readLedger(path);
    expect(fromFile.rows).toBe(9_999);
    expect(fromFile.issues).toEqual([
      {
        row: 4_998,
        line: 5_000,
        field: "date",
        code: "invalid_date",
        message: "date must be a real calendar day as 'YYYY-MM-DD' or a valid Date",
        value: '"2025-02-30"',
      },
    ]);
    expect(fromFile.columns.length).toBe(9_998);
    // Streamed in small pieces, the answer is the same.
    const cuts = Array.from({ length: 200 }, (_, k) => k * 997 + 13);
    const fromStream = await readLedger(textStream(text, cuts));
    expect(fromStream.issues).toEqual(fromFile.issues);
  });

  it("reports an empty file as a parse_error on line 1", async () => {
    const result = await readLedger(fixture("empty.csv"));
    expect(result.issues).toEqual([
      {
        row: -1,
        line: 1,
        field: "",
        code: "parse_error",
        message: "the file is empty: a CSV file needs a header row",
      },
    ]);
    expect(result.rows).toBe(0);
    expect(result.columns.length).toBe(0);
  });

  it("accepts a header without rows", async () => {
    const result = await readLedger(textStream("sku,date,type,quantity\r\n"));
    expect(result.issues).toEqual([]);
    expect(result.rows).toBe(0);
  });

  it("reports a missing required column once, not per row, and checks no row", async () => {
    const csv = "sku,date,quantity,note\nA,2025-01-01,1,x\nB,bad,zz,y\nC,2025-01-01\n";
    const result = await readLedger(textStream(csv));
    // Not even a record of the wrong length is reported: the header is the file's problem.
    expect(result.issues.map((i) => [i.line, i.row, i.field, i.code, i.message])).toEqual([
      [
        1,
        -1,
        "type",
        "missing_field",
        'the header has no type column; the header has 4 columns: "sku", "date", "quantity", "note"',
      ],
    ]);
    expect(result.rows).toBe(3);
    expect(result.columns.length).toBe(0);
  });

  it("names the mapped header of a missing column, and hints at another delimiter", async () => {
    const mapped = await readLedger(textStream("sku,date,type\n"), {
      columns: { quantity: "Qty" },
    });
    expect(mapped.issues.map((i) => i.message)).toEqual([
      'the header has no column "Qty" (for quantity); the header has 3 columns: "sku", "date", "type"',
    ]);
    const semicolons = await readLedger(
      textStream("sku;date;type;quantity\nA;2025-01-01;issue;1\n"),
    );
    expect(semicolons.issues).toHaveLength(4);
    expect(semicolons.issues[0]?.message).toMatch(/is the delimiter ";"\?/);
    const fixed = await readLedger(textStream("sku;date;type;quantity\nA;2025-01-01;issue;1\n"), {
      delimiter: ";",
    });
    expect(fixed.issues).toEqual([]);
  });

  it("reads tab-separated files, by option or from a .tsv name", async () => {
    const tsv = "sku\tdate\ttype\tquantity\nA, large\t2025-01-01\tissue\t3\n";
    const path = join(dir, "ledger.tsv");
    await writeFile(path, tsv);
    for (const result of [
      await readLedger(path),
      await readLedger(textStream(tsv), { delimiter: "\t" }),
    ]) {
      expect(result.issues).toEqual([]);
      expect(result.columns.skus).toEqual(["A, large"]);
    }
  });

  it("rejects quantities that are not plain decimal numbers, with their line", async () => {
    const csv = [
      "sku,date,type,quantity",
      'A,2025-01-01,issue,"1,5"',
      "A,2025-01-01,issue,",
      "A,2025-01-01,issue,abc",
      "A,2025-01-01,issue,1e3",
      "A,2025-01-01,issue,12 kg",
      "A,2025-01-01,issue, 12 ",
      "A,2025-01-01,issue,+3",
      "A,2025-01-01,adjustment,-.5",
      "A,2025-01-01,issue,0",
    ].join("\n");
    const result = await readLedger(textStream(csv));
    expect(brief(result.issues)).toEqual([
      "2 0 quantity invalid_type",
      "3 1 quantity invalid_type",
      "4 2 quantity invalid_type",
      "5 3 quantity invalid_type",
      "6 4 quantity invalid_type",
      "10 8 quantity zero_quantity",
    ]);
    expect(result.issues.slice(0, 2).map((i) => i.value)).toEqual(['"1,5"', '""']);
    expect(Array.from(result.columns.quantity)).toEqual([12, 3, -0.5]);
  });

  it("treats blank optional cells as absent and keeps money exact", async () => {
    const csv = [
      "sku,date,type,quantity,unitCost,unitPrice,location,lot,expiresOn,id",
      "A,2025-01-01,receipt,3,0.1000000001,, ,,,",
      "A,2025-01-02,receipt,3,,,,,,",
      "A,2025-01-03,receipt,3,-1,,,,2025-02-30,",
    ].join("\n");
    const result = await readLedger(textStream(csv));
    expect(result.issues.map((i) => [i.line, i.field, i.code, i.value])).toEqual([
      [3, "unitCost", "missing_cost", undefined],
      [4, "unitCost", "negative_money", '"-1"'],
      [4, "expiresOn", "invalid_date", '"2025-02-30"'],
    ]);
    expect(result.columns.costUnits[0]).toBe(1_000_000_001);
    expect(result.columns.costDecimals[0]).toBe(10);
    expect(result.columns.location[0]).toBe(-1); // a cell of spaces is absent
  });

  it("lets receipts of a SKU with a standard cost omit unitCost (skuInfo)", async () => {
    const csv = "sku,date,type,quantity\nA,2025-01-01,receipt,3\nB,2025-01-01,receipt,3\n";
    const result = await readLedger(textStream(csv), {
      skuInfo: [{ sku: "A", standardCost: "2" }],
    });
    expect(brief(result.issues)).toEqual(["3 1 unitCost missing_cost"]);
  });

  it("reports duplicate ids with the line of the later row", async () => {
    const csv =
      "sku,date,type,quantity,unitCost,id\nA,2025-01-01,receipt,3,1,X\nA,2025-01-02,receipt,3,1,X\n";
    const result = await readLedger(textStream(csv));
    expect(brief(result.issues)).toEqual(["3 1 id duplicate_id"]);
  });

  it("reports two columns that match one field, naming both, and reads no row", async () => {
    const csv = "sku,SKU,date,type,quantity\nA,B,2025-01-01,issue,1\n";
    const result = await readLedger(textStream(csv));
    expect(brief(result.issues)).toEqual(["1 -1 sku parse_error"]);
    expect(result.columns.length).toBe(0);
    expect(result.ignoredColumns).toEqual([]);
  });

  it("decodes other encodings when asked (GBK, common in Chinese ERP exports)", async () => {
    const header = Buffer.from("sku,date,type,quantity\n", "ascii");
    const row = Buffer.concat([
      Buffer.from([0xc2, 0xdd, 0xcb, 0xbf]), // 螺丝 in GBK
      Buffer.from(",2025-01-01,issue,1\n", "ascii"),
    ]);
    const path = join(dir, "gbk.csv");
    await writeFile(path, Buffer.concat([header, row]));
    const result = await readLedger(path, { encoding: "gbk" });
    expect(result.columns.skus).toEqual(["螺丝"]);
    // Read as UTF-8, the same bytes are an error, never silently replaced characters.
    const error = await expectCode(readLedger(path), "io_error");
    expect(error.message).toMatch(/not valid utf-8/);
  });

  it("names the line and byte offset of bytes that are not UTF-8 (found by an audit: neither was named)", async () => {
    // 3 000 plain rows (the fast path takes them), then a SKU with the byte 0xff on line 3 002.
    const header = "sku,date,type,quantity,unitCost\n";
    const plain = "A,2025-01-02,receipt,1,1\n".repeat(3000);
    const bytes = Buffer.concat([
      Buffer.from(`${header}${plain}B`),
      Buffer.from([0xff]),
      Buffer.from(",2025-01-02,receipt,1,1\nC,2025-13-02,receipt,1,1\n"),
    ]);
    const path = join(dir, "bad-utf8.csv");
    await writeFile(path, bytes);
    const offset = header.length + plain.length + 1;
    const error = await expectCode(readLedger(path), "io_error");
    expect(error.message).toBe(
      `readLedger: cannot read ${path}: the text is not valid utf-8 on line 3002 (byte 0xff at byte offset ${offset}): it looks like a single-byte encoding; Western European text (from Excel on Windows, say) is usually windows-1252: read it with the encoding option "windows-1252" (--encoding windows-1252 on the command line)`,
    );
    const suggestedEncoding = "windows-1252";
    expect(error.details).toEqual({ source: path, line: 3002, offset, suggestedEncoding });
    // The same through decoded text chunks cut anywhere (the general path), and as NDJSON or JSON.
    for (const cuts of [[], [offset - 1], [offset], [offset + 1], [7, 8, 9]]) {
      const general = await expectCode(
        readLedger(bufferStream(bytes, cuts), { format: "csv" }),
        "io_error",
      );
      expect(general.details).toEqual({
        source: "the input stream",
        line: 3002,
        offset,
        suggestedEncoding,
      });
    }
    const ndjson = Buffer.concat([
      Buffer.from('{"sku":"A"}\n\n{"sku":"'),
      Buffer.from([0xc3, 0x28]), // a lead byte whose character never comes
      Buffer.from('"}\n'),
    ]);
    const fromNdjson = await expectCode(
      readLedger(bufferStream(ndjson, [19]), { format: "ndjson" }),
      "io_error",
    );
    expect(fromNdjson.message).toMatch(
      /not valid utf-8 on line 3 \(bytes 0xc3 0x28 at byte offset 21\): it looks like a single-byte /,
    );
    const json = Buffer.concat([
      Buffer.from('[\n{"sku":"A"},\n{"sku":"\u00e9'),
      Buffer.from([0x80]),
      Buffer.from('"}]'),
    ]);
    const fromJson = await expectCode(
      readLedger(bufferStream(json, [24]), { format: "json" }),
      "io_error",
    );
    expect(fromJson.details).toEqual({
      source: "the input stream",
      line: 3,
      offset: 25,
      suggestedEncoding,
    });
  });

  it("names the line of a character cut short by the end of the input", async () => {
    const bytes = Buffer.concat([
      Buffer.from("sku,date,type,quantity\nA,2025-01-02,issue,1\r\nB"),
      Buffer.from([0xe2, 0x82]),
    ]);
    const error = await expectCode(readLedger(bufferStream(bytes, [47])), "io_error");
    expect(error.message).toMatch(
      /the text is not valid utf-8: it ends inside a character on line 3 \(bytes 0xe2 0x82 at byte offset 46\)$/,
    );
  });

  it("reports progress with bytes, the file size and rows", async () => {
    const calls: ReadProgress[] = [];
    const path = fixture("ledger-bom-crlf.csv");
    const size = readFileSync(path).length;
    const result = await readLedger(path, { onProgress: (p) => calls.push(p) });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.at(-1)).toEqual({ bytesRead: size, totalBytes: size, rows: result.rows });
  });
});

describe("readLedger: NDJSON and JSON", () => {
  it("reads NDJSON line by line, skipping blank lines, with each problem's line", async () => {
    const result = await readLedger(fixture("ledger.ndjson"));
    expect(result.format).toBe("ndjson");
    expect(result.rows).toBe(5);
    expect(brief(result.issues)).toEqual([
      "3 1 quantity invalid_type",
      "4 2  parse_error",
      "5 3  not_an_object",
    ]);
    expect(result.issues[1]?.message).toMatch(/^the line is not valid JSON/);
    expect(Array.from(result.columns.row)).toEqual([0, 4]);
    expect(result.lineOf(4)).toBe(6);
  });

  it("reads a JSON array, with the line on which each element starts", async () => {
    const result = await readLedger(fixture("ledger.json"));
    expect(result.format).toBe("json");
    expect(result.rows).toBe(4);
    expect(brief(result.issues)).toEqual(["3 1 date invalid_date", "10 3  not_an_object"]);
    expect([0, 1, 2, 3].map(result.lineOf)).toEqual([2, 3, 9, 10]);
    // No line for a row the file does not have.
    expect([4, -1, 1.5].map(result.lineOf)).toEqual([undefined, undefined, undefined]);
  });

  it("reads an empty JSON array: no rows, and no line for any", async () => {
    const result = await readLedger(textStream("[]\n"), { format: "json" });
    expect(result.rows).toBe(0);
    expect(result.issues).toEqual([]);
    expect(result.lineOf(0)).toBeUndefined();
  });

  it("maps JSON keys like CSV headers", async () => {
    const ndjson = '{"Item Code":"A","DATE":"2025-01-01","type":"issue","Qty":2}\n';
    const result = await readLedger(textStream(ndjson), {
      format: "ndjson",
      columns: { sku: "Item Code", quantity: "qty" },
    });
    expect(result.issues).toEqual([]);
    expect(result.columns.skus).toEqual(["A"]);
  });

  it("lists keys that match no field in ignoredColumns, each once (found by an audit: dropped silently)", async () => {
    const rows = [
      '{"sku":"A","date":"2025-01-02","type":"receipt","quantity":10,"unitCost":"2.5"}',
      '{"sku":"A","date":"2025-01-03","type":"issue","quantity":4,"sale_price":"5.00","note":"x"}',
      '{"sku":"A","date":"2025-01-04","type":"issue","quantity":1,"sale_price":"5.00"}',
    ];
    const ndjson = await readLedger(textStream(`${rows.join("\n")}\n`), { format: "ndjson" });
    expect(ndjson.issues).toEqual([]);
    expect(ndjson.ignoredColumns).toEqual(["sale_price", "note"]);
    const json = await readLedger(textStream(`[${rows.join(",\n")}]`), { format: "json" });
    expect(json.ignoredColumns).toEqual(["sale_price", "note"]);
    // CSV lists the same name alike.
    const csv = "sku,date,type,quantity,sale_price\nA,2025-01-02,issue,1,5\n";
    expect((await readLedger(textStream(csv))).ignoredColumns).toEqual(["sale_price"]);
  });

  it("lists the first 20 ignored keys or columns and counts them all (found by a review: per-row keys were all kept)", async () => {
    const rows = Array.from(
      { length: 1000 },
      (_, k) =>
        `{"sku":"A","date":"2025-01-02","type":"receipt","quantity":1,"unitCost":1,"meta_${k}":${k},"note":"x"}`,
    );
    const first20 = ["meta_0", "note", ...Array.from({ length: 18 }, (_, k) => `meta_${k + 1}`)];
    const ndjson = await readLedger(textStream(`${rows.join("\n")}\n`), { format: "ndjson" });
    expect([ndjson.issues, ndjson.columns.length]).toEqual([[], 1000]);
    expect(ndjson.ignoredColumns).toEqual(first20);
    expect(ndjson.ignoredColumnCount).toBe(1001);
    const json = await readLedger(textStream(`[${rows.join(",\n")}]`), { format: "json" });
    expect([json.ignoredColumns, json.ignoredColumnCount]).toEqual([first20, 1001]);
    const extra = Array.from({ length: 30 }, (_, k) => `c${k}`);
    const csv = `sku,date,type,quantity,unitCost,${extra.join(",")}\nA,2025-01-02,receipt,1,1${",".repeat(30)}\n`;
    const fromCsv = await readLedger(textStream(csv));
    expect(fromCsv.issues).toEqual([]);
    expect([fromCsv.ignoredColumns, fromCsv.ignoredColumnCount]).toEqual([extra.slice(0, 20), 30]);
    // Nothing ignored: an empty list and a count of 0.
    const plain = await readLedger(textStream("sku,date,type,quantity\nA,2025-01-02,issue,1\n"));
    expect([plain.ignoredColumns, plain.ignoredColumnCount]).toEqual([[], 0]);
  });

  it("leaves out a row that gives one field under two keys, with a parse_error naming them", async () => {
    const ndjson =
      '{"sku":"A","date":"2025-01-02","type":"receipt","quantity":10,"unitCost":"2.5"}\n' +
      '{"sku":"A","date":"2025-01-04","type":"issue","quantity":1,"Quantity":100,"date ":"x"}\n' +
      '{"sku":"A","date":"2025-02-30","type":"issue","quantity":1," QUANTITY":2}\n' +
      '{"sku":"A","date":"2025-01-05","type":"issue","quantity":1}\n';
    const result = await readLedger(textStream(ndjson), { format: "ndjson" });
    expect(brief(result.issues)).toEqual([
      "2 1 date parse_error",
      "2 1 quantity parse_error",
      "3 2 quantity parse_error",
      "3 2 date invalid_date", // the row's other problems are still listed
    ]);
    expect(result.issues[1]?.message).toBe(
      'quantity is given under 2 keys ("quantity", "Quantity"), which match alike (case, spaces, _ and - aside): keep one',
    );
    expect(result.issues[1]?.value).toBe('["quantity","Quantity"]');
    expect(Array.from(result.columns.row)).toEqual([0, 3]);
    expect(result.ignoredColumns).toEqual([]);
    // The same in a JSON array.
    const json = await readLedger(textStream(`[${ndjson.trim().split("\n").join(",\n")}]`), {
      format: "json",
    });
    expect(json.issues).toEqual(result.issues);
  });

  it("reports JSON that does not parse, or is not an array, on its line", async () => {
    const broken = await readLedger(textStream('[\n{"sku": "A"},\n{"sku": }\n]'), {
      format: "json",
    });
    expect(brief(broken.issues)).toEqual(["3 -1  parse_error"]);
    const object = await readLedger(textStream('{"sku": "A"}'), { format: "json" });
    expect(brief(object.issues)).toEqual(["1 -1  parse_error"]);
    const empty = await readLedger(textStream(""), { format: "json" });
    expect(brief(empty.issues)).toEqual(["1 -1  parse_error"]);
  });

  it("reads an empty NDJSON file as an empty ledger", async () => {
    const result = await readLedger(textStream("\n\n"), { format: "ndjson" });
    expect(result.issues).toEqual([]);
    expect(result.rows).toBe(0);
  });
});

describe("readLedger: arguments", () => {
  it("throws io_error for a file that does not exist", async () => {
    const error = await expectCode(readLedger(join(dir, "missing.csv")), "io_error");
    expect(error.details.cause).toBe("ENOENT");
    expect(error.message).toMatch(/^readLedger: cannot read/);
  });

  it("throws io_error when the stream fails", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield "sku,date,type,quantity\n";
      throw new Error("connection reset");
    }
    const error = await expectCode(readLedger(failing()), "io_error");
    expect(error.message).toMatch(/connection reset/);
  });

  it("rejects bad options and sources", async () => {
    const stream = () => textStream("sku,date,type,quantity\n");
    await expectCode(readLedger(stream(), { format: "xml" as "csv" }), "invalid_option");
    await expectCode(readLedger(stream(), { delimiter: "|" as "," }), "invalid_option");
    await expectCode(readLedger(stream(), { encoding: "klingon" }), "invalid_option");
    await expectCode(readLedger(stream(), { columns: { item: "x" } as never }), "invalid_option");
    await expectCode(readLedger(stream(), { columns: { sku: " " } }), "invalid_option");
    await expectCode(readLedger(stream(), { columns: { sku: "A", lot: "a" } }), "invalid_option");
    await expectCode(readLedger(stream(), { onProgress: 5 as never }), "invalid_option");
    await expectCode(readLedger(42 as never), "invalid_argument");
  });

  it("says a stream of rows or numbers is not a file's contents (found by an audit: a TypeError)", async () => {
    async function* rows(): AsyncGenerator<unknown> {
      yield { sku: "A", date: "2025-01-01", type: "receipt", quantity: 1 };
    }
    const error = await expectCode(readLedger(rows() as never), "invalid_argument");
    expect(error.message).toMatch(/^readLedger: the input stream must give text or bytes/);
    expect(error.path).toEqual(["source"]);
    async function* numbers(): AsyncGenerator<unknown> {
      yield "sku,date,type,quantity\n";
      yield 42;
    }
    await expectCode(readLedger(numbers() as never), "invalid_argument");
  });

  it("lets a mapping take another field's name (the other field then has no column)", async () => {
    const csv = "sku,date,type,quantity,unitPrice\nA,2025-01-01,receipt,1,2.5\n";
    const result = await readLedger(textStream(csv), { columns: { unitCost: "unitPrice" } });
    expect(result.issues).toEqual([]);
    expect(result.columns.costUnits[0]).toBe(25);
    expect(Number.isNaN(result.columns.priceUnits[0])).toBe(true);
  });
});

/** A stream of `bytes` cut at the given offsets. */
function bufferStream(bytes: Buffer, cuts: readonly number[]): Readable {
  const pieces: Buffer[] = [];
  let from = 0;
  for (const to of [...cuts, bytes.length]) {
    pieces.push(bytes.subarray(from, to));
    from = to;
  }
  return Readable.from(pieces, { objectMode: true });
}

describe("readLedger: maxIssues", () => {
  /** 30 rows with 4 problems each (120 in all), after a header with a problem of its own. */
  const BAD = `sku,date,type,quantity,"unit"Cost\n${"A,2025-13-45,sell,abc,xx\n".repeat(30)}`;

  it("keeps the first maxIssues issues in file order and counts them all", async () => {
    const whole = await readLedger(textStream(BAD));
    expect([whole.issues.length, whole.issueCount, whole.rowsWithIssues]).toEqual([121, 121, 30]);
    const capped = await readLedger(textStream(BAD), { maxIssues: 20 });
    expect(capped.issues).toEqual(whole.issues.slice(0, 20));
    expect(brief(capped.issues.slice(0, 2))).toEqual([
      "1 -1  parse_error",
      "2 0 date invalid_date",
    ]);
    expect([capped.issueCount, capped.rowsWithIssues, capped.rows]).toEqual([121, 30, 30]);
    const none = await readLedger(textStream(BAD), { maxIssues: 0 });
    expect([none.issues, none.issueCount, none.rowsWithIssues]).toEqual([[], 121, 30]);
  });

  it("counts a problem of the file as a whole, but no row, as problemCount does", async () => {
    const result = await readLedger(textStream("sku,date,kind,quantity\nA,x,y,z\n"), {
      maxIssues: 0,
    });
    expect([result.issues, result.issueCount, result.rowsWithIssues]).toEqual([[], 1, 0]);
  });

  it("is a reader option: listed with the others, and checked", async () => {
    expect(READ_LEDGER_OPTIONS).toContain("maxIssues");
    const stream = () => textStream("sku,date,type,quantity\n");
    for (const bad of [-1, 1.5, Number.NaN, "20", null]) {
      const error = await expectCode(
        readLedger(stream(), { maxIssues: bad as number }),
        "invalid_option",
      );
      expect(error.path).toEqual(["maxIssues"]);
      expect(error.message).toMatch(/^readLedger: maxIssues must be/);
    }
    const all = await readLedger(textStream(BAD), { maxIssues: Number.POSITIVE_INFINITY });
    expect(all.issues.length).toBe(121);
  });

  it("counts every problem found before bytes that are not text, listing the first kept", async () => {
    const bytes = Buffer.concat([Buffer.from(BAD), Buffer.from([0x41, 0xff, 0x0a])]);
    const path = join(dir, "bad-rows-bad-bytes.csv");
    await writeFile(path, bytes);
    const whole = await expectCode(readLedger(path), "io_error");
    expect(whole.message).toMatch(/before it, 121 problems in the rows read: .*; and 116 more$/);
    const capped = await expectCode(readLedger(path, { maxIssues: 20 }), "io_error");
    expect(capped.message).toBe(whole.message);
    expect(capped.issues).toEqual(whole.issues.slice(0, 20));
    // Fewer kept than the message lists: those, and the number of the rest.
    const few = await expectCode(readLedger(path, { maxIssues: 3 }), "io_error");
    expect(few.message).toMatch(
      /before it, 121 problems in the rows read: [^;]*; [^;]*; [^;]*; and 118 more$/,
    );
    expect(few.issues).toEqual(whole.issues.slice(0, 3));
  });

  it("onIssue: each problem as it is found, with its line, kept or not", async () => {
    const found: LedgerIssue[] = [];
    const none = await readLedger(textStream(BAD, [100, 400]), {
      maxIssues: 0,
      onIssue: (issue) => found.push(issue),
    });
    const whole = await readLedger(textStream(BAD));
    expect(found).toEqual(whole.issues);
    expect(brief(found.slice(0, 3))).toEqual([
      "1 -1  parse_error",
      "2 0 date invalid_date",
      "2 0 type unknown_movement_type",
    ]);
    expect([none.issues.length, none.issueCount, none.rowsWithIssues]).toEqual([0, 121, 30]);
  });

  it("onIssue: a function or nothing; an error it throws stops the read and comes out", async () => {
    expect(READ_LEDGER_OPTIONS).toContain("onIssue");
    for (const bad of [null, "print", 1, {}]) {
      const error = await expectCode(
        readLedger(textStream(BAD), { onIssue: bad as unknown as () => void }),
        "invalid_option",
      );
      expect(error.path).toEqual(["onIssue"]);
      expect(error.message).toMatch(/^readLedger: onIssue must be a function/);
    }
    let calls = 0;
    const stop = new Error("disk full");
    await expect(
      readLedger(textStream(BAD), {
        onIssue: () => {
          calls++;
          if (calls === 3) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(calls).toBe(3); // the read stopped there, and handed nothing over twice
  });

  it("onIssue: the problems found before bytes that are not text, once each", async () => {
    const bytes = Buffer.concat([Buffer.from(BAD), Buffer.from([0x41, 0xff, 0x0a])]);
    const path = join(dir, "bad-rows-bad-bytes-handed.csv");
    await writeFile(path, bytes);
    const found: LedgerIssue[] = [];
    const error = await expectCode(
      readLedger(path, { maxIssues: 0, onIssue: (issue) => found.push(issue) }),
      "io_error",
    );
    expect(found).toHaveLength(121);
    expect(error.message).toMatch(/before it, 121 problems in the rows read/);
  });

  it("reaches analyzeLedgerFile under read: its error counts every problem", async () => {
    const period = { from: "2025-01-01", to: "2025-12-31" };
    for (const mode of ["batch", "streaming"] as const) {
      const whole = await expectCode(
        analyzeLedgerFile(textStream(BAD), { period, mode }),
        "invalid_ledger",
      );
      const capped = await expectCode(
        analyzeLedgerFile(textStream(BAD), { period, mode, read: { maxIssues: 5 } }),
        "invalid_ledger",
      );
      expect(capped.message).toBe(whole.message);
      expect(capped.message).toMatch(/: 121 problems in 30 of 30 rows; nothing was analyzed/);
      expect(capped.issues).toEqual(whole.issues.slice(0, 5));
      expect(capped.details).toEqual(whole.details);
    }
  });
});
