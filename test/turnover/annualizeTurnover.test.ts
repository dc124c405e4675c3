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

  it("annualizes a turnover given as { sales, stock } with one rounding", () => {
    // Hand computation: COGS 2196 over an average inventory of 365 in the 366 days of 2024 is
    // 2196 / 365 turns; a year of 365 days: 2196 × 365 / (365 × 366) = 2196 / 366 = 6 exactly.
    // Annualizing the turnover already rounded to a double misses it by one unit in the last place.
    expect(annualizeTurnover({ turnover: 2196 / 365, periodDays: 366 })).toBe(5.999999999999999);
    expect(annualizeTurnover({ turnover: { sales: 2196, stock: 365 }, periodDays: 366 })).toBe(6);
    // Retail's bound 15, from revenue 3276 over an average retail stock of 797.16 in 100 days:
    // 3276 × 365 / (797.16 × 100) = 1195740 / 79716 = 15 exactly; via the rounded turnover
    // (4.109589041095891) it comes out 15.000000000000002, just "above" a 15 bound.
    expect(annualizeTurnover({ turnover: 3276 / 797.16, periodDays: 100 })).toBe(
      15.000000000000002,
    );
    expect(
      annualizeTurnover({ turnover: { sales: "3276", stock: "797.16" }, periodDays: 100 }),
    ).toBe(15);
    // daysPerYear = periodDays: the quotient itself, rounded once.
    expect(
      annualizeTurnover({ turnover: { sales: 1, stock: 3 }, periodDays: 366, daysPerYear: 366 }),
    ).toBe(1 / 3);
  });

  it("annualizes parts with no sales to 0", () => {
    // 0 × 365 / (40 × 90) = 0: stock that did not turn.
    expect(annualizeTurnover({ turnover: { sales: 0, stock: 40 }, periodDays: 90 })).toBe(0);
  });

  it("rejects parts that are no turnover", () => {
    const bad = (sales: unknown, stock: unknown) => () =>
      annualizeTurnover({ turnover: { sales, stock } as never, periodDays: 30 });
    expect(codeOf(bad(-1, 10))).toBe("out_of_range");
    expect(codeOf(bad(1, 0))).toBe("out_of_range");
    expect(codeOf(bad(1, -5))).toBe("out_of_range");
    expect(codeOf(bad("x", 5))).toBe("invalid_money");
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
