import type { TransitChunk } from "./SkuState.js";

/** A chunk in the queue, linked to the next one of its run. */
interface Node {
  readonly chunk: TransitChunk;
  next: Node | null;
}

/**
 * A run: chunks next to each other in the queue that one location sent. Runs are maximal (two
 * neighbouring runs are of different locations), so the first chunk not sent from a location is
 * the first of the first run, or of the second when the first is that location's.
 */
interface Run {
  readonly location: number;
  first: Node;
  last: Node;
  prev: Run | null;
  next: Run | null;
}

/**
 * One SKU's units in transit on one day, under `byLocation`: the chunks its transfers out sent,
 * in the order sent, with the units by sending location. A take (`GeneralReplay.fromTransit`)
 * uses them up in that order, passing over one location's (a relay does not take back its own
 * units): O(1) per chunk it takes from, however many chunks it passes over, and the units a
 * location may take are known in O(1), where walking and summing an array of chunks was O(chunks)
 * for each (quadratic in the day's transfers).
 *
 * @example
 * ```ts
 * const queue = new TransitQueue();
 * queue.push({ qty: 2, value: 0, layers: [], row: 0, location: 7 });
 * queue.push({ qty: 3, value: 0, layers: [], row: 1, location: 8 });
 * queue.available(7); // 3
 * const rows: number[] = [];
 * const taken = queue.take(4, 7, (chunk, units) => {
 *   chunk.qty -= units;
 *   rows.push(chunk.row);
 * });
 * [taken, rows]; // [3, [1]]
 * [...queue.chunks()].map((c) => c.row); // [0]
 * ```
 */
export class TransitQueue {
  private head: Run | null = null;
  private tail: Run | null = null;
  private units = 0;
  /** Units in transit by the location that sent them. */
  private readonly sent = new Map<number, number>();
  /**
   * Whether the running totals are exact: they are while the units in transit stay below 2^53
   * (scaled units, integers). Past it a sum rounds, and stays off once back below: the totals are
   * then summed from the chunks, as they stand (huge quantities only; found by a review).
   */
  private exact = true;

  /** Units in transit, in all. */
  get total(): number {
    return this.exact ? this.units : this.summed(null);
  }

  /** Units in transit that `except` did not send (all of them when null). */
  available(except: number | null): number {
    if (!this.exact) return this.summed(except);
    return except === null ? this.units : this.units - (this.sent.get(except) ?? 0);
  }

  /** The units of the chunks `except` did not send, summed one by one (what the totals keep). */
  private summed(except: number | null): number {
    let units = 0;
    for (const chunk of this.chunks()) if (chunk.location !== except) units += chunk.qty;
    return units;
  }

  /** Puts a chunk at the end of the queue. */
  push(chunk: TransitChunk): void {
    this.units += chunk.qty;
    if (this.units > Number.MAX_SAFE_INTEGER) this.exact = false;
    this.sent.set(chunk.location, (this.sent.get(chunk.location) ?? 0) + chunk.qty);
    const node: Node = { chunk, next: null };
    const tail = this.tail;
    if (tail !== null && tail.location === chunk.location) {
      tail.last.next = node;
      tail.last = node;
      return;
    }
    const run: Run = { location: chunk.location, first: node, last: node, prev: tail, next: null };
    if (tail === null) this.head = run;
    else tail.next = run;
    this.tail = run;
  }

  /**
   * Takes up to `qty` units in the order they were sent, passing over the chunks `except` sent:
   * `piece(chunk, units)` takes `units` off `chunk` and must lower its `qty` by as many; a chunk
   * left without units leaves the queue (so does one sent without units, once a take that still
   * wants units reaches it). Returns how many units were taken.
   */
  take(
    qty: number,
    except: number | null,
    piece: (chunk: TransitChunk, units: number) => void,
  ): number {
    let need = qty;
    while (need > 0) {
      const run = this.head !== null && this.head.location === except ? this.head.next : this.head;
      if (run === null) break;
      const { chunk } = run.first;
      const units = Math.min(need, chunk.qty);
      piece(chunk, units);
      this.units -= units;
      this.sent.set(run.location, (this.sent.get(run.location) as number) - units);
      need -= units;
      if (chunk.qty === 0) this.dropFirst(run);
    }
    return qty - need;
  }

  /** The chunks still in transit, in the order sent. */
  *chunks(): Generator<TransitChunk> {
    for (let run = this.head; run !== null; run = run.next)
      for (let node: Node | null = run.first; node !== null; node = node.next) yield node.chunk;
  }

  /** Removes the first chunk of `run`; a run left empty goes, and the runs around it may join. */
  private dropFirst(run: Run): void {
    const rest = run.first.next;
    if (rest !== null) {
      run.first = rest;
      return;
    }
    const { prev, next } = run;
    this.link(prev, next);
    if (prev !== null && next !== null && prev.location === next.location) {
      prev.last.next = next.first;
      prev.last = next.last;
      this.link(prev, next.next);
    }
  }

  /** Makes `after` follow `before` (either null: the end of the queue). */
  private link(before: Run | null, after: Run | null): void {
    if (before === null) this.head = after;
    else before.next = after;
    if (after === null) this.tail = before;
    else after.prev = before;
  }
}
