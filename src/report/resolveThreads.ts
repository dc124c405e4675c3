import { describeValue, InvKpiError } from "../model/InvKpiError.js";

/**
 * The `threads` option of a report: a whole number ≥ 1, default 1.
 *
 * @throws InvKpiError `invalid_option` for anything else.
 */
export function resolveThreads(threads: unknown, fn: string): number {
  if (threads === undefined) return 1;
  if (typeof threads !== "number" || !Number.isSafeInteger(threads) || threads < 1) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: threads must be a whole number ≥ 1, got ${describeValue(threads)}`,
      { path: ["threads"], details: { threads } },
    );
  }
  return threads;
}
