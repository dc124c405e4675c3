import { describe, expect, test } from "vitest";
import { columnChart } from "../../../src/report/html/columnChart.js";
import { horizontalBarChart } from "../../../src/report/html/horizontalBarChart.js";
import { paretoChart } from "../../../src/report/html/paretoChart.js";
import { paretoCurve } from "../../../src/report/html/paretoCurve.js";

/** The numeric attributes of every element of a tag in an SVG. */
function attributes(svg: string, tag: string, name: string): number[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`, "g");
  return [...svg.matchAll(pattern)].map((m) => Number(m[1]));
}

const noNaN = (svg: string) => !/NaN|Infinity|undefined/.test(svg);

describe("horizontalBarChart", () => {
  const bar = (label: string, value: number | null) => ({
    label,
    value,
    valueText: String(value),
    tone: "plain" as const,
    title: label,
  });

  test("bar widths scale with the values", () => {
    const svg = horizontalBarChart({
      name: "test",
      bars: [bar("a", 100), bar("b", 50), bar("c", 25)],
      axisTitle: "value",
      tickText: String,
    }).markup;
    const widths = attributes(svg, "rect", "width");
    expect(widths).toHaveLength(3);
    const [a, b, c] = widths as [number, number, number];
    expect(b / a).toBeCloseTo(0.5, 2);
    expect(c / a).toBeCloseTo(0.25, 2);
    expect(noNaN(svg)).toBe(true);
  });

  test("zero, missing and no values draw nothing wrong", () => {
    for (const bars of [[bar("zero", 0), bar("none", null)], []]) {
      const svg = horizontalBarChart({ name: "t", bars, axisTitle: "v", tickText: String }).markup;
      expect(noNaN(svg)).toBe(true);
      expect(attributes(svg, "rect", "width").every((w) => w === 0)).toBe(true);
      expect(svg).toMatch(/^<svg class="chart" viewBox="0 0 720 \d+"/);
    }
  });

  test("the band is drawn behind the bars with its caption", () => {
    const svg = horizontalBarChart({
      name: "t",
      bars: [bar("a", 7)],
      band: { min: 8, max: 15, caption: "normal 8–15" },
      axisTitle: "v",
      tickText: String,
    }).markup;
    expect(svg).toContain('<rect class="band"');
    expect(svg).toContain("normal 8–15");
    expect(svg.indexOf('class="band"')).toBeLessThan(svg.indexOf('class="bar '));
  });
});

describe("columnChart", () => {
  test("column heights scale with the values; zeros and no months give no NaN", () => {
    const svg = columnChart({
      name: "m",
      categories: [{ label: "Jan", subLabel: "2025" }, { label: "Feb" }],
      series: [
        { name: "value", tone: "value", values: [200, 100], titles: ["a", "b"] },
        { name: "cogs", tone: "cogs", values: [50, 0], titles: ["c", "d"] },
      ],
      tickText: String,
    }).markup;
    const heights = attributes(svg, "rect", "height").slice(0, 4);
    const [v1, v2, c1, c2] = heights as [number, number, number, number];
    expect(v2 / v1).toBeCloseTo(0.5, 2);
    expect(c1 / v1).toBeCloseTo(0.25, 2);
    expect(c2).toBe(0);
    expect(noNaN(svg)).toBe(true);
    const empty = columnChart({ name: "m", categories: [], series: [], tickText: String }).markup;
    expect(noNaN(empty)).toBe(true);
  });
});

describe("paretoChart", () => {
  test("the drawn curve runs from the plot's corner (0 %, 0 %) to (100 %, 100 %)", () => {
    const curve = paretoCurve([
      { abcRank: 1, abcCumulativeShare: 0.85, abcClass: "A" },
      { abcRank: 2, abcCumulativeShare: 0.95, abcClass: "B" },
      { abcRank: 3, abcCumulativeShare: 1, abcClass: "C" },
    ]);
    const svg = paretoChart({
      name: "p",
      curve,
      cutoffs: [0.8, 0.95],
      maxPoints: 500,
      measure: "COGS",
    }).markup;
    const d = /<path class="curve" d="([^"]+)"/.exec(svg)?.[1] ?? "";
    const points = [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    // The plot spans x 60..650 and y 362 (0 %)..28 (100 %).
    expect(points[0]).toEqual([60, 362]);
    expect(points.at(-1)).toEqual([650, 28]);
    // Point 1: x = 60 + 590 / 3 = 256.7; y = 362 − 0.85 × 334 = 78.1.
    expect(points[1]).toEqual([256.7, 78.1]);
    // Marks for the ends of A and B (not for C, which ends at the corner), and both cutoffs.
    expect(svg.match(/class="class-dot"/g)).toHaveLength(2);
    expect(svg).toContain("A: 33.3 % of SKUs hold 85.0 %");
    expect(svg.match(/class="cutoff"/g)).toHaveLength(2);
    expect(noNaN(svg)).toBe(true);
  });
});
