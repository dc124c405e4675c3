import { type ReplaySettings, rowQuantity } from "./ReplaySettings.js";

/**
 * One SKU's transfer rows of one day under `byLocation`. The general engine applies them together,
 * at the first of them, so that a location forwarding units that reach it the same day (a relay)
 * can take them whatever the order of the rows (see `GeneralReplay.applyTransferDay`). Besides the
 * rows it keeps, once a relay asks, the units each transfer in has still to bring.
 */
export class TransferDay {
  /** Row indexes of the day's transfers out, in input order. */
  readonly outs: number[] = [];
  /** Row indexes of the day's transfers in, in input order. */
  readonly ins: number[] = [];
  /** Set once the day is applied; its later rows are then passed over. */
  applied = false;
  /** The locations that relayed units this day (forwarded units that reached them), or null. */
  private relays: Set<number> | null = null;
  /** Scaled units each transfer in has still to bring, by its place in `ins` (null until a relay). */
  private left: number[] | null = null;
  /** Scaled units still to arrive, by location (null until a relay). */
  private arriving: Map<number, number> | null = null;
  /**
   * By location, the places in `ins` of its transfers in, in input order, and the first that may
   * still bring units (those before it brought all theirs): a relay takes from there on, so that
   * the relays of a location walk its transfers in once in all (null until a relay).
   */
  private inbound: Map<number, { places: number[]; next: number }> | null = null;

  /** The units still to arrive at `location` this day, by transfers not yet received. */
  arrivingAt(settings: ReplaySettings, location: number): number {
    return this.arrivals(settings).get(location) ?? 0;
  }

  /** The units transfer in number `k` (its place in `ins`) has still to bring. */
  remaining(settings: ReplaySettings, k: number): number {
    const left = this.left;
    return left === null ? rowQuantity(settings, this.ins[k] as number) : (left[k] as number);
  }

  /**
   * The first transfer in to `location`, in input order, that has still units to bring: its place
   * in `ins`, or -1 when none has.
   */
  nextArrival(settings: ReplaySettings, location: number): number {
    this.arrivals(settings);
    const to = this.inbound?.get(location);
    if (to === undefined) return -1;
    const left = this.left as number[];
    while (to.next < to.places.length && left[to.places[to.next] as number] === 0) to.next++;
    return to.next < to.places.length ? (to.places[to.next] as number) : -1;
  }

  /** Transfer in number `k`, to `location`, brought `units` ahead of its turn, to its relay. */
  took(settings: ReplaySettings, k: number, units: number, location: number): void {
    const arriving = this.arrivals(settings);
    const left = this.left as number[];
    left[k] = (left[k] as number) - units;
    arriving.set(location, (arriving.get(location) as number) - units);
    this.relays ??= new Set();
    this.relays.add(location);
  }

  /** Whether any location relayed units this day. */
  get anyRelay(): boolean {
    return this.relays !== null;
  }

  /** Whether `location` relayed units this day. */
  relayedAt(location: number): boolean {
    return this.relays?.has(location) === true;
  }

  /** Sums the transfers in by location, on first use (a day without a relay never needs them). */
  private arrivals(settings: ReplaySettings): Map<number, number> {
    if (this.arriving !== null) return this.arriving;
    const arriving = new Map<number, number>();
    const inbound = new Map<number, { places: number[]; next: number }>();
    this.left = this.ins.map((i, k) => {
      const qty = rowQuantity(settings, i);
      const location = settings.columns.location[i] as number;
      arriving.set(location, (arriving.get(location) ?? 0) + qty);
      const to = inbound.get(location);
      if (to === undefined) inbound.set(location, { places: [k], next: 0 });
      else to.places.push(k);
      return qty;
    });
    this.arriving = arriving;
    this.inbound = inbound;
    return arriving;
  }
}
