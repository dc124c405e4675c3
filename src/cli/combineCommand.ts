import { LineSplitter } from "../io/LineSplitter.js";
import { openTextInput } from "../io/openTextInput.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { PartialCombiner } from "../report/index.js";
import type { CliIo } from "./CliIo.js";
import type { Command } from "./Command.js";
import { displayNumber } from "./displayNumber.js";
import { EXIT, type ExitCode } from "./exitCode.js";
import { choiceOption, integerOption } from "./optionValues.js";
import { ParsedArgs } from "./ParsedArgs.js";
import { type InputFile, inputFile } from "./readLedgerInput.js";
import { noteWarnings, periodHeading, rowsText } from "./reportNotes.js";
import { StatusReporter } from "./StatusReporter.js";
import { usageError } from "./usageError.js";
import { OUTPUT_FORMATS, type OutputFormat, writeReport } from "./writeReport.js";

/** Lines between two updates of the progress line. */
const PROGRESS_LINES = 1000;

const HELP = `usage: invkpi combine <partial files...|-> [options]

Combines the partial records that 'invkpi analyze --partial' wrote for the shards of a ledger
(split by SKU) into the report of the whole ledger: the same rows, ABC and XYZ classes, totals,
groups and diagnosis as 'invkpi analyze' on the whole ledger. The files are NDJSON, in any number
and any order ('-' reads stdin); every shard must have been analyzed with the same options.

Options:
  --format <format>        table (default: a summary and the top rows), csv, json, ndjson, md, html
  --out <file>             write to this file instead of stdout
  --top <n>                rows in each list of the table format (default 20)
  -q, --quiet              no progress line, no notes on stderr
  -h, --help               show this help

A file that is not a partial record, shards with different options or periods, a SKU in two
shards, or fewer SKU records than the shards' headers announce: nothing is written, the problem is
named with its file and line, and the exit code is 1.

Exit codes: 0 ok; 1 invalid partials, or a file that cannot be read or written; 2 bad usage.

Examples:
  invkpi combine parts/part-* --format csv --out report.csv
  cat parts/*.ndjson | invkpi combine - --format json
`;

/** What `invkpi combine` was asked to do, every option checked. */
interface CombinePlan {
  readonly files: readonly InputFile[];
  readonly format: OutputFormat;
  readonly out: string | undefined;
  readonly top: number;
  readonly quiet: boolean;
}

/** `invkpi combine`: the partial files of a sharded run in, the report out. */
export const combineCommand: Command = {
  name: "combine",
  summary: "the report of a ledger analyzed in shards, from their 'analyze --partial' files",
  help: HELP,
  async run(args, io) {
    const parsed = ParsedArgs.parse(args, {
      format: { type: "string" },
      out: { type: "string" },
      top: { type: "string" },
      quiet: { type: "boolean", short: "q" },
    });
    if (parsed.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    return combine(await planOf(parsed), io);
  },
};

async function planOf(parsed: ParsedArgs): Promise<CombinePlan> {
  const names = parsed.positionals;
  if (names.length === 0) throw usageError("name the partial files to combine (or - for stdin)");
  if (names.filter((name) => name === "-").length > 1) {
    throw usageError("stdin (-) can be read only once");
  }
  const files: InputFile[] = [];
  for (const name of names) files.push(await inputFile(name));
  const format = parsed.string("format");
  const top = parsed.string("top");
  return {
    files,
    format: format === undefined ? "table" : choiceOption(format, "--format", OUTPUT_FORMATS),
    out: parsed.string("out"),
    top: top === undefined ? 20 : integerOption(top, "--top", 0),
    quiet: parsed.flag("quiet"),
  };
}

async function combine(plan: CombinePlan, io: CliIo): Promise<ExitCode> {
  const status = new StatusReporter(io.stderr, { progress: io.stderrIsTTY, quiet: plan.quiet });
  try {
    const combiner = new PartialCombiner();
    for (const file of plan.files) await readPartialFile(file, combiner, io, status);
    status.progress(`combining ${plan.files.length} partial files…`);
    const report = combiner.finish();
    status.done();
    // The shards' warnings count rows of each shard's own input, which `analyze --partial` already
    // reported with its file and line: noted here without a place.
    noteWarnings(report.warnings, status);
    const files = plan.files.length;
    const heading = `invkpi combine: ${displayNumber(files)} partial file${files === 1 ? "" : "s"}, ${periodHeading(report)}`;
    await writeReport(report, plan.out ?? io.stdout, {
      format: plan.format,
      heading,
      top: plan.top,
    });
    if (plan.out !== undefined) status.note(`wrote ${rowsText(report)} to ${plan.out}`);
    return EXIT.ok;
  } finally {
    status.done();
  }
}

/**
 * Feeds the records of one NDJSON file to the combiner, line by line (blank lines skipped), each
 * named `file:line` in messages.
 *
 * @throws InvKpiError `invalid_argument` for a line that is not JSON or not a partial record;
 *   `io_error` when the file cannot be read.
 */
async function readPartialFile(
  file: InputFile,
  combiner: PartialCombiner,
  io: CliIo,
  status: StatusReporter,
): Promise<void> {
  const input = await openTextInput(
    file.argument === "-" ? io.stdin : file.argument,
    "utf-8",
    "invkpi combine",
  );
  const splitter = new LineSplitter((text, line) => {
    if (line % PROGRESS_LINES === 0) {
      status.progress(`reading ${file.name}: ${displayNumber(line)} lines`);
    }
    if (text !== null && text.trim() === "") return;
    const place = { label: `${file.name}:${line}`, path: [file.name, line] };
    combiner.add(parseLine(text, place.label, place.path), place);
  });
  for await (const chunk of input.chunks) splitter.push(chunk);
  splitter.end();
}

function parseLine(
  text: string | null,
  label: string,
  path: readonly (string | number)[],
): unknown {
  if (text === null) {
    throw new InvKpiError("invalid_argument", `${label}: the line is too long`, {
      path,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvKpiError("invalid_argument", `${label}: not JSON (${reason})`, {
      path,
    });
  }
}
