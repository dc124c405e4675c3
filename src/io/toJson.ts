import type { JsonRecordOf, WriteOptions } from "./CellValue.js";
import { jsonTexts } from "./toNdjson.js";

/**
 * Formats records as a JSON array, one record per line. Cells are written as in `toNdjson`: empty
 * cells `null`, Decimals as their exact `toFixed()` text, numbers as JSON numbers.
 *
 * @param rows - records (an array or any iterable): flat, or with objects of cells one level deep
 *   (the `reasons` of the report's rows and of `toRecords(report)`), written as JSON objects; any
 *   type of records whose properties are such cells (see {@link JsonRecordOf}).
 * @param options - columns (default: the records' keys).
 * @throws InvKpiError `invalid_argument` for rows that are not records, a cell that is not a
 *   `CellValue`, or options that are not an object; `invalid_option` for bad columns or an unknown
 *   option name.
 * @example
 * ```ts
 * import { toJson } from "invkpi/node";
 * toJson([{ sku: "A", qty: 2 }, { sku: "B", qty: 3 }]);
 * // '[\n{"sku":"A","qty":2},\n{"sku":"B","qty":3}\n]\n'
 * ```
 */
export function toJson<T extends JsonRecordOf<T>>(
  rows: Iterable<T>,
  options: WriteOptions = {},
): string {
  return [...jsonPieces(rows, options, "toJson")].join("");
}

/** The JSON array text as pieces; options checked now. */
export function jsonPieces(
  rows: Iterable<object>,
  options: WriteOptions,
  fn: string,
): Iterable<string> {
  const records = jsonTexts(rows, options, fn, (json, row) =>
    row === 0 ? `\n${json}` : `,\n${json}`,
  );
  function* pieces(): Generator<string> {
    yield "[";
    let any = false;
    for (const piece of records) {
      any = true;
      yield piece;
    }
    yield any ? "\n]\n" : "]\n";
  }
  return pieces();
}
