import { analyzeLedger, type InventoryReport, type ReportGrouping } from "../report/index.js";
import { type DemoLedger, demoLedger } from "./demoLedger.js";

/** The industry the sample company is compared with. */
export const DEMO_INDUSTRY = "wholesale";

/**
 * The sample year analyzed as `invkpi analyze --industry wholesale` would, with the groupings
 * given: what `invkpi demo` prints, and the report the CLI's examples show.
 *
 * @param groupBy - the report's groupings (default by category).
 * @param demo - the sample ledger (default `demoLedger()`, seed 2025).
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * report.rows.length; // 200
 * Object.keys(report.groups); // ["category"]
 * ```
 */
export function demoReport(
  groupBy: readonly ReportGrouping[] = ["category"],
  demo: DemoLedger = demoLedger(),
): InventoryReport {
  return analyzeLedger(demo.movements, {
    period: demo.period,
    skuInfo: demo.skuInfo,
    industry: DEMO_INDUSTRY,
    groupBy,
  });
}
