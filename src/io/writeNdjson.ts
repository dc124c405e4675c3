import type { JsonRecord, WriteOptions } from "./CellValue.js";
import { ndjsonPieces } from "./toNdjson.js";
import { type OutputDestination, writeText } from "./writeText.js";

/**
 * Writes records as NDJSON (one JSON object per line) to a file or a stream, streaming; cells as in
 * `toNdjson` (empty → `null`, Decimal → exact text).
 *
 * @param rows - records (an array or any iterable, read once): flat, or with objects of cells
 *   one level deep (the `reasons` of `toRecords(report)`), written as JSON objects.
 * @param destination - a file path (created or replaced) or a writable stream (left open).
 * @param options - columns (default: the records' keys).
 * @throws InvKpiError `io_error` when the destination cannot be written; `invalid_argument` for bad
 *   rows or destination; `invalid_option` for bad columns.
 * @example
 * ```ts
 * import { writeNdjson } from "invkpi/node";
 * import { readFile } from "node:fs/promises";
 * await writeNdjson([{ sku: "A", qty: 2 }], "rows.ndjson"); // or a stream: process.stdout
 * await readFile("rows.ndjson", "utf8"); // '{"sku":"A","qty":2}\n'
 * ```
 */
export async function writeNdjson(
  rows: Iterable<JsonRecord>,
  destination: OutputDestination,
  options: WriteOptions = {},
): Promise<void> {
  await writeText(ndjsonPieces(rows, options, "writeNdjson"), destination, "writeNdjson");
}
