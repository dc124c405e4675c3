import { type LedgerColumns, LedgerColumnsBuilder } from "../ledger/LedgerColumns.js";
import { readMovementRow } from "../ledger/readMovementRow.js";
import { rowContext } from "../ledger/validateLedger.js";
import type { LedgerIssue } from "../model/InvKpiError.js";
import type { Movement } from "../model/Movement.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { type ColumnNames, ColumnResolver, type FieldSpec } from "./ColumnResolver.js";
import { CsvLedgerFastPath } from "./CsvLedgerFastPath.js";
import { CsvLedgerRow } from "./CsvLedgerRow.js";
import { IssueTally, requireMaxIssues, requireOnIssue } from "./IssueTally.js";
import { JsonRowSource } from "./jsonRowSource.js";
import { LineIndex } from "./LineIndex.js";
import type { InputSource, ReadProgress } from "./openTextInput.js";
import { applyRowSource, type RowSource } from "./RowSource.js";
import {
  readTable,
  type TableFormat,
  type TableReadOptions,
  type TableRowHandler,
} from "./readTable.js";

/** The fields of a ledger row, in the order of a ledger file's default header. */
export type LedgerField = keyof Movement;

/** The ledger's fields and how CSV cells become their values. */
export const LEDGER_FIELDS: readonly FieldSpec[] = [
  { name: "sku", kind: "text", required: true },
  { name: "date", kind: "date", required: true },
  { name: "type", kind: "text", required: true },
  { name: "quantity", kind: "number", required: true },
  { name: "unitCost", kind: "money", required: false },
  { name: "unitPrice", kind: "money", required: false },
  { name: "location", kind: "text", required: false },
  { name: "lot", kind: "text", required: false },
  { name: "expiresOn", kind: "date", required: false },
  { name: "id", kind: "text", required: false },
] satisfies readonly (FieldSpec & { name: LedgerField })[];

/** Options of {@link readLedger}. */
export interface ReadLedgerOptions extends TableReadOptions {
  /**
   * Header names (CSV) or keys (NDJSON, JSON) of fields whose column is not named after the field,
   * e.g. `{ sku: 'Item Code', date: 'Posting Date', quantity: 'Qty' }`. Names match without
   * regard to case, white space, `_` and `-` (`Unit Cost` is `unitCost`). Default: every field
   * under its own name (`sku`, `date`, `type`, `quantity`, `unitCost`, `unitPrice`, `location`,
   * `lot`, `expiresOn`, `id`).
   */
  readonly columns?: ColumnNames<LedgerField> | undefined;
  /** SKU master data: receipts of a SKU with a `standardCost` may omit `unitCost`. Default: none. */
  readonly skuInfo?: readonly SkuInfo[] | undefined;
  /**
   * How many issues to keep: the first `maxIssues` in file order (those a caller that shows a few
   * would show), while `issueCount` and `rowsWithIssues` count every one. Every row is still
   * checked; only the issues past the first are not kept, so memory no longer grows with them
   * (~440 bytes each: a million rows with four problems each hold 1.7 GB of issues). A whole
   * number ≥ 0, or `Infinity`. Default: every issue (no limit).
   */
  readonly maxIssues?: number | undefined;
  /**
   * Called with each problem as soon as its row (or the header, or the file's end) is checked, in
   * file order and with its `line`, whether `maxIssues` keeps it or not: a caller can write the
   * problems out as they are found and, with `maxIssues: 0`, hold none of them (`invkpi validate`
   * does). An error it throws stops the read and comes out of `readLedger`. Default: none.
   */
  readonly onIssue?: ((issue: LedgerIssue) => void) | undefined;
}

/** The result of {@link readLedger}. */
export interface ReadLedgerResult {
  /** The valid rows in columnar form, ready for `replayLedger`; `columns.row[i]` is the data row. */
  readonly columns: LedgerColumns;
  /**
   * Every problem, in file order, each with `line` (where its record starts) and `row` (0-based
   * data row; -1 for a problem of the file as a whole: an empty file, a missing column); with
   * `maxIssues`, the first `maxIssues` of them.
   */
  readonly issues: readonly LedgerIssue[];
  /**
   * How many problems were found, those in `issues` included (so `issueCount - issues.length`
   * were left out by `maxIssues`; without it, `issues.length`).
   */
  readonly issueCount: number;
  /**
   * How many data rows have at least one problem, kept in `issues` or not (a problem of the file
   * as a whole, row -1, is in `issueCount` but in no row).
   */
  readonly rowsWithIssues: number;
  /** Data rows read, valid or not (`rows - columns.length` rows were left out). */
  readonly rows: number;
  /** The format that was read. */
  readonly format: TableFormat;
  /**
   * CSV header names, and NDJSON or JSON keys, that match no field and were ignored (a key once,
   * however many rows have it): the first 20 (`MAX_LISTED_IGNORED`), in the order seen.
   */
  readonly ignoredColumns: readonly string[];
  /**
   * How many columns or keys were ignored in all, those in `ignoredColumns` included (so
   * `ignoredColumnCount - ignoredColumns.length` were left out of the list): every ignored CSV
   * column, or the distinct NDJSON or JSON keys, counted up to 10 000
   * (`MAX_COUNTED_IGNORED_KEYS`, which then means at least that many; telling keys apart takes
   * remembering them).
   */
  readonly ignoredColumnCount: number;
  /** The 1-based line of a data row (for rows named by replay warnings), or `undefined`. */
  readonly lineOf: (row: number) => number | undefined;
}

const FN = "readLedger";
/** The option names of {@link readLedger}. */
export const READ_LEDGER_OPTIONS = optionNames<ReadLedgerOptions>()([
  "format",
  "delimiter",
  "encoding",
  "onProgress",
  "columns",
  "skuInfo",
  "maxIssues",
  "onIssue",
]);

/**
 * Reads a stock-movement ledger from a CSV, NDJSON or JSON file (or a stream such as stdin) into
 * the columnar form the replay engine runs on, checking every row on the way exactly as
 * `validateLedger` does and reporting every problem with its file line.
 *
 * CSV is RFC 4180 with a header row: quoted fields may hold delimiters, doubled quotes and line
 * breaks; records end with LF, CRLF or CR; a UTF-8 byte order mark is dropped; blank lines are
 * skipped. Cells become typed values without coercion: `quantity` must be a plain decimal number
 * (`12`, `-1.5`; `"1,5"`, `""` and `"abc"` are reported with code `invalid_type`), money stays
 * exact text, dates stay `YYYY-MM-DD` text, and a blank cell of an optional field means absent.
 * Header names match fields without regard to case, white space, `_` and `-`; columns that match
 * no field are ignored (counted in `ignoredColumnCount`, the first 20 listed in `ignoredColumns`).
 * A record with a quoting error or the wrong number of fields is a `parse_error`; a missing
 * required column (sku, date, type, quantity) is one `missing_field` issue (the first shows the
 * header, and a hint at the delimiter, format or encoding when the header's shape suggests one),
 * two columns for one field a `parse_error`, and then no row is checked or reported; an empty file
 * is a `parse_error`. NDJSON and JSON values are used as they are (a quantity must be a JSON number);
 * keys that match no field are listed in `ignoredColumns` too, and a row that gives one field under
 * two keys (`"quantity"` and `"Quantity"`) is a `parse_error` and is left out.
 *
 * CSV and NDJSON are streamed in chunks of about 1 MiB and rows go straight into typed-array
 * columns, so memory holds the columns, not the text or one object per row. A JSON array is parsed
 * whole: use NDJSON or CSV for large data. Every issue is kept unless `maxIssues` says how many:
 * then the first ones in file order are, and `issueCount` and `rowsWithIssues` count them all, so
 * a file with millions of bad rows can be refused with its first problems and their number.
 *
 * @param source - a file path, or a readable stream (`process.stdin`).
 * @param options - format, delimiter, encoding, header names, SKU master data, progress callback,
 *   how many issues to keep.
 * @returns the columns of the valid rows, every issue (or the first `maxIssues`), the number of
 *   issues and of rows with one, the number of rows read, and a line lookup.
 * @throws InvKpiError `io_error` when the file cannot be read or is not valid text in the encoding
 *   (with the issues found before, counted in its message);
 *   `invalid_option` for an unknown format, delimiter, encoding, column mapping or option name,
 *   a `maxIssues` that is not a whole number ≥ 0, or an `onIssue` that is not a function;
 *   `invalid_argument` when `source` is neither a path nor a stream, or the options not an object.
 * @example
 * ```ts
 * import { Readable } from "node:stream";
 * import { readLedger } from "invkpi/node";
 * const csv =
 *   "Item Code,Posting Date,Movement Type,Qty,Unit Cost\n" +
 *   "A-1,2025-01-02,receipt,10,2.50\n" +
 *   'A-1,2025-01-03,issue,"1,5",\n'; // a decimal comma: not a plain number
 * const { columns, issues, rows } = await readLedger(Readable.from([csv]), {
 *   columns: { sku: "Item Code", date: "Posting Date", type: "Movement Type", quantity: "Qty", unitCost: "Unit Cost" },
 * });
 * rows; // 2
 * columns.length; // 1
 * issues.map((i) => `line ${i.line} ${i.field} ${i.code}`); // ["line 3 quantity invalid_type"]
 * // Keep the first problem only, and count them all:
 * const bad = "sku,date,type,quantity\nA,2025-13-01,sell,1\nB,2025-01-02,issue,x\n";
 * const first = await readLedger(Readable.from([bad]), { maxIssues: 1 });
 * [first.issues.length, first.issueCount, first.rowsWithIssues]; // [1, 3, 2]
 * // Or take each problem as it is found, and keep none:
 * const found: string[] = [];
 * await readLedger(Readable.from([bad]), { maxIssues: 0, onIssue: (i) => found.push(`${i.line} ${i.field}`) });
 * found; // ["2 date", "2 type", "3 quantity"]
 * ```
 */
export function readLedger(
  source: InputSource,
  options: ReadLedgerOptions = {},
): Promise<ReadLedgerResult> {
  return readLedgerVia(source, options, "fast-and-general");
}

/**
 * Which paths read CSV records: `fast-and-general` (what {@link readLedger} does) tries
 * `CsvLedgerFastPath` first for plain records; `general-only` sends every record through the row
 * check, for tests that compare the two.
 */
export type CsvReadPaths = "fast-and-general" | "general-only";

/**
 * {@link readLedger} with a choice of CSV paths. Internal (not in the barrel): the property tests
 * use it to show that the fast path changes nothing.
 */
export async function readLedgerVia(
  source: InputSource,
  options: ReadLedgerOptions,
  paths: CsvReadPaths,
  sink: RowSink | null = null,
): Promise<ReadLedgerResult> {
  requireOptionNames(options, READ_LEDGER_OPTIONS, FN);
  const maxIssues = requireMaxIssues(options.maxIssues, FN);
  const onIssue = requireOnIssue(options.onIssue, FN);
  const resolver = new ColumnResolver(LEDGER_FIELDS, options.columns, FN, "movement");
  // The line of every row read so far, filled by the table reader before each row comes: an issue
  // names its own line, and a duplicate id the line of the row that used the id first.
  const lines = new LineIndex();
  const ctx = rowContext({
    ...(options.skuInfo === undefined ? {} : { skuInfo: options.skuInfo }),
    lineOf: (row) => lines.lineOf(row),
  });
  const issues = ctx.issues;
  // The drivers settle it after each row: the row check above writes to `issues` meanwhile.
  const tally = new IssueTally(issues, maxIssues, onIssue);
  const builder = sink?.builder ?? new LedgerColumnsBuilder(1 << 16);
  /**
   * Checks a row and keeps it when valid; a `rejected` row (see `object`) is only checked. `source`:
   * what the row's text shows beyond its values (see {@link RowSource}).
   */
  const check = (
    raw: unknown,
    row: number,
    rowLine: number,
    rejected: boolean,
    source: RowSource,
  ): void => {
    const before = issues.length;
    const valid = readMovementRow(raw, row, rejected ? null : builder, ctx);
    if (valid && !rejected) sink?.rowAdded(rowLine);
    else {
      applyRowSource(issues, before, raw, source);
      tidyIssues(issues, before, rowLine, raw);
    }
  };
  // One source for every NDJSON or JSON row: a valid row allocates nothing for it.
  const jsonSource = new JsonRowSource((key) => resolver.fieldNameOfKey(key));
  let csvRow: CsvLedgerRow | null = null;
  let fastPath: CsvLedgerFastPath | null = null;
  const handler: TableRowHandler = {
    start: (columnOf, columnCount, delimiter) => {
      csvRow = new CsvLedgerRow(columnOf);
      fastPath = new CsvLedgerFastPath(columnOf, columnCount, delimiter, builder, ctx);
    },
    cells: (text, bounds, row, rowLine) => {
      // Called only after start(), when the required columns exist.
      const scratch = csvRow as CsvLedgerRow;
      check(scratch.fill(text, bounds), row, rowLine, false, scratch);
    },
    object: (raw, row, rowLine, rejected, json) => {
      check(jsonSource.next(raw, json), row, rowLine, rejected, jsonSource);
    },
  };
  // A streaming sink drains its builder as it goes: only a whole read sizes the columns.
  if (sink === null) handler.chunkRead = columnsSizer(builder);
  if (paths === "fast-and-general") {
    // Called only after start(); a row it does not take goes to cells() above.
    handler.plainRecord =
      sink === null
        ? (bytes, from, to, row) => (fastPath as CsvLedgerFastPath).read(bytes, from, to, row)
        : (bytes, from, to, row, rowLine) => {
            if (!(fastPath as CsvLedgerFastPath).read(bytes, from, to, row)) return false;
            sink.rowAdded(rowLine);
            return true;
          };
  }
  const summary = await readTable(source, options, resolver, handler, tally, FN, lines);
  return {
    columns: builder.finish(),
    issues,
    issueCount: tally.issueCount,
    rowsWithIssues: tally.rowsWithIssues,
    ...summary,
    ignoredColumnCount: resolver.ignoredCount,
  };
}

/** Valid rows read before the bytes per row are trusted to size the columns. */
const SIZING_SAMPLE_ROWS = 1000;
/** Room beyond the estimate: rows of a file are not all of one length. */
const SIZING_MARGIN = 1.03;
/** At most this many times the room there is, per step. */
const SIZING_STEP = 8;
/** Fewer bytes than any valid CSV or NDJSON row takes (`a,2025-01-01,issue,1` and a line break). */
const MIN_ROW_BYTES = 16;

/**
 * A `chunkRead` hook that sizes the builder from the file's size and the bytes per valid row so
 * far: `rows × totalBytes / bytesRead`, 3 % more, whenever that exceeds the room it has, while the
 * read is under way (the call after the last chunk would only copy). The first chunk's rows can
 * be longer than the rest (opening receipts carry a cost, issues do not), so the estimate is
 * checked after every chunk, and it never takes more than eight times the room there is at once:
 * a first chunk of unusually short rows (or of invalid rows, which the count leaves out) cannot
 * reserve room for far more rows than come, which would stay allocated with the columns. A stream
 * of unknown size, and a JSON array (read whole), are not sized: the builder grows by half.
 */
function columnsSizer(builder: LedgerColumnsBuilder): (progress: ReadProgress) => void {
  return ({ bytesRead, totalBytes }) => {
    const rows = builder.length;
    if (totalBytes === null || rows < SIZING_SAMPLE_ROWS || !(bytesRead < totalBytes)) return;
    const expected = (rows * totalBytes) / bytesRead;
    // The margin is reserved, not required: within it the rows still fit, and no copy is made.
    if (expected <= builder.capacity) return;
    const wanted = expected * SIZING_MARGIN;
    builder.reserve(Math.min(wanted, builder.capacity * SIZING_STEP, totalBytes / MIN_ROW_BYTES));
  };
}

/**
 * Where a streaming read puts the valid rows: a builder that something drains as it goes (a
 * streaming replay), told after each row with the row's line.
 */
export interface RowSink {
  readonly builder: LedgerColumnsBuilder;
  rowAdded(line: number): void;
}

/**
 * Reads a ledger like {@link readLedger}, but hands each valid row to `sink` (a streaming replay)
 * as it is read instead of keeping the columns: memory holds what the sink keeps. The result's
 * `columns` is what the sink left in its builder. Internal: `invkpi analyze --streaming` uses it.
 */
export function readLedgerInto(
  source: InputSource,
  options: ReadLedgerOptions,
  sink: RowSink,
): Promise<ReadLedgerResult> {
  return readLedgerVia(source, options, "fast-and-general", sink);
}

/**
 * Gives the row's new issues their line (the row check leaves it out of a `not_an_object` issue)
 * and drops a `value` that only says a field was absent (the scratch row has every key).
 */
function tidyIssues(issues: LedgerIssue[], from: number, line: number, raw: unknown): void {
  for (let k = from; k < issues.length; k++) {
    const { value, ...issue } = issues[k] as LedgerIssue;
    const absent =
      value === "undefined" &&
      raw !== null &&
      typeof raw === "object" &&
      (raw as Record<string, unknown>)[issue.field] === undefined;
    issues[k] = { ...issue, line, ...(value === undefined || absent ? {} : { value }) };
  }
}
