import { describe, expect, it } from "vitest";
import { XYZ_NONE, xyzClassify } from "../../src/classify/xyzClassify.js";
import { demandStatistics } from "../../src/demand/demandStatistics.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof InvKpiError ? e.code : "not an InvKpiError";
  }
  return undefined;
}

/** Population mean and standard deviation of per-bucket demand, written out for the examples. */
function stats(buckets: readonly number[]): { mean: number; stdDev: number } {
  const mean = buckets.reduce((a, b) => a + b, 0) / buckets.length;
  const variance = buckets.reduce((a, b) => a + (b - mean) ** 2, 0) / buckets.length;
  return { mean, stdDev: Math.sqrt(variance) };
}

describe("xyzClassify: worked examples (hand computations)", () => {
  it("classifies by CV = σ / μ with inclusive upper bounds 0.5 and 1", () => {
    // steady: weekly demand [9, 11, 10, 10]: μ = 10, σ² = (1 + 1 + 0 + 0) / 4 = 0.5,
    //   σ = 0.7071, CV = 0.0707 → X.
    // edgeX:  μ = 2, σ = 1 → CV = 0.5 exactly → X (≤ 0.5).
    // edgeY:  μ = 4, σ = 4 → CV = 1 exactly → Y (≤ 1).
    // lumpy:  weekly demand [10, 0, 0, 30]: μ = 10, σ² = (0 + 100 + 100 + 400) / 4 = 150,
    //   σ = 12.247, CV = 1.2247 → Z.
    const rows = xyzClassify([
      { id: "steady", ...stats([9, 11, 10, 10]) },
      { id: "edgeX", mean: 2, stdDev: 1 },
      { id: "edgeY", mean: 4, stdDev: 4 },
      { id: "lumpy", ...stats([10, 0, 0, 30]) },
    ]);
    expect(rows.map((r) => [r.id, r.class])).toEqual([
      ["steady", "X"],
      ["edgeX", "X"],
      ["edgeY", "Y"],
      ["lumpy", "Z"],
    ]);
    expect(rows[0]!.cv).toBeCloseTo(Math.sqrt(0.5) / 10, 15);
    expect(rows[3]!.cv).toBeCloseTo(Math.sqrt(150) / 10, 15);
    expect(rows[1]!.cv).toBe(0.5);
    expect(rows[1]!.reason).toBeUndefined();
  });

  it("zero-demand days count (trap 1): a SKU sold on 2 days of 30 is Z, not X", () => {
    // 5 units on each of 2 days of a 30-day month. Over all 30 days: μ = 10/30 = 1/3,
    // Σx² / 30 = 50/30, σ² = 5/3 − 1/9 = 14/9, σ = 1.2472, CV = 3.742 → Z.
    // Over the 2 selling days only: μ = 5, σ = 0, CV = 0 → X (wrong).
    const days = Array.from({ length: 30 }, (_, day) => (day === 3 || day === 17 ? 5 : 0));
    const [all] = xyzClassify([{ id: "sku", ...stats(days) }]);
    expect(all!.cv).toBeCloseTo(Math.sqrt(14 / 9) * 3, 12);
    expect(all!.class).toBe("Z");
    const [sellingDaysOnly] = xyzClassify([{ id: "sku", ...stats([5, 5]) }]);
    expect(sellingDaysOnly!.class).toBe("X");
  });

  it("an item without demand is 'none' with a reason, never X", () => {
    const rows = xyzClassify([
      { id: "dead", mean: 0, stdDev: 0 },
      { id: "cancelled", mean: 0, stdDev: 3 },
      { id: "returns", mean: -2, stdDev: 0 },
      { id: "netReturns", mean: -2, stdDev: 5 },
    ]);
    expect(rows).toEqual([
      { id: "dead", cv: null, class: XYZ_NONE, reason: "no_demand" },
      { id: "cancelled", cv: null, class: "none", reason: "zero_mean_demand" },
      { id: "returns", cv: null, class: "none", reason: "negative_mean_demand" },
      { id: "netReturns", cv: null, class: "none", reason: "negative_mean_demand" },
    ]);
  });

  it("perfectly constant demand has CV 0 and is X", () => {
    expect(xyzClassify([{ id: "c", mean: 7, stdDev: 0 }])).toEqual([
      { id: "c", cv: 0, class: "X" },
    ]);
  });

  it("a CV too large for a double is the last class without a CV", () => {
    expect(xyzClassify([{ id: "tiny", mean: 1e-300, stdDev: 1e300 }])).toEqual([
      { id: "tiny", cv: null, class: "Z", reason: "cv_overflow" },
    ]);
  });

  it("keeps input order and accepts custom cutoffs and labels", () => {
    // cutoffs [0.25, 0.5, 1]: CV 0.8 → third class, 0.1 → first, 2 → fourth, 0.5 → second.
    const rows = xyzClassify(
      [
        { id: "b", mean: 10, stdDev: 8 },
        { id: "a", mean: 10, stdDev: 1 },
        { id: "d", mean: 1, stdDev: 2 },
        { id: "c", mean: 2, stdDev: 1 },
      ],
      { cutoffs: [0.25, 0.5, 1], labels: ["X1", "X2", "Y", "Z"] },
    );
    expect(rows.map((r) => `${r.id}:${r.class}`)).toEqual(["b:Y", "a:X1", "d:Z", "c:X2"]);
  });

  it("a CV within one part in 10^12 above a cutoff is on it (found by an audit: the class followed rounding)", () => {
    // Weekly 2.1, 0.9, 0.9, 0.9: μ = 1.2, σ = 0.6, CV 0.5 exactly; from floating-point sums σ
    // came out 0.6000000000000005 and CV 0.5000000000000004, which was Y.
    const rows = xyzClassify([
      { id: "on 0.5, rounded up", mean: 1.2, stdDev: 0.6000000000000005 },
      { id: "on 1, rounded up", mean: 0.1, stdDev: 0.10000000000000002 },
      { id: "10^-9 above 0.5", mean: 1, stdDev: 0.500000001 },
      { id: "10^-11 above 1", mean: 1, stdDev: 1.00000000001 },
    ]);
    expect(rows.map((r) => [r.cv, r.class])).toEqual([
      [0.5000000000000004, "X"],
      [1.0000000000000002, "Y"],
      [0.500000001, "Y"],
      [1.00000000001, "Z"],
    ]);
    const custom = xyzClassify([{ id: "a", mean: 3, stdDev: 0.9000000000000002 }], {
      cutoffs: [0.3],
      labels: ["steady", "erratic"],
    });
    expect(custom.map((r) => r.class)).toEqual(["steady"]);
  });

  it("returns no rows for no items", () => {
    expect(xyzClassify([])).toEqual([]);
  });
});

describe("xyzClassify: invalid input", () => {
  it("refuses a null deviation (demandStatistics over one bucket) and says to leave the item out", () => {
    // An API audit: `stdDev ?? 0` put such an item in X, where analyzeLedger gives it no class.
    const oneWeek = demandStatistics([7], { stdDev: "sample" });
    expect(oneWeek.stdDev).toBeNull();
    expect(() => xyzClassify([{ id: "new", ...oneWeek } as never])).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        path: ["items", 0, "stdDev"],
        message: expect.stringContaining("leave the item out") as string,
      }) as Error,
    );
  });

  it("rejects statistics that are not finite, and negative deviations", () => {
    const run = (item: unknown) => codeOf(() => xyzClassify([item] as never));
    expect(run({ id: "a", mean: Number.NaN, stdDev: 1 })).toBe("invalid_argument");
    expect(run({ id: "a", mean: 1, stdDev: Number.POSITIVE_INFINITY })).toBe("invalid_argument");
    expect(run({ id: "a", mean: 1, stdDev: -0.1 })).toBe("out_of_range");
    expect(run({ id: 1, mean: 1, stdDev: 1 })).toBe("invalid_argument");
    expect(run(null)).toBe("invalid_argument");
    expect(codeOf(() => xyzClassify({} as never))).toBe("invalid_argument");
  });

  it("rejects bad cutoffs and labels, and the reserved label 'none'", () => {
    const run = (options: unknown) =>
      codeOf(() => xyzClassify([{ id: "a", mean: 1, stdDev: 1 }], options as never));
    expect(run({ cutoffs: [1, 0.5] })).toBe("invalid_option");
    expect(run({ cutoffs: [-0.5, 1] })).toBe("out_of_range");
    expect(run({ cutoffs: [0, 1] })).toBeUndefined();
    expect(run({ cutoffs: [0.5, 1, 2] })).toBe("invalid_option"); // 4 classes, default labels 3
    expect(run({ labels: ["X", "Y", "none"] })).toBe("invalid_option");
    expect(run({ labels: ["X", "Y"] })).toBe("invalid_option");
  });
});
