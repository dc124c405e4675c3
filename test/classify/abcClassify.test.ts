import { Decimal as UserDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { abcClassify } from "../../src/classify/abcClassify.js";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof InvKpiError ? e.code : "not an InvKpiError";
  }
  return undefined;
}

/** Items s1, s2, ... with the given values. */
function items(values: readonly (number | string | Decimal)[]) {
  return values.map((value, i) => ({ id: `s${i + 1}`, value }));
}

const classes = (rows: readonly { class: string }[]) => rows.map((row) => row.class).join("");

describe("abcClassify: worked examples (hand computations)", () => {
  it("one SKU holding 85 % of the value is A, then B, then C", () => {
    // Total 100. In rank order, the cumulative share before each item and the first cutoff
    // (0.8, 0.95) it has not reached:
    //   85: before 0    < 0.80            → A; cumulative 0.85
    //   10: before 0.85 ≥ 0.80, < 0.95    → B; cumulative 0.95
    //    5: before 0.95 ≥ 0.95            → C; cumulative 1
    const rows = abcClassify([
      { id: "bolt", value: 5 },
      { id: "motor", value: 85 },
      { id: "belt", value: 10 },
    ]);
    expect(rows.map((r) => [r.id, r.rank, r.class, r.share, r.cumulativeShare])).toEqual([
      ["motor", 1, "A", 0.85, 0.85],
      ["belt", 2, "B", 0.1, 0.95],
      ["bolt", 3, "C", 0.05, 1],
    ]);
    expect(rows[0]!.value.toFixed()).toBe("85");
  });

  it("a class ends where its cutoff is reached exactly", () => {
    // [50, 30, 20], total 100: before the 20 the cumulative share is 0.8, which reaches the A
    // cutoff (≥), so A = {50, 30} holds exactly 80 % and the 20 is B (0.8 < 0.95).
    expect(classes(abcClassify(items([50, 30, 20])))).toBe("AAB");
  });

  it("a tie across the A cutoff stays in A", () => {
    // [70, 10, 10, 10], total 100. Cumulative before: 0, 0.7, 0.8, 0.9.
    // The first 10 is A (0.7 < 0.8). Without the tie rule the second would be B (0.8 ≥ 0.8) and
    // the third B (0.9 < 0.95); equal values take the class of the first of them: all A.
    const rows = abcClassify(items([70, 10, 10, 10]));
    expect(classes(rows)).toBe("AAAA");
    // The tie is ranked by id: s2 < s3 < s4.
    expect(rows.map((r) => r.id)).toEqual(["s1", "s2", "s3", "s4"]);
  });

  it("a tie across the B cutoff stays in B", () => {
    // [80, 10, 5, 5], total 100. Cumulative before: 0 (A), 0.8 (B), 0.9 (B), 0.95 (would be C,
    // but it ties with the 5 before it, which is B).
    expect(classes(abcClassify(items([80, 10, 5, 5])))).toBe("ABBB");
  });

  it("ranks equal values by id, in plain UTF-16 code-unit order", () => {
    // Code units: "B" 0x42 < "a" 0x61 < "é" 0xE9 < "😀" 0xD83D (high surrogate) < "\uFFFF".
    // (Code-point order would put "😀" U+1F600 after "\uFFFF".)
    const ids = ["\uFFFF", "é", "😀", "a", "B"];
    const rows = abcClassify(ids.map((id) => ({ id, value: 7 })));
    expect(rows.map((r) => r.id)).toEqual(["B", "a", "é", "😀", "\uFFFF"]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(classes(rows)).toBe("AAAAA");
  });

  it("all-zero values: every item is in the last class with shares 0", () => {
    const rows = abcClassify(items([0, "0", new Decimal(0)]));
    expect(rows.map((r) => [r.id, r.class, r.share, r.cumulativeShare])).toEqual([
      ["s1", "C", 0, 0],
      ["s2", "C", 0, 0],
      ["s3", "C", 0, 0],
    ]);
  });

  it("zero values go to the last class, or are left out with zeroValues: 'exclude'", () => {
    // [0, 30, 0, 70]: 70 A (before 0), 30 A (before 0.7), then the zeros (before 1) are C.
    const rows = abcClassify(items([0, 30, 0, 70]));
    expect(rows.map((r) => `${r.id}${r.class}`)).toEqual(["s4A", "s2A", "s1C", "s3C"]);
    expect(rows.map((r) => r.cumulativeShare)).toEqual([0.7, 1, 1, 1]);
    const kept = abcClassify(items([0, 30, 0, 70]), { zeroValues: "exclude" });
    expect(kept.map((r) => `${r.id}${r.class}${r.rank}`)).toEqual(["s4A1", "s2A2"]);
  });

  it("one item is A with the whole value; no items give no rows", () => {
    const [row] = abcClassify([{ id: "only", value: "42.50" }]);
    expect(row).toMatchObject({ id: "only", rank: 1, share: 1, cumulativeShare: 1, class: "A" });
    expect(abcClassify([{ id: "only", value: 0 }])[0]!.class).toBe("C");
    expect(abcClassify([])).toEqual([]);
  });

  it("10 000 items valued 1 .. 10 000: class sizes from the hand-solved quadratic", () => {
    // Total T = 10000 · 10001 / 2 = 50 005 000. The top k items sum to S(k) = k(20001 − k) / 2.
    // A holds the smallest k with S(k) ≥ 0.8 T = 40 004 000:
    //   k² − 20001 k + 80 008 000 ≤ 0 → k ≥ (20001 − √80 008 001) / 2 = (20001 − 8944.72) / 2
    //   = 5528.14, so k = 5529 (S(5528) = 40 003 372 < T·0.8 ≤ S(5529) = 40 007 844).
    // A + B: smallest k with S(k) ≥ 0.95 T = 47 504 750:
    //   k ≥ (20001 − √20 002 001) / 2 = (20001 − 4472.36) / 2 = 7764.32, so k = 7765
    //   (S(7764) = 47 504 034 < 47 504 750 ≤ S(7765) = 47 506 270): B = 2236, C = 2235.
    // Input in a scrambled order (i · 7919 mod 10000 visits every residue once).
    const input = Array.from({ length: 10_000 }, (_, i) => {
      const value = ((i * 7919) % 10_000) + 1;
      return { id: `sku-${String(value).padStart(5, "0")}`, value };
    });
    const rows = abcClassify(input);
    const count = (label: string) => rows.filter((r) => r.class === label).length;
    expect([count("A"), count("B"), count("C")]).toEqual([5529, 2236, 2235]);
    expect(rows[5528]!).toMatchObject({ id: "sku-04472", class: "A" }); // value 10001 − 5529
    expect(rows[5529]!).toMatchObject({ id: "sku-04471", class: "B" });
    expect(rows.at(-1)!).toMatchObject({ id: "sku-00001", rank: 10_000, cumulativeShare: 1 });
  });

  it("four classes with custom cutoffs and labels", () => {
    // cutoffs [0.7, 0.9, 0.98]; values [50, 20, 15, 8, 4, 2, 1], total 100.
    // Cumulative before: 0 top, 0.50 top, 0.70 high, 0.85 high, 0.93 mid, 0.97 mid, 0.99 tail.
    const rows = abcClassify(items([50, 20, 15, 8, 4, 2, 1]), {
      cutoffs: [0.7, 0.9, 0.98],
      labels: ["top", "high", "mid", "tail"],
    });
    expect(rows.map((r) => r.class)).toEqual(["top", "top", "high", "high", "mid", "mid", "tail"]);
    // Default labels go on alphabetically.
    expect(
      classes(abcClassify(items([50, 20, 15, 8, 4, 2, 1]), { cutoffs: [0.7, 0.9, 0.98] })),
    ).toBe("AABBCCD");
  });
});

describe("abcClassify: exact shares", () => {
  it("ten items of 0.1: cumulative shares are k/10 exactly, not float sums", () => {
    // In floating point 0.1 + 0.1 + 0.1 = 0.30000000000000004 and the ten sum to 0.9999999999999999.
    // Exact: after k items the cumulative share is (k · 0.1) / 1 = k/10, rounded once.
    const rows = abcClassify(items(Array.from({ length: 10 }, () => 0.1)));
    expect(rows.map((r) => r.cumulativeShare)).toEqual([
      0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
    expect(rows.every((r) => r.share === 0.1)).toBe(true);
  });

  it("keeps values exact as Decimal, from numbers, strings and any decimal.js", () => {
    const rows = abcClassify(items([0.1, "0.2", new UserDecimal("0.3"), new Decimal("12.345")]));
    expect(rows.map((r) => r.value.toFixed())).toEqual(["12.345", "0.3", "0.2", "0.1"]);
    // invkpi's own Decimal class (not merely a decimal.js instance): 40 digits, half-even.
    expect(rows.every((r) => r.value.constructor === Decimal)).toBe(true);
    // Total 12.945: cumulative 12.645 / 12.945, the exact ratio rounded once (dividing the doubles
    // 12.645 / 12.945 gives 0.9768250289687137, one unit off); the last one exactly 1.
    expect(rows[1]!.cumulativeShare).toBe(new Decimal("12.645").div("12.945").toNumber());
    expect(rows[1]!.cumulativeShare).toBe(0.9768250289687138);
    expect(rows.at(-1)!.cumulativeShare).toBe(1);
  });

  it("stays exact beyond double precision (big totals, many decimals)", () => {
    // 85, 10 and 5 parts of 10^21, plus 10^-25: the total is T = 10^23 + 10^-25.
    // Before the third item the cumulative value is 95·10^21, and 0.95 T = 95·10^21 + 0.95·10^-25
    // is more: the B cutoff is not reached, so it is B (a float sum would have lost the 10^-25 and
    // called it C). The shares differ from 0.85, 0.95 and 1 by about 10^-48 and round to them.
    const rows = abcClassify(
      items([
        "5000000000000000000000",
        "85000000000000000000000",
        "10000000000000000000000",
        "0.0000000000000000000000001",
      ]),
    );
    expect(classes(rows)).toBe("ABBC");
    expect(rows.map((r) => r.value.toFixed())).toEqual([
      "85000000000000000000000",
      "10000000000000000000000",
      "5000000000000000000000",
      "0.0000000000000000000000001",
    ]);
    expect(rows.map((r) => r.cumulativeShare)).toEqual([0.85, 0.95, 1, 1]);
  });

  it("sums exactly when the total passes 2^53", () => {
    // Four values of 2e15 and one of 1 500 000 000 000 001: each one is exact in a double, but
    // the total 9 500 000 000 000 001 is above 2^53 ≈ 9.007e15, where doubles step by 2, so a
    // floating sum would lose the final 1.
    // Cumulative before: 0, 2/9.5, 4/9.5, 6/9.5 = 0.63 (all A, and tied anyway), 8/9.5 = 0.84 → B.
    const total = "9500000000000001";
    const rows = abcClassify(items([1_500_000_000_000_001, 2e15, 2e15, 2e15, 2e15]));
    expect(classes(rows)).toBe("AAAAB");
    expect(rows.map((r) => r.id)).toEqual(["s2", "s3", "s4", "s5", "s1"]);
    // Reference: exact decimal division (40 digits), rounded once to a double.
    const reference = (sum: string) => new Decimal(sum).div(total).toNumber();
    expect(rows.map((r) => r.cumulativeShare)).toEqual([
      reference("2000000000000000"),
      reference("4000000000000000"),
      reference("6000000000000000"),
      reference("8000000000000000"),
      1,
    ]);
    expect(rows[4]!.share).toBe(reference("1500000000000001"));
    expect(rows[4]!.value.toFixed()).toBe("1500000000000001");
  });
  it("keeps values far beyond the double range exact", () => {
    // 1e-400 is 0 as a double and 1e400 is Infinity; as decimals they are just small and large.
    // The tiny value is not zero: it ranks above the true zero s1, although s1 has the smaller id.
    const rows = abcClassify(items([0, "1e400", new Decimal("1e-400")]));
    const small = abcClassify(items([0, 5, new Decimal("1e-400")]));
    expect(small.map((r) => r.id)).toEqual(["s2", "s3", "s1"]);
    expect(rows.map((r) => [r.id, r.class])).toEqual([
      ["s2", "A"],
      ["s3", "C"],
      ["s1", "C"],
    ]);
    expect(rows.map((r) => r.value.toExponential())).toEqual(["1e+400", "1e-400", "0e+0"]);
  });
});

describe("abcClassify: records and accessors", () => {
  it("reads any record through accessors and returns the record with each row", () => {
    const skus = [
      { sku: "a", cogs: "120.50", category: "bolts" },
      { sku: "b", cogs: "1200.00", category: "motors" },
    ];
    const rows = abcClassify(skus, { id: (s) => s.sku, value: (s) => s.cogs });
    expect(rows.map((r) => r.id)).toEqual(["b", "a"]);
    expect(rows[0]!.record).toBe(skus[1]);
    expect(rows[0]!.record.category).toBe("motors");
  });

  it("reads record.id when only a value accessor is given", () => {
    const records = [
      { id: "x", units: 3 },
      { id: "y", units: 9 },
    ];
    const rows = abcClassify(records, { value: (r) => r.units });
    expect(rows.map((r) => [r.id, r.record.units])).toEqual([
      ["y", 9],
      ["x", 3],
    ]);
  });

  it("plain items get no record field", () => {
    expect(Object.keys(abcClassify(items([1]))[0]!).sort()).toEqual(
      ["class", "cumulativeShare", "id", "rank", "share", "value"].sort(),
    );
  });

  it("does not mutate its input", () => {
    const input = Object.freeze(items([3, 1, 2]).map((item) => Object.freeze(item)));
    const cutoffs = Object.freeze([0.5, 0.9]);
    expect(() => abcClassify(input, { cutoffs })).not.toThrow();
    expect(input.map((item) => item.value)).toEqual([3, 1, 2]);
  });
});

describe("abcClassify: negative and invalid input", () => {
  it("a negative value is an error naming the id, or counts as 0 with negativeValues: 'zero'", () => {
    const input = [
      { id: "ok", value: 10 },
      { id: "returns", value: "-4.5" },
    ];
    expect(codeOf(() => abcClassify(input))).toBe("negative_value");
    expect(() => abcClassify(input)).toThrow(/'returns'/);
    const rows = abcClassify(input, { negativeValues: "zero" });
    expect(rows.map((r) => [r.id, r.class, r.value.toFixed(), r.share])).toEqual([
      ["ok", "A", "10", 1],
      ["returns", "C", "0", 0],
    ]);
    expect(abcClassify(input, { negativeValues: "zero", zeroValues: "exclude" })).toHaveLength(1);
  });

  it("-0 is zero, not negative", () => {
    expect(abcClassify(items([-0, "-0"])).map((r) => r.class)).toEqual(["C", "C"]);
  });

  it("rejects values and ids that are not what they should be", () => {
    expect(codeOf(() => abcClassify(items([Number.NaN])))).toBe("invalid_argument");
    expect(codeOf(() => abcClassify(items([Number.POSITIVE_INFINITY])))).toBe("invalid_argument");
    expect(codeOf(() => abcClassify(items(["1,5"])))).toBe("invalid_argument");
    expect(codeOf(() => abcClassify([{ id: 7, value: 1 }] as never))).toBe("invalid_argument");
    expect(codeOf(() => abcClassify([null] as never))).toBe("invalid_argument");
    expect(codeOf(() => abcClassify("abc" as never))).toBe("invalid_argument");
  });

  it("rejects cutoffs that are not strictly increasing numbers in (0, 1]", () => {
    const run = (cutoffs: unknown) => codeOf(() => abcClassify(items([1]), { cutoffs } as never));
    expect(run([0.95, 0.8])).toBe("invalid_option");
    expect(run([0.8, 0.8])).toBe("invalid_option");
    expect(run([])).toBe("invalid_option");
    expect(run(0.8)).toBe("invalid_option");
    expect(run([0, 0.8])).toBe("out_of_range");
    expect(run([0.8, 1.01])).toBe("out_of_range");
    expect(run([0.8, Number.NaN])).toBe("invalid_argument");
    expect(run([0.8, 1])).toBeUndefined();
  });

  it("rejects labels that do not fit the cutoffs, and unknown variants", () => {
    const run = (options: unknown) => codeOf(() => abcClassify(items([1]), options as never));
    expect(run({ labels: ["A", "B"] })).toBe("invalid_option");
    expect(run({ labels: ["A", "A", "C"] })).toBe("invalid_option");
    expect(run({ labels: ["A", "", "C"] })).toBe("invalid_option");
    expect(run({ cutoffs: Array.from({ length: 26 }, (_, i) => (i + 1) / 26) })).toBe(
      "invalid_option",
    );
    expect(run({ zeroValues: "first-class" })).toBe("invalid_option");
    expect(run({ negativeValues: "abs" })).toBe("invalid_option");
    expect(run({ value: "cogs" })).toBe("invalid_option");
  });
});
