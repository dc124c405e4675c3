import type { Decimal } from "./Decimal.js";

/** The valuation method of a replay. See `docs/formulas.md#valuation`. */
export type Valuation = "moving-average" | "fifo" | "standard";

/** Every valuation method: the one list that options, codecs and the CLI check against. */
export const VALUATIONS: readonly Valuation[] = ["moving-average", "fifo", "standard"];

/**
 * Sums of net demand (issues − returns) per bucket (day, ISO week or calendar month) over the
 * period: enough for the mean and standard deviation of demand *including the buckets with no
 * demand*, without a dense calendar. Buckets without movement contribute 0 to every sum; their count
 * follows from the counting window (see `demandStatistics`).
 */
export interface DemandSums {
  /** Σx: total net demand in the period, in units. */
  readonly sum: number;
  /** Σx²: sum of squared per-bucket net demand. */
  readonly sumOfSquares: number;
  /** The largest net demand of any bucket (0 when no bucket had positive demand). */
  readonly max: number;
  /** Number of buckets with non-zero net demand. */
  readonly nonZeroBuckets: number;
  /**
   * Net demand of the first bucket with demand: the bucket of `firstDemandDate` (0 without demand).
   * With `lastBucketDemand`, what `demandStatistics` takes out of the sums when the counting window
   * cuts its first or last week or month (`partialBuckets: 'exclude'`).
   */
  readonly firstBucketDemand: number;
  /**
   * Net demand of the last bucket with demand: the bucket of `lastDemandDate` (0 without demand;
   * the first bucket's when only one bucket had demand).
   */
  readonly lastBucketDemand: number;
  /**
   * Σx and Σx² of the buckets strictly between the first and the last bucket with demand: the
   * sums that remain when a window cuts both. Kept apart so that leaving a cut bucket out is an
   * addition (`middle + last`), not a subtraction from the whole sums, in which a large cut bucket
   * would have rounded the small buckets' squares away.
   */
  readonly middleSum: number;
  readonly middleSumOfSquares: number;
}

/** Demand sums per bucket size. */
export interface DemandHistory {
  readonly day: DemandSums;
  readonly week: DemandSums;
  readonly month: DemandSums;
}

/**
 * An open FIFO layer at the end of the period: units still on hand from one receipt (or return,
 * positive adjustment, opening balance), dated by the day the stock first entered the company. A
 * transfer between locations moves the layer and keeps its receipt day.
 */
export interface StockLayer {
  readonly quantity: number;
  /** Cost per unit of this layer: its own receipt cost under `fifo`; the SKU's closing unit cost otherwise. */
  readonly unitCost: Decimal;
  /**
   * Value of the layer. Under `fifo` quantity × unitCost; under `moving-average` and `standard` the
   * closing value is spread over the layers (each rounded half-even to 6 decimals, the last layer takes
   * the remainder), so the layer values always add up exactly to `closingValue`.
   */
  readonly value: Decimal;
  /** The day the stock entered the company (`'YYYY-MM-DD'`). */
  readonly receivedDate: string;
  readonly lot?: string;
  readonly expiresOn?: string;
}

/** A month-end balance (for the `monthly` average-inventory method). */
export interface MonthEnd {
  /** The last day of the month, `'YYYY-MM-DD'`. */
  readonly date: string;
  readonly quantity: number;
  readonly value: Decimal;
}

/** The figures of one calendar month of the period (clipped to the period). */
export interface MonthFigures {
  /** `'YYYY-MM'`. */
  readonly month: string;
  readonly from: string;
  readonly to: string;
  /** Days of this month inside the period. */
  readonly days: number;
  readonly openingQuantity: number;
  readonly openingValue: Decimal;
  readonly closingQuantity: number;
  readonly closingValue: Decimal;
  /** Mean of the end-of-day balances of the month's days inside the period. */
  readonly averageQuantity: number;
  readonly averageValue: Decimal;
  readonly receivedQuantity: number;
  readonly receivedValue: Decimal;
  readonly issuedQuantity: number;
  readonly returnedQuantity: number;
  /**
   * Units transferred in and out in the month, as `SkuHistory.transferredInQuantity` and
   * `transferredOutQuantity` count them: between locations with `byLocation`; per SKU, transfers
   * net out and only an unmatched net transfer counts.
   */
  readonly transferredInQuantity: number;
  readonly transferredOutQuantity: number;
  /** Issues at cost, net of returns. */
  readonly cogs: Decimal;
  readonly revenue: Decimal;
  /**
   * The month's lines whose revenue is unknown, counted as `SkuHistory.issuesWithoutPrice`: the
   * months' counts add up to the period's.
   */
  readonly issuesWithoutPrice: number;
}

/**
 * The replayed history of one SKU (or one SKU at one location) over a period: everything the KPI
 * formulas need, computed in one pass. A plain object: dates as `'YYYY-MM-DD'`, money as `Decimal`,
 * quantities as numbers (exact to the ledger's decimal places).
 *
 * Field names are shared by histories, report rows and docs.
 */
export interface SkuHistory {
  readonly sku: string;
  /** The location, when the replay ran `byLocation`. */
  readonly location?: string;
  readonly period: { readonly from: string; readonly to: string; readonly days: number };
  readonly valuation: Valuation;

  /** On hand at the start of the period (opening balance plus every movement before the period). */
  readonly openingQuantity: number;
  readonly openingValue: Decimal;
  /** On hand at the end of the period. */
  readonly closingQuantity: number;
  readonly closingValue: Decimal;
  /** Time-weighted average: mean of the end-of-day balances of every day of the period. */
  readonly averageQuantity: number;
  readonly averageValue: Decimal;
  /** Smallest and largest end-of-day balance of the period. */
  readonly minQuantity: number;
  readonly maxQuantity: number;

  /** Receipts in the period. */
  readonly receivedQuantity: number;
  readonly receivedValue: Decimal;
  /** Issues in the period (gross, before returns), their number of lines, and their cost. */
  readonly issuedQuantity: number;
  readonly issuedValue: Decimal;
  readonly issueCount: number;
  /** Customer returns in the period, and the cost at which they came back. */
  readonly returnedQuantity: number;
  readonly returnedValue: Decimal;
  /** Cost of goods sold: issues at the valuation's cost, net of returns, plus negative-stock settlements. */
  readonly cogs: Decimal;
  /** Net signed adjustments in the period, and their value. */
  readonly adjustedQuantity: number;
  readonly adjustedValue: Decimal;
  /** Negative adjustments only (count losses, write-offs), as positive figures. */
  readonly shrinkageQuantity: number;
  readonly shrinkageValue: Decimal;
  /** Transfers in and out (byLocation), as positive figures; they net to zero for the company. */
  readonly transferredInQuantity: number;
  readonly transferredOutQuantity: number;
  /** Net value moved in by transfers (in − out); zero for the company when every transfer is matched. */
  readonly transferredValue: Decimal;
  /** Revenue of issues net of returns, where `unitPrice` is given. */
  readonly revenue: Decimal;
  /**
   * Issue lines in the period without a `unitPrice`, plus return lines whose price is unknown (none
   * given and no earlier priced issue): revenue and margin are incomplete when > 0.
   */
  readonly issuesWithoutPrice: number;

  /** Balances at each month end inside the period. */
  readonly monthEnds: readonly MonthEnd[];
  /** Figures per calendar month of the period. */
  readonly months: readonly MonthFigures[];
  /** Net demand sums per day, week and month of the period. */
  readonly demand: DemandHistory;

  /**
   * First day stock entered, in the ledger up to the period end: the earliest receipt, customer
   * return, positive adjustment or transfer in (with `byLocation`; per SKU, transfers net out and
   * only an unmatched net transfer in counts), or the opening balance's day. The demand window of
   * `demandStatistics` (`start: 'first-receipt'`) starts here at the earliest, so that a location
   * supplied only by transfers, or stock first found by a count, has its zero-demand days counted.
   */
  readonly firstReceiptDate: string | null;
  /** First day with demand (an issue or a customer return) in the period. */
  readonly firstDemandDate: string | null;
  /** Last day with demand (an issue or a customer return) in the period. */
  readonly lastDemandDate: string | null;
  /** Last issue, receipt and movement of any kind, up to the period end (movements before the period count). */
  readonly lastIssueDate: string | null;
  readonly lastReceiptDate: string | null;
  readonly lastMovementDate: string | null;

  /** Open FIFO layers at the end of the period, oldest first. Empty when nothing is on hand. */
  readonly layers: readonly StockLayer[];
}
