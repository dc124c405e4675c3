import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { FlatRecord } from "../../src/io/CellValue.js";
import { readLedger } from "../../src/io/readLedger.js";
import { toCsv } from "../../src/io/toCsv.js";
import { toJson } from "../../src/io/toJson.js";
import { toNdjson } from "../../src/io/toNdjson.js";
import { LedgerColumnsBuilder } from "../../src/ledger/LedgerColumns.js";
import { readMovementRow } from "../../src/ledger/readMovementRow.js";
import { rowContext } from "../../src/ledger/validateLedger.js";
import { InvKpiError, type LedgerIssue } from "../../src/model/InvKpiError.js";
import { byteStream, columnsView, textStream } from "./helpers.js";

// Property tests of the readers: a ledger written by the writers (CSV, NDJSON, JSON) and read back
// gives exactly the columns and issues that the in-memory rows give, whatever the text of its codes
// (commas, quotes, line breaks, tabs, spaces, Chinese, emoji) and however the stream is cut; and
// arbitrary text never makes a reader throw anything but InvKpiError, while every issue has a line.

/** Text pieces that stress CSV: delimiters, quotes, every line break, spaces, CJK, emoji, accents. */
const piece = fc.oneof(
  fc.constantFrom(",", ";", '"', '""', "\n", "\r\n", "\r", " ", "\t", "'", "="),
  fc.constantFrom("螺丝", "不锈钢", "東京", "😀", "👨‍👩‍👧", "é", "e\u0301", "Ω"),
  fc.string({ unit: "grapheme-ascii", maxLength: 4 }),
  fc.string({ unit: "grapheme", maxLength: 2 }),
);
/** A code (SKU, location, lot, id): any text that is not blank. */
const code = fc
  .array(piece, { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""))
  .filter((text) => text.trim() !== "");

const day = fc
  .integer({ min: 0, max: 800 })
  .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
/** Money as text with trailing zeros, or as a number (the writers print numbers plainly). */
const money = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 4 }))
    .map(([units, decimals]) => (units / 10 ** decimals).toFixed(decimals)),
  fc.integer({ min: 0, max: 999_999 }).map((units) => units / 100),
);
const quantity = fc.oneof(
  fc.integer({ min: 1, max: 10_000 }),
  fc.integer({ min: 1, max: 10_000_000 }).map((milli) => milli / 1000),
  fc.constantFrom(1e-7, 123_456_789),
);

/** A ledger row; some are invalid on purpose (a receipt without cost, a duplicate id). */
const movement = fc
  .record(
    {
      sku: code,
      date: day,
      type: fc.constantFrom("receipt", "issue", "return", "adjustment", "transfer"),
      quantity,
      negative: fc.boolean(),
      unitCost: money,
      unitPrice: money,
      location: code,
      lot: code,
      expiresOn: day,
      id: fc.oneof(code, fc.constantFrom("DUP-1", "DUP-2")),
    },
    { requiredKeys: ["sku", "date", "type", "quantity", "negative"] },
  )
  .map(({ negative, ...row }): FlatRecord => {
    const signed = row.type === "adjustment" || row.type === "transfer";
    return { ...row, quantity: signed && negative ? -row.quantity : row.quantity };
  });
const ledger = fc.array(movement, { maxLength: 25 });

const COLUMNS = [
  "sku",
  "date",
  "type",
  "quantity",
  "unitCost",
  "unitPrice",
  "location",
  "lot",
  "expiresOn",
  "id",
];

/** The columns and issues the in-memory rows give, through the one row check. */
function reference(rows: readonly FlatRecord[]): { view: unknown; issues: string[] } {
  const ctx = rowContext({});
  const builder = new LedgerColumnsBuilder();
  rows.forEach((row, index) => {
    readMovementRow(row, index, builder, ctx);
  });
  return { view: columnsView(builder.finish()), issues: addresses(ctx.issues) };
}

/** Issues without lines (lines differ between formats): row, field and code. */
function addresses(issues: readonly LedgerIssue[]): string[] {
  return issues.map((i) => `${i.row} ${i.field} ${i.code}`);
}

/** Offsets at which to cut a text into stream chunks. */
const cuts = fc.array(fc.nat({ max: 4000 }), { maxLength: 6 });

describe("readLedger round trip", () => {
  test.prop([ledger, cuts])(
    "CSV (no formula escaping) reads back exactly the rows written",
    async (rows, at) => {
      const expected = reference(rows);
      const csv = toCsv(rows, { columns: COLUMNS, escapeFormulas: false });
      const result = await readLedger(textStream(csv, at));
      expect(columnsView(result.columns)).toEqual(expected.view);
      expect(addresses(result.issues)).toEqual(expected.issues);
      expect(result.rows).toBe(rows.length);
    },
  );

  test.prop([ledger, cuts, fc.constantFrom(",", ";", "\t" as const), fc.boolean()])(
    "CSV with BOM, CRLF and any delimiter, streamed as bytes cut anywhere, reads back the same",
    async (rows, at, delimiter, crlf) => {
      const csv = toCsv(rows, {
        columns: COLUMNS,
        escapeFormulas: false,
        delimiter,
        bom: true,
        lineEnding: crlf ? "\r\n" : "\n",
      });
      const result = await readLedger(byteStream(csv, at), { delimiter });
      expect(columnsView(result.columns)).toEqual(reference(rows).view);
    },
  );

  test.prop([ledger])(
    "CSV with formula escaping changes exactly the text cells that start like a formula",
    async (rows) => {
      const escaped = rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v,
          ]),
        ),
      );
      const result = await readLedger(textStream(toCsv(rows, { columns: COLUMNS })));
      expect(columnsView(result.columns)).toEqual(reference(escaped).view);
    },
  );

  test.prop([ledger, cuts])("NDJSON reads back exactly the rows written", async (rows, at) => {
    const expected = reference(rows);
    const result = await readLedger(textStream(toNdjson(rows, { columns: COLUMNS }), at), {
      format: "ndjson",
    });
    expect(columnsView(result.columns)).toEqual(expected.view);
    expect(addresses(result.issues)).toEqual(expected.issues);
    // One object per line, so row r is on line r + 1.
    expect(result.issues.every((i) => i.line === i.row + 1)).toBe(true);
  });

  test.prop([ledger])("a JSON array reads back exactly the rows written", async (rows) => {
    const expected = reference(rows);
    const result = await readLedger(textStream(toJson(rows, { columns: COLUMNS })), {
      format: "json",
    });
    expect(columnsView(result.columns)).toEqual(expected.view);
    expect(addresses(result.issues)).toEqual(expected.issues);
    expect(result.issues.every((i) => i.line === i.row + 2)).toBe(true); // "[" is line 1
  });
});

/** Text made of CSV and JSON syntax, line breaks, ledger-like words, and anything at all. */
const noise = fc
  .array(
    fc.oneof(
      fc.constantFrom(",", '"', "\n", "\r\n", "\r", "{", "}", "[", "]", ":", "\t", " ", "\uFEFF"),
      fc.constantFrom("sku", "date", "type", "quantity", "receipt", "issue", "2025-01-01", "12"),
      fc.string({ maxLength: 5 }),
      fc.string({ unit: "grapheme", maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));
const header = fc.constantFrom("", "sku,date,type,quantity,unitCost\n", '["', "{");

describe("readLedger on arbitrary text", () => {
  test.prop([header, noise, cuts, fc.constantFrom("csv", "ndjson", "json" as const)])(
    "never throws but InvKpiError; every issue has a line within the text",
    async (head, body, at, format) => {
      const text = head + body;
      try {
        const result = await readLedger(textStream(text, at), { format });
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const issue of result.issues) {
          expect(Number.isInteger(issue.line)).toBe(true);
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lines);
          expect(issue.row).toBeLessThan(Math.max(result.rows, 1));
        }
        expect(result.columns.length).toBeLessThanOrEqual(result.rows);
      } catch (error) {
        expect(error).toBeInstanceOf(InvKpiError);
      }
    },
  );

  test.prop([header, noise, cuts])(
    "gives the same result however the stream is cut",
    async (head, body, at) => {
      const text = head + body;
      const whole = await readLedger(textStream(text));
      const cut = await readLedger(textStream(text, at));
      expect(cut.issues).toEqual(whole.issues);
      expect(columnsView(cut.columns)).toEqual(columnsView(whole.columns));
    },
  );
});
