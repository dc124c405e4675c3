/** A range of normal annual turnover. Without `max` the range is open upwards. */
export interface TurnoverRange {
  /** Lowest normal annual turnover (≥ 0). */
  readonly min: number;
  /** Highest normal annual turnover (≥ min); absent: no upper bound, never `above`. */
  readonly max?: number;
}

/** A row of an industry table: the range, a readable name and the source's caveat. */
export interface IndustryTurnoverRange extends TurnoverRange {
  /** The industry's name in messages. */
  readonly label?: string;
  /**
   * The source quotes the range as "min – max and more": turnover above `max` is still common in the
   * industry. The diagnosis still says `above`, and its message mentions it.
   */
  readonly andMore?: boolean;
}

/** A table of industries (identifier → range), the default or the user's own. */
export type IndustryTurnoverTable = Readonly<Record<string, IndustryTurnoverRange>>;

const row = (range: Required<IndustryTurnoverRange>): IndustryTurnoverRange => Object.freeze(range);

/**
 * Normal annual inventory turnover (at cost) by industry: the default table of `diagnoseTurnover`.
 *
 * | identifier | normal annual turnover |
 * |---|---|
 * | `manufacturing` | 6 – 10 |
 * | `wholesale` (wholesale and distribution) | 8 – 15 |
 * | `retail` | 15 – 20 and more |
 * | `pharmaceutical` | 20 – 30 and more |
 * | `electronics` | 20 – 30 and more |
 *
 * Source: ranges quoted in Chinese industry reports of 2022–2023, as collected in the project's
 * domain notes (`domain.md`, "Industry benchmarks for annual turnover"). The source gives retail,
 * pharmaceuticals and electronics as "and more" (`andMore: true`): a higher turnover is not unusual
 * there. These are rules of thumb, not standards: the ranges vary by country, company size, product
 * mix and season (seasonal businesses should be measured per season, not per year), so replace the
 * table with your own (option `table` of `diagnoseTurnover`) when you have better figures.
 *
 * @example
 * ```ts
 * import { INDUSTRY_TURNOVER_RANGES } from "invkpi";
 * INDUSTRY_TURNOVER_RANGES.wholesale; // { min: 8, max: 15, label: "wholesale and distribution", andMore: false }
 * ```
 */
export const INDUSTRY_TURNOVER_RANGES = Object.freeze({
  manufacturing: row({ min: 6, max: 10, label: "manufacturing", andMore: false }),
  wholesale: row({ min: 8, max: 15, label: "wholesale and distribution", andMore: false }),
  retail: row({ min: 15, max: 20, label: "retail", andMore: true }),
  pharmaceutical: row({ min: 20, max: 30, label: "pharmaceuticals", andMore: true }),
  electronics: row({ min: 20, max: 30, label: "electronics", andMore: true }),
}) satisfies IndustryTurnoverTable;

/** An industry identifier of the default table. */
export type Industry = keyof typeof INDUSTRY_TURNOVER_RANGES;
