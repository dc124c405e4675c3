import type { InventoryReportRow } from "./InventoryReportRow.js";
import { reasonText } from "./reasonText.js";

/** Why some rows have no reorder point: one reason code, in a few words, and how many rows. */
export interface ReorderPointCause {
  /** The reason code of the rows' `reorderPoint` (`no_lead_time`, `no_demand_history`, ...). */
  readonly code: string;
  /** The reason in a few words, to follow with "for 3 SKUs": `'no lead time'`, `'no demand'`. */
  readonly words: string;
  readonly count: number;
}

/** The usual reasons in a few words; any other is said by its meaning (`reasonText`). */
const SHORT_WORDS: Readonly<Record<string, string>> = {
  no_lead_time: "no lead time",
  no_demand_history: "no demand",
  too_few_periods: "too few whole demand periods to measure demand",
};

/**
 * The reasons the rows without a reorder point give for it (`reasons.reorderPoint`), counted over
 * every row, the most frequent first (ties by code): what the "no reorder point" notes of the HTML
 * page and the terminal summary say, rather than the first row's reason alone.
 *
 * @example
 * ```ts
 * import { analyzeLedger } from "invkpi";
 * const report = analyzeLedger(
 *   [
 *     { sku: "A0", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
 *     { sku: "B1", date: "2025-01-02", type: "receipt", quantity: 100, unitCost: 1 },
 *     { sku: "B1", date: "2025-01-08", type: "issue", quantity: 5 },
 *     { sku: "B1", date: "2025-01-15", type: "issue", quantity: 7 },
 *   ],
 *   { period: { from: "2025-01-01", to: "2025-01-31" } },
 * );
 * reorderPointCauses(report.rows).map((c) => `${c.words}: ${c.count}`);
 * // ["no demand: 1", "no lead time: 1"]
 * ```
 */
export function reorderPointCauses(rows: readonly InventoryReportRow[]): ReorderPointCause[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.reorderPoint !== null) continue;
    const code = row.reasons.reorderPoint ?? "undefined";
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, count]) => ({
      code,
      words: Object.hasOwn(SHORT_WORDS, code) ? (SHORT_WORDS[code] as string) : reasonText(code),
      count,
    }));
}

/**
 * The causes as one phrase, each with its count as `countText` writes it (the page's or the
 * terminal's number format and the row noun): `'no demand for 1 SKU, no lead time for 2 SKUs'`;
 * `''` for none.
 *
 * @example
 * ```ts
 * const causes = [
 *   { code: "no_lead_time", words: "no lead time", count: 2 },
 *   { code: "no_demand_history", words: "no demand", count: 1 },
 * ];
 * causesPhrase(causes, (n) => `${n} SKU${n === 1 ? "" : "s"}`);
 * // "no lead time for 2 SKUs, no demand for 1 SKU"
 * causesPhrase([], String); // ""
 * ```
 */
export function causesPhrase(
  causes: readonly ReorderPointCause[],
  countText: (count: number) => string,
): string {
  return causes.map((c) => `${c.words} for ${countText(c.count)}`).join(", ");
}
