/**
 * invkpi: inventory KPIs from a stock-movement ledger. This is the core entry point; it runs in any
 * JavaScript runtime (no Node APIs). Files and streams live in `invkpi/node`.
 *
 * @packageDocumentation
 */

// formulas
export * from "./aging/index.js";
export * from "./benchmark/index.js";
export * from "./classify/index.js";
export * from "./demand/index.js";
// ledger
export * from "./ledger/index.js";
// model
export { Decimal } from "./model/Decimal.js";
export type { Day, DayInput, MonthIndex } from "./model/day.js";
export { DaySchema, formatDay, parseIsoDay, toDay, tryToDay } from "./model/day.js";
export type { DemandRateInput } from "./model/demandRate.js";
export type {
  InvKpiErrorCode,
  InvKpiErrorOptions,
  LedgerIssue,
  LedgerIssueCode,
} from "./model/InvKpiError.js";
export { InvKpiError } from "./model/InvKpiError.js";
export type { MovementType } from "./model/Movement.js";
export { MOVEMENT_TYPES, Movement, QUANTITY_SIGN } from "./model/Movement.js";
export type { MoneyInput } from "./model/money.js";
export { isDecimal, MoneySchema, toDecimal, tryToDecimal } from "./model/money.js";
export { OpeningBalance } from "./model/OpeningBalance.js";
export type { DayRange } from "./model/Period.js";
export { Period, resolvePeriod } from "./model/Period.js";
export type {
  DemandHistory,
  DemandSums,
  MonthEnd,
  MonthFigures,
  SkuHistory,
  StockLayer,
  Valuation,
} from "./model/SkuHistory.js";
export { VALUATIONS } from "./model/SkuHistory.js";
export { SkuInfo } from "./model/SkuInfo.js";
export { sumDecimals } from "./model/sumDecimals.js";
export { toDecimalScaled } from "./model/toDecimalScaled.js";
export * from "./replenish/index.js";
export * from "./report/index.js";
export * from "./turnover/index.js";
