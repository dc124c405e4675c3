import packageJson from "../../package.json" with { type: "json" };
import { writeText } from "../io/writeText.js";
import { analyzeCommand } from "./analyzeCommand.js";
import type { CliIo } from "./CliIo.js";
import type { Command } from "./Command.js";
import { combineCommand } from "./combineCommand.js";
import { demoCommand } from "./demoCommand.js";
import { EXIT, type ExitCode } from "./exitCode.js";
import { generateCommand } from "./generateCommand.js";
import { reportError } from "./reportError.js";
import { usageError } from "./usageError.js";
import { validateCommand } from "./validateCommand.js";

/** The commands, in the order `invkpi --help` lists them. */
const COMMANDS: readonly Command[] = [
  analyzeCommand,
  combineCommand,
  validateCommand,
  demoCommand,
  generateCommand,
];

/** The version of the package (`invkpi --version`). */
export const VERSION: string = packageJson.version;

const HELP = `invkpi ${VERSION}: inventory KPIs from a stock-movement ledger

usage: invkpi <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join("\n")}

Options:
  -h, --help     show help (also: invkpi <command> --help, invkpi help <command>)
  --version      show the version

Exit codes: 0 ok; 1 invalid data, or a file that cannot be read or written; 2 bad usage.
Errors go to stderr, one line each; the output of a command goes to stdout or --out.

Start with:  invkpi demo
Docs:        docs/cli.md (commands), docs/report.md (every figure), docs/io.md (file formats)
`;

/**
 * Runs the `invkpi` command line: `argv` are the words after `invkpi`. Writes the command's output
 * to `io.stdout`, errors and notes to `io.stderr`, and returns the exit code instead of exiting, so
 * it can run inside another program or a test.
 *
 * Errors become one readable line on stderr, never a stack trace: a usage mistake (exit 2) adds a
 * pointer to the command's help; an `InvKpiError` (exit 1) shows its message; anything else is a
 * bug, shown as one line asking to report it (with `INVKPI_DEBUG=1`, the stack follows). A closed
 * stdout (`invkpi ... | head`) ends the command quietly.
 *
 * @param argv - the arguments, e.g. `["analyze", "ledger.csv", "--format", "csv"]`.
 * @param io - the streams (`processCliIo()` in the binary).
 * @returns 0 ok, 1 invalid data (or a file that cannot be read or written), 2 bad usage.
 * @example
 * ```ts
 * import { processCliIo } from "./CliIo.js";
 * const code = await runCli(["--version"], processCliIo()); // prints "0.1.0"
 * code; // 0
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  let command: Command | undefined;
  try {
    if (first === undefined) {
      io.stderr.write(HELP);
      return EXIT.usage;
    }
    if (first === "--version") {
      await writeText([`${VERSION}\n`], io.stdout, "invkpi");
      return EXIT.ok;
    }
    if (first === "--help" || first === "-h" || first === "help") return await help(rest, io);
    command = commandNamed(first);
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, command?.name, io);
  }
}

function commandNamed(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command !== undefined) return command;
  if (name.startsWith("-"))
    throw usageError(`unknown option '${name}' (options follow the command)`);
  throw usageError(
    `unknown command '${name}': the commands are ${COMMANDS.map((c) => c.name).join(", ")}`,
  );
}

async function help(rest: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name] = rest;
  const text = name === undefined ? HELP : commandNamed(name).help;
  await writeText([text], io.stdout, "invkpi");
  return EXIT.ok;
}
