import type { FlatRecord } from "./CellValue.js";
import type { TextTableOptions } from "./formatTable.js";
import { markdownText } from "./toMarkdown.js";
import { type OutputDestination, writeText } from "./writeText.js";

/**
 * Writes records as a Markdown table (see `toMarkdown`) to a file or a stream. The table is built
 * whole first (column widths depend on every row): meant for summaries, not millions of rows.
 *
 * @param rows - flat records (an array or any iterable).
 * @param destination - a file path (created or replaced) or a writable stream (left open).
 * @param options - columns (default: the records' keys), decimals (default: all digits).
 * @throws InvKpiError `io_error` when the destination cannot be written; `invalid_argument` for bad
 *   rows or destination; `invalid_option` for a bad option.
 * @example
 * ```ts
 * import { writeMarkdown } from "invkpi/node";
 * import { readFile } from "node:fs/promises";
 * await writeMarkdown([{ sku: "A", turnover: 4.25 }], "report.md", { decimals: 1 });
 * await readFile("report.md", "utf8"); // "| sku | turnover |\n| --- | -------: |\n| A   |      4.2 |\n"
 * ```
 */
export async function writeMarkdown(
  rows: Iterable<FlatRecord>,
  destination: OutputDestination,
  options: TextTableOptions = {},
): Promise<void> {
  await writeText([markdownText(rows, options, "writeMarkdown")], destination, "writeMarkdown");
}
