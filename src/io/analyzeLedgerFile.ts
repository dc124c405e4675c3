import { HandedOverLedger } from "../ledger/HandedOverLedger.js";
import { problemCount } from "../ledger/problemCount.js";
import { requireVariant } from "../model/assert.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { requireKnownOptions } from "../model/requireKnownOptions.js";
import type { AnalyzeLedgerStreamOptions } from "../report/analyzeLedgerStream.js";
import { buildReport } from "../report/buildReport.js";
import type { InventoryReport } from "../report/InventoryReport.js";
import { prepareReport } from "../report/prepareReport.js";
import { StreamingReport } from "../report/StreamingReport.js";
import type { InputSource } from "./openTextInput.js";
import {
  READ_LEDGER_OPTIONS,
  type ReadLedgerOptions,
  type ReadLedgerResult,
  readLedger,
  readLedgerInto,
} from "./readLedger.js";

/** Options of {@link analyzeLedgerFile}: the report's, the mode's, and how to read the file. */
export interface AnalyzeLedgerFileOptions extends AnalyzeLedgerStreamOptions {
  /**
   * How to read the file, as `readLedger`'s options: `format`, `delimiter`, `encoding`, `columns`
   * (header names), `onProgress`, `maxIssues` (how many problems the `invalid_ledger` error
   * carries; its message counts them all). Its master data is the report's `skuInfo`. Default: by
   * the file name, comma-separated UTF-8 with the fields' own names, every problem.
   */
  readonly read?: Omit<ReadLedgerOptions, "skuInfo"> | undefined;
}

const FN = "analyzeLedgerFile";
const MODES = ["batch", "streaming"] as const;

/**
 * The inventory report of a ledger file: `readLedger` and `analyzeLedger` in one call, or (mode
 * `'streaming'`) the file replayed as it is read, in memory bounded by the number of SKUs and
 * their open layers, not by the number of movements: what `invkpi analyze [--streaming]` does,
 * for a script or a pipeline.
 *
 * - `'batch'` (default): the file is read into columns (about 50 bytes a movement), in any date
 *   order, then analyzed (`threads` allowed).
 * - `'streaming'`: rows are replayed a chunk of whole days at a time as they are read; the file
 *   must be in date order (a row dated before the row above it is an `unsorted_input` error
 *   naming it), and `period` is needed up front, as it always is. One thread.
 *
 * Every row is checked as `validateLedger` checks it; when any is invalid nothing is analyzed and
 * the error lists every problem, each with its file `line` (the first `read.maxIssues`, if
 * given). Options are checked before the file is opened.
 *
 * @param source - a file path, a `file:` URL, or an async iterable of text or bytes (a stream).
 * @param options - the report's options (`period` at least, see `analyzeLedger`), `mode`,
 *   `quantityDecimals` and `moneyDecimals` (streaming), and `read` (see
 *   {@link AnalyzeLedgerFileOptions}).
 * @returns the {@link InventoryReport}, the same as `analyzeLedger` on the file's rows.
 * @throws InvKpiError `invalid_ledger` (invalid rows: `issues` lists every problem with its line,
 *   or a problem of the file as a whole, such as a missing column), `io_error` (a file that cannot
 *   be read), `invalid_option` (an unknown option name or value), `unsorted_input` (streaming: a
 *   row out of date order), and every error of `analyzeLedger`.
 * @example
 * ```ts
 * import { analyzeLedgerFile } from "invkpi/node";
 * const csv = [
 *   "sku,date,type,quantity,unitCost,unitPrice",
 *   "A,2025-01-02,receipt,10,2,",
 *   "A,2025-01-03,issue,4,,5",
 * ].join("\n");
 * async function* file() { yield csv; }
 * const period = { from: "2025-01-01", to: "2025-01-31" };
 * const report = await analyzeLedgerFile(file(), { period, mode: "streaming" });
 * report.rows[0]?.closingQuantity; // 6
 * report.totals.turnover.cogs.toFixed(2); // "8.00"
 * ```
 */
export async function analyzeLedgerFile(
  source: InputSource,
  options: AnalyzeLedgerFileOptions,
): Promise<InventoryReport> {
  if (options === null || typeof options !== "object") {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: options must be an object with at least a period, got ${describeValue(options)}`,
      { path: ["options"] },
    );
  }
  const { read, ...reportOptions } = options;
  requireReadOptions(read);
  const mode = requireVariant(options.mode ?? "batch", MODES, FN, "mode");
  const readOptions: ReadLedgerOptions = {
    ...read,
    ...(options.skuInfo === undefined ? {} : { skuInfo: options.skuInfo }),
  };
  if (mode === "streaming") {
    const report = new StreamingReport(reportOptions, FN); // checks the options first
    requireValidRows(
      await readLedgerInto(source, readOptions, report.replay).catch(asReadOptionError),
    );
    return report.finish();
  }
  const setup = prepareReport(reportOptions, FN, true);
  return buildReport(await readValidLedger(source, readOptions), setup);
}

/**
 * The ledger read and checked, its columns handed over in a box that the replay empties: no frame
 * holds them while the SKUs are analysed (nobody else has them: this function read them), so they
 * can be collected then, as in `invkpi analyze` (at 10 M rows about half a GB less at the peak).
 */
async function readValidLedger(
  source: InputSource,
  readOptions: ReadLedgerOptions,
): Promise<HandedOverLedger> {
  const input = await readLedger(source, readOptions).catch(asReadOptionError);
  requireValidRows(input);
  return new HandedOverLedger(input.columns);
}

/** The reader's options under `read`: an object of `readLedger`'s names but `skuInfo`. */
const READ_OPTIONS = READ_LEDGER_OPTIONS.filter((name) => name !== "skuInfo");

/**
 * `read`, checked as an option group of this function's (path `['read', name]`): the report's
 * `skuInfo` is the one master data, so `read.skuInfo` would be a second one the report never sees.
 */
function requireReadOptions(read: unknown): void {
  if (read === undefined) return;
  if (read === null || typeof read !== "object" || Array.isArray(read)) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: read must be an object of readLedger's options, got ${describeValue(read)}`,
      { path: ["read"], details: { value: describeValue(read) } },
    );
  }
  if ((read as { skuInfo?: unknown }).skuInfo !== undefined) {
    throw new InvKpiError(
      "invalid_option",
      `${FN}: give skuInfo in the report's options, not under read (the report reads only those)`,
      { path: ["read", "skuInfo"] },
    );
  }
  requireKnownOptions(read, READ_OPTIONS, FN, ["read"]);
}

/**
 * The reader's refusal of an option's value, named as the caller wrote it: `read.delimiter`, path
 * `['read', 'delimiter']`, not `readLedger: delimiter` (found by an audit). Rethrows any error.
 */
function asReadOptionError(error: unknown): never {
  const [name] = error instanceof InvKpiError ? error.path : [];
  if (
    !(error instanceof InvKpiError) ||
    error.code !== "invalid_option" ||
    typeof name !== "string" ||
    !(READ_OPTIONS as readonly string[]).includes(name)
  ) {
    throw error;
  }
  throw new InvKpiError(error.code, error.message.replace(/^readLedger: /, `${FN}: read.`), {
    path: ["read", ...error.path],
    details: error.details,
  });
}

/**
 * Nothing is analyzed from a file with an invalid row: every problem (the first `read.maxIssues`
 * with that option), with its line, at once; the message and details count them all.
 */
function requireValidRows(input: ReadLedgerResult): void {
  const { issues, issueCount, rows } = input;
  if (issueCount === 0) return;
  const first = issues[0];
  const shown =
    first === undefined
      ? ""
      : ` (first: line ${first.line ?? "?"}, ${first.field}: ${first.message})`;
  throw new InvKpiError(
    "invalid_ledger",
    `${FN}: ${problemCount(input, rows)}; nothing was analyzed${shown}`,
    { issues, details: { problems: issueCount, rows } },
  );
}
