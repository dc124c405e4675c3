import type { Writable } from "node:stream";
import { ioError } from "../io/ioError.js";
import { BATCH_CHARS } from "../io/writeText.js";

/**
 * Writes lines to a command's output as they come, from a synchronous callback (a reader's
 * `onIssue`), in batches: so that `invkpi validate` holds neither its problems nor their text,
 * however many the file has (it held every one, ~570 bytes each: a 10 M-row file with a bad date
 * in every row ran out of memory).
 *
 * The callback cannot wait for the stream to drain. On Linux, the process's stdout (a file, a
 * pipe or a terminal) is written synchronously, so nothing piles up; a slower stream buffers the
 * text, which {@link end} waits for.
 *
 * @example
 * ```ts
 * import { PassThrough } from "node:stream";
 * const out = new PassThrough();
 * const writer = new IssueLineWriter(out, "invkpi validate");
 * writer.add("ledger.csv:2: date: ... [invalid_date]\n");
 * await writer.end();
 * String(out.read()); // "ledger.csv:2: date: ... [invalid_date]\n"
 * ```
 */
export class IssueLineWriter {
  private batch = "";
  private failure: unknown = null;
  private ended = false;
  private readonly onError = (error: unknown): void => {
    this.failure ??= error;
  };

  /**
   * @param stream - where the lines go.
   * @param fn - the command, for the error of a failed write (`invkpi validate: cannot write ...`).
   * @param beforeWrite - called before each write (to clear a progress line on the same
   *   terminal); default none.
   */
  constructor(
    private readonly stream: Writable,
    private readonly fn: string,
    private readonly beforeWrite: () => void = () => {},
  ) {
    stream.on("error", this.onError);
  }

  /**
   * Adds a line (with its line break); writes the batch once it is large enough.
   *
   * @throws InvKpiError `io_error` once a write has failed (a closed pipe): the read stops.
   */
  add(line: string): void {
    if (this.failure !== null) throw this.error();
    this.batch += line;
    if (this.batch.length >= BATCH_CHARS) this.writeBatch();
  }

  /**
   * Writes what is left and waits until the stream has taken every line; call it once, also when
   * the read failed (the lines found before the failure are real problems).
   *
   * @throws InvKpiError `io_error` when a write failed.
   */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      if (this.failure === null && this.batch !== "") this.writeBatch();
      if (this.failure === null && this.stream.writableNeedDrain) await this.drained();
      if (this.failure !== null) throw this.error();
    } finally {
      this.stream.off("error", this.onError);
    }
  }

  private writeBatch(): void {
    this.beforeWrite();
    const batch = this.batch;
    this.batch = "";
    this.stream.write(batch);
  }

  /** Resolves once the stream drains, errs or closes. */
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const settle = (): void => {
        this.stream.off("drain", settle);
        this.stream.off("error", settle);
        this.stream.off("close", settle);
        resolve();
      };
      this.stream.on("drain", settle);
      this.stream.on("error", settle);
      this.stream.on("close", settle);
    });
  }

  private error(): Error {
    return ioError(this.fn, "write", "the output stream", this.failure);
  }
}
