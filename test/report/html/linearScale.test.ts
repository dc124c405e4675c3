import { describe, expect, test } from "vitest";
import { linearScale } from "../../../src/report/html/linearScale.js";
import { codeOf } from "../fixtures.js";

describe("linearScale", () => {
  test("maps the domain onto the range, backwards too (SVG's y grows downwards)", () => {
    // Hand computation: 300 + (50 − 0) × (20 − 300) / (100 − 0) = 300 − 140 = 160.
    const y = linearScale([0, 100], [300, 20]);
    expect(y(0)).toBe(300);
    expect(y(100)).toBe(20);
    expect(y(50)).toBe(160);
    // Outside the domain: not clamped.
    expect(y(200)).toBe(-260);
  });

  test("an empty domain maps everything to the start of the range, never NaN", () => {
    const scale = linearScale([0, 0], [10, 110]);
    expect(scale(0)).toBe(10);
    expect(scale(5)).toBe(10);
  });

  test("refuses ends that are not finite numbers", () => {
    expect(codeOf(() => linearScale([0, Number.NaN], [0, 1]))).toBe("invalid_argument");
    expect(codeOf(() => linearScale([0, 1], [0, Number.POSITIVE_INFINITY]))).toBe(
      "invalid_argument",
    );
  });
});
