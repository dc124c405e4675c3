import { MAX_FIELD_CHARS } from "./CsvSplitter.js";

const CR = 13;

/**
 * Splits streamed text into lines (LF or CRLF), with their 1-based line numbers. A line longer than
 * {@link MAX_FIELD_CHARS} is not kept: it is handed on as `null`, so memory stays bounded.
 */
export class LineSplitter {
  private readonly onLine: (text: string | null, line: number) => void;
  private pending = "";
  private tooLong = false;
  private line = 1;

  constructor(onLine: (text: string | null, line: number) => void) {
    this.onLine = onLine;
  }

  push(chunk: string): void {
    let start = 0;
    for (;;) {
      const lf = chunk.indexOf("\n", start);
      if (lf === -1) break;
      this.emit(
        this.pending === "" ? chunk.slice(start, lf) : this.pending + chunk.slice(start, lf),
      );
      this.pending = "";
      start = lf + 1;
    }
    if (!this.tooLong) this.pending += chunk.slice(start);
    if (this.pending.length > MAX_FIELD_CHARS) {
      this.tooLong = true;
      this.pending = "";
    }
  }

  /**
   * The line on which the input would be after `text` (not pushed): for an error in text the
   * splitter never gets (bytes that are not valid UTF-8).
   */
  lineAfter(text: string): number {
    let line = this.line;
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) line++;
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
