import type * as z from "zod";
import { describeValue, type LedgerIssue, type LedgerIssueCode } from "../model/InvKpiError.js";
import { isNegativeAmount } from "../model/money.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { SkuInfo } from "../model/SkuInfo.js";
import { moneyProblem, scaledMoney } from "../model/scaledMoney.js";
import { type ColumnNames, ColumnResolver, type FieldSpec } from "./ColumnResolver.js";
import { cellValue } from "./csvCellValue.js";
import { LineIndex } from "./LineIndex.js";
import type { InputSource } from "./openTextInput.js";
import { readTable, type TableFormat, type TableReadOptions } from "./readTable.js";

/** The fields of a SKU master row. */
export type SkuInfoField = keyof SkuInfo;

/** The SKU master fields and how CSV cells become their values (money stays exact text). */
export const SKU_INFO_FIELDS: readonly FieldSpec[] = [
  { name: "sku", kind: "text", required: true },
  { name: "description", kind: "text", required: false },
  { name: "category", kind: "text", required: false },
  { name: "standardCost", kind: "money", required: false },
  { name: "unitPrice", kind: "money", required: false },
  { name: "leadTimeDays", kind: "number", required: false },
  { name: "leadTimeStdDevDays", kind: "number", required: false },
  { name: "reviewPeriodDays", kind: "number", required: false },
  { name: "serviceLevel", kind: "number", required: false },
  { name: "minOrderQuantity", kind: "number", required: false },
  { name: "packSize", kind: "number", required: false },
  { name: "onOrder", kind: "number", required: false },
  { name: "backordered", kind: "number", required: false },
  { name: "reserved", kind: "number", required: false },
  { name: "orderCost", kind: "money", required: false },
  { name: "holdingRate", kind: "number", required: false },
] satisfies readonly (FieldSpec & { name: SkuInfoField })[];

/** Options of {@link readSkuInfo}. */
export interface ReadSkuInfoOptions extends TableReadOptions {
  /**
   * Header names (CSV) or keys (NDJSON, JSON) of fields whose column is not named after the field,
   * e.g. `{ sku: 'Item Code', leadTimeDays: 'Lead Time' }`; names match without regard to case,
   * white space, `_` and `-`. Default: every field under its own name.
   */
  readonly columns?: ColumnNames<SkuInfoField> | undefined;
}

/** The result of {@link readSkuInfo}. */
export interface ReadSkuInfoResult {
  /** The valid rows, in file order (numbers as numbers, money as the exact text of the file). */
  readonly skuInfo: readonly SkuInfo[];
  /** Every problem, with `line` and `row` (-1 for the file as a whole), in file order. */
  readonly issues: readonly LedgerIssue[];
  /** Data rows read, valid or not. */
  readonly rows: number;
  readonly format: TableFormat;
  /**
   * CSV header names, and NDJSON or JSON keys, that match no field and were ignored (a key once,
   * however many rows have it): the first 20 (`MAX_LISTED_IGNORED`), in the order seen.
   */
  readonly ignoredColumns: readonly string[];
  /**
   * How many columns or keys were ignored in all, those in `ignoredColumns` included (so
   * `ignoredColumnCount - ignoredColumns.length` were left out of the list): every ignored CSV
   * column, or the distinct NDJSON or JSON keys, counted up to 10 000
   * (`MAX_COUNTED_IGNORED_KEYS`, which then means at least that many; telling keys apart takes
   * remembering them).
   */
  readonly ignoredColumnCount: number;
  /** The 1-based line of a data row, or `undefined`. */
  readonly lineOf: (row: number) => number | undefined;
}

const FN = "readSkuInfo";
/** The option names of {@link readSkuInfo}. */
const OPTIONS = optionNames<ReadSkuInfoOptions>()([
  "format",
  "delimiter",
  "encoding",
  "onProgress",
  "columns",
]);
/** The money fields of {@link SKU_INFO_FIELDS}. */
const MONEY_FIELDS: ReadonlySet<string> = new Set(
  SKU_INFO_FIELDS.filter((f) => f.kind === "money").map((f) => f.name),
);
/**
 * The money fields that the replay holds as exact scaled integers, so that they must fit the
 * ledger's rule for amounts: `standardCost` only. `unitPrice` and `orderCost` are used as Decimals
 * (`analyzeLedger` takes them at any precision), so the reader takes them so too.
 */
const SCALED_MONEY_FIELDS: readonly SkuInfoField[] = ["standardCost"];

/**
 * Reads a SKU master file (CSV, NDJSON or JSON, from a path or a stream) into `SkuInfo` rows, each
 * checked with the zod `SkuInfo` schema; every problem is reported with its line.
 *
 * CSV cells become typed values as in `readLedger`: number fields (`leadTimeDays`, `serviceLevel`,
 * `packSize`, ...) must be plain decimal numbers, money fields (`standardCost`, `unitPrice`,
 * `orderCost`) stay exact text, blank cells mean absent, unknown columns (and NDJSON or JSON keys)
 * are ignored (counted in `ignoredColumnCount`, the first 20 listed in `ignoredColumns`), and a
 * file without a `sku` column is one `missing_field` issue (with the header, and no row checked),
 * as in `readLedger`. `standardCost`, which the replay holds
 * as an exact scaled amount, must fit the engine's rule for amounts, as a ledger's `unitCost` does:
 * at most 12 decimal places and 15 significant digits (`money_precision`); `unitPrice` and
 * `orderCost` are exact decimals of any precision, as `analyzeLedger` takes them. A SKU listed
 * twice is a `duplicate_id` issue on the later row, which is left out; its message names the row
 * and line of the first. Issue codes: `missing_field`, `invalid_type` (a value of the wrong type,
 * e.g. the text `"two"` for a number), `empty_sku`, `invalid_money`, `negative_money` (a price or
 * cost below zero), `money_precision` (`standardCost` only), `invalid_quantity` (a number outside
 * its field's domain: a negative lead time, a service level outside (0, 1), a pack size of 0),
 * `not_an_object`, `duplicate_id`, `parse_error` (also for an NDJSON or JSON row that gives one
 * field under two keys, such as `"leadTimeDays"` and `"LeadTimeDays"`).
 *
 * @param source - a file path, or a readable stream.
 * @param options - format, delimiter, encoding, header names, progress callback (as `readLedger`).
 * @returns the valid rows, every issue, the number of rows read, and a line lookup.
 * @throws InvKpiError `io_error` when the source cannot be read; `invalid_option` for a bad option
 *   or an unknown option name; `invalid_argument` when `source` is neither a path nor a stream, or
 *   the options not an object.
 * @example
 * ```ts
 * import { Readable } from "node:stream";
 * import { readSkuInfo } from "invkpi/node";
 * const csv = "sku,category,standardCost,leadTimeDays\nA-1,Bolts,0.125,14\nA-2,Nuts,,-3\n";
 * const { skuInfo, issues } = await readSkuInfo(Readable.from([csv]));
 * skuInfo; // [{ sku: "A-1", category: "Bolts", standardCost: "0.125", leadTimeDays: 14 }]
 * issues.map((i) => `line ${i.line} ${i.field} ${i.code}`); // ["line 3 leadTimeDays invalid_quantity"]
 * ```
 */
export async function readSkuInfo(
  source: InputSource,
  options: ReadSkuInfoOptions = {},
): Promise<ReadSkuInfoResult> {
  requireOptionNames(options, OPTIONS, FN);
  const resolver = new ColumnResolver(SKU_INFO_FIELDS, options.columns, FN);
  const issues: LedgerIssue[] = [];
  const skuInfo: SkuInfo[] = [];
  const firstRowOf = new Map<string, number>();
  // The line of every row read so far: a duplicate SKU names the line of its first row.
  const lines = new LineIndex();
  const check = (raw: unknown, row: number, line: number, rejected = false): void => {
    const parsed = SkuInfo.safeParse(raw);
    const rowIssues = parsed.success
      ? []
      : parsed.error.issues.map((issue) => toLedgerIssue(issue, raw, row, line));
    rowIssues.push(...precisionIssues(raw, rowIssues, row, line));
    if (!parsed.success || rowIssues.length > 0 || rejected) {
      // In the order of the fields, as the schema reports them (the precision check comes after).
      rowIssues.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
      issues.push(...rowIssues);
      return;
    }
    const info = parsed.data;
    const first = firstRowOf.get(info.sku);
    if (first !== undefined) {
      const firstLine = lines.lineOf(first);
      const where = firstLine === undefined ? `row ${first}` : `row ${first} (line ${firstLine})`;
      issues.push({
        row,
        line,
        field: "sku",
        code: "duplicate_id",
        message: `sku is already listed on ${where}`,
        value: describeValue(info.sku),
      });
      return;
    }
    firstRowOf.set(info.sku, row);
    skuInfo.push(info);
  };
  let columnOf: Int32Array = new Int32Array(SKU_INFO_FIELDS.length).fill(-1);
  const summary = await readTable(
    source,
    options,
    resolver,
    {
      start: (columns) => {
        columnOf = columns;
      },
      cells: (text, bounds, row, line) => {
        const raw: Record<string, string | number> = {};
        SKU_INFO_FIELDS.forEach((field, k) => {
          const column = columnOf[k] as number;
          if (column < 0) return;
          const cell = text.slice(bounds[2 * column], bounds[2 * column + 1]);
          const value = cellValue(cell, field.kind, field.required);
          if (value !== undefined) raw[field.name] = value;
        });
        check(raw, row, line);
      },
      object: check,
    },
    issues,
    FN,
    lines,
  );
  return { skuInfo, issues, ...summary, ignoredColumnCount: resolver.ignoredCount };
}

/**
 * The scaled money fields ({@link SCALED_MONEY_FIELDS}: `standardCost`) the schema accepted
 * (finite, non-negative decimals) that are too precise for the engine's exact amounts: the rule
 * that `analyzeLedger` applies to them (and to the ledger's `unitCost` and `unitPrice`), so that a
 * SKU master that reads without problems is one `analyzeLedger` takes, and one it takes is read
 * without problems. A field the schema reported is left alone: one problem per field.
 */
function precisionIssues(
  raw: unknown,
  reported: readonly LedgerIssue[],
  row: number,
  line: number,
): LedgerIssue[] {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [];
  const found: LedgerIssue[] = [];
  for (const field of SCALED_MONEY_FIELDS) {
    const value = (raw as Record<string, unknown>)[field];
    if (value === undefined || value === null || reported.some((i) => i.field === field)) continue;
    if (scaledMoney(value) !== null) continue;
    const [code, message] = moneyProblem(value, field);
    found.push({ row, line, field, code, message, value: describeValue(value) });
  }
  return found;
}

/** Where a field comes in {@link SKU_INFO_FIELDS} (the row as a whole, `''`, first). */
function fieldOrder(field: string): number {
  return SKU_INFO_FIELDS.findIndex((f) => f.name === field);
}

/** A zod problem as a row issue with its address and a code of the closed set. */
function toLedgerIssue(
  issue: z.core.$ZodIssue,
  raw: unknown,
  row: number,
  line: number,
): LedgerIssue {
  const field = issue.path.length === 0 ? "" : String(issue.path[0]);
  if (field === "") {
    return {
      row,
      line,
      field,
      code: "not_an_object",
      message: "row must be an object",
      value: describeValue(raw),
    };
  }
  const value = (raw as Record<string, unknown>)[field];
  let code: LedgerIssueCode;
  let message: string;
  if (issue.code === "invalid_type") {
    code = value === undefined ? "missing_field" : "invalid_type";
    message =
      value === undefined
        ? `${field} is required`
        : `${field} must be ${issue.expected === "number" ? "a number" : "text"}`;
  } else {
    const negative = MONEY_FIELDS.has(field) && isNegativeAmount(value);
    code =
      field === "sku"
        ? "empty_sku"
        : negative
          ? "negative_money"
          : MONEY_FIELDS.has(field)
            ? "invalid_money"
            : "invalid_quantity";
    message = negative ? `${field} must not be negative` : `${field} ${issue.message}`;
  }
  return {
    row,
    line,
    field,
    code,
    message,
    ...(value === undefined ? {} : { value: describeValue(value) }),
  };
}
