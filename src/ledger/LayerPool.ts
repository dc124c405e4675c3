import { grown } from "../model/grown.js";
/** The end of a layer list. */
export const NO_LAYER = -1;

// The slots of one layer's row (see LayerPool): what an issue reads first comes first.
const QTY = 0;
const COST = 1;
const NEXT = 2;
const DAY = 3;
const LOT = 4;
const EXPIRES = 5;
/** Slots per layer. */
const WIDTH = 6;

/**
 * FIFO layers of every SKU in one Float64Array, a row of {@link WIDTH} slots per layer (quantity,
 * unit cost, next layer, receipt day, lot, expiry), linked per SKU oldest first, with freed rows
 * reused. A layer is known by its row's offset. A layer's figures sit side by side, so consuming
 * one touches one cache line. The fast engine's layers always have a unit cost (layers known only
 * by value stay with the general engine).
 */
export class LayerPool {
  private f: Float64Array;
  private used = 0;
  private free = NO_LAYER;

  constructor(capacity: number) {
    this.f = new Float64Array(capacity * WIDTH);
  }

  /** Makes this pool a copy of `other`, reusing its array when it is large enough. */
  copyFrom(other: LayerPool): void {
    if (this.f.length < other.used) this.f = new Float64Array(other.f.length);
    this.f.set(other.f.subarray(0, other.used));
    this.used = other.used;
    this.free = other.free;
  }

  /** A new layer, linked to nothing yet; returns its offset. */
  allocate(qty: number, cost: number, day: number, lot: number, expires: number): number {
    let layer = this.free;
    if (layer !== NO_LAYER) this.free = this.f[layer + NEXT] as number;
    else {
      if (this.used === this.f.length) this.f = grown(this.f, new Float64Array(this.f.length * 2));
      layer = this.used;
      this.used += WIDTH;
    }
    const f = this.f;
    f[layer + QTY] = qty;
    f[layer + COST] = cost;
    f[layer + NEXT] = NO_LAYER;
    f[layer + DAY] = day;
    f[layer + LOT] = lot;
    f[layer + EXPIRES] = expires;
    return layer;
  }

  /** Gives a consumed layer's row back. */
  release(layer: number): void {
    this.f[layer + NEXT] = this.free;
    this.free = layer;
  }

  qty(layer: number): number {
    return this.f[layer + QTY] as number;
  }

  setQty(layer: number, qty: number): void {
    this.f[layer + QTY] = qty;
  }

  cost(layer: number): number {
    return this.f[layer + COST] as number;
  }

  next(layer: number): number {
    return this.f[layer + NEXT] as number;
  }

  link(layer: number, next: number): void {
    this.f[layer + NEXT] = next;
  }

  day(layer: number): number {
    return this.f[layer + DAY] as number;
  }

  lot(layer: number): number {
    return this.f[layer + LOT] as number;
  }

  expires(layer: number): number {
    return this.f[layer + EXPIRES] as number;
  }
}
