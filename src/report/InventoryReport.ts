import type { AbcXyzMatrix } from "../classify/index.js";
import type { ReplayWarning } from "../ledger/index.js";
import type { InventoryReportRow } from "./InventoryReportRow.js";
import type { ReportDiagnosis } from "./reportDiagnosis.js";
import type { ReportFigures } from "./reportFigures.js";
import type { ReportGroups } from "./reportGroups.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";

/** Everything `analyzeLedger` computes from one ledger. See `docs/report.md`. */
export interface InventoryReport {
  /** The reporting period, both days included, and its length in days. */
  readonly period: { readonly from: string; readonly to: string; readonly days: number };
  /** The options used, every default filled in. */
  readonly options: ResolvedReportOptions;
  /** One flat row per SKU (or SKU and location), sorted by SKU code, then location. */
  readonly rows: readonly InventoryReportRow[];
  /** The whole portfolio rolled up (ratios of sums). */
  readonly totals: ReportFigures;
  /** The rollups of each grouping of `groupBy`. */
  readonly groups: ReportGroups;
  /** Portfolio turnover against the industry range, capital in slow and dead stock, reorder count. */
  readonly diagnosis: ReportDiagnosis;
  /** The ABC-XYZ matrix of the rows: counts and ABC values per cell. */
  readonly abcXyz: AbcXyzMatrix;
  /** Everything the replay reported: negative stock, movements outside the period, ... */
  readonly warnings: readonly ReplayWarning[];
}
