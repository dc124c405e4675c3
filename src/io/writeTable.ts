import type { FlatRecord } from "./CellValue.js";
import { type FormatTableOptions, formatTable } from "./formatTable.js";
import { type OutputDestination, writeText } from "./writeText.js";

/**
 * Writes records as an aligned terminal table (see {@link formatTable}) to a file or a stream,
 * typically `process.stdout`. The table is built whole first (widths depend on every row).
 *
 * @param rows - flat records (an array or any iterable).
 * @param destination - a file path (created or replaced) or a writable stream (left open).
 * @param options - columns, decimals, maxColumnWidth (defaults as `formatTable`).
 * @throws InvKpiError `io_error` when the destination cannot be written; `invalid_argument` for bad
 *   rows or destination; `invalid_option` or `out_of_range` for a bad option.
 * @example
 * ```ts
 * import { writeTable } from "invkpi/node";
 * import { readFile } from "node:fs/promises";
 * await writeTable([{ sku: "A", qty: 2 }], "table.txt"); // or a stream: process.stdout
 * await readFile("table.txt", "utf8"); // "sku  qty\n---  ---\nA      2\n"
 * ```
 */
export async function writeTable(
  rows: Iterable<FlatRecord>,
  destination: OutputDestination,
  options: FormatTableOptions = {},
): Promise<void> {
  await writeText([formatTable(rows, options)], destination, "writeTable");
}
