import { LineSplitter } from "../io/LineSplitter.js";
import { openTextInput } from "../io/openTextInput.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { type InventoryReport, PartialCombiner, type PartialRecord } from "../report/index.js";
import type { CliIo } from "./CliIo.js";
import type { Command } from "./Command.js";
import { displayCount, displayNumber } from "./displayNumber.js";
import { EXIT, type ExitCode } from "./exitCode.js";
import { integerOption } from "./optionValues.js";
import { reportOutput, requireDistinctInputs } from "./outputFile.js";
import { ParsedArgs } from "./ParsedArgs.js";
import { type InputFile, inputFile } from "./readLedgerInput.js";
import { noteWarnings, periodHeading, rowsText } from "./reportNotes.js";
import { StatusReporter } from "./StatusReporter.js";
import { usageError } from "./usageError.js";
import { type OutputFormat, writeReport } from "./writeReport.js";

/** Lines between two updates of the progress line. */
const PROGRESS_LINES = 1000;

const HELP = `usage: invkpi combine <partial files...|-> [options]

Combines the partial records that 'invkpi analyze --partial' wrote for the shards of a ledger
(split by SKU) into the report of the whole ledger: the same rows, ABC and XYZ classes, totals,
groups and diagnosis as 'invkpi analyze' on the whole ledger. The files are NDJSON, in any number
and any order ('-' reads stdin); every shard must have been analyzed with the same options.

Options:
  --format <format>        table (default: a summary and the top rows), csv, json, ndjson, md, html;
                           without --format, the one --out's extension names (.csv, .html, ...)
  --out <file>             write to this file instead of stdout (never one of the partial files)
  --top <n>                rows in each list of the table format (default 20, at least 1)
  --bom                    start CSV output with a UTF-8 byte order mark (for Excel)
  -q, --quiet              no progress line, no notes on stderr
  -h, --help               show this help

A file that is not a partial record, shards with different options or periods, a SKU in two
shards, or fewer SKU records than the shards' headers announce: nothing is written, the problem is
named with its file and line, and the exit code is 1. A file given twice (by any path) is a usage
mistake, found before any file is read.

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
  /** `--bom`: a byte order mark before CSV output. */
  readonly bom: boolean;
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
      bom: { type: "boolean" },
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
  await requireDistinctInputs(files, "partial file");
  const inputs = files.map((file) => ({ file, role: "the partial file" }));
  const output = await reportOutput(parsed, inputs);
  const top = parsed.string("top");
  return {
    files,
    ...output,
    top: top === undefined ? 20 : integerOption(top, "--top", 1),
    quiet: parsed.flag("quiet"),
  };
}

async function combine(plan: CombinePlan, io: CliIo): Promise<ExitCode> {
  const status = new StatusReporter(io.stderr, { progress: io.stderrIsTTY, quiet: plan.quiet });
  try {
    const combiner = new PartialCombiner();
    const counts: FileCounts[] = [];
    for (const file of plan.files) counts.push(await readPartialFile(file, combiner, io, status));
    const files = displayCount(plan.files.length, "partial file");
    status.progress(`combining ${files}…`);
    const report = finished(combiner, counts);
    status.done();
    // The shards' warnings count rows of each shard's own input, which `analyze --partial` already
    // reported with its file and line: noted here without a place.
    noteWarnings(report.warnings, status);
    const heading = `invkpi combine: ${files}, ${periodHeading(report)}`;
    await writeReport(report, plan.out ?? io.stdout, {
      format: plan.format,
      heading,
      top: plan.top,
      bom: plan.bom,
    });
    if (plan.out !== undefined) status.note(`wrote ${rowsText(report)} to ${plan.out}`);
    return EXIT.ok;
  } finally {
    status.done();
  }
}

/** What one partial file held: its headers (line, SKU records announced) and its SKU records. */
interface FileCounts {
  readonly file: InputFile;
  readonly headers: { readonly line: number; readonly skuCount: number }[];
  skuRecords: number;
}

/**
 * Feeds the records of one NDJSON file to the combiner, line by line (blank lines skipped), each
 * named `file:line` in messages; counts its headers' announced SKU records and its SKU records,
 * so that a cut file can be named (see {@link finished}).
 *
 * @throws InvKpiError `invalid_argument` for a line that is not JSON or not a partial record;
 *   `io_error` when the file cannot be read.
 */
async function readPartialFile(
  file: InputFile,
  combiner: PartialCombiner,
  io: CliIo,
  status: StatusReporter,
): Promise<FileCounts> {
  const input = await openTextInput(
    file.argument === "-" ? io.stdin : file.argument,
    "utf-8",
    "invkpi combine",
  );
  const counts: FileCounts = { file, headers: [], skuRecords: 0 };
  const splitter = new LineSplitter((text, line) => {
    if (line % PROGRESS_LINES === 0) {
      status.progress(`reading ${file.name}: ${displayNumber(line)} lines`);
    }
    if (text !== null && text.trim() === "") return;
    const place = { label: `${file.name}:${line}`, path: [file.name, line] };
    const record = parseLine(text, place.label, place.path);
    combiner.add(record, place);
    count(record as PartialRecord, line, counts);
  });
  for await (const chunk of input.chunks) splitter.push(chunk);
  splitter.end();
  return counts;
}

/** Counts a record that the combiner accepted: a header (its `skuCount`) or a SKU record. */
function count(record: PartialRecord, line: number, counts: FileCounts): void {
  if (record.kind === "header") counts.headers.push({ line, skuCount: record.skuCount });
  else counts.skuRecords++;
}

/**
 * The combined report. The combiner notices that the SKU records are fewer or more than all the
 * headers announce, but not in which file. Files usually hold their shards whole, so a file whose
 * own headers announce another number than it holds is named instead: a cut one is what a lost
 * line or a copy stopped halfway leaves. When the files disagree in both directions (a shard's
 * records spread over several files), none can be blamed and the combiner's error stands.
 *
 * @throws InvKpiError what `finish` throws; the count error about the first such file.
 */
function finished(combiner: PartialCombiner, counts: readonly FileCounts[]): InventoryReport {
  if (counts.every((c) => c.headers.length === 0)) throw noHeader(counts);
  try {
    return combiner.finish();
  } catch (error) {
    const { announced, given } = error instanceof InvKpiError ? error.details : {};
    if (typeof announced !== "number" || typeof given !== "number") throw error;
    const fewer = given < announced;
    const odd = counts.filter((c) => announcedIn(c) !== c.skuRecords);
    const [file] = odd;
    if (file === undefined || odd.some((c) => announcedIn(c) > c.skuRecords !== fewer)) throw error;
    const why = fewer ? "the file is incomplete" : "a header is missing from the file";
    const all = `the headers of all the files announce ${displayCount(announced, "SKU record")}, ${displayCount(given, "was", "were")} given`;
    throw new InvKpiError(
      "invalid_argument",
      `${cutFileText(file)}: ${why}${counts.length > 1 ? ` (${all})` : ""}`,
      { path: [file.file.name], details: { announced, given, file: file.file.name } },
    );
  }
}

/**
 * No file holds a header record (the combiner's words, `no partial header record`, named no
 * file; found by an audit): the files, and what each holds instead.
 */
function noHeader(counts: readonly FileCounts[]): InvKpiError {
  const holds = (c: FileCounts): string =>
    c.skuRecords === 0 ? "is empty" : `holds ${displayCount(c.skuRecords, "SKU record")}`;
  const [only] = counts;
  const what =
    counts.length === 1 && only !== undefined
      ? `the file ${holds(only)}`
      : counts.map((c) => `${c.file.name} ${holds(c)}`).join(", ");
  const names = counts.map((c) => c.file.name);
  return new InvKpiError(
    "invalid_argument",
    `${names.join(", ")}: no partial header record (${what}): a partial file starts with the header record that 'invkpi analyze --partial' writes`,
    { path: [names[0] ?? ""], details: { files: names } },
  );
}

function announcedIn(counts: FileCounts): number {
  return counts.headers.reduce((sum, header) => sum + header.skuCount, 0);
}

/** `p2.ndjson:1: the header announces 4 SKU records but the file holds 2`. */
function cutFileText(counts: FileCounts): string {
  const holds = `but the file holds ${displayNumber(counts.skuRecords)}`;
  const announced = displayCount(announcedIn(counts), "SKU record");
  const [first] = counts.headers;
  if (counts.headers.length === 1 && first !== undefined) {
    return `${counts.file.name}:${first.line}: the header announces ${announced} ${holds}`;
  }
  const lines = counts.headers.map((header) => header.line).join(", ");
  const where =
    counts.headers.length === 0
      ? "it has no header"
      : `the headers (lines ${lines}) announce ${announced}`;
  return `${counts.file.name}: ${where} ${holds}`;
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
