import type { FlatRecord } from "./CellValue.js";
import { type CsvWriteOptions, csvPieces } from "./toCsv.js";
import { type OutputDestination, writeText } from "./writeText.js";

/**
 * Writes records as CSV to a file or a stream, streaming: an iterable of a million rows is never
 * held as one text. Cells are written as {@link toCsv} does, with the same options and defaults
 * (RFC 4180 quoting, formula escaping of text cells, plain numbers).
 *
 * @param rows - flat records (an array or any iterable, read once).
 * @param destination - a file path (created or replaced) or a writable stream such as `process.stdout`
 *   (left open).
 * @param options - see `CsvWriteOptions`.
 * @throws InvKpiError `io_error` when the destination cannot be written; `invalid_argument` for bad
 *   rows or destination; `invalid_option` for a bad option.
 * @example
 * ```ts
 * import { writeCsv } from "invkpi/node";
 * import { readFile } from "node:fs/promises";
 * await writeCsv([{ sku: "A", turnover: 4.2 }], "report.csv");
 * await readFile("report.csv", "utf8"); // "sku,turnover\nA,4.2\n"
 * ```
 */
export async function writeCsv(
  rows: Iterable<FlatRecord>,
  destination: OutputDestination,
  options: CsvWriteOptions = {},
): Promise<void> {
  await writeText(csvPieces(rows, options, "writeCsv"), destination, "writeCsv");
}
