import { describeValue, InvKpiError, type LedgerIssue } from "../model/InvKpiError.js";
import type { Movement } from "../model/Movement.js";
import { tryToDecimal } from "../model/money.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { IdRegistry } from "./IdRegistry.js";
import { type LedgerColumns, LedgerColumnsBuilder } from "./LedgerColumns.js";
import { type RowContext, readMovementRow } from "./readMovementRow.js";

/** Options of {@link validateLedger}, {@link parseLedger} and {@link toLedgerColumns}. */
export interface ValidateLedgerOptions {
  /** SKU master data: a SKU with a `standardCost` may have receipts without `unitCost`. */
  readonly skuInfo?: readonly SkuInfo[];
  /** Maps a row index to its 1-based line in a source file (set by the file readers). */
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
 * standard cost; unique ids; SKU codes not empty or blank (compared exactly otherwise). Fields a
 * row's type does not need are accepted. Nothing is dropped or repaired silently: a row with any
 * problem is left out of `movements` and each problem is in `issues`.
 *
 * @param rows - untrusted rows (parsed JSON, CSV records, ...).
 * @returns the valid movements and every problem, each with `row`, `field`, `code`, `message`, `value`.
 * @throws InvKpiError `invalid_argument` (path `['ledger']`) when `rows` is not an array, (path
 *   `['options']`) when the options are not an object; `invalid_option` for an unknown option name.
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
  requireRows(rows, "validateLedger", "an array of movement rows");
  requireOptionNames(options, OPTIONS, "validateLedger");
  const ctx = rowContext(options);
  const movements: Movement[] = [];
  for (let row = 0; row < rows.length; row++) {
    const raw = rows[row];
    if (readMovementRow(raw, row, null, ctx)) movements.push(raw as Movement);
  }
  return { movements, issues: ctx.issues };
}

/**
 * Checks ledger rows and returns them typed, or throws one error listing every problem.
 *
 * @throws InvKpiError `invalid_ledger` whose `issues` carries every problem (see {@link validateLedger});
 *   `invalid_argument` (path `['ledger']`) when `rows` is not an array, or options that are not an
 *   object; `invalid_option` for an unknown option name.
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
  requireRows(rows, "parseLedger", "an array of movement rows");
  requireOptionNames(options, OPTIONS, "parseLedger");
  const { movements, issues } = validateLedger(rows, options);
  if (issues.length > 0) throw invalidLedger("parseLedger", issues);
  return movements;
}

/**
 * Builds the columnar form of a ledger (typed arrays plus SKU, location and lot dictionaries), the
 * form the replay engine runs on. Rows are checked on the way, exactly as {@link validateLedger} does.
 *
 * @throws InvKpiError `invalid_ledger` listing every problem when any row is invalid;
 *   `invalid_argument` (path `['ledger']`) when `rows` is not an array, or options that are not an
 *   object; `invalid_option` for an unknown option name.
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
  requireOptionNames(options, OPTIONS, "toLedgerColumns");
  return columnsOfRows(rows, options, "toLedgerColumns", "an array of movement rows");
}

/**
 * {@link toLedgerColumns} for another public function (`replayLedger`, `analyzeLedger`, ...), whose
 * name its error carries, as does what it says the ledger must be (`expected`: those functions
 * take columns too).
 */
export function columnsOfRows(
  rows: readonly unknown[],
  options: ValidateLedgerOptions,
  fn: string,
  expected = "an array of movement rows or LedgerColumns",
): LedgerColumns {
  requireRows(rows, fn, expected);
  const ctx = rowContext(options);
  const builder = new LedgerColumnsBuilder(rows.length);
  for (let row = 0; row < rows.length; row++) readMovementRow(rows[row], row, builder, ctx);
  if (ctx.issues.length > 0) throw invalidLedger(fn, ctx.issues);
  return builder.finish();
}

/**
 * Refuses a ledger that is not an array: an object, a Set or `null` would read as no rows at all,
 * an empty report without a word (an audit passed a parsed `{ "movements": [...] }` file whole).
 * @throws InvKpiError `invalid_argument`, path `['ledger']`.
 */
function requireRows(rows: unknown, fn: string, expected: string): void {
  if (Array.isArray(rows)) return;
  throw new InvKpiError(
    "invalid_argument",
    `${fn}: the ledger must be ${expected}, got ${describeValue(rows)}`,
    {
      path: ["ledger"],
      details: { value: describeValue(rows) },
    },
  );
}

/** The row context for a validation run. */
export function rowContext(options: ValidateLedgerOptions): RowContext & { issues: LedgerIssue[] } {
  const skusWithStandardCost = new Set<string>();
  for (const info of options.skuInfo ?? []) {
    // Only a usable standard cost excuses a receipt without one (replayLedger rejects the others).
    const cost =
      info?.standardCost === undefined || info.standardCost === null
        ? null
        : tryToDecimal(info.standardCost);
    if (cost !== null && !cost.isNegative()) skusWithStandardCost.add(info.sku);
  }
  return { skusWithStandardCost, ids: new IdRegistry(), issues: [], lineOf: options.lineOf };
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
