import { requireVariant } from "../model/assert.js";
import { describeValue, InvKpiError, type LedgerIssue } from "../model/InvKpiError.js";
import type { ColumnResolver } from "./ColumnResolver.js";
import { CSV_DELIMITERS, type CsvDelimiter } from "./CsvDelimiter.js";
import { IssueTally } from "./IssueTally.js";
import { LineIndex } from "./LineIndex.js";
import {
  type InputSource,
  openTextInput,
  type ReadProgress,
  type TextInput,
} from "./openTextInput.js";
import { readCsvTable } from "./readCsvTable.js";
import { readJsonTable } from "./readJsonTable.js";
import { readNdjsonTable } from "./readNdjsonTable.js";

/** File formats the readers understand. */
export const TABLE_FORMATS = ["csv", "ndjson", "json"] as const;
/** `csv` (RFC 4180 with a header row), `ndjson` (one JSON object per line), `json` (an array of objects). */
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** Options shared by the file readers. */
export interface TableReadOptions {
  /**
   * The file format. Default: from the file name (`.ndjson` and `.jsonl` → `ndjson`, `.json` →
   * `json`, anything else → `csv`); `csv` for a stream.
   */
  readonly format?: TableFormat | undefined;
  /** CSV field delimiter. Default: `'\t'` for a `.tsv` file, else `','`. */
  readonly delimiter?: CsvDelimiter | undefined;
  /**
   * Text encoding of the bytes (a WHATWG label: `'utf-8'`, `'gbk'`, `'shift_jis'`,
   * `'windows-1252'`, ...). Default `'utf-8'`. A byte order mark at the start is dropped.
   */
  readonly encoding?: string | undefined;
  /** Called after each chunk read (about every MiB) and once at the end. Default: none. */
  readonly onProgress?: ((progress: ReadProgress) => void) | undefined;
}

/** What a reader does with each row a table driver finds. */
export interface TableRowHandler {
  /**
   * Called once, after a CSV header is read: the column of each field (-1 when absent), the
   * number of columns, and the delimiter.
   */
  start(columnOf: Int32Array, columnCount: number, delimiter: CsvDelimiter): void;
  /**
   * A CSV record with as many cells as the header, only when the header is usable (every required
   * column exists, no field has two): cell `k` is `text.slice(bounds[2k], bounds[2k + 1])` (both
   * reused for the next record).
   */
  cells(text: string, bounds: Int32Array, row: number, line: number): void;
  /**
   * Optional fast path, only when the header is usable and the input is UTF-8 bytes: a
   * CSV record that lies on one line without quotes or CRs, `bytes[from, to)` (the line break
   * excluded), with its row and line. Returns `true` when it handled the row completely; `false` when the record must go
   * through the usual path ({@link cells}, or a `parse_error` for a wrong number of fields), and
   * then it must have changed nothing.
   */
  plainRecord?(bytes: Uint8Array, from: number, to: number, row: number, line: number): boolean;
  /**
   * An NDJSON or JSON row, its keys renamed to field names (anything but an object as it is).
   * `rejected`: the driver has reported a problem of the row already (a field under two keys), so
   * the row must be left out; it is still checked, for its other problems. `source`: where the
   * row's JSON text is (for the number literals as written), reused for the next row.
   */
  object(value: unknown, row: number, line: number, rejected: boolean, source?: JsonRowText): void;
  /**
   * Optional: told how far the read is after each chunk (about every MiB; a JSON array once, before
   * its rows) and once at the end, so that a reader can size its storage from the file's size once
   * it knows the bytes per row.
   */
  chunkRead?(progress: ReadProgress): void;
}

/**
 * Where the JSON text of an NDJSON or JSON row is: `text[from, to)` (white space around included).
 * A driver may reuse one object for every row: it is valid during the `object` call only.
 */
export interface JsonRowText {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  /**
   * `false` when the driver found no run of more than 15 digits and points in the text around the
   * row (a chunk, a file), so that none is in `text[from, to)`: no literal needs a precision scan.
   */
  readonly mayHaveLongDigitRun?: boolean;
}

/** What a table driver reports back besides the rows. */
export interface TableReadSummary {
  readonly format: TableFormat;
  /** Data rows read (valid or not): records of a CSV, non-blank lines of NDJSON, array elements. */
  readonly rows: number;
  /** CSV header names, or NDJSON and JSON keys (each once), that match no field. */
  readonly ignoredColumns: readonly string[];
  /** The 1-based line on which a row starts (`undefined` for a row index that was not read). */
  readonly lineOf: (row: number) => number | undefined;
}

/** Everything a format driver needs. */
export interface TableDriverContext {
  readonly input: TextInput;
  readonly delimiter: CsvDelimiter;
  readonly resolver: ColumnResolver;
  readonly handler: TableRowHandler;
  /** Where problems go: `tally.issues`, settled by the driver after each row (see {@link IssueTally}). */
  readonly issues: LedgerIssue[];
  /**
   * Counts the issues and keeps the first of them: the driver calls `tally.settle()` once a row
   * (or the header, or the file's end) is done with, never while the row is read.
   */
  readonly tally: IssueTally;
  /** Reports progress with the rows read so far. */
  readonly progress: (rows: number) => void;
  /**
   * The line of every row, added as each is read and before the handler sees it: the read's
   * `lineOf`, and the caller's too while the read goes on.
   */
  readonly lines: LineIndex;
}

/**
 * Reads a table file or stream row by row in the given (or inferred) format and hands each row to
 * `handler`; problems of the file's structure (a malformed CSV record, a line that is not JSON, a
 * missing required column or one given twice, an empty file) go to `issues` with their lines.
 * Rows are never all in memory for CSV and NDJSON.
 *
 * @param issues - where problems go: a list (every one kept), or a tally that keeps the first
 *   few and counts the rest (the handler's own problems of a row must go to its `issues` too).
 * @param lines - where the line of each row goes, before the handler is called with it (default: a
 *   new index); a handler that must name the line of an earlier row (a duplicate id's first use)
 *   passes its own and reads it during the read.
 */
export async function readTable(
  source: InputSource,
  options: TableReadOptions,
  resolver: ColumnResolver,
  handler: TableRowHandler,
  issues: LedgerIssue[] | IssueTally,
  fn: string,
  lines: LineIndex = new LineIndex(),
): Promise<TableReadSummary> {
  const tally = issues instanceof IssueTally ? issues : new IssueTally(issues);
  const fromName = formatOfName(source);
  const format =
    options.format === undefined
      ? fromName.format
      : requireVariant(options.format, TABLE_FORMATS, fn, "format");
  const delimiter =
    options.delimiter === undefined
      ? fromName.delimiter
      : requireVariant(options.delimiter, CSV_DELIMITERS, fn, "delimiter");
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: onProgress must be a function, got ${describeValue(onProgress)}`,
      { path: ["onProgress"] },
    );
  }
  const encoding = options.encoding ?? "utf-8";
  const input = await openTextInput(source, encoding, fn);
  const progress = (rows: number): void => {
    const now = { bytesRead: input.bytesRead(), totalBytes: input.totalBytes, rows };
    handler.chunkRead?.(now);
    onProgress?.(now);
  };
  const context: TableDriverContext = {
    input,
    delimiter,
    resolver,
    handler,
    issues: tally.issues,
    tally,
    progress,
    lines,
  };
  const read =
    format === "csv" ? readCsvTable : format === "ndjson" ? readNdjsonTable : readJsonTable;
  let summary: Omit<TableReadSummary, "format">;
  try {
    summary = await read(context);
  } catch (error) {
    throw withIssuesFound(error, tally);
  }
  tally.settle();
  progress(summary.rows);
  return { format, ...summary };
}

/** How many of the problems found before a read failed its error's message lists. */
const ISSUES_LISTED = 5;

/**
 * An `io_error` that stopped a read (bytes that are not valid text on line 3) with the problems
 * found before it (line 2's quantity): in its `issues` (those the tally kept), and listed in its
 * message (the first five, and how many more were found), so that they are not lost with the
 * rows read; any other error as it is.
 */
function withIssuesFound(error: unknown, tally: IssueTally): unknown {
  tally.settle();
  const { issues, issueCount } = tally;
  if (!(error instanceof InvKpiError) || error.code !== "io_error" || issueCount === 0)
    return error;
  const listed = issues.slice(0, ISSUES_LISTED).map((i) => {
    const where = i.line === undefined ? `row ${i.row}` : `line ${i.line}`;
    const field = i.field === "" ? "" : `${i.field}: `;
    return `${where}: ${field}${i.message}${i.value === undefined ? "" : ` (got ${i.value})`}`;
  });
  const more = issueCount > listed.length ? `; and ${issueCount - listed.length} more` : "";
  const count = issueCount === 1 ? "1 problem" : `${issueCount} problems`;
  return new InvKpiError(
    "io_error",
    `${error.message}; before it, ${count} in the rows read: ${listed.join("; ")}${more}`,
    { path: error.path, details: error.details, issues },
  );
}

/** The format (and CSV delimiter) a file name suggests; a stream is CSV. */
export function formatOfName(source: InputSource): {
  format: TableFormat;
  delimiter: CsvDelimiter;
} {
  const name = typeof source === "string" ? source : source instanceof URL ? source.pathname : "";
  const extension = /\.([^./\\]+)$/.exec(name.toLowerCase())?.[1] ?? "";
  if (extension === "ndjson" || extension === "jsonl") return { format: "ndjson", delimiter: "," };
  if (extension === "json") return { format: "json", delimiter: "," };
  return { format: "csv", delimiter: extension === "tsv" ? "\t" : "," };
}
