import { describe, expect, it } from "vitest";
import { compareGroupKeys, compareSkuLocation, compareText } from "../../src/model/compareText.js";

describe("compareText", () => {
  it("orders by UTF-16 code units, not by locale: 'B' (0x42) before 'a' (0x61)", () => {
    expect(["b", "B", "a"].sort(compareText)).toEqual(["B", "a", "b"]);
    expect(compareText("x", "x")).toBe(0);
    expect(compareText("", "a")).toBeLessThan(0);
    // Code units: "z" U+007A < "商" U+5546 < "Ａ" (fullwidth A) U+FF21.
    expect(["Ａ", "商品", "z"].sort(compareText)).toEqual(["z", "商品", "Ａ"]);
  });
});

describe("compareSkuLocation", () => {
  it("orders by SKU, then location, with no location (undefined or null) first", () => {
    const rows = [
      { sku: "B" },
      { sku: "A", location: "W2" },
      { sku: "A", location: null },
      { sku: "A", location: "W1" },
    ];
    expect([...rows].sort(compareSkuLocation)).toEqual([
      { sku: "A", location: null },
      { sku: "A", location: "W1" },
      { sku: "A", location: "W2" },
      { sku: "B" },
    ]);
  });
});

describe("compareGroupKeys", () => {
  it("orders keys by code unit with the rows without a key (null) last, as its example", () => {
    expect([null, "b", "a"].sort(compareGroupKeys)).toEqual(["a", "b", null]);
    expect(["é", null, "Z", "", null].sort(compareGroupKeys)).toEqual(["", "Z", "é", null, null]);
    expect(compareGroupKeys(null, null)).toBe(0);
    expect(compareGroupKeys("a", "a")).toBe(0);
  });
});
