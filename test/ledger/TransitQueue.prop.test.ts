import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TransitChunk } from "../../src/ledger/SkuState.js";
import { TransitQueue } from "../../src/ledger/TransitQueue.js";

// TransitQueue against the plain array it replaces in GeneralReplay: chunks in the order sent; a
// take walks them from the front, passing over the excepted location's, and removes each chunk it
// uses up; the units available to a location are summed over the others' chunks.

interface ModelChunk {
  readonly row: number;
  readonly location: number;
  qty: number;
}

function modelTake(
  chunks: ModelChunk[],
  qty: number,
  except: number | null,
  pieces: [number, number][],
): number {
  let need = qty;
  for (let k = 0; need > 0 && k < chunks.length; ) {
    const c = chunks[k] as ModelChunk;
    if (c.location === except) {
      k++;
      continue;
    }
    const take = Math.min(need, c.qty);
    c.qty -= take;
    pieces.push([c.row, take]);
    if (c.qty === 0) chunks.splice(k, 1);
    else k++;
    need -= take;
  }
  return qty - need;
}

const modelAvailable = (chunks: readonly ModelChunk[], except: number | null) =>
  chunks.reduce((sum, c) => (c.location === except ? sum : sum + c.qty), 0);

const LOCATIONS = 4;
const location = fc.nat(LOCATIONS - 1);
const operation = fc.oneof(
  { weight: 3, arbitrary: fc.record({ push: location, qty: fc.nat(6) }) },
  {
    weight: 2,
    arbitrary: fc.record({ take: fc.nat(12), except: fc.option(location, { nil: null }) }),
  },
);

describe("TransitQueue (property)", () => {
  it("takes, keeps and sums units exactly as the array it replaces (1,000 runs)", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 120 }), (operations) => {
        const queue = new TransitQueue();
        const model: ModelChunk[] = [];
        operations.forEach((o, row) => {
          if ("push" in o) {
            const c: TransitChunk = { qty: o.qty, value: 0, layers: [], row, location: o.push };
            queue.push(c);
            model.push({ row, location: o.push, qty: o.qty });
          } else {
            const pieces: [number, number][] = [];
            const taken = queue.take(o.take, o.except, (c, units) => {
              c.qty -= units;
              pieces.push([c.row, units]);
            });
            const expected: [number, number][] = [];
            expect(taken).toBe(modelTake(model, o.take, o.except, expected));
            expect(pieces).toEqual(expected);
          }
          expect([...queue.chunks()].map((c) => [c.row, c.location, c.qty])).toEqual(
            model.map((c) => [c.row, c.location, c.qty]),
          );
          expect(queue.total).toBe(modelAvailable(model, null));
          for (let l = 0; l < LOCATIONS; l++)
            expect(queue.available(l), `location ${l}`).toBe(modelAvailable(model, l));
          expect(queue.available(null)).toBe(modelAvailable(model, null));
        });
      }),
      { numRuns: 1000 },
    );
  });
});
