import type { Valuation } from "../model/SkuHistory.js";
import type { Layer, RawMonth } from "./SkuState.js";
import type { Scaled } from "./scaled.js";

/** Demand sums of one bucket size, in scaled quantity units (Σx² in units²). */
export interface RawDemandSums {
  /** The last bucket with demand (for days: the last demand day); NaN without demand. */
  readonly key: number;
  readonly sum: number;
  readonly sumOfSquares: number;
  readonly max: number;
  readonly nonZero: number;
  /** Net demand of the first bucket with demand (0 without demand). */
  readonly first: number;
  /** Net demand of the last bucket with demand (0 without demand; the first when only one). */
  readonly last: number;
  /** Σx and Σx² (x in units) of the buckets with demand between the first and the last. */
  readonly middleSum: number;
  readonly middleSumOfSquares: number;
}

/**
 * The finished figures of one SKU (or SKU and location) in the engine's scaled units: what both
 * replay engines hand to `toSkuHistory`. Days are day numbers (±Infinity when never set).
 */
export interface RawHistory {
  readonly sku: number;
  /** Location index, or −1 when the replay is per SKU. */
  readonly location: number;
  readonly valuation: Valuation;
  readonly qty: number;
  readonly value: Scaled;
  readonly openingQty: number;
  readonly openingValue: Scaled;
  /** Σ end-of-day quantity over the period's days. */
  readonly twQty: number;
  /** Σ end-of-day value over the period's days. */
  readonly twValue: Scaled;
  readonly minQty: number;
  readonly maxQty: number;
  readonly receivedQty: number;
  readonly receivedValue: Scaled;
  readonly issuedQty: number;
  readonly issuedValue: Scaled;
  readonly issueCount: number;
  readonly returnedQty: number;
  readonly returnedValue: Scaled;
  readonly cogs: Scaled;
  readonly adjustedQty: number;
  readonly adjustedValue: Scaled;
  readonly shrinkageQty: number;
  readonly shrinkageValue: Scaled;
  readonly transferInQty: number;
  readonly transferOutQty: number;
  readonly transferValue: Scaled;
  readonly revenue: Scaled;
  readonly issuesWithoutPrice: number;
  readonly monthEnds: readonly {
    readonly day: number;
    readonly qty: number;
    readonly value: Scaled;
  }[];
  readonly months: readonly RawMonth[];
  readonly demandDay: RawDemandSums;
  readonly demandWeek: RawDemandSums;
  readonly demandMonth: RawDemandSums;
  readonly firstReceipt: number;
  readonly firstDemand: number;
  readonly lastIssue: number;
  readonly lastReceipt: number;
  readonly lastMovement: number;
  /** The open layers, oldest first. */
  readonly layers: readonly Layer[];
}
