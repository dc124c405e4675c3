import { MAX_FIELD_CHARS } from "./CsvSplitter.js";

const CR = 13;
const LF = 10;

function indexOrLength(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/**
 * Splits streamed text into lines (LF, CRLF or a lone CR, as CSV records end), with their 1-based line numbers. A line longer than
 * {@link MAX_FIELD_CHARS} is not kept: it is handed on as `null`, so memory stays bounded.
 */
export class LineSplitter {
  private readonly onLine: (text: string | null, line: number) => void;
  private pending = "";
  private tooLong = false;
  private line = 1;
  /** The last chunk ended with a CR: an LF at the start of the next one is its second half. */
  private heldCr = false;

  constructor(onLine: (text: string | null, line: number) => void) {
    this.onLine = onLine;
  }

  push(chunk: string): void {
    let start = 0;
    if (this.heldCr) {
      // The line ended with a CR at the end of the last chunk: an LF here completes a CRLF.
      this.heldCr = false;
      if (chunk.charCodeAt(0) === LF) start = 1;
    }
    let nextCr = -1;
    for (;;) {
      const lf = chunk.indexOf("\n", start);
      if (nextCr < start) nextCr = indexOrLength(chunk, "\r", start);
      if (lf === -1 && nextCr === chunk.length) break;
      // A line ends at an LF, a CRLF or a lone CR (as a CSV record does).
      const end = lf === -1 || nextCr < lf ? nextCr : lf;
      this.emit(
        this.pending === "" ? chunk.slice(start, end) : this.pending + chunk.slice(start, end),
      );
      this.pending = "";
      start = end + 1;
      if (end === nextCr) {
        if (end + 1 === chunk.length) this.heldCr = true;
        else if (chunk.charCodeAt(end + 1) === LF) start++;
      }
    }
    if (!this.tooLong) this.pending += chunk.slice(start);
    if (this.pending.length > MAX_FIELD_CHARS) {
      this.tooLong = true;
      this.pending = "";
    }
  }

  /**
   * The line on which the input would be after `text` (not pushed): for an error in text the
   * splitter never gets (bytes that are not valid UTF-8). LF, CRLF and a lone CR are line breaks.
   */
  lineAfter(text: string): number {
    let line = this.line;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) {
        if (!(i === 0 && this.heldCr)) line++;
      } else if (c === CR && text.charCodeAt(i + 1) !== LF) line++;
    }
    return line;
  }

  end(): void {
    if (this.pending !== "" || this.tooLong) this.emit(this.pending);
    this.pending = "";
  }

  private emit(text: string): void {
    const line = this.line++;
    if (this.tooLong) {
      this.tooLong = false;
      this.onLine(null, line);
      return;
    }
    const last = text.length - 1;
    this.onLine(last >= 0 && text.charCodeAt(last) === CR ? text.slice(0, last) : text, line);
  }
}
