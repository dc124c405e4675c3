import { type ParseArgsConfig, parseArgs } from "node:util";
import { closestName } from "../model/closestName.js";
import { usageError } from "./usageError.js";

/** The options a command accepts, in `node:util` `parseArgs` form (`--help`/`-h` is added). */
export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** A raw option value as `parseArgs` returns it. */
type RawValue = string | boolean | (string | boolean)[] | undefined;
/** The raw option values by name. */
type RawValues = Readonly<Record<string, RawValue>>;

/**
 * A command's arguments, parsed strictly by `node:util` `parseArgs`: an unknown option, a missing
 * value, a value given to a flag, or an option with a value given twice (unless it is `multiple`,
 * like `--group-by`) is a usage error (exit 2) naming the option, with a suggestion when the name
 * is close to a known one (`--lead-tim` → `--lead-time`).
 */
export class ParsedArgs {
  /** The arguments that are not options, in order. */
  readonly positionals: readonly string[];
  private readonly values: RawValues;

  private constructor(values: RawValues, positionals: readonly string[]) {
    this.values = values;
    this.positionals = positionals;
  }

  /**
   * Parses `args` (the words after the command name) against `options`.
   *
   * @throws InvKpiError `usage` for an unknown option, a missing value, a value given to a flag, or
   *   a value option given more than once that is not `multiple`.
   * @example
   * ```ts
   * const parsed = ParsedArgs.parse(["a.csv", "--from", "2025-01-01"], { from: { type: "string" } });
   * parsed.string("from"); // "2025-01-01"
   * parsed.positionals; // ["a.csv"]
   * ```
   */
  static parse(args: readonly string[], options: OptionSpec): ParsedArgs {
    const spec: OptionSpec = { ...options, help: { type: "boolean", short: "h" } };
    let parsed: { values: RawValues; positionals: string[]; tokens: readonly OptionToken[] };
    try {
      const { values, positionals, tokens } = parseArgs({
        args: [...args],
        options: spec,
        strict: true,
        allowPositionals: true,
        tokens: true,
      });
      parsed = { values: values as RawValues, positionals, tokens };
    } catch (error) {
      throw usageErrorOf(error, Object.keys(spec));
    }
    requireOnce(parsed.tokens, spec);
    return new ParsedArgs(parsed.values, parsed.positionals);
  }

  /** Whether `--help` (or `-h`) was given. */
  get help(): boolean {
    return this.flag("help");
  }

  /** The value of a string option, or `undefined` (one that is not `multiple` comes once at most). */
  string(name: string): string | undefined {
    const value = this.values[name];
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
   * Every value of a repeatable option, each split at commas and trimmed:
   * `--group-by category,month --group-by location` → `["category", "month", "location"]`.
   *
   * @throws InvKpiError `usage` for an item left empty (`category,,month`, `category,`): the same
   *   mistake as an empty value, a variable that expanded to nothing; dropping it would give a
   *   report without what was asked for.
   */
  list(name: string): string[] {
    return this.strings(name).flatMap((value) => {
      const items = value.split(",").map((item) => item.trim());
      if (items.length > 1 && items.includes("")) {
        throw usageError(
          `--${name} has an empty item in '${value}': write one value between each two commas`,
          { option: `--${name}`, value },
        );
      }
      return items;
    });
  }
}

/** A value option given more than once, unless `multiple`, is a usage error: which one is meant? */
function requireOnce(tokens: readonly OptionToken[], spec: OptionSpec): void {
  const given = new Map<string, string[]>();
  for (const token of tokens) {
    const { kind, name, value } = token;
    if (kind !== "option" || name === undefined || value === undefined) continue;
    if (spec[name]?.multiple === true) continue;
    given.set(name, [...(given.get(name) ?? []), value]);
  }
  for (const [name, values] of given) {
    if (values.length < 2) continue;
    const shown = values.map((v) => `'${v}'`);
    const times = values.length === 2 ? "twice" : `${values.length} times`;
    throw usageError(
      `--${name} is given ${times} (${shown.join(values.length === 2 ? ", then " : ", ")}): give it once`,
      { option: `--${name}`, values },
    );
  }
}

/** A token of `parseArgs`, as far as {@link requireOnce} reads it. */
interface OptionToken {
  readonly kind: string;
  readonly name?: string;
  readonly value?: string | undefined;
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
