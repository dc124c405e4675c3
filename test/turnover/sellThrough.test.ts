import { describe, expect, it } from "vitest";
import type { SellThroughArgs } from "../../src/turnover/sellThrough.js";
import { sellThrough } from "../../src/turnover/sellThrough.js";
import { codeOf } from "./codeOf.js";

describe("sellThrough", () => {
  // Hand-computed example: 20 units on hand at the start, 80 received, 80 sold, 20 left.
  it("default variant: sold / (opening + received)", () => {
    expect(sellThrough({ sold: 80, opening: 20, received: 80 })).toBe(0.8);
    expect(
      sellThrough({ sold: 80, opening: 20, received: 80, variant: "opening-plus-received" }),
    ).toBe(0.8);
  });

  it("variant 'received': sold / received", () => {
    expect(sellThrough({ sold: 80, received: 80, variant: "received" })).toBe(1);
    expect(sellThrough({ sold: 60, opening: 20, received: 80, variant: "received" })).toBe(0.75);
  });

  it("variant 'sold-plus-closing': sold / (sold + closing)", () => {
    expect(sellThrough({ sold: 80, closing: 20, variant: "sold-plus-closing" })).toBe(0.8);
    // With 10 units written off, the two variants differ: 80 / (80 + 10) vs 80 / 100.
    expect(sellThrough({ sold: 80, closing: 10, variant: "sold-plus-closing" })).toBeCloseTo(
      0.888889,
      6,
    );
  });

  it("is null when nothing was available, or net sales are negative", () => {
    expect(sellThrough({ sold: 0, opening: 0, received: 0 })).toBeNull();
    expect(sellThrough({ sold: 5, opening: -10, received: 5 })).toBeNull();
    expect(sellThrough({ sold: 5, received: 0, variant: "received" })).toBeNull();
    expect(sellThrough({ sold: 0, closing: 0, variant: "sold-plus-closing" })).toBeNull();
    expect(sellThrough({ sold: -3, opening: 10, received: 0 })).toBeNull();
  });

  it("rejects bad arguments with a code", () => {
    expect(codeOf(() => sellThrough({ sold: 1, opening: 0, received: -1 }))).toBe("out_of_range");
    expect(codeOf(() => sellThrough({ sold: Number.NaN, opening: 0, received: 1 }))).toBe(
      "invalid_argument",
    );
    expect(
      codeOf(() =>
        sellThrough({
          sold: 1,
          opening: 0,
          received: 1,
          variant: "closing",
        } as unknown as SellThroughArgs),
      ),
    ).toBe("invalid_option");
    expect(
      codeOf(() =>
        sellThrough({ sold: 1, variant: "sold-plus-closing" } as unknown as SellThroughArgs),
      ),
    ).toBe("invalid_argument");
  });
});
