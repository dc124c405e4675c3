import { type CheckedSkuInfo, requireSkuInfoList } from "../model/requireSkuInfoList.js";
import type { SkuInfo } from "../model/SkuInfo.js";

/**
 * SKU master data by SKU code, checked once per report, in full, before the ledger is replayed:
 * `requireSkuInfoList`, the check every function with a `skuInfo` makes (`replayLedger`,
 * `validateLedger`, ...), by the rules of `readSkuInfo`, every problem listed at once. `bySku`
 * holds the entries themselves, not copies: `analyzeSku` finds an entry's row by identity. The
 * report hands the result down to the replay (the rows' check, the standard costs), which then
 * reads the list no more: once per call, never cached, since a caller may change its array between
 * two reports.
 *
 * @throws InvKpiError as `requireSkuInfoList`: `invalid_argument` when `skuInfo` is not an array,
 *   an entry cannot be read, or listing every problem of every entry in `issues` (a misspelt
 *   field among them, `misspelt_field`); `invalid_option` for a `unitCost` (path
 *   `['skuInfo', row, 'unitCost']`).
 * @example
 * ```ts
 * skuInfoBySku([{ sku: "A", leadTimeDays: 7 }], "analyzeLedger").bySku.get("A"); // { sku: "A", leadTimeDays: 7 }
 * ```
 */
export function skuInfoBySku(skuInfo: readonly SkuInfo[] | undefined, fn: string): CheckedSkuInfo {
  return requireSkuInfoList(skuInfo, fn);
}
