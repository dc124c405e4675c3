import { visibleControls } from "../io/formatTable.js";
import type { LedgerIssue } from "../model/InvKpiError.js";
import { commandLineWords } from "./commandLineWords.js";

/**
 * One problem of an input file on one line, in the `file:line:` form editors and terminals link
 * to: where, which field, what is wrong (in the command line's words: its flags, not the library's
 * option names, see `commandLineWords`), the value found, and the machine code. Control characters
 * (of a value or a header name the message quotes) are shown as escapes (`\x1b`), never raw.
 *
 * @param source - the file name as the user gave it (`stdin` for `-`).
 * @example
 * ```ts
 * formatIssue(
 *   { row: 4998, line: 5000, field: "date", code: "invalid_date", message: "date must be a real calendar day", value: '"2025-02-30"' },
 *   "ledger.csv",
 * );
 * // 'ledger.csv:5000: date: date must be a real calendar day; got "2025-02-30" [invalid_date]'
 * ```
 */
export function formatIssue(issue: LedgerIssue, source: string): string {
  const where =
    issue.line === undefined ? `${source}: row ${issue.row + 1}` : `${source}:${issue.line}`;
  const field = issue.field === "" ? "" : ` ${issue.field}:`;
  const got =
    issue.value === undefined || issue.code === "missing_field" ? "" : `; got ${issue.value}`;
  const message = commandLineWords(issue.message);
  return visibleControls(`${where}:${field} ${message}${got} [${issue.code}]`);
}
