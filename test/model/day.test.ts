import { UTCDate, utc } from "@date-fns/utc";
import { fc, test } from "@fast-check/vitest";
import {
  differenceInCalendarDays,
  endOfMonth,
  format,
  getDaysInMonth,
  isValid,
  parse,
  startOfISOWeek,
  startOfMonth,
} from "date-fns";
import { describe, expect, it } from "vitest";
import {
  civilFromDay,
  dayFromCivil,
  daysInMonth,
  firstDayOfMonth,
  firstDayOfWeek,
  formatDay,
  lastDayOfMonth,
  monthOfDay,
  parseIsoDay,
  toDay,
  weekOfDay,
} from "../../src/model/day.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

describe("day numbers", () => {
  it("counts days since 1970-01-01 (UTC)", () => {
    expect(parseIsoDay("1970-01-01")).toBe(0);
    expect(parseIsoDay("2000-03-01")).toBe(11_017); // Date.UTC(2000, 2, 1) / 86400000
    expect(parseIsoDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
  });

  it("rejects days that do not exist", () => {
    for (const bad of [
      "2025-02-29",
      "2025-02-30",
      "2025-13-01",
      "2025-00-10",
      "2025-04-31",
      "",
      "2025-1-05",
      "2025/01/05",
      "abcd-ef-gh",
    ]) {
      expect(parseIsoDay(bad), bad).toBeNull();
    }
    expect(parseIsoDay("2024-02-29")).not.toBeNull();
    expect(parseIsoDay("2000-02-29")).not.toBeNull(); // divisible by 400: leap
    expect(parseIsoDay("1900-02-29")).toBeNull(); // divisible by 100: not leap
  });

  it("reads a Date as its UTC calendar day, whatever the machine's time zone", () => {
    // 23:30 UTC on 2024-03-01 is already 2024-03-02 in Tokyo and still 2024-03-01 in Los Angeles.
    expect(formatDay(toDay(new Date("2024-03-01T23:30:00Z"), "t"))).toBe("2024-03-01");
    expect(formatDay(toDay(new Date(Date.UTC(2024, 2, 1)), "t"))).toBe("2024-03-01");
  });

  it("throws invalid_date with context", () => {
    expect(() => toDay("2025-02-30", "fn: date")).toThrowError(InvKpiError);
    try {
      toDay(new Date(Number.NaN), "fn: date");
    } catch (e) {
      expect((e as InvKpiError).code).toBe("invalid_date");
      expect((e as InvKpiError).message).toMatch(/^fn: date/);
    }
  });

  it("knows months and ISO weeks", () => {
    const d = parseIsoDay("2024-02-10")!;
    expect(formatDay(lastDayOfMonth(monthOfDay(d)))).toBe("2024-02-29");
    // 2024-02-05 is a Monday; 2024-02-11 a Sunday of the same ISO week.
    expect(weekOfDay(parseIsoDay("2024-02-05")!)).toBe(weekOfDay(parseIsoDay("2024-02-11")!));
    expect(weekOfDay(parseIsoDay("2024-02-12")!)).toBe(weekOfDay(parseIsoDay("2024-02-11")!) + 1);
    expect(formatDay(firstDayOfWeek(weekOfDay(d)))).toBe("2024-02-05");
  });

  test.prop([
    fc.date({ min: new Date("1600-01-01"), max: new Date("2400-12-31"), noInvalidDate: true }),
  ])("agrees with the JavaScript Date in UTC, both ways", (date) => {
    const day = Math.floor(date.getTime() / 86_400_000);
    const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    expect(formatDay(day)).toBe(iso);
    expect(parseIsoDay(iso)).toBe(day);
    const [y, m, dd] = civilFromDay(day);
    expect(dayFromCivil(y, m, dd)).toBe(day);
  });
});

// The engine's calendar is integer arithmetic (H. Hinnant's civil-date algorithms), so that no
// Date is made per ledger row. date-fns, computing in UTC (`{ in: utc }`), is the independent
// reference it is checked against: the same days, months and ISO weeks, in any machine time zone.
describe("day numbers agree with date-fns in UTC", () => {
  const EPOCH = new UTCDate(1970, 0, 1);
  /** The day number of a date-fns date: calendar days since 1970-01-01 in UTC. */
  const dayOf = (date: Date): number => differenceInCalendarDays(date, EPOCH, { in: utc });
  /** Days from 1600-01-01 to 2400-12-31 (`Date.UTC(1600, 0, 1) / 86400000` …), and as often a
   * day of February or March of a century year, where the Gregorian leap rule is easiest to get
   * wrong (1900 is not a leap year, 2000 is). */
  const centuryDay = fc
    .constantFrom(1600, 1700, 1800, 1900, 2000, 2100, 2200, 2300, 2400)
    .chain((year) =>
      fc.integer({
        min: Date.UTC(year, 1, 1) / 86_400_000,
        max: Date.UTC(year, 2, 31) / 86_400_000,
      }),
    );
  const anyDay = fc.oneof(fc.integer({ min: -135_140, max: 157_419 }), centuryDay);

  test.prop([anyDay])("formats a day as date-fns formats it", (day) => {
    const date = new UTCDate(day * 86_400_000);
    expect(dayOf(date)).toBe(day);
    expect(formatDay(day)).toBe(format(date, "yyyy-MM-dd", { in: utc }));
  });

  test.prop([anyDay])("finds the month's first and last day, and its length", (day) => {
    const date = new UTCDate(day * 86_400_000);
    const month = monthOfDay(day);
    expect(firstDayOfMonth(month)).toBe(dayOf(startOfMonth(date, { in: utc })));
    expect(lastDayOfMonth(month)).toBe(dayOf(endOfMonth(date, { in: utc })));
    const [year, monthOfYear] = civilFromDay(day);
    expect(daysInMonth(year, monthOfYear)).toBe(getDaysInMonth(date, { in: utc }));
  });

  test.prop([anyDay])("starts ISO weeks on date-fns's Mondays", (day) => {
    const monday = dayOf(startOfISOWeek(new UTCDate(day * 86_400_000), { in: utc }));
    expect(firstDayOfWeek(weekOfDay(day))).toBe(monday);
  });

  it("has a 29 February in exactly date-fns's leap years, 1600 to 2400", () => {
    for (let year = 1600; year <= 2400; year++) {
      const leap = isValid(parse(`${year}-02-29`, "yyyy-MM-dd", EPOCH, { in: utc }));
      expect(parseIsoDay(`${year}-02-29`) !== null, String(year)).toBe(leap);
      expect(daysInMonth(year, 2), String(year)).toBe(leap ? 29 : 28);
    }
  });

  test.prop(
    [
      fc.integer({ min: 1600, max: 2400 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    ],
    { numRuns: 2000 },
  )("accepts exactly the YYYY-MM-DD days that date-fns can parse", (year, month, dayOfMonth) => {
    // Only well-formed text: date-fns's parse also takes '2025-1-05', which the ledger rejects.
    const text = `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
    const parsed = parse(text, "yyyy-MM-dd", EPOCH, { in: utc });
    expect(parseIsoDay(text)).toBe(isValid(parsed) ? dayOf(parsed) : null);
  });
});

describe("Date objects outside the years of a 'YYYY-MM-DD' string (found by an input audit)", () => {
  it("are no day, as a string outside 0000-9999 cannot be one", async () => {
    const { tryToDay } = await import("../../src/model/day.js");
    const yearZero = new Date(0);
    yearZero.setUTCFullYear(0, 0, 1);
    expect(tryToDay(yearZero)).toBe(parseIsoDay("0000-01-01"));
    expect(tryToDay(new Date(Date.UTC(9999, 11, 31, 23, 59)))).toBe(parseIsoDay("9999-12-31"));
    const beforeZero = new Date(yearZero.getTime() - 1);
    for (const date of [
      new Date(-8.64e15),
      new Date(8.64e15),
      new Date(Date.UTC(10000, 0, 1)),
      beforeZero,
    ])
      expect(tryToDay(date)).toBeNull();
    expect(() => toDay(new Date(8.64e15), "f: asOf")).toThrow(
      expect.objectContaining({ code: "invalid_date", path: ["asOf"] }),
    );
  });
});
