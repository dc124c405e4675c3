import type { JsonRecordOf, WriteOptions } from "./CellValue.js";
import { ndjsonPieces } from "./toNdjson.js";
import { type OutputDestination, writeText } from "./writeText.js";

/**
 * Writes records as NDJSON (one JSON object per line) to a file or a stream, streaming; cells as in
 * `toNdjson` (empty → `null`, Decimal → exact text).
 *
 * @param rows - records (an array or any iterable, read once): flat, or with objects of cells
 *   one level deep (the `reasons` of the report's rows and of `toRecords(report)`), written as JSON
 *   objects; see `JsonRecordOf`.
 * @param destination - a file path (created or replaced) or a writable stream (left open).
 * @param options - columns (default: the records' keys).
 * @throws InvKpiError `io_error` when the destination cannot be written; `invalid_argument` for bad
 *   rows, destination or options; `invalid_option` for bad columns or an unknown
 *   option name.
 * @example
 * ```ts
 * import { writeNdjson } from "invkpi/node";
 * import { readFile } from "node:fs/promises";
 * await writeNdjson([{ sku: "A", qty: 2 }], "rows.ndjson"); // or a stream: process.stdout
 * await readFile("rows.ndjson", "utf8"); // '{"sku":"A","qty":2}\n'
 * ```
 */
export async function writeNdjson<T extends JsonRecordOf<T>>(
  rows: Iterable<T>,
  destination: OutputDestination,
  options: WriteOptions = {},
): Promise<void> {
  await writeText(ndjsonPieces(rows, options, "writeNdjson"), destination, "writeNdjson");
}
