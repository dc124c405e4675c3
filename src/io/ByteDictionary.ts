import { grown } from "../model/grown.js";
import type { hashBytes } from "../model/hashBytes.js";

/**
 * A dictionary from codes to ids looked up by a range of bytes, without making a string: a hash
 * table keyed by the bytes themselves (kept in one growing pool). The CSV fast path (see
 * {@link CsvLedgerFastPath}) finds a SKU, location or lot code here and gets its id in the ledger's
 * dictionary, so a code seen before costs no string, no decoding and no `Map` lookup.
 *
 * Two codes are the same when their UTF-8 bytes are: valid UTF-8 and text are one-to-one.
 */
export class ByteDictionary {
  private pool = new Uint8Array(1 << 16);
  private poolUsed = 0;
  /**
   * The slots, {@link SLOT} numbers each, side by side so that a probe reads one cache line: the
   * code's hash, its length, its offset in the pool, and its id (-1 for an empty slot).
   */
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  constructor() {
    this.slots = emptySlots(1024);
    this.mask = 1023;
  }

  /** The id of the code whose bytes are `bytes[from, to)` (hashed by {@link hashBytes}), or -1. */
  find(bytes: Uint8Array, from: number, to: number, hash: number): number {
    const length = to - from;
    const pool = this.pool;
    const slots = this.slots;
    let i = hash & this.mask;
    for (;;) {
      const s = i * SLOT;
      const id = slots[s + ID] as number;
      if (id < 0) return -1;
      if (slots[s] === hash && slots[s + LENGTH] === length) {
        const offset = (slots[s + OFFSET] as number) - from;
        let k = from;
        while (k < to && pool[offset + k] === bytes[k]) k++;
        if (k === to) return id;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Adds the code `bytes[from, to)`, which {@link find} does not know yet, with its id. */
  add(bytes: Uint8Array, from: number, to: number, hash: number, id: number): void {
    const length = to - from;
    while (this.poolUsed + length > this.pool.length) {
      this.pool = grown(this.pool, new Uint8Array(this.pool.length * 2));
    }
    this.pool.set(bytes.subarray(from, to), this.poolUsed);
    this.place(hash, length, this.poolUsed, id);
    this.poolUsed += length;
    if (++this.size * 2 > this.mask + 1) this.grow();
  }

  private place(hash: number, length: number, offset: number, id: number): void {
    let i = hash & this.mask;
    while ((this.slots[i * SLOT + ID] as number) >= 0) i = (i + 1) & this.mask;
    const s = i * SLOT;
    this.slots[s] = hash;
    this.slots[s + LENGTH] = length;
    this.slots[s + OFFSET] = offset;
    this.slots[s + ID] = id;
  }

  private grow(): void {
    const old = this.slots;
    const count = (this.mask + 1) * 2;
    this.slots = emptySlots(count);
    this.mask = count - 1;
    for (let s = 0; s < old.length; s += SLOT) {
      const id = old[s + ID] as number;
      if (id >= 0)
        this.place(old[s] as number, old[s + LENGTH] as number, old[s + OFFSET] as number, id);
    }
  }
}

/** Numbers per slot, and where each is in a slot (the hash comes first). */
const SLOT = 4;
const LENGTH = 1;
const OFFSET = 2;
const ID = 3;

function emptySlots(count: number): Int32Array {
  const slots = new Int32Array(count * SLOT);
  for (let s = ID; s < slots.length; s += SLOT) slots[s] = -1;
  return slots;
}
