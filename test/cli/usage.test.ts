import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { FIXTURES } from "./cliPaths.js";
import { lines, runInvkpi } from "./runInvkpi.js";

// Help, version, and what a user sees for a mistake on the command line: one line on stderr that
// names the mistake and points to the help, exit code 2, never a stack trace.

const ledger = join(FIXTURES, "ledger.csv");

describe("help and version", () => {
  test("--version prints the package's version", async () => {
    const { version } = JSON.parse(
      await readFile(new URL("../../package.json", import.meta.url), "utf8"),
    ) as { version: string };
    const run = await runInvkpi(["--version"]);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  test("--help lists every command", async () => {
    const run = await runInvkpi(["--help"]);
    expect(run.code).toBe(0);
    for (const command of ["analyze", "combine", "validate", "demo", "generate"]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    }
  });

  test.each(["analyze", "combine", "validate", "demo", "generate"])(
    "invkpi %s --help",
    async (command) => {
      const run = await runInvkpi([command, "--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^usage: invkpi ${command} `));
      expect(run.stdout).toContain("Exit codes:");
      expect(run.stderr).toBe("");
      const viaHelp = await runInvkpi(["help", command]);
      expect(viaHelp.stdout).toBe(run.stdout);
    },
  );

  test("no command: the help on stderr, exit 2", async () => {
    const run = await runInvkpi([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^invkpi \S+: inventory KPIs/);
  });
});

describe.concurrent("usage mistakes: one line, a pointer to the help, exit 2", () => {
  const mistakes: [readonly string[], RegExp][] = [
    [
      ["analyze", ledger, "--lead-tim", "3"],
      /^invkpi analyze: unknown option '--lead-tim' \(did you mean --lead-time\?\); see 'invkpi analyze --help'\n$/,
    ],
    [["analyze", ledger, "--frobnicate"], /^invkpi analyze: unknown option '--frobnicate'; see/],
    [["analyze", ledger, "--from"], /^invkpi analyze: option '--from' needs a value/],
    [["analyze", ledger, "--quiet=yes"], /^invkpi analyze: option '--quiet' takes no value; see/],
    [["analyze"], /^invkpi analyze: name the ledger file to analyze \(or - for stdin\); see/],
    [
      ["analyze", ledger, "other.csv"],
      /^invkpi analyze: expected one ledger file, got also 'other\.csv'/,
    ],
    [
      ["analyze", "no-such-file.csv"],
      /^invkpi analyze: cannot find the file 'no-such-file\.csv'; see/,
    ],
    [
      ["analyze", ledger, "--format", "xml"],
      /--format must be one of table, csv, json, ndjson, md, html; got 'xml'/,
    ],
    [
      ["analyze", ledger, "--valuation", "lifo"],
      /--valuation must be one of moving-average, fifo, standard; got 'lifo'/,
    ],
    [
      ["analyze", ledger, "--service-level", "1.2"],
      /--service-level must be in \(0, 1\), got 1\.2/,
    ],
    [["analyze", ledger, "--service-level", "95%"], /--service-level must be a number, got '95%'/],
    [["analyze", ledger, "--lead-time=-3"], /--lead-time must be ≥ 0, got -3/],
    [["analyze", ledger, "--near-expiry-days=-1"], /--near-expiry-days must be ≥ 0, got -1/],
    [
      ["analyze", ledger, "--near-expiry-days", "a week"],
      /--near-expiry-days must be a number, got 'a week'/,
    ],
    // Written YYYY-MM-DD but no calendar day: the message says so (found by an audit: it asked
    // for the form the date was already written in).
    [
      ["analyze", ledger, "--from", "2025-02-30"],
      /--from must be a real calendar day, got '2025-02-30'/,
    ],
    [
      ["analyze", ledger, "--to", "31/03/2025"],
      /--to must be a date written YYYY-MM-DD, got '31\/03\/2025'/,
    ],
    [
      ["analyze", ledger, "--from", "2025-03-01", "--to", "2025-01-01"],
      /--to 2025-01-01 is before --from 2025-03-01/,
    ],
    [
      ["analyze", ledger, "--to", "2024-12-31"],
      /--to 2024-12-31 is before the first movement, 2025-01-01/,
    ],
    [
      ["analyze", ledger, "--as-of", "2025-01-15"],
      /--as-of 2025-01-15 is before the period end 2025-01-31/,
    ],
    [
      ["analyze", ledger, "--group-by", "category,sku"],
      /--group-by must be one of category, location, month; got 'sku'/,
    ],
    [
      ["analyze", ledger, "--industry", "mining"],
      /--industry must be one of manufacturing, wholesale, retail/,
    ],
    [["analyze", "-", "--skus", "-"], /only one input can come from stdin/],
    [
      ["analyze", ledger, "--group-by="],
      /^invkpi analyze: --group-by must be one of category, location, month; got ''/,
    ],
    [
      ["analyze", ledger, "--group-by", "category", "--group-by", " "],
      /^invkpi analyze: --group-by must be one of category, location, month; got ' '/,
    ],
    [["analyze", ledger, "--out="], /^invkpi analyze: --out needs a file name/],
    [["combine", ledger, "--out="], /^invkpi combine: --out needs a file name/],
    [
      ["generate", "--skus", "2", "--days", "3", "--out="],
      /^invkpi generate: --out needs a file name/,
    ],
    [
      ["analyze", ledger, "--top", "0"],
      /^invkpi analyze: --top must be a whole number ≥ 1, got '0'/,
    ],
    [
      ["combine", ledger, "--top", "0"],
      /^invkpi combine: --top must be a whole number ≥ 1, got '0'/,
    ],
    [["demo", "--top", "0"], /^invkpi demo: --top must be a whole number ≥ 1, got '0'/],
    [["validate"], /^invkpi validate: name the ledger file to check/],
    // An option given twice: the first value was dropped silently (found by an audit).
    [
      ["validate", ledger, "--skus", "a.csv", "--skus", "b.csv"],
      /^invkpi validate: --skus is given twice \('a\.csv', then 'b\.csv'\): give it once; see/,
    ],
    [
      ["analyze", ledger, "--from", "2025-01-01", "--from=2025-01-02"],
      /^invkpi analyze: --from is given twice \('2025-01-01', then '2025-01-02'\): give it once/,
    ],
    [
      ["analyze", ledger, "--format", "csv", "--format", "json"],
      /^invkpi analyze: --format is given twice/,
    ],
    [["combine", ledger, "--out", "x1", "--out", "x2"], /^invkpi combine: --out is given twice/],
    [
      ["generate", "--skus", "2", "--days", "3", "--seed", "1", "--seed", "2"],
      /^invkpi generate: --seed is given twice/,
    ],
    [["demo", "--top", "3", "--top", "4"], /^invkpi demo: --top is given twice/],
    // Empty items and blanks around a number were accepted without a word (found by an audit).
    [
      ["analyze", ledger, "--group-by", "category,,month"],
      /^invkpi analyze: --group-by has an empty item in 'category,,month'/,
    ],
    [
      ["analyze", ledger, "--group-by", "category,"],
      /^invkpi analyze: --group-by has an empty item in 'category,'/,
    ],
    [
      ["analyze", ledger, "--top", " 5"],
      /^invkpi analyze: --top must be a whole number ≥ 1, got ' 5'/,
    ],
    [
      ["analyze", ledger, "--lead-time", "3 "],
      /^invkpi analyze: --lead-time must be a number, got '3 '/,
    ],
    // The library's option name was shown (found by an audit).
    [
      [
        "analyze",
        ledger,
        "--streaming",
        "--from",
        "2025-01-01",
        "--to",
        "2025-01-31",
        "--quantity-decimals",
        "10",
      ],
      /^invkpi analyze: --quantity-decimals must be a whole number from 0 to 9, got '10'; see/,
    ],
    // A start and days past 9999-12-31 wrote dates that no reader accepts (found by an audit).
    [
      ["generate", "--skus", "2", "--days", "10", "--start", "9999-12-28"],
      /^invkpi generate: --start 9999-12-28 with --days 10 runs past 9999-12-31, the last day a ledger can have: give an earlier --start or fewer --days; see/,
    ],
    [["generate", "--skus", "10"], /^invkpi generate: give --skus and --days/],
    [["generate", "--skus", "1.5", "--days", "3"], /--skus must be a whole number ≥ 1, got '1\.5'/],
    [
      ["generate", "--skus", "10", "--days", "30", "--movements", "3"],
      /^invkpi generate: --movements 3 is fewer than --skus 10: every SKU starts with a receipt/,
    ],
    [
      ["frobnicate"],
      /^invkpi: unknown command 'frobnicate': the commands are analyze, combine, validate, demo, generate; see 'invkpi --help'\n$/,
    ],
    [["--frobnicate"], /^invkpi: unknown option '--frobnicate' \(options follow the command\)/],
  ];

  test.each(mistakes)("invkpi %j", async (args, message) => {
    const run = await runInvkpi(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/; see 'invkpi( \w+)? --help'\n$/);
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
  });
});

describe("files that cannot be written", () => {
  test("generate --out into a missing directory: one line, one prefix, exit 1", async () => {
    const run = await runInvkpi([
      "generate",
      "--skus",
      "2",
      "--days",
      "3",
      "--out",
      "/no/dir/g.csv",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^invkpi generate: cannot write \/no\/dir\/g\.csv: ENOENT[^\n]*\n$/);
  });

  test("--out into a missing directory: one line, exit 1", async () => {
    const run = await runInvkpi(["analyze", ledger, "--out", "/no/such/dir/report.csv", "-q"]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^invkpi analyze: .*cannot write \/no\/such\/dir\/report\.csv: ENOENT/),
    ]);
  });
});
