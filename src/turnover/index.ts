// Turnover, days of inventory, days of supply, capital tied up, GMROI, sell-through and shrinkage:
// the calculators, per-SKU figures, rollups and time series. The public API of src/turnover/.

export type { AnnualizeTurnoverArgs } from "./annualizeTurnover.js";
export { annualizeTurnover } from "./annualizeTurnover.js";
export type { AverageInventoryArgs, AverageInventoryMethod } from "./averageInventory.js";
export { AVERAGE_INVENTORY_METHODS, averageInventory } from "./averageInventory.js";
export type { DaysOfInventoryArgs } from "./daysOfInventory.js";
export { daysOfInventory } from "./daysOfInventory.js";
export type { DaysOfSupplyArgs } from "./daysOfSupply.js";
export { daysOfSupply } from "./daysOfSupply.js";
export type { GmroiArgs } from "./gmroi.js";
export { gmroi } from "./gmroi.js";
export type { InventoryTurnoverArgs } from "./inventoryTurnover.js";
export { inventoryTurnover } from "./inventoryTurnover.js";
export type {
  GroupKeyField,
  RollupTurnoverOptions,
  TurnoverGroup,
  TurnoverParts,
  TurnoverRollup,
  TurnoverRollupResult,
} from "./rollupTurnover.js";
export { rollupTurnover } from "./rollupTurnover.js";
export type { SellThroughArgs, SellThroughVariant } from "./sellThrough.js";
export { SELL_THROUGH_VARIANTS, sellThrough } from "./sellThrough.js";
export type { ShrinkageRateArgs } from "./shrinkageRate.js";
export { shrinkageRate } from "./shrinkageRate.js";
export type { TurnoverAmounts } from "./TurnoverAmounts.js";
export type {
  NullableTurnoverField,
  TurnoverNullReason,
  TurnoverReasons,
} from "./TurnoverNullReason.js";
export { TURNOVER_NULL_REASONS } from "./TurnoverNullReason.js";
export type { TurnoverQuotient } from "./TurnoverQuotient.js";
export type {
  AverageMethod,
  TurnoverFigures,
  TurnoverFiguresInput,
  TurnoverFiguresOptions,
} from "./turnoverFigures.js";
export { AVERAGE_METHODS, turnoverFigures } from "./turnoverFigures.js";
export type { TurnoverBasis, TurnoverRatios } from "./turnoverRatios.js";
export { TURNOVER_BASES } from "./turnoverRatios.js";
export type {
  SeriesBucket,
  TurnoverMonthInput,
  TurnoverSeriesEntry,
  TurnoverSeriesInput,
  TurnoverSeriesOptions,
} from "./turnoverSeries.js";
export { SERIES_BUCKETS, turnoverSeries } from "./turnoverSeries.js";
