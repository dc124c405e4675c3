import { describe, expect, test } from "vitest";
import { niceAxis } from "../../../src/report/html/niceAxis.js";

describe("niceAxis", () => {
  test("rounds the top up to a round step (1, 2, 2.5, 5 × 10ⁿ)", () => {
    // Hand computation: 87 / 5 = 17.4 → the smallest round step ≥ 17.4 is 20 → top 5 × 20 = 100.
    expect(niceAxis(87)).toEqual({ max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    // 0.42 / 4 = 0.105 → step 0.2 → ⌈0.42 / 0.2⌉ = 3 steps → top 0.6 (no float noise in the ticks).
    expect(niceAxis(0.42, 4)).toEqual({ max: 0.6, ticks: [0, 0.2, 0.4, 0.6] });
    // 1,596,736 / 5 = 319,347 → step 500,000 → ⌈3.19⌉ = 4 steps → top 2,000,000.
    expect(niceAxis(1_596_736).max).toBe(2_000_000);
    // A round largest value is its own top: 100 / 5 = 20 → step 20 → 5 steps.
    expect(niceAxis(100).max).toBe(100);
    expect(niceAxis(15).ticks).toEqual([0, 5, 10, 15]);
  });

  test("nothing to show gives the axis 0..1", () => {
    for (const largest of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const axis = niceAxis(largest);
      expect(axis.max).toBe(1);
      expect(axis.ticks[0]).toBe(0);
      expect(axis.ticks.every(Number.isFinite)).toBe(true);
    }
  });

  test("the top always covers the largest value", () => {
    for (const largest of [0.0031, 1, 7, 9.99, 10.01, 123_456, 3.3e9]) {
      const axis = niceAxis(largest);
      expect(axis.max).toBeGreaterThanOrEqual(largest);
      expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
      expect(axis.ticks.length).toBeLessThanOrEqual(11);
    }
  });
});
