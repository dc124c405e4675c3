import { describe, expect, it } from "vitest";
import { annualizeTurnover } from "../../src/turnover/annualizeTurnover.js";
import { codeOf } from "./codeOf.js";

describe("annualizeTurnover", () => {
  it("turnover × 365 / periodDays", () => {
    // Hand computation: 2 turns in 73 days is 2 × 365 / 73 = 10 turns a year.
    expect(annualizeTurnover({ turnover: 2, periodDays: 73 })).toBe(10);
    // A quarter of 91 days: 1.5 × 365 / 91 = 6.016483…
    expect(annualizeTurnover({ turnover: 1.5, periodDays: 91 })).toBeCloseTo(6.016484, 6);
    expect(annualizeTurnover({ turnover: 5, periodDays: 365 })).toBe(5);
  });

  it("a leap year: 365 by default, 366 when asked", () => {
    expect(annualizeTurnover({ turnover: 3.66, periodDays: 366 })).toBeCloseTo(3.65, 12);
    expect(annualizeTurnover({ turnover: 3.66, periodDays: 366, daysPerYear: 366 })).toBeCloseTo(
      3.66,
      12,
    );
  });

  it("passes null through", () => {
    expect(annualizeTurnover({ turnover: null, periodDays: 90 })).toBeNull();
  });

  it("rejects bad arguments with a code", () => {
    expect(codeOf(() => annualizeTurnover({ turnover: 1, periodDays: 0 }))).toBe("out_of_range");
    expect(codeOf(() => annualizeTurnover({ turnover: -1, periodDays: 30 }))).toBe("out_of_range");
    expect(codeOf(() => annualizeTurnover({ turnover: 1, periodDays: 30, daysPerYear: 0 }))).toBe(
      "out_of_range",
    );
    expect(codeOf(() => annualizeTurnover({ turnover: Number.NaN, periodDays: 30 }))).toBe(
      "invalid_argument",
    );
    expect(codeOf(() => annualizeTurnover({ turnover: null, periodDays: -1 }))).toBe(
      "out_of_range",
    );
  });
});
