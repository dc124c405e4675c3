import {
  DEMAND_BUCKETS,
  type DemandBucket,
  type DemandStart,
  type DemandStatistics,
  demandStatisticsWithoutNameCheck,
  type PartialBuckets,
} from "../demand/demandStatistics.js";
import type { StdDevVariant } from "../demand/moments.js";
import {
  requireNonNegative,
  requireOpenUnitInterval,
  requirePositive,
  requireVariant,
} from "../model/assert.js";
import type { Decimal } from "../model/Decimal.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { MoneyInput } from "../model/money.js";
import { toDecimal } from "../model/money.js";
import {
  optionNames,
  requireNoMisspeltFields,
  requireOptionNames,
} from "../model/requireKnownOptions.js";
import type { SkuHistory } from "../model/SkuHistory.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { SKU_INFO_FIELD_NAMES } from "../model/skuInfoFields.js";
import { economicOrderQuantityWithoutNameCheck } from "./economicOrderQuantity.js";
import { inventoryPositionWithoutNameCheck } from "./inventoryPosition.js";
import { orderUpToLevelWithoutNameCheck } from "./orderUpToLevel.js";
import type {
  NullableReplenishmentField,
  ReplenishmentNullReason,
  ReplenishmentReasons,
} from "./ReplenishmentNullReason.js";
import { reorderPointWithoutNameCheck } from "./reorderPoint.js";
import { type SafetyStockMethod, safetyStockWithoutNameCheck } from "./safetyStock.js";
import { suggestedOrderWithoutNameCheck } from "./suggestedOrder.js";

/**
 * The per-SKU parameters `replenishmentFigures` reads. A `SkuInfo` row fits as it is; `null` and a
 * missing field both mean "not known" (the options' default applies, if any). Times in days,
 * quantities in the SKU's unit, money in one currency.
 */
export interface ReplenishmentInfo
  extends Pick<
    SkuInfo,
    | "leadTimeDays"
    | "leadTimeStdDevDays"
    | "reviewPeriodDays"
    | "serviceLevel"
    | "minOrderQuantity"
    | "packSize"
    | "onOrder"
    | "backordered"
    | "reserved"
    | "orderCost"
    | "holdingRate"
    | "standardCost"
  > {
  /**
   * Cost of one unit for the EOQ; default `standardCost`, then the history's closing unit cost, then
   * (nothing on hand) its receipts' average cost, then its COGS per unit sold.
   */
  readonly unitCost?: MoneyInput | null;
}

/** Every safety-stock method of {@link replenishmentFigures}, `'auto'` first: `safetyStock`'s, but `'maxMin'`. */
export const SKU_SAFETY_STOCK_METHODS = [
  "auto",
  "basic",
  "leadTimeVariability",
  "leadTimeOnly",
  "periodic",
  "daysOfCover",
  "fillRate",
] as const satisfies readonly ("auto" | SafetyStockMethod)[];

/**
 * The safety-stock method of {@link replenishmentFigures}: `'auto'` (default) is `'basic'` when the
 * lead-time deviation is unknown or 0 and `'leadTimeVariability'` when it is > 0. `'maxMin'` needs a
 * longest lead time that SKU master data does not carry; use `safetyStock` directly for it.
 */
export type SkuSafetyStockMethod = (typeof SKU_SAFETY_STOCK_METHODS)[number];

/** Options of {@link replenishmentFigures}: defaults for SKU parameters, and the variants. */
export interface ReplenishmentOptions {
  /** Cycle service level for SKUs without one; default 0.95. */
  readonly serviceLevel?: number;
  /** Lead time for SKUs without one, in days; default none (figures that need it are null). */
  readonly leadTimeDays?: number;
  /** Lead-time deviation for SKUs without one, in days; default none (treated as 0: a fixed lead time). */
  readonly leadTimeStdDevDays?: number;
  /** Review period for SKUs without one, in days; default none (no order-up-to level). */
  readonly reviewPeriodDays?: number;
  /** Cost per order for SKUs without one; default none (no EOQ). */
  readonly orderCost?: MoneyInput;
  /** Yearly holding rate for SKUs without one; default none (no EOQ). */
  readonly holdingRate?: number;
  /** Safety-stock method; default `'auto'`. */
  readonly method?: SkuSafetyStockMethod;
  /** Days of cover for method `'daysOfCover'` (required there). */
  readonly coverDays?: number;
  /** Target fill rate β in (0, 1) for method `'fillRate'` (required there); the order quantity is the EOQ. */
  readonly fillRate?: number;
  /** Demand bucket: `'day'` (default), `'week'` or `'month'`; times are converted to buckets. */
  readonly bucket?: DemandBucket;
  /** Start of the demand counting window: `'first-receipt'` (default) or `'period'`. */
  readonly start?: DemandStart;
  /** Weeks or months the demand window cuts: `'exclude'` (default) or `'include'` (see `demandStatistics`). */
  readonly partialBuckets?: PartialBuckets;
  /** Standard deviation variant: `'sample'` (default) or `'population'`. */
  readonly stdDev?: StdDevVariant;
  /**
   * Days per year for the EOQ's annual demand of a daily or weekly mean (a monthly mean is × 12);
   * default 365.
   */
  readonly daysPerYear?: number;
}

/** The replenishment figures of one SKU. */
export interface ReplenishmentFigures {
  /** The safety-stock method used (`'auto'` resolved). */
  readonly method: Exclude<SkuSafetyStockMethod, "auto">;
  /** Mean net demand per bucket (per day by default), zero buckets included, in units. */
  readonly demandMean: number | null;
  /** Standard deviation of demand per bucket, in units. */
  readonly demandStdDev: number | null;
  /** Units. */
  readonly safetyStock: number | null;
  /** Units: demandMean · lead time + safetyStock. */
  readonly reorderPoint: number | null;
  /** Units: demandMean · (review period + lead time) + safetyStock. */
  readonly orderUpToLevel: number | null;
  /** Economic order quantity, units. */
  readonly eoq: number | null;
  /** Units: closing on hand + on order − backordered − reserved. Always known. */
  readonly inventoryPosition: number;
  /** Units to order now (0 above the reorder point). */
  readonly suggestedOrder: number | null;
  /**
   * Closing on hand / mean daily demand, in days (negative when on hand is negative). The mean is
   * that of the replenishment's demand window and bucket (`demandMean` / bucket days): from the
   * first receipt by default (`start`), whole buckets only unless `partialBuckets: 'include'`; so
   * it differs from `turnoverFigures`' `daysOfSupplyAtEnd`, which spreads the period's net demand
   * over all its days, and (weekly or monthly buckets) from the daily figure.
   */
  readonly daysOfSupply: number | null;
  /** For each `null` figure, why. */
  readonly reasons: ReplenishmentReasons;
}

type Figure =
  | { readonly value: number; readonly reason: null }
  | { readonly value: null; readonly reason: ReplenishmentNullReason };

const known = (value: number): Figure => ({ value, reason: null });
const missing = (reason: ReplenishmentNullReason): Figure => ({ value: null, reason });

const FN = "replenishmentFigures";

/** The option names of {@link replenishmentFigures}. */
const OPTIONS = optionNames<ReplenishmentOptions>()([
  "serviceLevel",
  "leadTimeDays",
  "leadTimeStdDevDays",
  "reviewPeriodDays",
  "orderCost",
  "holdingRate",
  "method",
  "coverDays",
  "fillRate",
  "bucket",
  "start",
  "partialBuckets",
  "stdDev",
  "daysPerYear",
]);

/**
 * The fields of a {@link ReplenishmentInfo} and of the `SkuInfo` row it may be: a key of an info
 * that is none of these but a near miss of one is a typo (`requireNoMisspeltFields`).
 */
export const REPLENISHMENT_INFO_FIELDS: readonly string[] = [...SKU_INFO_FIELD_NAMES, "unitCost"];

/** Length of a bucket in days; a month is the mean Gregorian month, 365.2425 / 12 days. */
const BUCKET_DAYS: Readonly<Record<DemandBucket, number>> = {
  day: 1,
  week: 7,
  month: 365.2425 / 12,
};

/** Months in a year: the EOQ's annual demand of a monthly mean. */
const MONTHS_PER_YEAR = 12;

/** Validated parameters, times already in buckets. */
interface Settings {
  readonly method: Exclude<SkuSafetyStockMethod, "auto">;
  /** The demand bucket, by name: what a figure that treats a bucket apart (the EOQ's month) asks. */
  readonly bucket: DemandBucket;
  /** Its length in days ({@link BUCKET_DAYS}). */
  readonly bucketDays: number;
  readonly serviceLevel: number;
  readonly leadTime: number | null;
  readonly leadTimeStdDev: number;
  readonly reviewPeriod: number | null;
  readonly cover: number | null;
  readonly fillRate: number | null;
  readonly minOrderQuantity: number;
  readonly packSize: number | null;
  readonly daysPerYear: number;
}

/**
 * Safety stock, reorder point, order-up-to level, EOQ, inventory position, suggested order and days
 * of supply of one SKU, from its replayed history and its master data.
 *
 * Steps: demand statistics per bucket from the history ({@link demandStatistics}, zero buckets
 * counted, from the first receipt by default); lead time, its deviation, review period and cover
 * converted from days to buckets (÷ 1, 7 or 365.2425/12); the safety stock by `method` with the
 * SKU's service level (default 0.95); then
 * reorder point = d̄ · L + SS, order-up-to level = d̄ · (R + L) + SS,
 * EOQ = √(2 · D · S / (unitCost · holdingRate)) with D = d̄ · daysPerYear / bucket days (d̄ · 12
 * for monthly buckets),
 * inventory position = closing on hand + onOrder − backordered − reserved,
 * suggested order as `suggestedOrder` (up to the order-up-to level when there is one, else the EOQ;
 * at least the MOQ, whole packs), days of supply = closing on hand / mean daily demand.
 *
 * Method `'auto'` (default) picks `'basic'` (z·σd·√L) when the lead-time deviation is unknown or 0
 * and `'leadTimeVariability'` (z·√(L·σd² + d̄²·σL²)) when it is > 0. Both protect the lead time
 * only, as continuous review needs; for periodic review choose `'periodic'` (z·σd·√(R + L)), whose
 * safety stock then enters both the reorder point and the order-up-to level. An unknown lead-time
 * deviation counts as 0. `'fillRate'` uses the EOQ as the order quantity.
 *
 * A figure that cannot be computed is `null` with a reason in `reasons`, never a 0 that reads as
 * advice: no positive demand in the window → `'no_demand_history'`; one bucket only (no sample
 * deviation), or demand only in the weeks or months the window cuts, so that no whole bucket
 * measures it (mean and deviation unknown, and every figure built on them) → `'too_few_periods'`;
 * no lead time → `'no_lead_time'`; no review period → `'no_review_period'`
 * (order-up-to level, periodic safety stock); no order cost, holding rate or unit cost →
 * `'no_cost_data'`; reorder point reached but neither an order-up-to level nor an EOQ →
 * `'no_order_quantity'`. Above the reorder point the suggested order is a real 0.
 *
 * @param history - the SKU's replayed history.
 * @param info - the SKU's parameters (a `SkuInfo` row fits); default `{}`.
 * @param options - defaults for missing parameters (`serviceLevel` 0.95; `leadTimeDays`,
 *   `leadTimeStdDevDays`, `reviewPeriodDays`, `orderCost`, `holdingRate`: none), `method`
 *   (`'auto'`), `coverDays` and `fillRate` (required by their methods), `bucket` (`'day'`), `start`
 *   (`'first-receipt'`), `partialBuckets` (`'exclude'`), `stdDev` (`'sample'`), `daysPerYear`
 *   (365).
 * @returns the figures, in units, days and units per bucket, with reasons for the null ones.
 * @throws InvKpiError `out_of_range` / `invalid_argument` for a parameter outside its domain (a
 *   negative lead time, a service level of 1.2), `invalid_money` for a bad or negative amount (path
 *   `['unitCost']`, `['standardCost']` or `['orderCost']`, whichever was read), `invalid_option` for
 *   an unknown variant, a method whose required option is missing, an unknown option name (path
 *   `[name]`), or a field of `info` that is a near miss of a `SkuInfo` field (`leadTime` for
 *   `leadTimeDays`, `servicelevel`: path `['info', name]`; other extra fields of `info` are
 *   ignored), `invalid_argument` for options that are not an object; as `demandStatistics` (bad
 *   demand sums, path `['history', 'demand', bucket, field]`) and the calculators it calls.
 * @example
 * ```ts
 * import { Decimal, replenishmentFigures, type SkuHistory } from "invkpi";
 * // June 2024: net demand 10 on Saturday 1 June, 20 on the 12th and 30 on the 26th, none on the
 * // other 27 days; 40 on hand at 10 each. Each day with demand is in an ISO week of its own.
 * const day = {
 *   sum: 60, sumOfSquares: 1400, max: 30, nonZeroBuckets: 3,
 *   firstBucketDemand: 10, lastBucketDemand: 30, middleSum: 20, middleSumOfSquares: 400,
 * };
 * const month = {
 *   sum: 60, sumOfSquares: 3600, max: 60, nonZeroBuckets: 1,
 *   firstBucketDemand: 60, lastBucketDemand: 60, middleSum: 0, middleSumOfSquares: 0,
 * };
 * const history = {
 *   period: { from: "2024-06-01", to: "2024-06-30", days: 30 },
 *   demand: { day, week: day, month },
 *   firstReceiptDate: "2024-05-20",
 *   firstDemandDate: "2024-06-01",
 *   lastDemandDate: "2024-06-26",
 *   closingQuantity: 40,
 *   closingValue: new Decimal(400),
 * } as SkuHistory; // the fields read here; normally the whole history, from the ledger replay
 * const figures = replenishmentFigures(history, { leadTimeDays: 7, onOrder: 20 });
 * figures.demandMean; // 2 (60 units over 30 days: the 27 days without demand count)
 * figures.safetyStock; // 28.912274775839006 (1.6448536 · 6.6436384 · √7)
 * figures.reorderPoint; // 42.91227477583901 (2 · 7 + 28.91)
 * figures.suggestedOrder; // 0 (position 40 + 20 = 60 is above the reorder point)
 * figures.reasons; // { orderUpToLevel: "no_review_period", eoq: "no_cost_data" }
 * // Per week: the period cuts the week of 1–2 June, which partialBuckets "exclude" (the default)
 * // leaves out with its 10 units; the whole weeks from 3 June had 0, 20, 0 and 30.
 * const weekly = replenishmentFigures(history, { leadTimeDays: 7 }, { bucket: "week" });
 * [weekly.demandMean, weekly.demandStdDev]; // [12.5, 15]
 * ```
 */
export function replenishmentFigures(
  history: SkuHistory,
  info: ReplenishmentInfo = {},
  options: ReplenishmentOptions = {},
): ReplenishmentFigures {
  requireOptionNames(options, OPTIONS, FN);
  requireNoMisspeltFields(info, REPLENISHMENT_INFO_FIELDS, FN, ["info"]);
  return replenishmentFiguresWithoutNameCheck(history, info, options);
}

/**
 * {@link replenishmentFigures} without the check of its option names and of near misses in `info`:
 * for the report, which calls it once per SKU with options of its own making and master data it
 * checked once (`skuInfoBySku`).
 * @internal
 */
export function replenishmentFiguresWithoutNameCheck(
  history: SkuHistory,
  info: ReplenishmentInfo,
  options: ReplenishmentOptions,
): ReplenishmentFigures {
  const settings = resolveSettings(info, options);
  const statistics = demandStatisticsWithoutNameCheck(history, {
    bucket: options.bucket ?? "day",
    start: options.start ?? "first-receipt",
    partialBuckets: options.partialBuckets ?? "exclude",
    stdDev: options.stdDev ?? "sample",
  });
  const demandMean = meanFigure(statistics);
  const demandStdDev = stdDevFigure(statistics);
  const eoq = eoqFigure(history, info, options, settings, demandMean);
  const { safety, reorder, upTo, supply } = demandFigures(
    settings,
    { demandMean, demandStdDev, eoq },
    history.closingQuantity,
  );
  const position = inventoryPositionWithoutNameCheck({
    onHand: history.closingQuantity,
    onOrder: nonNegativeOrZero(info.onOrder, "onOrder"),
    backordered: nonNegativeOrZero(info.backordered, "backordered"),
    reserved: nonNegativeOrZero(info.reserved, "reserved"),
  });
  const order = suggestedOrderFigure(settings, position, reorder, upTo, eoq);

  const figures = {
    demandMean,
    demandStdDev,
    safetyStock: safety,
    reorderPoint: reorder,
    orderUpToLevel: upTo,
    eoq,
    suggestedOrder: order,
    daysOfSupply: supply,
  } satisfies Record<NullableReplenishmentField, Figure>;
  const reasons: Partial<Record<NullableReplenishmentField, ReplenishmentNullReason>> = {};
  // A plain loop over the fields (in their order): Object.entries builds an array per field per SKU.
  for (const field in figures) {
    const reason = figures[field as NullableReplenishmentField].reason;
    if (reason !== null) reasons[field as NullableReplenishmentField] = reason;
  }
  return {
    method: settings.method,
    demandMean: demandMean.value,
    demandStdDev: demandStdDev.value,
    safetyStock: safety.value,
    reorderPoint: reorder.value,
    orderUpToLevel: upTo.value,
    eoq: eoq.value,
    inventoryPosition: position,
    suggestedOrder: order.value,
    daysOfSupply: supply.value,
    reasons,
  };
}

/** The figures a SKU's replenishment starts from: its demand mean and deviation, and its EOQ. */
interface DemandInputs {
  readonly demandMean: Figure;
  readonly demandStdDev: Figure;
  readonly eoq: Figure;
}

/**
 * What follows from the demand figures and the closing stock: safety stock (by the method),
 * reorder point d̄ · L + SS, order-up-to level d̄ · (R + L) + SS, days of supply on hand ÷ d̄.
 */
function demandFigures(settings: Settings, inputs: DemandInputs, closingQuantity: number) {
  const { demandMean, demandStdDev, eoq } = inputs;
  const safety = safetyStockFigure(settings, demandMean, demandStdDev, eoq);
  return {
    safety,
    reorder: reorderPointFigure(settings, demandMean, safety),
    upTo: orderUpToFigure(settings, demandMean, safety),
    supply: daysOfSupplyFigure(closingQuantity, demandMean, settings.bucketDays),
  };
}

/**
 * The figures of {@link replenishmentFigures} that follow from a SKU's demand mean, deviation and
 * EOQ (as `replenishmentFigures` gave them, `null`s with their reasons) and its closing stock,
 * with the same master data and options: the method, safety stock, reorder point, order-up-to
 * level and days of supply. For a caller that has those figures but not the history: combining
 * partial records checks that each record's figures are its options' (`analysisMismatch`).
 *
 * @throws InvKpiError as `replenishmentFigures` for invalid master data or options.
 * @example
 * ```ts
 * // z(0.95) · 5 · √4 = 16.45; 10 · 4 + 16.45; no review period; 100 / 10 days:
 * replenishmentFromDemand(
 *   { leadTimeDays: 4 },
 *   { serviceLevel: 0.95 },
 *   { demandMean: 10, demandStdDev: 5, eoq: null, reasons: { eoq: "no_cost_data" } },
 *   100,
 * );
 * // { method: "basic", safetyStock: 16.448536269514715, reorderPoint: 56.44853626951472,
 * //   orderUpToLevel: null, daysOfSupply: 10 }
 * ```
 */
export function replenishmentFromDemand(
  info: ReplenishmentInfo,
  options: ReplenishmentOptions,
  demand: Pick<ReplenishmentFigures, "demandMean" | "demandStdDev" | "eoq" | "reasons">,
  closingQuantity: number,
): Pick<
  ReplenishmentFigures,
  "method" | "safetyStock" | "reorderPoint" | "orderUpToLevel" | "daysOfSupply"
> {
  const settings = resolveSettings(info, options);
  const figure = (field: "demandMean" | "demandStdDev" | "eoq"): Figure => {
    const value = demand[field];
    return value === null ? missing(demand.reasons[field] ?? "no_demand_history") : known(value);
  };
  const inputs = {
    demandMean: figure("demandMean"),
    demandStdDev: figure("demandStdDev"),
    eoq: figure("eoq"),
  };
  const { safety, reorder, upTo, supply } = demandFigures(settings, inputs, closingQuantity);
  return {
    method: settings.method,
    safetyStock: safety.value,
    reorderPoint: reorder.value,
    orderUpToLevel: upTo.value,
    daysOfSupply: supply.value,
  };
}

/** SKU value, else option default, validated; times converted to buckets. */
function resolveSettings(info: ReplenishmentInfo, options: ReplenishmentOptions): Settings {
  const bucket = requireVariant(options.bucket ?? "day", DEMAND_BUCKETS, FN, "bucket");
  const bucketDays = BUCKET_DAYS[bucket];
  const toBuckets = (days: number | null) => (days === null ? null : days / bucketDays);
  const leadTimeStdDevDays = optionalNonNegative(
    info.leadTimeStdDevDays ?? options.leadTimeStdDevDays,
    "leadTimeStdDevDays",
  );
  const method = resolveMethod(options, leadTimeStdDevDays ?? 0);
  const serviceLevel = requireOpenUnitInterval(
    info.serviceLevel ?? options.serviceLevel ?? 0.95,
    FN,
    "serviceLevel",
  );
  return {
    method,
    bucket,
    bucketDays,
    serviceLevel,
    leadTime: toBuckets(
      optionalNonNegative(info.leadTimeDays ?? options.leadTimeDays, "leadTimeDays"),
    ),
    leadTimeStdDev: (leadTimeStdDevDays ?? 0) / bucketDays,
    reviewPeriod: toBuckets(
      optionalNonNegative(info.reviewPeriodDays ?? options.reviewPeriodDays, "reviewPeriodDays"),
    ),
    cover: toBuckets(requiredBy(method, "daysOfCover", options.coverDays, "coverDays")),
    fillRate: requiredBy(method, "fillRate", options.fillRate, "fillRate"),
    minOrderQuantity: nonNegativeOrZero(info.minOrderQuantity, "minOrderQuantity"),
    packSize: info.packSize == null ? null : requirePositive(info.packSize, FN, "packSize"),
    daysPerYear: requirePositive(options.daysPerYear ?? 365, FN, "daysPerYear"),
  };
}

function resolveMethod(
  options: ReplenishmentOptions,
  leadTimeStdDevDays: number,
): Exclude<SkuSafetyStockMethod, "auto"> {
  const method = requireVariant(options.method ?? "auto", SKU_SAFETY_STOCK_METHODS, FN, "method");
  if (method !== "auto") return method;
  return leadTimeStdDevDays > 0 ? "leadTimeVariability" : "basic";
}

/** An option that one method needs: validated when that method is used, ignored otherwise. */
function requiredBy(
  method: SkuSafetyStockMethod,
  needingMethod: "daysOfCover" | "fillRate",
  value: number | undefined,
  name: "coverDays" | "fillRate",
): number | null {
  if (method !== needingMethod) return null;
  if (value === undefined) {
    throw new InvKpiError("invalid_option", `${FN}: method '${method}' needs the ${name} option`, {
      path: [name],
    });
  }
  return name === "fillRate"
    ? requireOpenUnitInterval(value, FN, name)
    : requireNonNegative(value, FN, name);
}

function optionalNonNegative(value: number | null | undefined, name: string): number | null {
  return value == null ? null : requireNonNegative(value, FN, name);
}

function nonNegativeOrZero(value: number | null | undefined, name: string): number {
  return optionalNonNegative(value, name) ?? 0;
}

/**
 * Why a counting window of no bucket measured nothing: `'too_few_periods'` when there was demand,
 * all of it in weeks or months the window cuts (`partialBuckets: 'exclude'` leaves them out, and
 * `demandStatistics` gives stdDev `null`), `'no_demand_history'` when there was none (or no
 * window at all: a SKU without stock or demand).
 */
function emptyWindowReason(statistics: DemandStatistics): ReplenishmentNullReason {
  return statistics.stdDev === null ? "too_few_periods" : "no_demand_history";
}

function meanFigure(statistics: DemandStatistics): Figure {
  return statistics.periods === 0 ? missing(emptyWindowReason(statistics)) : known(statistics.mean);
}

function stdDevFigure(statistics: DemandStatistics): Figure {
  if (statistics.periods === 0) return missing(emptyWindowReason(statistics));
  return statistics.stdDev === null ? missing("too_few_periods") : known(statistics.stdDev);
}

/**
 * The mean demand when it is positive (there is something to replenish); else the unknown mean
 * (with its reason), or `'no_demand_history'` for a mean of 0 or less.
 */
function positiveDemand(demandMean: Figure): number | Figure {
  if (demandMean.value === null) return demandMean;
  return demandMean.value > 0 ? demandMean.value : missing("no_demand_history");
}

function eoqFigure(
  history: SkuHistory,
  info: ReplenishmentInfo,
  options: ReplenishmentOptions,
  settings: Settings,
  demandMean: Figure,
): Figure {
  const mean = positiveDemand(demandMean);
  if (typeof mean !== "number") return mean;
  const orderCost = info.orderCost ?? options.orderCost ?? null;
  const holdingRate = optionalNonNegative(info.holdingRate ?? options.holdingRate, "holdingRate");
  const given = givenUnitCost(info);
  if (orderCost === null || holdingRate === null || holdingRate === 0)
    return missing("no_cost_data");
  const unitCost = unitCostOf(history, given);
  if (unitCost === null) return missing("no_cost_data");
  // A year is 12 months whatever its days; days and weeks follow daysPerYear. The bucket by name,
  // not its length: a float compared by identity breaks as soon as it is computed twice.
  const annualDemand =
    settings.bucket === "month"
      ? mean * MONTHS_PER_YEAR
      : (mean * settings.daysPerYear) / settings.bucketDays;
  return known(
    economicOrderQuantityWithoutNameCheck({ annualDemand, orderCost, unitCost, holdingRate }),
  );
}

/**
 * `info.unitCost`, else `info.standardCost`, as an exact decimal; `null` when neither is given.
 * Errors name the field that was read.
 * @throws InvKpiError `invalid_money` when the one given is not a finite decimal or is negative.
 */
function givenUnitCost(info: ReplenishmentInfo): Decimal | null {
  const name = info.unitCost != null ? "unitCost" : "standardCost";
  const given = info[name] ?? null;
  if (given === null) return null;
  const cost = toDecimal(given, `${FN}: ${name}`);
  if (cost.isNegative() && !cost.isZero()) {
    throw new InvKpiError("invalid_money", `${FN}: ${name} must not be negative, got ${cost}`, {
      path: [name],
      details: { value: cost.toString() },
    });
  }
  return cost;
}

/**
 * The given unit cost, else what the history paid per unit: the closing unit cost while stock is
 * on hand, else (sold out: the SKUs that most need an order) the period's receipts' average cost,
 * else its issues' (COGS per unit sold); null when none is known and > 0. Only asked for when the
 * other EOQ inputs are there: each is a 40-digit division.
 */
function unitCostOf(history: SkuHistory, given: Decimal | null): Decimal | null {
  if (given !== null) return given.isZero() ? null : given;
  // Stock on hand has a unit cost of its own, even one of 0 (free goods: no EOQ, no_cost_data).
  if (history.closingQuantity > 0)
    return positiveQuotient(history.closingValue, history.closingQuantity);
  return (
    positiveQuotient(history.receivedValue, history.receivedQuantity) ??
    positiveQuotient(history.cogs, history.issuedQuantity - history.returnedQuantity)
  );
}

/** value / quantity when both are > 0, else null. */
function positiveQuotient(value: Decimal, quantity: number): Decimal | null {
  return quantity > 0 && value.isPositive() && !value.isZero() ? value.dividedBy(quantity) : null;
}

function safetyStockFigure(
  settings: Settings,
  demandMean: Figure,
  demandStdDev: Figure,
  eoq: Figure,
): Figure {
  const mean = positiveDemand(demandMean);
  if (typeof mean !== "number") return mean;
  const { method, serviceLevel, leadTimeStdDev } = settings;
  if (method === "daysOfCover") {
    return known(
      safetyStockWithoutNameCheck({ method, demandMean: mean, coverDays: settings.cover ?? 0 }),
    );
  }
  if (method === "leadTimeOnly") {
    return known(
      safetyStockWithoutNameCheck({ method, serviceLevel, demandMean: mean, leadTimeStdDev }),
    );
  }
  if (demandStdDev.value === null) return demandStdDev;
  if (settings.leadTime === null) return missing("no_lead_time");
  const demand = { demandStdDev: demandStdDev.value, leadTime: settings.leadTime };
  switch (method) {
    case "basic":
      return known(safetyStockWithoutNameCheck({ method, serviceLevel, ...demand }));
    case "leadTimeVariability":
      return known(
        safetyStockWithoutNameCheck({
          method,
          serviceLevel,
          demandMean: mean,
          leadTimeStdDev,
          ...demand,
        }),
      );
    case "periodic":
      if (settings.reviewPeriod === null) return missing("no_review_period");
      return known(
        safetyStockWithoutNameCheck({
          method,
          serviceLevel,
          reviewPeriod: settings.reviewPeriod,
          ...demand,
        }),
      );
    case "fillRate":
      if (eoq.value === null) return eoq;
      if (eoq.value === 0) return missing("no_cost_data");
      return known(
        safetyStockWithoutNameCheck({
          method,
          fillRate: settings.fillRate ?? 0,
          orderQuantity: eoq.value,
          demandMean: mean,
          leadTimeStdDev,
          ...demand,
        }),
      );
  }
}

function reorderPointFigure(settings: Settings, demandMean: Figure, safety: Figure): Figure {
  if (safety.value === null) return safety;
  if (settings.leadTime === null) return missing("no_lead_time");
  return known(
    reorderPointWithoutNameCheck({
      demandMean: demandMean.value ?? 0,
      leadTime: settings.leadTime,
      safetyStock: safety.value,
    }),
  );
}

function orderUpToFigure(settings: Settings, demandMean: Figure, safety: Figure): Figure {
  if (safety.value === null) return safety;
  if (settings.leadTime === null) return missing("no_lead_time");
  if (settings.reviewPeriod === null) return missing("no_review_period");
  return known(
    orderUpToLevelWithoutNameCheck({
      demandMean: demandMean.value ?? 0,
      leadTime: settings.leadTime,
      reviewPeriod: settings.reviewPeriod,
      safetyStock: safety.value,
    }),
  );
}

function suggestedOrderFigure(
  settings: Settings,
  position: number,
  reorder: Figure,
  upTo: Figure,
  eoq: Figure,
): Figure {
  if (reorder.value === null) return reorder;
  if (position > reorder.value) return known(0);
  const sizing =
    upTo.value !== null
      ? { orderUpTo: upTo.value }
      : eoq.value !== null && eoq.value > 0
        ? { orderQuantity: eoq.value }
        : null;
  if (sizing === null) return missing("no_order_quantity");
  return known(
    suggestedOrderWithoutNameCheck({
      inventoryPosition: position,
      reorderPoint: reorder.value,
      minOrderQuantity: settings.minOrderQuantity,
      ...(settings.packSize === null ? {} : { packSize: settings.packSize }),
      ...sizing,
    }),
  );
}

function daysOfSupplyFigure(onHand: number, demandMean: Figure, bucketDays: number): Figure {
  const mean = positiveDemand(demandMean);
  if (typeof mean !== "number") return mean;
  return known(onHand / (mean / bucketDays));
}
