import type { InventoryReport } from "../report/index.js";
import { abcXyzSection } from "./abcXyzSection.js";
import { groupSections } from "./groupSections.js";
import { portfolioSection } from "./portfolioSection.js";
import { rowsSection } from "./rowsSection.js";
import { reorderSection, staleStockSection } from "./stockListSections.js";

/** Options of {@link reportSummary}. */
export interface ReportSummaryOptions {
  /** The first line: what was analyzed. */
  readonly heading: string;
  /** Rows shown in each list (slow and dead stock, reorder now, the per-SKU rows). */
  readonly top: number;
  /** Add the per-SKU rows table at the end (`analyze --format table`). */
  readonly rows: boolean;
}

/**
 * The report as text for a person at a terminal, most important first: the portfolio (capital,
 * turnover against the industry, slow and dead stock), the groups asked for, the ABC-XYZ matrix,
 * the slow and dead stock with the most capital, the SKUs to reorder now, and optionally the
 * per-SKU rows.
 *
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * reportSummary(report, { heading: "invkpi analyze ledger.csv", top: 10, rows: false });
 * // "invkpi analyze ledger.csv\n\nPortfolio\n  SKUs ..."
 * ```
 */
export function reportSummary(report: InventoryReport, options: ReportSummaryOptions): string {
  const sections = [
    portfolioSection(report),
    groupSections(report),
    abcXyzSection(report),
    staleStockSection(report, options.top),
    reorderSection(report, options.top),
    options.rows ? rowsSection(report, options.top) : "",
  ].filter((s) => s !== "");
  return `${options.heading}\n\n${sections.join("\n")}`;
}
