import type { TableFormat } from "../io/index.js";
import { TABLE_FORMATS } from "../io/index.js";
import type { ReadLedgerResult } from "../io/readLedger.js";
import { writeText } from "../io/writeText.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { CheckingSink } from "./CheckingSink.js";
import type { CliIo } from "./CliIo.js";
import type { Command } from "./Command.js";
import { displayCount } from "./displayNumber.js";
import { EXIT, type ExitCode } from "./exitCode.js";
import { formatIssue } from "./formatIssue.js";
import { IssueLineWriter } from "./IssueLineWriter.js";
import { issueLines, problemCount } from "./issueLines.js";
import { choiceOption } from "./optionValues.js";
import { ParsedArgs } from "./ParsedArgs.js";
import { type InputFile, inputFile, readLedgerInput, readSkuInfoInput } from "./readLedgerInput.js";
import { StatusReporter } from "./StatusReporter.js";
import {
  TEXT_INPUT_HELP,
  TEXT_INPUT_SPEC,
  type TextInputOptions,
  textInputOptions,
} from "./textInputOptions.js";
import { usageError } from "./usageError.js";

const FN = "invkpi validate";
/**
 * Problems the read keeps (all are written as found): enough for the header's (one parse error,
 * one per field given twice, one per required column missing), which decide the ignored-columns note.
 */
const HEADER_ISSUES_KEPT = 20;

const HELP = `usage: invkpi validate <ledger|-> [options]

Checks every row of a stock-movement ledger (CSV, NDJSON or JSON; '-' reads CSV from stdin) and
lists every problem, one line each, on stdout:

  ledger.csv:5000: date: date must be a real calendar day as 'YYYY-MM-DD' ...; got "2025-02-30" [invalid_date]

that is file:line: field: what is wrong; the value found [code]. The last line counts them. A file
without problems prints one line: "ledger.csv: 10,000 rows, no problems".

Options:
  --skus <file>            SKU master data: receipts of a SKU with a standardCost need no unitCost;
                           its own problems are listed too
  --input-format <format>  csv, ndjson, json (default: from the file name; csv for stdin)
${TEXT_INPUT_HELP}  -q, --quiet              no progress line on stderr
  -h, --help               show this help

Exit codes: 0 no problems; 1 problems found, or a file that cannot be read; 2 bad usage.
`;

/** `invkpi validate`: every problem of a ledger file, with its line, field and reason. */
export const validateCommand: Command = {
  name: "validate",
  summary: "check a ledger file: every problem with its line, field and reason",
  help: HELP,
  async run(args, io) {
    const parsed = ParsedArgs.parse(args, {
      skus: { type: "string" },
      "input-format": { type: "string" },
      ...TEXT_INPUT_SPEC,
      quiet: { type: "boolean", short: "q" },
    });
    if (parsed.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const [ledgerArgument, ...extra] = parsed.positionals;
    if (ledgerArgument === undefined)
      throw usageError("name the ledger file to check (or - for stdin)");
    if (extra.length > 0)
      throw usageError(`expected one ledger file, got also '${extra.join("' '")}'`);
    const skusArgument = parsed.string("skus");
    if (skusArgument === "-" && ledgerArgument === "-") {
      throw usageError("only one input can come from stdin: give --skus a file");
    }
    const formatText = parsed.string("input-format");
    return validate(
      await inputFile(ledgerArgument),
      skusArgument === undefined ? null : await inputFile(skusArgument),
      formatText === undefined
        ? undefined
        : choiceOption(formatText, "--input-format", TABLE_FORMATS),
      textInputOptions(parsed),
      parsed.flag("quiet"),
      io,
    );
  },
};

async function validate(
  ledger: InputFile,
  skus: InputFile | null,
  format: TableFormat | undefined,
  text: TextInputOptions,
  quiet: boolean,
  io: CliIo,
): Promise<ExitCode> {
  const status = new StatusReporter(io.stderr, { progress: io.stderrIsTTY, quiet });
  let skuInfo: readonly SkuInfo[] | undefined;
  let ok = true;
  try {
    if (skus !== null) {
      const master = await readSkuInfoInput(skus, io, status, text);
      status.done();
      skuInfo = master.skuInfo;
      ok = await report(skus, master.issues, master.rows, io);
    }
    ok = (await validateLedgerFile(ledger, format, skuInfo, text, status, io)) && ok;
  } finally {
    status.done();
  }
  return ok ? EXIT.ok : EXIT.invalidData;
}

/**
 * Checks the ledger and writes each problem as the read finds it, then the count line; `true`
 * when there were none. It keeps neither the problems nor the valid rows (`CheckingSink` drops
 * them): memory does not grow with the file.
 */
async function validateLedgerFile(
  ledger: InputFile,
  format: TableFormat | undefined,
  skuInfo: readonly SkuInfo[] | undefined,
  text: TextInputOptions,
  status: StatusReporter,
  io: CliIo,
): Promise<boolean> {
  const lines = new IssueLineWriter(io.stdout, FN, () => {
    if (io.stdoutIsTTY === true) status.done();
  });
  let input: ReadLedgerResult;
  try {
    input = await readLedgerInput(
      ledger,
      io,
      status,
      {
        ...(format === undefined ? {} : { format }),
        ...(skuInfo === undefined ? {} : { skuInfo }),
        ...text,
        // Written as found, kept only as the note on ignored columns needs (the header's few).
        maxIssues: HEADER_ISSUES_KEPT,
        onIssue: (issue) => lines.add(`${formatIssue(issue, ledger.name)}\n`),
      },
      new CheckingSink(null),
    );
  } catch (error) {
    // The problems found before the read failed are written; the read's error is the one to show.
    await lines.end().catch(() => {});
    throw error;
  }
  await lines.end();
  status.done();
  await writeText([countLine(ledger, input, input.rows)], io.stdout, FN);
  return input.issueCount === 0;
}

/** Writes a file's problems and the count line; `true` when there were none. */
async function report(
  file: InputFile,
  issues: Parameters<typeof issueLines>[0],
  rows: number,
  io: CliIo,
): Promise<boolean> {
  function* lines(): Generator<string> {
    yield* issueLines(issues, file.name);
    yield countLine(file, issues, rows);
  }
  await writeText(lines(), io.stdout, FN);
  return issues.length === 0;
}

/** The last line: "ledger.csv: 10,000 rows, no problems", or how many problems in how many rows. */
function countLine(
  file: InputFile,
  found: Parameters<typeof problemCount>[0],
  rows: number,
): string {
  const count = "issueCount" in found ? found.issueCount : found.length;
  return count === 0
    ? `${file.name}: ${displayCount(rows, "row")}, no problems\n`
    : `${file.name}: ${problemCount(found, rows)}\n`;
}
