import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { agingBuckets, DEFAULT_AGING_BUCKETS } from "../../src/aging/agingBuckets.js";
import { codeOf } from "./fixtures.js";

describe("agingBuckets", () => {
  it("gives the default buckets of the domain definition", () => {
    // docs: 0–30, 31–60, 61–90, 91–180, 181–365, over 365 days.
    expect(agingBuckets().map((b) => [b.label, b.fromDays, b.toDays])).toEqual([
      ["0–30", 0, 30],
      ["31–60", 31, 60],
      ["61–90", 61, 90],
      ["91–180", 91, 180],
      ["181–365", 181, 365],
      ["over 365", 366, null],
    ]);
    expect(DEFAULT_AGING_BUCKETS).toEqual([30, 60, 90, 180, 365]);
  });

  it("accepts a single bound", () => {
    expect(agingBuckets([1]).map((b) => b.label)).toEqual(["0–1", "over 1"]);
  });

  it("names the offending bound", () => {
    expect(codeOf(() => agingBuckets([30, 20]))).toBe("invalid_option");
    expect(() => agingBuckets([30, 20], "stockAging")).toThrow(/^stockAging: .*buckets\[1\]/);
  });
});

test.prop([fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 10 })])(
  "the buckets cover every age from 0 up, without gap or overlap",
  (bounds) => {
    const buckets = agingBuckets([...bounds].sort((a, b) => a - b));
    expect(buckets[0]?.fromDays).toBe(0);
    expect(buckets.at(-1)?.toDays).toBeNull();
    for (let i = 1; i < buckets.length; i++) {
      expect(buckets[i]?.fromDays).toBe((buckets[i - 1]?.toDays ?? Number.NaN) + 1);
    }
  },
);
