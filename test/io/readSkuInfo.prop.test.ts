import { Readable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { FlatRecord } from "../../src/io/CellValue.js";
import { readSkuInfo, SKU_INFO_FIELDS } from "../../src/io/readSkuInfo.js";
import { toCsv } from "../../src/io/toCsv.js";
import { toJson } from "../../src/io/toJson.js";
import { toNdjson } from "../../src/io/toNdjson.js";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError, type LedgerIssue } from "../../src/model/InvKpiError.js";
import { SkuInfo } from "../../src/model/SkuInfo.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { errorOf } from "../support/errorOf.js";
import { byteStream, textStream } from "./helpers.js";

// Property tests of the SKU master reader (docs/io.md): arbitrary text or bytes never make it throw
// anything but InvKpiError, and every issue it reports has a line within the text and a field;
// SKU master rows written by the library's writers (CSV, NDJSON, JSON) read back as the same rows,
// money as the same exact decimals, whatever the text of their codes; and among good rows, rows
// with one bad cell each are exactly the rows reported, each with its line and field.

const FIELD_NAMES = SKU_INFO_FIELDS.map((f) => f.name);
const MONEY_FIELDS = new Set(SKU_INFO_FIELDS.filter((f) => f.kind === "money").map((f) => f.name));
const NUMBER_FIELDS = SKU_INFO_FIELDS.filter((f) => f.kind === "number").map((f) => f.name);

/** Every issue: a line within the text, a field (`''` only for a problem of the row or file). */
function expectIssuesInText(
  issues: readonly LedgerIssue[],
  text: string,
  rows: number,
  what: string,
): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const issue of issues) {
    const where = `${what}: ${JSON.stringify(issue)}`;
    expect(Number.isInteger(issue.line), where).toBe(true);
    expect(issue.line, where).toBeGreaterThanOrEqual(1);
    expect(issue.line, where).toBeLessThanOrEqual(lines);
    expect(["", ...FIELD_NAMES], where).toContain(issue.field);
    if (issue.field === "") expect(["parse_error", "not_an_object"], where).toContain(issue.code);
    expect(issue.row, where).toBeGreaterThanOrEqual(-1);
    expect(issue.row, where).toBeLessThan(Math.max(rows, 1));
    expect(issue.message.length, where).toBeGreaterThan(0);
  }
}

// ---------------------------------------------------------------------------------------------
// (a) Arbitrary text and bytes.

/** SKU master words, numbers good and bad, CSV and JSON syntax, line breaks, and anything. */
const noise = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ",",
        ";",
        '"',
        "\n",
        "\r\n",
        "\r",
        "{",
        "}",
        "[",
        "]",
        ":",
        "\t",
        " ",
        "\uFEFF",
      ),
      fc.constantFrom(
        "sku",
        "Sku",
        "category",
        "unitPrice",
        "standard_cost",
        "leadTimeDays",
        "serviceLevel",
        "packSize",
        "orderCost",
        '"sku":',
        '"leadTimeDays":',
      ),
      fc.constantFrom(
        "12",
        "-1",
        "0.5",
        "1e3",
        "1,5",
        "NaN",
        "0",
        "1.0000000000001",
        "null",
        "螺丝",
      ),
      fc.string({ maxLength: 5 }),
      fc.string({ unit: "grapheme", maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));
const head = fc.constantFrom(
  "",
  "sku,category,unitPrice,standardCost,leadTimeDays,serviceLevel,packSize\n",
  "sku;leadTimeDays\n",
  '[{"sku":',
  '{"sku":',
);
const FORMATS = ["csv", "ndjson", "json"] as const;
const format = fc.constantFrom(...FORMATS);
/** Offsets at which to cut a text into stream chunks. */
const cuts = fc.array(fc.nat({ max: 400 }), { maxLength: 4 });

/** Reads a source; the result, or the InvKpiError thrown (anything else is rethrown). */
async function outcome(read: Promise<Awaited<ReturnType<typeof readSkuInfo>>>) {
  try {
    return { result: await read };
  } catch (error) {
    if (error instanceof InvKpiError) return { error };
    throw error;
  }
}

/** What every read must give: issues in the text, valid rows only, no more rows than read. */
function expectSound(
  result: Awaited<ReturnType<typeof readSkuInfo>>,
  text: string,
  what: string,
): void {
  expectIssuesInText(result.issues, text, result.rows, what);
  expect(result.skuInfo.length).toBeLessThanOrEqual(result.rows);
  for (const info of result.skuInfo) expect(SkuInfo.safeParse(info).success, what).toBe(true);
  // A SKU is listed once.
  expect(new Set(result.skuInfo.map((info) => info.sku)).size).toBe(result.skuInfo.length);
}

/** A result without its `lineOf` function, for `toEqual`. */
function view(result: Awaited<ReturnType<typeof readSkuInfo>>): unknown {
  const { lineOf: _lineOf, ...rest } = result;
  return rest;
}

describe("readSkuInfo on arbitrary input", () => {
  test.prop([head, noise, cuts, format])(
    "text: always read (bad data are issues, never a throw); every issue has a line within the text and a field",
    async (start, body, at, fmt) => {
      const text = start + body;
      expectSound(await readSkuInfo(textStream(text, at), { format: fmt }), text, fmt);
    },
  );

  test.prop([head, noise, cuts, format])(
    "the same text as UTF-8 bytes cut anywhere: the same result",
    async (start, body, at, fmt) => {
      const text = start + body;
      const fromText = await readSkuInfo(textStream(text), { format: fmt });
      const fromBytes = await readSkuInfo(byteStream(text, at), { format: fmt });
      expect(view(fromBytes)).toEqual(view(fromText));
    },
  );

  test.prop([
    fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      // Text with a few bytes changed: mostly valid UTF-8, with bad bytes inside.
      fc
        .tuple(head, noise, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff }))))
        .map(([start, body, changes]) => {
          const bytes = Buffer.from(start + body, "utf8");
          for (const [at, byte] of changes) if (bytes.length > 0) bytes[at % bytes.length] = byte;
          return new Uint8Array(bytes);
        }),
    ),
    cuts,
    format,
  ])(
    "arbitrary bytes: throws only InvKpiError (io_error for bytes that are not UTF-8); issues in the decoded text",
    async (bytes, at, fmt) => {
      const pieces: Uint8Array[] = [];
      let from = 0;
      for (const to of [...new Set(at.map((c) => Math.min(c, bytes.length)))].sort(
        (a, b) => a - b,
      )) {
        pieces.push(bytes.subarray(from, to));
        from = to;
      }
      pieces.push(bytes.subarray(from));
      const read = await outcome(readSkuInfo(Readable.from(pieces), { format: fmt }));
      let text: string | undefined;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        text = undefined; // not UTF-8
      }
      if (text === undefined) {
        expect("error" in read && read.error.code).toBe("io_error");
        return;
      }
      if ("error" in read) throw read.error; // valid UTF-8 must read
      expectSound(read.result, text, fmt);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// (b) Round trip: valid SKU master rows, written by the writers, read back.

/** Text pieces that stress CSV and JSON: delimiters, quotes, line breaks, spaces, CJK, emoji. */
const piece = fc.oneof(
  fc.constantFrom(",", ";", '"', '""', "\n", "\r\n", "\r", " ", "\t", "'", "=", "-", "\u2028"),
  fc.constantFrom(
    "螺丝",
    "不锈钢",
    "東京",
    "😀",
    "👨‍👩‍👧",
    "é",
    "e\u0301",
    "Ω",
    "ß",
    "İ",
    "\u00a0",
  ),
  fc.string({ unit: "grapheme-ascii", maxLength: 4 }),
  fc.string({ unit: "grapheme", maxLength: 2 }),
);
/** A SKU code, description or category: any text that is not blank. */
const code = fc
  .array(piece, { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""))
  .filter((text) => text.trim() !== "");

/** A decimal in plain notation: `units` with `places` decimal places, trailing zeros kept. */
function plainDecimal(units: bigint, places: number): string {
  const digits = units.toString().padStart(places + 1, "0");
  return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** Money text of any precision: plain, with an exponent, a sign, spaces around, a bare point. */
const moneyText = fc.oneof(
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.nat({ max: 20 }))
    .map(([units, places]) => plainDecimal(units, places)),
  fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** 8n }),
      fc.nat({ max: 4 }),
      fc.constantFrom("e", "E"),
      fc.integer({ min: -30, max: 30 }),
    )
    .map(([units, places, e, exponent]) => `${plainDecimal(units, places)}${e}${exponent}`),
  fc.constantFrom("+7", " 2.5 ", ".5", "5.", "-0", "-0.00", "0", "1.5E-2", "1e3"),
);
/** A money value as the library takes it: text, a number (its shortest decimal), a Decimal. */
const money = fc.oneof(
  moneyText,
  fc.double({ min: 0, max: 1e15, noNaN: true }).map((n) => (n === 0 ? 0 : n)),
  moneyText.map((text) => new Decimal(text.trim())),
);
/** A standard cost: an exact amount for the engine, ≤ 12 decimal places, ≤ 15 digits. */
const standardCost = fc.oneof(
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.nat({ max: 12 }))
    .map(([units, places]) => plainDecimal(units, places)),
  fc.integer({ min: 0, max: 99_999_999 }).map((cents) => cents / 100),
  fc
    .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.nat({ max: 6 }))
    .map(([units, places]) => new Decimal(plainDecimal(BigInt(units), places))),
  fc.constantFrom("+7", " 2.5 ", ".5", "5.", "-0.00", "1.5E-2", "2e3", "1.500000000000000"),
);

/** A number ≥ 0 (never -0, which a text cannot tell from 0): small, fractional, tiny, huge. */
const nonNegative = fc
  .oneof(
    fc.integer({ min: 0, max: 10_000 }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(1e-7, 0.1 + 0.2, 1e21, 5e-324, Number.MAX_VALUE, 2 ** 53 + 2),
  )
  .map((n) => (n === 0 ? 0 : n));
const positive = nonNegative.filter((n) => n > 0);
const serviceLevel = fc.oneof(
  fc.constantFrom(0.5, 0.95, 0.999, Number.MIN_VALUE, 1 - 2 ** -53),
  fc.double({ min: Number.MIN_VALUE, max: 1, maxExcluded: true, noNaN: true }),
);

/** A valid SKU master row (every field but `sku` optional, some given as null). */
const skuInfoRow = fc.record(
  {
    sku: code,
    description: fc.option(code, { nil: null, freq: 8 }),
    category: code,
    standardCost,
    unitPrice: money,
    leadTimeDays: nonNegative,
    leadTimeStdDevDays: nonNegative,
    reviewPeriodDays: fc.option(nonNegative, { nil: null, freq: 8 }),
    serviceLevel,
    minOrderQuantity: nonNegative,
    packSize: positive,
    onOrder: nonNegative,
    backordered: nonNegative,
    reserved: nonNegative,
    orderCost: money,
    holdingRate: nonNegative,
  },
  { requiredKeys: ["sku"] },
);
const skuMaster = fc.uniqueArray(skuInfoRow, { selector: (row) => row.sku, maxLength: 12 });

/** How an export spells the field names: as they are, snake_case, UPPER CASE, or in words. */
const HEADER_STYLES = {
  exact: (name: string) => name,
  snake: (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  upper: (name: string) => name.toUpperCase(),
  words: (name: string) =>
    name.replace(/^./, (c) => c.toUpperCase()).replace(/[A-Z]/g, (c, at) => (at ? ` ${c}` : c)),
};
const headerStyle = fc.constantFrom(
  ...(Object.keys(HEADER_STYLES) as (keyof typeof HEADER_STYLES)[]),
);

type Row = Record<string, unknown>;

/** The rows with their keys spelled in a style, in a column order. */
function spelled(rows: readonly Row[], style: keyof typeof HEADER_STYLES): FlatRecord[] {
  const rename = HEADER_STYLES[style];
  return rows.map(
    (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [rename(k), v])) as FlatRecord,
  );
}

/**
 * A row as it should read back: absent and null fields alike left out, money as its exact decimal
 * (`"1e3"`, `1000` and `Decimal(1000)` are the same amount), everything else exactly.
 */
function expected(row: object): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null || value === undefined) continue;
    out[key] = MONEY_FIELDS.has(key) ? exact(value) : value;
  }
  return out;
}

/** The exact decimal of a money value, as plain text. */
function exact(value: unknown): string {
  const text =
    typeof value === "string"
      ? value.trim()
      : value instanceof Decimal
        ? value.toFixed()
        : String(value);
  return new Decimal(text).toFixed();
}

/** A column order: every field, shuffled. */
const columnOrder = fc.shuffledSubarray(FIELD_NAMES, {
  minLength: FIELD_NAMES.length,
  maxLength: FIELD_NAMES.length,
});

describe("readSkuInfo round trip", () => {
  test.prop([
    skuMaster,
    columnOrder,
    headerStyle,
    fc.constantFrom(",", ";", "\t" as const),
    fc.boolean(),
    fc.boolean(),
    cuts,
  ])(
    "CSV (any delimiter, CRLF, BOM, text or bytes cut anywhere) reads back the rows written",
    async (rows, order, style, delimiter, crlf, bytes, at) => {
      const rename = HEADER_STYLES[style];
      const csv = toCsv(spelled(rows, style), {
        columns: order.map(rename),
        escapeFormulas: false,
        delimiter,
        bom: bytes,
        lineEnding: crlf ? "\r\n" : "\n",
      });
      const source = bytes ? byteStream(csv, at) : textStream(csv, at);
      const result = await readSkuInfo(source, { delimiter });
      expect(result.issues).toEqual([]);
      expect(result.rows).toBe(rows.length);
      expect(result.ignoredColumns).toEqual([]);
      expect(result.skuInfo.map(expected)).toEqual(rows.map(expected));
      // Money is read as the text of its cell: exact, never a binary fraction.
      for (const info of result.skuInfo) {
        for (const field of MONEY_FIELDS) {
          const value = info[field as keyof typeof info];
          if (value !== undefined) expect(typeof value).toBe("string");
        }
      }
    },
  );

  test.prop([skuMaster, headerStyle, fc.constantFrom("ndjson", "json" as const), cuts])(
    "NDJSON and JSON read back the rows written, numbers and money as JSON typed them",
    async (rows, style, fmt, at) => {
      const records = spelled(rows, style);
      const columns = FIELD_NAMES.map(HEADER_STYLES[style]);
      const text = fmt === "ndjson" ? toNdjson(records, { columns }) : toJson(records, { columns });
      const result = await readSkuInfo(textStream(text, at), { format: fmt });
      expect(result.issues).toEqual([]);
      expect(result.rows).toBe(rows.length);
      expect(result.skuInfo.map(expected)).toEqual(rows.map(expected));
      // A number stays the same number; a Decimal is written as its exact text.
      result.skuInfo.forEach((info, i) => {
        for (const field of MONEY_FIELDS) {
          const written = (rows[i] as Row)[field];
          const read = info[field as keyof typeof info];
          if (typeof written === "number") expect(read).toBe(written);
          if (written instanceof Decimal) expect(read).toBe(written.toFixed());
        }
      });
    },
  );
});

// ---------------------------------------------------------------------------------------------
// (c) Rows with one bad cell each, among good rows.

/** A bad value of a field: as a CSV cell and as a JSON value (either may be absent), and its code. */
interface BadCell {
  readonly fields: readonly string[];
  readonly csv?: string;
  readonly json?: unknown;
  readonly code: LedgerIssue["code"];
}

const MONEY = [...MONEY_FIELDS];
const BAD_CELLS: readonly BadCell[] = [
  { fields: ["sku"], csv: "", json: "", code: "empty_sku" },
  { fields: ["sku"], csv: " \t", json: "\u3000", code: "empty_sku" },
  { fields: ["sku"], json: 7, code: "invalid_type" },
  { fields: ["sku"], json: null, code: "invalid_type" },
  { fields: ["description", "category"], json: 7, code: "invalid_type" },
  { fields: ["description", "category"], json: ["x"], code: "invalid_type" },
  { fields: NUMBER_FIELDS, csv: "abc", json: "abc", code: "invalid_type" },
  { fields: NUMBER_FIELDS, csv: "1,5", json: "1.5", code: "invalid_type" },
  { fields: NUMBER_FIELDS, csv: "1e3", json: true, code: "invalid_type" },
  { fields: NUMBER_FIELDS, csv: "12 kg", json: {}, code: "invalid_type" },
  { fields: NUMBER_FIELDS, csv: "NaN", json: "NaN", code: "invalid_type" },
  { fields: NUMBER_FIELDS, csv: "-1", json: -1, code: "invalid_quantity" },
  { fields: NUMBER_FIELDS, csv: "-0.5", json: -1e300, code: "invalid_quantity" },
  { fields: ["serviceLevel"], csv: "1", json: 1, code: "invalid_quantity" },
  { fields: ["serviceLevel"], csv: "0", json: 0, code: "invalid_quantity" },
  { fields: ["serviceLevel"], csv: "1.5", json: 1e308, code: "invalid_quantity" },
  { fields: ["packSize"], csv: "0", json: 0, code: "invalid_quantity" },
  { fields: MONEY, csv: "abc", json: "abc", code: "invalid_money" },
  { fields: MONEY, csv: "1,50", json: "1,50", code: "invalid_money" },
  { fields: MONEY, csv: "€2", json: true, code: "invalid_money" },
  { fields: MONEY, csv: "NaN", json: "NaN", code: "invalid_money" },
  { fields: MONEY, csv: "Infinity", json: {}, code: "invalid_money" },
  { fields: MONEY, csv: "1e", json: "1e", code: "invalid_money" },
  { fields: MONEY, csv: "-0.01", json: -1, code: "negative_money" },
  { fields: MONEY, csv: "-1e3", json: "-1E-2", code: "negative_money" },
  { fields: ["standardCost"], csv: "0.0000000000001", json: 1e-13, code: "money_precision" },
  {
    fields: ["standardCost"],
    csv: "1234567890123456",
    json: "12345678901234567",
    code: "money_precision",
  },
];

/** One bad cell: an entry of BAD_CELLS and which of its fields; or a SKU of an earlier row. */
type Bad = readonly [BadCell, number] | "duplicate";
const badCell: fc.Arbitrary<Bad> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...BAD_CELLS), fc.nat()) },
  { weight: 1, arbitrary: fc.constant("duplicate" as const) },
);

/** Good rows, and for some rows a bad cell that replaces one of their fields. */
const rowsWithBadCells = fc.tuple(
  skuMaster,
  fc.array(fc.option(badCell, { freq: 2 }), { minLength: 12, maxLength: 12 }),
);

/** An issue as the test expects it: row, line, field, code, and for a duplicate its message. */
interface Wanted {
  readonly row: number;
  readonly field: string;
  readonly code: string;
  /** The data row whose SKU this row repeats. */
  readonly first?: number;
}

/**
 * The rows to write, with their bad cells in place (`csv` or `json` values, as the format has
 * them; a bad cell without one leaves its row good), the issues they must give, and the good rows.
 */
function plan(
  rows: readonly Row[],
  bads: readonly (Bad | null)[],
  format: "csv" | "json",
): { records: Row[]; wanted: Wanted[]; good: Row[] } {
  const records: Row[] = [];
  const wanted: Wanted[] = [];
  const good: Row[] = [];
  // The rows that list their SKU first: good rows, and bad rows whose SKU is valid (found by an
  // input audit: a repeat of a SKU whose first row had a bad cell was not reported).
  const listed: number[] = [];
  rows.forEach((row, r) => {
    const bad = bads[r];
    if (bad === "duplicate" && listed.length > 0) {
      // The SKU of an earlier row: the later row is left out, and names the first's line.
      const first = listed[r % listed.length] as number;
      const sku = (rows[first] as Row).sku;
      records.push({ ...row, sku });
      wanted.push({ row: r, field: "sku", code: "duplicate_id", first });
      return;
    }
    if (bad !== null && bad !== undefined && bad !== "duplicate") {
      const [cell, k] = bad;
      const field = cell.fields[k % cell.fields.length] as string;
      if (format in cell) {
        records.push({ ...row, [field]: cell[format] });
        wanted.push({ row: r, field, code: cell.code });
        if (field !== "sku") listed.push(r);
        return;
      }
    }
    records.push(row);
    good.push(row);
    listed.push(r);
  });
  return { records, wanted, good };
}

/** The physical lines in a text: CRLF, LF and a lone CR each end one. */
function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Checks the issues against the plan, given the line of each data row. */
function expectIssues(issues: readonly LedgerIssue[], wanted: readonly Wanted[], lines: number[]) {
  expect(issues.map(({ row, line, field, code }) => ({ row, line, field, code }))).toEqual(
    wanted.map(({ row, field, code }) => ({ row, line: lines[row], field, code })),
  );
  issues.forEach((issue, i) => {
    const { first } = wanted[i] as Wanted;
    if (first !== undefined) {
      expect(issue.message).toBe(`sku is already listed on row ${first} (line ${lines[first]})`);
    }
    expect(issue.message.startsWith(issue.field)).toBe(true);
  });
}

describe("readSkuInfo: one bad cell per row among good rows", () => {
  test.prop([
    rowsWithBadCells,
    columnOrder,
    fc.constantFrom(",", ";", "\t" as const),
    fc.boolean(),
  ])(
    "CSV: exactly the bad rows are reported, each with its line and field; the good rows are read",
    async ([rows, bads], order, delimiter, crlf) => {
      const options = {
        escapeFormulas: false,
        delimiter,
        lineEnding: crlf ? "\r\n" : "\n",
      } as const;
      const { records, wanted, good } = plan(rows, bads, "csv");
      // The line of each record: 1 + the line breaks before it (quoted fields may hold some).
      const lines: number[] = [];
      let text = toCsv([], { ...options, columns: order });
      for (const record of records) {
        lines.push(lineBreaks(text) + 1);
        text += toCsv([record as FlatRecord], { ...options, columns: order, header: false });
      }
      expect(toCsv(records as FlatRecord[], { ...options, columns: order })).toBe(text);
      const result = await readSkuInfo(textStream(text), { delimiter });
      expectIssues(result.issues, wanted, lines);
      expect(result.rows).toBe(rows.length);
      expect(result.skuInfo.map(expected)).toEqual(good.map(expected));
    },
  );

  test.prop([rowsWithBadCells, fc.constantFrom("ndjson", "json" as const)])(
    "NDJSON and JSON: exactly the bad rows are reported, each with its line and field",
    async ([rows, bads], fmt) => {
      const { records, wanted, good } = plan(rows, bads, "json");
      // The JSON text of each record (a Decimal as its exact text), one per line, as the writers
      // write them (which refuse values that are not cells, such as arrays).
      const json = records.map((record) =>
        JSON.stringify(record, (_key, value: unknown) =>
          value instanceof Decimal ? value.toFixed() : value,
        ),
      );
      const text =
        fmt === "ndjson" ? json.map((line) => `${line}\n`).join("") : `[\n${json.join(",\n")}\n]\n`;
      const result = await readSkuInfo(textStream(text), { format: fmt });
      // Row r is on line r + 1 (NDJSON), or r + 2 (JSON, after the "[" line).
      expectIssues(
        result.issues,
        wanted,
        records.map((_, r) => (fmt === "ndjson" ? r + 1 : r + 2)),
      );
      expect(result.rows).toBe(rows.length);
      expect(result.skuInfo.map(expected)).toEqual(good.map(expected));
    },
  );
});

// ---------------------------------------------------------------------------------------------
// (d) The reader and analyzeLedger agree (docs/io.md): a master that reads without problems is one
// analyzeLedger takes, and one it takes reads without problems; the problems are the same.

describe("readSkuInfo and analyzeLedger's skuInfo agree", () => {
  const period = { from: "2025-01-01", to: "2025-01-31" };
  test.prop([rowsWithBadCells])(
    "the same rows are refused, with the same fields, codes and messages; the rows read are taken",
    async ([rows, bads]) => {
      const { records } = plan(rows, bads, "json");
      const ndjson = records
        .map((record) =>
          JSON.stringify(record, (_key, value: unknown) =>
            value instanceof Decimal ? value.toFixed() : value,
          ),
        )
        .map((line) => `${line}\n`)
        .join("");
      const read = await readSkuInfo(textStream(ndjson), { format: "ndjson" });
      // One SKU of the master has movements, so that its figures are computed too.
      const sku = typeof rows[0]?.sku === "string" ? rows[0].sku : "A";
      const ledger = [
        { sku, date: "2025-01-02", type: "receipt" as const, quantity: 5, unitCost: 2 },
      ];
      const skuInfo = ndjson
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as SkuInfo);
      const analyze = () => analyzeLedger(ledger, { period, skuInfo });
      const what = ({ row, field, code, message }: LedgerIssue) =>
        `${row} ${field} ${code} ${message.replace(/ \(line \d+\)$/, "")}`;
      if (read.issues.length === 0) {
        expect(analyze).not.toThrow();
      } else {
        expect(errorOf(analyze).issues.map(what)).toEqual(read.issues.map(what));
      }
      expect(() => analyzeLedger(ledger, { period, skuInfo: read.skuInfo })).not.toThrow();
    },
  );
});

// (e) Found by a review: a column or key that is a near miss of a field the row lacks (`Lead Time`
// without leadTimeDays) was only an ignored column in a file, but a problem in memory. The verdicts
// now agree for every name the reader does not map to a field itself (a spelling of a field, such
// as `Service Level`, is that field in a file, and a near miss in memory: refused, not lost).

/** Extra names: near misses of a field with a Days unit, and data. */
const EXTRA_NAMES = [
  "Lead Time",
  "lead_time",
  "leadTimeDay",
  "reviewPeriod",
  "Review Period Day",
  "lead time std dev",
  "category1",
  "supplier",
  "dates",
  "leadTimes",
  "moq",
  "serviceLevels",
];

const masterRow = fc.record(
  {
    leadTimeDays: fc.constantFrom(3, null),
    reviewPeriodDays: fc.constant(7),
    leadTimeStdDevDays: fc.constant(1),
    extras: fc.subarray(EXTRA_NAMES),
  },
  { requiredKeys: ["extras"] },
);

describe("readSkuInfo and analyzeLedger's skuInfo agree on near misses", () => {
  const period = { from: "2025-01-01", to: "2025-01-31" };
  const ledger = [
    { sku: "S0", date: "2025-01-02", type: "receipt" as const, quantity: 5, unitCost: 2 },
  ];
  test.prop([fc.array(masterRow, { minLength: 1, maxLength: 6 })])(
    "NDJSON rows and the same objects: the same misspelt_field issues; a CSV header refuses alike",
    async (rows) => {
      const records = rows.map(({ extras, ...fields }, r) => ({
        sku: `S${r}`,
        ...fields,
        ...Object.fromEntries(extras.map((name) => [name, 1])),
      }));
      const ndjson = records.map((record) => `${JSON.stringify(record)}\n`).join("");
      const read = await readSkuInfo(textStream(ndjson), { format: "ndjson" });
      const inMemory = (() => {
        try {
          analyzeLedger(ledger, { period, skuInfo: records as SkuInfo[] });
          return [];
        } catch (e) {
          return (e as InvKpiError).issues;
        }
      })();
      const what = ({ row, field, code, value }: LedgerIssue) => `${row} ${field} ${code} ${value}`;
      expect(read.issues.map(what)).toEqual(inMemory.map(what));
      // A CSV file of one such row (its null fields left out: a column is there or not) is
      // refused when the object is.
      const first = Object.fromEntries(
        Object.entries(records[0] as object).filter(([, value]) => value !== null),
      );
      const names = Object.keys(first);
      const csv = `${names.join(",")}\n${names.map((n) => String(first[n])).join(",")}\n`;
      const fromCsv = await readSkuInfo(textStream(csv));
      const memory = (() => {
        try {
          analyzeLedger(ledger, { period, skuInfo: [first] as SkuInfo[] });
          return true;
        } catch {
          return false;
        }
      })();
      expect(fromCsv.issues.length === 0).toBe(memory);
    },
  );
});
