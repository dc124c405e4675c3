import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { closestHeaderName } from "../../src/io/ColumnResolver.js";
import { LEDGER_FIELDS, readLedger } from "../../src/io/readLedger.js";
import { readSkuInfo } from "../../src/io/readSkuInfo.js";
import { InvKpiError, type LedgerIssue } from "../../src/model/InvKpiError.js";
import { columnsView, textStream } from "./helpers.js";

// What the readers say when a file cannot be read as given: a wrong delimiter, format or encoding,
// header names spelled another way. Found by a usability audit: the one useful hint was buried
// under one error per row, the header that was found was never shown, `Unit Cost` did not match
// `unitCost`, and a UTF-16 file was only "not valid utf-8".

/** Issues as short `line row field code` strings. */
function brief(issues: readonly LedgerIssue[]): string[] {
  return issues.map((i) => `${i.line} ${i.row} ${i.field} ${i.code}`);
}

const MISSING = ["1 -1 sku missing_field", "1 -1 date missing_field"];
const ALL_MISSING = [...MISSING, "1 -1 type missing_field", "1 -1 quantity missing_field"];

async function ioErrorOf(promise: Promise<unknown>): Promise<InvKpiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvKpiError);
  expect((error as InvKpiError).code).toBe("io_error");
  return error as InvKpiError;
}

/** A stream of raw bytes, in pieces cut at the given offsets. */
function bytesStream(bytes: Uint8Array, cuts: readonly number[] = []): Readable {
  const points = [0, ...cuts, bytes.length];
  const pieces = points.slice(1).map((to, k) => Buffer.from(bytes.subarray(points[k], to)));
  return Readable.from(pieces, { objectMode: true });
}

/** `text` as UTF-16 bytes with a byte order mark, little- or big-endian. */
function utf16(text: string, endian: "le" | "be"): Uint8Array {
  const le = Buffer.from(`\ufeff${text}`, "utf16le");
  return endian === "le" ? le : le.swap16();
}

describe("a header that cannot be read: one report, no row checked", () => {
  it("names the delimiter a `;` file needs, and reports none of its rows (each looked one field short)", async () => {
    const csv =
      "sku;date;type;quantity;unitCost\nA;2025-01-01;receipt;10;1,50\nA;2025-01-02;issue;2;\n";
    const result = await readLedger(textStream(csv));
    expect(brief(result.issues)).toEqual(ALL_MISSING);
    expect(result.issues[0]?.message).toBe(
      'the header has no sku column; is the delimiter ";"? (read it with the delimiter option ";", or --delimiter \';\' on the command line); the header has 1 column: "sku;date;type;quantity;unitCost"',
    );
    // Only the first issue describes the header: four copies would bury it again.
    expect(result.issues.slice(1).map((i) => i.message)).toEqual([
      "the header has no date column",
      "the header has no type column",
      "the header has no quantity column",
    ]);
    expect([result.rows, result.columns.length]).toEqual([2, 0]);
  });

  it("guesses the delimiter from the fields it would find, also when a name holds the wrong one", async () => {
    // `"cost, EUR"` makes the header two columns under ","; split by ";" it has every field.
    const semicolons = await readLedger(
      textStream('sku;date;type;quantity;"cost, EUR"\nA;2025-01-01;receipt;1;2\n'),
    );
    expect(semicolons.issues[0]?.message).toMatch(/is the delimiter ";"\?/);
    const tabs = await readLedger(
      textStream("sku\tdate\ttype\tquantity\nA\t2025-01-01\tissue\t1\n"),
    );
    expect(tabs.issues[0]?.message).toContain(
      'is the delimiter "\\t"? (read it with the delimiter option "\\t", or --delimiter tab on the command line)',
    );
    // Read as ";", a comma file gets "," back.
    const commas = await readLedger(textStream("sku,date,type,quantity\n"), { delimiter: ";" });
    expect(commas.issues[0]?.message).toMatch(/is the delimiter ","\?/);
    // Names that no delimiter makes fields: no guess.
    const other = await readLedger(textStream("a,b\n1,2\n"));
    expect(other.issues[0]?.message).not.toMatch(/delimiter/);
  });

  it("says that JSON or NDJSON read as CSV (stdin, a .csv name) is JSON, once, without a problem per line", async () => {
    const rows = [
      { sku: "P1", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: "2.00" },
      { sku: "P1", date: "2025-01-03", type: "issue", quantity: 4 },
    ];
    const json = await readLedger(textStream(JSON.stringify(rows, null, 1)));
    expect(brief(json.issues)).toEqual(ALL_MISSING);
    expect(json.issues[0]?.message).toBe(
      'the header has no sku column; the input looks like JSON, not CSV: read it with the format option "json" (--input-format json on the command line), or name the file .json; the header has 1 column: "["',
    );
    const ndjson = await readLedger(textStream(rows.map((r) => JSON.stringify(r)).join("\n")));
    // The header record's own syntax problem (text after a closing quote) is left out: JSON explains it.
    expect(brief(ndjson.issues)).toEqual(ALL_MISSING);
    expect(ndjson.issues[0]?.message).toContain(
      'the input looks like NDJSON (one JSON object per line), not CSV: read it with the format option "ndjson" (--input-format ndjson on the command line), or name the file .ndjson',
    );
    // A SKU master alike.
    const skus = await readSkuInfo(textStream('[{"sku":"A"},\n{"sku":"B"}]'));
    expect(brief(skus.issues)).toEqual(["1 -1 sku missing_field"]);
    expect(skus.issues[0]?.message).toMatch(/looks like JSON, not CSV/);
  });
});

describe("the missing-column error shows the header it found", () => {
  it("lists the header's names (found by a usability audit: only a note that --quiet hides did)", async () => {
    const result = await readLedger(
      textStream("Item,Posting Date,Movement Type,Qty\nA,2025-01-01,issue,1\n"),
    );
    expect(result.issues[0]?.message).toBe(
      'the header has no sku column; the header has 4 columns: "Item", "Posting Date", "Movement Type", "Qty"',
    );
    expect(result.issues[0]?.line).toBe(1);
  });

  it("shows the first 20 names, counts the rest, and escapes what would hide or drive the terminal", async () => {
    const extra = Array.from({ length: 27 }, (_, k) => `x${k}`);
    const many = await readLedger(textStream(`date,type,quantity,${extra.join(",")}\n`));
    const shown = ["date", "type", "quantity", ...extra.slice(0, 17)].map((n) => `"${n}"`);
    expect(many.issues[0]?.message).toBe(
      `the header has no sku column; the header has 30 columns: ${shown.join(", ")} and 10 more`,
    );
    const odd = ["\u001b[2Jcode", "a\u009bb", "\ufeffid2", "\u202eevil", "y".repeat(100)];
    const escaped = await readLedger(textStream(`${odd.join(",")},date,type,quantity\n`));
    expect(escaped.issues[0]?.message).toBe(
      `the header has no sku column; the header has 8 columns: "\\u001b[2Jcode", "a\\x9bb", "\\u{feff}id2", "\\u{202e}evil", "${"y".repeat(58)}…, "date", "type", "quantity"`,
    );
  });

  it("shows a UTF-8 byte order mark read as windows-1252 (ï»¿sku), and says the file is UTF-8", async () => {
    const bytes = Buffer.from("\ufeffsku,date,type,quantity\nA,2025-01-01,issue,1\n", "utf8");
    const result = await readLedger(bytesStream(bytes), { encoding: "windows-1252" });
    expect(brief(result.issues)).toEqual(["1 -1 sku missing_field"]);
    expect(result.issues[0]?.message).toBe(
      'the header has no sku column; the header starts with "ï»¿", the UTF-8 byte order mark read in a single-byte encoding: the file is UTF-8, so leave the encoding option (--encoding) out; the header has 4 columns: "ï»¿sku", "date", "type", "quantity"',
    );
    expect((await readLedger(bytesStream(bytes))).issues).toEqual([]);
  });

  it("says UTF-16 when a header without a byte order mark holds NUL characters", async () => {
    const bytes = Buffer.from("sku,date,type,quantity\nA,2025-01-01,issue,1\n", "utf16le");
    const result = await readLedger(bytesStream(bytes));
    expect(result.issues[0]?.message).toContain(
      'the header holds NUL characters, as UTF-16 text read as UTF-8 does: read it with the encoding option "utf-16le"',
    );
    expect(result.issues[0]?.message).toContain('"s\\u0000k\\u0000u\\u0000"');
  });
});

describe("header names match without case, spaces, underscores and hyphens", () => {
  it("reads Unit Cost, unit_cost, UNITCOST and unit-cost as unitCost (found by a usability audit: only case was folded)", async () => {
    const expected = columnsView(
      (
        await readLedger(
          textStream("sku,date,type,quantity,unitCost\nA,2025-01-01,receipt,2,1.5\n"),
        )
      ).columns,
    );
    for (const name of [
      "Unit Cost",
      "unit_cost",
      "UNITCOST",
      "unit-cost",
      " Unit_Cost ",
      "Unit\u00a0Cost",
      "\ufeffunitCost",
    ]) {
      const result = await readLedger(
        textStream(`SKU,Date,TYPE,Quantity,${name}\nA,2025-01-01,receipt,2,1.5\n`),
      );
      expect([name, result.issues, result.ignoredColumns]).toEqual([name, [], []]);
      expect(columnsView(result.columns)).toEqual(expected);
    }
    // Keys of NDJSON, and names of the columns option, alike.
    const ndjson = await readLedger(
      textStream(
        '{"SKU":"A","Date":"2025-01-01","Type":"receipt","Quantity":2,"unit_cost":"1.5"}\n',
      ),
      { format: "ndjson" },
    );
    expect(columnsView(ndjson.columns)).toEqual(expected);
    const mapped = await readLedger(
      textStream("item-code,date,type,qty,unit cost\nA,2025-01-01,receipt,2,1.5\n"),
      {
        columns: { sku: "Item Code", quantity: "QTY" },
      },
    );
    expect(columnsView(mapped.columns)).toEqual(expected);
  });

  it("reports two columns that match one field as an error naming both, and reads no row", async () => {
    const result = await readLedger(
      textStream("sku,date,type,quantity,unitCost,Unit Cost\nA,2025-01-01,receipt,2,1.5,9\n"),
    );
    expect(result.issues).toEqual([
      {
        row: -1,
        line: 1,
        field: "unitCost",
        code: "parse_error",
        message:
          'unitCost is given by 2 columns, "unitCost" (column 5) and "Unit Cost" (column 6), whose names match alike (case, spaces, _ and - aside): keep one',
      },
    ]);
    expect([result.rows, result.columns.length, result.ignoredColumns]).toEqual([1, 0, []]);
  });

  it("suggests a header name close to a missing column (did you mean)", async () => {
    const result = await readLedger(
      textStream("SKU Code,date,type,quantity\nA,2025-01-01,issue,1\n"),
    );
    expect(result.issues[0]?.message).toBe(
      'the header has no sku column (did you mean "SKU Code"?); the header has 4 columns: "SKU Code", "date", "type", "quantity"',
    );
    const quantity = await readLedger(textStream("sku,date,type,quantitiy\n"));
    expect(quantity.issues[0]?.message).toMatch(
      /^the header has no quantity column \(did you mean "quantitiy"\?\);/,
    );
    const skus = await readSkuInfo(textStream("skus,leadTimeDays\nA,3\n"));
    expect(skus.issues[0]?.message).toMatch(
      /^the header has no sku column \(did you mean "skus"\?\);/,
    );
  });

  it("finds the field an ignored name is close to, for the ignored-columns note", () => {
    const fields = LEDGER_FIELDS.map((f) => f.name);
    expect(closestHeaderName("unitcosts", fields)).toBe("unitCost");
    expect(closestHeaderName("Unit-Prices", fields)).toBe("unitPrice");
    expect(closestHeaderName("expires", fields)).toBe("expiresOn");
    expect(closestHeaderName("note", fields)).toBeNull();
    expect(closestHeaderName("", fields)).toBeNull();
  });

  it("rejects a columns name that is blank once spaces, _ and - are set aside", async () => {
    for (const name of ["_", " - "]) {
      const error = await readLedger(textStream("sku\n"), { columns: { sku: name } }).catch(
        (e: unknown) => e,
      );
      expect((error as InvKpiError).code).toBe("invalid_option");
    }
    // A blank header name matches no field.
    const blank = await readLedger(
      textStream("sku,date,type,quantity,_,\nA,2025-01-01,issue,1,x,y\n"),
    );
    expect([blank.issues, blank.ignoredColumns]).toEqual([[], ["_", ""]]);
  });
});

describe("bytes that are not UTF-8 say what they look like", () => {
  const csv = "sku,date,type,quantity\nA,2025-01-01,issue,1\n";

  it("says UTF-16 for a UTF-16 byte order mark, and the encoding option reads the file", async () => {
    for (const [endian, label] of [
      ["le", "utf-16le"],
      ["be", "utf-16be"],
    ] as const) {
      const bytes = utf16(csv, endian);
      for (const cuts of [[], [1], [3]]) {
        const error = await ioErrorOf(readLedger(bytesStream(bytes, cuts)));
        expect(error.message).toBe(
          `readLedger: cannot read the input stream: the text is not valid utf-8 on line 1 (byte 0x${bytes[0]?.toString(16)} at byte offset 0): it starts with a UTF-16 byte order mark, so it is UTF-16 text: read it with the encoding option "${label}" (--encoding ${label} on the command line), or save it as UTF-8`,
        );
        expect(error.details).toEqual({
          source: "the input stream",
          line: 1,
          offset: 0,
          suggestedEncoding: label,
        });
      }
      const read = await readLedger(bytesStream(bytes, [5]), { encoding: label });
      expect([read.issues, read.columns.skus]).toEqual([[], ["A"]]);
    }
  });

  it("suggests windows-1252 for a lone byte of a single-byte encoding", async () => {
    const bytes = Buffer.concat([
      Buffer.from("sku,date,type,quantity\nM"),
      Buffer.from([0xfc]), // ü in windows-1252
      Buffer.from("ller,2025-01-01,issue,1\n"),
    ]);
    const error = await ioErrorOf(readLedger(bytesStream(bytes)));
    expect(error.message).toMatch(
      /on line 2 \(byte 0xfc at byte offset 24\): it looks like a single-byte encoding; .* read it with the encoding option "windows-1252" \(--encoding windows-1252 on the command line\)$/,
    );
    expect(error.details.suggestedEncoding).toBe("windows-1252");
    const read = await readLedger(bytesStream(bytes), { encoding: "windows-1252" });
    expect(read.columns.skus).toEqual(["Müller"]);
  });

  it("names the legacy encodings for a run of such bytes (GBK, Shift_JIS), and nothing for a cut file or a chosen encoding", async () => {
    const gbk = Buffer.concat([
      Buffer.from("sku,date,type,quantity\n"),
      Buffer.from([0xc2, 0xdd, 0xcb, 0xbf]), // 螺丝 in GBK
      Buffer.from(",2025-01-01,issue,1\n"),
    ]);
    const error = await ioErrorOf(readLedger(bytesStream(gbk)));
    expect(error.message).toMatch(
      /"gbk", "big5", "shift_jis" or "euc-kr" for Chinese, Japanese or Korean$/,
    );
    expect(error.details.suggestedEncoding).toBeUndefined();
    const cut = Buffer.concat([
      Buffer.from("sku,date,type,quantity\nA"),
      Buffer.from([0xe2, 0x82]),
    ]);
    expect((await ioErrorOf(readLedger(bytesStream(cut)))).message).toMatch(/\)$/);
    const badGbk = Buffer.concat([
      Buffer.from("sku,date,type,quantity\n"),
      Buffer.from([0x81, 0x0a]),
    ]);
    const chosen = await ioErrorOf(readLedger(bytesStream(badGbk), { encoding: "gbk" }));
    expect(chosen.message).toMatch(/\)$/);
  });
});
