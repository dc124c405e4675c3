import type { ReplayWarning } from "../ledger/index.js";
import type { InventoryReport } from "../report/index.js";
import { displayNumber } from "./displayNumber.js";
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
  return `${report.period.from} to ${report.period.to} (${report.period.days} days), valuation ${report.options.valuation}`;
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
  return `${displayNumber(report.rows.length)} row${report.rows.length === 1 ? "" : "s"}`;
}
