import { type LedgerColumns, replayLedger } from "../ledger/index.js";
import type { Movement } from "../model/Movement.js";
import type { AnalyzeLedgerOptions } from "./AnalyzeLedgerOptions.js";
import { agingColumns } from "./agingColumns.js";
import { analyzeSku, replenishmentOptions, type SkuAnalysisSettings } from "./analyzeSku.js";
import { classifySkus } from "./classifySkus.js";
import type { InventoryReport } from "./InventoryReport.js";
import { reportDiagnosis } from "./reportDiagnosis.js";
import { reportGroups } from "./reportGroups.js";
import { reportRow } from "./reportRow.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";
import { skuInfoBySku } from "./skuInfoBySku.js";

/**
 * The report of a ledger, with options already resolved: one replay, then every per-SKU
 * calculator once per history, the classifications across the rows, and the rollups. Linear in the
 * number of rows, apart from the sorts of the classifications and groupings.
 */
export function buildReport(
  ledger: readonly Movement[] | LedgerColumns,
  options: AnalyzeLedgerOptions,
  resolved: ResolvedReportOptions,
  fn: string,
): InventoryReport {
  const infoBySku = skuInfoBySku(options.skuInfo, fn);
  const { histories, warnings } = replayLedger(ledger, {
    period: options.period,
    valuation: resolved.valuation,
    negativeStock: resolved.negativeStock,
    byLocation: resolved.byLocation,
    // Month figures cost memory per SKU; only the month grouping reads them.
    months: resolved.groupBy.includes("month"),
    ...(options.skuInfo === undefined ? {} : { skuInfo: options.skuInfo }),
    ...(options.openingBalances === undefined ? {} : { openingBalances: options.openingBalances }),
  });
  const settings: SkuAnalysisSettings = {
    options: resolved,
    replenishment: replenishmentOptions(resolved),
    fn,
  };
  const analyses = histories.map((history) =>
    analyzeSku(history, infoBySku.get(history.sku), settings),
  );
  const classes = classifySkus(analyses, resolved);
  const columns = agingColumns(resolved.agingBuckets);
  const rows = analyses.map((analysis, index) =>
    reportRow(analysis, { abc: classes.abc[index], xyz: classes.xyz[index] }, columns, resolved),
  );
  const { totals, groups } = reportGroups(analyses, resolved);
  return {
    period: resolved.period,
    options: resolved,
    rows,
    totals,
    groups,
    diagnosis: reportDiagnosis(totals, resolved),
    abcXyz: classes.matrix,
    warnings,
  };
}
