// Demand statistics per bucket, zero-demand buckets counted.
export type {
  DemandBucket,
  DemandHistoryOptions,
  DemandSeriesOptions,
  DemandStart,
  DemandStatistics,
  StdDevVariant,
} from "./demandStatistics.js";
export { demandStatistics } from "./demandStatistics.js";
