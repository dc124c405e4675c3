export type { LedgerColumns } from "./LedgerColumns.js";
export { ABSENT, KIND, LedgerColumnsBuilder, NO_DAY } from "./LedgerColumns.js";
export type { ReplayOptions, ReplayResult, ReplayWarning } from "./replayLedger.js";
export { isLedgerColumns, movementOrder, replayLedger } from "./replayLedger.js";
export type { StreamingReplayOptions } from "./replayLedgerStream.js";
export { replayLedgerStream } from "./replayLedgerStream.js";
export type { LedgerValidation, ValidateLedgerOptions } from "./validateLedger.js";
export { parseLedger, toLedgerColumns, validateLedger } from "./validateLedger.js";
