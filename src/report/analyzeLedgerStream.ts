import { LedgerColumnsBuilder } from "../ledger/LedgerColumns.js";
import { readMovementRow } from "../ledger/readMovementRow.js";
import { invalidLedger, rowContext } from "../ledger/validateLedger.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import type { AnalyzeLedgerOptions } from "./AnalyzeLedgerOptions.js";
import { buildReport } from "./buildReport.js";
import type { InventoryReport } from "./InventoryReport.js";
import { resolveReportOptions } from "./resolveReportOptions.js";
import { skuInfoBySku } from "./skuInfoBySku.js";

const FN = "analyzeLedgerStream";

/**
 * {@link analyzeLedger} over movements that arrive one at a time: an async (or plain) iterable of
 * movement objects, such as rows parsed from a file or a database cursor. The same report as
 * `analyzeLedger` on the same rows in the same order.
 *
 * The objects are not kept: each row is checked by the ledger's row reader and appended to typed
 * columns as it arrives (about 50 bytes a movement, up to twice that while the arrays grow, instead of an object each), then the columns
 * are replayed once. Options are checked before the first row is read. Rows may come in any order
 * (the replay sorts by day once); row numbers in issues and warnings count from 0 in arrival order.
 *
 * @param movements - an `AsyncIterable` or `Iterable` of untrusted movement objects.
 * @param options - as {@link analyzeLedger}; all defaults the same.
 * @returns a promise of the {@link InventoryReport}.
 * @throws InvKpiError (as a rejected promise) `invalid_ledger` listing every problem of every row,
 *   after reading the whole input, as `parseLedger`; otherwise as {@link analyzeLedger}.
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
  options: AnalyzeLedgerOptions,
): Promise<InventoryReport> {
  const resolved = resolveReportOptions(options, FN);
  requireIterable(movements);
  skuInfoBySku(options.skuInfo, FN);
  const context = rowContext({ skuInfo: options.skuInfo ?? [] });
  const builder = new LedgerColumnsBuilder();
  let row = 0;
  for await (const movement of movements) {
    readMovementRow(movement, row, builder, context);
    row++;
  }
  if (context.issues.length > 0) throw invalidLedger(FN, context.issues);
  return buildReport(builder.finish(), options, resolved, FN);
}

function requireIterable(value: unknown): void {
  const iterable =
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    (Symbol.asyncIterator in value || Symbol.iterator in value);
  if (!iterable) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: movements must be an async iterable or an iterable of movement objects, got ${describeValue(value)}`,
      { path: ["movements"] },
    );
  }
}
