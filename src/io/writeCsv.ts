import type { FlatRecordOf, JsonRecordOf, WithColumns } from "./CellValue.js";
import { type CsvWriteOptions, csvPieces } from "./toCsv.js";
import { type OutputDestination, writeText } from "./writeText.js";

/**
 * Writes records as CSV to a file or a stream, streaming: an iterable of a million rows is never
 * held as one text. Cells are written as {@link toCsv} does, with the same options and defaults
 * (RFC 4180 quoting, formula escaping of text cells, plain numbers).
 *
 * @param rows - flat records (an array or any iterable, read once) of any type whose properties
 *   are cells (`FlatRecordOf`); with `columns` given, records such as the report's rows, whose
 *   `reasons` is an object, as long as the columns named hold cells.
 * @param destination - a file path (created or replaced) or a writable stream such as `process.stdout`
 *   (left open).
 * @param options - see `CsvWriteOptions`.
 * @throws InvKpiError `io_error` when the destination cannot be written; `invalid_argument` for bad
 *   rows, destination or options; `invalid_option` for a bad option or an unknown
 *   option name.
 * @example
 * ```ts
 * import { writeCsv } from "invkpi/node";
 * import { readFile } from "node:fs/promises";
 * await writeCsv([{ sku: "A", turnover: 4.2 }], "report.csv");
 * await readFile("report.csv", "utf8"); // "sku,turnover\nA,4.2\n"
 * ```
 */
export async function writeCsv<T extends FlatRecordOf<T>>(
  rows: Iterable<T>,
  destination: OutputDestination,
  options?: CsvWriteOptions,
): Promise<void>;
/** {@link writeCsv} of the named columns of records that may hold objects elsewhere (the report's rows). */
export async function writeCsv<T extends JsonRecordOf<T>>(
  rows: Iterable<T>,
  destination: OutputDestination,
  options: WithColumns<CsvWriteOptions>,
): Promise<void>;
export async function writeCsv(
  rows: Iterable<object>,
  destination: OutputDestination,
  options: CsvWriteOptions = {},
): Promise<void> {
  await writeText(csvPieces(rows, options, "writeCsv"), destination, "writeCsv");
}
