import { stat } from "node:fs/promises";
import { closestHeaderName, MAX_COUNTED_IGNORED_KEYS } from "../io/ColumnResolver.js";
import {
  type ReadLedgerResult,
  type ReadProgress,
  type ReadSkuInfoResult,
  readLedger,
  readSkuInfo,
  type TableFormat,
} from "../io/index.js";
import { LEDGER_FIELDS, type RowSink, readLedgerInto } from "../io/readLedger.js";
import { SKU_INFO_FIELDS } from "../io/readSkuInfo.js";
import type { LedgerIssue } from "../model/InvKpiError.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import type { CliIo } from "./CliIo.js";
import { displayNumber } from "./displayNumber.js";
import type { StatusReporter } from "./StatusReporter.js";
import type { TextInputOptions } from "./textInputOptions.js";
import { usageError } from "./usageError.js";

/** An input file named on the command line: a path, or `-` for stdin. */
export interface InputFile {
  /** The argument as given. */
  readonly argument: string;
  /** How messages name it: the path, or `stdin`. */
  readonly name: string;
}

/**
 * Checks that an input path names a readable file (before any work starts), so a typo is a usage
 * mistake (exit 2) rather than a failure halfway through. `-` is stdin.
 *
 * @throws InvKpiError `usage` when the file does not exist or is a directory.
 * @example
 * ```ts
 * await inputFile("-"); // { argument: "-", name: "stdin" }
 * ```
 */
export async function inputFile(argument: string): Promise<InputFile> {
  if (argument === "-") return { argument, name: "stdin" };
  let isFile: boolean;
  try {
    isFile = (await stat(argument)).isFile();
  } catch {
    throw usageError(`cannot find the file '${argument}'`, { path: argument });
  }
  if (!isFile) throw usageError(`'${argument}' is not a file`, { path: argument });
  return { argument, name: argument };
}

/** Options of {@link readLedgerInput}. */
export interface ReadInputOptions extends TextInputOptions {
  /** The file's format; default from its name (CSV for stdin). */
  readonly format?: TableFormat;
  /** SKU master data (receipts of a SKU with a standardCost need no unitCost). */
  readonly skuInfo?: readonly SkuInfo[];
  /**
   * How many problems of the ledger to keep, the rest only counted (`issueCount`,
   * `rowsWithIssues`): what a command shows of them. Default: every one.
   */
  readonly maxIssues?: number;
  /** Called with each problem of the ledger as it is found (see `readLedger`'s `onIssue`). */
  readonly onIssue?: (issue: LedgerIssue) => void;
}

/**
 * Reads a ledger named on the command line (stdin for `-`), drawing a progress line on a terminal.
 *
 * @throws InvKpiError `io_error` when the file cannot be read.
 * @example
 * ```ts
 * import { Readable } from "node:stream";
 * import { processCliIo } from "./CliIo.js";
 * import { StatusReporter } from "./StatusReporter.js";
 * const io = { ...processCliIo(), stdin: Readable.from(["sku,date,type,quantity\nA,2025-01-02,issue,1\n"]) };
 * const status = new StatusReporter(io.stderr, { progress: false, quiet: true });
 * const { columns, issues } = await readLedgerInput(await inputFile("-"), io, status);
 * [columns.length, issues.length]; // [1, 0]
 * ```
 */
export async function readLedgerInput(
  file: InputFile,
  io: CliIo,
  status: StatusReporter,
  options: ReadInputOptions = {},
  /** Streaming: where the valid rows go as they are read (see `readLedgerInto`). */
  sink: RowSink | null = null,
): Promise<ReadLedgerResult> {
  const source = file.argument === "-" ? io.stdin : file.argument;
  const readOptions = {
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(options.skuInfo === undefined ? {} : { skuInfo: options.skuInfo }),
    ...(options.maxIssues === undefined ? {} : { maxIssues: options.maxIssues }),
    ...(options.onIssue === undefined ? {} : { onIssue: options.onIssue }),
    ...textOptions(options),
    onProgress: (p: ReadProgress) => status.progress(progressText(file, p)),
  };
  const result = await (sink === null
    ? readLedger(source, readOptions)
    : readLedgerInto(source, readOptions, sink));
  noteIgnoredColumns(
    file,
    result,
    { what: "ledger", whose: "the ledger's", fields: LEDGER_FIELDS },
    status,
  );
  return result;
}

/**
 * Reads a SKU master file named on the command line.
 *
 * @throws InvKpiError `io_error` when the file cannot be read.
 * @example
 * ```ts
 * import { Readable } from "node:stream";
 * import { processCliIo } from "./CliIo.js";
 * import { StatusReporter } from "./StatusReporter.js";
 * const io = { ...processCliIo(), stdin: Readable.from(["sku,leadTimeDays\nA,12\n"]) };
 * const status = new StatusReporter(io.stderr, { progress: false, quiet: true });
 * const { skuInfo, issues } = await readSkuInfoInput(await inputFile("-"), io, status);
 * [skuInfo[0]?.leadTimeDays, issues.length]; // [12, 0]
 * ```
 */
export async function readSkuInfoInput(
  file: InputFile,
  io: CliIo,
  status: StatusReporter,
  options: TextInputOptions = {},
): Promise<ReadSkuInfoResult> {
  const result = await readSkuInfo(file.argument === "-" ? io.stdin : file.argument, {
    ...textOptions(options),
    onProgress: (p) => status.progress(progressText(file, p)),
  });
  noteIgnoredColumns(
    file,
    result,
    { what: "SKU master data", whose: "the SKU master's", fields: SKU_INFO_FIELDS },
    status,
  );
  return result;
}

/**
 * Says which columns of a CSV file (keys of a JSON or NDJSON one) were read by no field: their data
 * is not used, and a user who named a column `unit_price` rather than `unitPrice` should hear so
 * (unless `--quiet`). A column or key is ignored when it names no field (a second column for a
 * field is an error of the reader). The note names the ones the reader listed (the first 20), each
 * with the field it is close to (`'unitcosts' (unitCost?)`), and counts the rest (`and 4,980
 * more`; `and at least ...` once the reader stopped telling keys apart), so that per-row keys
 * (`meta_<id>`) make one short line; then the fields there are. A name's control characters are
 * escaped as the problem lines escape them (JSON's `\t`). A file refused for a missing column gets
 * no note: the error shows its whole header already.
 */
function noteIgnoredColumns(
  file: InputFile,
  {
    ignoredColumns: ignored,
    ignoredColumnCount: count,
    format,
    issues,
  }: {
    ignoredColumns: readonly string[];
    ignoredColumnCount: number;
    format: TableFormat;
    issues: readonly LedgerIssue[];
  },
  { what, whose, fields }: IgnoredNoteWords,
  status: StatusReporter,
): void {
  // The header's problems come first, and fewer than a command keeps (`maxIssues`): at most one
  // parse error, one per field given twice and one per required column missing.
  if (count === 0 || issues.some((i) => i.row === -1 && i.code === "missing_field")) return;
  const rest = count - ignored.length;
  const atLeast = format !== "csv" && count >= MAX_COUNTED_IGNORED_KEYS ? "at least " : "";
  const fieldNames = fields.map((field) => field.name);
  const named = (name: string) => {
    const meant = closestHeaderName(name, fieldNames);
    const shown = `'${JSON.stringify(name).slice(1, -1)}'`;
    return meant === null ? shown : `${shown} (${meant}?)`;
  };
  const names =
    ignored.map(named).join(", ") + (rest > 0 ? ` and ${atLeast}${displayNumber(rest)} more` : "");
  const noun = format === "csv" ? "column" : "key";
  status.note(
    `${file.name}: ignored the ${noun}${count === 1 ? "" : "s"} ${names}: no ${what} field has that name (${whose} fields: ${fieldNames.join(", ")})`,
  );
}

/** How {@link noteIgnoredColumns} names a kind of file and its fields. */
interface IgnoredNoteWords {
  /** `ledger`: "no ledger field has that name". */
  readonly what: string;
  /** `the ledger's`: "(the ledger's fields: sku, date, ...)". */
  readonly whose: string;
  readonly fields: readonly { readonly name: string }[];
}

/** The delimiter and encoding, only those given (the readers' own defaults apply to the rest). */
function textOptions({ delimiter, encoding }: TextInputOptions): TextInputOptions {
  return {
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(encoding === undefined ? {} : { encoding }),
  };
}

function progressText(file: InputFile, p: ReadProgress): string {
  const rows = `${displayNumber(p.rows)} rows`;
  if (p.totalBytes === null || p.totalBytes === 0) {
    return `reading ${file.name}: ${displayNumber(p.bytesRead / 2 ** 20, 0)} MiB, ${rows}`;
  }
  const percent = Math.min(100, Math.floor((100 * p.bytesRead) / p.totalBytes));
  return `reading ${file.name}: ${percent} % (${rows})`;
}
