import { requireNonNegative } from "../model/assert.js";
import type { Decimal } from "../model/Decimal.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import {
  type CellKind,
  cellKind,
  cellText,
  columnValuesReader,
  type FlatRecordOf,
  type JsonRecordOf,
  recordsWithColumns,
  roundedNumberText,
  type WithColumns,
  type WriteOptions,
} from "./CellValue.js";
import { displayWidth, graphemes } from "./displayWidth.js";

/** Options of {@link formatTable} and `toMarkdown`. */
export interface TextTableOptions extends WriteOptions {
  /**
   * Round numbers and Decimals to this many decimal places (half to even) for display. Default:
   * none, every digit is shown.
   */
  readonly decimals?: number | undefined;
}

/** Options of {@link formatTable}. */
export interface FormatTableOptions extends TextTableOptions {
  /** Cut longer cells to this many terminal columns, ending with `…`. Default 40; `Infinity` for none. */
  readonly maxColumnWidth?: number | undefined;
}

/** The option names of {@link formatTable} and `writeTable`. */
const FORMAT_TABLE_OPTIONS = optionNames<FormatTableOptions>()([
  "columns",
  "decimals",
  "maxColumnWidth",
]);

/** The option names of `toMarkdown` and `writeMarkdown`. */
export const TEXT_TABLE_OPTIONS = optionNames<TextTableOptions>()(["columns", "decimals"]);

/** The cells of a table as display text, and which columns hold numbers. */
export interface TextGrid {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /**
   * A column is numeric (right-aligned) when it has a number or a Decimal and every other cell is
   * one too or empty; a column of empty cells only is not.
   */
  readonly numeric: readonly boolean[];
}

/**
 * Formats records as an aligned plain-text table for a terminal: a header, a rule, one line per
 * record, columns two spaces apart. Numbers and Decimals are right-aligned, everything else left;
 * widths count terminal columns, so Chinese, Japanese and Korean characters and emoji take two.
 * Empty cells are blank; line breaks and tabs inside a cell become spaces, every other control
 * character shows as its escape (`\x1b` for ESC, `\u{202e}` for a right-to-left override; see
 * {@link visibleControls}), so that a SKU or a description holding an escape sequence cannot clear
 * the screen or retitle the window, nor a bidirectional control reorder what is shown, and a
 * backslash shows doubled (`\\`), so that the text `\x1b` and the character ESC look different
 * (see {@link terminalText}).
 *
 * @param rows - flat records (an array or any iterable) of any type whose properties are cells
 *   ({@link FlatRecordOf}); with `columns` given, records such as the report's rows, whose
 *   `reasons` is an object, as long as the columns named hold cells.
 * @param options - columns (default: the records' keys), decimals (default: all digits),
 *   maxColumnWidth (default 40).
 * @returns the table, each line ending with `\n` (no trailing spaces).
 * @throws InvKpiError `invalid_argument` for rows that are not records, a cell that is not a
 *   `CellValue`, or options that are not an object; `invalid_option` (an unknown option name too) or
 *   `out_of_range` for a bad option.
 * @example
 * ```ts
 * import { formatTable } from "invkpi/node";
 * formatTable([{ sku: "螺丝", qty: 12 }, { sku: "A-100", qty: 7.5 }]);
 * // "sku    qty\n-----  ---\n螺丝    12\nA-100  7.5\n"
 * ```
 */
export function formatTable<T extends FlatRecordOf<T>>(
  rows: Iterable<T>,
  options?: FormatTableOptions,
): string;
/** {@link formatTable} of the named columns of records that may hold objects elsewhere (the report's rows). */
export function formatTable<T extends JsonRecordOf<T>>(
  rows: Iterable<T>,
  options: WithColumns<FormatTableOptions>,
): string;
export function formatTable(rows: Iterable<object>, options: FormatTableOptions = {}): string {
  return tableText(rows, options, "formatTable");
}

/** {@link formatTable} for a public function `fn` (`writeTable`), which its errors name. */
export function tableText(rows: Iterable<object>, options: FormatTableOptions, fn: string): string {
  requireOptionNames(options, FORMAT_TABLE_OPTIONS, fn);
  const maxWidth = options.maxColumnWidth ?? 40;
  if (maxWidth !== Number.POSITIVE_INFINITY) requireNonNegative(maxWidth, fn, "maxColumnWidth");
  const grid = textGrid(rows, options, fn, (text) => terminalCell(text, maxWidth));
  const header = grid.columns.map((c) => terminalCell(c, maxWidth));
  const widths = header.map((h, k) =>
    Math.max(displayWidth(h), ...grid.rows.map((r) => displayWidth(r[k] as string))),
  );
  const line = (cells: readonly string[]): string =>
    `${cells
      .map((cell, k) => pad(cell, widths[k] as number, grid.numeric[k] === true))
      .join("  ")
      .trimEnd()}\n`;
  if (header.length === 0) return "";
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...grid.rows.map(line)].join("");
}

/**
 * The display text of every cell (numbers plain or rounded, booleans `true` / `false`, empty cells
 * `''`), with text cells passed through `renderText`.
 */
export function textGrid(
  rows: Iterable<object>,
  options: TextTableOptions,
  fn: string,
  renderText: (text: string) => string,
): TextGrid {
  const decimals = options.decimals;
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 20)) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: decimals must be an integer from 0 to 20, got ${describeValue(decimals)}`,
      { path: ["decimals"] },
    );
  }
  const { columns, records } = recordsWithColumns(rows, options.columns, fn);
  const valuesOf = columnValuesReader(columns);
  const numeric = columns.map(() => true);
  const hasNumber = columns.map(() => false);
  const out: string[][] = [];
  let row = 0;
  for (const record of records) {
    const values = valuesOf(record);
    out.push(
      columns.map((column, k) => {
        const value = values[k];
        const kind: CellKind = cellKind(value, fn, row, column);
        if (kind === "number") hasNumber[k] = true;
        else if (kind !== "empty") numeric[k] = false;
        if (kind === "text") return renderText(value as string);
        if (kind === "number" && decimals !== undefined)
          return roundedNumberText(value as number | Decimal, decimals);
        return cellText(value);
      }),
    );
    row++;
  }
  return { columns, rows: out, numeric: numeric.map((n, k) => n && hasNumber[k] === true) };
}

/** Pads to `width` terminal columns, on the left for numbers. */
export function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/**
 * A text cell as a terminal table shows it: line breaks and tabs become one space, the rest as
 * {@link terminalText} shows it (a backslash doubled, every other control character its escape),
 * and text wider than `maxWidth` terminal columns is cut, the last column an ellipsis (never inside
 * a wide character or an escape).
 *
 * @param maxWidth - the most terminal columns the cell may take; `Infinity` for no limit.
 * @example
 * ```ts
 * terminalCell("A\x1b[2Jline\nbreak", 40); // "A\\x1b[2Jline break"
 * terminalCell("C:\\tmp", 40); // "C:\\\\tmp"
 * terminalCell("螺丝螺丝", 4); // "螺…"
 * ```
 */
export function terminalCell(text: string, maxWidth: number): string {
  const flat = text.replace(/[\r\n\t]+/g, " ");
  const shown = terminalText(flat);
  if (displayWidth(shown) <= maxWidth) return shown;
  let out = "";
  let width = 0;
  // A control character (C0, C1, a bidirectional control, a line or paragraph separator) and a
  // backslash are user-perceived characters of their own (UAX #29), so an escape is kept or cut
  // whole.
  for (const grapheme of graphemes(flat)) {
    const piece = terminalText(grapheme);
    const w = displayWidth(piece);
    if (width + w > maxWidth - 1) break;
    out += piece;
    width += w;
  }
  return maxWidth >= 1 ? `${out}…` : "";
}

/**
 * Text for a person at a terminal, shown so that it cannot be mistaken: a backslash is doubled
 * (`\\`), then every control character is written as its escape ({@link visibleControls}). The
 * text `\x1b` (four characters) shows as `\\x1b`, the character ESC as `\x1b`; without the
 * doubling both would look alike. Escapes are ASCII, so display widths count them as shown. For
 * the terminal only: data formats (CSV, JSON, NDJSON) write the text as it is.
 *
 * @example
 * ```ts
 * terminalText("a\\x1b"); // "a\\\\x1b" (the text: a, backslash, x, 1, b)
 * terminalText("a\x1b"); // "a\\x1b" (the character ESC)
 * terminalText("abc\u202edef"); // "abc\\u{202e}def"
 * ```
 */
export function terminalText(text: string): string {
  return visibleControls(text.includes("\\") ? text.replace(/\\/g, "\\\\") : text);
}

/**
 * Text with every C0 and C1 control character (U+0000–U+001F, DEL and U+0080–U+009F) written as
 * its escape `\xHH` (`\x1b` for ESC, `\x07` for BEL), and every bidirectional embedding, override
 * and isolate control (U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators (U+2028,
 * U+2029) as `\u{HHHH}` (`\u{202e}` for a right-to-left override), so that a terminal shows them
 * instead of obeying them (a bidirectional control would reorder the text around it, a separator
 * break the line). Other characters, and text without such characters, are unchanged. A backslash
 * of the text is kept as it is: see {@link terminalText} for text that must not be mistaken.
 *
 * @example
 * ```ts
 * visibleControls("X\x1b]0;title\x07"); // "X\\x1b]0;title\\x07"
 * visibleControls("file\u202Efdp.exe"); // "file\\u{202e}fdp.exe"
 * ```
 */
export function visibleControls(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const shown =
      c < 0x20 || (c >= 0x7f && c < 0xa0)
        ? `\\x${c.toString(16).padStart(2, "0")}`
        : isFormattingControl(c)
          ? `\\u{${c.toString(16)}}`
          : null;
    if (shown !== null) {
      out += text.slice(from, i) + shown;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * A bidirectional embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069), or the
 * line or paragraph separator (U+2028, U+2029): invisible code points that change how a terminal
 * lays out the text around them.
 */
function isFormattingControl(c: number): boolean {
  return (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}
