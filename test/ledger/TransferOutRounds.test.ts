import { describe, expect, it } from "vitest";
import { TransferOutRounds } from "../../src/ledger/TransferOutRounds.js";
import { type Out, originalRounds, World } from "./transferOutWorld.js";

// TransferOutRounds on days whose order is known by hand, each checked against the rounds it
// replaces (transferOutWorld.ts); and how many times it asks, on days that took the original
// rounds one pass per hop: a count of calls, not a time, so it holds on any machine.

function bothRounds(outs: readonly Out[], stock: readonly number[], arriving: readonly number[]) {
  const original = new World(outs, [...stock], [...arriving]);
  originalRounds(outs, original);
  const world = new World(outs, [...stock], [...arriving]);
  const rounds = new TransferOutRounds(
    outs.map((_, i) => i),
    outs.map((o) => o.location),
  );
  world.onTaken = (location) => rounds.taken(location);
  rounds.run(world);
  expect(world.log).toEqual(original.log);
  return { log: world.log, calls: world.calls, originalCalls: original.calls };
}

/**
 * A chain 0 → 1 → … → k, rows last hop first: location j (j ≥ 1) holds 1 unit, receives j and
 * sends j + 1, so it can go once j units are in transit, which the hop before it leaves there.
 */
function growingChain(k: number) {
  const outs: Out[] = [];
  for (let j = k; j >= 0; j--) outs.push({ location: j, qty: j + 1 });
  const stock = Array.from({ length: k + 2 }, () => 1);
  const arriving = Array.from({ length: k + 2 }, (_, j) => (j === 0 ? 0 : j));
  return { outs, stock, arriving };
}

describe("TransferOutRounds", () => {
  it("sends a chain in reverse row order source first, then every hop in the second pass", () => {
    // 0 holds 5 and sends them to 1, which forwards them to 2, then 3: rows 3's hop first.
    const outs = [
      { location: 2, qty: 5 },
      { location: 1, qty: 5 },
      { location: 0, qty: 5 },
    ];
    expect(bothRounds(outs, [5, 0, 0], [0, 5, 5]).log).toEqual(["2", "0", "1"]);
  });

  it("keeps a location's rows in order: one behind a waiting one waits, even if it could go", () => {
    // Location 1 holds 1 and receives 2: its first row (3 units) waits for 0's 2, its second
    // (1 unit, which its stock covers) waits behind it, then follows it below zero.
    const outs = [
      { location: 1, qty: 3 },
      { location: 1, qty: 1 },
      { location: 0, qty: 2 },
    ];
    expect(bothRounds(outs, [2, 1, 0], [0, 2, 0]).log).toEqual(["2", "0", "1"]);
  });

  it("forces the first waiting row when a pass sends none, then goes on", () => {
    // A cycle of empty locations: nothing is ever in transit until 0 goes below zero.
    const outs = [
      { location: 0, qty: 3 },
      { location: 1, qty: 3 },
      { location: 2, qty: 3 },
    ];
    expect(bothRounds(outs, [0, 0, 0], [3, 3, 3]).log).toEqual(["0!", "1", "2"]);
  });

  it("forces one row per pass when each waits for more than there will be", () => {
    // Each location forwards more than it could ever take: every row is forced, in order.
    const outs = [0, 1, 2, 3].map((location) => ({ location, qty: 2 + location }));
    expect(bothRounds(outs, [0, 0, 0, 0], [9, 9, 9, 9]).log).toEqual(["0!", "1!", "2!", "3!"]);
  });

  it("asks about each row a few times, where the rounds asked about every waiting row each pass", () => {
    const small = growingChain(6);
    // Rows are numbered last hop first: location j's row is 6 - j, and the hops go from 0 up.
    expect(bothRounds(small.outs, small.stock, small.arriving).log).toEqual([
      "6",
      "5",
      "4",
      "3",
      "2",
      "1",
      "0",
    ]);
    const { outs, stock, arriving } = growingChain(400);
    const { calls, originalCalls } = bothRounds(outs, stock, arriving);
    expect(calls).toBeLessThanOrEqual(3 * outs.length);
    expect(originalCalls).toBeGreaterThan(outs.length * 100); // one hop per pass
  });
});
