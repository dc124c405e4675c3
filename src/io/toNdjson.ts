import type { Decimal } from "../model/Decimal.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import {
  cellKind,
  columnValuesReader,
  isCellObject,
  type JsonRecordOf,
  recordsWithColumns,
  type WriteOptions,
} from "./CellValue.js";

/** The option names of the JSON writers (`toJson`, `toNdjson`, `writeJson`, `writeNdjson`). */
const OPTIONS = optionNames<WriteOptions>()(["columns"]);

/** A JSON value of a cell: a scalar, or an object of scalars (an object cell, one level deep). */
type JsonCell = string | number | boolean | null | { [key: string]: JsonCell };

/**
 * Formats records as NDJSON (JSON Lines): one JSON object per line, with exactly the chosen
 * columns as keys, in order. An empty cell is `null`; a `Decimal` is its exact `toFixed()` text
 * (a JSON number is a double and would lose digits); a number that is not finite is `null`; an
 * object of cells (the `reasons` of `toRecords(report)`) is a JSON object of the same rules.
 *
 * @param rows - records (an array or any iterable): flat, or with objects of cells one level deep
 *   (such as the report's rows; see {@link JsonRecordOf}).
 * @param options - columns (default: the records' keys).
 * @throws InvKpiError `invalid_argument` for rows that are not records, a cell that is not a
 *   `CellValue`, or options that are not an object; `invalid_option` for bad columns or an unknown
 *   option name.
 * @example
 * ```ts
 * import { toNdjson } from "invkpi/node";
 * import { Decimal } from "invkpi";
 * toNdjson([{ sku: "A", value: new Decimal("12.50"), turnover: null }]);
 * // '{"sku":"A","value":"12.5","turnover":null}\n'
 * ```
 */
export function toNdjson<T extends JsonRecordOf<T>>(
  rows: Iterable<T>,
  options: WriteOptions = {},
): string {
  return [...ndjsonPieces(rows, options, "toNdjson")].join("");
}

/** The NDJSON text as pieces, one line each; options checked now. */
export function ndjsonPieces(
  rows: Iterable<object>,
  options: WriteOptions,
  fn: string,
): Iterable<string> {
  return jsonTexts(rows, options, fn, (text) => `${text}\n`);
}

/** Each record as JSON text (see {@link toNdjson}), passed through `wrap`. */
export function jsonTexts(
  rows: Iterable<object>,
  options: WriteOptions,
  fn: string,
  wrap: (json: string, row: number) => string,
): Iterable<string> {
  requireOptionNames(options, OPTIONS, fn);
  const { columns, records } = recordsWithColumns(rows, options.columns, fn);
  const valuesOf = columnValuesReader(columns);
  function* pieces(): Generator<string> {
    let row = 0;
    for (const record of records) {
      const values = valuesOf(record);
      // Without a prototype, a column named "__proto__" is a column like any other.
      const out: Record<string, JsonCell> = Object.create(null);
      for (let k = 0; k < columns.length; k++) {
        const column = columns[k] as string;
        out[column] = jsonCell(values[k], fn, row, column);
      }
      yield wrap(JSON.stringify(out), row);
      row++;
    }
  }
  return pieces();
}

function jsonCell(
  value: unknown,
  fn: string,
  row: number,
  column: string,
  /** The key of the cell in an object cell of `column`; `undefined` for the column's own cell. */
  key?: string,
): JsonCell {
  if (key === undefined && isCellObject(value)) {
    // Without a prototype, a key named "__proto__" is a key like any other.
    const object: { [key: string]: JsonCell } = Object.create(null);
    for (const [inner, cell] of Object.entries(value))
      object[inner] = jsonCell(cell, fn, row, column, inner);
    return object;
  }
  const kind = cellKind(value, fn, row, column, "objects of cells nest one level deep only", key);
  if (kind === "empty") return null;
  if (kind === "number" && typeof value !== "number") return (value as Decimal).toFixed();
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value as JsonCell;
}
