import type { ReplayWarning } from "../ledger/index.js";
import type { InventoryReport } from "../report/index.js";
import { displayCount, displayNumber } from "./displayNumber.js";
import type { StatusReporter } from "./StatusReporter.js";

// What `invkpi analyze` and `invkpi combine` both say about a report: the heading's period and
// valuation, the replay's warnings as notes, and the number of rows written.

/** Replay warnings shown as notes; `--format json` lists them all. */
const WARNINGS_SHOWN = 10;

/**
 * The part of a report's heading after what was read: its period and valuation.
 *
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * periodHeading(report); // "2025-01-01 to 2025-12-31 (365 days), valuation moving-average"
 * ```
 */
export function periodHeading(report: InventoryReport): string {
  return `${report.period.from} to ${report.period.to} (${displayCount(report.period.days, "day")}), valuation ${report.options.valuation}`;
}

/**
 * A note for a report whose period holds none of the ledger's movements (every one is before or
 * after it), or `null`: such a report is valid (the stock before the period sits through it) but
 * rarely what was meant, and its heading would count movements that it does not contain. Told
 * from the replay's `before_period` and `after_period` counts, so that it needs no pass over the
 * ledger and works when streaming; the ledger's dates are named when known.
 *
 * @param movements - the ledger's movements (all valid: an invalid ledger is never analyzed).
 * @param dates - the ledger's first and last movement dates, or `null` when not known.
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * emptyPeriodNote(demoReport(), 50_000, null); // null: the sample year's movements are in it
 * ```
 */
export function emptyPeriodNote(
  report: Pick<InventoryReport, "period" | "warnings">,
  movements: number,
  dates: { readonly from: string; readonly to: string } | null,
): string | null {
  const before = outsideCount(report.warnings, "before_period");
  const after = outsideCount(report.warnings, "after_period");
  if (movements === 0 || before + after < movements) return null;
  const { from, to } = report.period;
  const where =
    dates === null
      ? outsideText(before, after)
      : `the ledger runs from ${dates.from} to ${dates.to}`;
  return `no movement falls in the period ${from} to ${to}: ${where}`;
}

/** Where the movements are, from their counts before and after the period. */
function outsideText(before: number, after: number): string {
  const all = (count: number, side: string): string =>
    count === 1 ? `the one movement is ${side} it` : `all ${displayNumber(count)} are ${side} it`;
  if (after === 0) return all(before, "before");
  if (before === 0) return all(after, "after");
  return `${displayNumber(before)} ${before === 1 ? "is" : "are"} before it, ${displayNumber(after)} after it`;
}

/** How many movements a `before_period` or `after_period` warning counts (0 without one). */
function outsideCount(
  warnings: readonly ReplayWarning[],
  code: "before_period" | "after_period",
): number {
  return warnings.find((w) => w.code === code)?.count ?? 0;
}

/**
 * The replay's warnings as notes, `warning: [where: ]message [code]`: the first
 * {@link WARNINGS_SHOWN}, then a count of the rest.
 *
 * @param whereOf - where a warning was (a file, with its line when known); without it, the
 *   warnings are noted without a place.
 */
export function noteWarnings(
  warnings: readonly ReplayWarning[],
  status: StatusReporter,
  whereOf?: (warning: ReplayWarning) => string,
): void {
  for (const warning of warnings.slice(0, WARNINGS_SHOWN)) {
    const where = whereOf === undefined ? "" : `${whereOf(warning)}: `;
    status.note(`warning: ${where}${warning.message} [${warning.code}]`);
  }
  if (warnings.length > WARNINGS_SHOWN) {
    status.note(
      `warning: … and ${displayNumber(warnings.length - WARNINGS_SHOWN)} more (--format json lists them all)`,
    );
  }
}

/**
 * The report's number of rows, for a note.
 *
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * rowsText(report); // "200 rows"
 * ```
 */
export function rowsText(report: InventoryReport): string {
  return displayCount(report.rows.length, "row");
}
