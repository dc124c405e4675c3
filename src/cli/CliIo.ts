import type { Readable, Writable } from "node:stream";

/**
 * The streams a command reads and writes: the process's own in the binary, in-memory streams in
 * tests. Commands never touch `process` directly, so they can run inside another program.
 */
export interface CliIo {
  /** Where `-` reads from. */
  readonly stdin: Readable;
  /** The command's output (the report, the CSV, the problems found). */
  readonly stdout: Writable;
  /** Errors, notes and the progress line. */
  readonly stderr: Writable;
  /** Whether stderr is a terminal: only then is a progress line drawn. */
  readonly stderrIsTTY: boolean;
  /**
   * Whether stdout is a terminal (default `false`): output written while a progress line is
   * drawn on the same terminal clears that line first (`invkpi validate` lists problems as the
   * read finds them).
   */
  readonly stdoutIsTTY?: boolean;
  /** Environment variables (`INVKPI_DEBUG=1` adds a stack trace to unexpected errors). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The streams of the running process.
 *
 * @example
 * ```ts
 * const io = processCliIo();
 * io.stdout === process.stdout; // true
 * ```
 */
export function processCliIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}
