import type { CliIo } from "./CliIo.js";
import type { ExitCode } from "./exitCode.js";

/** One `invkpi` command: its name, its help, and what it does. */
export interface Command {
  /** The word after `invkpi`. */
  readonly name: string;
  /** One line for `invkpi --help`. */
  readonly summary: string;
  /** The full text of `invkpi <name> --help`. */
  readonly help: string;
  /**
   * Runs the command on its arguments (the words after its name). Returns the exit code for the
   * outcomes it expects (0, or 1 for problems in the data, already reported); throws for the rest.
   */
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}
