import { requireOptionNames } from "../model/requireKnownOptions.js";
import type { FlatRecordOf, JsonRecordOf, WithColumns } from "./CellValue.js";
import { displayWidth } from "./displayWidth.js";
import {
  pad,
  TEXT_TABLE_OPTIONS,
  type TextTableOptions,
  textGrid,
  visibleControls,
} from "./formatTable.js";

/**
 * Formats records as a GitHub-flavoured Markdown table: a header row, an alignment row (numbers
 * right-aligned with `---:`; a column of empty cells only is not numeric), one row per record,
 * padded so the raw text lines up too (wide CJK characters count two columns). Text cells and
 * header names are shown as they are: characters Markdown would interpret (`\ | * _ \` < [ ] ~ &`)
 * are escaped with a backslash; line breaks become `<br>` and tabs a space; other control
 * characters their escape (`\x1b`, as `formatTable` shows them); and leading and trailing spaces,
 * which a Markdown table trims, `&nbsp;`.
 *
 * @param rows - flat records (an array or any iterable) of any type whose properties are cells
 *   ({@link FlatRecordOf}); with `columns` given, records such as the report's rows, whose
 *   `reasons` is an object, as long as the columns named hold cells.
 * @param options - columns (default: the records' keys), decimals (default: all digits).
 * @throws InvKpiError `invalid_argument` for rows that are not records, a cell that is not a
 *   `CellValue`, or options that are not an object; `invalid_option` for a bad option or an unknown
 *   option name.
 * @example
 * ```ts
 * import { toMarkdown } from "invkpi/node";
 * toMarkdown([{ sku: "A|1", qty: 12 }]);
 * // "| sku  | qty |\n| ---- | --: |\n| A\\|1 |  12 |\n"
 * ```
 */
export function toMarkdown<T extends FlatRecordOf<T>>(
  rows: Iterable<T>,
  options?: TextTableOptions,
): string;
/** {@link toMarkdown} of the named columns of records that may hold objects elsewhere (the report's rows). */
export function toMarkdown<T extends JsonRecordOf<T>>(
  rows: Iterable<T>,
  options: WithColumns<TextTableOptions>,
): string;
export function toMarkdown(rows: Iterable<object>, options: TextTableOptions = {}): string {
  return markdownText(rows, options, "toMarkdown");
}

/** The Markdown table text; `fn` names the caller in errors. */
export function markdownText(
  rows: Iterable<object>,
  options: TextTableOptions,
  fn: string,
): string {
  requireOptionNames(options, TEXT_TABLE_OPTIONS, fn);
  const grid = textGrid(rows, options, fn, escapeMarkdown);
  if (grid.columns.length === 0) return "";
  const header = grid.columns.map(escapeMarkdown);
  const widths = header.map((h, k) =>
    Math.max(3, displayWidth(h), ...grid.rows.map((r) => displayWidth(r[k] as string))),
  );
  const line = (cells: readonly string[], alignRight: (k: number) => boolean): string =>
    `| ${cells.map((cell, k) => pad(cell, widths[k] as number, alignRight(k))).join(" | ")} |\n`;
  const rule = widths.map((w, k) =>
    grid.numeric[k] === true ? `${"-".repeat(w - 1)}:` : "-".repeat(w),
  );
  return [
    line(header, () => false),
    line(rule, () => false),
    ...grid.rows.map((r) => line(r, (k) => grid.numeric[k] === true)),
  ].join("");
}

/**
 * Text shown literally in a Markdown table cell: Markdown's own characters escaped (`&` too, or
 * `&lt;` would show as `<`), line breaks as `<br>`, tabs as a space, other control characters
 * shown as escapes, and the spaces a table cell trims (leading and trailing) as `&nbsp;`.
 */
function escapeMarkdown(text: string): string {
  const escaped = visibleControls(
    text
      .replace(/[\\|*_`<[\]~&]/g, "\\$&")
      .replace(/\r\n|\r|\n/g, "<br>")
      .replace(/\t/g, " "),
  );
  return escaped.replace(/^ +| +$/g, (spaces) => "&nbsp;".repeat(spaces.length));
}
