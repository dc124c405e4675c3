import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SlotHeap } from "../../src/ledger/SlotHeap.js";

// SlotHeap against a Map of slot → key: after any sequence of sets, deletes and pops, the heap
// holds the same slots, its smallest key is the Map's, and a pop takes a slot of that key.

const SLOTS = 12;
const operation = fc.oneof(
  fc.record({
    op: fc.constant("set" as const),
    slot: fc.nat(SLOTS - 1),
    key: fc.integer({ min: -20, max: 20 }),
  }),
  fc.record({ op: fc.constant("delete" as const), slot: fc.nat(SLOTS - 1) }),
  fc.record({ op: fc.constant("pop" as const) }),
);

describe("SlotHeap (property)", () => {
  it("keeps the slots and their keys as a Map does, and pops a smallest key (1,000 runs)", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        const heap = new SlotHeap(SLOTS);
        const model = new Map<number, number>();
        for (const o of operations) {
          if (o.op === "set") {
            heap.set(o.slot, o.key);
            model.set(o.slot, o.key);
          } else if (o.op === "delete") {
            heap.delete(o.slot);
            model.delete(o.slot);
          } else {
            const smallest = Math.min(...model.values());
            const slot = heap.pop();
            if (model.size === 0) expect(slot).toBe(-1);
            else {
              expect(model.get(slot)).toBe(smallest);
              model.delete(slot);
            }
          }
          expect(heap.size).toBe(model.size);
          expect(heap.minKey()).toBe(model.size === 0 ? Infinity : Math.min(...model.values()));
          for (let slot = 0; slot < SLOTS; slot++) expect(heap.has(slot)).toBe(model.has(slot));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
