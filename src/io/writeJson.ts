import type { JsonRecordOf, WriteOptions } from "./CellValue.js";
import { jsonPieces } from "./toJson.js";
import { type OutputDestination, writeText } from "./writeText.js";

/**
 * Writes records as a JSON array (one record per line) to a file or a stream, streaming; cells as
 * in `toJson`.
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
 * import { writeJson } from "invkpi/node";
 * import { readFile } from "node:fs/promises";
 * await writeJson([{ sku: "A", qty: 2 }], "report.json");
 * await readFile("report.json", "utf8"); // '[\n{"sku":"A","qty":2}\n]\n'
 * ```
 */
export async function writeJson<T extends JsonRecordOf<T>>(
  rows: Iterable<T>,
  destination: OutputDestination,
  options: WriteOptions = {},
): Promise<void> {
  await writeText(jsonPieces(rows, options, "writeJson"), destination, "writeJson");
}
