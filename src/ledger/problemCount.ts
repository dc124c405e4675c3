import type { LedgerIssue } from "../model/InvKpiError.js";

/**
 * "3 problems in 2 of 10 rows": how many problems a ledger's issues hold, in how many of its rows.
 *
 * A problem with the file as a whole (row −1: an empty file, a missing column) is counted as a
 * problem but not as a row; when no row has a problem the phrase is "… in the file".
 *
 * @param rows - how many rows the input had.
 * @param digits - how a count is written (the command line separates thousands); default `String`.
 * @example
 * ```ts
 * const bad = { row: 4, field: "date", code: "invalid_date", message: "" } as const;
 * problemCount([bad, { ...bad, field: "sku" }], 10); // "2 problems in 1 of 10 rows"
 * problemCount([{ ...bad, row: -1 }], 0); // "1 problem in the file"
 * ```
 */
export function problemCount(
  issues: readonly LedgerIssue[],
  rows: number,
  digits: (count: number) => string = String,
): string {
  const counted = (count: number, noun: string) =>
    `${digits(count)} ${count === 1 ? noun : `${noun}s`}`;
  const badRows = new Set(issues.filter((issue) => issue.row >= 0).map((issue) => issue.row)).size;
  const problems = counted(issues.length, "problem");
  if (badRows === 0) return `${problems} in the file`;
  return `${problems} in ${digits(badRows)} of ${counted(rows, "row")}`;
}
