import type { JsonRecord, WriteOptions } from "./CellValue.js";
import { jsonPieces } from "./toJson.js";
import { type OutputDestination, writeText } from "./writeText.js";

/**
 * Writes records as a JSON array (one record per line) to a file or a stream, streaming; cells as
 * in `toJson`.
 *
 * @param rows - records (an array or any iterable, read once): flat, or with objects of cells
 *   one level deep (the `reasons` of `toRecords(report)`), written as JSON objects.
 * @param destination - a file path (created or replaced) or a writable stream (left open).
 * @param options - columns (default: the records' keys).
 * @throws InvKpiError `io_error` when the destination cannot be written; `invalid_argument` for bad
 *   rows or destination; `invalid_option` for bad columns.
 * @example
 * ```ts
 * import { writeJson } from "invkpi/node";
 * import { readFile } from "node:fs/promises";
 * await writeJson([{ sku: "A", qty: 2 }], "report.json");
 * await readFile("report.json", "utf8"); // '[\n{"sku":"A","qty":2}\n]\n'
 * ```
 */
export async function writeJson(
  rows: Iterable<JsonRecord>,
  destination: OutputDestination,
  options: WriteOptions = {},
): Promise<void> {
  await writeText(jsonPieces(rows, options, "writeJson"), destination, "writeJson");
}
