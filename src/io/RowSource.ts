import type { LedgerIssue, LedgerIssueCode } from "../model/InvKpiError.js";

/**
 * A problem of a cell that only its text shows, found by a reader before the row check (which
 * sees values, not text): a quantity with more digits than a double holds, an invisible
 * character in a number. The reader hands the row check {@link INVALID_CELL} in the field's place,
 * so that the row is left out and its other fields are still checked, and then puts this problem
 * in place of the issue the row check reported for the field.
 */
export interface CellProblem {
  readonly field: string;
  readonly code: LedgerIssueCode;
  readonly message: string;
  /** The cell's text as written (truncated as issue values are). */
  readonly value: string;
}

/** What a reader knows of a row's text, beyond the values the row check sees. */
export interface RowSource {
  /** Problems of cells found on their text (at most one per field). */
  readonly problems: readonly CellProblem[];
  /**
   * The text as written of a field whose value is a number (a CSV quantity, a JSON number
   * literal), or `undefined`: an issue shows it rather than the double (`1e400`, not `Infinity`).
   */
  literal(field: string): string | undefined;
}

/**
 * What the row check gets in place of a cell with a {@link CellProblem}: neither a number nor a
 * decimal, so it reports exactly one issue for the field, which the problem then replaces.
 */
export const INVALID_CELL = "\u0000";

/** The most characters of a value an issue shows (as `describeValue`). */
const MAX_SHOWN = 60;

/** A cell's text as an issue shows it: as written, cut to 60 characters with `…`. */
export function shownText(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/**
 * Puts the row's cell problems in place of the row check's issues for their fields, and the text as
 * written in place of a number's value, in the issues of one row (`issues[from ..]`).
 */
export function applyRowSource(
  issues: LedgerIssue[],
  from: number,
  raw: unknown,
  source: RowSource,
): void {
  const record = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : null;
  for (let k = from; k < issues.length; k++) {
    const issue = issues[k] as LedgerIssue;
    const problem = source.problems.find((p) => p.field === issue.field);
    if (problem !== undefined) {
      issues[k] = { ...issue, code: problem.code, message: problem.message, value: problem.value };
      continue;
    }
    if (issue.value === undefined || typeof record?.[issue.field] !== "number") continue;
    const literal = source.literal(issue.field);
    if (literal !== undefined) issues[k] = { ...issue, value: shownText(literal) };
  }
}
