import { InvKpiError, type InvKpiErrorCode } from "../model/InvKpiError.js";

/** The exit codes of `invkpi`: 0 ok, 1 invalid data (or a file that cannot be read or written), 2 bad usage. */
export const EXIT = { ok: 0, invalidData: 1, usage: 2 } as const;

/** An exit code of `invkpi`. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Error codes that mean the command line itself is wrong (an option value the library refused),
 * not the data: exit 2.
 */
const USAGE_CODES: ReadonlySet<InvKpiErrorCode> = new Set([
  "usage",
  "invalid_option",
  "unknown_industry",
]);

/**
 * The exit code for an error: 2 for a usage mistake (`usage`, `invalid_option`,
 * `unknown_industry`), 1 for every other `InvKpiError` (the data is invalid or cannot be read) and
 * for unexpected errors. An `invalid_option` about the SKU master data (its `path` starts at
 * `skuInfo`: `valuation: 'standard'` for SKUs without a `standardCost`) is 1 too: the option is
 * right, the `--skus` file lacks what it needs, and no other flag would fix that.
 *
 * @example
 * ```ts
 * import { InvKpiError } from "invkpi";
 * exitCodeOf(new InvKpiError("usage", "unknown option '--foo'")); // 2
 * exitCodeOf(new InvKpiError("invalid_ledger", "3 problems")); // 1
 * exitCodeOf(new InvKpiError("invalid_option", "no standardCost", { path: ["skuInfo"] })); // 1
 * ```
 */
export function exitCodeOf(error: unknown): ExitCode {
  if (!(error instanceof InvKpiError) || !USAGE_CODES.has(error.code)) return EXIT.invalidData;
  return error.code === "invalid_option" && error.path[0] === "skuInfo"
    ? EXIT.invalidData
    : EXIT.usage;
}
