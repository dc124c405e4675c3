import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import type { CheckedSkuInfo } from "../model/requireSkuInfoList.js";
import type { LedgerColumnsBuilder } from "./LedgerColumns.js";
import { readMovementRow } from "./readMovementRow.js";
import { REPLAY_OPTIONS, type ReplayOptions, type ReplayResult } from "./replayLedger.js";
import { StreamingReplay, type StreamingReplayOptions } from "./StreamingReplay.js";
import { checkedRowContext, invalidLedger } from "./validateLedger.js";

export type { StreamingReplayOptions } from "./StreamingReplay.js";

const FN = "replayLedgerStream";

/** The option names of {@link replayLedgerStream}: `replayLedger`'s and the stream's own. */
const OPTIONS = [
  ...REPLAY_OPTIONS,
  ...optionNames<Omit<StreamingReplayOptions, keyof ReplayOptions>>()([
    "quantityDecimals",
    "moneyDecimals",
    "chunkRows",
  ]),
];

/**
 * {@link replayLedger} over movements that arrive in date order, one at a time, in memory bounded
 * by the number of SKUs (their states and open FIFO layers) and one chunk of rows, not by the
 * number of movements: for ledgers larger than memory, read from a file or a database cursor.
 *
 * The result is the same as `replayLedger` on the same rows, warnings included. The differences:
 * - Rows must come in date order (any order within a day: the day is sorted as in `replayLedger`).
 *   A row dated before the row above it rejects the promise with `unsorted_input`, naming it.
 * - The fixed-point scales are chosen on the first chunk (`chunkRows` rows, default 2^20): a later
 *   quantity with more decimal places than any before it is an `out_of_range` error; set
 *   `quantityDecimals` (or `moneyDecimals`, beyond 6) when the data needs it.
 * - Invalid rows are reported after the whole input is read (`invalid_ledger`, every problem),
 *   as `parseLedger` does; an error of the replay itself (`negative_stock` under `'error'`, a row
 *   with too many decimal places) comes after them, as in batch mode, once the input is read.
 *   Duplicate `id`s are found by remembering every id read: memory grows with rows that have an id.
 * - An opening balance's `receivedOn` is checked against its SKU's first movement when that row
 *   comes; every bad balance is still reported at once (`invalid_argument`, as `replayLedger`),
 *   after the invalid rows and before an error of the replay itself.
 *
 * @param movements - an `AsyncIterable` or `Iterable` of untrusted movement objects, in date order.
 * @param options - as `replayLedger`, plus `quantityDecimals`, `moneyDecimals` and `chunkRows`.
 * @returns a promise of `{ histories, warnings }`, as `replayLedger`.
 * @throws InvKpiError (as a rejected promise) `unsorted_input`; `out_of_range` for a row with more
 *   decimal places than the scales; `invalid_ledger`; otherwise as `replayLedger` (an unknown
 *   option name is `invalid_option`).
 * @example
 * ```ts
 * import { replayLedgerStream } from "invkpi";
 * async function* movements() {
 *   yield { sku: "A", date: "2025-01-01", type: "receipt", quantity: 10, unitCost: 2 };
 *   yield { sku: "A", date: "2025-01-03", type: "issue", quantity: 4 };
 * }
 * const { histories } = await replayLedgerStream(movements(), {
 *   period: { from: "2025-01-01", to: "2025-01-04" },
 * });
 * histories[0]?.closingQuantity; // 6
 * ```
 */
export async function replayLedgerStream(
  movements: AsyncIterable<unknown> | Iterable<unknown>,
  options: StreamingReplayOptions,
): Promise<ReplayResult> {
  requireOptionNames(options, OPTIONS, FN);
  // Month ends always: `ReplayTuning` is not the caller's to set, whatever the options carry.
  // Options and master data first (once: the rows' check reads the stream's), then the input.
  const stream = new StreamingReplay({ ...options, monthEnds: true }, FN);
  await feedMovements(stream, movements, stream.skuInfo, FN);
  return stream.finish();
}

/** Where {@link feedMovements} puts the valid rows: a builder, told after each row when asked. */
export interface MovementSink {
  readonly builder: LedgerColumnsBuilder;
  /** Called after each row appended (a streaming replay replays whole days as they fill). */
  rowAdded?(): void;
}

/**
 * Checks each movement object and appends the valid ones to `sink`, in arrival order; throws
 * `invalid_ledger` at the end when any row was invalid. The one loop over movement objects of
 * both stream modes: batch collects the rows, streaming replays them as they come. `skuInfo` is
 * the master data the caller checked (`requireSkuInfoList`, once per public call).
 */
export async function feedMovements(
  sink: MovementSink,
  movements: AsyncIterable<unknown> | Iterable<unknown>,
  skuInfo: CheckedSkuInfo,
  fn: string,
): Promise<void> {
  requireIterable(movements, fn);
  const context = checkedRowContext(skuInfo, undefined);
  let row = 0;
  for await (const movement of movements) {
    if (readMovementRow(movement, row, sink.builder, context)) sink.rowAdded?.();
    row++;
  }
  if (context.issues.length > 0) throw invalidLedger(fn, context.issues);
}

/** Throws unless `value` is an async iterable or an iterable. */
export function requireIterable(value: unknown, fn: string): void {
  const iterable =
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    (Symbol.asyncIterator in value || Symbol.iterator in value);
  if (!iterable) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: movements must be an async iterable or an iterable of movement objects, got ${describeValue(value)}`,
      { path: ["movements"] },
    );
  }
}
