import type { IdSortKeys } from "./idSortKeys.js";

// How `idSortKeys` and `IdSortKeysBuilder` turn ids into numbers: an alphabet (a common prefix to
// skip, a range of code units) guessed from some ids, and a writer of each id's key in it.

/** What the keys are made of: the characters after a common prefix, as digits. */
export interface KeyAlphabet {
  /** Length of a prefix that every id starts with (so it tells no ids apart). */
  readonly skip: number;
  /** The lowest and the highest code unit that the keys read. */
  readonly lowest: number;
  readonly highest: number;
}

/** A key holds at most 53 characters (in base 2). */
const MAX_WIDTH = 53;

/** Writes the keys of ids in one alphabet, one id at a time. */
export class KeyWriter {
  private readonly keys: Float64Array;
  private readonly skip: number;
  private readonly lowest: number;
  private readonly highest: number;
  /** Digit 0 is "no character"; code unit c is digit c - lowest + 1. */
  private readonly base: number;
  private readonly powers: readonly number[];
  /** How many characters a key holds. */
  private readonly width: number;
  /** An id that holds the prefix (any id will do: they all start with it). */
  private readonly first: string;
  private longest: number;
  private finished = false;

  /**
   * @param alphabet - the alphabet of the keys.
   * @param capacity - how many keys there can be.
   * @param first - an id that starts with the alphabet's prefix.
   */
  constructor({ skip, lowest, highest }: KeyAlphabet, capacity: number, first: string) {
    this.skip = skip;
    this.lowest = lowest;
    this.highest = highest;
    this.base = highest - lowest + 2;
    this.powers = powersBelowExactLimit(this.base);
    this.width = Math.min(this.powers.length - 1, MAX_WIDTH);
    this.first = first;
    this.keys = new Float64Array(capacity);
    this.longest = skip;
  }

  /**
   * Writes the key of `id` at `index`; `false` (and nothing written) when the id does not start
   * with the prefix or uses a code unit outside the alphabet.
   */
  write(index: number, id: string): boolean {
    if (this.finished) throw new Error("invkpi: KeyWriter.write after result (internal)");
    const { skip, width, lowest, highest, base } = this;
    if (!startsWithPrefix(id, this.first, skip)) return false;
    const end = Math.min(id.length, skip + width);
    let key = 0;
    for (let j = skip; j < end; j++) {
      const code = id.charCodeAt(j);
      if (code < lowest || code > highest) return false;
      key = key * base + (code - lowest + 1);
    }
    if (id.length > this.longest) this.longest = id.length;
    // The missing characters are zero digits.
    this.keys[index] = key * this.powers[skip + width - end]!;
    return true;
  }

  /**
   * The keys of the ids at indexes 0 .. count - 1, once each has been written. Call it once: it
   * finishes the keys in place (and then no more can be written).
   */
  result(count: number): IdSortKeys {
    if (this.finished) throw new Error("invkpi: KeyWriter.result called twice (internal)");
    this.finished = true;
    const { skip, width, powers } = this;
    const keys = this.keys.subarray(0, count);
    // Digits past the longest id are zero in every key: drop them (exact divisions), so that the
    // keys stay small and the radix sort makes fewer passes.
    const held = Math.min(width, this.longest - skip);
    const unused = powers[width - held]!;
    if (unused > 1) for (let i = 0; i < keys.length; i++) keys[i]! /= unused;
    return { keys, exact: skip + held === this.longest };
  }
}

function startsWithPrefix(id: string, first: string, skip: number): boolean {
  if (id.length < skip) return false;
  for (let j = 0; j < skip; j++) if (id.charCodeAt(j) !== first.charCodeAt(j)) return false;
  return true;
}

/**
 * The common prefix of the ids at indexes 0, step, 2·step, ... below `length`, and the lowest and
 * highest code unit after it among the characters a key can hold (the next {@link MAX_WIDTH}).
 *
 * The prefix shrinks as the pass goes; the characters it then uncovers in the ids seen before
 * are those of the first id (the ids shared them), so those are added to the range.
 */
export function alphabetOf(ids: readonly string[], length: number, step: number): KeyAlphabet {
  const first = ids[0] ?? "";
  let skip = first.length;
  let lowest = 0xffff;
  let highest = 0;
  for (let i = step; i < length; i += step) {
    const id = ids[i]!;
    let same = 0;
    const shared = Math.min(skip, id.length);
    while (same < shared && id.charCodeAt(same) === first.charCodeAt(same)) same++;
    for (let j = same; j < skip; j++) {
      const code = first.charCodeAt(j);
      if (code < lowest) lowest = code;
      if (code > highest) highest = code;
    }
    skip = same;
    const end = Math.min(id.length, skip + MAX_WIDTH);
    for (let j = skip; j < end; j++) {
      const code = id.charCodeAt(j);
      if (code < lowest) lowest = code;
      if (code > highest) highest = code;
    }
  }
  // No character after the prefix at all: any one-letter alphabet will do.
  return lowest > highest ? { skip, lowest: 0, highest: 0 } : { skip, lowest, highest };
}

/** base^0, base^1, ..., up to the largest power ≤ 2^53; exact (products of exact integers). */
function powersBelowExactLimit(base: number): number[] {
  const powers = [1];
  while (powers[powers.length - 1]! * base <= 2 ** 53)
    powers.push(powers[powers.length - 1]! * base);
  return powers;
}
