/** The most characters of digits and points a number of at most 15 significant digits can show. */
const SHORT_NUMBER_RUN = 15;

/**
 * Watches streamed text, chunk by chunk, for runs of more than 15 digits and points (a number
 * literal that may hold more digits than a double: see `quantityTextProblem`), so that a reader
 * scans the text once per chunk instead of each line: {@link push} says whether a line that ends
 * in the chunk may have such a run. A run cut across chunks, and a line over many chunks, are
 * caught; the answer may be `true` for a line without one (the reader then scans that line
 * itself), never `false` for a line with one.
 *
 * @example
 * ```ts
 * const watch = new DigitRunWatch();
 * watch.push('{"quantity": 2}\n{"quantity": 1.0000000'); // false
 * watch.push('0000000001}\n'); // true: the run spans the chunks
 * watch.push('{"quantity": 3}\n'); // false
 * ```
 */
export class DigitRunWatch {
  /** The digits and points the text so far ends with (at most 16 counted). */
  private trailing = 0;
  /** The text after the last line break so far may have a long run. */
  private openLine = false;

  /** Takes the next chunk: whether a line that ends in it may have a long run. */
  push(chunk: string): boolean {
    const found = this.runAcross(chunk) || longDigitRunIn(chunk, 0, chunk.length);
    // A line that ends here began after the last line break before the chunk.
    const lineMayHave = found || this.openLine;
    if (found) {
      // The line left open: after the chunk's last line break, or all of it when it has none.
      const lastBreak = Math.max(chunk.lastIndexOf("\n"), chunk.lastIndexOf("\r"));
      this.openLine = lastBreak < 0 || longDigitRunIn(chunk, lastBreak + 1, chunk.length);
    } else if (this.openLine) this.openLine = chunk.indexOf("\n") < 0 && chunk.indexOf("\r") < 0;
    const tail = trailingDigitRun(chunk, 0, chunk.length);
    this.trailing = Math.min(
      SHORT_NUMBER_RUN + 1,
      tail === chunk.length ? this.trailing + tail : tail,
    );
    return lineMayHave;
  }

  /** Whether the last line (ended by the end of the text, not a line break) may have a long run. */
  get lastLine(): boolean {
    return this.openLine;
  }

  /** Whether a run that began before `chunk` goes on in it to more than 15 characters. */
  private runAcross(chunk: string): boolean {
    if (this.trailing === 0) return false;
    const head = SHORT_NUMBER_RUN + 1 - this.trailing;
    let lead = 0;
    while (lead < head && lead < chunk.length && isDigitOrPoint(chunk.charCodeAt(lead))) lead++;
    return this.trailing + lead > SHORT_NUMBER_RUN;
  }
}

/**
 * Whether `text[from, to)` has more than 15 digits and points in a row. The 16 characters before
 * `end` are read backwards: a character that is neither rules out every run through it, so the
 * next run can end no sooner than 16 characters after it. Most of a ledger line is skipped
 * unread (a seventh of the time a scan of every character took).
 */
export function longDigitRunIn(text: string, from: number, to: number): boolean {
  let end = from + SHORT_NUMBER_RUN + 1;
  while (end <= to) {
    const low = end - SHORT_NUMBER_RUN - 1;
    let at = end - 1;
    while (at >= low && isDigitOrPoint(text.charCodeAt(at))) at--;
    if (at < low) return true;
    end = at + SHORT_NUMBER_RUN + 2;
  }
  return false;
}

/** How many digits and points `text[from, to)` ends with, up to 16 (enough to tell a long run). */
function trailingDigitRun(text: string, from: number, to: number): number {
  const low = Math.max(from, to - SHORT_NUMBER_RUN - 1);
  let start = to;
  while (start > low && isDigitOrPoint(text.charCodeAt(start - 1))) start--;
  return to - start;
}

/** A digit or a point. */
function isDigitOrPoint(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46;
}
