import type { MovementStatusValue } from "../aging/index.js";
import type { Decimal } from "../model/Decimal.js";
import type { ReportNullReason } from "./ReportNullReason.js";

/**
 * One row of an inventory report: one SKU (or one SKU at one location), flat and BI-friendly.
 * Values are primitives, `Decimal` (money, exact) or `null`; the only nested object is `reasons`,
 * which gives the reason code of every `null` field (and has no entry for the others).
 *
 * Quantities are in the SKU's unit, money in the ledger's currency at the report's valuation,
 * days in calendar days, ratios per the report's period unless named `annualized`. See
 * `docs/report.md` for every column's source and definition.
 *
 * The aging columns depend on the report's `agingBuckets`: `age0to30Quantity`, `age0to30Value`,
 * `age31to60Quantity`, ..., `ageOver365Quantity`, `ageOver365Value` by default (see `agingColumns`).
 */
export interface InventoryReportRow extends InventoryReportRowFields {
  /** For every `null` field, its reason code; no entry for fields with a value. */
  readonly reasons: RowReasons;
}

/** The columns of an {@link InventoryReportRow}: every field but `reasons`. */
export interface InventoryReportRowFields {
  readonly sku: string;
  /** From `skuInfo`. */
  readonly description: string | null;
  /** From `skuInfo`. */
  readonly category: string | null;
  /** The location, with `byLocation`; else `null` (`not_by_location`). */
  readonly location: string | null;

  readonly openingQuantity: number;
  readonly closingQuantity: number;
  /** Average units on hand, by the report's `averageMethod`. */
  readonly averageQuantity: number;
  readonly openingValue: Decimal;
  /** Value on hand at the end of the period: the capital tied up. */
  readonly closingValue: Decimal;
  /** Average inventory at cost, by the report's `averageMethod`. */
  readonly averageValue: Decimal;
  readonly receivedQuantity: number;
  /**
   * Units transferred in from, and out to, other locations in the period (with `byLocation`; per
   * SKU only an unmatched transfer shows). Sell-through counts the net in with the units received.
   */
  readonly transferredInQuantity: number;
  readonly transferredOutQuantity: number;
  /** Units issued (gross) and returned by customers in the period. */
  readonly issuedQuantity: number;
  readonly returnedQuantity: number;
  /** Cost of goods sold, net of returns. */
  readonly cogs: Decimal;
  /** Revenue of issues net of returns (issues without a `unitPrice` add nothing). */
  readonly revenue: Decimal;
  /** revenue − COGS; `null` when some issue had no price. */
  readonly grossMargin: Decimal | null;
  /** Issue lines without a `unitPrice`. */
  readonly issuesWithoutPrice: number;
  /** Value of negative adjustments (count losses, write-offs). */
  readonly shrinkageValue: Decimal;

  /** Turnover on the report's basis over the period (not annualized). */
  readonly turnover: number | null;
  /** turnover × daysPerYear / period days. */
  readonly annualizedTurnover: number | null;
  /** period days / turnover. */
  readonly daysOfInventory: number | null;
  /** closingQuantity × window days / net demand over the report's demand window, exactly. */
  readonly daysOfSupply: number | null;
  /** grossMargin / averageValue. */
  readonly gmroi: number | null;
  readonly sellThrough: number | null;
  /** shrinkageValue / averageValue. */
  readonly shrinkageRate: number | null;

  /** ABC class of the report's measure. */
  readonly abcClass: string | null;
  /** The ABC measure's value (money, units or a count; negatives counted as 0 by default). */
  readonly abcValue: Decimal | null;
  /** 1-based rank by the ABC measure. */
  readonly abcRank: number | null;
  /** Cumulative share of the ABC measure up to and including this row. */
  readonly abcCumulativeShare: number | null;
  /** XYZ class of the demand CV per `xyz.bucket`; `'none'` without positive demand. */
  readonly xyzClass: string | null;
  /** Coefficient of variation of demand per `xyz.bucket`. */
  readonly xyzCv: number | null;

  /** Mean net demand per `replenishment.bucket` (per day by default), zero buckets counted. */
  readonly demandMean: number | null;
  /** Standard deviation of net demand per `replenishment.bucket`. */
  readonly demandStdDev: number | null;
  /** Lead time used, in days: the SKU's, else the option's. */
  readonly leadTimeDays: number | null;
  /** Cycle service level used: the SKU's, else the option's. */
  readonly serviceLevel: number;
  readonly safetyStock: number | null;
  readonly reorderPoint: number | null;
  readonly orderUpToLevel: number | null;
  /** Economic order quantity. */
  readonly eoq: number | null;
  /** closingQuantity + onOrder − backordered − reserved. */
  readonly inventoryPosition: number;
  /** Units to order now; 0 above the reorder point. */
  readonly suggestedOrder: number | null;
  /** inventoryPosition ≤ reorderPoint. */
  readonly reorderNow: boolean | null;

  readonly lastIssueDate: string | null;
  readonly lastReceiptDate: string | null;
  /** Days from the last issue to `asOf`. */
  readonly daysSinceLastIssue: number | null;
  readonly movementStatus: MovementStatusValue;
  /** Units above `excessCoverDays` of demand. */
  readonly excessQuantity: number;
  /** The excess at the closing unit cost. */
  readonly excessValue: Decimal;
  /** Lots on hand past their expiry day at `asOf`. */
  readonly expiredQuantity: number;
  readonly expiredValue: Decimal;
  /** Lots expiring within `nearExpiryDays` of `asOf`. */
  readonly expiringQuantity: number;
  readonly expiringValue: Decimal;
  /** Quantity-weighted mean age of the stock on hand, in days. */
  readonly averageAge: number | null;
  /** Age of the oldest layer on hand, in days. */
  readonly oldestAge: number | null;

  /** Units on hand per aging bucket: `age0to30Quantity`, ..., `ageOver365Quantity`. */
  readonly [agingQuantity: `age${string}Quantity`]: number;
  /** Value on hand per aging bucket: `age0to30Value`, ..., `ageOver365Value`. */
  readonly [agingValue: `age${string}Value`]: Decimal;
}

/** The fields of a report row that can be `null`. */
export type NullableRowField = {
  [K in keyof InventoryReportRowFields]-?: K extends string
    ? null extends InventoryReportRowFields[K]
      ? K
      : never
    : never;
}[keyof InventoryReportRowFields];

/** For each `null` field of a row, its reason. */
export type RowReasons = Readonly<Partial<Record<NullableRowField, ReportNullReason>>>;
