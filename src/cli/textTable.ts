import { displayWidth } from "../io/displayWidth.js";
import { pad, terminalCell } from "../io/formatTable.js";

/** One column of a {@link textTable}. */
export interface TextColumn {
  readonly header: string;
  /** `right` for figures, `left` (default) for text. */
  readonly align?: "left" | "right";
  /** Cut longer cells to this many terminal columns, ending with `…`. Default: no limit. */
  readonly maxWidth?: number;
}

/**
 * An aligned plain-text table of cells already formatted for display, each line indented by
 * `indent` spaces. Widths are terminal columns, so Chinese text (two columns a character) lines up.
 *
 * @example
 * ```ts
 * textTable([{ header: "SKU" }, { header: "value", align: "right" }], [["螺栓", "12.50"]]);
 * // "SKU   value\n----  -----\n螺栓  12.50\n"
 * ```
 */
export function textTable(
  columns: readonly TextColumn[],
  rows: readonly (readonly string[])[],
  indent = 0,
): string {
  // Line breaks, tabs and other control characters of the cells (SKU codes, descriptions,
  // categories and locations of the data) are shown, never sent to the terminal raw.
  const cut = (text: string, k: number): string =>
    terminalCell(text, columns[k]?.maxWidth ?? Number.POSITIVE_INFINITY);
  const body = rows.map((row) => columns.map((_, k) => cut(row[k] ?? "", k)));
  const header = columns.map((c, k) => cut(c.header, k));
  const widths = header.map((h, k) =>
    Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[k] as string))),
  );
  const margin = " ".repeat(indent);
  const line = (cells: readonly string[]): string =>
    `${margin}${cells
      .map((cell, k) => pad(cell, widths[k] as number, columns[k]?.align === "right"))
      .join("  ")
      .trimEnd()}\n`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("");
}
