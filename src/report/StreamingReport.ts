import { StreamingReplay } from "../ledger/StreamingReplay.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { AnalyzeLedgerStreamOptions } from "./analyzeLedgerStream.js";
import { analyzeHistories, replayOptionsOf } from "./analyzeSkus.js";
import { combineAnalyses } from "./combineAnalyses.js";
import type { InventoryReport } from "./InventoryReport.js";
import { MonthSums } from "./MonthSums.js";
import { prepareReport, type ReportSetup } from "./prepareReport.js";

/**
 * A report whose ledger is replayed as it streams in (see `StreamingReplay`): readers append rows
 * to `replay.builder` and call `replay.rowAdded()`; `finish()` closes the replay, runs the per-SKU
 * calculators and combines them. What `analyzeLedgerStream` in `'streaming'` mode and
 * `invkpi analyze --streaming` share. Options are checked on construction.
 */
export class StreamingReport {
  readonly replay: StreamingReplay;
  /** The options and master data, checked on construction, before the first row. */
  private readonly setup: ReportSetup;

  constructor(options: AnalyzeLedgerStreamOptions, fn: string) {
    this.setup = prepareReport(options, fn, true);
    if (options.threads !== undefined && options.threads > 1) {
      throw new InvKpiError(
        "invalid_option",
        `${fn}: streaming runs on one thread; threads must be 1`,
        {
          path: ["threads"],
          details: { threads: options.threads },
        },
      );
    }
    this.replay = new StreamingReplay(
      {
        ...replayOptionsOf(this.setup),
        ...(options.quantityDecimals === undefined
          ? {}
          : { quantityDecimals: options.quantityDecimals }),
        ...(options.moneyDecimals === undefined ? {} : { moneyDecimals: options.moneyDecimals }),
        ...(options.chunkRows === undefined ? {} : { chunkRows: options.chunkRows }),
      },
      fn,
      this.setup.skuInfo,
    );
  }

  /**
   * The report: the replay's last chunk, every SKU's calculators, then the whole.
   *
   * @param onProgress - told how many SKUs are analysed so far, now and then (`ReportSetup.onProgress`).
   */
  finish(onProgress?: (analysed: number) => void): InventoryReport {
    const { histories, warnings } = this.replay.finishLazily();
    const { resolved } = this.setup;
    const monthSums = MonthSums.forReport(resolved);
    const analyses = analyzeHistories(histories, { ...this.setup, onProgress }, monthSums);
    return combineAnalyses(analyses, warnings, resolved, this.setup.fn, monthSums);
  }
}
