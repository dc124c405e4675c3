import { requireVariant } from "../model/assert.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import {
  type CellValue,
  cellKind,
  cellText,
  columnValuesReader,
  type FlatRecordOf,
  type JsonRecordOf,
  recordsWithColumns,
  type WithColumns,
  type WriteOptions,
} from "./CellValue.js";
import { CSV_DELIMITERS, type CsvDelimiter } from "./CsvDelimiter.js";

/** Options of {@link toCsv} and `writeCsv`. */
export interface CsvWriteOptions extends WriteOptions {
  /** Field delimiter: `','`, `';'` or `'\t'`. Default `','`. */
  readonly delimiter?: CsvDelimiter | undefined;
  /** Record terminator. Default `'\n'` (`'\r\n'` is the RFC 4180 form). */
  readonly lineEnding?: "\n" | "\r\n" | undefined;
  /** Write a header row of column names first. Default `true`. */
  readonly header?: boolean | undefined;
  /** Start with a UTF-8 byte order mark, which Excel needs to read non-ASCII text. Default `false`. */
  readonly bom?: boolean | undefined;
  /**
   * Prefix text cells that a spreadsheet would run as a formula with `'`. Default `true`; turn it off
   * only for files that no spreadsheet will open (the text then reads back exactly).
   */
  readonly escapeFormulas?: boolean | undefined;
}

const LINE_ENDINGS = ["\n", "\r\n"] as const;

/** The option names of {@link toCsv} and `writeCsv`. */
const OPTIONS = optionNames<CsvWriteOptions>()([
  "columns",
  "delimiter",
  "lineEnding",
  "header",
  "bom",
  "escapeFormulas",
]);

/**
 * One CSV field: text is quoted (RFC 4180) when it holds the delimiter, a quote, a line break, or
 * starts or ends with a space or tab; quotes inside are doubled. When `escapeFormulas`, a TEXT value
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that a
 * spreadsheet shows it instead of running it as a formula (CSV injection, see OWASP). Numbers,
 * negative ones too, and Decimals are written as plain numbers (never escaped, never in exponent
 * notation); booleans as `true` / `false`; `null` and `undefined` as an empty field.
 *
 * @example
 * ```ts
 * import { csvField } from "invkpi/node";
 * csvField("=SUM(A1:A9)"); // "'=SUM(A1:A9)"
 * csvField(-2); // "-2"
 * csvField('Bolt, "M8"'); // "\"Bolt, \"\"M8\"\"\""
 * ```
 */
export function csvField(
  value: CellValue,
  delimiter: CsvDelimiter = ",",
  escapeFormulas = true,
): string {
  if (typeof value !== "string") return cellText(value);
  const text = escapeFormulas && startsLikeFormula(value) ? `'${value}` : value;
  return needsQuotes(text, delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

function startsLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13; // = + - @ TAB CR
}

function needsQuotes(text: string, delimiter: string): boolean {
  if (text === "") return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first === 32 || first === 9 || last === 32 || last === 9) return true;
  return (
    text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r")
  );
}

/**
 * Formats records as CSV text. See {@link csvField} for how each cell is written.
 *
 * @param rows - flat records (an array or any iterable) of any type whose properties are cells
 *   ({@link FlatRecordOf}); with `columns` given, records such as the report's rows, whose
 *   `reasons` is an object, as long as the columns named hold cells.
 * @param options - columns (default: the records' keys), delimiter (`','`), line ending (`'\n'`),
 *   header (`true`), BOM (`false`), formula escaping (`true`).
 * @throws InvKpiError `invalid_argument` for rows that are not records, a cell that is not a
 *   `CellValue`, or options that are not an object; `invalid_option` for a bad option or an unknown
 *   option name.
 * @example
 * ```ts
 * import { toCsv } from "invkpi/node";
 * import { Decimal } from "invkpi";
 * toCsv([{ sku: "A, large", note: "=1+1", value: new Decimal("-2.50"), qty: -2 }]);
 * // "sku,note,value,qty\n\"A, large\",'=1+1,-2.5,-2\n"
 * ```
 */
export function toCsv<T extends FlatRecordOf<T>>(
  rows: Iterable<T>,
  options?: CsvWriteOptions,
): string;
/** {@link toCsv} of the named columns of records that may hold objects elsewhere (the report's rows). */
export function toCsv<T extends JsonRecordOf<T>>(
  rows: Iterable<T>,
  options: WithColumns<CsvWriteOptions>,
): string;
export function toCsv(rows: Iterable<object>, options: CsvWriteOptions = {}): string {
  return [...csvPieces(rows, options, "toCsv")].join("");
}

/** The CSV text as pieces (the BOM, then one piece per record, header first); options checked now. */
export function csvPieces(
  rows: Iterable<object>,
  options: CsvWriteOptions,
  fn: string,
): Iterable<string> {
  requireOptionNames(options, OPTIONS, fn);
  const delimiter = requireVariant(options.delimiter ?? ",", CSV_DELIMITERS, fn, "delimiter");
  const lineEnding = requireVariant(options.lineEnding ?? "\n", LINE_ENDINGS, fn, "lineEnding");
  const escapeFormulas = options.escapeFormulas ?? true;
  const { columns, records } = recordsWithColumns(rows, options.columns, fn);
  const valuesOf = columnValuesReader(columns);
  const field = (value: unknown): string => csvField(value as CellValue, delimiter, escapeFormulas);
  function* pieces(): Generator<string> {
    if (options.bom === true) yield "\uFEFF";
    if (options.header ?? true) yield columns.map(field).join(delimiter) + lineEnding;
    let row = 0;
    for (const record of records) {
      const values = valuesOf(record);
      let line = "";
      for (let k = 0; k < columns.length; k++) {
        const value = values[k];
        cellKind(value, fn, row, columns[k] as string); // throws for a value that is not a cell
        line += k === 0 ? field(value) : delimiter + field(value);
      }
      yield line + lineEnding;
      row++;
    }
  }
  return pieces();
}
