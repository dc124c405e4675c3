import { type ParseArgsConfig, parseArgs } from "node:util";
import { closestName } from "../model/closestName.js";
import { usageError } from "./usageError.js";

/** The options a command accepts, in `node:util` `parseArgs` form (`--help`/`-h` is added). */
export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** A raw option value as `parseArgs` returns it. */
type RawValue = string | boolean | (string | boolean)[] | undefined;

/**
 * A command's arguments, parsed strictly by `node:util` `parseArgs`: an unknown option, a missing
 * value or a value given to a flag is a usage error (exit 2) naming the option, with a suggestion
 * when the name is close to a known one (`--lead-tim` → `--lead-time`).
 */
export class ParsedArgs {
  /** The arguments that are not options, in order. */
  readonly positionals: readonly string[];
  private readonly values: Readonly<Record<string, RawValue>>;

  private constructor(values: Readonly<Record<string, RawValue>>, positionals: readonly string[]) {
    this.values = values;
    this.positionals = positionals;
  }

  /**
   * Parses `args` (the words after the command name) against `options`.
   *
   * @throws InvKpiError `usage` for an unknown option, a missing value, or a value given to a flag.
   * @example
   * ```ts
   * const parsed = ParsedArgs.parse(["a.csv", "--from", "2025-01-01"], { from: { type: "string" } });
   * parsed.string("from"); // "2025-01-01"
   * parsed.positionals; // ["a.csv"]
   * ```
   */
  static parse(args: readonly string[], options: OptionSpec): ParsedArgs {
    const spec: OptionSpec = { ...options, help: { type: "boolean", short: "h" } };
    try {
      const { values, positionals } = parseArgs({
        args: [...args],
        options: spec,
        strict: true,
        allowPositionals: true,
      });
      return new ParsedArgs(values as Record<string, RawValue>, positionals);
    } catch (error) {
      throw usageErrorOf(error, Object.keys(spec));
    }
  }

  /** Whether `--help` (or `-h`) was given. */
  get help(): boolean {
    return this.flag("help");
  }

  /** The value of a string option (the last one when repeated), or `undefined`. */
  string(name: string): string | undefined {
    const value = this.values[name];
    if (Array.isArray(value)) return value.at(-1) as string | undefined;
    return typeof value === "string" ? value : undefined;
  }

  /** Whether a boolean option was given. */
  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /** Every value of a repeatable option, as given (`[]` when absent). */
  strings(name: string): string[] {
    const value = this.values[name];
    const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return all.filter((v): v is string => typeof v === "string");
  }

  /**
   * Every value of a repeatable option, each split at commas, trimmed, blanks dropped:
   * `--group-by category,month --group-by location` → `["category", "month", "location"]`.
   */
  list(name: string): string[] {
    return this.strings(name)
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter((v) => v !== "");
  }
}

/** A plain one-line usage error from a `parseArgs` error. */
function usageErrorOf(error: unknown, known: readonly string[]): Error {
  if (!(error instanceof Error)) return usageError(String(error));
  const code = (error as { code?: unknown }).code;
  const message = error.message;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const option = /'([^']+)'/.exec(message)?.[1] ?? "?";
    const suggestion = closestOption(option, known);
    const hint = suggestion === null ? "" : ` (did you mean --${suggestion}?)`;
    return usageError(`unknown option '${option}'${hint}`, { option });
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    // Node names the option "'--from <value>'" or "'-q, --quiet'": keep the long name.
    const option = /(--[\w-]+)/.exec(message)?.[1] ?? /'(-\w)/.exec(message)?.[1] ?? "?";
    if (message.includes("does not take an argument")) {
      return usageError(`option '${option}' takes no value`, { option });
    }
    return usageError(
      `option '${option}' needs a value (write ${option}=VALUE for a value that starts with '-')`,
      { option },
    );
  }
  return usageError(message.split("\n")[0] ?? message);
}

/** The known option nearest to `option` (edit distance ≤ 2, or a prefix of it), or `null`. */
function closestOption(option: string, known: readonly string[]): string | null {
  const name = option.replace(/^-+/, "").split("=")[0] ?? "";
  return name.length < 2 ? null : closestName(name, known, 2);
}
