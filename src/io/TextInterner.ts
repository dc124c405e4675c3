import { FNV_OFFSET, FNV_PRIME } from "../model/hashBytes.js";
/**
 * One string per distinct text, looked up by a range of a larger text: a hash table keyed by the
 * range's characters. Reading a ledger, the same SKU, location and lot codes come back on row after
 * row; interning them gives the engine the very same string object each time, so its own dictionary
 * lookups compare by identity with the hash already known, instead of hashing a new string.
 *
 * Each stored string is a copy detached from the text it was found in, so keeping it does not keep
 * a whole chunk of the file alive (a JavaScript engine may implement a substring as a view).
 */
export class TextInterner {
  private slots: (string | undefined)[];
  private hashes: Int32Array;
  private mask: number;
  private stored = 0;

  /** How many distinct texts it holds. */
  get size(): number {
    return this.stored;
  }

  constructor() {
    this.slots = new Array<string | undefined>(1024).fill(undefined);
    this.hashes = new Int32Array(1024);
    this.mask = 1023;
  }

  /** The string equal to `text[from, to)`. */
  intern(text: string, from: number, to: number): string {
    const hash = hashRange(text, from, to);
    const length = to - from;
    let i = hash & this.mask;
    let cut: string | null = null;
    for (;;) {
      const stored = this.slots[i];
      if (stored === undefined) break;
      if (this.hashes[i] === hash && stored.length === length) {
        // Cutting the range out and comparing is faster than startsWith (measured).
        cut ??= text.slice(from, to);
        if (cut === stored) return stored;
      }
      i = (i + 1) & this.mask;
    }
    const value = detached(cut ?? text.slice(from, to));
    this.slots[i] = value;
    this.hashes[i] = hash;
    if (++this.stored * 2 > this.slots.length) this.grow();
    return value;
  }

  private grow(): void {
    const slots = this.slots;
    const hashes = this.hashes;
    this.slots = new Array<string | undefined>(slots.length * 2).fill(undefined);
    this.hashes = new Int32Array(slots.length * 2);
    this.mask = slots.length * 2 - 1;
    slots.forEach((value, k) => {
      if (value === undefined) return;
      let i = (hashes[k] as number) & this.mask;
      while (this.slots[i] !== undefined) i = (i + 1) & this.mask;
      this.slots[i] = value;
      this.hashes[i] = hashes[k] as number;
    });
  }
}

/**
 * FNV-1a over the UTF-16 code units of `text[from, to)`, as a signed 32-bit integer: the form the
 * `Int32Array` of hashes stores. (The empty text's hash is the offset basis itself, above 2^31:
 * unsigned, it never matched its stored copy, and every blank code was stored again.)
 */
function hashRange(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash | 0;
}

/** A copy of `text` that shares no memory with the string it was cut from. */
export function detached(text: string): string {
  // Concatenation makes a new string; slicing it flattens that new string, never the old one.
  return ` ${text}`.slice(1);
}
