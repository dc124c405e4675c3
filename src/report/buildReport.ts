import type { LedgerInput } from "../ledger/HandedOverLedger.js";
import { analyzeLedgerSkus } from "./analyzeLedgerSkus.js";
import { combineAnalyses } from "./combineAnalyses.js";
import type { InventoryReport } from "./InventoryReport.js";
import { MonthSums } from "./MonthSums.js";
import type { ReportSetup } from "./prepareReport.js";

/**
 * The report of a ledger, with options already resolved, in its two phases: per SKU
 * (`analyzeSkus`: one replay, then every per-SKU calculator once per history) and across SKUs
 * ({@link combineAnalyses}: classifications, rows, rollups). Linear in the number of rows, apart
 * from the sorts of the classifications and groupings.
 *
 * @param setup - the report's options and master data, checked by the caller (`prepareReport`)
 *   before the ledger was replayed (or, for a stream, read).
 */
export function buildReport(ledger: LedgerInput, setup: ReportSetup): InventoryReport {
  const monthSums = MonthSums.forReport(setup.resolved);
  const { analyses, warnings } = analyzeLedgerSkus(ledger, setup, monthSums);
  return combineAnalyses(analyses, warnings, setup.resolved, setup.fn, monthSums);
}
