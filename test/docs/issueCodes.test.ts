import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// docs/cli.md sends readers to docs/io.md for the issue codes: its table must list every code of
// `LedgerIssueCode` (found by a usability audit: six codes appeared nowhere in the docs).

const ROOT = join(import.meta.dirname, "../..");
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");

/** The string literals of the `LedgerIssueCode` union, read from its source. */
function issueCodesOfUnion(): string[] {
  const source = read("src/model/InvKpiError.ts");
  const union = /export type LedgerIssueCode =([^;]*);/.exec(source)?.[1] ?? "";
  // Comments inside the union may quote other things: drop them first.
  const code = union.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  return [...code.matchAll(/"([a-z_]+)"/g)].map((m) => m[1] as string);
}

/** The codes in the first column of the table under io.md's "Issue codes" heading. */
function issueCodesOfTable(): string[] {
  const doc = read("docs/io.md");
  const section = /\n#+ Issue codes\n([\s\S]*?)(?=\n#+ |$)/.exec(doc)?.[1] ?? "";
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));
  return rows.map((line) => /^\| `([a-z_]+)`/.exec(line)?.[1] ?? line);
}

describe("docs/io.md lists every ledger issue code", () => {
  it("has a row in its Issue codes table for each code of LedgerIssueCode, and no other", () => {
    const union = issueCodesOfUnion();
    expect(union.length).toBeGreaterThanOrEqual(18); // the parse found the union
    expect(union).toContain("parse_error");
    const table = issueCodesOfTable();
    expect(union.filter((code) => !table.includes(code))).toEqual([]);
    expect(table.filter((code) => !union.includes(code))).toEqual([]);
    expect(new Set(table).size).toBe(table.length);
  });
});
