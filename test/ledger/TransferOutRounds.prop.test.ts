import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TransferOutRounds } from "../../src/ledger/TransferOutRounds.js";
import { originalRounds, World } from "./transferOutWorld.js";

// TransferOutRounds against the rounds it replaces (GeneralReplay.applyTransferDay before it): a
// pass over the transfers out in order, then passes over those that waited until none waits, the
// first going with what there is when a pass sends none. Both drive the same model of a SKU-day
// (transferOutWorld.ts), and must send the same rows in the same order, forced or not.

const dayArb = fc.integer({ min: 1, max: 7 }).chain((locations) => {
  const location = fc.nat(locations - 1);
  return fc.record({
    outs: fc.array(fc.record({ location, qty: fc.integer({ min: 0, max: 9 }) }), {
      maxLength: 40,
    }),
    stock: fc.array(fc.integer({ min: -5, max: 12 }), {
      minLength: locations,
      maxLength: locations,
    }),
    arriving: fc.array(fc.oneof(fc.constant(0), fc.nat(30)), {
      minLength: locations,
      maxLength: locations,
    }),
  });
});

describe("TransferOutRounds (property)", () => {
  it("sends the day's transfers out in the order the original rounds do (2,000 runs)", () => {
    fc.assert(
      fc.property(dayArb, ({ outs, stock, arriving }) => {
        const original = new World(outs, [...stock], [...arriving]);
        originalRounds(outs, original);
        // As GeneralReplay: the rows that go at once, in order, before the rounds start.
        const world = new World(outs, [...stock], [...arriving]);
        let sent = 0;
        while (sent < outs.length && world.send(sent, false)) sent++;
        const rounds = new TransferOutRounds(
          outs.map((_, i) => i),
          outs.map((o) => o.location),
        );
        world.onTaken = (location) => rounds.taken(location);
        rounds.run(world, sent);
        expect(world.log).toEqual(original.log);
        // And from the start.
        const fromStart = new World(outs, [...stock], [...arriving]);
        const all = new TransferOutRounds(
          outs.map((_, i) => i),
          outs.map((o) => o.location),
        );
        fromStart.onTaken = (location) => all.taken(location);
        all.run(fromStart);
        expect(fromStart.log).toEqual(original.log);
      }),
      { numRuns: 2000 },
    );
  });
});
