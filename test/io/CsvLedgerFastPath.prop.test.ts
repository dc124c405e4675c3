import { Readable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { CsvDelimiter } from "../../src/io/CsvDelimiter.js";
import { type CsvReadPaths, readLedgerVia } from "../../src/io/readLedger.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import { byteStream, columnsView } from "./helpers.js";

// The CSV fast path (CsvLedgerFastPath, reading plain records straight from UTF-8 bytes) must not
// change anything: on random CSV text, mostly plain valid rows mixed with every kind of trouble
// (quoted fields, CRLF and lone CR, a BOM, blank lines, wrong field counts, bad numbers, dates and
// amounts, blank and Unicode-space codes, duplicate ids, non-ASCII codes, invalid UTF-8), reading
// with the fast path gives exactly the columns, dictionaries, issues, row count and line numbers
// of reading every record through the general path (the row check), however the bytes are cut.

const FIELDS = ["sku", "date", "type", "quantity", "unitCost", "unitPrice"] as const;
const OPTIONAL = ["location", "lot", "expiresOn", "id", "note"] as const;

/** A header: the required fields, some optional ones and an unknown column, in any order. */
const header = fc.tuple(fc.subarray([...OPTIONAL]), fc.boolean()).chain(([optional, dropPrice]) =>
  fc.shuffledSubarray([...FIELDS.filter((f) => !(dropPrice && f === "unitPrice")), ...optional], {
    minLength: FIELDS.length - (dropPrice ? 1 : 0) + optional.length,
  }),
);

const skuCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("A", "B-1", "SKU-000042", "螺丝", "e\u0301") },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\u3000", "\u000b", " A ", "a\tb", '"Q"') },
);
const dateCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("2025-01-01", "2024-02-29", "2025-12-31") },
  { weight: 1, arbitrary: fc.constantFrom("2025-02-30", "2025-1-5", "", " 2025-01-01", "x") },
);
const typeCell = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom("receipt", "issue", "return", "adjustment", "transfer"),
  },
  { weight: 1, arbitrary: fc.constantFrom("Receipt", "sale", "", "issue ", "toString") },
);
const quantityCell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("1", "12", "0.5", "-3", "+4", "2.250", "1000000") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "0",
      "-0",
      " 7 ",
      "1e3",
      "1,5",
      "",
      "abc",
      "0.0000000001",
      "1234567890123456",
      "999999999999999",
      "-1000000000000000",
      ".5",
      "5.",
      ".",
      "-",
      "+.5",
      "1\uFEFF",
      "\u00A02",
      "99999999999999.99",
      "12345678.123456789",
      "123456789012345.5",
    ),
  },
  { weight: 2, arbitrary: longNumber() },
);

/**
 * Long digit strings around what a double holds (14 to 25 digits, a point anywhere or none, a
 * sign): the general path checks their text, the fast path leaves them to it.
 */
function longNumber(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom("", "-", "+"),
      fc.array(fc.constantFrom("0", "1", "5", "9"), { minLength: 14, maxLength: 25 }),
      fc.nat({ max: 26 }),
    )
    .map(([sign, digits, point]) => {
      const text = digits.join("");
      return point > text.length
        ? sign + text
        : `${sign + text.slice(0, point)}.${text.slice(point)}`;
    });
}
const moneyCell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("", "2.5", "10", "0.125", "3.10", "0", "+1.5") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      " ",
      "-1",
      "-0",
      "1e2",
      " 2.5",
      "0.0000000000001",
      "1.0000000000000",
      "1234567890123456",
      "12,5",
      "abc",
      ".",
      "\u3000",
      "1\uFEFF",
      "1e300",
    ),
  },
);
const codeCell = fc.constantFrom("", "", "W1", "W2", "仓库", " ", "\u3000", "\u000b", "L-9");
const idCell = fc.constantFrom("", "", "", "id-1", "id-2", "id-3", " ", "7", "é-1", "x-é", "1螺丝");
const noteCell = fc.constantFrom("", "note", "ü", "a b");

/** One cell for a column of the header. */
function cellFor(column: string): fc.Arbitrary<string> {
  switch (column) {
    case "sku":
      return skuCell;
    case "date":
    case "expiresOn":
      return column === "date" ? dateCell : fc.oneof(fc.constant(""), dateCell);
    case "type":
      return typeCell;
    case "quantity":
      return quantityCell;
    case "unitCost":
    case "unitPrice":
      return moneyCell;
    case "location":
    case "lot":
      return codeCell;
    case "id":
      return idCell;
    default:
      return noteCell;
  }
}

/** A cell as written: mostly as it is, sometimes quoted (with a doubled quote inside). */
function written(cell: string, quote: number): string {
  if (quote === 0) return `"${cell}"`;
  if (quote === 1) return `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

/** A record, with one cell too many or too few now and then. */
function record(columns: readonly string[], delimiter: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.tuple(...columns.map(cellFor)),
      fc.array(fc.nat({ max: 60 }), { minLength: columns.length, maxLength: columns.length }),
      fc.nat({ max: 15 }),
    )
    .map(([cells, quotes, shape]) => {
      const out = cells.map((cell, k) => {
        const raw = cell.includes(delimiter) || cell.includes('"') ? `"${cell}"` : cell;
        return (quotes[k] as number) < 2 ? written(cell, quotes[k] as number) : raw;
      });
      if (shape === 0) out.push("extra");
      if (shape === 1) out.pop();
      return out.join(delimiter);
    });
}

/** Line breaks: mostly LF, also CRLF, lone CR, a quoted break, blank lines. */
const lineBreak = fc.oneof(
  { weight: 10, arbitrary: fc.constant("\n") },
  { weight: 3, arbitrary: fc.constant("\r\n") },
  { weight: 1, arbitrary: fc.constantFrom("\r", "\n\n", "\r\n\r\n", "\n \n") },
);

const csvFile = fc
  .tuple(header, fc.constantFrom<CsvDelimiter>(",", ";", "\t"), fc.boolean(), fc.boolean())
  .chain(([columns, delimiter, bom, lastBreak]) =>
    fc
      .array(fc.tuple(record(columns, delimiter), lineBreak), { maxLength: 60, size: "large" })
      .map((records) => {
        let text = bom ? "\uFEFF" : "";
        text += `${columns.join(delimiter)}\n`;
        records.forEach(([line, br], k) => {
          text += line + (k < records.length - 1 || lastBreak ? br : "");
        });
        return { text, delimiter };
      }),
  );

const cuts = fc.array(fc.nat({ max: 3000 }), { maxLength: 5 });

/** Everything a read gives, in a form `toEqual` compares, or the code of the error thrown. */
async function readAll(
  bytes: () => Readable,
  delimiter: CsvDelimiter,
  paths: CsvReadPaths,
): Promise<unknown> {
  try {
    const result = await readLedgerVia(bytes(), { delimiter }, paths);
    const { columns } = result;
    return {
      rows: columnsView(columns),
      skus: columns.skus,
      locations: columns.locations,
      lots: columns.lots,
      quantityDecimals: columns.quantityDecimals,
      moneyDecimals: columns.moneyDecimals,
      issues: result.issues,
      count: result.rows,
      ignored: result.ignoredColumns,
      lines: Array.from({ length: result.rows + 1 }, (_, row) => result.lineOf(row)),
    };
  } catch (error) {
    if (error instanceof InvKpiError)
      return { thrown: error.code, message: error.message, details: error.details };
    throw error;
  }
}

describe("CsvLedgerFastPath", () => {
  test.prop([csvFile, cuts])(
    "gives the columns and issues of the general path on random CSV text",
    async ({ text, delimiter }, at) => {
      const stream = () => byteStream(text, at);
      const general = await readAll(stream, delimiter, "general-only");
      const fast = await readAll(stream, delimiter, "fast-and-general");
      expect(fast).toEqual(general);
    },
  );

  test.prop([csvFile, fc.nat(), fc.constantFrom(0xff, 0xc3, 0xe2, 0x80), cuts])(
    "throws the same io_error on bytes that are not UTF-8, naming their line and offset",
    async ({ text, delimiter }, where, bad, at) => {
      const bytes = Buffer.from(text, "utf8");
      const k = where % (bytes.length + 1);
      const broken = Buffer.concat([bytes.subarray(0, k), Buffer.from([bad]), bytes.subarray(k)]);
      const stream = () => bufferStream(broken, at);
      const general = await readAll(stream, delimiter, "general-only");
      const fast = await readAll(stream, delimiter, "fast-and-general");
      expect(fast).toEqual(general);
      // The bad sequence starts at the inserted byte, at the lead byte of the character it cuts, or
      // (a continuation byte that completes a character) at the byte it leaves over.
      const { details } = general as { details: { offset: number; line: number } };
      expect(details.offset).toBeGreaterThanOrEqual(k - 3);
      expect(details.offset).toBeLessThanOrEqual(k + 3);
      // Its line counts the line breaks before it as CSV does (LF, CRLF or a lone CR).
      const before = broken.subarray(0, details.offset).toString("latin1");
      expect(details.line).toBe(1 + (before.match(/\r\n|\r|\n/g)?.length ?? 0));
    },
  );

  test("takes the plain rows itself: the general path sees only the others", async () => {
    // A hand-checked case: rows 0 and 2 are plain and valid; row 1 has a bad date.
    const text =
      "sku,date,type,quantity,unitCost\nA,2025-01-02,receipt,10,2.50\nA,2025-02-30,issue,1,\nA,2025-01-03,issue,4,\n";
    const result = await readLedgerVia(byteStream(text), {}, "fast-and-general");
    expect(columnsView(result.columns).map((r) => [r.row, r.quantity, r.cost])).toEqual([
      [0, 10, "25e-1"],
      [2, 4, null],
    ]);
    expect(result.issues.map((i) => `${i.line} ${i.field} ${i.code}`)).toEqual([
      "3 date invalid_date",
    ]);
  });

  test("finds a duplicate id whichever path read each copy, ASCII or not", async () => {
    // Each id twice: first on a line the fast path takes, then on a line it leaves to the row
    // check (a location of only non-ASCII characters might be blank, so it is not sure). The
    // fast path claims ASCII ids from their bytes and others (starting with ASCII, as the fast
    // path needs) as text: the two must meet.
    const rows = ["id-1", "x-é", "1螺丝"].flatMap((id) => [
      `${id},A,W1,2025-01-02,receipt,1,2`,
      `${id},A,仓库,2025-01-02,receipt,1,2`,
    ]);
    const text = `id,sku,location,date,type,quantity,unitCost\n${rows.join("\n")}\n`;
    for (const paths of ["fast-and-general", "general-only"] as const) {
      const result = await readLedgerVia(byteStream(text), {}, paths);
      expect(result.issues.map((i) => `${i.row} ${i.field} ${i.code} ${i.message}`)).toEqual([
        "1 id duplicate_id id is already used by row 0 (line 2)",
        "3 id duplicate_id id is already used by row 2 (line 4)",
        "5 id duplicate_id id is already used by row 4 (line 6)",
      ]);
    }
  });

  test("names the line of an id's first use when rows and lines drift apart", async () => {
    // Line 1 the header, line 2 blank (skipped), lines 3–4 one record (a quoted line break in the
    // lot), line 5 a plain record, line 6 the id again: its first use, row 1, is on line 5.
    const text = [
      "id,sku,date,type,quantity,unitCost,lot",
      "",
      'a,A,2025-01-02,receipt,1,2,"L',
      '1"',
      "b,A,2025-01-02,receipt,1,2,L2",
      "b,A,2025-01-03,receipt,1,2,L3",
      "",
    ].join("\n");
    for (const paths of ["fast-and-general", "general-only"] as const) {
      const result = await readLedgerVia(byteStream(text), {}, paths);
      expect(result.issues.map((i) => `${i.row} ${i.line} ${i.message}`)).toEqual([
        "2 6 id is already used by row 1 (line 5)",
      ]);
    }
  });
});

/** A stream of exactly these bytes, cut at the given offsets. */
function bufferStream(bytes: Buffer, cuts: readonly number[]): Readable {
  const points = [...new Set(cuts.map((c) => Math.min(bytes.length, c)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const to of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, to));
    from = to;
  }
  return Readable.from(pieces, { objectMode: true });
}
