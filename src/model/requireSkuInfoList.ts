import { describeValue, InvKpiError, type LedgerIssue } from "./InvKpiError.js";
import { nearMissesOf, nearMissMessage } from "./nearMissesOf.js";
import type { SkuInfo } from "./SkuInfo.js";
import { SkuInfoCheck } from "./SkuInfoCheck.js";
import { SKU_INFO_FIELD_NAMES } from "./skuInfoFields.js";
import { unreadableError } from "./unreadableError.js";

/** A `skuInfo` list that passed {@link requireSkuInfoList}, by SKU code. */
export interface CheckedSkuInfo {
  /** Each SKU's entry as given (the same object: the report finds its row by identity). */
  readonly bySku: ReadonlyMap<string, SkuInfo>;
  /**
   * Each SKU's entry as the check read it: its `SkuInfo` fields only, each read once (a getter is
   * not asked again), in the form the schema took them.
   */
  readonly readBySku: ReadonlyMap<string, SkuInfo>;
}

/** How many problems the message of a bad `skuInfo` shows (`issues` has them all). */
const SHOWN = 3;

/**
 * The field that the SKU-level figures of `replenishmentFigures` read besides the `SkuInfo` fields
 * (the EOQ's unit cost), which a master has no such field for: see {@link refuseUnitCost}.
 */
const UNIT_COST = "unitCost";

/**
 * Checks the `skuInfo` of a public function (`analyzeLedger`, `replayLedger`, `validateLedger` and
 * the rest), in full, before anything else is read: every entry by the rules of `readSkuInfo`
 * (`SkuInfoCheck`: an object with a non-empty text `sku`, every field in its domain, `standardCost`
 * an amount the engine holds exactly, no SKU twice), whether or not its SKU has movements and
 * whether or not the caller uses the figure, so that a master that reads without problems is one
 * every function takes, and one they take reads without problems. Every problem is listed at once.
 *
 * A field that is a near miss of a `SkuInfo` field the entry lacks (`leadTime`, `lead_time_days`
 * without `leadTimeDays`: the rule of `nearMissesOf`; its value would go unread) is one of those
 * problems (`misspelt_field`), as `readSkuInfo` reports such a column or key. Refused at once, as
 * an unknown option name is: `unitCost`, which is no SKU master field (`readSkuInfo` ignores such a
 * column) but which `replenishmentFigures` would read as the EOQ's unit cost: a SKU's unit cost is
 * its `standardCost`. Other extra fields are data and kept. An entry that cannot be read (a
 * throwing getter or Proxy trap, a revoked Proxy) is refused at once, naming the field that threw.
 * Linear: one schema check and one map lookup per entry and field.
 *
 * @param skuInfo - the list; `undefined` is none.
 * @param fn - the public function, which messages name.
 * @throws InvKpiError `invalid_argument` when `skuInfo` is not an array (path `['skuInfo']`); when
 *   an entry or one of its fields cannot be read (path `['skuInfo', row]` or
 *   `['skuInfo', row, field]`); or listing every problem of every entry in `issues` (`row` its
 *   index, `field`, `code`, `message`, `value`), path the first problem's (`['skuInfo', row,
 *   field]`, `['skuInfo', row]` for an entry that is no object), `details.problems` and
 *   `details.rows` the counts (a near miss is an issue: `field` the name as written, code
 *   `misspelt_field`). `invalid_option` for `unitCost` (path `['skuInfo', row, 'unitCost']`, the
 *   SKU in `details.sku`).
 * @example
 * ```ts
 * requireSkuInfoList([{ sku: "A", leadTimeDays: 7 }], "f").bySku.get("A"); // { sku: "A", leadTimeDays: 7 }
 * try {
 *   requireSkuInfoList([{ sku: "A", serviceLevel: 2 }, { sku: "A" }], "f");
 * } catch (e) {
 *   (e as Error).message;
 *   // 'f: 2 problems in 2 skuInfo entries: skuInfo[0] (SKU "A"): serviceLevel must be in (0, 1); skuInfo[1] (SKU "A"): sku is already listed on row 0'
 * }
 * ```
 */
export function requireSkuInfoList(skuInfo: unknown, fn: string): CheckedSkuInfo {
  const bySku = new Map<string, SkuInfo>();
  const readBySku = new Map<string, SkuInfo>();
  if (skuInfo === undefined) return { bySku, readBySku };
  const length = listLength(skuInfo, fn);
  const list = skuInfo as readonly unknown[];
  const checker = new SkuInfoCheck();
  const issues: LedgerIssue[] = [];
  // A loop, not forEach, which skips the holes of a sparse array: a hole is an entry that is no object.
  for (let row = 0; row < length; row++) {
    let entry: unknown;
    let result: ReturnType<SkuInfoCheck["check"]>;
    let misspelt: readonly LedgerIssue[];
    try {
      entry = list[row];
      readEveryField(entry);
      refuseUnitCost(entry, row, fn);
      misspelt = nearMissIssues(entry, row);
      result = checker.check(entry, row);
    } catch (thrown) {
      if (thrown instanceof InvKpiError) throw thrown;
      throw unreadableEntry(list, row, fn, thrown);
    }
    issues.push(...misspelt);
    if (result.info === null) issues.push(...result.issues);
    else {
      bySku.set(result.info.sku, entry as SkuInfo);
      readBySku.set(result.info.sku, result.info);
    }
  }
  if (issues.length > 0) throw skuInfoError(fn, list, issues);
  return { bySku, readBySku };
}

/**
 * The length of `skuInfo`, which must be an array.
 * @throws InvKpiError `invalid_argument`, path `['skuInfo']`, when it is none or cannot be read.
 */
function listLength(skuInfo: unknown, fn: string): number {
  try {
    if (Array.isArray(skuInfo)) return skuInfo.length;
  } catch (thrown) {
    throw unreadableError(fn, ["skuInfo"], "skuInfo", thrown);
  }
  throw new InvKpiError(
    "invalid_argument",
    `${fn}: skuInfo must be an array, got ${describeValue(skuInfo)}`,
    { path: ["skuInfo"] },
  );
}

/**
 * The near misses of an entry's field names (`leadTime` without `leadTimeDays`: the rule of
 * `nearMissesOf`), as issues of its row, with the message of a movement row's.
 */
function nearMissIssues(entry: unknown, row: number): readonly LedgerIssue[] {
  if (entry === null || typeof entry !== "object") return [];
  return nearMissesOf(entry, SKU_INFO_FIELD_NAMES).map((miss) => ({
    row,
    field: miss.name,
    code: "misspelt_field",
    message: nearMissMessage(miss, "SKU master"),
    value: describeValue(miss.value),
  }));
}

/**
 * Reads each field of an entry once, its own fields too, which no check reads: an entry one of
 * whose fields cannot be read (a throwing getter) is refused now, naming the field, rather than
 * breaking whatever is handed the entry later (the report keeps the entry as given).
 */
function readEveryField(entry: unknown): void {
  if (entry === null || typeof entry !== "object") return;
  for (const name in entry) void (entry as Record<string, unknown>)[name];
}

/** Refuses an entry's `unitCost` (see {@link requireSkuInfoList}). */
function refuseUnitCost(entry: unknown, row: number, fn: string): void {
  if (entry === null || typeof entry !== "object") return;
  const unitCost = (entry as Record<string, unknown>)[UNIT_COST];
  if (unitCost === undefined || unitCost === null) return;
  const sku = (entry as { sku?: unknown }).sku;
  throw new InvKpiError(
    "invalid_option",
    `${fn}: ${entryName(entry, row)} gives unitCost, which is no SKU master field: a SKU's unit cost is its standardCost (the EOQ uses it, else the cost the ledger shows); give it as standardCost`,
    { path: ["skuInfo", row, UNIT_COST], details: { sku, value: describeValue(unitCost) } },
  );
}

/**
 * The error for entry `row` of `list`, whose check threw `thrown`: the entry is read again, field
 * by field (its names, then its `SkuInfo` fields and its own fields), to name the one that throws;
 * the entry as a whole when the entry itself or its names cannot be read (a revoked Proxy), or
 * nothing throws a second time.
 */
function unreadableEntry(
  list: readonly unknown[],
  row: number,
  fn: string,
  thrown: unknown,
): InvKpiError {
  let field = "";
  let reason = thrown;
  try {
    const entry = list[row] as Record<string, unknown>;
    if (entry === null || typeof entry !== "object")
      return unreadableError(fn, ["skuInfo", row], `skuInfo[${row}]`, thrown);
    // The names first: a revoked Proxy throws on every read, and is the entry's problem.
    const names = Object.keys(entry);
    for (const name of [...SKU_INFO_FIELD_NAMES, ...names]) {
      field = name;
      void entry[name];
    }
    field = "";
  } catch (again) {
    reason = again;
  }
  const path = field === "" ? ["skuInfo", row] : ["skuInfo", row, field];
  return unreadableError(fn, path, `skuInfo[${row}]${field === "" ? "" : `.${field}`}`, reason);
}

/** The error listing every problem of `skuInfo`; the message counts them and shows the first few. */
function skuInfoError(
  fn: string,
  list: readonly unknown[],
  issues: readonly LedgerIssue[],
): InvKpiError {
  const rows = new Set(issues.map((i) => i.row)).size;
  const shown = issues
    .slice(0, SHOWN)
    .map((i) => `${entryName(list[i.row], i.row)}: ${i.message}`)
    .join("; ");
  const more = issues.length > SHOWN ? `; and ${issues.length - SHOWN} more` : "";
  const first = issues[0] as LedgerIssue;
  return new InvKpiError(
    "invalid_argument",
    `${fn}: ${plural(issues.length, "problem")} in ${plural(rows, "skuInfo entry", "skuInfo entries")}: ${shown}${more}`,
    {
      path: first.field === "" ? ["skuInfo", first.row] : ["skuInfo", first.row, first.field],
      details: { problems: issues.length, rows },
      issues,
    },
  );
}

/** `skuInfo[2] (SKU "A-1")`, or `skuInfo[2]` for an entry without a text SKU. */
function entryName(info: unknown, row: number): string {
  const sku = info !== null && typeof info === "object" ? (info as SkuInfo).sku : undefined;
  return typeof sku === "string" && sku.trim() !== ""
    ? `skuInfo[${row}] (SKU ${describeValue(sku)})`
    : `skuInfo[${row}]`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
