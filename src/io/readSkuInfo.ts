import type { LedgerIssue } from "../model/InvKpiError.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { SkuInfoCheck } from "../model/SkuInfoCheck.js";
import { type ColumnNames, ColumnResolver, type FieldSpec } from "./ColumnResolver.js";
import { cellValue } from "./csvCellValue.js";
import { hasLongDigitRun, JsonRowSource } from "./jsonRowSource.js";
import { LineIndex } from "./LineIndex.js";
import { numberCellProblem } from "./numberCellProblem.js";
import type { InputSource } from "./openTextInput.js";
import { numberTextProblem } from "./quantityTextProblem.js";
import { applyRowSource, type CellProblem, INVALID_CELL, shownText } from "./RowSource.js";
import {
  type JsonRowText,
  readTable,
  type TableFormat,
  type TableReadOptions,
} from "./readTable.js";

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
 * `orderCost` are exact decimals of any precision, as `analyzeLedger` takes them (the rules are
 * those of `analyzeLedger`'s `skuInfo`: `SkuInfoCheck`). A SKU listed twice is a `duplicate_id`
 * issue on the later row, which is left out; its message names the row and line of the first (a
 * first row with other problems lists its SKU all the same). Issue codes: `missing_field`, `invalid_type` (a value of the wrong type,
 * e.g. the text `"two"` for a number), `empty_sku`, `invalid_money`, `negative_money` (a price or
 * cost below zero), `money_precision` (`standardCost` only), `invalid_quantity` (a number outside
 * its field's domain: a negative lead time, a service level outside (0, 1), a pack size of 0),
 * `quantity_precision` (a number, a CSV cell or a JSON literal, with more significant digits than
 * a double holds: `0.950000000000000000001` would be read as 0.95; the ledger reader's rule, see
 * `numberTextProblem`), `not_an_object`, `duplicate_id`, `parse_error` (also for an NDJSON or JSON
 * row that gives one field under two keys, such as `"leadTimeDays"` and `"LeadTimeDays"`). A CSV
 * number or money cell that holds an invisible character (U+FEFF, U+200B, a no-break space) is
 * `invalid_type` or `invalid_money` naming it, as in a CSV ledger (`numberCellProblem`). A
 * `unitCost` column is no field (a SKU's unit cost is its `standardCost`): it is ignored, and
 * listed, as any unknown column.
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
  const resolver = new ColumnResolver(SKU_INFO_FIELDS, options.columns, FN, "SKU master");
  const issues: LedgerIssue[] = [];
  const skuInfo: SkuInfo[] = [];
  // The line of every row read so far: a duplicate SKU names the line of its first row.
  const lines = new LineIndex();
  // The checks analyzeLedger makes of its skuInfo, so that the two agree.
  const checker = new SkuInfoCheck((row) => lines.lineOf(row));
  /** Checks a row; `problems`: those of its cells that only their text shows (see `numberCellProblem`). */
  const check = (
    raw: unknown,
    row: number,
    line: number,
    rejected = false,
    problems: readonly CellProblem[] = [],
  ): void => {
    const { issues: rowIssues, info } = checker.check(raw, row, line, rejected);
    if (problems.length > 0)
      applyRowSource(rowIssues, 0, raw, { problems, literal: () => undefined });
    if (info === null) issues.push(...rowIssues);
    else skuInfo.push(info);
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
        let problems: CellProblem[] | null = null;
        SKU_INFO_FIELDS.forEach((field, k) => {
          const column = columnOf[k] as number;
          if (column < 0) return;
          const cell = text.slice(bounds[2 * column], bounds[2 * column + 1]);
          const value = cellValue(cell, field.kind, field.required);
          if (value === undefined) return;
          const problem =
            field.kind === "number" || field.kind === "money"
              ? numberCellProblem(cell, value, field.name, field.kind)
              : null;
          if (problem === null) raw[field.name] = value;
          else {
            raw[field.name] = INVALID_CELL;
            problems = [...(problems ?? []), problem];
          }
        });
        check(raw, row, line, false, problems ?? undefined);
      },
      object: (raw, row, line, rejected, json) => {
        const { row: checked, problems } = jsonNumbers(raw, json, (key) =>
          resolver.fieldNameOfKey(key),
        );
        check(checked, row, line, rejected, problems);
      },
    },
    issues,
    FN,
    lines,
  );
  return { skuInfo, issues, ...summary, ignoredColumnCount: resolver.ignoredCount };
}

/** The SKU master fields whose values are numbers (not money, which stays exact text). */
const NUMBER_FIELDS: readonly string[] = SKU_INFO_FIELDS.filter((f) => f.kind === "number").map(
  (f) => f.name,
);

/**
 * An NDJSON or JSON row (`raw`, its keys renamed to field names) to check, with the problems of
 * its number literals that a double cannot hold (`numberTextProblem`, the ledger reader's rule for
 * its quantities: `0.950000000000000000001` would be read as 0.95 without a word): such a field
 * is {@link INVALID_CELL} in a copy of the row. The literals are scanned only when the row's text
 * has a run of more than 15 digits and points (`hasLongDigitRun`).
 */
function jsonNumbers(
  raw: unknown,
  json: JsonRowText | undefined,
  fieldOf: (key: string) => string | undefined,
): { row: unknown; problems: readonly CellProblem[] } {
  if (json === undefined || raw === null || typeof raw !== "object" || !hasLongDigitRun(json))
    return { row: raw, problems: [] };
  const source = new JsonRowSource(fieldOf);
  source.next(raw, json);
  const problems: CellProblem[] = [];
  let row = raw as Record<string, unknown>;
  for (const field of NUMBER_FIELDS) {
    const text = typeof row[field] === "number" ? source.literal(field) : undefined;
    const message = text === undefined ? null : numberTextProblem(text, field);
    if (text === undefined || message === null) continue;
    problems.push({ field, code: "quantity_precision", message, value: shownText(text) });
    row = { ...row, [field]: INVALID_CELL };
  }
  return { row, problems };
}
