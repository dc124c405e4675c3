import { MOVEMENT_BASES, type MovementBasis } from "../aging/index.js";
import { DEFAULT_DEAD_DAYS, DEFAULT_SLOW_DAYS } from "../aging/movementStatus.js";
import { INDUSTRY_TURNOVER_RANGES, type Industry } from "../benchmark/index.js";
import type { ReadLedgerResult, ReadSkuInfoResult, TableFormat } from "../io/index.js";
import { TABLE_FORMATS } from "../io/index.js";
import { writeText } from "../io/writeText.js";
import { HandedOverLedger } from "../ledger/HandedOverLedger.js";
import type { ReplayWarning } from "../ledger/index.js";
import { NO_ROWS } from "../ledger/LedgerColumns.js";
import type { IssueTotals } from "../ledger/problemCount.js";
import { requireNonNegative, requireOpenUnitInterval } from "../model/assert.js";
import { MAX_QUANTITY_DECIMALS } from "../model/exactDecimal.js";
import { InvKpiError, type LedgerIssue } from "../model/InvKpiError.js";
import { VALUATIONS, type Valuation } from "../model/SkuHistory.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import type { SkuSafetyStockMethod } from "../replenish/index.js";
import { analyzeHandedOverLedger } from "../report/analyzeLedger.js";
import {
  type AnalyzeLedgerOptions,
  type InventoryReport,
  type PartialRecord,
  REPORT_GROUPINGS,
  type ReportGrouping,
} from "../report/index.js";
import { StreamingReport } from "../report/StreamingReport.js";
import { toPartialRecordsOfHandedOver } from "../report/toPartialRecords.js";
import { analysisProgress } from "./analysisProgress.js";
import { CheckingSink } from "./CheckingSink.js";
import type { CliIo } from "./CliIo.js";
import type { Command } from "./Command.js";
import { displayCount, displayNumber } from "./displayNumber.js";
import { EXIT, type ExitCode } from "./exitCode.js";
import { issueLines, problemCount } from "./issueLines.js";
import { ledgerDateRange } from "./ledgerDateRange.js";
import { ledgerRowError } from "./ledgerRowError.js";
import { choiceOption, dateOption, integerOption, numberOption } from "./optionValues.js";
import { reportOutput } from "./outputFile.js";
import { ParsedArgs } from "./ParsedArgs.js";
import {
  type InputFile,
  inputFile,
  type ReadInputOptions,
  readLedgerInput,
  readSkuInfoInput,
} from "./readLedgerInput.js";
import { emptyPeriodNote, noteWarnings, periodHeading, rowsText } from "./reportNotes.js";
import { StatusReporter } from "./StatusReporter.js";
import {
  TEXT_INPUT_HELP,
  TEXT_INPUT_SPEC,
  type TextInputOptions,
  textInputOptions,
} from "./textInputOptions.js";
import { usageError } from "./usageError.js";
import { type OutputFormat, writeReport } from "./writeReport.js";

const INDUSTRIES = Object.keys(INDUSTRY_TURNOVER_RANGES) as Industry[];
/**
 * Problems shown before analyze gives up; `invkpi validate` lists them all. The ledger's reader
 * keeps only these and counts the rest: a file with a problem in each of a million rows would
 * otherwise hold every one (~440 bytes each) to show twenty.
 */
const ISSUES_SHOWN = 20;

/**
 * The safety-stock methods the command line offers: those that need nothing beyond the `--skus`
 * file (`daysOfCover` and `fillRate` need report options of their own: call `analyzeLedger`).
 */
const CLI_SAFETY_STOCK_METHODS = [
  "auto",
  "basic",
  "leadTimeVariability",
  "leadTimeOnly",
  "periodic",
] as const satisfies readonly SkuSafetyStockMethod[];
type CliSafetyStockMethod = (typeof CLI_SAFETY_STOCK_METHODS)[number];

const HELP = `usage: invkpi analyze <ledger|-> [options]

Reads a stock-movement ledger and writes every KPI, per SKU and for the portfolio: stock value,
COGS, turnover, days of inventory, ABC-XYZ classes, safety stock, reorder points, slow and dead
stock, aging. The ledger is CSV (header: sku,date,type,quantity,unitCost,unitPrice,location,...),
NDJSON or JSON, by its file name; '-' reads CSV from stdin.

Options:
  --skus <file>            SKU master data: category, description, leadTimeDays, serviceLevel,
                           standardCost, minOrderQuantity, packSize, onOrder, ...
  --from <YYYY-MM-DD>      first day of the period (default: the ledger's first movement date)
  --to <YYYY-MM-DD>        last day of the period (default: the ledger's last movement date)
  --as-of <YYYY-MM-DD>     the day slow and dead stock and aging are judged on (default: --to);
                           before any movement of the ledger that the period leaves out
  --valuation <method>     moving-average (default), fifo, standard (needs standardCost in --skus)
  --service-level <p>      cycle service level in (0, 1) for SKUs without one (default 0.95)
  --lead-time <days>       lead time for SKUs without one (default: none; then no reorder points)
  --safety-stock-method <m>
                           ${CLI_SAFETY_STOCK_METHODS.join(", ")}
                           (default auto: basic, or leadTimeVariability for SKUs with
                           leadTimeStdDevDays); periodic covers reviewPeriodDays + lead time
  --slow-days <n>          days without an issue from which stock is slow (default ${DEFAULT_SLOW_DAYS})
  --dead-days <n>          days without an issue from which stock is dead (default ${DEFAULT_DEAD_DAYS})
  --movement-basis <b>     issue (default) or any: slow and dead count from the last issue, or
                           from the last movement of any kind (a warehouse that ships by transfer)
  --near-expiry-days <n>   days after --as-of within which a lot counts as expiring (default 30);
                           lots whose expiresOn is before --as-of are expired
  --group-by <keys>        roll up by category, location, month (comma-separated, or repeated)
  --industry <id>          compare turnover with ${INDUSTRIES.join(", ")}
  --format <format>        table (default: a summary and the top rows), csv, json, ndjson, md,
                           html (one self-contained page of charts; use --out report.html, and
                           --group-by category,month for every chart); without --format, the
                           one --out's extension names (.csv, .json, .ndjson, .md, .html)
  --out <file>             write to this file instead of stdout (never the ledger or --skus file)
  --input-format <format>  csv, ndjson, json (default: from the file name; csv for stdin)
${TEXT_INPUT_HELP}  --top <n>                rows in each list of the table format (default 20, at least 1)
  --bom                    start CSV output with a UTF-8 byte order mark, so that Excel reads
                           non-ASCII text (SKU names in Chinese, umlauts) right
  --threads <n>            analyze on n threads (default 1); the same report, sooner on a
                           machine with n cores
  --streaming              replay the ledger as it is read, in memory bounded by the number of
                           SKUs instead of movements (for ledgers larger than memory); the
                           ledger must be in date order, and --from and --to are needed
  --quantity-decimals <n>  with --streaming: decimal places quantities may have, 0 to 9 (default:
                           the most in the first million rows; a later row with more is an error)
  --partial                write the per-SKU partial records of this shard as NDJSON instead of
                           a report, for 'invkpi combine' (needs --from and --to; no --format)
  -q, --quiet              no progress line, no notes on stderr
  -h, --help               show this help

Every movement is checked first; if any row is invalid, every problem is listed on stderr (the
first ${ISSUES_SHOWN}; 'invkpi validate' lists all) and nothing is analyzed.

Exit codes: 0 ok; 1 invalid data, or a file that cannot be read or written; 2 bad usage.

Examples:
  invkpi analyze ledger.csv --industry wholesale
  invkpi analyze ledger.csv --skus skus.csv --from 2025-01-01 --to 2025-12-31 --group-by category
  invkpi analyze ledger.csv --out report.csv
  invkpi analyze ledger.csv --skus skus.csv --group-by category,month --out report.html
  cat ledger.csv | invkpi analyze - --format ndjson
  invkpi analyze big.csv --threads 4 --format csv --out report.csv
  invkpi analyze shard-1.csv --from 2025-01-01 --to 2025-12-31 --partial --out shard-1.ndjson

Sharding: every shard of a ledger split by SKU runs 'invkpi analyze --partial' (the map step of
Spark RDD.pipe, Hadoop Streaming, ...); 'invkpi combine' merges the partial files into the report.
See docs/scaling.md.
`;

/** What `invkpi analyze` was asked to do, every option checked. */
interface AnalyzePlan {
  readonly ledger: InputFile;
  readonly skus: InputFile | null;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly asOf: string | undefined;
  readonly valuation: Valuation | undefined;
  readonly serviceLevel: number | undefined;
  readonly leadTimeDays: number | undefined;
  readonly safetyStockMethod: CliSafetyStockMethod | undefined;
  readonly slowDays: number | undefined;
  readonly deadDays: number | undefined;
  readonly movementBasis: MovementBasis | undefined;
  readonly nearExpiryDays: number | undefined;
  readonly groupBy: readonly ReportGrouping[];
  readonly industry: Industry | undefined;
  readonly format: OutputFormat;
  readonly inputFormat: TableFormat | undefined;
  /** `--delimiter` and `--encoding`, for the ledger and the `--skus` file. */
  readonly text: TextInputOptions;
  readonly out: string | undefined;
  readonly top: number;
  /** `--bom`: a byte order mark before CSV output. */
  readonly bom: boolean;
  readonly threads: number;
  readonly partial: boolean;
  readonly streaming: boolean;
  readonly quantityDecimals: number | undefined;
  readonly quiet: boolean;
}

/** `invkpi analyze`: a ledger in, the inventory report out. */
export const analyzeCommand: Command = {
  name: "analyze",
  summary: "every KPI of a ledger file: a summary, rows as csv, json, ndjson, md, or an html page",
  help: HELP,
  async run(args, io) {
    const parsed = ParsedArgs.parse(args, {
      skus: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "as-of": { type: "string" },
      valuation: { type: "string" },
      "service-level": { type: "string" },
      "lead-time": { type: "string" },
      "safety-stock-method": { type: "string" },
      "slow-days": { type: "string" },
      "dead-days": { type: "string" },
      "movement-basis": { type: "string" },
      "near-expiry-days": { type: "string" },
      "group-by": { type: "string", multiple: true },
      industry: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      "input-format": { type: "string" },
      ...TEXT_INPUT_SPEC,
      top: { type: "string" },
      bom: { type: "boolean" },
      threads: { type: "string" },
      partial: { type: "boolean" },
      streaming: { type: "boolean" },
      "quantity-decimals": { type: "string" },
      quiet: { type: "boolean", short: "q" },
    });
    if (parsed.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    return analyze(await planOf(parsed), io);
  },
};

/** Checks every option before any file is read, so a typo fails at once. */
async function planOf(parsed: ParsedArgs): Promise<AnalyzePlan> {
  const [ledgerArgument, ...extra] = parsed.positionals;
  if (ledgerArgument === undefined)
    throw usageError("name the ledger file to analyze (or - for stdin)");
  if (extra.length > 0)
    throw usageError(`expected one ledger file, got also '${extra.join("' '")}'`);
  const text = (name: string): string | undefined => parsed.string(name);
  const optional = <T>(name: string, parse: (value: string) => T): T | undefined => {
    const value = text(name);
    return value === undefined ? undefined : parse(value);
  };
  const from = optional("from", (v) => dateOption(v, "--from"));
  const to = optional("to", (v) => dateOption(v, "--to"));
  const asOf = optional("as-of", (v) => dateOption(v, "--as-of"));
  if (from !== undefined && to !== undefined && to < from) {
    throw usageError(`--to ${to} is before --from ${from}`);
  }
  if (asOf !== undefined && to !== undefined && asOf < to) {
    throw usageError(`--as-of ${asOf} is before the period end --to ${to}`);
  }
  const partial = parsed.flag("partial");
  if (partial && (from === undefined || to === undefined)) {
    // A default period comes from each shard's own dates, which differ from shard to shard.
    throw usageError(
      "--partial needs --from and --to: every shard of a report needs the same period",
    );
  }
  if (partial && (text("format") !== undefined || text("top") !== undefined)) {
    throw usageError(
      "--partial writes partial records as NDJSON: --format and --top apply to 'invkpi combine'",
    );
  }
  const streaming = parsed.flag("streaming");
  checkStreaming(parsed, streaming, from, to, partial);
  const skusArgument = text("skus");
  if (skusArgument === "-" && ledgerArgument === "-") {
    throw usageError("only one input can come from stdin: give --skus a file");
  }
  const ledger = await inputFile(ledgerArgument);
  const skus = skusArgument === undefined ? null : await inputFile(skusArgument);
  const inputs = [
    { file: ledger, role: "the ledger" },
    ...(skus === null ? [] : [{ file: skus, role: "the --skus file" }]),
  ];
  // --partial writes NDJSON records whatever --out is called (--format is refused above).
  const output = await reportOutput(parsed, inputs, partial);
  return {
    ledger,
    skus,
    from,
    to,
    asOf,
    valuation: optional("valuation", (v) => choiceOption(v, "--valuation", VALUATIONS)),
    serviceLevel: optional("service-level", (v) =>
      numberOption(v, "--service-level", requireOpenUnitInterval),
    ),
    leadTimeDays: optional("lead-time", (v) => numberOption(v, "--lead-time", requireNonNegative)),
    safetyStockMethod: optional("safety-stock-method", (v) =>
      choiceOption(v, "--safety-stock-method", CLI_SAFETY_STOCK_METHODS),
    ),
    ...idleDaysOptions(parsed),
    movementBasis: optional("movement-basis", (v) =>
      choiceOption(v, "--movement-basis", MOVEMENT_BASES),
    ),
    nearExpiryDays: optional("near-expiry-days", (v) =>
      numberOption(v, "--near-expiry-days", requireNonNegative),
    ),
    groupBy: groupByOption(parsed),
    industry: optional("industry", (v) => choiceOption(v, "--industry", INDUSTRIES)),
    format: output.format,
    inputFormat: optional("input-format", (v) => choiceOption(v, "--input-format", TABLE_FORMATS)),
    text: textInputOptions(parsed),
    out: output.out,
    top: optional("top", (v) => integerOption(v, "--top", 1)) ?? 20,
    bom: output.bom,
    threads: optional("threads", (v) => integerOption(v, "--threads", 1)) ?? 1,
    partial,
    streaming,
    quantityDecimals: optional("quantity-decimals", (v) =>
      integerOption(v, "--quantity-decimals", 0, MAX_QUANTITY_DECIMALS),
    ),
    quiet: parsed.flag("quiet"),
  };
}

/**
 * `--slow-days` and `--dead-days`: stock is dead no sooner than slow, so the dead days (given, or
 * the default 180) must be at least the slow days (given, or 90).
 */
function idleDaysOptions(parsed: ParsedArgs): {
  readonly slowDays: number | undefined;
  readonly deadDays: number | undefined;
} {
  const read = (name: "slow-days" | "dead-days") => {
    const text = parsed.string(name);
    return text === undefined ? undefined : numberOption(text, `--${name}`, requireNonNegative);
  };
  const slowDays = read("slow-days");
  const deadDays = read("dead-days");
  const slow = slowDays ?? DEFAULT_SLOW_DAYS;
  const dead = deadDays ?? DEFAULT_DEAD_DAYS;
  if (dead < slow) {
    const said = (value: number, given: number | undefined) =>
      given === undefined ? `${value}, the default` : String(value);
    throw usageError(
      `--dead-days (${said(dead, deadDays)}) must not be less than --slow-days (${said(slow, slowDays)})`,
    );
  }
  return { slowDays, deadDays };
}

/**
 * `--group-by`: the groupings, each once. A value left empty (`--group-by=`) is refused rather
 * than read as no grouping: it is a mistake (a variable that expanded to nothing), and silence
 * would give a report without the tables asked for. So is an item left empty between commas
 * (`category,,month`, `category,`: see `ParsedArgs.list`).
 */
function groupByOption(parsed: ParsedArgs): ReportGrouping[] {
  const blank = parsed.strings("group-by").find((value) => value.trim() === "");
  // No grouping is blank: choiceOption refuses it, in the words it refuses any other value with.
  if (blank !== undefined) choiceOption(blank, "--group-by", REPORT_GROUPINGS);
  const keys = parsed.list("group-by").map((g) => choiceOption(g, "--group-by", REPORT_GROUPINGS));
  return [...new Set(keys)];
}

/** `--streaming` needs a period known before the first row, one thread, and a report. */
function checkStreaming(
  parsed: ParsedArgs,
  streaming: boolean,
  from: string | undefined,
  to: string | undefined,
  partial: boolean,
): void {
  if (!streaming) {
    if (parsed.string("quantity-decimals") !== undefined)
      throw usageError("--quantity-decimals applies to --streaming only");
    return;
  }
  if (from === undefined || to === undefined)
    throw usageError(
      "--streaming needs --from and --to: the period must be known before the first row",
    );
  if (partial) throw usageError("--streaming and --partial do not combine");
  const threads = parsed.string("threads");
  if (threads !== undefined && threads !== "1")
    throw usageError("--streaming runs on one thread: leave out --threads");
}

async function analyze(plan: AnalyzePlan, io: CliIo): Promise<ExitCode> {
  const status = new StatusReporter(io.stderr, { progress: io.stderrIsTTY, quiet: plan.quiet });
  try {
    const master = plan.skus === null ? null : await readSkus(plan.skus, plan.text, io, status);
    if (master !== null && master.issues.length > 0) {
      return await refuseWithLedger(plan, master, io, status);
    }
    const skuInfo = master?.skuInfo;
    const analysis = plan.streaming
      ? await streamedAnalysis(plan, io, status, skuInfo)
      : await batchAnalysis(plan, io, status, skuInfo);
    if (typeof analysis === "number") return analysis;
    status.done();
    await writeAnalysis(plan, analysis, io, status);
    return EXIT.ok;
  } catch (error) {
    throw asOfPastLeftOut(missingStandardCosts(error, plan.skus));
  } finally {
    status.done();
  }
}

/** A report made, with what was read for it. */
interface Analysis {
  readonly input: ReadLedgerResult;
  readonly report: InventoryReport;
  /** The ledger's first and last movement dates, when known (not when streaming). */
  readonly dates: WholeLedger["dates"];
}

/**
 * How the ledger is read: its format, the master data, the delimiter and encoding; only the
 * problems shown are kept (the rest counted).
 */
function readOptionsOf(
  plan: AnalyzePlan,
  skuInfo: readonly SkuInfo[] | undefined,
): ReadInputOptions {
  return {
    ...(plan.inputFormat === undefined ? {} : { format: plan.inputFormat }),
    ...(skuInfo === undefined ? {} : { skuInfo }),
    ...plan.text,
    maxIssues: ISSUES_SHOWN,
  };
}

/** `--streaming`: each row replayed as it is read; an exit code when the ledger is refused. */
async function streamedAnalysis(
  plan: AnalyzePlan,
  io: CliIo,
  status: StatusReporter,
  skuInfo: readonly SkuInfo[] | undefined,
): Promise<Analysis | ExitCode> {
  const period = { from: plan.from as string, to: plan.to as string };
  const streaming = new StreamingReport(
    {
      ...optionsOf(plan, period, skuInfo),
      ...(plan.quantityDecimals === undefined ? {} : { quantityDecimals: plan.quantityDecimals }),
    },
    "analyzeLedgerStream",
  );
  // A row out of date order stops the replay, not the read: the invalid rows are listed too.
  const sink = new CheckingSink(streaming.replay);
  const input = await readLedgerInput(plan.ledger, io, status, readOptionsOf(plan, skuInfo), sink);
  status.done();
  if (input.issueCount > 0) refuse(plan.ledger, input, io);
  if (sink.refusal !== null) {
    // Its message gives the line; the file is added.
    throw ledgerRowError(sink.refusal, {
      file: plan.ledger.name,
      lineOf: input.lineOf,
      quantityDecimals: plan.quantityDecimals,
    });
  }
  if (input.issueCount > 0) return EXIT.invalidData;
  const movements = displayCount(input.rows, "movement");
  status.progress(`analyzing ${movements}…`);
  const progress = analysisProgress(status, movements, rowNounOf(plan));
  return { input, report: replayed(plan, input, () => streaming.finish(progress)), dates: null };
}

/**
 * The whole ledger read, then replayed (or its partial records written, with `--partial`); an
 * exit code when the ledger is refused or the partial records are written.
 */
async function batchAnalysis(
  plan: AnalyzePlan,
  io: CliIo,
  status: StatusReporter,
  skuInfo: readonly SkuInfo[] | undefined,
): Promise<Analysis | ExitCode> {
  // This function never holds the columns (see `readWholeLedger`): the report frees them once
  // replayed.
  const read = await readWholeLedger(plan.ledger, io, status, readOptionsOf(plan, skuInfo));
  const { input } = read;
  status.done();
  if (input.issueCount > 0) return refuse(plan.ledger, input, io);
  const period = periodOf(plan, read.dates, status);
  const movements = displayCount(read.movements, "movement");
  status.progress(`analyzing ${movements}…`);
  const options = optionsOf(plan, period, skuInfo);
  const progress = analysisProgress(status, movements, rowNounOf(plan));
  if (plan.partial)
    return await writePartial(plan, input, read.ledger, options, io, status, progress);
  const report = replayed(plan, input, () =>
    analyzeHandedOverLedger(read.ledger, options, progress),
  );
  return { input, report, dates: read.dates };
}

/** The notes on the report (warnings, a period without movements), the report, where it went. */
async function writeAnalysis(
  plan: AnalyzePlan,
  { input, report, dates }: Analysis,
  io: CliIo,
  status: StatusReporter,
): Promise<void> {
  noteWarnings(report.warnings, status, warningPlace(plan.ledger, input));
  const empty = emptyPeriodNote(report, input.rows, dates);
  if (empty !== null) status.note(empty);
  const movements = `${displayCount(input.rows, "movement")}${empty === null ? "" : " (none in the period)"}`;
  const heading = `invkpi analyze ${plan.ledger.name}: ${movements}, ${periodHeading(report)}`;
  await writeReport(report, plan.out ?? io.stdout, {
    format: plan.format,
    heading,
    top: plan.top,
    bom: plan.bom,
  });
  if (plan.out !== undefined) {
    const what =
      plan.format === "html" ? `an HTML report of ${rowsText(report)}` : rowsText(report);
    status.note(`wrote ${what} to ${plan.out}`);
  }
}

/**
 * The library's refusal of `valuation: 'standard'` for SKUs without a `standardCost`, in the
 * command line's words: the data (the `--skus` file) lacks it, so it stays an error about the
 * `skuInfo` (exit 1, see `exitCodeOf`), not a mistake of the options; any other error unchanged.
 */
function missingStandardCosts(error: unknown, skus: InputFile | null): unknown {
  if (!(error instanceof InvKpiError) || error.code !== "invalid_option") return error;
  const listed: unknown = error.details.missing;
  if (error.path[0] !== "skuInfo" || !Array.isArray(listed)) return error;
  const missing = (listed as readonly unknown[]).map(String);
  const shown = missing.slice(0, 5).join(", ");
  const rest = missing.length > 5 ? ` and ${displayNumber(missing.length - 5)} more` : "";
  const message =
    skus === null
      ? `--valuation standard needs a standardCost for every SKU, from a --skus file; none was given (missing for ${shown}${rest})`
      : `--valuation standard needs a standardCost for every SKU in the --skus file ${skus.name}; missing for ${shown}${rest}`;
  return new InvKpiError(error.code, message, { path: error.path, details: error.details });
}

/**
 * The library's refusal of an `asOf` on or after movements that the period leaves out, in the
 * command line's words (`--as-of`, `--to`, not `asOf`); any other error unchanged.
 */
function asOfPastLeftOut(error: unknown): unknown {
  if (!(error instanceof InvKpiError) || error.code !== "out_of_range") return error;
  const { asOf, periodTo, firstLeftOut: first } = error.details;
  if (error.path.join() !== "asOf" || typeof asOf !== "string" || typeof first !== "string") {
    return error;
  }
  return new InvKpiError(
    error.code,
    `--as-of ${asOf} is on or after movements that the period leaves out (it ends on --to ${String(periodTo)}; the first left out is dated ${first}): statuses and ages on --as-of would ignore them; give --to ${asOf}, or an --as-of before ${first}`,
    { path: error.path, details: error.details },
  );
}

/** The SKU master as read: its valid rows and its problems. */
async function readSkus(
  file: InputFile,
  text: TextInputOptions,
  io: CliIo,
  status: StatusReporter,
): Promise<ReadSkuInfoResult> {
  const result = await readSkuInfoInput(file, io, status, text);
  status.done();
  return result;
}

/**
 * An invalid SKU master: the ledger is checked too (its rows only, none kept or replayed), so that
 * the problems of both files are listed at once, as `validate` lists them, not the master's alone
 * (found by an audit); nothing is analyzed.
 */
async function refuseWithLedger(
  plan: AnalyzePlan,
  master: ReadSkuInfoResult,
  io: CliIo,
  status: StatusReporter,
): Promise<ExitCode> {
  const options = readOptionsOf(plan, master.skuInfo);
  const ledger = await readLedgerInput(plan.ledger, io, status, options, new CheckingSink(null));
  status.done();
  const skus = plan.skus as InputFile;
  if (ledger.issueCount === 0) return refuse(skus, master, io);
  listProblems(skus, master, io);
  io.stderr.write(`${skus.name}: ${problemCount(master.issues, master.rows)}\n`);
  return refuse(plan.ledger, ledger, io);
}

/** What a row of the report is: SKUs, or SKUs at a location when grouped by location. */
function rowNounOf(plan: AnalyzePlan): "SKU" | "SKU-location" {
  return plan.groupBy.includes("location") ? "SKU-location" : "SKU";
}

/**
 * The result of a replay of the ledger; an error it throws about one row of the ledger names the
 * row's file line and the option to give (see `ledgerRowError`).
 *
 * @throws InvKpiError what `replay` throws, a row error in the command line's words.
 */
function replayed<T>(plan: AnalyzePlan, input: ReadLedgerResult, replay: () => T): T {
  try {
    return replay();
  } catch (error) {
    throw ledgerRowError(error, {
      file: plan.ledger.name,
      lineOf: input.lineOf,
      quantityDecimals: plan.quantityDecimals,
    });
  }
}

/**
 * What was read of an input file, as far as its problems are concerned: every problem (the
 * `--skus` file), or the first ones and the totals (the ledger, read with `maxIssues`).
 */
type FileProblems = {
  readonly issues: readonly LedgerIssue[];
  readonly rows: number;
} & (IssueTotals | { readonly issueCount?: undefined });

/** Lists the problems of an input file (the ledger, the `--skus` file) on stderr; nothing is analyzed. */
function refuse(file: InputFile, read: FileProblems, io: CliIo): ExitCode {
  listProblems(file, read, io);
  const count = problemCount(read.issueCount === undefined ? read.issues : read, read.rows);
  io.stderr.write(`${file.name}: ${count}; nothing was analyzed\n`);
  return EXIT.invalidData;
}

/** The first {@link ISSUES_SHOWN} problems of an input file on stderr, and a count of the rest. */
function listProblems(file: InputFile, read: FileProblems, io: CliIo): void {
  const total = read.issueCount ?? read.issues.length;
  for (const line of issueLines(read.issues, file.name, ISSUES_SHOWN, total)) {
    io.stderr.write(line);
  }
}

/** A ledger read whole, its columns handed over; see {@link readWholeLedger}. */
interface WholeLedger {
  /** What was read, without the columns (`NO_ROWS` in their place): issues, rows, lines. */
  readonly input: ReadLedgerResult;
  /**
   * The columns, for the one report or set of partial records that replays them (and frees them,
   * except with threads, whose shards are copies).
   */
  readonly ledger: HandedOverLedger;
  /** Valid movements read. */
  readonly movements: number;
  /** The first and last movement days, `null` without movements. */
  readonly dates: { readonly from: string; readonly to: string } | null;
}

/**
 * Reads the ledger for a batch run and hands its columns over in a box. Why here: a running
 * function keeps whatever it once held in its frame, and \`analyze\` runs until the report is
 * written, so it must never see the columns themselves; this function returns before the replay.
 */
async function readWholeLedger(
  file: InputFile,
  io: CliIo,
  status: StatusReporter,
  options: ReadInputOptions,
): Promise<WholeLedger> {
  const read = await readLedgerInput(file, io, status, options);
  return {
    input: { ...read, columns: NO_ROWS },
    ledger: new HandedOverLedger(read.columns),
    movements: read.columns.length,
    dates: ledgerDateRange(read.columns),
  };
}

/** The period: --from and --to, each defaulting to the ledger's first and last movement dates. */
function periodOf(
  plan: AnalyzePlan,
  range: WholeLedger["dates"],
  status: StatusReporter,
): { from: string; to: string } {
  if (plan.from !== undefined && plan.to !== undefined) return { from: plan.from, to: plan.to };
  if (range === null) {
    throw usageError(
      `${plan.ledger.name} has no movements: give --from and --to for an empty period`,
    );
  }
  const from = plan.from ?? range.from;
  const to = plan.to ?? range.to;
  if (to < from) {
    throw usageError(
      plan.from === undefined
        ? `--to ${to} is before the first movement, ${range.from}`
        : `--from ${from} is after the last movement, ${range.to}`,
    );
  }
  if (plan.asOf !== undefined && plan.asOf < to) {
    throw usageError(`--as-of ${plan.asOf} is before the period end ${to} (give --to)`);
  }
  status.note(`period ${from} to ${to}: ${periodSource(plan)}`);
  return { from, to };
}

function periodSource(plan: AnalyzePlan): string {
  if (plan.from === undefined && plan.to === undefined) {
    return "the first and last movement dates (--from and --to choose another)";
  }
  return plan.from === undefined
    ? "from the first movement date (--from chooses another)"
    : "to the last movement date (--to chooses another)";
}

function optionsOf(
  plan: AnalyzePlan,
  period: { from: string; to: string },
  skuInfo: readonly SkuInfo[] | undefined,
): AnalyzeLedgerOptions {
  const replenishment = {
    ...(plan.serviceLevel === undefined ? {} : { serviceLevel: plan.serviceLevel }),
    ...(plan.leadTimeDays === undefined ? {} : { leadTimeDays: plan.leadTimeDays }),
    ...(plan.safetyStockMethod === undefined ? {} : { method: plan.safetyStockMethod }),
  };
  return {
    period,
    threads: plan.threads,
    ...(plan.asOf === undefined ? {} : { asOf: plan.asOf }),
    ...(plan.valuation === undefined ? {} : { valuation: plan.valuation }),
    ...(plan.nearExpiryDays === undefined ? {} : { nearExpiryDays: plan.nearExpiryDays }),
    ...(plan.slowDays === undefined ? {} : { slowDays: plan.slowDays }),
    ...(plan.deadDays === undefined ? {} : { deadDays: plan.deadDays }),
    ...(plan.movementBasis === undefined ? {} : { movementBasis: plan.movementBasis }),
    replenishment,
    ...(plan.groupBy.length === 0 ? {} : { groupBy: plan.groupBy }),
    ...(plan.industry === undefined ? {} : { industry: plan.industry }),
    ...(skuInfo === undefined ? {} : { skuInfo }),
  };
}

/** `--partial`: the shard's partial records as NDJSON, one record per line. */
async function writePartial(
  plan: AnalyzePlan,
  input: ReadLedgerResult,
  ledger: HandedOverLedger,
  options: AnalyzeLedgerOptions,
  io: CliIo,
  status: StatusReporter,
  progress: (analysed: number) => void,
): Promise<ExitCode> {
  const records = replayed(plan, input, () =>
    toPartialRecordsOfHandedOver(ledger, options, progress),
  );
  status.done();
  const [header] = records;
  const warnings = header?.kind === "header" ? header.warnings : [];
  noteWarnings(warnings, status, warningPlace(plan.ledger, input));
  await writeText(ndjsonLines(records), plan.out ?? io.stdout, "invkpi");
  if (plan.out !== undefined) {
    const skus = records.length - 1;
    status.note(`wrote the partial records of ${displayCount(skus, "SKU")} to ${plan.out}`);
  }
  return EXIT.ok;
}

function* ndjsonLines(records: readonly PartialRecord[]): Generator<string> {
  for (const record of records) yield `${JSON.stringify(record)}\n`;
}

/** Where a warning of the ledger was: the file, with the line of the warning's row when known. */
function warningPlace(
  file: InputFile,
  input: ReadLedgerResult,
): (warning: ReplayWarning) => string {
  return (warning) => {
    // A warning's row is the data row of the file (the columns keep it), so the file has its line.
    const line = warning.row === undefined ? undefined : input.lineOf(warning.row);
    return line === undefined ? file.name : `${file.name}:${line}`;
  };
}
