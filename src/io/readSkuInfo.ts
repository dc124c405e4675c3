import type * as z from "zod";
import { describeValue, type LedgerIssue, type LedgerIssueCode } from "../model/InvKpiError.js";
import { isNegativeAmount } from "../model/money.js";
import { SkuInfo } from "../model/SkuInfo.js";
import { type ColumnNames, ColumnResolver, type FieldSpec } from "./ColumnResolver.js";
import { cellValue } from "./csvCellValue.js";
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
   * e.g. `{ sku: 'Item Code', leadTimeDays: 'Lead Time' }`; matched after trimming,
   * case-insensitively. Default: every field under its own name.
   */
  readonly columns?: ColumnNames<SkuInfoField>;
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
  /** CSV header names that match no field and were ignored. */
  readonly ignoredColumns: readonly string[];
  /** The 1-based line of a data row, or `undefined`. */
  readonly lineOf: (row: number) => number | undefined;
}

const FN = "readSkuInfo";
const MONEY_FIELDS = new Set(["standardCost", "unitPrice", "orderCost"]);

/**
 * Reads a SKU master file (CSV, NDJSON or JSON, from a path or a stream) into `SkuInfo` rows, each
 * checked with the zod `SkuInfo` schema; every problem is reported with its line.
 *
 * CSV cells become typed values as in `readLedger`: number fields (`leadTimeDays`, `serviceLevel`,
 * `packSize`, ...) must be plain decimal numbers, money fields (`standardCost`, `unitPrice`,
 * `orderCost`) stay exact text, blank cells mean absent, unknown columns are ignored, and a file
 * without a `sku` column is one `missing_field` issue. A SKU listed twice is a `duplicate_id` issue
 * on the later row, which is left out. Issue codes: `missing_field`, `invalid_type` (a value of the
 * wrong type, e.g. the text `"two"` for a number), `empty_sku`, `invalid_money`, `negative_money` (a
 * price or cost below zero), `invalid_quantity`
 * (a number outside its field's domain: a negative lead time, a service level outside (0, 1), a pack
 * size of 0), `not_an_object`, `duplicate_id`, `parse_error`.
 *
 * @param source - a file path, or a readable stream.
 * @param options - format, delimiter, encoding, header names, progress callback (as `readLedger`).
 * @returns the valid rows, every issue, the number of rows read, and a line lookup.
 * @throws InvKpiError `io_error` when the source cannot be read; `invalid_option` for a bad option;
 *   `invalid_argument` when `source` is neither a path nor a stream.
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
  const resolver = new ColumnResolver(SKU_INFO_FIELDS, options.columns, FN);
  const issues: LedgerIssue[] = [];
  const skuInfo: SkuInfo[] = [];
  const firstRowOf = new Map<string, number>();
  const check = (raw: unknown, row: number, line: number): void => {
    const parsed = SkuInfo.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push(toLedgerIssue(issue, raw, row, line));
      return;
    }
    const info = parsed.data;
    const first = firstRowOf.get(info.sku);
    if (first !== undefined) {
      issues.push({
        row,
        line,
        field: "sku",
        code: "duplicate_id",
        message: `sku is already listed on row ${first}`,
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
  );
  return { skuInfo, issues, ...summary };
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
