import { alphabetOf, type KeyAlphabet, KeyWriter } from "./KeyWriter.js";

/** Numeric sort keys of strings; see {@link idSortKeys}. */
export interface IdSortKeys {
  /** One key per id: integers in [0, 2^53). */
  readonly keys: Float64Array;
  /** Whether the keys hold every character, so that equal keys mean equal ids. */
  readonly exact: boolean;
}

/** How many ids, evenly spaced, the first guess at the alphabet looks at (also `IdSortKeysBuilder`). */
export const SAMPLE_SIZE = 1024;

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
  return (
    keysIn(ids, alphabetOf(ids, ids.length, step)) ?? keysIn(ids, alphabetOf(ids, ids.length, 1))!
  );
}

/**
 * The keys in `alphabet`, or `null` when an id does not start with the prefix or uses a code unit
 * outside the alphabet (never for the alphabet of all the ids).
 */
function keysIn(ids: readonly string[], alphabet: KeyAlphabet): IdSortKeys | null {
  const writer = new KeyWriter(alphabet, ids.length, ids[0] ?? "");
  for (let i = 0; i < ids.length; i++) if (!writer.write(i, ids[i]!)) return null;
  return writer.result(ids.length);
}
