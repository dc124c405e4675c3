import { InvKpiError } from "../model/InvKpiError.js";

/**
 * A command-line mistake (unknown option, missing argument, a value that does not parse): an
 * `InvKpiError` with code `usage`, which `invkpi` reports in one line and exits with 2.
 *
 * @param message - what is wrong, in plain words, without the command name.
 * @param details - facts for programs (the option, the value).
 * @example
 * ```ts
 * usageError("--from must be a date YYYY-MM-DD, got '2025-13-01'").code; // "usage"
 * ```
 */
export function usageError(
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): InvKpiError {
  return new InvKpiError("usage", message, { details });
}
