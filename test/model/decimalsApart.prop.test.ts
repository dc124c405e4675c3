import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { decimalsApart } from "../../src/model/decimalsApart.js";
import { formatNumber } from "../../src/report/html/formatFigures.js";

const sideOf = (a: Decimal, b: Decimal): number => a.comparedTo(b);

describe("decimalsApart", () => {
  test("adds places only when the rounded figure would meet or cross a bound it is not on", () => {
    expect(decimalsApart(7.996, [8, 15], 2)).toBe(3);
    expect(decimalsApart(7.9999, [8, 15], 2)).toBe(4);
    expect(decimalsApart(15.004, [8, 15], 2)).toBe(3);
    expect(decimalsApart(5.999999999999999, [6, 10], 2)).toBe(15);
    expect(decimalsApart(3.998, [8, 15], 2)).toBe(2);
    expect(decimalsApart(8, [8, 15], 2)).toBe(2);
    expect(decimalsApart(45.648, [24.333, 45.625], 0)).toBe(2);
    expect(decimalsApart(null, [8], 2)).toBe(2);
    expect(decimalsApart(7.996, [null, undefined], 2)).toBe(2);
  });

  test.prop([
    fc.double({ min: 0, max: 1000, noNaN: true }),
    fc.double({ min: 0, max: 1000, noNaN: true }),
    fc.integer({ min: 0, max: 3 }),
  ])("rounded to its places, a figure sits on the bound's side, as shown", (value, bound, base) => {
    const places = decimalsApart(value, [bound], base);
    expect(places).toBeGreaterThanOrEqual(base);
    const shown = new Decimal(formatNumber(value, places).replaceAll(",", ""));
    const exact = new Decimal(String(value));
    const b = new Decimal(String(bound));
    const side = sideOf(exact, b);
    if (side === 0) {
      expect(places).toBe(base);
      return;
    }
    expect(sideOf(shown, b)).toBe(side);
    // The bound shown rounded to the same places is on the other side too (a band in days).
    expect(sideOf(shown, b.toDecimalPlaces(places))).toBe(side);
  });

  test.prop([
    fc.double({ min: 0, max: 1000, noNaN: true }),
    fc.double({ min: 0, max: 1000, noNaN: true }),
  ])("a figure two shown steps from the bound keeps its places", (value, bound) => {
    fc.pre(Math.abs(value - bound) >= 0.02);
    expect(decimalsApart(value, [bound], 2)).toBe(2);
  });
});
