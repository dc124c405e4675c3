import { type LedgerInput, ledgerOf } from "../ledger/HandedOverLedger.js";
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
  input: LedgerInput,
  setup: ReportSetup,
  monthSums: MonthSums | null = null,
): SkuAnalyses {
  const threads = resolveThreads(setup.options.threads, setup.fn);
  // One thread: the replay takes a handed-over ledger out of its box itself (see analyzeSkus).
  if (threads === 1) return analyzeSkus(input, setup, monthSums);
  const ledger = ledgerOf(input);
  const sharded = analyzeSkusInThreads(ledger, setup, threads);
  if (sharded === null) return analyzeSkus(ledger, setup, monthSums);
  monthSums?.addAll(sharded.analyses);
  return sharded;
}
