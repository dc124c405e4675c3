import type { CheckedSkuInfo } from "../model/requireSkuInfoList.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import type { AnalyzeLedgerOptions } from "./AnalyzeLedgerOptions.js";
import { type ResolvedReportOptions, resolveReportOptions } from "./resolveReportOptions.js";
import { skuInfoBySku } from "./skuInfoBySku.js";

/**
 * What a report is built with, checked once, before its ledger is replayed (or a stream's first row
 * read): the options as the caller gave them, the same options resolved (defaults applied, every
 * value checked), the master data by SKU, and the public function's name for messages. Every entry
 * point (`analyzeLedger`, `analyzeLedgerStream`, `toPartialRecords`, a worker thread, the
 * streaming report) makes one with {@link prepareReport} and hands it down whole.
 */
export interface ReportSetup {
  readonly options: AnalyzeLedgerOptions;
  readonly resolved: ResolvedReportOptions;
  /** `options.skuInfo` by SKU code (see `skuInfoBySku`): `skuInfo.bySku`. */
  readonly infoBySku: ReadonlyMap<string, SkuInfo>;
  /**
   * `options.skuInfo` as checked here, handed down to the replay (rows and opening), which reads
   * the list no more: it is checked once per report.
   */
  readonly skuInfo: CheckedSkuInfo;
  /** The public function, named in error messages. */
  readonly fn: string;
  /**
   * Told how many SKUs (rows) are analysed so far, every {@link PROGRESS_EVERY} of them, while the
   * per-SKU calculators run (internal: the command line's progress line; none by default). Not
   * told on threads (`threads` > 1), whose shards are analysed apart.
   */
  readonly onProgress?: ((analysed: number) => void) | undefined;
}

/** How many SKUs {@link ReportSetup.onProgress} is told about at a time. */
export const PROGRESS_EVERY = 1024;

/**
 * Resolves and checks a report's options and master data (`streamOptions`: the caller reads
 * `analyzeLedgerStream`'s own options too).
 *
 * @throws InvKpiError as `resolveReportOptions` and `skuInfoBySku` (bad options, bad or repeated
 *   master data), naming `fn`.
 */
export function prepareReport(
  options: AnalyzeLedgerOptions,
  fn: string,
  streamOptions = false,
): ReportSetup {
  const resolved = resolveReportOptions(options, fn, streamOptions);
  const skuInfo = skuInfoBySku(options.skuInfo, fn);
  return { options, resolved, infoBySku: skuInfo.bySku, skuInfo, fn };
}
