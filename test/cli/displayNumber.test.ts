import { describe, expect, test } from "vitest";
import {
  displayCount,
  displayMoney,
  displayNumber,
  displayPercent,
  NO_VALUE,
} from "../../src/cli/displayNumber.js";
import { Decimal } from "../../src/model/Decimal.js";

// Numbers for people. Expected texts worked out by hand: round half to even at the last place
// shown (0.125 → 0.12 because 2 is even; 0.135 → 0.14 because 4 is even), then group thousands.

describe("displayNumber", () => {
  test("rounds half to even, exactly (not through binary fractions)", () => {
    expect(displayNumber(new Decimal("0.125"), 2, true)).toBe("0.12");
    expect(displayNumber(new Decimal("0.135"), 2, true)).toBe("0.14");
    // 1.005 as a double is 1.00499999999999989…, but its shortest text is "1.005", a tie: even.
    expect(displayNumber(1.005, 2)).toBe("1");
    expect(displayNumber(2.5, 0)).toBe("2");
    expect(displayNumber(3.5, 0)).toBe("4");
  });

  test("groups thousands, keeps the sign, trims unless fixed", () => {
    expect(displayNumber(-1234567.891, 2)).toBe("-1,234,567.89");
    expect(displayNumber(1000, 2)).toBe("1,000");
    expect(displayNumber(999.5, 1, true)).toBe("999.5");
    expect(displayMoney(new Decimal("98765.4"))).toBe("98,765.40");
    expect(displayNumber(new Decimal("1e25"), 0)).toBe("10,000,000,000,000,000,000,000,000");
  });

  test("an undefined figure is a dash, never 0", () => {
    expect(displayNumber(null)).toBe(NO_VALUE);
    expect(displayMoney(null)).toBe(NO_VALUE);
    expect(displayPercent(null)).toBe(NO_VALUE);
  });

  test("percentages have one decimal", () => {
    expect(displayPercent(0.12345)).toBe("12.3 %");
    expect(displayPercent(1)).toBe("100.0 %");
  });
});

describe("displayCount", () => {
  test("the singular for one, the plural otherwise, thousands separated", () => {
    expect(displayCount(1, "day")).toBe("1 day");
    expect(displayCount(0, "day")).toBe("0 days");
    expect(displayCount(1096, "day")).toBe("1,096 days");
    expect(displayCount(2, "SKU record")).toBe("2 SKU records");
    expect(displayCount(3, "SKU-location", "SKU-locations")).toBe("3 SKU-locations");
  });
});
