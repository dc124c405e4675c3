import type { LedgerIssue } from "../model/InvKpiError.js";

/**
 * How many problems a read found, and in how many data rows: the totals of a read that kept only
 * its first issues (`readLedger`'s `maxIssues`).
 */
export interface IssueTotals {
  /** Every problem found, kept or not. */
  readonly issueCount: number;
  /** The data rows with at least one problem (a problem of the file as a whole is in none). */
  readonly rowsWithIssues: number;
}

/**
 * "3 problems in 2 of 10 rows": how many problems a ledger's issues hold, in how many of its rows.
 *
 * A problem with the file as a whole (row −1: an empty file, a missing column) is counted as a
 * problem but not as a row; when no row has a problem the phrase is "… in the file". Counts the
 * issues given, or takes the totals of a read that kept only some of them.
 *
 * @param found - every issue, or the totals of a read ({@link IssueTotals}).
 * @param rows - how many rows the input had.
 * @param digits - how a count is written (the command line separates thousands); default `String`.
 * @example
 * ```ts
 * const bad = { row: 4, field: "date", code: "invalid_date", message: "" } as const;
 * problemCount([bad, { ...bad, field: "sku" }], 10); // "2 problems in 1 of 10 rows"
 * problemCount([{ ...bad, row: -1 }], 0); // "1 problem in the file"
 * problemCount({ issueCount: 2, rowsWithIssues: 1 }, 10); // "2 problems in 1 of 10 rows"
 * ```
 */
export function problemCount(
  found: readonly LedgerIssue[] | IssueTotals,
  rows: number,
  digits: (count: number) => string = String,
): string {
  const { issueCount, rowsWithIssues: badRows } = Array.isArray(found)
    ? totalsOf(found)
    : (found as IssueTotals);
  const counted = (count: number, noun: string) =>
    `${digits(count)} ${count === 1 ? noun : `${noun}s`}`;
  const problems = counted(issueCount, "problem");
  if (badRows === 0) return `${problems} in the file`;
  return `${problems} in ${digits(badRows)} of ${counted(rows, "row")}`;
}

/** The totals of a list of every issue. */
function totalsOf(issues: readonly LedgerIssue[]): IssueTotals {
  const rows = new Set(issues.filter((issue) => issue.row >= 0).map((issue) => issue.row));
  return { issueCount: issues.length, rowsWithIssues: rows.size };
}
