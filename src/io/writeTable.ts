import type { FlatRecordOf, JsonRecordOf, WithColumns } from "./CellValue.js";
import { type FormatTableOptions, tableText } from "./formatTable.js";
import { type OutputDestination, writeText } from "./writeText.js";

/**
 * Writes records as an aligned terminal table (see {@link formatTable}) to a file or a stream,
 * typically `process.stdout`. The table is built whole first (widths depend on every row).
 *
 * @param rows - flat records (an array or any iterable) of any type whose properties are cells
 *   (`FlatRecordOf`); with `columns` given, records such as the report's rows, whose `reasons` is
 *   an object, as long as the columns named hold cells.
 * @param destination - a file path (created or replaced) or a writable stream (left open).
 * @param options - columns, decimals, maxColumnWidth (defaults as `formatTable`).
 * @throws InvKpiError `io_error` when the destination cannot be written; `invalid_argument` for bad
 *   rows, destination or options; `invalid_option` (an unknown option name too) or `out_of_range`
 *   for a bad option.
 * @example
 * ```ts
 * import { writeTable } from "invkpi/node";
 * import { readFile } from "node:fs/promises";
 * await writeTable([{ sku: "A", qty: 2 }], "table.txt"); // or a stream: process.stdout
 * await readFile("table.txt", "utf8"); // "sku  qty\n---  ---\nA      2\n"
 * ```
 */
export async function writeTable<T extends FlatRecordOf<T>>(
  rows: Iterable<T>,
  destination: OutputDestination,
  options?: FormatTableOptions,
): Promise<void>;
/** {@link writeTable} of the named columns of records that may hold objects elsewhere (the report's rows). */
export async function writeTable<T extends JsonRecordOf<T>>(
  rows: Iterable<T>,
  destination: OutputDestination,
  options: WithColumns<FormatTableOptions>,
): Promise<void>;
export async function writeTable(
  rows: Iterable<object>,
  destination: OutputDestination,
  options: FormatTableOptions = {},
): Promise<void> {
  await writeText([tableText(rows, options, "writeTable")], destination, "writeTable");
}
