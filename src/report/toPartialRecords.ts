import type { HandedOverLedger, LedgerInput } from "../ledger/HandedOverLedger.js";
import type { LedgerColumns, ReplayWarning } from "../ledger/index.js";
import type { Movement } from "../model/Movement.js";
import type { AnalyzeLedgerOptions } from "./AnalyzeLedgerOptions.js";
import { analyzeLedgerSkus } from "./analyzeLedgerSkus.js";
import type { SkuAnalysis } from "./analyzeSku.js";
import type { Json } from "./jsonCodec.js";
import {
  type JsonObject,
  PARTIAL_FORMAT_VERSION,
  type PartialHeaderRecord,
  type PartialRecord,
  type PartialSkuRecord,
} from "./PartialRecord.js";
import { resolvedOptionsCodec } from "./partialHeaderCodec.js";
import { prepareReport } from "./prepareReport.js";
import { requireAsOfBeforeLeftOut } from "./requireAsOfBeforeLeftOut.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";
import { skuAnalysisCodec } from "./skuAnalysisCodec.js";

const FN = "toPartialRecords";

/**
 * The per-SKU half of `analyzeLedger`, as JSON-safe records: the map step of a report computed in
 * shards. Give each shard the movements of its own SKUs (every movement of a SKU in one shard);
 * `combinePartials` on the records of all the shards gives the report `analyzeLedger` gives on the
 * whole ledger, field for field (`docs/scaling.md`).
 *
 * The first record is the header (`kind: 'header'`): the format version, the resolved options
 * (period included), the number of SKU records that follow, and the replay's warnings, whose `row`
 * numbers count rows of this shard's input. Then one record per SKU (or SKU and location,
 * `kind: 'sku'`) with what the report reads of its replayed history (`AnalyzedHistory`), master
 * data and every calculator's figures: money as
 * exact decimal text, ratios and quantities as numbers, `null`s with their reasons.
 *
 * Every shard must be given the same options: the same explicit `period` (a default period taken
 * from each shard's own dates would differ), `skuInfo` may list every SKU, and `openingBalances`
 * must go to the shard of their SKU only (a SKU with an opening balance and no movement in two
 * shards would be two SKU records). `threads` applies within the shard.
 *
 * @param ledger - the shard's movement objects (validated on the way) or columns.
 * @param options - as `analyzeLedger`; every default the same.
 * @returns the header, then one record per SKU, sorted by SKU code, then location.
 * @throws InvKpiError as `analyzeLedger`, `out_of_range` (path `asOf`) included: an `asOf` on or
 *   after a movement of the shard that the period leaves out.
 * @example
 * ```ts
 * import { toPartialRecords } from "invkpi";
 * const records = toPartialRecords(
 *   [{ sku: "A", date: "2025-01-01", type: "receipt", quantity: 10, unitCost: "2.50" }],
 *   { period: { from: "2025-01-01", to: "2025-01-31" } },
 * );
 * records.length; // 2: the header and SKU A
 * records[0]?.kind; // "header"
 * JSON.stringify(records[1]).includes('"closingValue":"25"'); // true
 * ```
 */
export function toPartialRecords(
  ledger: readonly Movement[] | LedgerColumns,
  options: AnalyzeLedgerOptions,
): PartialRecord[] {
  return partialRecordsOfLedger(ledger, options);
}

/**
 * {@link toPartialRecords} of a ledger handed over for good (internal: `invkpi analyze --partial`,
 * which has no other use for the columns it read): the replay empties the box, so on one thread
 * the columns can be collected while the SKUs are analysed (see `analyzeHandedOverLedger`).
 *
 * @param onProgress - told how many SKUs are analysed so far, now and then (`ReportSetup.onProgress`).
 */
export function toPartialRecordsOfHandedOver(
  ledger: HandedOverLedger,
  options: AnalyzeLedgerOptions,
  onProgress?: (analysed: number) => void,
): PartialRecord[] {
  return partialRecordsOfLedger(ledger, options, onProgress);
}

/** The partial records of a ledger, as it is or handed over. */
function partialRecordsOfLedger(
  ledger: LedgerInput,
  options: AnalyzeLedgerOptions,
  onProgress?: (analysed: number) => void,
): PartialRecord[] {
  const setup = { ...prepareReport(options, FN), onProgress }; // checked before the replay
  const { analyses, warnings } = analyzeLedgerSkus(ledger, setup);
  // A shard that holds a movement between the period end and asOf fails here, as the whole ledger
  // would, rather than only once every shard is combined (which checks the merged warnings again).
  requireAsOfBeforeLeftOut(warnings, setup.resolved, FN);
  return partialRecordsOf(analyses, warnings, setup.resolved);
}

/** The partial records of analyses already computed: the header, then one record per analysis. */
function partialRecordsOf(
  analyses: readonly SkuAnalysis[],
  warnings: readonly ReplayWarning[],
  resolved: ResolvedReportOptions,
): PartialRecord[] {
  const header: PartialHeaderRecord = {
    invkpiPartial: PARTIAL_FORMAT_VERSION,
    kind: "header",
    options: asObject(resolvedOptionsCodec.encode(resolved)),
    skuCount: analyses.length,
    warnings: [...warnings],
  };
  return [header, ...analyses.map(skuRecordOf)];
}

function skuRecordOf(analysis: SkuAnalysis): PartialSkuRecord {
  return {
    invkpiPartial: PARTIAL_FORMAT_VERSION,
    kind: "sku",
    analysis: asObject(skuAnalysisCodec.encode(analysis)),
  };
}

/** An object codec's output is an object. */
function asObject(json: Json): JsonObject {
  return json as JsonObject;
}
