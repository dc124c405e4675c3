// Replenishment: service-level factors, safety stock, reorder point, order quantities, per-SKU figures.
export type {
  EconomicOrderQuantityInput,
  EoqWithHoldingCost,
  EoqWithHoldingRate,
} from "./economicOrderQuantity.js";
export { economicOrderQuantity } from "./economicOrderQuantity.js";
export type { InventoryPositionInput } from "./inventoryPosition.js";
export { inventoryPosition } from "./inventoryPosition.js";
export { inverseNormalLoss } from "./inverseNormalLoss.js";
export type { LeadTimeInput, LeadTimeSample } from "./leadTimeSample.js";
export type { LeadTimeStatistics, LeadTimeStatisticsOptions } from "./leadTimeStatistics.js";
export { leadTimeStatistics } from "./leadTimeStatistics.js";
export { normalCdf } from "./normalCdf.js";
export { normalLoss } from "./normalLoss.js";
export { normalQuantile } from "./normalQuantile.js";
export type { OrderUpToLevelInput } from "./orderUpToLevel.js";
export { orderUpToLevel } from "./orderUpToLevel.js";
export type {
  NullableReplenishmentField,
  ReplenishmentNullReason,
  ReplenishmentReasons,
} from "./ReplenishmentNullReason.js";
export { REPLENISHMENT_NULL_REASONS } from "./ReplenishmentNullReason.js";
export type { ReorderPointInput } from "./reorderPoint.js";
export { reorderPoint } from "./reorderPoint.js";
export type {
  ReplenishmentFigures,
  ReplenishmentInfo,
  ReplenishmentOptions,
  SkuSafetyStockMethod,
} from "./replenishmentFigures.js";
export { replenishmentFigures, SKU_SAFETY_STOCK_METHODS } from "./replenishmentFigures.js";
export type {
  BasicSafetyStockInput,
  DaysOfCoverSafetyStockInput,
  FillRateSafetyStockInput,
  LeadTimeOnlySafetyStockInput,
  LeadTimeVariabilitySafetyStockInput,
  LeadTimeWithDeviation,
  MaxMinSafetyStockInput,
  PeriodicSafetyStockInput,
  SafetyStockDetails,
  SafetyStockInput,
  SafetyStockMethod,
} from "./safetyStock.js";
export { SAFETY_STOCK_METHODS, safetyStock, safetyStockDetails } from "./safetyStock.js";
export type { SuggestedOrderInput } from "./suggestedOrder.js";
export { suggestedOrder } from "./suggestedOrder.js";
