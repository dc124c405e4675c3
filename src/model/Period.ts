import * as z from "zod";
import { type Day, type DayInput, formatDay, toDay, tryToDay } from "./day.js";
import { InvKpiError } from "./InvKpiError.js";

/** The zod schema of a {@link Period}: both days inclusive, `to` not before `from`. */
export const Period = z
  .object({
    from: z.union([z.string(), z.date()]),
    to: z.union([z.string(), z.date()]),
  })
  .refine((p) => tryToDay(p.from) !== null, {
    message: "from is not a real calendar day",
    path: ["from"],
  })
  .refine((p) => tryToDay(p.to) !== null, {
    message: "to is not a real calendar day",
    path: ["to"],
  })
  .refine((p) => (tryToDay(p.to) ?? 0) >= (tryToDay(p.from) ?? 0), {
    message: "to is before from",
    path: ["to"],
  });

/** A reporting period: `from` and `to` are both included. */
export interface Period {
  readonly from: DayInput;
  readonly to: DayInput;
}

/** A period resolved to day numbers, with its length in days. */
export interface DayRange {
  readonly from: Day;
  readonly to: Day;
  /** Number of calendar days, both ends included: `to − from + 1`. */
  readonly days: number;
}

/**
 * Resolves a period to day numbers.
 * @throws InvKpiError `invalid_date` for a day that does not exist, `invalid_period` when `to` < `from`.
 * @example
 * ```ts
 * import { resolvePeriod } from "invkpi";
 * resolvePeriod({ from: "2024-01-01", to: "2024-12-31" }, "example").days; // 366
 * ```
 */
export function resolvePeriod(period: Period, where: string): DayRange {
  if (period === null || typeof period !== "object") {
    throw new InvKpiError("invalid_argument", `${where}: period must be an object { from, to }`, {
      path: ["period"],
    });
  }
  const from = toDay(period.from, `${where}: period.from`);
  const to = toDay(period.to, `${where}: period.to`);
  if (to < from) {
    throw new InvKpiError(
      "invalid_period",
      `${where}: period.to (${formatDay(to)}) is before period.from (${formatDay(from)})`,
      {
        path: ["period", "to"],
      },
    );
  }
  return { from, to, days: to - from + 1 };
}
