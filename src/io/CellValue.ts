import { Decimal } from "../model/Decimal.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { isDecimal } from "../model/money.js";

/**
 * A value the writers accept in a record: text, a number, a boolean, an exact `Decimal`, or nothing
 * (`null` or `undefined`, written as an empty cell, or `null` in JSON).
 */
export type CellValue = string | number | boolean | Decimal | null | undefined;

/** A flat record: column name → cell value (e.g. a report row). */
export type FlatRecord = Readonly<Record<string, CellValue>>;

/**
 * A record of the JSON writers (`toJson`, `toNdjson`, `writeJson`, `writeNdjson`): cells, or
 * objects of cells one level deep, written as JSON objects (the `reasons` of `toRecords`' default
 * records). The CSV and Markdown writers take flat records only.
 */
export type JsonRecord = Readonly<Record<string, CellValue | Readonly<Record<string, CellValue>>>>;

/**
 * The records the flat writers (`toCsv`, `writeCsv`, `toMarkdown`, `writeMarkdown`, `formatTable`,
 * `writeTable`) take: objects whose every property is a {@link CellValue}. Their element type `T`
 * must satisfy `T extends FlatRecordOf<T>`, which, unlike {@link FlatRecord}, a declared type
 * without an index signature (an interface) does too: `toRecords(report, { reasons: 'text' })`,
 * `FlatRecord`, a plain object literal, or an interface of cells.
 */
export type FlatRecordOf<T> = { readonly [K in keyof T]: CellValue };

/**
 * The records the JSON writers (`toJson`, `toNdjson`, `writeJson`, `writeNdjson`) take: objects
 * whose every property is a {@link CellValue} or an object of cells one level deep. Their element
 * type `T` must satisfy `T extends JsonRecordOf<T>`, which the report's rows
 * (`InventoryReportRow`, with `reasons`), `toRecords(report)` and {@link JsonRecord} do.
 */
export type JsonRecordOf<T> = {
  readonly [K in keyof T]: CellValue | Readonly<Record<string, CellValue>>;
};

/**
 * Options of a flat writer that name the columns to write: then its records may hold anything a
 * JSON writer takes ({@link JsonRecordOf}, such as the report's rows with their `reasons`), since
 * only the named columns are read (each must hold a cell, or the writer throws `invalid_argument`).
 */
export type WithColumns<Options extends WriteOptions> = Options & {
  readonly columns: readonly string[];
};

/** Any record, as the writers' shared helpers read it (they check each cell themselves). */
type AnyRecord = Readonly<Record<string, unknown>>;

/**
 * Whether `value` is a plain object (of cells, as a JSON writer takes it): not a `Decimal`, an
 * array or another class's instance such as a `Date`.
 */
export function isCellObject(value: unknown): value is AnyRecord {
  if (value === null || typeof value !== "object" || Array.isArray(value) || isDecimal(value))
    return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Options every writer takes. */
export interface WriteOptions {
  /**
   * The columns to write, in order. Default: every key of the records in order of first appearance
   * (of the first record only, when `rows` is an iterable that is not an array: it is read once).
   */
  readonly columns?: readonly string[] | undefined;
}

/** What a cell holds: nothing, text, a number (or `Decimal`), or a boolean. */
export type CellKind = "empty" | "text" | "number" | "boolean";

/** The value of `record` in `column` (own properties only: a missing column is empty). */
export function cellValueOf(record: AnyRecord, column: string): unknown {
  return Object.hasOwn(record, column) ? record[column] : undefined;
}

/**
 * A reader of the records of one write: the values of a record in the order of `columns`, each as
 * {@link cellValueOf} reads it. A record whose own keys are exactly the columns, in order (every
 * report row), is read with one `Object.values` instead of a property lookup by name per cell.
 * Once a record's keys are not the columns (the caller chose some columns), the records after it
 * are read by name at once, without listing their keys first.
 */
export function columnValuesReader(columns: readonly string[]): (record: AnyRecord) => unknown[] {
  let keysMayMatch = true;
  return (record) => {
    if (keysMayMatch && hasColumnsAsKeys(record, columns)) return Object.values(record);
    keysMayMatch = false;
    return columns.map((column) => cellValueOf(record, column));
  };
}

function hasColumnsAsKeys(record: AnyRecord, columns: readonly string[]): boolean {
  const keys = Object.keys(record);
  return keys.length === columns.length && keys.every((key, k) => key === columns[k]);
}

/**
 * What the flat writers (CSV, Markdown, tables) say about an object of cells: `toRecords` gives
 * `reasons` as one by default, and the JSON writers take it.
 */
const FLAT_OBJECT_ADVICE =
  "an object of cells goes to toJson or toNdjson; for CSV and tables, toRecords(report, { reasons: 'text' }) writes reasons as one cell";

/**
 * The kind of a cell value.
 *
 * @param objectAdvice - what to say when the value is a plain object (default: the flat writers'
 *   advice; the JSON writers, which take objects one level deep, say so).
 * @param key - the key of the value in an object cell of `column` (JSON writers), if it is one.
 * @throws InvKpiError `invalid_argument` for a value that is not a {@link CellValue}, path `['rows',
 *   row, column]` (`['rows', row, column, key]` in an object cell).
 */
export function cellKind(
  value: unknown,
  fn: string,
  row: number,
  column: string,
  objectAdvice = FLAT_OBJECT_ADVICE,
  key?: string,
): CellKind {
  if (value === null || value === undefined) return "empty";
  if (typeof value === "string") return "text";
  if (typeof value === "number" || isDecimal(value)) return "number";
  if (typeof value === "boolean") return "boolean";
  const hint = isCellObject(value) ? ` (${objectAdvice})` : "";
  throw new InvKpiError(
    "invalid_argument",
    `${fn}: row ${row}, column ${key === undefined ? column : `${column}.${key}`}: a cell must be text, a number, a boolean, a Decimal or null, got ${describeValue(value)}${hint}`,
    { path: key === undefined ? ["rows", row, column] : ["rows", row, column, key] },
  );
}

/**
 * The text of a checked cell value: `''` for nothing, numbers in plain notation, Decimals with
 * `toFixed()` (every digit, never exponent notation), booleans as `true` / `false`.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return plainNumberText(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return (value as Decimal).toFixed();
}

/**
 * A number in plain decimal notation, never exponent notation (`1e21` → `"1000000000000000000000"`,
 * `1e-7` → `"0.0000001"`): the shortest text that reads back as the same number. `NaN` and
 * infinities are written as `NaN`, `Infinity`, `-Infinity`.
 */
export function plainNumberText(value: number): string {
  const text = String(value);
  // `String` writes exponent notation exactly for magnitudes from 1e21 and below 1e-6 (ECMA-262
  // Number::toString); everything else, NaN and the infinities included, is plain already.
  const magnitude = Math.abs(value);
  if (!(magnitude >= 1e21 || (magnitude < 1e-6 && magnitude > 0))) return text;
  return new Decimal(text).toFixed();
}

/** A number or Decimal rounded half to even to `decimals` places, as plain text. */
export function roundedNumberText(value: number | Decimal, decimals: number): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const decimal =
    typeof value === "number" ? new Decimal(String(value)) : new Decimal(value.toFixed());
  return decimal.toFixed(decimals);
}

/**
 * The records' columns and the records to write: `columns` when given, else the keys in order of
 * first appearance (all records of an array; the first record of any other iterable).
 *
 * @throws InvKpiError `invalid_argument` when `rows` is not an iterable of objects;
 *   `invalid_option` when `columns` is not an array of strings.
 */
export function recordsWithColumns(
  rows: Iterable<object>,
  columns: readonly string[] | undefined,
  fn: string,
): { columns: readonly string[]; records: Iterable<AnyRecord> } {
  if (rows === null || typeof rows !== "object" || !(Symbol.iterator in rows)) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: rows must be an array or iterable of records, got ${describeValue(rows)}`,
      { path: ["rows"] },
    );
  }
  if (columns !== undefined) {
    if (!Array.isArray(columns) || columns.some((c) => typeof c !== "string")) {
      throw new InvKpiError(
        "invalid_option",
        `${fn}: columns must be an array of column names, got ${describeValue(columns)}`,
        { path: ["columns"] },
      );
    }
    return { columns, records: checked(rows, fn) };
  }
  if (Array.isArray(rows)) {
    const seen = new Set<string>();
    for (const record of checked(rows, fn)) for (const key of Object.keys(record)) seen.add(key);
    return { columns: [...seen], records: rows as readonly AnyRecord[] };
  }
  const iterator = checked(rows, fn)[Symbol.iterator]();
  const first = iterator.next();
  const keys = first.done === true ? [] : Object.keys(first.value);
  function* all(): Generator<AnyRecord> {
    if (first.done === true) return;
    yield first.value;
    for (let next = iterator.next(); next.done !== true; next = iterator.next()) yield next.value;
  }
  return { columns: keys, records: all() };
}

/** The records, each checked to be an object as it is read. */
function* checked(rows: Iterable<unknown>, fn: string): Generator<AnyRecord> {
  let row = 0;
  for (const record of rows) {
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      throw new InvKpiError(
        "invalid_argument",
        `${fn}: row ${row} must be a record (an object of column → value), got ${describeValue(record)}`,
        { path: ["rows", row] },
      );
    }
    row++;
    yield record as AnyRecord;
  }
}
