import { writeCsv } from "../io/index.js";
import { writeText } from "../io/writeText.js";
import { renderHtmlReport } from "../report/index.js";
import type { Command } from "./Command.js";
import { DEMO_LEDGER_COLUMNS, demoLedger } from "./demoLedger.js";
import { DEMO_INDUSTRY, demoReport } from "./demoReport.js";
import { displayNumber } from "./displayNumber.js";
import { EXIT } from "./exitCode.js";
import { integerOption } from "./optionValues.js";
import { ParsedArgs } from "./ParsedArgs.js";
import { reportSummary } from "./reportSummary.js";
import { StatusReporter } from "./StatusReporter.js";
import { usageError } from "./usageError.js";

/**
 * The columns of records written as CSV: every key any record has, in order of first appearance,
 * so that no field of the sample's SKU master is left out of `--write-skus` (a fixed list once
 * left out `reviewPeriodDays`, and the saved master then gave no suggested orders).
 */
function columnsOf(records: readonly object[]): string[] {
  const columns = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) columns.add(key);
  return [...columns];
}

const HELP = `usage: invkpi demo [options]

Analyzes a sample year bundled with invkpi and prints what a person wants to know first: the
portfolio's turnover and days of inventory against the ${DEMO_INDUSTRY} industry's normal range,
the capital in slow and dead stock, turnover by category, the ABC-XYZ matrix, the slow and dead
stock with the most capital, and the SKUs to reorder now.

The sample is an industrial wholesaler with two warehouses (Shanghai, Shenzhen): about 200 SKUs of
紧固件 fasteners, 轴承 bearings, electrical parts, packaging and seasonal garden items over 2025,
with best sellers, seasonal items, slow and dead stock, customer returns, stock count
adjustments, transfers between the warehouses and lots with expiry dates. It is generated in code
from a fixed seed, so every run shows the same figures.

Options:
  --write <file>       save the sample ledger as CSV instead (try 'invkpi analyze' on it)
  --write-skus <file>  save the sample SKU master as CSV (lead times, service levels, ...)
  --top <n>            rows in each list (default 10, at least 1)
  --html <file>        save the analysis as one self-contained HTML page with charts instead
                       (grouped by category and month; opens offline in any browser)
  -q, --quiet          no notes on stderr
  -h, --help           show this help

Exit codes: 0 ok; 1 a file cannot be written; 2 bad usage.
`;

/** `invkpi demo`: the bundled sample year, summarised. */
export const demoCommand: Command = {
  name: "demo",
  summary: "analyze a bundled sample year (200 SKUs, 2 warehouses) and print the summary",
  help: HELP,
  async run(args, io) {
    const parsed = ParsedArgs.parse(args, {
      write: { type: "string" },
      "write-skus": { type: "string" },
      top: { type: "string" },
      html: { type: "string" },
      quiet: { type: "boolean", short: "q" },
    });
    if (parsed.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0) {
      throw usageError(`unexpected argument '${parsed.positionals[0]}'`);
    }
    const topText = parsed.string("top");
    const top = topText === undefined ? 10 : integerOption(topText, "--top", 1);
    const status = new StatusReporter(io.stderr, { progress: false, quiet: parsed.flag("quiet") });
    const demo = demoLedger();
    const ledgerFile = parsed.string("write");
    const skusFile = parsed.string("write-skus");
    const htmlFile = parsed.string("html");
    if (htmlFile !== undefined) {
      // The month grouping gives the monthly chart its data; the text summary does without it.
      const report = demoReport(["category", "month"], demo);
      const page = renderHtmlReport(report, {
        title: "invkpi demo: a sample year of an industrial wholesaler",
        subtitle: `${displayNumber(demo.movements.length)} movements, 2 warehouses, compared with the ${DEMO_INDUSTRY} industry`,
      });
      await writeText([page], htmlFile, "invkpi demo");
      status.note(`wrote the HTML report to ${htmlFile}`);
    }
    if (ledgerFile !== undefined || skusFile !== undefined) {
      if (ledgerFile !== undefined) {
        await writeCsv(demo.movements, ledgerFile, { columns: DEMO_LEDGER_COLUMNS });
        status.note(`wrote ${displayNumber(demo.movements.length)} movements to ${ledgerFile}`);
      }
      if (skusFile !== undefined) {
        await writeCsv(
          demo.skuInfo.map((info) => ({ ...info })),
          skusFile,
          { columns: columnsOf(demo.skuInfo) },
        );
        status.note(`wrote ${displayNumber(demo.skuInfo.length)} SKUs to ${skusFile}`);
      }
      status.note(
        `try: invkpi analyze ${ledgerFile ?? "<ledger.csv>"} --skus ${skusFile ?? "<skus.csv>"} --industry ${DEMO_INDUSTRY} --group-by category`,
      );
    }
    if (htmlFile !== undefined || ledgerFile !== undefined || skusFile !== undefined) {
      return EXIT.ok;
    }
    const report = demoReport(["category"], demo);
    const heading =
      `invkpi demo: a sample year of an industrial wholesaler, ${demo.period.from} to ${demo.period.to}: ` +
      `${displayNumber(demo.movements.length)} movements, 2 warehouses, compared with the ${DEMO_INDUSTRY} industry`;
    const text = reportSummary(report, { heading, top, rows: false });
    await writeText([text, TRY_IT], io.stdout, "invkpi demo");
    return EXIT.ok;
  },
};

const TRY_IT = `
Try it yourself
  invkpi demo --write demo-ledger.csv --write-skus demo-skus.csv
  invkpi analyze demo-ledger.csv --skus demo-skus.csv --industry ${DEMO_INDUSTRY} --group-by category
  invkpi analyze your-ledger.csv --format csv --out report.csv     (every KPI, one row per SKU)
  invkpi --help
(From a clone of the repository: npm run build, then node dist/cli.js in place of invkpi.)
`;
