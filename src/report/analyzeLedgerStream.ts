import { LedgerColumnsBuilder } from "../ledger/LedgerColumns.js";
import { feedMovements } from "../ledger/replayLedgerStream.js";
import type { StreamingReplayOptions } from "../ledger/StreamingReplay.js";
import { requireVariant } from "../model/assert.js";
import type { AnalyzeLedgerOptions } from "./AnalyzeLedgerOptions.js";
import { buildReport } from "./buildReport.js";
import type { InventoryReport } from "./InventoryReport.js";
import { prepareReport } from "./prepareReport.js";
import { StreamingReport } from "./StreamingReport.js";

/** How {@link analyzeLedgerStream} holds the movements. */
export const STREAM_MODES = ["batch", "streaming"] as const;
/** See {@link STREAM_MODES}. */
export type StreamMode = (typeof STREAM_MODES)[number];

/** Options of {@link analyzeLedgerStream}: those of `analyzeLedger`, plus the mode. */
export interface AnalyzeLedgerStreamOptions
  extends AnalyzeLedgerOptions,
    Pick<StreamingReplayOptions, "quantityDecimals" | "moneyDecimals" | "chunkRows"> {
  /**
   * `'batch'` (default): the movements are kept as columns (about 50 bytes each) and may come in
   * any order. `'streaming'`: memory is bounded by the number of SKUs, not of movements; the
   * movements must come in date order (see `replayLedgerStream`). One thread either way.
   */
  readonly mode?: StreamMode;
}

const FN = "analyzeLedgerStream";

/**
 * {@link analyzeLedger} over movements that arrive one at a time: an async (or plain) iterable of
 * movement objects, such as rows parsed from a file or a database cursor. The same report as
 * `analyzeLedger` on the same rows in the same order.
 *
 * The objects are not kept: each row is checked by the ledger's row reader and appended to typed
 * columns as it arrives. In `'batch'` mode (the default) the columns hold every movement (about
 * 50 bytes each, up to twice that while the arrays grow), rows may come in any order (the replay
 * sorts by day once) and are replayed at the end. In `'streaming'` mode they are replayed a chunk
 * of whole days at a time, so memory is bounded by the number of SKUs, and rows must come in date
 * order (see `replayLedgerStream` for the rules). Options are checked before the first row is
 * read; row numbers in issues and warnings count from 0 in arrival order.
 *
 * @param movements - an `AsyncIterable` or `Iterable` of untrusted movement objects.
 * @param options - as {@link analyzeLedger}, all defaults the same; `mode` (`'batch'` default, or
 *   `'streaming'`), and for streaming `quantityDecimals`, `moneyDecimals`, `chunkRows`.
 * @returns a promise of the {@link InventoryReport}.
 * @throws InvKpiError (as a rejected promise) `invalid_ledger` listing every problem of every row,
 *   after reading the whole input, as `parseLedger`; in streaming mode `unsorted_input` for a row
 *   dated before the row above it and `out_of_range` for a row with more decimal places than the
 *   first chunk's (see `replayLedgerStream`), and `invalid_option` with `threads` > 1; otherwise
 *   as {@link analyzeLedger}.
 * @example
 * ```ts
 * import { analyzeLedgerStream } from "invkpi";
 * async function* movements() {
 *   yield { sku: "A", date: "2025-01-01", type: "receipt", quantity: 10, unitCost: 2 };
 *   yield { sku: "A", date: "2025-01-03", type: "issue", quantity: 4 };
 * }
 * const report = await analyzeLedgerStream(movements(), {
 *   period: { from: "2025-01-01", to: "2025-01-04" },
 * });
 * report.rows[0]?.closingQuantity; // 6
 * ```
 */
export async function analyzeLedgerStream(
  movements: AsyncIterable<unknown> | Iterable<unknown>,
  options: AnalyzeLedgerStreamOptions,
): Promise<InventoryReport> {
  const mode = requireVariant(options.mode ?? "batch", STREAM_MODES, FN, "mode");
  if (mode === "streaming") return analyzeStreaming(movements, options);
  // Options and master data first, then the input (`feedMovements`), as in streaming mode.
  const setup = prepareReport(options, FN, true);
  const builder = new LedgerColumnsBuilder();
  await feedMovements({ builder }, movements, setup.skuInfo, FN);
  return buildReport(builder.finish(), setup);
}

async function analyzeStreaming(
  movements: AsyncIterable<unknown> | Iterable<unknown>,
  options: AnalyzeLedgerStreamOptions,
): Promise<InventoryReport> {
  const report = new StreamingReport(options, FN); // checks the options before the first row
  await feedMovements(report.replay, movements, report.replay.skuInfo, FN);
  return report.finish();
}
