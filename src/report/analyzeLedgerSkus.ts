import type { LedgerColumns } from "../ledger/index.js";
import type { Movement } from "../model/Movement.js";
import { analyzeSkus, type SkuAnalyses } from "./analyzeSkus.js";
import { analyzeSkusInThreads } from "./analyzeSkusInThreads.js";
import type { MonthSums } from "./MonthSums.js";
import type { ReportSetup } from "./prepareReport.js";
import { resolveThreads } from "./resolveThreads.js";

/**
 * The per-SKU phase of a report ({@link analyzeSkus}) on the calling thread, or with
 * `options.threads` > 1, where worker threads exist, in shards on several threads
 * (`analyzeSkusInThreads`): the same analyses either way.
 *
 * @param setup - the report's options and master data (`prepareReport`).
 * @param monthSums - where to sum each SKU's months (see `MonthSums`): on one thread as each SKU
 *   is analysed (the analyses then hold none), with threads once their analyses are back.
 */
export function analyzeLedgerSkus(
  ledger: readonly Movement[] | LedgerColumns,
  setup: ReportSetup,
  monthSums: MonthSums | null = null,
): SkuAnalyses {
  const threads = resolveThreads(setup.options.threads, setup.fn);
  const sharded = threads > 1 ? analyzeSkusInThreads(ledger, setup, threads) : null;
  if (sharded === null) return analyzeSkus(ledger, setup, monthSums);
  monthSums?.addAll(sharded.analyses);
  return sharded;
}
