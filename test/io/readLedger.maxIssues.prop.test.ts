import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  type CsvReadPaths,
  type ReadLedgerResult,
  readLedgerVia,
} from "../../src/io/readLedger.js";
import type { LedgerIssue } from "../../src/model/InvKpiError.js";
import { columnsView, textStream } from "./helpers.js";

// `maxIssues` keeps the first issues of a read and counts the rest: whatever the text, a capped
// read keeps exactly the first `maxIssues` issues an uncapped read gives (the ones `invkpi
// analyze` shows), and its totals (`issueCount`, `rowsWithIssues`) are those of the whole list,
// on every path that finds issues (CSV fast and general, NDJSON, JSON), the rows and columns
// unchanged. `onIssue` hands over the whole list as it is found, whatever `maxIssues` keeps.

/** Rows with 0 to 4 problems each, parse errors, duplicate ids and blank lines among them. */
const csvRecord = fc.constantFrom(
  "A,2025-01-02,receipt,5,1,",
  "A,2025-01-02,issue,1,,",
  "A,2025-13-45,sell,abc,xx,",
  "A,2025-02-30,issue,-2,,",
  "B,2025-01-03,receipt,1,,",
  "B,2025-01-03,receipt,1,1,DUP",
  "A,2025-01-02,issue",
  '"A"x,2025-01-02,issue,1,,',
  ",2025-01-02,issue,1,,",
  "",
);
const csv = fc
  .tuple(
    fc.constantFrom("sku,date,type,quantity,unitCost,id", 'sku,date,type,quantity,"unit"Cost,id'),
    fc.array(csvRecord, { maxLength: 40 }),
    fc.constantFrom("", '\n"A,2025-01-02'),
  )
  .map(([header, records, tail]) => `${[header, ...records].join("\n")}${tail}\n`);

const jsonRow = fc.constantFrom(
  '{"sku":"A","date":"2025-01-02","type":"receipt","quantity":5,"unitCost":1}',
  '{"sku":"A","date":"2025-13-45","type":"sell","quantity":"abc","unitCost":"xx"}',
  '{"sku":"A","Sku":"B","date":"2025-01-02","type":"issue","quantity":1}',
  '{"sku":"A","date":"2025-01-02","type":"issue","quantity":1,"id":"DUP"}',
  "3",
  "{not json",
);
const ndjson = fc.array(jsonRow, { maxLength: 40 }).map((rows) => `${rows.join("\n")}\n`);
const json = fc
  .array(
    jsonRow.filter((row) => row !== "{not json"),
    { maxLength: 40 },
  )
  .map((rows) => `[\n${rows.join(",\n")}\n]\n`);

const input = fc.oneof(
  csv.map((text) => ({ text, format: "csv" as const })),
  ndjson.map((text) => ({ text, format: "ndjson" as const })),
  json.map((text) => ({ text, format: "json" as const })),
);
const maxIssues = fc.oneof(fc.nat({ max: 25 }), fc.constant(20));
const paths = fc.constantFrom<CsvReadPaths>("fast-and-general", "general-only");
const cuts = fc.array(fc.nat({ max: 2000 }), { maxLength: 4 });

/** The data rows that have an issue (a problem of the file as a whole, row −1, is no row). */
function rowsWithIssues(issues: readonly LedgerIssue[]): number {
  return new Set(issues.filter((issue) => issue.row >= 0).map((issue) => issue.row)).size;
}

function read(
  text: string,
  format: "csv" | "ndjson" | "json",
  path: CsvReadPaths,
  cap: number | undefined,
  at: readonly number[] = [],
  onIssue?: (issue: LedgerIssue) => void,
): Promise<ReadLedgerResult> {
  return readLedgerVia(textStream(text, at), { format, maxIssues: cap, onIssue }, path);
}

describe("readLedger's maxIssues", () => {
  test.prop([input, maxIssues, paths, cuts])(
    "keeps the first maxIssues issues of the whole list and counts them all",
    async ({ text, format }, cap, path, at) => {
      const whole = await read(text, format, path, undefined);
      const capped = await read(text, format, path, cap, at);
      expect(capped.issues).toEqual(whole.issues.slice(0, cap));
      expect(capped.issueCount).toBe(whole.issues.length);
      expect(capped.rowsWithIssues).toBe(rowsWithIssues(whole.issues));
      expect(capped.rows).toBe(whole.rows);
      expect(columnsView(capped.columns)).toEqual(columnsView(whole.columns));
    },
  );

  test.prop([input, maxIssues, paths, cuts])(
    "onIssue hands over every issue of the whole list, in order, once each, whatever is kept",
    async ({ text, format }, cap, path, at) => {
      const whole = await read(text, format, path, undefined);
      const handed: LedgerIssue[] = [];
      const capped = await read(text, format, path, cap, at, (issue) => handed.push(issue));
      expect(handed).toEqual(whole.issues);
      expect(capped.issues).toEqual(whole.issues.slice(0, cap));
      expect(capped.issueCount).toBe(handed.length);
    },
  );

  test.prop([input, paths])(
    "without it, keeps every issue and counts them as the list does",
    async ({ text, format }, path) => {
      const whole = await read(text, format, path, undefined);
      expect(whole.issueCount).toBe(whole.issues.length);
      expect(whole.rowsWithIssues).toBe(rowsWithIssues(whole.issues));
    },
  );
});
