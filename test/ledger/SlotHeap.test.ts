import { describe, expect, it } from "vitest";
import { SlotHeap } from "../../src/ledger/SlotHeap.js";

describe("SlotHeap", () => {
  it("pops slots by key, smallest first, and -1 when empty", () => {
    const heap = new SlotHeap(5);
    for (const [slot, key] of [
      [3, 30],
      [0, 10],
      [4, 5],
      [1, 20],
    ] as const)
      heap.set(slot, key);
    expect([heap.size, heap.minKey(), heap.has(2), heap.has(4)]).toEqual([4, 5, false, true]);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([4, 0, 1, 3, -1]);
    expect([heap.size, heap.minKey()]).toEqual([0, Number.POSITIVE_INFINITY]);
  });

  it("moves a slot when its key goes down or up, and takes one out from the middle", () => {
    const heap = new SlotHeap(6);
    for (let slot = 0; slot < 6; slot++) heap.set(slot, 10 * slot);
    heap.set(5, -1); // down: to the top
    heap.set(0, 100); // up: to the bottom
    heap.delete(2);
    heap.delete(2); // not in the heap any more: nothing happens
    const popped: number[] = [];
    while (heap.size > 0) popped.push(heap.pop());
    expect(popped).toEqual([5, 1, 3, 4, 0]);
    heap.set(2, 7); // a slot taken out comes back with a new key
    expect([heap.has(2), heap.minKey(), heap.pop()]).toEqual([true, 7, 2]);
  });
});
