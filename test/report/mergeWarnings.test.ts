import { describe, expect, it } from "vitest";
import type { ReplayWarning } from "../../src/ledger/index.js";
import { mergeWarnings } from "../../src/report/mergeWarnings.js";

// Warnings of three shards, with ties on (row, code) across shards and two `unsorted_input`
// warnings: every order of the shards, and of the warnings within them, must merge to one list.
const SHARDS: readonly (readonly ReplayWarning[])[] = [
  [
    { code: "unsorted_input", row: 4, date: "2025-01-02", message: "not in date order (row 4)" },
    { code: "negative_stock", sku: "B", date: "2025-01-03", row: 2, message: "stock of B" },
    { code: "before_period", count: 2, message: "2 movement(s) before the period start" },
  ],
  [
    { code: "negative_stock", sku: "A", date: "2025-01-05", row: 2, message: "stock of A" },
    { code: "unsorted_input", row: 1, date: "2025-01-02", message: "not in date order (row 1)" },
    {
      code: "after_period",
      count: 1,
      date: "2025-04-09",
      message: "1 movement(s) after the period end",
    },
  ],
  [
    { code: "unknown_cost", sku: "C", date: "2025-01-02", row: 2, message: "no unit cost" },
    { code: "before_period", count: 1, message: "1 movement(s) before the period start" },
    {
      code: "after_period",
      count: 3,
      date: "2025-04-02",
      message: "3 movement(s) after the period end",
    },
  ],
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("mergeWarnings", () => {
  const expected = mergeWarnings(SHARDS);

  it("merges as one run reports: counts added, one unsorted_input, sorted by row then code", () => {
    expect(expected).toEqual([
      {
        code: "after_period",
        count: 4,
        date: "2025-04-02",
        message: "4 movement(s) after the period end",
      },
      { code: "before_period", count: 3, message: "3 movement(s) before the period start" },
      { code: "unsorted_input", row: 1, date: "2025-01-02", message: "not in date order (row 1)" },
      { code: "negative_stock", sku: "A", date: "2025-01-05", row: 2, message: "stock of A" },
      { code: "negative_stock", sku: "B", date: "2025-01-03", row: 2, message: "stock of B" },
      { code: "unknown_cost", sku: "C", date: "2025-01-02", row: 2, message: "no unit cost" },
    ]);
  });

  it("depends on the warnings only: any order of the shards and within them (found by an audit)", () => {
    for (const order of permutations(SHARDS)) {
      expect(mergeWarnings(order)).toEqual(expected);
      expect(mergeWarnings(order.map((shard) => [...shard].reverse()))).toEqual(expected);
      expect(mergeWarnings([order.flat()])).toEqual(expected);
    }
  });

  it("changes none of the warnings given", () => {
    const copy = JSON.parse(JSON.stringify(SHARDS)) as unknown;
    mergeWarnings(SHARDS);
    expect(SHARDS).toEqual(copy);
  });
});
