import type * as z from "zod";
import { describeValue, type LedgerIssue, type LedgerIssueCode } from "./InvKpiError.js";
import { isNegativeAmount } from "./money.js";
import { SkuInfo } from "./SkuInfo.js";
import { moneyProblem, scaledMoney } from "./scaledMoney.js";
import { SKU_INFO_FIELD_NAMES, SKU_INFO_MONEY_FIELDS } from "./skuInfoFields.js";

/** What {@link SkuInfoCheck.check} found in one entry. */
export interface SkuInfoCheckResult {
  /** Every problem of the entry, in the order of its fields (the entry as a whole first). */
  readonly issues: LedgerIssue[];
  /** The entry as the schema read it (its `SkuInfo` fields only), when it has no problem. */
  readonly info: SkuInfo | null;
}

/**
 * The money fields that the replay holds as exact scaled integers, so that they must fit the
 * ledger's rule for amounts (`scaledMoney`): `standardCost` only. `unitPrice` and `orderCost` are
 * used as Decimals, at any precision.
 */
const SCALED_MONEY_FIELDS = ["standardCost"] as const;
const MONEY_FIELDS: ReadonlySet<string> = new Set(SKU_INFO_MONEY_FIELDS);
/** Where each field comes in an entry's issues (the entry as a whole, `''`, first). */
const FIELD_ORDER = new Map(SKU_INFO_FIELD_NAMES.map((name, i) => [name, i]));

/**
 * The checks of SKU master data, one entry after another, that `readSkuInfo` (each row of a file)
 * and `analyzeLedger` (each entry of `skuInfo`) share, so that they agree: a master that reads
 * without problems is one `analyzeLedger` takes, and one it takes reads without problems. Each
 * entry is checked in full (every field's domain, whether or not its SKU has movements or the
 * report uses the figure) with the zod `SkuInfo` schema, `standardCost` also with the ledger's rule
 * for amounts; and a SKU already listed, by an earlier entry whose SKU was valid text (whatever its
 * other fields), is `duplicate_id`. Linear: one schema check and one map lookup per entry.
 *
 * Issue codes: `not_an_object`, `missing_field`, `invalid_type`, `empty_sku`, `invalid_money`,
 * `negative_money`, `money_precision` (`standardCost`), `invalid_quantity` (a number outside its
 * field's domain), `duplicate_id` (its message names the first entry's row, and its line when
 * `lineOf` knows it).
 *
 * @example
 * ```ts
 * const check = new SkuInfoCheck();
 * check.check({ sku: "A", serviceLevel: 2 }, 0).issues.map((i) => i.message); // ["serviceLevel must be in (0, 1)"]
 * check.check({ sku: "A" }, 1).issues.map((i) => i.message); // ["sku is already listed on row 0"]
 * check.check({ sku: "B", leadTimeDays: 7 }, 2).info; // { sku: "B", leadTimeDays: 7 }
 * ```
 */
export class SkuInfoCheck {
  /** The row of the first entry of each SKU. */
  private readonly firstRowOf = new Map<string, number>();

  /** @param lineOf - the 1-based line of an earlier row, for a duplicate's message (files). */
  constructor(private readonly lineOf: (row: number) => number | undefined = () => undefined) {}

  /**
   * Checks the entry `raw` at `row` (and `line`, in a file), and notes its SKU.
   *
   * @param rejected - whether the caller has already found a problem with the entry (a field
   *   under two keys): it then gets no `info`, but its SKU is still noted.
   */
  check(raw: unknown, row: number, line?: number, rejected = false): SkuInfoCheckResult {
    const parsed = SkuInfo.safeParse(raw);
    const issues = parsed.success
      ? []
      : parsed.error.issues.map((issue) => toLedgerIssue(issue, raw, row, line));
    issues.push(...precisionIssues(raw, issues, row, line));
    const duplicate = this.noteSku(raw, issues, row, line);
    if (duplicate !== null) issues.push(duplicate);
    if (issues.length === 0 && parsed.success && !rejected) return { issues, info: parsed.data };
    issues.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
    return { issues, info: null };
  }

  /** Notes the SKU of an entry whose SKU is valid; the issue when it was listed before. */
  private noteSku(
    raw: unknown,
    issues: readonly LedgerIssue[],
    row: number,
    line: number | undefined,
  ): LedgerIssue | null {
    if (issues.some((i) => i.field === "sku" || i.field === "")) return null;
    const sku = (raw as SkuInfo).sku;
    const first = this.firstRowOf.get(sku);
    if (first === undefined) {
      this.firstRowOf.set(sku, row);
      return null;
    }
    const firstLine = this.lineOf(first);
    const where = firstLine === undefined ? `row ${first}` : `row ${first} (line ${firstLine})`;
    return {
      row,
      ...(line === undefined ? {} : { line }),
      field: "sku",
      code: "duplicate_id",
      message: `sku is already listed on ${where}`,
      value: describeValue(sku),
    };
  }
}

/**
 * The scaled money fields ({@link SCALED_MONEY_FIELDS}) the schema accepted (finite,
 * non-negative decimals) that are too precise for the engine's exact amounts: the rule that the
 * replay applies to them (and to the ledger's `unitCost` and `unitPrice`). A field the schema
 * reported is left alone: one problem per field.
 */
function precisionIssues(
  raw: unknown,
  reported: readonly LedgerIssue[],
  row: number,
  line: number | undefined,
): LedgerIssue[] {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [];
  const found: LedgerIssue[] = [];
  for (const field of SCALED_MONEY_FIELDS) {
    const value = (raw as Record<string, unknown>)[field];
    if (value === undefined || value === null || reported.some((i) => i.field === field)) continue;
    if (scaledMoney(value) !== null) continue;
    const [code, message] = moneyProblem(value, field);
    found.push({ row, ...at(line), field, code, message, value: describeValue(value) });
  }
  return found;
}

function fieldOrder(field: string): number {
  return FIELD_ORDER.get(field) ?? -1;
}

/** The `line` of an issue, when there is one. */
function at(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/** A zod problem as an entry's issue, with its address and a code of the closed set. */
function toLedgerIssue(
  issue: z.core.$ZodIssue,
  raw: unknown,
  row: number,
  line: number | undefined,
): LedgerIssue {
  const field = issue.path.length === 0 ? "" : String(issue.path[0]);
  if (field === "") {
    return {
      row,
      ...at(line),
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
    ...at(line),
    field,
    code,
    message,
    ...(value === undefined ? {} : { value: describeValue(value) }),
  };
}
