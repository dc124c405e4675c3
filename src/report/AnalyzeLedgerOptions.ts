import type { Industry, TurnoverRange } from "../benchmark/index.js";
import type { AbcOptions, XyzOptions } from "../classify/index.js";
import type { DemandBucket, DemandStart, PartialBuckets, StdDevVariant } from "../demand/index.js";
import type { DayInput } from "../model/day.js";
import type { OpeningBalance } from "../model/OpeningBalance.js";
import type { Period } from "../model/Period.js";
import type { Valuation } from "../model/SkuHistory.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import type { ReplenishmentOptions } from "../replenish/index.js";
import type { AverageMethod, SellThroughVariant, TurnoverBasis } from "../turnover/index.js";

/** The groupings a report can roll up by; see {@link AnalyzeLedgerOptions.groupBy}. */
export const REPORT_GROUPINGS = ["category", "location", "month"] as const;

/** A grouping of the report: SKU `category` (from `skuInfo`), `location`, or calendar `month`. */
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** The measures ABC can rank by; the first is the default. */
export const ABC_MEASURES = ["cogs", "revenue", "margin", "quantity", "movements"] as const;

/**
 * What ABC ranks the SKUs by, over the period:
 * - `cogs` (default): consumption value, issues at cost net of returns (`SkuHistory.cogs`);
 * - `revenue`: revenue net of returns;
 * - `margin`: revenue − COGS;
 * - `quantity`: units issued − units returned;
 * - `movements`: number of issue lines (pick frequency, `SkuHistory.issueCount`).
 *
 * `revenue` and `margin` need the price of every issue: a SKU with issue lines without a
 * `unitPrice` (`issuesWithoutPrice` > 0) has an unknown measure and is left out of ABC, its ABC
 * columns `null` with reason `'no_price'` (as its `grossMargin`).
 */
export type AbcMeasure = (typeof ABC_MEASURES)[number];

/**
 * ABC options of the report: those of `abcClassify` (`AbcOptions`), plus the measure. Every one
 * may be left out or `undefined` (the same: the default). Declared here rather than extending
 * `AbcOptions`, whose properties do not take `undefined` under `exactOptionalPropertyTypes`.
 */
export interface AbcReportOptions {
  /**
   * What to rank by; default `'cogs'`. Under `'revenue'` and `'margin'`, a SKU with issues without
   * a price is left out of the ranking (its measure is unknown): its ABC columns are `null` with
   * reason `'no_price'`, and the ABC-XYZ matrix lists it in `unmatched`. See {@link AbcMeasure}.
   */
  readonly measure?: AbcMeasure | undefined;
  /**
   * Cumulative-share cutoffs, strictly increasing in (0, 1]; k cutoffs make k + 1 classes.
   * Default `[0.8, 0.95]` (A up to 80 %, B up to 95 %, C the rest).
   */
  readonly cutoffs?: AbcOptions["cutoffs"] | undefined;
  /** One label per class, best first. Default `'A'`, `'B'`, `'C'`, `'D'`, ... (as many as needed). */
  readonly labels?: AbcOptions["labels"] | undefined;
  /** Zero values: `'last-class'` (default) puts them in the last class; `'exclude'` leaves them out. */
  readonly zeroValues?: AbcOptions["zeroValues"] | undefined;
  /**
   * Negative values: `'zero'` (the report's default: one SKU with net returns must not stop the
   * whole report) counts them as 0; `'error'` throws `negative_value`.
   */
  readonly negativeValues?: AbcOptions["negativeValues"] | undefined;
}

/**
 * XYZ options of the report: those of `xyzClassify` (`XyzOptions`), plus the demand bucket. Every
 * one may be left out or `undefined` (the same: the default).
 */
export interface XyzReportOptions {
  /**
   * The bucket whose demand CV classifies the SKU; default `'week'` (ISO weeks). Days make most
   * SKUs Z through weekday patterns and intermittent picking; a year holds only 12 months (a
   * quarter 3), too few for a stable deviation; weeks give 52 points a year and smooth the weekday.
   */
  readonly bucket?: DemandBucket | undefined;
  /**
   * Upper bounds of the coefficient of variation per class, inclusive, strictly increasing, ≥ 0;
   * k cutoffs make k + 1 classes. Default `[0.5, 1.0]`: X for CV ≤ 0.5, Y for CV ≤ 1, Z above.
   */
  readonly cutoffs?: XyzOptions["cutoffs"] | undefined;
  /** One label per class, most predictable first. Default `'X'`, `'Y'`, `'Z'`. */
  readonly labels?: XyzOptions["labels"] | undefined;
}

/** How demand statistics count, shared by XYZ, replenishment, days of supply and excess stock. */
export interface DemandReportOptions {
  /** Start of the counting window: `'first-receipt'` (default) or `'period'`. */
  readonly start?: DemandStart | undefined;
  /**
   * Weeks or months the counting window cuts (the period's first and last week, a SKU's first
   * month): `'exclude'` (default: only whole buckets count) or `'include'` (counted as whole
   * buckets). See `demandStatistics`.
   */
  readonly partialBuckets?: PartialBuckets | undefined;
  /** Standard deviation: `'sample'` (n − 1, default) or `'population'` (n). */
  readonly stdDev?: StdDevVariant | undefined;
}

/**
 * Replenishment defaults of the report: the options of `replenishmentFigures` except the demand
 * window and deviation (see {@link DemandReportOptions}) and `daysPerYear` (the report's own).
 * A SKU's own `skuInfo` values take precedence over these. `AnalyzeLedgerOptions.replenishment`
 * takes these with `undefined` allowed for each (the same as left out); this type itself stays
 * exact, as invkpi also builds it to pass on to `replenishmentFigures`.
 */
export type ReplenishmentReportOptions = Omit<
  ReplenishmentOptions,
  "start" | "partialBuckets" | "stdDev" | "daysPerYear"
>;

/**
 * The benchmark the portfolio turnover is diagnosed against: an identifier of
 * `INDUSTRY_TURNOVER_RANGES` (`'manufacturing'`, `'wholesale'`, `'retail'`, ...) or a normal annual
 * range of your own `{ min, max? }`. The report has no table of its own, so any other text is a
 * type error (and, from untyped callers, an `unknown_industry` error naming the known ones).
 */
export type ReportIndustry = Industry | TurnoverRange;

/**
 * Options of `analyzeLedger` and `analyzeLedgerStream`. Only `period` is required; an option left
 * out or `undefined` (the same, at every level) takes its default.
 */
export interface AnalyzeLedgerOptions {
  /** The reporting period, both days included. Required. */
  readonly period: Period;
  /**
   * The day slow/dead status, aging and expiry are judged on; default the period end. Must not be
   * before the period end: the rows describe the stock at the end of the period.
   */
  readonly asOf?: DayInput | undefined;
  /** Valuation: `'moving-average'` (default), `'fifo'` or `'standard'` (needs `standardCost`). */
  readonly valuation?: Valuation | undefined;
  /** Average inventory: `'daily'` (default, time-weighted), `'endpoints'` or `'monthly'`. */
  readonly averageMethod?: AverageMethod | undefined;
  /** Turnover basis: `'cost'` (default), `'units'` or `'retail'` (needs prices). */
  readonly turnoverBasis?: TurnoverBasis | undefined;
  /** Sell-through variant; default `'opening-plus-received'`. */
  readonly sellThroughVariant?: SellThroughVariant | undefined;
  /** Days per year, for annualized turnover and the EOQ's annual demand; default 365. */
  readonly daysPerYear?: number | undefined;
  /**
   * ABC: measure (default `'cogs'`; under `'revenue'` or `'margin'` a SKU with issues without a
   * price is left out, its ABC columns `null` with reason `'no_price'`), cutoffs (`[0.8, 0.95]`),
   * labels (A, B, C), zeroValues (`'last-class'`), negativeValues (default `'zero'` here, not
   * `'error'`: one SKU with net returns must not stop the whole report; under `'error'` the report
   * throws `negative_value` naming the row, its value and `abc.negativeValues`).
   */
  readonly abc?: AbcReportOptions | undefined;
  /** XYZ: bucket (default `'week'`), cutoffs (`[0.5, 1]`), labels (X, Y, Z). */
  readonly xyz?: XyzReportOptions | undefined;
  /** Demand window (`'first-receipt'`) and deviation (`'sample'`). */
  readonly demand?: DemandReportOptions | undefined;
  /**
   * Replenishment defaults for SKUs whose `skuInfo` lacks them: serviceLevel 0.95; leadTimeDays,
   * leadTimeStdDevDays, reviewPeriodDays, orderCost, holdingRate: none; method `'auto'`; bucket
   * `'day'`. Without a lead time the safety stock, reorder point, order-up-to level and suggested
   * order are `null` with the reason `'no_lead_time'`. Those of {@link ReplenishmentReportOptions},
   * each of which may also be `undefined` (the same as left out).
   */
  readonly replenishment?:
    | {
        readonly [K in keyof ReplenishmentReportOptions]?:
          | ReplenishmentReportOptions[K]
          | undefined;
      }
    | undefined;
  /** Days without an issue from which stock is slow; default 90. */
  readonly slowDays?: number | undefined;
  /** Days without an issue from which stock is dead; default 180 (≥ slowDays). */
  readonly deadDays?: number | undefined;
  /** What slow and dead measure from: the last `'issue'` (default) or `'any'` movement. */
  readonly movementBasis?: "issue" | "any" | undefined;
  /** Days of demand the stock should cover; stock beyond is excess. Default 180. */
  readonly excessCoverDays?: number | undefined;
  /** Upper bounds of the aging buckets, in days; default `[30, 60, 90, 180, 365]`. */
  readonly agingBuckets?: readonly number[] | undefined;
  /** A lot expiring within this many days of `asOf` is "expiring"; default 30. */
  readonly nearExpiryDays?: number | undefined;
  /** SKU master data: description, category, standard cost, price, lead times, order data. */
  readonly skuInfo?: readonly SkuInfo[] | undefined;
  /** Groupings to roll up, any of `'category'`, `'location'`, `'month'`; default none. */
  readonly groupBy?: readonly ReportGrouping[] | undefined;
  /** The turnover benchmark of the diagnosis; default none (the status is then `null`). */
  readonly industry?: ReportIndustry | undefined;
  /** Stock on hand before the first movement, per SKU (and location). Default none. */
  readonly openingBalances?: readonly OpeningBalance[] | undefined;
  /** Outflows below zero: `'warn'` (default: reported in `warnings`) or `'error'` (throw). */
  readonly negativeStock?: "warn" | "error" | undefined;
  /**
   * One row per SKU and location instead of per SKU. Default: `true` when `groupBy` includes
   * `'location'`, else `false`.
   */
  readonly byLocation?: boolean | undefined;
  /**
   * Threads for the per-SKU phase (replay and per-SKU calculators); default 1. With more, the
   * ledger is split by SKU and the shards run on worker threads (Node ≥ 20.16, where
   * `process.getBuiltinModule` finds `node:worker_threads`; elsewhere everything runs on the
   * calling thread). The call stays synchronous and the report is the same as with one thread; it
   * is not repeated in `report.options`, since it changes how, not what. See `docs/scaling.md`.
   */
  readonly threads?: number | undefined;
}
