import { describeValue, InvKpiError, type LedgerIssue } from "../model/InvKpiError.js";

/**
 * The issues of one read: the first `max` kept, in the order found, and every one counted, with
 * the data rows they are in. The readers push a row's issues onto {@link issues} as they find
 * them (and may still rewrite them while the row is read); once the row is done, {@link settle}
 * counts them and drops those past `max`. So a file with a problem in each of its million rows
 * holds `max` issues, not a million (~440 bytes each), while the counts stay those of the whole
 * list: what `problemCount` words ("4,000,000 problems in 1,000,000 of 1,000,000 rows").
 *
 * Rows must come in order, each row's issues together (a problem of the file as a whole, row −1,
 * anywhere): the readers read that way, so a row is counted when its first issue is.
 *
 * With `onIssue`, each issue is also handed over once it is settled, kept or not, in the order
 * found: a caller can write every problem out as it comes and keep none (`invkpi validate`).
 *
 * @example
 * ```ts
 * const tally = new IssueTally([], 1);
 * const issue = { row: 4, field: "date", code: "invalid_date", message: "" } as const;
 * tally.issues.push(issue, { ...issue, field: "sku" });
 * tally.settle();
 * [tally.issues.length, tally.issueCount, tally.rowsWithIssues]; // [1, 2, 1]
 * ```
 */
export class IssueTally {
  /** The issues kept: after {@link settle}, the first `max` found. */
  readonly issues: LedgerIssue[];
  private readonly max: number;
  private readonly onIssue: ((issue: LedgerIssue) => void) | undefined;
  /** `issues[0, settled)` are counted; those after it are the current row's. */
  private settled = 0;
  private issuesFound = 0;
  private rowsFound = 0;
  private lastRow = -1;

  /**
   * @param issues - where the issues go (the row checks push onto it too).
   * @param max - how many to keep; default every one.
   * @param onIssue - called with each issue as it is settled, in the order found; default none.
   */
  constructor(
    issues: LedgerIssue[],
    max = Number.POSITIVE_INFINITY,
    onIssue?: (issue: LedgerIssue) => void,
  ) {
    this.issues = issues;
    this.max = max;
    this.onIssue = onIssue;
  }

  /** Every issue found (kept or not), up to the last {@link settle}. */
  get issueCount(): number {
    return this.issuesFound;
  }

  /** The data rows with at least one issue (row −1, the file's, is none), up to the last {@link settle}. */
  get rowsWithIssues(): number {
    return this.rowsFound;
  }

  /**
   * Counts the issues pushed since the last call, hands them to `onIssue`, and keeps only the
   * first `max` of all. An error `onIssue` throws comes out of here, the issues counted and
   * settled already (a read that stops on it settles again, and hands over nothing twice).
   */
  settle(): void {
    const issues = this.issues;
    if (issues.length === this.settled) return;
    for (let k = this.settled; k < issues.length; k++) {
      const row = (issues[k] as LedgerIssue).row;
      if (row >= 0 && row !== this.lastRow) {
        this.rowsFound++;
        this.lastRow = row;
      }
    }
    this.issuesFound += issues.length - this.settled;
    // A row's few issues, copied before those past `max` are dropped.
    const fresh = this.onIssue === undefined ? null : issues.slice(this.settled);
    if (issues.length > this.max) issues.length = this.max;
    this.settled = issues.length;
    if (fresh !== null)
      for (const issue of fresh) (this.onIssue as (i: LedgerIssue) => void)(issue);
  }
}

/**
 * A reader's `maxIssues` option: a whole number ≥ 0, or `Infinity`; `undefined` means every issue.
 *
 * @throws InvKpiError `invalid_option` (path `['maxIssues']`) for anything else.
 */
export function requireMaxIssues(value: unknown, fn: string): number {
  if (value === undefined || value === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvKpiError(
    "invalid_option",
    `${fn}: maxIssues must be a whole number ≥ 0 (how many issues to keep; leave it out for every one), got ${describeValue(value)}`,
    { path: ["maxIssues"], details: { value: describeValue(value) } },
  );
}

/**
 * A reader's `onIssue` option: a function, or `undefined` for none.
 *
 * @throws InvKpiError `invalid_option` (path `['onIssue']`) for anything else.
 */
export function requireOnIssue(
  value: unknown,
  fn: string,
): ((issue: LedgerIssue) => void) | undefined {
  if (value === undefined || typeof value === "function")
    return value as ((issue: LedgerIssue) => void) | undefined;
  throw new InvKpiError(
    "invalid_option",
    `${fn}: onIssue must be a function (issue) => void, called with each problem as it is found; got ${describeValue(value)}`,
    { path: ["onIssue"], details: { value: describeValue(value) } },
  );
}
