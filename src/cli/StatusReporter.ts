import type { Writable } from "node:stream";
import { visibleControls } from "../io/formatTable.js";

/** Options of {@link StatusReporter}. */
export interface StatusReporterOptions {
  /** Draw a progress line (only sensible when the stream is a terminal). */
  readonly progress: boolean;
  /** Silence progress and notes (`--quiet`); errors are not written here and stay. */
  readonly quiet: boolean;
  /** Milliseconds before the first progress line: quick runs draw none. Default 1000. */
  readonly delayMs?: number;
  /** The clock, in milliseconds. Default `performance.now`. */
  readonly now?: () => number;
}

/** Milliseconds between two redraws of the progress line. */
const REDRAW_MS = 100;

/**
 * The messages a command writes to stderr besides errors: notes (warnings of the replay, what was
 * written where) and one progress line that redraws in place. The progress line appears only on a
 * terminal, only after the work has taken more than a second, and never under `--quiet`; a note
 * first clears it, so lines never mix.
 *
 * @example
 * ```ts
 * import { Writable } from "node:stream";
 * let shown = "";
 * const stderr = new Writable({ write: (chunk, _encoding, done) => done(void (shown += chunk)) });
 * const status = new StatusReporter(stderr, { progress: true, quiet: false });
 * status.progress("reading ledger.csv: 40 %"); // drawn only after a second
 * status.note("wrote report.csv");
 * status.done();
 * shown; // "wrote report.csv\n"
 * ```
 */
export class StatusReporter {
  private readonly stream: Writable;
  private readonly showProgress: boolean;
  private readonly quiet: boolean;
  private readonly delayMs: number;
  private readonly now: () => number;
  private readonly start: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(stream: Writable, options: StatusReporterOptions) {
    this.stream = stream;
    this.quiet = options.quiet;
    this.showProgress = options.progress && !options.quiet;
    this.delayMs = options.delayMs ?? 1000;
    this.now = options.now ?? (() => performance.now());
    this.start = this.now();
  }

  /** Redraws the progress line with `text` (throttled; nothing before the delay has passed). */
  progress(text: string): void {
    if (!this.showProgress) return;
    const now = this.now();
    if (now - this.start < this.delayMs || now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.drawn = true;
    this.stream.write(`\r\x1b[K${text}`);
  }

  /**
   * Writes a note on its own line, unless quiet. Control characters (of a SKU code a warning
   * names, say) are shown as escapes (`\x1b`), never sent to the terminal raw.
   */
  note(text: string): void {
    if (this.quiet) return;
    this.done();
    this.stream.write(`${visibleControls(text)}\n`);
  }

  /** Clears the progress line, if one is drawn. */
  done(): void {
    if (!this.drawn) return;
    this.drawn = false;
    this.stream.write("\r\x1b[K");
  }
}
