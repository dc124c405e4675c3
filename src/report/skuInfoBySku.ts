import { describeValue, InvKpiError, type LedgerIssue } from "../model/InvKpiError.js";
import { requireNoMisspeltFields } from "../model/requireKnownOptions.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { SkuInfoCheck } from "../model/SkuInfoCheck.js";
import { REPLENISHMENT_INFO_FIELDS } from "../replenish/replenishmentFigures.js";

/** How many problems the message of a bad `skuInfo` shows (`issues` has them all). */
const SHOWN = 3;

/**
 * SKU master data by SKU code, checked once per report, in full, before the ledger is replayed:
 * every entry by the rules of `readSkuInfo` (`SkuInfoCheck`: an object with a non-empty text
 * `sku`, every field in its domain, no SKU twice), whether or not its SKU has movements and whether
 * or not the report uses the figure, so that a master that reads without problems is one the
 * report takes, and one it takes reads without problems. Every problem is listed at once. A field
 * that is a near miss of a `SkuInfo` field (`leadTime`, `lead_time_days` for `leadTimeDays`: the
 * report would read no lead time) is refused first, as an unknown option name is; other extra
 * fields are data and kept.
 *
 * @throws InvKpiError `invalid_argument` when `skuInfo` is not an array (path `['skuInfo']`), or
 *   listing every problem of every entry in `issues` (`row` its index, `field`, `code`, `message`,
 *   `value`), path the first problem's (`['skuInfo', row, field]`, `['skuInfo', row]` for an entry
 *   that is no object), `details.problems` and `details.rows` the counts; `invalid_option` for a
 *   misspelt field (path `['skuInfo', row, name]`, the SKU in `details.sku`).
 */
export function skuInfoBySku(
  skuInfo: readonly SkuInfo[] | undefined,
  fn: string,
): ReadonlyMap<string, SkuInfo> {
  const bySku = new Map<string, SkuInfo>();
  if (skuInfo === undefined) return bySku;
  if (!Array.isArray(skuInfo)) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: skuInfo must be an array, got ${describeValue(skuInfo)}`,
      { path: ["skuInfo"] },
    );
  }
  const checker = new SkuInfoCheck();
  const issues: LedgerIssue[] = [];
  // A loop, not forEach, which skips the holes of a sparse array: a hole is an entry that is no object.
  for (let row = 0; row < skuInfo.length; row++) {
    const info = skuInfo[row] as SkuInfo;
    requireNoMisspeltFields(info, REPLENISHMENT_INFO_FIELDS, fn, ["skuInfo", row], {
      sku: info?.sku,
    });
    const found = checker.check(info, row).issues;
    if (found.length > 0) issues.push(...found);
    // The entry itself, not the schema's copy: analyzeSku finds its row by identity.
    else bySku.set(info.sku, info);
  }
  if (issues.length > 0) throw skuInfoError(fn, skuInfo, issues);
  return bySku;
}

/** The error listing every problem of `skuInfo`; the message counts them and shows the first few. */
function skuInfoError(
  fn: string,
  skuInfo: readonly SkuInfo[],
  issues: readonly LedgerIssue[],
): InvKpiError {
  const rows = new Set(issues.map((i) => i.row)).size;
  const shown = issues
    .slice(0, SHOWN)
    .map((i) => `${entryName(skuInfo[i.row], i.row)}: ${i.message}`)
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
