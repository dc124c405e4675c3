import { describe, expect, it } from "vitest";
import type { TransitChunk } from "../../src/ledger/SkuState.js";
import { TransitQueue } from "../../src/ledger/TransitQueue.js";

const chunk = (location: number, qty: number, row: number): TransitChunk => ({
  qty,
  value: 0,
  layers: [],
  row,
  location,
});

/** Takes `qty` from `queue`, as GeneralReplay does (lowering each chunk's quantity); the pieces. */
function take(queue: TransitQueue, qty: number, except: number | null): [number, number][] {
  const pieces: [number, number][] = [];
  queue.take(qty, except, (c, units) => {
    c.qty -= units;
    pieces.push([c.row, units]);
  });
  return pieces;
}

const left = (queue: TransitQueue) => [...queue.chunks()].map((c) => [c.row, c.qty]);

describe("TransitQueue", () => {
  it("takes units in the order they were sent, a chunk used up leaving the queue", () => {
    const queue = new TransitQueue();
    queue.push(chunk(1, 3, 10));
    queue.push(chunk(2, 4, 11));
    queue.push(chunk(1, 5, 12));
    expect([queue.total, queue.available(null), queue.available(1), queue.available(2)]).toEqual([
      12, 12, 4, 8,
    ]);
    expect(take(queue, 5, null)).toEqual([
      [10, 3],
      [11, 2],
    ]);
    expect(left(queue)).toEqual([
      [11, 2],
      [12, 5],
    ]);
    expect([queue.total, queue.available(1), queue.available(2)]).toEqual([7, 2, 5]);
  });

  it("passes over the excepted location's chunks, which stay in place while those behind are used up", () => {
    const queue = new TransitQueue();
    // Location 7 sent first (rows 0, 1), then 8 and 9 (rows 2, 3, 4), then 7 again (row 5).
    queue.push(chunk(7, 2, 0));
    queue.push(chunk(7, 2, 1));
    queue.push(chunk(8, 1, 2));
    queue.push(chunk(9, 1, 3));
    queue.push(chunk(8, 1, 4));
    queue.push(chunk(7, 2, 5));
    // A relay at 7 takes the others' units one by one: never its own.
    for (const row of [2, 3, 4]) expect(take(queue, 1, 7)).toEqual([[row, 1]]);
    expect(queue.available(7)).toBe(0);
    expect(take(queue, 1, 7)).toEqual([]);
    // Location 7's chunks are all that is left, in the order sent (the runs before and after the
    // used-up ones joined): an ordinary transfer in takes them in that order.
    expect(left(queue)).toEqual([
      [0, 2],
      [1, 2],
      [5, 2],
    ]);
    expect(take(queue, 5, null)).toEqual([
      [0, 2],
      [1, 2],
      [5, 1],
    ]);
    expect([queue.total, queue.available(8), left(queue)]).toEqual([1, 1, [[5, 1]]]);
  });

  it("takes from the excepted location's chunks, in order, once none of the others are left", () => {
    const queue = new TransitQueue();
    queue.push(chunk(1, 2, 0));
    queue.push(chunk(2, 2, 1));
    queue.push(chunk(1, 2, 2));
    queue.push(chunk(3, 2, 3));
    expect(take(queue, 3, 1)).toEqual([
      [1, 2],
      [3, 1],
    ]);
    // What a relaying location receives: others' units first (row 3), then its own (rows 0, 2).
    expect(take(queue, 1, 1)).toEqual([[3, 1]]);
    expect(take(queue, 9, null)).toEqual([
      [0, 2],
      [2, 2],
    ]);
    expect([queue.total, left(queue)]).toEqual([0, []]);
  });

  it("takes a chunk of no units that it passes while units are still wanted", () => {
    const queue = new TransitQueue();
    queue.push(chunk(1, 0, 0));
    queue.push(chunk(1, 2, 1));
    queue.push(chunk(2, 0, 2));
    expect(take(queue, 0, null)).toEqual([]);
    expect(take(queue, 2, null)).toEqual([
      [0, 0],
      [1, 2],
    ]);
    expect(left(queue)).toEqual([[2, 0]]);
  });
});

describe("TransitQueue beyond 2^53 units in transit (found by a review)", () => {
  const chunk = (qty: number, location: number): TransitChunk => ({
    qty,
    value: 0,
    layers: [],
    row: 0,
    location,
  });

  it("gives what other locations sent exactly, where a running total would round", () => {
    const queue = new TransitQueue();
    queue.push(chunk(Number.MAX_SAFE_INTEGER, 1)); // 2^53 − 1
    queue.push(chunk(3, 2)); // the running total, 2^53 + 2, is still exact: an even number
    queue.push(chunk(3, 3)); // 2^53 + 5 rounds to 2^53 + 4
    // Without location 1: 3 + 3 = 6, not (2^53 + 4) − (2^53 − 1) = 5.
    expect(queue.available(1)).toBe(6);
    expect(queue.available(2)).toBe(Number.MAX_SAFE_INTEGER + 3);
    // Taking location 1's units back down below 2^53 leaves the totals summed, still exact.
    queue.take(Number.MAX_SAFE_INTEGER - 10, 2, (c, units) => {
      c.qty -= units;
    });
    expect(queue.available(1)).toBe(6);
    expect(queue.available(null)).toBe(16);
  });
});
