import type { MovementStatusValue } from "./movementStatus.js";

/** The statuses of stock that does not move: slow, dead or never moved (see {@link isStaleStatus}). */
export type StaleStatus = Extract<MovementStatusValue, "slow" | "dead" | "never-moved">;

/**
 * Whether a movement status is stock that does not move: `slow`, `dead` or `never-moved` (not
 * `active`, and not `no-stock`, which has nothing to free). The statuses of the reports' slow and
 * dead stock lists, the capital a person wants to free first.
 *
 * @example
 * ```ts
 * import { isStaleStatus } from "invkpi";
 * isStaleStatus("dead"); // true
 * isStaleStatus("no-stock"); // false
 * ```
 */
export function isStaleStatus(status: MovementStatusValue): status is StaleStatus {
  return status === "slow" || status === "dead" || status === "never-moved";
}
