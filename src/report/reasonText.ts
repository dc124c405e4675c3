import { REPLENISHMENT_NULL_REASONS } from "../replenish/index.js";
import { TURNOVER_NULL_REASONS } from "../turnover/index.js";
import { REPORT_NULL_REASONS } from "./ReportNullReason.js";

const MEANINGS: Readonly<Record<string, string>> = {
  ...TURNOVER_NULL_REASONS,
  ...REPLENISHMENT_NULL_REASONS,
  ...REPORT_NULL_REASONS,
};

/**
 * The plain-language meaning of a reason code of the report (why a figure is `null`), from
 * `REPORT_NULL_REASONS`, `TURNOVER_NULL_REASONS` and `REPLENISHMENT_NULL_REASONS`; the code itself
 * for any other, and `''` for none.
 *
 * @example
 * ```ts
 * reasonText("no_sales"); // "nothing was sold or consumed in the period (...): the stock would never run out"
 * reasonText(undefined); // ""
 * ```
 */
export function reasonText(code: string | null | undefined): string {
  if (code === null || code === undefined) return "";
  return Object.hasOwn(MEANINGS, code) ? (MEANINGS[code] as string) : code;
}
