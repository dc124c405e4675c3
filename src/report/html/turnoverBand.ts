import { INDUSTRY_TURNOVER_RANGES, type IndustryTurnoverRange } from "../../benchmark/index.js";
import { decimalsApart } from "../../model/decimalsApart.js";
import type { InventoryReport } from "../InventoryReport.js";

/** The industry's normal annual turnover, as drawn on the page. */
export interface TurnoverBand {
  readonly min: number;
  /** Absent: open upwards. */
  readonly max?: number;
  /** Whose range: `'wholesale and distribution'`, or `'your range'`. */
  readonly label: string;
  /** The source quotes the range as "and more". */
  readonly andMore: boolean;
  /** `'8–15'`, `'20–30 and more'`, `'10 or more'`. */
  readonly text: string;
}

/** The band, or why there is none. */
export type TurnoverBandResult =
  | { readonly band: TurnoverBand; readonly reason: null }
  | { readonly band: null; readonly reason: "no_industry" | "benchmark_needs_cost_basis" };

/**
 * The normal annual turnover range the report compares with: the report's `industry` option looked
 * up in `INDUSTRY_TURNOVER_RANGES`, or the range given. Read from the options rather than the
 * diagnosis so that the band is drawn even when the portfolio turnover itself is undefined.
 * Like the diagnosis, an industry of the table (turnover at cost) gives no band under the units or
 * retail basis (`benchmark_needs_cost_basis`).
 *
 * @example
 * ```ts
 * import { analyzeLedger } from "invkpi";
 * const report = analyzeLedger(
 *   [{ sku: "a", date: "2025-01-02", type: "receipt", quantity: 1, unitCost: 5 }],
 *   { period: { from: "2025-01-01", to: "2025-12-31" }, industry: "wholesale" },
 * );
 * turnoverBand(report).band?.text; // "8–15"
 * ```
 */
export function turnoverBand(report: InventoryReport): TurnoverBandResult {
  const { industry, turnoverBasis } = report.options;
  if (industry === null) return { band: null, reason: "no_industry" };
  if (typeof industry === "string") {
    if (turnoverBasis !== "cost") return { band: null, reason: "benchmark_needs_cost_basis" };
    const table: Readonly<Record<string, IndustryTurnoverRange>> = INDUSTRY_TURNOVER_RANGES;
    const row = Object.hasOwn(table, industry) ? table[industry] : undefined;
    if (row === undefined) return { band: null, reason: "no_industry" };
    return { band: bandOf(row, row.label ?? industry, row.andMore === true), reason: null };
  }
  return { band: bandOf(industry, "your range", false), reason: null };
}

/**
 * The decimal places of a turnover a year shown against the band: 2, or as many as tell it from
 * the band's ends (`decimalsApart`), so that a figure below the band never reads as its lower end.
 *
 * @example
 * ```ts
 * bandPlaces(7.996, { min: 8, max: 15 }); // 3
 * bandPlaces(7.996, null); // 2
 * ```
 */
export function bandPlaces(
  annual: number | null,
  band: Pick<TurnoverBand, "min" | "max"> | null,
): number {
  return decimalsApart(annual, band === null ? [] : [band.min, band.max], 2);
}

function bandOf(
  range: { min: number; max?: number },
  label: string,
  andMore: boolean,
): TurnoverBand {
  const text =
    range.max === undefined
      ? `${range.min} or more`
      : `${range.min}–${range.max}${andMore ? " and more" : ""}`;
  return {
    min: range.min,
    ...(range.max === undefined ? {} : { max: range.max }),
    label,
    andMore,
    text,
  };
}
