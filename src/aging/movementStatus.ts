import { requireNonNegative, requireVariant } from "../model/assert.js";
import type { Decimal } from "../model/Decimal.js";
import { type Day, type DayInput, formatDay, invalidDay, tryToDay } from "../model/day.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import type { SkuHistory } from "../model/SkuHistory.js";
import { resolveAsOf } from "./resolveAsOf.js";

/**
 * How stale the stock of a SKU is:
 * - `active`: stock on hand, last issue (or movement) less than `slowDays` ago;
 * - `slow`: stock on hand, last issue at least `slowDays` and less than `deadDays` ago;
 * - `dead`: stock on hand, last issue at least `deadDays` ago;
 * - `never-moved`: stock on hand and no issue at all in the ledger;
 * - `no-stock`: nothing on hand (closing quantity ≤ 0).
 */
export type MovementStatusValue = "active" | "slow" | "dead" | "never-moved" | "no-stock";

/** The movement statuses, from fresh to stale, then the two special cases. */
export const MOVEMENT_STATUSES = ["active", "slow", "dead", "never-moved", "no-stock"] as const;

/**
 * Which date the slow and dead thresholds measure from: `issue` the last issue (consumption or
 * sale, as SAP MC46), `any` the last movement of any kind (a receipt, transfer or count adjustment
 * restarts the clock).
 */
export type MovementBasis = "issue" | "any";

/** The movement bases. */
export const MOVEMENT_BASES = ["issue", "any"] as const;

/**
 * What {@link movementStatus} reads from a history: a full `SkuHistory` fits, and so does a plain
 * object with these fields, for use without a ledger replay.
 */
export type MovementStatusInput = Pick<
  SkuHistory,
  | "sku"
  | "location"
  | "period"
  | "closingQuantity"
  | "closingValue"
  | "lastIssueDate"
  | "lastMovementDate"
> &
  Partial<Pick<SkuHistory, "transferredOutQuantity">>;

/** Options of {@link movementStatus}. */
export interface MovementStatusOptions {
  /** The day the status is judged on. Default: the history's period end. */
  readonly asOf?: DayInput;
  /** Days without an issue from which stock on hand is slow (inclusive). Default 90. */
  readonly slowDays?: number;
  /** Days without an issue from which stock on hand is dead (inclusive). Default 180; ≥ slowDays. */
  readonly deadDays?: number;
  /** Which date the thresholds measure from. Default `'issue'`. */
  readonly basis?: MovementBasis;
}

/** The option names of {@link movementStatus} and `slowMovers`. */
export const MOVEMENT_STATUS_OPTIONS = optionNames<MovementStatusOptions>()([
  "asOf",
  "slowDays",
  "deadDays",
  "basis",
]);

/** The result of {@link movementStatus}. */
export interface MovementStatus {
  readonly sku: string;
  readonly location?: string;
  readonly status: MovementStatusValue;
  /** The day judged on, `'YYYY-MM-DD'`. */
  readonly asOf: string;
  /** Days from the last issue to `asOf`; `null` when the SKU was never issued. */
  readonly daysSinceLastIssue: number | null;
  /** Days from the last movement of any kind to `asOf`; `null` when the SKU never moved. */
  readonly daysSinceLastMovement: number | null;
  /** Units on hand: the history's closing quantity (negative when the ledger went below zero). */
  readonly quantity: number;
  /** Value on hand: the history's closing value. */
  readonly value: Decimal;
}

/** The thresholds of a movement status, validated. */
export interface MovementThresholds {
  readonly slowDays: number;
  readonly deadDays: number;
  readonly basis: MovementBasis;
}

/**
 * Classifies the stock of one SKU as active, slow, dead, never moved or absent.
 *
 * Definition: with `days` the whole days from the last issue (`basis: 'issue'`) or the last movement
 * of any kind (`basis: 'any'`) to `asOf`,
 * - `no-stock` when closingQuantity ≤ 0 (negative stock is a debt, not stock on hand: it cannot be
 *   slow, dead or cleared);
 * - else `never-moved` when the SKU has no issue at all (`lastIssueDate` is null) and, under
 *   `basis: 'any'`, no transfer out in the period either (`transferredOutQuantity`, default 0: a
 *   warehouse that ships by transfer only moves its stock out);
 * - else `dead` when days ≥ deadDays, `slow` when days ≥ slowDays, otherwise `active`.
 *
 * The thresholds include their boundary day: a SKU last issued exactly `slowDays` days before `asOf`
 * is slow. Units: days; quantity in the SKU's unit; value in the ledger's currency.
 *
 * @param history - the replayed history of one SKU.
 * @param options - `asOf` (default the period end), `slowDays` (default 90), `deadDays` (default
 *   180), `basis` (default `'issue'`).
 * @throws InvKpiError `invalid_argument` (a threshold is not a finite number, options not an
 *   object), `out_of_range` (a negative threshold, or `asOf` before the last movement),
 *   `invalid_option` (an unknown option name, `deadDays` < `slowDays`, unknown `basis`),
 *   `invalid_date` (`asOf` is not a real day).
 * @example
 * ```ts
 * import { Decimal, movementStatus } from "invkpi";
 * const history = {
 *   sku: "A-100",
 *   period: { from: "2024-01-01", to: "2024-12-31", days: 366 },
 *   closingQuantity: 40,
 *   closingValue: new Decimal("400.00"),
 *   lastIssueDate: "2024-09-01",
 *   lastMovementDate: "2024-10-15", // a receipt
 * };
 * movementStatus(history).status; // "slow": 121 days since the last issue (≥ 90, < 180)
 * movementStatus(history, { basis: "any" }).status; // "active": 77 days since the receipt
 * movementStatus(history, { asOf: "2025-03-01" }).status; // "dead": 181 days ≥ 180
 * ```
 */
export function movementStatus(
  history: MovementStatusInput,
  options: MovementStatusOptions = {},
): MovementStatus {
  requireOptionNames(options, MOVEMENT_STATUS_OPTIONS, "movementStatus");
  return movementStatusWithoutNameCheck(history, options);
}

/**
 * {@link movementStatus} without the check of its option names: for the report, which calls it
 * once per SKU with options of its own making.
 * @internal
 */
export function movementStatusWithoutNameCheck(
  history: MovementStatusInput,
  options: MovementStatusOptions,
): MovementStatus {
  const fn = "movementStatus";
  return statusWithThresholds(history, resolveMovementThresholds(options, fn), options.asOf, fn);
}

/**
 * {@link movementStatus} with thresholds already validated; `fn` names the public caller in errors.
 * @internal Shared with `slowMovers`.
 */
export function statusWithThresholds(
  history: MovementStatusInput,
  thresholds: MovementThresholds,
  asOfInput: DayInput | undefined,
  fn: string,
): MovementStatus {
  const asOf = resolveAsOf(history, asOfInput, fn);
  const daysSinceLastIssue = daysSince(history.lastIssueDate, asOf, fn, "lastIssueDate");
  const daysSinceLastMovement = daysSince(history.lastMovementDate, asOf, fn, "lastMovementDate");
  const idleDays = thresholds.basis === "issue" ? daysSinceLastIssue : daysSinceLastMovement;
  return {
    sku: history.sku,
    ...(history.location !== undefined && { location: history.location }),
    status: classifyMovementStatus(
      history.closingQuantity,
      daysSinceLastIssue,
      idleDays,
      thresholds,
      (history.transferredOutQuantity ?? 0) > 0,
    ),
    asOf: formatDay(asOf),
    daysSinceLastIssue,
    daysSinceLastMovement,
    quantity: history.closingQuantity,
    value: history.closingValue,
  };
}

/** Days without an issue from which stock with a balance is slow, by default. */
export const DEFAULT_SLOW_DAYS = 90;
/** Days without an issue from which stock with a balance is dead, by default. */
export const DEFAULT_DEAD_DAYS = 180;

/**
 * Validates the slow and dead days of a movement status and fills in their defaults (90 and 180):
 * each ≥ 0, and stock is dead no sooner than slow.
 * @internal Shared with the report's options.
 */
export function resolveIdleDays(
  options: { readonly slowDays?: number | undefined; readonly deadDays?: number | undefined },
  fn: string,
): { readonly slowDays: number; readonly deadDays: number } {
  const slowDays = requireNonNegative(options.slowDays ?? DEFAULT_SLOW_DAYS, fn, "slowDays");
  const deadDays = requireNonNegative(options.deadDays ?? DEFAULT_DEAD_DAYS, fn, "deadDays");
  if (deadDays < slowDays) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: deadDays (${deadDays}) must not be less than slowDays (${slowDays})`,
      { path: ["deadDays"], details: { slowDays, deadDays } },
    );
  }
  return { slowDays, deadDays };
}

/**
 * Validates the thresholds and basis of a movement status and fills in their defaults.
 * @internal Shared with `slowMovers`.
 */
export function resolveMovementThresholds(
  options: MovementStatusOptions,
  fn: string,
): MovementThresholds {
  const { slowDays, deadDays } = resolveIdleDays(options, fn);
  const basis = requireVariant(options.basis ?? "issue", MOVEMENT_BASES, fn, "basis");
  return { slowDays, deadDays, basis };
}

function daysSince(
  date: string | null,
  asOf: Day,
  fn: string,
  field: "lastIssueDate" | "lastMovementDate",
): number | null {
  if (date === null) return null;
  return asOf - (tryToDay(date) ?? invalidDay(date, `${fn}: history.${field}`));
}

/**
 * The status of stock by its closing quantity and idle days (the rule of {@link movementStatus}).
 * @param transferredOut - whether stock left by transfer in the period (counts under `'any'`).
 * @internal Shared with the check of partial records (`analysisMismatch`).
 * @example
 * ```ts
 * classifyMovementStatus(5, 100, 100, { slowDays: 90, deadDays: 180, basis: "issue" }); // "slow"
 * classifyMovementStatus(0, 100, 100, { slowDays: 90, deadDays: 180, basis: "issue" }); // "no-stock"
 * classifyMovementStatus(5, null, 20, { slowDays: 10, deadDays: 30, basis: "any" }, true); // "slow"
 * classifyMovementStatus(5, null, 20, { slowDays: 10, deadDays: 30, basis: "issue" }, true); // "never-moved"
 * ```
 */
export function classifyMovementStatus(
  closingQuantity: number,
  daysSinceLastIssue: number | null,
  idleDays: number | null,
  { slowDays, deadDays, basis }: MovementThresholds,
  transferredOut = false,
): MovementStatusValue {
  if (!(closingQuantity > 0)) return "no-stock";
  // Never issued is its own case: a receipt alone is not movement of the stock out. Under 'any',
  // neither is it for stock that left by transfer (a warehouse that ships to stores only).
  const leftByTransfer = basis === "any" && transferredOut;
  if ((daysSinceLastIssue === null && !leftByTransfer) || idleDays === null) return "never-moved";
  if (idleDays >= deadDays) return "dead";
  if (idleDays >= slowDays) return "slow";
  return "active";
}
