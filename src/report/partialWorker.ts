import type { LedgerColumns, ReplayWarning } from "../ledger/index.js";
import type { AnalyzeLedgerOptions } from "./AnalyzeLedgerOptions.js";
import { analyzeSkus } from "./analyzeSkus.js";
import type { Tape } from "./jsonCodec.js";
import { prepareReport } from "./prepareReport.js";
import { skuAnalysisCodec } from "./skuAnalysisCodec.js";

// The module a worker thread of `analyzeLedger(..., { threads })` loads (built to
// dist/partialWorker.js): it analyses one shard and answers with its analyses on a tape.

/** What a worker is asked to analyse: one shard of the ledger, with the report's options. */
export interface PartialWorkerTask {
  readonly columns: LedgerColumns;
  readonly options: AnalyzeLedgerOptions;
  /** The public function, for error messages. */
  readonly fn: string;
}

/** A worker's analyses: `count` of them written on a tape by `skuAnalysisCodec`, and the warnings. */
export interface PartialWorkerResult {
  readonly count: number;
  /** The tape's numbers, in a buffer that moves to the calling thread without a copy. */
  readonly numbers: Float64Array;
  readonly texts: readonly string[];
  readonly warnings: readonly ReplayWarning[];
}

/**
 * The per-SKU phase of one shard (`analyzeSkus`), its analyses written on a tape: what a worker
 * thread sends back. Also callable on any thread.
 *
 * @throws InvKpiError as `analyzeLedger`.
 */
export function runPartialWorker(task: PartialWorkerTask): PartialWorkerResult {
  // The caller's options may carry those of analyzeLedgerStream or analyzeLedgerFile (`mode`, ...):
  // read them as they were read there, or every worker would refuse the shard.
  const setup = prepareReport(task.options, task.fn, true);
  const { analyses, warnings } = analyzeSkus(task.columns, setup);
  const tape: Tape = { numbers: [], texts: [] };
  for (const analysis of analyses) skuAnalysisCodec.write(analysis, tape);
  return {
    count: analyses.length,
    numbers: Float64Array.from(tape.numbers),
    texts: tape.texts,
    warnings,
  };
}
