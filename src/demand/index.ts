// Demand statistics per bucket, zero-demand buckets counted.
export type {
  DemandBucket,
  DemandHistoryOptions,
  DemandSeriesOptions,
  DemandStart,
  DemandStatistics,
  StdDevVariant,
} from "./demandStatistics.js";
export { DEMAND_BUCKETS, demandStatistics } from "./demandStatistics.js";
