import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstInOrder } from "../../src/model/firstInOrder.js";

/** Items with few distinct keys (many ties) and an identity, to see where ties end up. */
const items = fc
  .array(fc.integer({ min: 0, max: 6 }), { maxLength: 80 })
  .map((keys) => keys.map((key, index) => ({ key, index })));
const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;

describe("firstInOrder", () => {
  it("is a stable sort cut at count: ties keep their input order", () => {
    fc.assert(
      fc.property(items, fc.integer({ min: -2, max: 90 }), (list, count) => {
        const expected = [...list].sort(byKey).slice(0, Math.max(0, count));
        expect(firstInOrder(list, count, byKey)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("sorts instead past 256 kept items, with the same result", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 300, maxLength: 600 }),
        fc.integer({ min: 250, max: 700 }),
        (keys, count) => {
          const list = keys.map((key, index) => ({ key, index }));
          expect(firstInOrder(list, count, byKey)).toEqual([...list].sort(byKey).slice(0, count));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("worked example: the two smallest of five, and a descending order with ties", () => {
    expect(firstInOrder([5, 1, 4, 2, 3], 2, (a, b) => a - b)).toEqual([1, 2]);
    const rows = [
      { id: "a", v: 3 },
      { id: "b", v: 9 },
      { id: "c", v: 3 },
      { id: "d", v: 9 },
      { id: "e", v: 1 },
    ];
    // Largest first; b and d tie (b first, as input), a and c tie at the cut (a is kept).
    expect(firstInOrder(rows, 3, (x, y) => y.v - x.v).map((r) => r.id)).toEqual(["b", "d", "a"]);
    expect(firstInOrder(rows, 0, (x, y) => y.v - x.v)).toEqual([]);
  });

  it("keeps the whole part of a fractional count, and nothing for NaN or a count not above 0", () => {
    fc.assert(
      fc.property(items, fc.double({ min: 0, max: 90, noNaN: true }), (list, count) => {
        expect(firstInOrder(list, count, byKey)).toEqual(
          [...list].sort(byKey).slice(0, Math.floor(count)),
        );
      }),
      { numRuns: 1000 },
    );
    expect(firstInOrder([2, 1], Number.NaN, (a, b) => a - b)).toEqual([]);
    expect(firstInOrder([2, 1], -1, (a, b) => a - b)).toEqual([]);
    expect(firstInOrder([2, 1], Number.POSITIVE_INFINITY, (a, b) => a - b)).toEqual([1, 2]);
  });

  it("does not change its input", () => {
    const list = [3, 1, 2];
    firstInOrder(list, 2, (a, b) => a - b);
    firstInOrder(list, 5, (a, b) => a - b);
    expect(list).toEqual([3, 1, 2]);
  });
});
