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

describe("describeValue of values that print badly (found by an input audit)", () => {
  it("escapes invisible and format characters, which a terminal would not show", async () => {
    const { describeValue } = await import("../../src/model/InvKpiError.js");
    expect(describeValue("receipt\u200B")).toBe('"receipt\\u{200b}"');
    expect(describeValue("\uFEFFA")).toBe('"\\u{feff}A"');
    expect(describeValue("a\u00A0b\u3000c\u2028d\u0085e\u00ADf")).toBe(
      '"a\\u{a0}b\\u{3000}c\\u{2028}d\\x85e\\u{ad}f"',
    );
    expect(describeValue("a b\tc\n")).toBe('"a b\\tc\\n"'); // JSON's own escapes, and a plain space
    expect(describeValue({ sku: "A\u200B" })).toBe('{"sku":"A\\u{200b}"}');
    expect(describeValue("螺丝-M8 é")).toBe('"螺丝-M8 é"');
  });

  it("describes a cyclic object by its contents, and never throws", async () => {
    const { describeValue } = await import("../../src/model/InvKpiError.js");
    const cyclic: Record<string, unknown> = { sku: "A" };
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('{"sku":"A","self":"[Circular]"}');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeValue(proxy)).toBe("[unreadable object]");
    const throwing = {
      get x() {
        throw new Error("boom");
      },
    };
    expect(describeValue(throwing)).toBe("[unreadable object]");
  });
});
