import type { FlatRecordOf, JsonRecordOf, WithColumns } from "./CellValue.js";
import type { TextTableOptions } from "./formatTable.js";
import { markdownText } from "./toMarkdown.js";
import { type OutputDestination, writeText } from "./writeText.js";

/**
 * Writes records as a Markdown table (see `toMarkdown`) to a file or a stream. The table is built
 * whole first (column widths depend on every row): meant for summaries, not millions of rows.
 *
 * @param rows - flat records (an array or any iterable) of any type whose properties are cells
 *   (`FlatRecordOf`); with `columns` given, records such as the report's rows, whose `reasons` is
 *   an object, as long as the columns named hold cells.
 * @param destination - a file path (created or replaced) or a writable stream (left open).
 * @param options - columns (default: the records' keys), decimals (default: all digits).
 * @throws InvKpiError `io_error` when the destination cannot be written; `invalid_argument` for bad
 *   rows, destination or options; `invalid_option` for a bad option or an unknown
 *   option name.
 * @example
 * ```ts
 * import { writeMarkdown } from "invkpi/node";
 * import { readFile } from "node:fs/promises";
 * await writeMarkdown([{ sku: "A", turnover: 4.25 }], "report.md", { decimals: 1 });
 * await readFile("report.md", "utf8"); // "| sku | turnover |\n| --- | -------: |\n| A   |      4.2 |\n"
 * ```
 */
export async function writeMarkdown<T extends FlatRecordOf<T>>(
  rows: Iterable<T>,
  destination: OutputDestination,
  options?: TextTableOptions,
): Promise<void>;
/** {@link writeMarkdown} of the named columns of records that may hold objects elsewhere (the report's rows). */
export async function writeMarkdown<T extends JsonRecordOf<T>>(
  rows: Iterable<T>,
  destination: OutputDestination,
  options: WithColumns<TextTableOptions>,
): Promise<void>;
export async function writeMarkdown(
  rows: Iterable<object>,
  destination: OutputDestination,
  options: TextTableOptions = {},
): Promise<void> {
  await writeText([markdownText(rows, options, "writeMarkdown")], destination, "writeMarkdown");
}
