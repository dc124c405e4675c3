export type { LedgerColumns } from "./LedgerColumns.js";
export { KIND, LedgerColumnsBuilder } from "./LedgerColumns.js";
export type { ReplayOptions, ReplayResult, ReplayWarning } from "./replayLedger.js";
export { isLedgerColumns, movementOrder, replayLedger } from "./replayLedger.js";
export type { LedgerValidation, ValidateLedgerOptions } from "./validateLedger.js";
export { parseLedger, toLedgerColumns, validateLedger } from "./validateLedger.js";
