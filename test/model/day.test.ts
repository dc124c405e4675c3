import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  civilFromDay,
  dayFromCivil,
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
