import { describeValue, InvKpiError, type LedgerIssue } from "../model/InvKpiError.js";
import type { Movement } from "../model/Movement.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { type CheckedSkuInfo, requireSkuInfoList } from "../model/requireSkuInfoList.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { unreadableError as unreadable } from "../model/unreadableError.js";
import { IdRegistry } from "./IdRegistry.js";
import { type LedgerColumns, LedgerColumnsBuilder } from "./LedgerColumns.js";
import { type RowContext, readMovementRow, reportUnreadableRow } from "./readMovementRow.js";

/** Options of {@link validateLedger}, {@link parseLedger} and {@link toLedgerColumns}. */
export interface ValidateLedgerOptions {
  /**
   * SKU master data: a SKU with a `standardCost` may have receipts without `unitCost`. Checked in
   * full, as `analyzeLedger` checks its `skuInfo` (see the functions' `@throws`).
   */
  readonly skuInfo?: readonly SkuInfo[];
  /**
   * Maps a row index to its 1-based line in a source file (set by the file readers): a positive
   * whole number, or `undefined` for a row without one. Asked only for rows with a problem.
   */
  readonly lineOf?: (row: number) => number | undefined;
}

/** The option names of {@link validateLedger}, {@link parseLedger} and {@link toLedgerColumns}. */
const OPTIONS = optionNames<ValidateLedgerOptions>()(["skuInfo", "lineOf"]);

/** The result of {@link validateLedger}. */
export interface LedgerValidation {
  /** The valid rows, in input order (the same objects), so a caller may go on without the bad ones. */
  readonly movements: readonly Movement[];
  /** One entry per problem, in row order; empty when every row is valid. */
  readonly issues: readonly LedgerIssue[];
}

/**
 * Checks untrusted ledger rows and reports every problem at once.
 *
 * Checks: required fields and their types; the movement type; quantity finite, non-zero, signed as
 * the type requires (positive for receipt, issue and return) and with at most 9 decimal places;
 * real calendar days (`2025-02-30` is rejected); money that is a finite, non-negative decimal with
 * at most 12 decimal places and 15 significant digits; a cost on every receipt unless the SKU has a
 * standard cost; unique ids; SKU codes not empty or blank (compared exactly otherwise); days, as
 * `Date` objects too, in the years 0000–9999. Fields a row's type does not need, and other extra
 * fields, are accepted; a field that is a near miss of a movement field (`Location`, `expires_on`)
 * is an issue (`misspelt_field`), since names are matched exactly and its value would go unread. A
 * row that cannot be read (a throwing getter or `Proxy` trap, a revoked `Proxy`) is an issue of
 * that row, field by field where it can. Nothing is dropped or repaired silently: a row with any
 * problem is left out of `movements` and each problem is in `issues`.
 *
 * @param rows - untrusted rows (parsed JSON, CSV records, ...).
 * @returns the valid movements and every problem, each with `row`, `field`, `code`, `message`, `value`.
 * @throws InvKpiError `invalid_argument` (path `['ledger']`) when `rows` is not an array or cannot
 *   be read, (path `['options']`) when the options are not an object or cannot be read, (path
 *   `['lineOf']`) for a `lineOf` that is not a function or returns no line, and for a bad
 *   `skuInfo` exactly as `analyzeLedger` (path `['skuInfo', ...]`): every entry is checked in full
 *   by the rules of the SKU master reader, and every problem listed in `issues` (a `standardCost`
 *   the engine cannot hold, such as `1e300`, is refused there, rather than excusing a receipt
 *   without a cost that the replay would then refuse; a misspelt field name, `misspelt_field`,
 *   among them); `invalid_option` for an unknown option name, or `unitCost` in a `skuInfo`
 *   entry. Options are checked before any row is read.
 * @example
 * ```ts
 * import { validateLedger } from "invkpi";
 * const { movements, issues } = validateLedger([
 *   { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: "2.50" },
 *   { sku: "A", date: "2025-02-30", type: "issue", quantity: -3 },
 * ]);
 * movements.length; // 1
 * issues.map((i) => `${i.row} ${i.field} ${i.code}`); // ["1 date invalid_date", "1 quantity wrong_sign"]
 * ```
 */
export function validateLedger(
  rows: readonly unknown[],
  options: ValidateLedgerOptions = {},
): LedgerValidation {
  return validateRows(rows, options, "validateLedger");
}

/** {@link validateLedger} for a public function `fn`, which its errors name. */
function validateRows(rows: readonly unknown[], options: unknown, fn: string): LedgerValidation {
  const length = rowCount(rows, fn, "an array of movement rows");
  const ctx = rowContext(checkedOptions(options, fn), fn);
  const movements: Movement[] = [];
  forEachRow(rows, length, ctx, (raw, row) => {
    if (readMovementRow(raw, row, null, ctx)) movements.push(raw as Movement);
  });
  return { movements, issues: ctx.issues };
}

/**
 * Checks ledger rows and returns them typed, or throws one error listing every problem.
 *
 * @throws InvKpiError `invalid_ledger` whose `issues` carries every problem (see {@link validateLedger});
 *   `invalid_argument` (path `['ledger']`) when `rows` is not an array, options that are not an
 *   object, or a bad `skuInfo` (as {@link validateLedger}); `invalid_option` for an unknown option
 *   name.
 * @example
 * ```ts
 * import { parseLedger } from "invkpi";
 * const movements = parseLedger([{ sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2.5 }]);
 * movements.length; // 1
 * ```
 */
export function parseLedger(
  rows: readonly unknown[],
  options: ValidateLedgerOptions = {},
): readonly Movement[] {
  const { movements, issues } = validateRows(rows, options, "parseLedger");
  if (issues.length > 0) throw invalidLedger("parseLedger", issues);
  return movements;
}

/**
 * Builds the columnar form of a ledger (typed arrays plus SKU, location and lot dictionaries), the
 * form the replay engine runs on. Rows are checked on the way, exactly as {@link validateLedger} does.
 *
 * @throws InvKpiError `invalid_ledger` listing every problem when any row is invalid;
 *   `invalid_argument` (path `['ledger']`) when `rows` is not an array, options that are not an
 *   object, or a bad `skuInfo` (as {@link validateLedger}); `invalid_option` for an unknown option
 *   name.
 * @example
 * ```ts
 * import { toLedgerColumns } from "invkpi";
 * const columns = toLedgerColumns([{ sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2.5 }]);
 * columns.length; // 1
 * columns.skus; // ["A"]
 * ```
 */
export function toLedgerColumns(
  rows: readonly unknown[],
  options: ValidateLedgerOptions = {},
): LedgerColumns {
  const fn = "toLedgerColumns";
  rowCount(rows, fn, "an array of movement rows");
  const { skuInfo, lineOf } = checkedOptions(options, fn);
  return columnsOfRows(
    rows,
    requireSkuInfoList(skuInfo, fn),
    fn,
    "an array of movement rows",
    lineOf,
  );
}

/**
 * {@link toLedgerColumns} for another public function (`replayLedger`, `analyzeLedger`, ...), whose
 * name its error carries, as does what it says the ledger must be (`expected`: those functions
 * take columns too). `skuInfo` is the list that function checked (`requireSkuInfoList`), once per
 * call: at 100 k entries a second check costs more than a small ledger's replay.
 */
export function columnsOfRows(
  rows: readonly unknown[],
  skuInfo: CheckedSkuInfo,
  fn: string,
  expected = "an array of movement rows or LedgerColumns",
  lineOf?: (row: number) => number | undefined,
): LedgerColumns {
  const length = rowCount(rows, fn, expected);
  const ctx = checkedRowContext(skuInfo, lineOf);
  const builder = new LedgerColumnsBuilder(length);
  forEachRow(rows, length, ctx, (raw, row) => readMovementRow(raw, row, builder, ctx));
  if (ctx.issues.length > 0) throw invalidLedger(fn, ctx.issues);
  return builder.finish();
}

/**
 * The number of rows of a ledger, which must be an array: an object, a Set or `null` would read
 * as no rows at all, an empty report without a word (an audit passed a parsed `{ "movements":
 * [...] }` file whole). A revoked Proxy, or a Proxy of an array whose trap throws, cannot be read.
 * @throws InvKpiError `invalid_argument`, path `['ledger']`.
 */
function rowCount(rows: unknown, fn: string, expected: string): number {
  return arrayLength(rows, fn, ["ledger"], "the ledger", expected);
}

/**
 * The length of an array argument (`what`, at `path`).
 * @throws InvKpiError `invalid_argument` when it is no array, or cannot be read.
 */
function arrayLength(
  value: unknown,
  fn: string,
  path: readonly (string | number)[],
  what: string,
  expected: string,
): number {
  let length: number;
  try {
    if (!Array.isArray(value)) {
      throw new InvKpiError(
        "invalid_argument",
        `${fn}: ${what} must be ${expected}, got ${describeValue(value)}`,
        { path, details: { value: describeValue(value) } },
      );
    }
    length = value.length;
  } catch (thrown) {
    if (thrown instanceof InvKpiError) throw thrown;
    throw unreadable(fn, path, what, thrown);
  }
  return length;
}

/**
 * The options of the validateLedger family, checked up front and read once: an unknown name, a
 * `lineOf` that is not a function, or options that cannot be read (a revoked Proxy, a throwing
 * getter) are errors before any row is read. `lineOf` comes back wrapped so that a line that is
 * not a positive whole number is an error naming it; `skuInfo` as it is, for {@link rowContext}
 * to check (before any row too).
 *
 * @throws InvKpiError `invalid_argument` (path `['options']` or `['lineOf']`), `invalid_option`
 *   for an unknown option name.
 */
function checkedOptions(options: unknown, fn: string): ValidateLedgerOptions {
  let skuInfo: unknown;
  let lineOf: unknown;
  try {
    requireOptionNames(options, OPTIONS, fn);
    if (options === undefined) return {};
    ({ skuInfo, lineOf } = options as ValidateLedgerOptions);
  } catch (thrown) {
    if (thrown instanceof InvKpiError) throw thrown;
    throw unreadable(fn, ["options"], "options", thrown);
  }
  return {
    ...(skuInfo === undefined ? {} : { skuInfo: skuInfo as readonly SkuInfo[] }),
    ...(lineOf === undefined ? {} : { lineOf: checkedLineOf(lineOf, fn) }),
  };
}

/**
 * The `lineOf` option, wrapped: a line must be a positive whole number or `undefined`, else the
 * issues would carry `line: "x"`.
 */
function checkedLineOf(lineOf: unknown, fn: string): (row: number) => number | undefined {
  if (typeof lineOf !== "function") {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: lineOf must be a function from a row index to its line, got ${describeValue(lineOf)}`,
      { path: ["lineOf"] },
    );
  }
  return (row) => {
    let line: unknown;
    try {
      line = lineOf(row);
    } catch (thrown) {
      throw unreadable(fn, ["lineOf"], `lineOf(${row})`, thrown);
    }
    if (line === undefined || (Number.isSafeInteger(line) && (line as number) >= 1))
      return line as number | undefined;
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: lineOf must return a positive whole number (a 1-based line) or undefined, got ${describeValue(line)} for row ${row}`,
      { path: ["lineOf"], details: { row, line: describeValue(line) } },
    );
  };
}

/**
 * The row context for a validation run. Its `skuInfo` is checked here, in full, by
 * `requireSkuInfoList`, the check of `analyzeLedger`'s (so the file readers, which pass theirs
 * on, check it alike): see {@link checkedRowContext}. `fn` names the public function in its errors
 * (the file readers leave it to its default).
 *
 * @throws InvKpiError as `requireSkuInfoList`: `invalid_argument` listing every problem of
 *   `skuInfo` (a misspelt field among them), or for an entry that cannot be read; `invalid_option`
 *   for a `unitCost`.
 */
export function rowContext(
  options: ValidateLedgerOptions,
  fn = "readLedger",
): RowContext & { issues: LedgerIssue[] } {
  return checkedRowContext(requireSkuInfoList(options.skuInfo, fn), options.lineOf);
}

/**
 * The row context for a validation run, with a `skuInfo` its public function has checked already
 * (`requireSkuInfoList`, once per call): a SKU whose entry gives a `standardCost` may then have
 * receipts without one, and only such a SKU, since an entry with any problem (a `standardCost` of
 * `1e300`, which the replay cannot hold) was an error before any row was read.
 */
export function checkedRowContext(
  skuInfo: CheckedSkuInfo,
  lineOf: ((row: number) => number | undefined) | undefined,
): RowContext & { issues: LedgerIssue[] } {
  const skusWithStandardCost = new Set<string>();
  // The entries as the check read them: each field once, a getter not asked again.
  for (const [sku, info] of skuInfo.readBySku) {
    if (info.standardCost !== undefined && info.standardCost !== null)
      skusWithStandardCost.add(sku);
  }
  return {
    skusWithStandardCost,
    ids: new IdRegistry(),
    issues: [],
    lineOf,
  };
}

/**
 * Hands each of the first `length` rows to `visit`; a row that cannot even be taken from the array
 * (a getter on its index threw) is reported as unreadable instead.
 */
function forEachRow(
  rows: readonly unknown[],
  length: number,
  ctx: RowContext,
  visit: (raw: unknown, row: number) => void,
): void {
  for (let row = 0; row < length; row++) {
    let raw: unknown;
    try {
      raw = rows[row];
    } catch (thrown) {
      reportUnreadableRow(ctx, row, thrown);
      continue;
    }
    visit(raw, row);
  }
}

/** One `invalid_ledger` error carrying every issue; the message summarises the first few. */
export function invalidLedger(fn: string, issues: readonly LedgerIssue[]): InvKpiError {
  const rows = new Set(issues.map((i) => i.row)).size;
  const shown = issues
    .slice(0, 3)
    .map(
      (i) =>
        `${i.line === undefined ? `row ${i.row}` : `line ${i.line}`}, ${i.field || "row"}: ${i.message}`,
    )
    .join("; ");
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : "";
  return new InvKpiError(
    "invalid_ledger",
    `${fn}: ${issues.length} problem${issues.length === 1 ? "" : "s"} in ${rows} row${rows === 1 ? "" : "s"}: ${shown}${more}`,
    { issues, details: { problems: issues.length, rows } },
  );
}
