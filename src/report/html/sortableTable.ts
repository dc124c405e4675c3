import { html, type SafeHtml } from "./html.js";

/** A column of a {@link sortableTable}. */
export interface TableColumn {
  readonly header: string;
  /**
   * How the column sorts and aligns: `number`s by value, right-aligned; `text` alphabetically;
   * `date` (`YYYY-MM-DD`) alphabetically, which is in date order, and never wrapped.
   */
  readonly kind: "text" | "number" | "date";
}

/** A cell: the text shown, and for number columns the value it sorts by (`null`: sorts lowest). */
export interface TableCell {
  readonly text: string;
  readonly sortValue?: number | null;
  /** A CSS class for the cell (a status badge); default none. */
  readonly tone?: string;
}

/**
 * A table that a reader can sort by clicking a column header (the page's small inline script; the
 * rows come in a meaningful order without it, so the table reads the same printed or with scripts
 * off). Number cells carry their raw value in `data-sort` so that `1,250.00` sorts after `980.00`.
 * All text is escaped by the {@link html} template.
 *
 * @param sortedBy - index of the column the rows are already sorted by, descending (marked with
 *   `aria-sort`); default none.
 * @example
 * ```ts
 * sortableTable(
 *   [{ header: "SKU", kind: "text" }, { header: "value", kind: "number" }],
 *   [[{ text: "A-1" }, { text: "1,250.00", sortValue: 1250 }]],
 * ).markup.startsWith('<div class="table-wrap"><table class="sortable">'); // true
 * ```
 */
export function sortableTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
  sortedBy: number | null = null,
): SafeHtml {
  const head = columns.map(
    (c, i) =>
      html`<th scope="col" class="${c.kind}" data-kind="${c.kind}" tabindex="0" aria-sort="${i === sortedBy ? "descending" : "none"}">${c.header}</th>`,
  );
  const body = rows.map(
    (cells) =>
      html`<tr>${cells.map((cell, i) => {
        const kind = columns[i]?.kind ?? "text";
        const sortValue =
          kind === "number" && typeof cell.sortValue === "number" && Number.isFinite(cell.sortValue)
            ? String(cell.sortValue)
            : null;
        const classes = [kind, cell.tone ?? ""].join(" ").trim();
        return html`<td class="${classes}"${sortValue === null ? null : html` data-sort="${sortValue}"`}>${cell.text}</td>`;
      })}</tr>`,
  );
  return html`<div class="table-wrap"><table class="sortable"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
