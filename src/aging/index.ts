// Slow movers, dead and excess stock, stock aging and near-expiry lots: the public API of src/aging/.

export type { AgingBucketDefinition } from "./agingBuckets.js";
export { agingBuckets, DEFAULT_AGING_BUCKETS } from "./agingBuckets.js";
export type { ExcessStock, ExcessStockInput, ExcessStockOptions } from "./excessStock.js";
export { excessStock } from "./excessStock.js";
export { isStaleStatus, type StaleStatus } from "./isStaleStatus.js";
export type {
  MovementBasis,
  MovementStatus,
  MovementStatusInput,
  MovementStatusOptions,
  MovementStatusValue,
} from "./movementStatus.js";
export { MOVEMENT_BASES, MOVEMENT_STATUSES, movementStatus } from "./movementStatus.js";
export type { MovementStatusCounts, MovementStatusTotals } from "./movementStatusTotals.js";
export { movementStatusTotals } from "./movementStatusTotals.js";
export type { ExpiryLot, NearExpiry, NearExpiryInput, NearExpiryOptions } from "./nearExpiry.js";
export { nearExpiry } from "./nearExpiry.js";
export type {
  AgingRollup,
  AgingRollupFigures,
  AgingRollupGroup,
  AgingRollupItem,
  AgingRollupKey,
  RollupAgingOptions,
} from "./rollupAging.js";
export { rollupAging } from "./rollupAging.js";
export type { SlowMoverRow, SlowMovers } from "./slowMovers.js";
export { slowMovers } from "./slowMovers.js";
export type { AgingBucket, StockAging, StockAgingInput, StockAgingOptions } from "./stockAging.js";
export { stockAging } from "./stockAging.js";
