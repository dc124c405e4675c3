// Industry benchmarks for annual inventory turnover, and the diagnosis against them: the public API
// of src/benchmark/.

export type {
  DiagnosedTurnover,
  DiagnoseTurnoverArgs,
  TurnoverBenchmark,
  TurnoverDiagnosis,
  TurnoverStatus,
} from "./diagnoseTurnover.js";
export { diagnoseTurnover } from "./diagnoseTurnover.js";
export type {
  Industry,
  IndustryTurnoverRange,
  IndustryTurnoverTable,
  TurnoverRange,
} from "./industryTurnoverRanges.js";
export { INDUSTRY_TURNOVER_RANGES } from "./industryTurnoverRanges.js";
