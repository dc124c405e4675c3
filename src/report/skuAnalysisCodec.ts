import type {
  AgingBucket,
  ExcessStock,
  ExpiryLot,
  MovementStatus,
  NearExpiry,
  StockAging,
} from "../aging/index.js";
import { MOVEMENT_STATUSES } from "../aging/index.js";
import type { DemandStatistics } from "../demand/index.js";
import { parseIsoDay } from "../model/day.js";
import type { MonthFigures } from "../model/SkuHistory.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import {
  type ReplenishmentFigures,
  type ReplenishmentReasons,
  SKU_SAFETY_STOCK_METHODS,
  type SkuSafetyStockMethod,
} from "../replenish/index.js";
import type { TurnoverFigures, TurnoverReasons } from "../turnover/index.js";
import { AVERAGE_METHODS, TURNOVER_BASES } from "../turnover/index.js";
import type { AnalyzedHistory, SkuAnalysis } from "./analyzeSku.js";
import {
  arrayOf,
  countCodec as count,
  dayCodec as day,
  decimalCodec as decimal,
  dictionaryOf,
  fieldProblem,
  type JsonCodec,
  moneyInputCodec as money,
  monthCodec,
  nonNegativeCodec as nonNegative,
  nullable,
  numberCodec as number,
  objectOf,
  oneOf,
  optional,
  orUndefined,
  refined,
  stringCodec as string,
  wholeNumberCodec,
} from "./jsonCodec.js";

// The JSON form of one SKU's analysis (`SkuAnalysis`): what the report reads of the replayed history
// (`AnalyzedHistory`), the master data and
// every calculator's figures, field by field. Money is exact text, ratios and quantities are
// numbers, `null`s and reason codes are kept. The compiler checks that every field of every type
// has its codec here.
//
// Decoding also checks each field's range where every run's values have one, so that a hand-edited
// record is refused at its field rather than shown in a report: dates are calendar days, the flows
// of a period (units received, issued, returned, transferred; expired, expiring and excess units)
// and ages are ≥ 0, day counts are whole numbers, and a month's days are its `from`..`to` span.
// Quantities that a run does write below zero are left alone: opening, closing and average stock
// (negative stock), demand (net returns), and the figures built on them.

/** The method a SKU's safety stock was computed by: any but `'auto'`, which resolves to one of them. */
const RESOLVED_SAFETY_STOCK_METHODS = SKU_SAFETY_STOCK_METHODS.filter(
  (method): method is Exclude<SkuSafetyStockMethod, "auto"> => method !== "auto",
);

/** Days of a month of the period: the month's own days, or fewer where the period cuts it. */
const monthDays = wholeNumberCodec(1, 31);

/** A month's figures; its `days` are its `from`..`to` span, both included. */
const monthFigures = refined(
  objectOf<MonthFigures>({
    month: monthCodec,
    from: day,
    to: day,
    days: monthDays,
    openingQuantity: number,
    openingValue: decimal,
    closingQuantity: number,
    closingValue: decimal,
    averageQuantity: number,
    averageValue: decimal,
    receivedQuantity: nonNegative,
    receivedValue: decimal,
    issuedQuantity: nonNegative,
    returnedQuantity: nonNegative,
    transferredInQuantity: nonNegative,
    transferredOutQuantity: nonNegative,
    cogs: decimal,
    revenue: decimal,
    issuesWithoutPrice: count,
  }),
  (month) => {
    // Both are calendar days: their codec checked them.
    const span = (parseIsoDay(month.to) as number) - (parseIsoDay(month.from) as number) + 1;
    return month.days === span
      ? null
      : fieldProblem(
          ["days"],
          `${month.days} days, but from ${month.from} to ${month.to} is ${span < 1 ? "no day" : `${span} days`}`,
        );
  },
);

const history = objectOf<AnalyzedHistory>({
  sku: string,
  location: optional(string),
  lastIssueDate: nullable(day),
  lastReceiptDate: nullable(day),
  issuesWithoutPrice: number,
  months: arrayOf(monthFigures),
});

/** Master data as the caller gave it; fields invkpi does not know are left out. */
const skuInfo = objectOf<SkuInfo>(
  {
    sku: string,
    description: optional(nullable(string)),
    category: optional(nullable(string)),
    standardCost: optional(nullable(money)),
    unitPrice: optional(nullable(money)),
    leadTimeDays: optional(nullable(number)),
    leadTimeStdDevDays: optional(nullable(number)),
    reviewPeriodDays: optional(nullable(number)),
    serviceLevel: optional(nullable(number)),
    minOrderQuantity: optional(nullable(number)),
    packSize: optional(nullable(number)),
    onOrder: optional(nullable(number)),
    backordered: optional(nullable(number)),
    reserved: optional(nullable(number)),
    orderCost: optional(nullable(money)),
    holdingRate: optional(nullable(number)),
  },
  "drop",
);

const turnover = objectOf<TurnoverFigures>({
  sku: string,
  location: optional(string),
  periodDays: number,
  basis: oneOf(TURNOVER_BASES),
  averageMethod: oneOf(AVERAGE_METHODS),
  turnover: nullable(number),
  daysOfInventory: nullable(number),
  daysOfSupplyAtEnd: nullable(number),
  grossMargin: nullable(decimal),
  gmroi: nullable(number),
  sellThrough: nullable(number),
  openingQuantity: number,
  openingValue: decimal,
  closingQuantity: number,
  closingValue: decimal,
  averageQuantity: number,
  averageValue: decimal,
  averageRetailValue: nullable(decimal),
  receivedQuantity: nonNegative,
  issuedQuantity: nonNegative,
  returnedQuantity: nonNegative,
  cogs: decimal,
  revenue: decimal,
  capitalTiedUp: decimal,
  averageCapital: decimal,
  issuesWithoutPrice: number,
  transferredInQuantity: nonNegative,
  transferredOutQuantity: nonNegative,
  shrinkageValue: decimal,
  shrinkageRate: nullable(number),
  reasons: dictionaryOf<TurnoverReasons>(
    string as JsonCodec<TurnoverReasons[keyof TurnoverReasons]>,
  ),
});

const demandStatistics = objectOf<DemandStatistics>({
  mean: number,
  stdDev: nullable(number),
  cv: nullable(number),
  max: number,
  periods: number,
});

const replenishment = objectOf<ReplenishmentFigures>({
  method: oneOf(RESOLVED_SAFETY_STOCK_METHODS),
  demandMean: nullable(number),
  demandStdDev: nullable(number),
  safetyStock: nullable(number),
  reorderPoint: nullable(number),
  orderUpToLevel: nullable(number),
  eoq: nullable(number),
  inventoryPosition: number,
  suggestedOrder: nullable(number),
  daysOfSupply: nullable(number),
  reasons: dictionaryOf<ReplenishmentReasons>(
    string as JsonCodec<ReplenishmentReasons[keyof ReplenishmentReasons]>,
  ),
});

const movementStatus = objectOf<MovementStatus>({
  sku: string,
  location: optional(string),
  status: oneOf(MOVEMENT_STATUSES),
  asOf: string,
  daysSinceLastIssue: nullable(count),
  daysSinceLastMovement: nullable(count),
  quantity: number,
  value: decimal,
});

const excessStock = objectOf<ExcessStock>({
  sku: string,
  location: optional(string),
  quantity: number,
  value: decimal,
  coverDays: number,
  demandPerDay: number,
  coverQuantity: number,
  excessQuantity: nonNegative,
  excessValue: decimal,
});

const agingBucket = objectOf<AgingBucket>({
  label: string,
  fromDays: number,
  toDays: nullable(number),
  quantity: number,
  value: decimal,
});

const stockAging = objectOf<StockAging>({
  sku: string,
  location: optional(string),
  asOf: string,
  buckets: arrayOf(agingBucket),
  quantity: number,
  value: decimal,
  averageAge: nullable(nonNegative),
  quantityDays: decimal,
  oldestAge: nullable(count),
  ageReason: nullable(oneOf(["nothing_on_hand"] as const)),
});

const expiryLot = objectOf<ExpiryLot>({
  sku: string,
  location: optional(string),
  lot: nullable(string),
  expiresOn: day,
  daysToExpiry: number,
  quantity: number,
  value: decimal,
});

const nearExpiry = objectOf<NearExpiry>({
  sku: string,
  location: optional(string),
  asOf: string,
  expired: arrayOf(expiryLot),
  expiring: arrayOf(expiryLot),
  expiredQuantity: nonNegative,
  expiredValue: decimal,
  expiringQuantity: nonNegative,
  expiringValue: decimal,
});

/**
 * The JSON form of a {@link SkuAnalysis}: `encode` gives a JSON-safe object (money as exact
 * decimal text), `decode` checks such an object field by field and gives the analysis back, equal
 * to the one encoded.
 */
export const skuAnalysisCodec: JsonCodec<SkuAnalysis> = objectOf<SkuAnalysis>({
  history,
  info: orUndefined(skuInfo),
  turnover,
  annualizedTurnover: nullable(number),
  dailyDemand: demandStatistics,
  daysOfSupply: nullable(number),
  xyzDemand: demandStatistics,
  abcValue: decimal,
  replenishment,
  status: movementStatus,
  excess: excessStock,
  aging: stockAging,
  expiry: nearExpiry,
});
