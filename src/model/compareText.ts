/**
 * Orders two texts by UTF-16 code units, as `Array.prototype.sort` does by default: the same order
 * on every machine and locale (no `localeCompare`), so sorted output is reproducible.
 *
 * @returns a negative number, 0 or a positive number, for `Array.prototype.sort`.
 * @example
 * ```ts
 * ["b", "B", "a"].sort(compareText); // ["B", "a", "b"]
 * ```
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders group keys: texts by {@link compareText}, `null` (the rows without a key) last.
 *
 * @example
 * ```ts
 * [null, "b", "a"].sort(compareGroupKeys); // ["a", "b", null]
 * ```
 */
export function compareGroupKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/**
 * The order of per-SKU results everywhere in invkpi: by SKU code, then location code (no location
 * first), both by {@link compareText}.
 *
 * @example
 * ```ts
 * [{ sku: "B" }, { sku: "A", location: "W2" }, { sku: "A" }].sort(compareSkuLocation);
 * // [{ sku: "A" }, { sku: "A", location: "W2" }, { sku: "B" }]
 * ```
 */
export function compareSkuLocation(
  a: { readonly sku: string; readonly location?: string | null | undefined },
  b: { readonly sku: string; readonly location?: string | null | undefined },
): number {
  return compareText(a.sku, b.sku) || compareText(a.location ?? "", b.location ?? "");
}
