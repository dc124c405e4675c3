import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import type { SkuInfo } from "../model/SkuInfo.js";

/**
 * SKU master data by SKU code.
 * @throws InvKpiError `invalid_argument` for a row without a text `sku`, a SKU listed twice, or a
 *   category or description that is not text.
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
      throw new InvKpiError("invalid_argument", `${fn}: skuInfo[${row}]: ${problem}`, {
        path: ["skuInfo", row],
        details: { value: describeValue(info) },
      });
    }
    bySku.set(info.sku, info);
  });
  return bySku;
}

function skuInfoProblem(info: SkuInfo, seen: ReadonlyMap<string, SkuInfo>): string | null {
  if (info === null || typeof info !== "object") return "must be an object";
  if (typeof info.sku !== "string") return "sku must be text";
  if (seen.has(info.sku)) return `SKU ${describeValue(info.sku)} is listed twice`;
  for (const field of ["category", "description"] as const) {
    const value = info[field];
    if (value !== undefined && value !== null && typeof value !== "string") {
      return `${field} must be text`;
    }
  }
  return null;
}
