import { Decimal as UserDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import { toDecimal, tryToDecimal } from "../../src/model/money.js";

describe("money", () => {
  it("reads a number as the decimal it prints as", () => {
    expect(toDecimal(0.1, "t").plus(toDecimal(0.2, "t")).toFixed()).toBe("0.3");
    expect(toDecimal("12.3456", "t").toFixed()).toBe("12.3456");
  });

  it("accepts the caller's own decimal.js instances", () => {
    expect(toDecimal(new UserDecimal("1.25"), "t").toFixed()).toBe("1.25");
  });

  it("rejects what is not a finite decimal", () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "",
      " ",
      "1,5",
      "abc",
      "0x10",
      new UserDecimal(Number.NaN),
    ]) {
      expect(tryToDecimal(bad), String(bad)).toBeNull();
    }
    expect(() => toDecimal("1,5", "fn: unitCost")).toThrowError(InvKpiError);
  });

  it("never changes the caller's decimal.js settings", () => {
    const before = UserDecimal.precision;
    expect(new Decimal(1).div(3).toFixed().length).toBeGreaterThan(30); // 40 significant digits
    expect(UserDecimal.precision).toBe(before);
  });

  it("rounds half to even", () => {
    expect(new Decimal("2.5").toDecimalPlaces(0).toFixed()).toBe("2");
    expect(new Decimal("3.5").toDecimalPlaces(0).toFixed()).toBe("4");
  });
});
