import { writeText } from "../io/writeText.js";
import { parseIsoDay } from "../model/day.js";
import type { Command } from "./Command.js";
import { displayCount, displayNumber } from "./displayNumber.js";
import { EXIT } from "./exitCode.js";
import { generatedCsvLines } from "./generateLedger.js";
import { dateOption, integerOption } from "./optionValues.js";
import { outOption } from "./outputFile.js";
import { ParsedArgs } from "./ParsedArgs.js";
import { StatusReporter } from "./StatusReporter.js";
import { usageError } from "./usageError.js";

/** Movements per SKU and day when --movements is not given: one per SKU every five days. */
const DEFAULT_DENSITY = 1 / 5;

const HELP = `usage: invkpi generate --skus <n> --days <d> [options]

Writes a synthetic stock-movement ledger as CSV (sku,date,type,quantity,unitCost,unitPrice), for
trying invkpi at scale. Streamed: millions of rows need no more memory than a few.

The ledger is realistic enough to exercise every KPI: Pareto-skewed demand (a few SKUs sell most),
about 8 % dead SKUs (stocked once, never sold), replenishment in lots, unit costs with 2 to 4
decimals, some SKUs sold by weight (fractional quantities), a few returns and count adjustments.
The same options and seed give the same file on every machine.

Options:
  --skus <n>               number of SKUs (required)
  --days <d>               calendar days covered (required)
  --movements <m>          number of movements, at least --skus (default: skus × days / 5, at
                           least one per SKU)
  --seed <s>               seed of the random generator (default 42)
  --start <YYYY-MM-DD>     first day (default 2025-01-01)
  --ids                    give each movement an id (MV000000001, ...) in a first id column
  --out <file>             write to this file instead of stdout
  -q, --quiet              no progress line, no notes on stderr
  -h, --help               show this help

Exit codes: 0 ok; 1 the output cannot be written; 2 bad usage.

Example:
  invkpi generate --skus 10000 --days 365 --out big.csv && invkpi analyze big.csv
`;

/** `invkpi generate`: a synthetic ledger for trying invkpi at scale. */
export const generateCommand: Command = {
  name: "generate",
  summary: "write a synthetic ledger (CSV) for trying invkpi at scale",
  help: HELP,
  async run(args, io) {
    const parsed = ParsedArgs.parse(args, {
      skus: { type: "string" },
      days: { type: "string" },
      movements: { type: "string" },
      seed: { type: "string" },
      start: { type: "string" },
      ids: { type: "boolean" },
      out: { type: "string" },
      quiet: { type: "boolean", short: "q" },
    });
    if (parsed.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0) {
      throw usageError(
        `unexpected argument '${parsed.positionals[0]}' (write the file with --out)`,
      );
    }
    const skusText = parsed.string("skus");
    const daysText = parsed.string("days");
    if (skusText === undefined || daysText === undefined) {
      throw usageError("give --skus and --days, e.g. --skus 1000 --days 365");
    }
    const skus = integerOption(skusText, "--skus", 1);
    const days = integerOption(daysText, "--days", 1);
    const movementsText = parsed.string("movements");
    const movements =
      movementsText === undefined
        ? Math.max(skus, Math.round(skus * days * DEFAULT_DENSITY))
        : integerOption(movementsText, "--movements", 1);
    if (movements < skus) {
      // Every SKU starts with a receipt on the first day: fewer movements would leave SKUs out.
      throw usageError(
        `--movements ${movements} is fewer than --skus ${skus}: every SKU starts with a receipt, so give --movements ${skus} or more (or fewer --skus)`,
        { skus, movements },
      );
    }
    const seedText = parsed.string("seed");
    const startText = parsed.string("start");
    const options = {
      skus,
      days,
      movements,
      seed: seedText === undefined ? 42 : integerOption(seedText, "--seed", 0),
      start: startText === undefined ? "2025-01-01" : startOption(startText, days),
      exact: true,
      ids: parsed.flag("ids"),
    };
    // generate reads no file, so its --out can clash with no input.
    const out = outOption(parsed);
    const status = new StatusReporter(io.stderr, {
      progress: io.stderrIsTTY,
      quiet: parsed.flag("quiet"),
    });
    let written = 0;
    const onRow = (rows: number): void => {
      written = rows;
      // Checking the clock costs more than a row: ask only every 64 Ki rows.
      if ((rows & 0xffff) === 0) {
        status.progress(
          `generating: ${displayNumber(rows)} of ${displayNumber(movements)} movements`,
        );
      }
    };
    try {
      await writeText(generatedCsvLines(options, onRow), out ?? io.stdout, "invkpi generate");
    } finally {
      status.done();
    }
    if (out !== undefined) status.note(`wrote ${displayCount(written, "movement")} to ${out}`);
    return EXIT.ok;
  },
};

/** The last day a ledger date can have: readers take four-digit years only. */
const LAST_DAY = "9999-12-31";

/** `--start`: a date from which `days` days end by {@link LAST_DAY}, or the file is unreadable. */
function startOption(text: string, days: number): string {
  const start = dateOption(text, "--start");
  const last = (parseIsoDay(start) as number) + days - 1;
  if (last > (parseIsoDay(LAST_DAY) as number)) {
    throw usageError(
      `--start ${start} with --days ${days} runs past ${LAST_DAY}, the last day a ledger can have: give an earlier --start or fewer --days`,
      { start, days },
    );
  }
  return start;
}
