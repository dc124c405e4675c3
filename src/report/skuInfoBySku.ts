import { requireSkuInfoList } from "../model/requireSkuInfoList.js";
import type { SkuInfo } from "../model/SkuInfo.js";

/**
 * SKU master data by SKU code, checked once per report, in full, before the ledger is replayed:
 * `requireSkuInfoList`, the check every function with a `skuInfo` makes (`replayLedger`,
 * `validateLedger`, ...), by the rules of `readSkuInfo`, every problem listed at once. The map
 * holds the entries themselves, not copies: `analyzeSku` finds an entry's row by identity.
 *
 * @throws InvKpiError as `requireSkuInfoList`: `invalid_argument` when `skuInfo` is not an array,
 *   an entry cannot be read, or listing every problem of every entry in `issues`;
 *   `invalid_option` for a misspelt field or a `unitCost` (path `['skuInfo', row, name]`).
 * @example
 * ```ts
 * skuInfoBySku([{ sku: "A", leadTimeDays: 7 }], "analyzeLedger").get("A"); // { sku: "A", leadTimeDays: 7 }
 * ```
 */
export function skuInfoBySku(
  skuInfo: readonly SkuInfo[] | undefined,
  fn: string,
): ReadonlyMap<string, SkuInfo> {
  return requireSkuInfoList(skuInfo, fn).bySku;
}
