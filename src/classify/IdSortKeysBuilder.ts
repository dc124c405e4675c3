import { type IdSortKeys, idSortKeys, SAMPLE_SIZE } from "./idSortKeys.js";
import { alphabetOf, KeyWriter } from "./KeyWriter.js";

/**
 * {@link idSortKeys} of ids as a reader fills them in, one at a time, so that each id's characters
 * are read while the id is still in cache, and not at all while the ids come in ascending order.
 *
 * Why: records scattered in memory (a shuffled array) cost a cache miss each time their id is
 * read; a second pass over a million ids for their keys costs about twice the keys' own work. A
 * sorted SKU list needs no keys (see `rankOrder`), so none are computed until an id comes out of
 * order.
 *
 * How: while the ids ascend, each is compared with the one before. At the first that does not,
 * the builder waits until it has read {@link SAMPLE_SIZE} ids (or twice as many as had ascended),
 * guesses the alphabet from those (a sample of the first ids, evenly spaced), writes their keys,
 * and from then on writes each id's key as it comes. An id outside the guess stops the writing
 * (and lets go of the keys written); `finish` then computes the keys of all the ids with
 * `idSortKeys` (the same result, in more time). A builder serves one reading: `finish` once.
 */
export class IdSortKeysBuilder {
  private ascending = true;
  /** How many ids to read before guessing the alphabet (once the ids stopped ascending). */
  private guessAfter = 0;
  private writer: KeyWriter | null = null;
  /** An id fell outside the guessed alphabet: no keys are written, `finish` computes them all. */
  private failed = false;

  /**
   * @param ids - the reader's array of ids: as long as the ids it may hold, filled in index order,
   *   and cut to the ids read before {@link finish}.
   */
  constructor(private readonly ids: readonly string[]) {}

  /** Takes note of `ids[index]`; call it for index 0, 1, 2, ... once each id is in place. */
  add(index: number): void {
    const { ids } = this;
    if (this.failed) return;
    if (this.writer !== null) {
      if (!this.writer.write(index, ids[index]!)) this.fail();
      return;
    }
    if (this.ascending) {
      if (index === 0 || ids[index - 1]! <= ids[index]!) return;
      this.ascending = false;
      this.guessAfter = Math.max(SAMPLE_SIZE, 2 * index);
    }
    if (index + 1 >= this.guessAfter) this.startWriting(index + 1);
  }

  /**
   * The keys of the ids (every one added, the array cut to them), or `null` when they came in
   * ascending order (plain string order, equal ids allowed).
   */
  finish(): IdSortKeys | null {
    if (this.ascending) return null;
    return this.writer === null ? idSortKeys(this.ids) : this.writer.result(this.ids.length);
  }

  /** Guesses the alphabet from the first `read` ids and writes their keys. */
  private startWriting(read: number): void {
    const { ids } = this;
    const step = Math.max(1, Math.floor(read / SAMPLE_SIZE));
    const writer = new KeyWriter(alphabetOf(ids, read, step), ids.length, ids[0]!);
    this.writer = writer;
    for (let i = 0; i < read && !this.failed; i++) if (!writer.write(i, ids[i]!)) this.fail();
  }

  /** An id fell outside the guessed alphabet: no more keys are written, nor kept. */
  private fail(): void {
    this.failed = true;
    this.writer = null;
  }
}
