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
  decimalCodec as decimal,
  dictionaryOf,
  type JsonCodec,
  moneyInputCodec as money,
  nullable,
  numberCodec as number,
  objectOf,
  oneOf,
  optional,
  orUndefined,
  stringCodec as string,
} from "./jsonCodec.js";

// The JSON form of one SKU's analysis (`SkuAnalysis`): what the report reads of the replayed history
// (`AnalyzedHistory`), the master data and
// every calculator's figures, field by field. Money is exact text, ratios and quantities are
// numbers, `null`s and reason codes are kept. The compiler checks that every field of every type
// has its codec here.

/** The method a SKU's safety stock was computed by: any but `'auto'`, which resolves to one of them. */
const RESOLVED_SAFETY_STOCK_METHODS = SKU_SAFETY_STOCK_METHODS.filter(
  (method): method is Exclude<SkuSafetyStockMethod, "auto"> => method !== "auto",
);

const monthFigures = objectOf<MonthFigures>({
  month: string,
  from: string,
  to: string,
  days: number,
  openingQuantity: number,
  openingValue: decimal,
  closingQuantity: number,
  closingValue: decimal,
  averageQuantity: number,
  averageValue: decimal,
  receivedQuantity: number,
  receivedValue: decimal,
  issuedQuantity: number,
  returnedQuantity: number,
  transferredInQuantity: number,
  transferredOutQuantity: number,
  cogs: decimal,
  revenue: decimal,
});

const history = objectOf<AnalyzedHistory>({
  sku: string,
  location: optional(string),
  lastIssueDate: nullable(string),
  lastReceiptDate: nullable(string),
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
  receivedQuantity: number,
  issuedQuantity: number,
  returnedQuantity: number,
  cogs: decimal,
  revenue: decimal,
  capitalTiedUp: decimal,
  averageCapital: decimal,
  issuesWithoutPrice: number,
  transferredInQuantity: number,
  transferredOutQuantity: number,
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
  daysSinceLastIssue: nullable(number),
  daysSinceLastMovement: nullable(number),
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
  excessQuantity: number,
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
  averageAge: nullable(number),
  quantityDays: decimal,
  oldestAge: nullable(number),
  ageReason: nullable(oneOf(["nothing_on_hand"] as const)),
});

const expiryLot = objectOf<ExpiryLot>({
  sku: string,
  location: optional(string),
  lot: nullable(string),
  expiresOn: string,
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
  expiredQuantity: number,
  expiredValue: decimal,
  expiringQuantity: number,
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
