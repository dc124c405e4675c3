import type { LedgerColumns } from "../ledger/index.js";
import type { Movement } from "../model/Movement.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import type { AnalyzeLedgerOptions } from "./AnalyzeLedgerOptions.js";
import { analyzeSkus, type SkuAnalyses } from "./analyzeSkus.js";
import { analyzeSkusInThreads } from "./analyzeSkusInThreads.js";
import type { MonthSums } from "./MonthSums.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";
import { resolveThreads } from "./resolveThreads.js";

/**
 * The per-SKU phase of a report ({@link analyzeSkus}) on the calling thread, or with
 * `options.threads` > 1, where worker threads exist, in shards on several threads
 * (`analyzeSkusInThreads`): the same analyses either way.
 *
 * @param infoBySku - `skuInfoBySku(options.skuInfo, fn)`, built once per report by the caller.
 * @param monthSums - where to sum each SKU's months (see `MonthSums`): on one thread as each SKU
 *   is analysed (the analyses then hold none), with threads once their analyses are back.
 */
export function analyzeLedgerSkus(
  ledger: readonly Movement[] | LedgerColumns,
  options: AnalyzeLedgerOptions,
  resolved: ResolvedReportOptions,
  infoBySku: ReadonlyMap<string, SkuInfo>,
  fn: string,
  monthSums: MonthSums | null = null,
): SkuAnalyses {
  const threads = resolveThreads(options.threads, fn);
  const sharded =
    threads > 1 ? analyzeSkusInThreads(ledger, options, resolved, infoBySku, threads, fn) : null;
  if (sharded === null) return analyzeSkus(ledger, options, resolved, infoBySku, fn, monthSums);
  for (const { history, info } of sharded.analyses) monthSums?.add(history, info);
  return sharded;
}
