import { requireVariant } from "../model/assert.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { isDecimal } from "../model/money.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import type { InventoryReport } from "./InventoryReport.js";

/** A plain JSON-safe cell: text, a finite number, a boolean or `null`. */
export type RecordValue = string | number | boolean | null;

/**
 * One report row as plain data: money as fixed-point text, dates as `'YYYY-MM-DD'`, numbers as
 * numbers, `null` as `null`; `reasons` as an object `{ field: code }` or as one text cell.
 */
export type ReportRecord = Readonly<Record<string, RecordValue | Readonly<Record<string, string>>>>;

/**
 * A report record whose `reasons` is one text cell (`toRecords(report, { reasons: 'text' })`):
 * flat, as the CSV and Markdown writers take it.
 */
export type FlatReportRecord = Readonly<Record<string, RecordValue>>;

/** How {@link toRecords} writes the reasons of a row. */
export type RecordReasons = "object" | "text";

/** Options of {@link toRecords}. */
export interface ToRecordsOptions {
  /**
   * `'object'` (default): `reasons` stays an object `{ turnover: "zero_average_inventory" }`, the
   * natural form for JSON and NDJSON. `'text'`: one cell `"turnover=zero_average_inventory;
   * gmroi=no_price"` (fields in column order, joined by `;`, empty when none), for CSV and tables.
   */
  readonly reasons?: RecordReasons;
}

const FN = "toRecords";
/** The option names of {@link toRecords}. */
const OPTIONS = optionNames<ToRecordsOptions>()(["reasons"]);

/**
 * The report's rows as plain JSON-safe records, for writers (CSV, NDJSON, JSON, spreadsheets, BI
 * tools): every `Decimal` becomes its exact fixed-point text (`Decimal.toFixed()`, never exponent
 * notation, so `new Decimal(text)` gives the amount back to the last digit); dates are already
 * `'YYYY-MM-DD'` text; numbers, booleans and `null` stay as they are. Columns keep the rows' order.
 *
 * @param report - a report from `analyzeLedger` (only `rows` is read).
 * @param options - `reasons`: `'object'` (default) or `'text'`.
 * @returns one record per row, in row order.
 * @throws InvKpiError `invalid_option` for an unknown `reasons` variant or option name;
 *   `invalid_argument` for a cell that is not plain data (a row that did not come from
 *   `analyzeLedger`) or options that are not an object.
 * @example
 * ```ts
 * import { analyzeLedger, toRecords } from "invkpi";
 * const report = analyzeLedger(
 *   [{ sku: "A", date: "2025-01-01", type: "receipt", quantity: 3, unitCost: "0.10" }],
 *   { period: { from: "2025-01-01", to: "2025-01-31" } },
 * );
 * const [record] = toRecords(report, { reasons: "text" });
 * record?.closingValue; // "0.3"
 * record?.daysOfInventory; // null (nothing was sold)
 * String(record?.reasons).split(";").slice(0, 4);
 * // ["description=no_description", "category=no_category", "location=not_by_location",
 * //  "daysOfInventory=no_sales"]
 * JSON.parse(JSON.stringify(record)).closingValue; // "0.3"
 * ```
 */
export function toRecords(
  report: Pick<InventoryReport, "rows">,
  options: ToRecordsOptions & { readonly reasons: "text" },
): FlatReportRecord[];
export function toRecords(
  report: Pick<InventoryReport, "rows">,
  options?: ToRecordsOptions,
): ReportRecord[];
export function toRecords(
  report: Pick<InventoryReport, "rows">,
  options: ToRecordsOptions = {},
): ReportRecord[] {
  requireOptionNames(options, OPTIONS, FN);
  const reasons = requireVariant(options.reasons ?? "object", ["object", "text"], FN, "reasons");
  return report.rows.map((row, index) => {
    const record: Record<string, RecordValue | Readonly<Record<string, string>>> = {};
    for (const [column, value] of Object.entries(row)) {
      record[column] =
        column === "reasons"
          ? reasonsRecord(value as Readonly<Record<string, string>>, reasons)
          : plainValue(value, index, column);
    }
    return record;
  });
}

function plainValue(value: unknown, row: number, column: string): RecordValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isDecimal(value) && value.isFinite()) return value.toFixed();
  throw new InvKpiError(
    "invalid_argument",
    `${FN}: rows[${row}].${column} is not plain data, got ${describeValue(value)}`,
    { path: ["rows", row, column] },
  );
}

function reasonsRecord(
  reasons: Readonly<Record<string, string>>,
  form: RecordReasons,
): Readonly<Record<string, string>> | string {
  if (form === "object") return { ...reasons };
  return Object.entries(reasons)
    .map(([field, code]) => `${field}=${code}`)
    .join(";");
}
