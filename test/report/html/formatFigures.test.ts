import { describe, expect, test } from "vitest";
import { Decimal } from "../../../src/model/Decimal.js";
import {
  formatCompact,
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
} from "../../../src/report/html/formatFigures.js";

describe("figures for people", () => {
  test("round half to even and group thousands", () => {
    // 1,234,567.125 to two places: the 5 is a tie, the even neighbour of 2 is 2.
    expect(formatNumber(new Decimal("1234567.125"), 2)).toBe("1,234,567.12");
    expect(formatNumber(new Decimal("1234567.135"), 2)).toBe("1,234,567.14");
    expect(formatNumber(-9876.5, 0)).toBe("-9,876");
    expect(formatNumber(120, 2)).toBe("120");
    expect(formatNumber(null)).toBe("–");
    expect(formatNumber(Number.NaN)).toBe("–");
  });

  test("money keeps two decimals, shares are percentages", () => {
    expect(formatMoney(new Decimal("98765.4"))).toBe("98,765.40");
    expect(formatMoney(null)).toBe("–");
    expect(formatPercent(0.12345)).toBe("12.3 %");
    expect(formatPercent(1, 0)).toBe("100 %");
    expect(formatPercent(null)).toBe("–");
  });

  test("axis labels are compact", () => {
    expect(formatCompact(1_250_000)).toBe("1.25 M");
    expect(formatCompact(350_000)).toBe("350 k");
    expect(formatCompact(2_500_000_000)).toBe("2.5 bn");
    expect(formatCompact(12.5)).toBe("12.5");
    expect(formatCompact(0)).toBe("0");
  });

  test("counts agree with their noun", () => {
    expect(formatCount(1, "SKU")).toBe("1 SKU");
    expect(formatCount(0, "SKU")).toBe("0 SKUs");
    expect(formatCount(1250, "SKU")).toBe("1,250 SKUs");
  });
});
