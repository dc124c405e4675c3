import type { LedgerColumns } from "../ledger/index.js";
import type { Movement } from "../model/Movement.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import type { AnalyzeLedgerOptions } from "./AnalyzeLedgerOptions.js";
import { analyzeLedgerSkus } from "./analyzeLedgerSkus.js";
import { combineAnalyses } from "./combineAnalyses.js";
import type { InventoryReport } from "./InventoryReport.js";
import { MonthSums } from "./MonthSums.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";

/**
 * The report of a ledger, with options already resolved, in its two phases: per SKU
 * (`analyzeSkus`: one replay, then every per-SKU calculator once per history) and across SKUs
 * ({@link combineAnalyses}: classifications, rows, rollups). Linear in the number of rows, apart
 * from the sorts of the classifications and groupings.
 *
 * @param infoBySku - `skuInfoBySku(options.skuInfo, fn)`: built once per report, by the caller,
 *   so that master data is checked before the ledger is replayed (or, for a stream, read).
 */
export function buildReport(
  ledger: readonly Movement[] | LedgerColumns,
  options: AnalyzeLedgerOptions,
  resolved: ResolvedReportOptions,
  infoBySku: ReadonlyMap<string, SkuInfo>,
  fn: string,
): InventoryReport {
  const monthSums = MonthSums.forReport(resolved);
  const { analyses, warnings } = analyzeLedgerSkus(
    ledger,
    options,
    resolved,
    infoBySku,
    fn,
    monthSums,
  );
  return combineAnalyses(analyses, warnings, resolved, monthSums);
}
