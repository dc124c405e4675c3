// Demand statistics per bucket, zero-demand buckets counted.
export type {
  DemandBucket,
  DemandHistoryOptions,
  DemandSeriesOptions,
  DemandStart,
  DemandStatistics,
  PartialBuckets,
  StdDevVariant,
} from "./demandStatistics.js";
export { DEMAND_BUCKETS, demandStatistics, PARTIAL_BUCKETS } from "./demandStatistics.js";
