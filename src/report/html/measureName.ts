import type { AbcMeasure } from "../AnalyzeLedgerOptions.js";

const NAMES: Readonly<Record<AbcMeasure, string>> = {
  cogs: "COGS",
  revenue: "revenue",
  margin: "gross margin",
  quantity: "units issued",
  movements: "issue lines",
};

/**
 * What an ABC measure is called on the page.
 *
 * @example
 * ```ts
 * measureName("cogs"); // "COGS"
 * ```
 */
export function measureName(measure: AbcMeasure): string {
  return NAMES[measure] ?? measure;
}
