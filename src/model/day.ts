import * as z from "zod";
import { pathOfLabel } from "./fieldPath.js";
import { InvKpiError } from "./InvKpiError.js";

/**
 * A business day as an integer: days since 1970-01-01 (UTC calendar). The engine works in these;
 * `'YYYY-MM-DD'` strings and `Date` objects exist only at the edges. Day numbers never depend on the
 * machine's time zone.
 */
export type Day = number;

/** A day as accepted from users: `'YYYY-MM-DD'`, or a `Date` meaning its UTC calendar day. */
export type DayInput = string | Date;

const MS_PER_DAY = 86_400_000;

// Days from 1970-01-01 to a civil date, and back (H. Hinnant, "chrono-compatible low-level date
// algorithms"): exact integer arithmetic over the proleptic Gregorian calendar, no Date objects.
/** The day number of a civil date (`month` 1–12). */
export function dayFromCivil(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date `[year, month 1–12, day 1–31]` of a day number. */
export function civilFromDay(day: Day): [number, number, number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Days in a month of a year (`month` 1–12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses a strict `'YYYY-MM-DD'` string into a day number, or `null` when it is not a real
 * calendar day (`2025-02-30`, `2025-13-01`, `''`, `'2025-1-5'`). Hand-written for speed: it runs once
 * per ledger row.
 *
 * @example
 * ```ts
 * import { parseIsoDay } from "invkpi";
 * parseIsoDay("1970-01-02"); // 1
 * parseIsoDay("2025-02-30"); // null
 * parseIsoDay("2025-1-5"); // null
 * ```
 */
export function parseIsoDay(text: string): Day | null {
  // A ledger in date order gives the same day many rows running: a comparison of ten characters
  // (none when the rows share the string) instead of a parse.
  if (text === lastParsed.text) return lastParsed.day;
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const dayOfMonth = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1) return null;
  if (dayOfMonth > daysInMonth(year, month)) return null;
  const day = dayFromCivil(year, month, dayOfMonth);
  lastParsed.text = text;
  lastParsed.day = day;
  return day;
}

/** The last text {@link parseIsoDay} read as a day, and that day (only valid days are kept). */
const lastParsed: { text: string | null; day: Day } = { text: null, day: 0 };

/** The first and last day a `'YYYY-MM-DD'` string can name: a `Date` is held to them too. */
const FIRST_DAY = dayFromCivil(0, 1, 1);
const LAST_DAY = dayFromCivil(9999, 12, 31);

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * The day number of a `DayInput`, or `null` when it is not a valid day. A `Date` gives its UTC day,
 * within the years 0000–9999 that a `'YYYY-MM-DD'` string can name (a `Date` reaches year
 * 275760, which no report could print).
 *
 * @example
 * ```ts
 * import { tryToDay } from "invkpi";
 * tryToDay("2025-01-01"); // 20089
 * tryToDay(new Date(Date.UTC(2025, 0, 1, 23, 30))); // 20089: its UTC day, in any time zone
 * tryToDay("2025-02-29"); // null
 * tryToDay(new Date(8.64e15)); // null: the year 275760
 * ```
 */
export function tryToDay(value: unknown): Day | null {
  if (typeof value === "string") return parseIsoDay(value);
  if (value instanceof Date) {
    const day = Math.floor(value.getTime() / MS_PER_DAY); // NaN for an invalid Date
    return day >= FIRST_DAY && day <= LAST_DAY ? day : null;
  }
  return null;
}

/**
 * Converts a `'YYYY-MM-DD'` string or a `Date` (its UTC calendar day) to a day number.
 *
 * @param value - the date.
 * @param where - `"fn: field"` context for the error message; the error's path is the field's
 *   (`"analyzeLedger: period.from"`: `['period', 'from']`).
 * @throws InvKpiError `invalid_date` when the value is not a real calendar day.
 * @example
 * ```ts
 * import { toDay, formatDay } from "invkpi";
 * formatDay(toDay("2024-02-29", "example") + 1); // "2024-03-01"
 * ```
 */
export function toDay(value: DayInput, where: string): Day {
  return tryToDay(value) ?? invalidDay(value, where);
}

/**
 * Throws `toDay`'s error for a value that is not a day. With `tryToDay(value) ?? invalidDay(value,
 * \`${fn}: field\`)` a calculator called once per SKU or layer builds its message's label only
 * when there is an error, not on every call. The path is the field the label names (see
 * `pathOfLabel`: `"stockAging: layers[2].receivedDate"` is `['layers', 2, 'receivedDate']`).
 * @throws InvKpiError `invalid_date`, always.
 */
export function invalidDay(value: unknown, where: string): never {
  throw new InvKpiError(
    "invalid_date",
    `${where} must be a real calendar day as 'YYYY-MM-DD' or a valid Date`,
    {
      path: pathOfLabel(where),
      details: { value: value instanceof Date ? String(value) : value },
    },
  );
}

/**
 * Formats a day number as `'YYYY-MM-DD'`.
 * @example
 * ```ts
 * import { formatDay } from "invkpi";
 * formatDay(0); // "1970-01-01"
 * ```
 */
export function formatDay(day: Day): string {
  // The same day comes back many times in a row (a report's as-of day, once per SKU).
  if (day === lastFormatted.day) return lastFormatted.text;
  const [y, m, d] = civilFromDay(day);
  const text = `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
  lastFormatted.day = day;
  lastFormatted.text = text;
  return text;
}

/** The last day {@link formatDay} formatted, and its text. */
const lastFormatted = { day: Number.NaN, text: "" };

/** A month as an integer: `year * 12 + (month - 1)`. */
export type MonthIndex = number;

/** The month index of a day. */
export function monthOfDay(day: Day): MonthIndex {
  const [y, m] = civilFromDay(day);
  return y * 12 + m - 1;
}

/** The first day of a month index. */
export function firstDayOfMonth(month: MonthIndex): Day {
  return dayFromCivil(Math.floor(month / 12), (month % 12) + 1, 1);
}

/** The last day of a month index. */
export function lastDayOfMonth(month: MonthIndex): Day {
  return firstDayOfMonth(month + 1) - 1;
}

/** `'YYYY-MM'` for a month index. */
export function formatMonth(month: MonthIndex): string {
  const m = (month % 12) + 1;
  return `${String(Math.floor(month / 12)).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}`;
}

/**
 * An ISO week as an integer: weeks since the Monday 1969-12-29, so every week starts on a Monday.
 * (1970-01-01, day 0, was a Thursday.)
 */
export function weekOfDay(day: Day): number {
  return Math.floor((day + 3) / 7);
}

/** The Monday that starts a week index. */
export function firstDayOfWeek(week: number): Day {
  return week * 7 - 3;
}

/** The zod schema of a {@link DayInput}: a real calendar day as `'YYYY-MM-DD'` or a valid `Date`. */
export const DaySchema = z.custom<DayInput>((v) => tryToDay(v) !== null, {
  message: "must be a real calendar day as 'YYYY-MM-DD' or a valid Date",
});
