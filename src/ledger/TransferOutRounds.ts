import { SlotHeap } from "./SlotHeap.js";

/** What {@link TransferOutRounds} drives: a SKU-day's transfers out (`GeneralReplay`). */
export interface TransferOutSender {
  /** Sends transfer out row `i` if it can go now, or with what there is if `force`: whether it went. */
  send(i: number, force: boolean): boolean;
  /**
   * For a transfer out row `i` that has not gone: the units in transit it lacks to go now (0 or
   * less: it can go). Its location's stock and the units still to arrive there stay as they are
   * until it goes, so only the transit changes this.
   */
  lacking(i: number): number;
  /** The units in transit, in all. */
  inTransit(): number;
}

/**
 * The order in which a SKU-day's transfers out go under `byLocation`: the rounds that
 * `GeneralReplay.applyTransferDay` documents, exactly, without retrying what cannot go.
 *
 * The rounds: a pass over the transfers out in input order, where each goes if it can (a relay
 * waits until the units it forwards are in transit), and one behind a waiting one of its location
 * waits too; then passes over those that waited, in the same way, until none waits, the first going
 * with what there is when a pass sends none. Passes that retried every waiting row were quadratic:
 * a chain in reverse row order whose every hop needs what the hop before it leaves in transit goes
 * one hop per pass, and so does a day whose waiting rows must each be forced.
 *
 * Here only each location's first waiting row (its head) matters, and whether it can go only ever
 * changes from no to yes while it waits: its stock and the units arriving at it change only when
 * it sends, and the units in transit it may take (those other locations sent) never fall when
 * another location sends, as that sends at least what it takes from them. So a head that cannot
 * go waits in a heap by the units in transit it needs (what it lacks plus the units in transit it
 * sent itself, which others' takes lower: {@link taken}), and leaves it as soon as the transit
 * holds that many; one that can go goes when the pass reaches it, or in the next pass if the pass
 * went by it. O(log locations) per row sent and per chunk taken from.
 *
 * @example
 * ```ts
 * // Row 0 (location 1) forwards what row 1 (location 2) sends it: it goes in the second pass.
 * const sent: number[] = [];
 * let inTransit = 0;
 * new TransferOutRounds([0, 1], [1, 2]).run({
 *   send: (i) => {
 *     if (i === 0 && inTransit === 0) return false;
 *     sent.push(i);
 *     inTransit += 5;
 *     return true;
 *   },
 *   lacking: () => 5 - inTransit,
 *   inTransit: () => inTransit,
 * });
 * sent; // [1, 0]
 * ```
 */
export class TransferOutRounds {
  /** Per position in `outs`, the slot of its location (slots number the day's locations). */
  private readonly slotAt: Int32Array;
  /** The slot of each location. */
  private readonly slots = new Map<number, number>();
  /** Per slot, its positions in `outs`, in order, and the index of its head (its first not gone). */
  private readonly positions: number[][] = [];
  private readonly headIndex: number[] = [];
  /** Per position, 1 once its row went. */
  private readonly gone: Uint8Array;
  /** The first position whose row has not gone (see {@link force}), and how many have not. */
  private first = 0;
  private left: number;
  /** Where the current pass is: positions up to it were visited (a head there waits for the next). */
  private cursor = -1;
  /** The first pass visits every row in turn, so it does not look ahead at a location's next. */
  private inFirstPass = true;
  /** Heads that cannot go yet, by the units in transit they need. */
  private readonly waiting: SlotHeap;
  /** Heads that can go in this pass, by position. */
  private readonly ahead: SlotHeap;
  /** Heads that can go, in the next pass (the current one went by them). */
  private nextPass: number[] = [];
  /** Slots whose units in transit were taken from since the last row went ({@link taken}). */
  private touched: number[] = [];

  constructor(
    /** The SKU-day's transfer out rows, in input order. */
    private readonly outs: readonly number[],
    /** Per row, its location. */
    locations: ArrayLike<number>,
  ) {
    this.slotAt = new Int32Array(outs.length);
    outs.forEach((row, p) => {
      const location = locations[row] as number;
      let slot = this.slots.get(location);
      if (slot === undefined) {
        slot = this.positions.length;
        this.slots.set(location, slot);
        this.positions.push([]);
        this.headIndex.push(0);
      }
      this.slotAt[p] = slot;
      (this.positions[slot] as number[]).push(p);
    });
    this.gone = new Uint8Array(outs.length);
    this.left = outs.length;
    this.waiting = new SlotHeap(this.positions.length);
    this.ahead = new SlotHeap(this.positions.length);
  }

  /** Units in transit that `location` sent were taken (by a relay at another location). */
  taken(location: number): void {
    const slot = this.slots.get(location);
    if (slot !== undefined && this.waiting.has(slot)) this.touched.push(slot);
  }

  /**
   * Sends every transfer out through `sender`, in the order of the rounds, but the first `sent`:
   * a caller may send the rows that go at once, in order, itself, and build the rounds only when
   * one waits (most days have none: they go in input order).
   */
  run(sender: TransferOutSender, sent = 0): void {
    for (let p = 0; p < sent; p++) {
      const slot = this.slotAt[p] as number;
      this.gone[p] = 1;
      this.headIndex[slot] = (this.headIndex[slot] as number) + 1;
    }
    this.first = sent;
    this.left -= sent;
    this.firstPass(sender, sent);
    while (this.left > 0) {
      this.cursor = -1;
      for (const slot of this.nextPass) this.ahead.set(slot, this.head(slot));
      this.nextPass = [];
      // A pass that sends nothing: the first that waits goes with what there is.
      if (this.ahead.size === 0) this.force(sender);
      while (this.ahead.size > 0) {
        const slot = this.ahead.pop();
        this.cursor = this.head(slot);
        this.visit(slot, sender);
      }
    }
  }

  /** The first pass: every row in order, but those behind a waiting one of their location. */
  private firstPass(sender: TransferOutSender, from: number): void {
    const behind = new Uint8Array(this.positions.length);
    for (let p = from; p < this.outs.length; p++) {
      const slot = this.slotAt[p] as number;
      if (behind[slot] === 1) continue;
      this.cursor = p;
      if (this.visit(slot, sender)) continue;
      behind[slot] = 1;
    }
    this.inFirstPass = false;
  }

  /** The pass reaches `slot`'s head: it goes if it can (true), else waits in `waiting`. */
  private visit(slot: number, sender: TransferOutSender): boolean {
    const row = this.outs[this.head(slot)] as number;
    if (!sender.send(row, false)) {
      this.wait(slot, sender.lacking(row), sender);
      return false;
    }
    this.went(slot, sender, !this.inFirstPass);
    return true;
  }

  /** The first row that waits goes anyway (a pass sent none). */
  private force(sender: TransferOutSender): void {
    const slot = this.slotAt[this.first] as number;
    this.waiting.delete(slot);
    this.cursor = this.outs.length; // past every row: what can go now goes in the next pass
    sender.send(this.outs[this.first] as number, true);
    this.went(slot, sender, true);
  }

  /**
   * `slot`'s head went: the next head of its location, unless the first pass is to reach it
   * (`checkNext` false), and every waiting head that can go now are put where they go.
   */
  private went(slot: number, sender: TransferOutSender, checkNext: boolean): void {
    const p = this.head(slot);
    this.gone[p] = 1;
    this.left--;
    this.headIndex[slot] = (this.headIndex[slot] as number) + 1;
    while (this.first < this.outs.length && this.gone[this.first] === 1) this.first++;
    for (const t of this.touched)
      if (this.waiting.has(t))
        this.wait(t, sender.lacking(this.outs[this.head(t)] as number), sender);
    this.touched = [];
    if (checkNext && this.headIndex[slot] < (this.positions[slot] as number[]).length) {
      const lacking = sender.lacking(this.outs[this.head(slot)] as number);
      if (lacking <= 0) this.canGo(slot);
      else this.wait(slot, lacking, sender);
    }
    const inTransit = sender.inTransit();
    while (this.waiting.size > 0 && this.waiting.minKey() <= inTransit)
      this.canGo(this.waiting.pop());
  }

  /**
   * `slot`'s head lacks `lacking` units in transit: it waits for the transit to hold what it lacks
   * plus what it may not take (its own), a sum that only the transit's own changes move.
   */
  private wait(slot: number, lacking: number, sender: TransferOutSender): void {
    this.waiting.set(slot, lacking + sender.inTransit());
  }

  /** `slot`'s head can go: in this pass if the pass has not reached it yet, else in the next. */
  private canGo(slot: number): void {
    const p = this.head(slot);
    if (p > this.cursor) this.ahead.set(slot, p);
    else this.nextPass.push(slot);
  }

  private head(slot: number): number {
    return (this.positions[slot] as number[])[this.headIndex[slot] as number] as number;
  }
}
