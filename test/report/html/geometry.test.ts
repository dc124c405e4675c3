import { describe, expect, test } from "vitest";
import { barLayout } from "../../../src/report/html/barLayout.js";
import { columnLayout } from "../../../src/report/html/columnLayout.js";
import { fitLabel } from "../../../src/report/html/fitLabel.js";
import { linePath } from "../../../src/report/html/svgPath.js";

describe("barLayout", () => {
  test("bar lengths are proportional to the values, on a round axis", () => {
    // Axis top for 87: 100 (87 / 5 = 17.4 → step 20). Pixels 200..600: 4 px a unit.
    const layout = barLayout([87, 43.5, 10], { start: 200, end: 600 });
    expect(layout.axis.max).toBe(100);
    expect(layout.lengths).toEqual([348, 174, 40]);
    expect(layout.tickPositions).toEqual([200, 280, 360, 440, 520, 600]);
  });

  test("a missing value has no bar; zero and negative values a bar of length 0", () => {
    const layout = barLayout([null, 0, -3, 50], { start: 0, end: 100 });
    expect(layout.lengths).toEqual([null, 0, 0, 100]);
  });

  test("all zeros or no values: axis 0..1, lengths 0, no NaN", () => {
    for (const values of [[0, 0, 0], [], [null]]) {
      const layout = barLayout(values, { start: 10, end: 110 });
      expect(layout.axis.max).toBe(1);
      expect(layout.lengths.every((l) => l === null || l === 0)).toBe(true);
      expect(layout.tickPositions.every(Number.isFinite)).toBe(true);
    }
  });

  test("the axis grows to show the whole band; an open band runs to the axis top", () => {
    // Bars up to 7, the wholesale band 8–15: the axis must reach 15 (15 / 5 = 3 → step 5).
    const layout = barLayout([7], { start: 0, end: 150, band: { min: 8, max: 15 } });
    expect(layout.axis.max).toBe(15);
    expect(layout.band).toEqual({ from: 80, to: 150 });
    expect(layout.lengths).toEqual([70]);
    // Open band from 10, a bar of 40: axis 0..40 (40 / 5 = 8 → step 10), band from 25 px to the end.
    const open = barLayout([40], { start: 0, end: 100, band: { min: 10 } });
    expect(open.band).toEqual({ from: 25, to: 100 });
  });
});

describe("columnLayout", () => {
  test("slots side by side, columns centred in them", () => {
    // 2 categories over 100 px: slots of 50, columns fill 80 % → 2 × 20 px, 5 px margins.
    const layout = columnLayout(2, 2, 0, 100);
    expect(layout.columnWidth).toBe(20);
    expect(layout.slots).toEqual([
      { center: 25, columnX: [5, 25] },
      { center: 75, columnX: [55, 75] },
    ]);
  });

  test("no categories: no slots, never a division by zero", () => {
    expect(columnLayout(0, 2, 0, 100)).toEqual({ slots: [], columnWidth: 0 });
  });
});

describe("linePath", () => {
  test("moves to the first point and draws lines to the next, rounded to 0.1 px", () => {
    const x = (v: number) => 10 + v * 100;
    const y = (v: number) => 200 - v * 100;
    expect(
      linePath(
        [
          { x: 0, y: 0 },
          { x: 1 / 3, y: 0.85 },
          { x: 1, y: 1 },
        ],
        x,
        y,
      ),
    ).toBe("M10 200L43.3 115L110 100");
    expect(linePath([], x, y)).toBe("");
  });

  test("refuses a coordinate that is not finite", () => {
    expect(() =>
      linePath(
        [{ x: 0, y: 0 }],
        () => Number.NaN,
        (v) => v,
      ),
    ).toThrow(RangeError);
  });
});

describe("fitLabel", () => {
  test("cuts long labels with an ellipsis, wide characters counting twice", () => {
    expect(fitLabel("Garden (seasonal)", 10)).toBe("Garden (s…");
    expect(fitLabel("紧固件 Fasteners", 8)).toBe("紧固件 …");
    expect(fitLabel("short", 10)).toBe("short");
    expect(fitLabel("😀😀😀😀", 2)).toBe("😀…");
  });
});
