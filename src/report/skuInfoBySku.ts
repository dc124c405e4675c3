import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { requireNoMisspeltFields } from "../model/requireKnownOptions.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { REPLENISHMENT_INFO_FIELDS } from "../replenish/replenishmentFigures.js";

/**
 * SKU master data by SKU code, checked once per report: every row an object with a text `sku`, no
 * SKU twice, `category` and `description` text, and no field that is a near miss of a `SkuInfo`
 * field (`leadTime` for `leadTimeDays`: the report would read no lead time; other extra fields are
 * data and kept). The values are checked by the calculators that read them (`analyzeSku`).
 * @throws InvKpiError `invalid_argument` for a row without a text `sku`, a SKU listed twice, or a
 *   category or description that is not text (path `['skuInfo', row]`, or `['skuInfo', row,
 *   field]` for a field); `invalid_option` for a misspelt field (path `['skuInfo', row, name]`, the
 *   SKU in `details.sku`).
 */
export function skuInfoBySku(
  skuInfo: readonly SkuInfo[] | undefined,
  fn: string,
): ReadonlyMap<string, SkuInfo> {
  const bySku = new Map<string, SkuInfo>();
  if (skuInfo === undefined) return bySku;
  if (!Array.isArray(skuInfo)) {
    throw new InvKpiError("invalid_argument", `${fn}: skuInfo must be an array`, {
      path: ["skuInfo"],
    });
  }
  skuInfo.forEach((info, row) => {
    const problem = skuInfoProblem(info, bySku);
    if (problem !== null) {
      throw new InvKpiError("invalid_argument", `${fn}: skuInfo[${row}]: ${problem.message}`, {
        path: problem.field === null ? ["skuInfo", row] : ["skuInfo", row, problem.field],
        details: { value: describeValue(info) },
      });
    }
    requireNoMisspeltFields(info, REPLENISHMENT_INFO_FIELDS, fn, ["skuInfo", row], {
      sku: info.sku,
    });
    bySku.set(info.sku, info);
  });
  return bySku;
}

/** What is wrong with a row, and the field at fault (`null`: the row as a whole). */
interface Problem {
  readonly field: string | null;
  readonly message: string;
}

function skuInfoProblem(info: SkuInfo, seen: ReadonlyMap<string, SkuInfo>): Problem | null {
  if (info === null || typeof info !== "object")
    return { field: null, message: "must be an object" };
  if (typeof info.sku !== "string") return { field: "sku", message: "sku must be text" };
  if (seen.has(info.sku))
    return { field: null, message: `SKU ${describeValue(info.sku)} is listed twice` };
  for (const field of ["category", "description"] as const) {
    const value = info[field];
    if (value !== undefined && value !== null && typeof value !== "string") {
      return { field, message: `${field} must be text` };
    }
  }
  return null;
}
