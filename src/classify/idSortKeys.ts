/** Numeric sort keys of strings; see {@link idSortKeys}. */
export interface IdSortKeys {
  /** One key per id: integers in [0, 2^53). */
  readonly keys: Float64Array;
  /** Whether the keys hold every character, so that equal keys mean equal ids. */
  readonly exact: boolean;
}

/** What the keys are made of: the characters after a common prefix, as digits. */
interface KeyAlphabet {
  /** Length of a prefix that every id starts with (so it tells no ids apart). */
  readonly skip: number;
  /** The lowest and the highest code unit that the keys read. */
  readonly lowest: number;
  readonly highest: number;
}

/** A key holds at most 53 characters (in base 2). */
const MAX_WIDTH = 53;
/** How many ids, evenly spaced, the first guess at the alphabet looks at. */
const SAMPLE_SIZE = 1024;

/**
 * Numeric sort keys for strings that agree with plain string order (UTF-16 code units) as far as
 * they go: `a < b` implies `key(a) ≤ key(b)`, and `key(a) < key(b)` implies `a < b`. Equal keys
 * say nothing unless `exact` (the strings may differ after the characters the key holds), so a
 * caller sorting by key compares equal-key strings itself.
 *
 * Why: sorting a million ids with a string comparator takes most of a second; sorting integers by
 * radix takes a few linear passes.
 *
 * How: the characters shared by every id (their common prefix) cannot tell ids apart, so they are
 * skipped. The next k characters are read as the digits of a number in base B, where B is the
 * number of code units from the lowest to the highest one used, plus one for "no character" (an
 * id that has ended sorts before any longer one), and k is as large as keeps B^k within 2^53. For
 * ids such as `SKU-0000001 .. SKU-0999999` this holds the whole varying part: B = 11, 6 digits.
 *
 * Ids scattered in memory cost a cache miss each time they are read, so the prefix and the
 * alphabet are first guessed from a sample of the ids, and the keys computed in one pass that
 * checks the guess on every id; only when an id falls outside it is there a second pass.
 *
 * @param ids - the strings.
 */
export function idSortKeys(ids: readonly string[]): IdSortKeys {
  const step = Math.max(1, Math.floor(ids.length / SAMPLE_SIZE));
  return keysIn(ids, alphabetOf(ids, step)) ?? keysIn(ids, alphabetOf(ids, 1))!;
}

/**
 * The keys in `alphabet`, or `null` when an id does not start with the prefix or uses a code unit
 * outside the alphabet (never for the alphabet of all the ids).
 */
function keysIn(ids: readonly string[], { skip, lowest, highest }: KeyAlphabet): IdSortKeys | null {
  // Digit 0 is "no character"; code unit c is digit c - lowest + 1.
  const base = highest - lowest + 2;
  const powers = powersBelowExactLimit(base);
  const width = Math.min(powers.length - 1, MAX_WIDTH);
  const first = ids[0] ?? "";
  const keys = new Float64Array(ids.length);
  let longest = skip;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!startsWithPrefix(id, first, skip)) return null;
    if (id.length > longest) longest = id.length;
    const end = Math.min(id.length, skip + width);
    let key = 0;
    for (let j = skip; j < end; j++) {
      const code = id.charCodeAt(j);
      if (code < lowest || code > highest) return null;
      key = key * base + (code - lowest + 1);
    }
    // The missing characters are zero digits.
    keys[i] = key * powers[skip + width - end]!;
  }
  // Digits past the longest id are zero in every key: drop them (exact divisions), so that the
  // keys stay small and the radix sort makes fewer passes.
  const held = Math.min(width, longest - skip);
  const unused = powers[width - held]!;
  if (unused > 1) for (let i = 0; i < keys.length; i++) keys[i]! /= unused;
  return { keys, exact: skip + held === longest };
}

function startsWithPrefix(id: string, first: string, skip: number): boolean {
  if (id.length < skip) return false;
  for (let j = 0; j < skip; j++) if (id.charCodeAt(j) !== first.charCodeAt(j)) return false;
  return true;
}

/**
 * The common prefix of the ids at indexes 0, step, 2·step, ..., and the lowest and highest code
 * unit after it among the characters a key can hold (the next {@link MAX_WIDTH}).
 *
 * The prefix shrinks as the pass goes; the characters it then uncovers in the ids seen before
 * are those of the first id (the ids shared them), so those are added to the range.
 */
function alphabetOf(ids: readonly string[], step: number): KeyAlphabet {
  const first = ids[0] ?? "";
  let skip = first.length;
  let lowest = 0xffff;
  let highest = 0;
  for (let i = step; i < ids.length; i += step) {
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
