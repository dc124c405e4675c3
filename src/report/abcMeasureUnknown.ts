import type { AbcMeasure } from "./AnalyzeLedgerOptions.js";

/**
 * Why a SKU's ABC measure is unknown, or `null` when it is known. Revenue and margin need the
 * price of every issue: when an issue line has no `unitPrice`, the SKU's revenue misses that
 * line, so its revenue and margin would be understated (a loss counted as 0 in the last class),
 * while the row's `grossMargin` is `null` with reason `no_price`. Such a SKU is left out of the
 * ABC ranking, its ABC columns `null` with the same reason `no_price`. COGS, quantity and
 * movements need no price and are always known.
 *
 * @param history - the SKU's count of issue lines without a price (`SkuHistory`,
 *   `AnalyzedHistory`).
 * @param measure - the report's `abc.measure`.
 * @example
 * ```ts
 * abcMeasureUnknown({ issuesWithoutPrice: 2 }, "margin"); // "no_price"
 * abcMeasureUnknown({ issuesWithoutPrice: 2 }, "cogs"); // null
 * abcMeasureUnknown({ issuesWithoutPrice: 0 }, "revenue"); // null
 * ```
 */
export function abcMeasureUnknown(
  history: { readonly issuesWithoutPrice: number },
  measure: AbcMeasure,
): "no_price" | null {
  const needsPrices = measure === "revenue" || measure === "margin";
  return needsPrices && history.issuesWithoutPrice > 0 ? "no_price" : null;
}
