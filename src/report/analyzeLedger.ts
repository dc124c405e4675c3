import type { HandedOverLedger } from "../ledger/HandedOverLedger.js";
import type { LedgerColumns } from "../ledger/index.js";
import type { Movement } from "../model/Movement.js";
import type { AnalyzeLedgerOptions } from "./AnalyzeLedgerOptions.js";
import { buildReport } from "./buildReport.js";
import type { InventoryReport } from "./InventoryReport.js";
import { prepareReport } from "./prepareReport.js";

const FN = "analyzeLedger";

/**
 * Every inventory KPI of a ledger in one call: one row per SKU (or SKU and location) with turnover,
 * days of inventory and supply, GMROI, sell-through, ABC and XYZ classes, demand, safety stock,
 * reorder point, suggested order, slow/dead status, excess, expiry and aging; the portfolio totals
 * and group rollups (ratios of sums); the diagnosis against an industry range; the ABC-XYZ matrix;
 * and the replay's warnings.
 *
 * Glue, no formula of its own: the ledger is replayed once (as by `replayLedger`), each history goes
 * through the calculators (`turnoverFigures`, `annualizeTurnover`, `demandStatistics`,
 * `daysOfSupply`, `replenishmentFigures`, `movementStatus`, `excessStock`, `stockAging`,
 * `nearExpiry`), the rows are classified (`abcClassify`, `xyzClassify`, `abcXyzMatrix`) and rolled
 * up (`rollupTurnover`, `rollupAging`, `turnoverSeries` per month, `diagnoseTurnover`).
 *
 * Defaults (see {@link AnalyzeLedgerOptions} and `docs/report.md`): asOf the period end; valuation
 * `'moving-average'`; averageMethod `'daily'`; turnoverBasis `'cost'`; sellThroughVariant
 * `'opening-plus-received'`; daysPerYear 365; ABC by `'cogs'` with cutoffs `[0.8, 0.95]`, zero values
 * in the last class, negative values counted as 0; XYZ per `'week'` with cutoffs `[0.5, 1]`; demand
 * window from the first receipt, sample deviation; replenishment serviceLevel 0.95, no lead time
 * (the replenishment figures are then `null` with reason `'no_lead_time'`), method `'auto'`, per
 * day; slowDays 90, deadDays 180, measured from the last issue; excessCoverDays 180; agingBuckets
 * `[30, 60, 90, 180, 365]`; nearExpiryDays 30; no skuInfo, no groups, no industry (status `null`,
 * reason `'no_industry'`), no opening balances; negativeStock `'warn'`; byLocation when grouping
 * by location; threads 1.
 *
 * With `threads` > 1 the per-SKU phase (replay and per-SKU calculators) runs on worker threads,
 * the ledger split by SKU, and the call stays synchronous: the report is the same as with one
 * thread, warnings and their rows included (`docs/scaling.md`). Where the runtime has no worker
 * threads (anything but Node ≥ 20.16), everything runs on the calling thread.
 *
 * Every `null` in a row has its reason code in `row.reasons`. `toRecords` turns the rows into plain
 * JSON-safe records.
 *
 * @param ledger - movement objects (validated on the way) or columns from `toLedgerColumns` or a reader.
 * @param options - `{ period }` at least; see {@link AnalyzeLedgerOptions}.
 * @returns the {@link InventoryReport}.
 * @throws InvKpiError `invalid_ledger` (bad rows, all listed), `invalid_argument` (a ledger that is neither an array nor columns, path `['ledger']`; options or
 *   skuInfo malformed, a SKU listed twice in skuInfo, bad opening balances), `invalid_period`,
 *   `invalid_date` (path `['period', 'from']`, `['asOf']`, ...), `invalid_option` (a bad variant,
 *   an unknown option name, `unitCost` in a `skuInfo` entry; a `skuInfo` field that is a near miss
 *   of a `SkuInfo` field the entry lacks, such as `leadTime`, is a `misspelt_field` issue of the
 *   `invalid_argument`), `out_of_range` (asOf before the period end, or on or after
 *   a movement that the period leaves out; a value outside its domain), `invalid_money`, `unknown_industry`, `negative_stock` (under `negativeStock:
 *   'error'`), `negative_value` (under `abc.negativeValues: 'error'`, a negative ABC measure: the
 *   message names the row as `sku` or `sku@location`, its value and the option; path
 *   `['rows', index, 'abcValue']`); a bad `skuInfo` value throws its calculator's code with the SKU
 *   named, path `['skuInfo', row, field]`. With
 *   `threads`, the same errors as with one thread; an `Error` when a worker thread cannot start
 *   (invkpi bundled without `dist/partialWorker.js`).
 * @example
 * ```ts
 * import { analyzeLedger } from "invkpi";
 * const report = analyzeLedger(
 *   [
 *     { sku: "A", date: "2025-01-01", type: "receipt", quantity: 10, unitCost: 2 },
 *     { sku: "A", date: "2025-01-03", type: "issue", quantity: 4, unitPrice: 5 },
 *   ],
 *   { period: { from: "2025-01-01", to: "2025-01-04" } },
 * );
 * const [row] = report.rows;
 * row?.closingQuantity; // 6
 * row?.cogs.toFixed(2); // "8.00"
 * row?.averageValue.toFixed(2); // "16.00"  (end-of-day stock 10, 10, 6, 6 units at 2)
 * row?.turnover; // 0.5  (8 / 16)
 * row?.grossMargin?.toFixed(2); // "12.00"  (20 − 8)
 * row?.reorderPoint; // null
 * row?.reasons.reorderPoint; // "no_lead_time"
 * report.diagnosis.reasons.status; // "no_industry"
 * ```
 */
export function analyzeLedger(
  ledger: readonly Movement[] | LedgerColumns,
  options: AnalyzeLedgerOptions,
): InventoryReport {
  return buildReport(ledger, prepareReport(options, FN));
}

/**
 * {@link analyzeLedger} of a ledger handed over for good (internal: `invkpi analyze`, which has no
 * other use for the columns it read). The replay empties the box, so the columns can be collected
 * while the SKUs are analysed: at 10 M rows that is about half a GB less at the peak.
 *
 * @param onProgress - told how many SKUs are analysed so far, now and then (`ReportSetup.onProgress`).
 */
export function analyzeHandedOverLedger(
  ledger: HandedOverLedger,
  options: AnalyzeLedgerOptions,
  onProgress?: (analysed: number) => void,
): InventoryReport {
  return buildReport(ledger, { ...prepareReport(options, FN), onProgress });
}
