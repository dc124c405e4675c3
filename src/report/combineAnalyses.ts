import type { ReplayWarning } from "../ledger/index.js";
import { agingColumns } from "./agingColumns.js";
import type { SkuAnalysis } from "./analyzeSku.js";
import { classifySkus } from "./classifySkus.js";
import type { InventoryReport } from "./InventoryReport.js";
import type { MonthSums } from "./MonthSums.js";
import { reportDiagnosis } from "./reportDiagnosis.js";
import { reportGroups } from "./reportGroups.js";
import { reportRow } from "./reportRow.js";
import { requireAsOfBeforeLeftOut } from "./requireAsOfBeforeLeftOut.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";

/**
 * The second phase of a report, across SKUs: the ABC and XYZ classes, the rows, the totals and
 * group rollups, the diagnosis and the ABC-XYZ matrix. The input is small (one analysis per SKU),
 * so this phase runs in one place even when the first ran in shards.
 *
 * @param analyses - sorted by SKU code, then location (code-unit order), as the replay gives them:
 *   ties in ABC rank in this order.
 * @param fn - the public function, named in errors.
 * @param monthSums - the analyses' months, summed as they were made (`analyzeSkus`); null: the
 *   months are summed here, from the analyses.
 * @throws InvKpiError `out_of_range` when `asOf` falls on or after a movement the period left out
 *   (`requireAsOfBeforeLeftOut`): every way to a report (batch, streaming, partials) comes here;
 *   `negative_value` under `abc.negativeValues: 'error'` when a row's ABC measure is negative,
 *   naming the row and the option (`classifySkus`).
 */
export function combineAnalyses(
  analyses: readonly SkuAnalysis[],
  warnings: readonly ReplayWarning[],
  resolved: ResolvedReportOptions,
  fn: string,
  monthSums: MonthSums | null = null,
): InventoryReport {
  requireAsOfBeforeLeftOut(warnings, resolved, fn);
  const classes = classifySkus(analyses, resolved, fn);
  const columns = agingColumns(resolved.agingBuckets);
  const rows = analyses.map((analysis, index) =>
    reportRow(
      analysis,
      { abc: classes.abc[index] ?? "abc_excluded", xyz: classes.xyz[index] },
      columns,
      resolved,
    ),
  );
  const { totals, groups } = reportGroups(analyses, resolved, monthSums);
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
