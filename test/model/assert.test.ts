import { describe, expect, it } from "vitest";
import {
  requireFinite,
  requireNonNegative,
  requireOpenUnitInterval,
  requirePositive,
  requireVariant,
} from "../../src/model/assert.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof InvKpiError ? e.code : "not an InvKpiError";
  }
  return undefined;
}

describe("argument guards", () => {
  it("accept values in their domain and return them", () => {
    expect(requireFinite(-1.5, "f", "x")).toBe(-1.5);
    expect(requireNonNegative(0, "f", "x")).toBe(0);
    expect(requirePositive(2, "f", "x")).toBe(2);
    expect(requireOpenUnitInterval(0.95, "f", "x")).toBe(0.95);
    expect(requireVariant("a", ["a", "b"], "f", "x")).toBe("a");
  });

  it("name the code, the function and the argument", () => {
    expect(codeOf(() => requireFinite(Number.NaN, "f", "x"))).toBe("invalid_argument");
    expect(codeOf(() => requireFinite("1", "f", "x"))).toBe("invalid_argument");
    expect(codeOf(() => requireNonNegative(-1, "f", "x"))).toBe("out_of_range");
    expect(codeOf(() => requirePositive(0, "f", "x"))).toBe("out_of_range");
    expect(codeOf(() => requireOpenUnitInterval(1, "f", "x"))).toBe("out_of_range");
    expect(codeOf(() => requireOpenUnitInterval(0, "f", "x"))).toBe("out_of_range");
    expect(codeOf(() => requireVariant("c", ["a", "b"], "f", "x"))).toBe("invalid_option");
    expect(() => requirePositive(-2, "safetyStock", "leadTime")).toThrow(
      /^safetyStock: leadTime must be > 0, got -2$/,
    );
  });
});

describe("describeValue", () => {
  it("prints non-finite numbers as themselves, not as JSON's null", async () => {
    const { describeValue } = await import("../../src/model/InvKpiError.js");
    expect([
      describeValue(Number.NaN),
      describeValue(Number.POSITIVE_INFINITY),
      describeValue(-1.5),
    ]).toEqual(["NaN", "Infinity", "-1.5"]);
    expect(describeValue("x".repeat(100)).length).toBe(60);
  });
});
