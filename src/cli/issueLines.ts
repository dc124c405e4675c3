import { type IssueTotals, problemCount as problemCountOf } from "../ledger/problemCount.js";
import type { LedgerIssue } from "../model/InvKpiError.js";
import { displayCount, displayNumber } from "./displayNumber.js";
import { formatIssue } from "./formatIssue.js";

/**
 * The problems of an input file, one line each (see {@link formatIssue}); with `limit`, the first
 * `limit` and a line saying how many more there are, of `total` in all (default: as many as
 * `issues` holds; more when the read kept only the first, see `readLedger`'s `maxIssues`).
 *
 * @example
 * ```ts
 * const issue = { row: 3, line: 5, field: "date", code: "invalid_date", message: "date must be a real calendar day", value: "2025-02-30" };
 * [...issueLines([issue, issue, issue], "ledger.csv", 2)].length; // 3: two problems and "… and 1 more problem"
 * [...issueLines([issue, issue], "ledger.csv", 2, 9)][2]; // "… and 7 more problems (invkpi validate lists them all)\n"
 * ```
 */
export function* issueLines(
  issues: readonly LedgerIssue[],
  source: string,
  limit = Number.POSITIVE_INFINITY,
  total = issues.length,
): Generator<string> {
  const shown = Math.min(limit, issues.length);
  for (let i = 0; i < shown; i++) yield `${formatIssue(issues[i] as LedgerIssue, source)}\n`;
  if (total > shown) {
    yield `… and ${displayCount(total - shown, "more problem")} (invkpi validate lists them all)\n`;
  }
}

/**
 * "3 problems in 2 of 10,000 rows": {@link problemCountOf} with thousands separated, of every
 * issue or of a read's totals.
 *
 * @example
 * ```ts
 * problemCount([{ row: 1, field: "date", code: "invalid_date", message: "" }], 10000); // "1 problem in 1 of 10,000 rows"
 * problemCount({ issueCount: 4000000, rowsWithIssues: 1000000 }, 1000000); // "4,000,000 problems in 1,000,000 of 1,000,000 rows"
 * ```
 */
export function problemCount(found: readonly LedgerIssue[] | IssueTotals, rows: number): string {
  return problemCountOf(found, rows, (count) => displayNumber(count, 0));
}
