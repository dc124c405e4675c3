import { visibleControls } from "../io/formatTable.js";
import { InvKpiError } from "../model/InvKpiError.js";
import * as library from "../node.js";
import type { CliIo } from "./CliIo.js";
import { commandLineWords } from "./commandLineWords.js";
import { EXIT, type ExitCode, exitCodeOf } from "./exitCode.js";

/**
 * Reports an error of a command as one readable line on stderr and returns its exit code:
 * - a usage mistake (exit 2): `invkpi analyze: unknown option '--frob'; see 'invkpi analyze --help'`;
 * - an `InvKpiError` (exit 1): its message, e.g. a file that cannot be read, with one prefix, the
 *   command's (`invkpi analyze: cannot write report.csv: ...`), and the library's option names in
 *   its hints replaced by the flags (`commandLineWords`);
 * - anything else is a bug (exit 1): one line asking to report it; with `INVKPI_DEBUG=1` in the
 *   environment the stack trace follows;
 * - a closed stdout (`EPIPE`, the reader of `invkpi ... | head` went away) is not an error: exit 0,
 *   nothing written.
 *
 * @param command - the command's name, or `undefined` before one was found.
 * @example
 * ```ts
 * import { InvKpiError } from "invkpi";
 * import { Writable } from "node:stream";
 * import { processCliIo } from "./CliIo.js";
 * let text = "";
 * const stderr = new Writable({ write: (chunk, _encoding, done) => done(void (text += chunk)) });
 * reportError(new InvKpiError("usage", "unknown option '--frob'"), "analyze", { ...processCliIo(), stderr }); // 2
 * text; // "invkpi analyze: unknown option '--frob'; see 'invkpi analyze --help'\n"
 * ```
 */
export function reportError(error: unknown, command: string | undefined, io: CliIo): ExitCode {
  const prefix = command === undefined ? "invkpi" : `invkpi ${command}`;
  if (isClosedOutput(error)) return EXIT.ok;
  const code = exitCodeOf(error);
  if (error instanceof InvKpiError) {
    const hint = code === EXIT.usage ? `; see '${prefix} --help'` : "";
    io.stderr.write(`${prefix}: ${oneLine(commandLineWords(withoutPrefixes(error)))}${hint}\n`);
    return code;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `${prefix}: unexpected error: ${oneLine(message)}. This is a bug in invkpi: please report it with the command you ran (INVKPI_DEBUG=1 shows the stack).\n`,
  );
  if (io.env.INVKPI_DEBUG === "1" && error instanceof Error && error.stack !== undefined) {
    io.stderr.write(`${error.stack}\n`);
  }
  return code;
}

/**
 * The message without a prefix that the line's own `invkpi <command>: ` replaces: one that names
 * invkpi already (`invkpi generate: cannot write ...`, from a writer the command named itself to),
 * and the names of library functions (`combinePartials: `, and inside the message
 * `SKU "BOLT": turnoverFigures: `), which a person at the command line did not call and which say
 * nothing to them; a file's or a record's address stays (`rows.ndjson:1: `).
 */
function withoutPrefixes(error: InvKpiError): string {
  const message = error.message
    .replace(/^(?:invkpi(?: [\w-]+)?: )+/, "")
    .replace(LIBRARY_PREFIX, (prefix, name: string) => (LIBRARY_FUNCTIONS.has(name) ? "" : prefix));
  // An internal writer's name before a file that cannot be read or written goes too.
  return error.code === "io_error"
    ? message.replace(/^[\w.]+: (?=cannot (?:read|write) )/, "")
    : message;
}

/** The names of the library's functions, which start the messages of its errors. */
const LIBRARY_FUNCTIONS: ReadonlySet<string> = new Set(
  Object.entries(library)
    .filter(([name, value]) => typeof value === "function" && /^[a-z]/.test(name))
    .map(([name]) => name),
);

/** A word and `: `, at the start of the message or after another `: ` (a nested message). */
const LIBRARY_PREFIX = /(?<=^|: )([a-z][A-Za-z0-9]*): /g;

/** Whether the reader of stdout went away (`| head`): not an error of the command. */
function isClosedOutput(error: unknown): boolean {
  return error instanceof InvKpiError && error.details.cause === "EPIPE";
}

/**
 * Line breaks and the spaces around them become one space: an error is one line; other control
 * characters (of a value the message quotes) are shown as escapes, never sent to the terminal raw.
 */
function oneLine(text: string): string {
  return visibleControls(text.replace(/\s*[\r\n]+\s*/g, " ").trim());
}
