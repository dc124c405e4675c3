import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { rankOrder } from "../../src/classify/rankOrder.js";
import { anyId } from "./anyId.js";

/**
 * Sort keys with many ties: a few small values, values that need two or more radix digits
 * (2^16 and beyond, up to 2^53 - 1), and zeros.
 */
const key = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom(255, 256, 65_535, 65_536, 2 ** 32 + 1, 2 ** 53 - 1),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 2 ** 53 - 1 }),
);
const items = fc.array(fc.record({ key, id: anyId }), { maxLength: 200 });

/** The rule of the JSDoc, with a comparator: key descending, id ascending, then input order. */
function referenceOrder(list: readonly { key: number; id: string }[]): number[] {
  return list
    .map((_, index) => index)
    .sort((a, b) => {
      const [x, y] = [list[a]!, list[b]!];
      return y.key - x.key || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) || a - b;
    });
}

describe("rankOrder", () => {
  test.prop([items])(
    "equals a comparator sort: key descending, id ascending, input order",
    (list) => {
      const ranked = rankOrder(
        Float64Array.from(list, (item) => item.key),
        list.map((item) => item.id),
      );
      const expected = referenceOrder(list);
      expect([...ranked.order]).toEqual(expected);
      expect([...ranked.sortedKeys]).toEqual(expected.map((i) => list[i]!.key));
    },
  );

  test.prop([items])(
    "ids already ascending (the path without id keys) give the same order",
    (list) => {
      const sorted = list.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const ranked = rankOrder(
        Float64Array.from(sorted, (item) => item.key),
        sorted.map((item) => item.id),
      );
      expect([...ranked.order]).toEqual(referenceOrder(sorted));
    },
  );
});
