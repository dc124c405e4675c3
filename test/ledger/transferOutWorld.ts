import type { TransferOutSender } from "../../src/ledger/TransferOutRounds.js";

// A model of a SKU-day's transfers out under `byLocation`, as GeneralReplay.transferOut sees them
// (stock by location, units arriving by location, a transit of chunks taken in the order sent, a
// relay never taking back its own), and the rounds GeneralReplay.applyTransferDay ran before
// TransferOutRounds: the tests of TransferOutRounds drive both and compare.

export interface Out {
  readonly location: number;
  readonly qty: number;
}

interface Chunk {
  readonly location: number;
  qty: number;
}

/** The SKU-day as GeneralReplay.transferOut sees it, with every send logged. */
export class World implements TransferOutSender {
  readonly log: string[] = [];
  /** How many times the rounds called `send` and `lacking`. */
  calls = 0;
  private readonly transit: Chunk[] = [];
  /** Told of every chunk a relay takes units from (TransferOutRounds.taken), or null. */
  onTaken: ((location: number) => void) | null = null;

  constructor(
    private readonly outs: readonly Out[],
    private readonly stock: number[],
    private readonly arriving: number[],
  ) {}

  inTransit(): number {
    return this.available(null);
  }

  lacking(i: number): number {
    this.calls++;
    const need = this.need(i);
    return need === 0 ? 0 : need - this.available((this.outs[i] as Out).location);
  }

  send(i: number, force: boolean): boolean {
    this.calls++;
    const { location, qty } = this.outs[i] as Out;
    const need = this.need(i);
    const available = this.available(location);
    if (need > 0 && available < need && !force) return false;
    const relayed = Math.min(need, available);
    const own = relayed === 0 ? qty : Math.min(qty, Math.max(this.stock[location] as number, 0));
    this.stock[location] = (this.stock[location] as number) - own - (qty - own - relayed);
    this.arriving[location] = (this.arriving[location] as number) - relayed;
    for (let need = relayed, k = 0; need > 0; ) {
      const c = this.transit[k] as Chunk;
      if (c.location === location) {
        k++;
        continue;
      }
      const take = Math.min(need, c.qty);
      c.qty -= take;
      need -= take;
      this.onTaken?.(c.location);
      if (c.qty === 0) this.transit.splice(k, 1);
    }
    this.transit.push({ location, qty });
    this.log.push(`${i}${force ? "!" : ""}`);
    return true;
  }

  private need(i: number): number {
    const { location, qty } = this.outs[i] as Out;
    const short = qty - Math.max(this.stock[location] as number, 0);
    const arriving = short > 0 ? (this.arriving[location] as number) : 0;
    return arriving === 0 ? 0 : Math.min(short, arriving);
  }

  private available(except: number | null): number {
    return this.transit.reduce((s, c) => (c.location === except ? s : s + c.qty), 0);
  }
}

/** The rounds as GeneralReplay.applyTransferDay ran them before TransferOutRounds. */
export function originalRounds(outs: readonly Out[], world: World): void {
  const sendOuts = (list: readonly number[]): number[] | null => {
    let waiting: number[] | null = null;
    for (const i of list) {
      const behind =
        waiting?.some((w) => (outs[w] as Out).location === (outs[i] as Out).location) === true;
      if (!behind && world.send(i, false)) continue;
      if (waiting === null) waiting = [];
      waiting.push(i);
    }
    return waiting;
  };
  let waiting = sendOuts(outs.map((_, i) => i));
  while (waiting !== null) {
    const stuck = sendOuts(waiting);
    if (stuck !== null && stuck.length === waiting.length)
      world.send(stuck.shift() as number, true);
    waiting = stuck !== null && stuck.length > 0 ? stuck : null;
  }
}
