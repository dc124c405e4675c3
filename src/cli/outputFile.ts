import { realpath, stat } from "node:fs/promises";
import { extname } from "node:path";
import { choiceOption } from "./optionValues.js";
import type { ParsedArgs } from "./ParsedArgs.js";
import type { InputFile } from "./readLedgerInput.js";
import { usageError } from "./usageError.js";
import { OUTPUT_FORMATS, type OutputFormat } from "./writeReport.js";

// Where a command writes (`--out`) and in which format, checked before anything is read: a report
// written over its own ledger destroys the input (`createWriteStream` empties the file at once,
// and --streaming reads it while it is written), so a clash is a usage error, nothing written.

/** The format an `--out` file's extension names (case does not matter). */
const FORMAT_OF_EXTENSION: Readonly<Record<string, OutputFormat>> = {
  ".html": "html",
  ".htm": "html",
  ".csv": "csv",
  ".json": "json",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
  ".md": "md",
  ".markdown": "md",
};

/** Where and in which format a command writes its report. */
export interface ReportOutput {
  /** `--out`, or `undefined` for stdout. */
  readonly out: string | undefined;
  /** `--format`, else the one `--out`'s extension names, else `table` ({@link reportFormat}). */
  readonly format: OutputFormat;
  /** `--bom`: a byte order mark before CSV output. */
  readonly bom: boolean;
}

/**
 * The output options of a command that writes a report (`analyze`, `combine`), checked before any
 * input is read: `--out` ({@link outOption}), never one of `inputs` ({@link requireOutNotAnInput});
 * `--format` or `--out`'s extension ({@link reportFormat}); `--bom` ({@link bomOption}).
 *
 * @param inputs - the command's input files.
 * @param records - the command writes partial records (`analyze --partial`): NDJSON whatever
 *   `--out` is called, so `--bom` is refused (default `false`).
 * @throws InvKpiError `usage` as those checks say, or for a `--format` that is not a report format.
 * @example
 * ```ts
 * import { ParsedArgs } from "./ParsedArgs.js";
 * const spec = { out: { type: "string" }, format: { type: "string" }, bom: { type: "boolean" } } as const;
 * await reportOutput(ParsedArgs.parse(["--out", "report.csv", "--bom"], spec), []);
 * // { out: "report.csv", format: "csv", bom: true }
 * ```
 */
export async function reportOutput(
  parsed: ParsedArgs,
  inputs: readonly RoleInput[],
  records = false,
): Promise<ReportOutput> {
  const out = outOption(parsed);
  await requireOutNotAnInput(out, inputs);
  const given = parsed.string("format");
  const format = reportFormat(
    given === undefined ? undefined : choiceOption(given, "--format", OUTPUT_FORMATS),
    out,
  );
  if (records && parsed.flag("bom")) {
    throw usageError(
      "--partial writes NDJSON records, which take no --bom: give it to 'invkpi combine' with --format csv",
      { option: "--bom" },
    );
  }
  return { out, format, bom: bomOption(parsed, format === "csv") };
}

/**
 * The `--out` option: the file name, or `undefined` for stdout.
 *
 * @throws InvKpiError `usage` for an empty name (`--out=`), which no file has.
 * @example
 * ```ts
 * import { ParsedArgs } from "./ParsedArgs.js";
 * outOption(ParsedArgs.parse(["--out", "report.csv"], { out: { type: "string" } })); // "report.csv"
 * ```
 */
export function outOption(parsed: ParsedArgs): string | undefined {
  const out = parsed.string("out");
  if (out !== undefined && out.trim() === "") {
    throw usageError("--out needs a file name (leave --out out to write to stdout)", {
      option: "--out",
      value: out,
    });
  }
  return out;
}

/**
 * The report format: `--format` when given, else the one `--out`'s extension names (`.html`,
 * `.htm`, `.csv`, `.json`, `.ndjson`, `.jsonl`, `.md`, `.markdown`), else `table`. So
 * `--out report.html` writes the page, never the terminal table into a file called `.html`.
 *
 * @param format - `--format`, already checked.
 * @example
 * ```ts
 * reportFormat(undefined, "report.HTML"); // "html"
 * reportFormat("table", "report.csv"); // "table"
 * reportFormat(undefined, "report.txt"); // "table"
 * ```
 */
export function reportFormat(
  format: OutputFormat | undefined,
  out: string | undefined,
): OutputFormat {
  if (format !== undefined) return format;
  if (out === undefined) return "table";
  return FORMAT_OF_EXTENSION[extname(out).toLowerCase()] ?? "table";
}

/**
 * The `--bom` flag: a UTF-8 byte order mark before CSV output, which Excel needs to read non-ASCII
 * text (Chinese SKU names) as UTF-8 rather than the machine's code page.
 *
 * @param csv - whether the command writes CSV (`--format csv`, or an `--out` ending in `.csv`).
 * @throws InvKpiError `usage` when `--bom` is given for another output, which it would not change.
 * @example
 * ```ts
 * import { ParsedArgs } from "./ParsedArgs.js";
 * bomOption(ParsedArgs.parse(["--bom"], { bom: { type: "boolean" } }), true); // true
 * ```
 */
export function bomOption(parsed: ParsedArgs, csv: boolean): boolean {
  const bom = parsed.flag("bom");
  if (bom && !csv) {
    throw usageError("--bom applies to CSV output: give --format csv, or an --out ending in .csv", {
      option: "--bom",
    });
  }
  return bom;
}

/** An input of a command and how messages name its role (`the ledger`, `the --skus file`). */
export interface RoleInput {
  readonly file: InputFile;
  readonly role: string;
}

/**
 * Refuses an `--out` that is one of the command's input files: the same real path (`./a.csv`, a
 * symlink), or the same device and inode (a hard link). An `--out` that does not exist yet cannot
 * be an input, which exists (`inputFile` checked it); stdin is never one.
 *
 * @throws InvKpiError `usage`, naming the option and the input.
 * @example
 * ```ts
 * await requireOutNotAnInput("report.csv", []); // undefined: nothing to clash with
 * ```
 */
export async function requireOutNotAnInput(
  out: string | undefined,
  inputs: readonly RoleInput[],
): Promise<void> {
  if (out === undefined) return;
  const target = await identityOf(out);
  if (target === null) return;
  for (const { file, role } of inputs) {
    const source = file.argument === "-" ? null : await identityOf(file.argument);
    if (source !== null && sameFile(target, source)) {
      throw usageError(
        `--out '${out}' is the same file as ${role} '${file.name}': writing there would destroy the input; choose another --out`,
        { option: "--out", path: out, input: file.name },
      );
    }
  }
}

/**
 * Refuses a file given twice (by the same or another path), before any is read: its records
 * would otherwise be read twice and clash with themselves.
 *
 * @param what - what the files are, for the message (`partial file`).
 * @throws InvKpiError `usage` naming the file and, when they differ, both paths.
 * @example
 * ```ts
 * await requireDistinctInputs([{ argument: "-", name: "stdin" }], "partial file"); // undefined: stdin is no file
 * ```
 */
export async function requireDistinctInputs(
  files: readonly InputFile[],
  what: string,
): Promise<void> {
  const seen: { readonly file: InputFile; readonly identity: FileIdentity }[] = [];
  for (const file of files) {
    const identity = file.argument === "-" ? null : await identityOf(file.argument);
    if (identity === null) continue;
    const earlier = seen.find((s) => sameFile(s.identity, identity));
    if (earlier !== undefined) {
      const also =
        earlier.file.argument === file.argument ? "" : ` (also as '${earlier.file.name}')`;
      throw usageError(`'${file.name}' is given twice${also}: give each ${what} once`, {
        path: file.argument,
      });
    }
    seen.push({ file, identity });
  }
}

/** What tells two paths to one file apart from two files. */
interface FileIdentity {
  readonly realPath: string;
  readonly dev: number;
  readonly ino: number;
}

/** The file's identity, or `null` when it does not exist (or cannot be looked at). */
async function identityOf(path: string): Promise<FileIdentity | null> {
  try {
    const [realPath, stats] = await Promise.all([realpath(path), stat(path)]);
    return { realPath, dev: stats.dev, ino: stats.ino };
  } catch {
    return null;
  }
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  // Some file systems report no inode (0): then only the real path can tell.
  return a.realPath === b.realPath || (a.ino !== 0 && a.dev === b.dev && a.ino === b.ino);
}
