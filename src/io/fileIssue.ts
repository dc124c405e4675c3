import type { LedgerIssue } from "../model/InvKpiError.js";

/** Row number of problems that belong to the file as a whole (its header, or its absence). */
export const FILE_ROW = -1;

/**
 * A problem of the file as a whole, reported on a line rather than on a row.
 *
 * @example
 * ```ts
 * fileIssue(1, "", "parse_error", "the file is empty: a CSV file needs a header row");
 * // { row: -1, line: 1, field: "", code: "parse_error", message: "the file is empty: a CSV file needs a header row" }
 * ```
 */
export function fileIssue(
  line: number,
  field: string,
  code: LedgerIssue["code"],
  message: string,
): LedgerIssue {
  return { row: FILE_ROW, line, field, code, message };
}
