import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { FIXTURES } from "./cliPaths.js";
import { lines, runInvkpi, scratchDir } from "./runInvkpi.js";

// `invkpi analyze` end to end: the bundled binary on fixture files, as a user runs it.
//
// The fixture ledger (test/cli/fixtures/ledger.csv), worked out by hand:
//   A-100: 01-01 receipt 100 @ 2.00; 01-11 issue 50 @ 3.00; 01-21 receipt 50 @ 2.60; 01-31 issue 40 @ 3.00
//   B-200: 01-01 receipt 10 @ 5.00, never issued
// Period by default: the first and last movement dates, 2025-01-01 to 2025-01-31 (31 days).
// Moving average, A-100: the first issue costs 50 × 2.00 = 100, leaving 50 worth 100; the receipt
//   makes 100 units worth 230 (2.30 each); the second issue costs 40 × 2.30 = 92, leaving 60 worth
//   138. COGS = 192. Revenue = 90 × 3.00 = 270.
// Time-weighted average value of A-100 (end-of-day balances): 10 days at 200, 10 at 100, 10 at
//   230, 1 at 138 → (2000 + 1000 + 2300 + 138) / 31 = 5438 / 31 = 175.419…; turnover = 192 / (5438
//   / 31) = 5952 / 5438 = 1.09452…
// FIFO, A-100: both issues come from the first layer at 2.00: COGS = 90 × 2.00 = 180; closing
//   value = 10 × 2.00 + 50 × 2.60 = 150.
// Portfolio: COGS 192; closing value 138 + 50 = 188.

const ledger = join(FIXTURES, "ledger.csv");
const skus = join(FIXTURES, "skus.csv");

interface JsonReport {
  period: { from: string; to: string; days: number };
  totals: { turnover: { cogs: string; closingValue: string } };
  groups: { month?: { month: string }[]; category?: { key: string | null }[] };
  diagnosis: { status: string | null; reasons: Record<string, string> };
  rows: Record<string, unknown>[];
}

const rowOf = (report: JsonReport, sku: string): Record<string, unknown> => {
  const row = report.rows.find((r) => r.sku === sku);
  if (row === undefined) throw new Error(`no row ${sku}`);
  return row;
};

describe("invkpi analyze --format json", () => {
  test("gives the hand-computed figures, over the ledger's own dates by default", async () => {
    const run = await runInvkpi(["analyze", ledger, "--format", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.period).toEqual({ from: "2025-01-01", to: "2025-01-31", days: 31 });
    const a = rowOf(report, "A-100");
    expect(a.cogs).toBe("192");
    expect(a.closingValue).toBe("138");
    expect(a.closingQuantity).toBe(60);
    expect(a.revenue).toBe("270");
    expect(Number(a.averageValue)).toBeCloseTo(5438 / 31, 12);
    expect(a.turnover as number).toBeCloseTo(5952 / 5438, 12);
    expect(rowOf(report, "B-200").movementStatus).toBe("never-moved");
    expect(report.totals.turnover.cogs).toBe("192");
    expect(report.totals.turnover.closingValue).toBe("188");
    // The period came from the ledger: a note on stderr says so, and nothing else is written there.
    expect(lines(run.stderr)).toEqual([
      "period 2025-01-01 to 2025-01-31: the first and last movement dates (--from and --to choose another)",
    ]);
  });

  test("--valuation fifo changes the cost of the issues", async () => {
    const run = await runInvkpi(["analyze", ledger, "--format", "json", "--valuation", "fifo"]);
    expect(run.code).toBe(0);
    const a = rowOf(JSON.parse(run.stdout) as JsonReport, "A-100");
    expect(a.cogs).toBe("180");
    expect(a.closingValue).toBe("150");
  });

  test("--from and --to set the period; --quiet silences the notes", async () => {
    const run = await runInvkpi([
      "analyze",
      ledger,
      "--format",
      "json",
      "--from",
      "2025-01-01",
      "--to",
      "2025-03-31",
      "--quiet",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.period).toEqual({ from: "2025-01-01", to: "2025-03-31", days: 90 });
  });

  test("--skus, --group-by and --industry reach the report", async () => {
    const run = await runInvkpi([
      "analyze",
      ledger,
      "--skus",
      skus,
      "--group-by",
      "category,month",
      "--industry",
      "wholesale",
      "--format",
      "json",
      "-q",
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(rowOf(report, "A-100").category).toBe("紧固件 Fasteners");
    expect(rowOf(report, "A-100").leadTimeDays).toBe(5);
    expect(rowOf(report, "A-100").reorderPoint).toEqual(expect.any(Number));
    expect(report.groups.category?.map((g) => g.key)).toEqual([
      "紧固件 Fasteners",
      "轴承 Bearings",
    ]);
    expect(report.groups.month?.map((g) => g.month)).toEqual(["2025-01"]);
    expect(report.diagnosis.status).not.toBeNull();
  });
});

describe("invkpi analyze, the other formats", () => {
  test("csv: every column, money as exact decimals, reasons in one cell", async () => {
    const run = await runInvkpi(["analyze", ledger, "--format", "csv", "-q"]);
    expect(run.code).toBe(0);
    const [header, ...rows] = lines(run.stdout);
    const columns = (header ?? "").split(",");
    expect(columns.slice(0, 4)).toEqual(["sku", "description", "category", "location"]);
    expect(columns.at(-1)).toBe("reasons");
    expect(rows).toHaveLength(2);
    const a = (rows[0] ?? "").split(",");
    expect(a[0]).toBe("A-100");
    expect(a[columns.indexOf("cogs")]).toBe("192");
    expect(a[columns.indexOf("closingValue")]).toBe("138");
    expect(a[columns.indexOf("reasons")]).toContain("leadTimeDays=no_lead_time");
  });

  test("csv: a SKU that looks like a formula is escaped, a negative amount is not", async () => {
    // "-X1" would run as a formula in a spreadsheet; its negative adjustment stays a number.
    const input =
      "sku,date,type,quantity,unitCost\n" +
      "-X1,2025-01-01,receipt,10,1.50\n" +
      "-X1,2025-01-05,adjustment,-2,\n";
    const run = await runInvkpi(["analyze", "-", "--format", "csv", "-q"], { input });
    expect(run.code).toBe(0);
    const [header, row] = lines(run.stdout);
    const columns = (header ?? "").split(",");
    const cells = (row ?? "").split(",");
    expect(cells[0]).toBe("'-X1");
    expect(cells[columns.indexOf("closingQuantity")]).toBe("8");
    expect(cells[columns.indexOf("shrinkageValue")]).toBe("3"); // 2 × 1.50
  });

  test("ndjson: one JSON object per row, reasons as an object", async () => {
    const run = await runInvkpi(["analyze", ledger, "--format", "ndjson", "-q"]);
    expect(run.code).toBe(0);
    const records = lines(run.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r.sku)).toEqual(["A-100", "B-200"]);
    expect(records[0]?.cogs).toBe("192");
    expect(records[1]?.reasons).toMatchObject({ lastIssueDate: "never_issued" });
  });

  test("md: a Markdown table of the rows", async () => {
    const run = await runInvkpi(["analyze", ledger, "--format", "md", "-q"]);
    expect(run.code).toBe(0);
    const [header, rule, a, b] = lines(run.stdout);
    expect(header).toMatch(/^\| sku +\| description +\|/);
    expect(rule).toMatch(/^\| -+ \|/);
    expect(a).toMatch(/^\| A-100 /);
    expect(b).toMatch(/^\| B-200 /);
  });

  test("table (the default): the summary, then the rows by value", async () => {
    const run = await runInvkpi(["analyze", ledger, "--skus", skus, "-q"]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/^invkpi analyze .*ledger\.csv: 5 movements, 2025-01-01 to 2025-01-31/);
    expect(out).toMatch(/COGS +192\.00\n/);
    expect(out).toMatch(/inventory value at the end +188\.00\n/);
    expect(out).toContain("ABC-XYZ matrix");
    expect(out).toMatch(/B-200 +Deep groove ball bearing 62… +never-moved/);
    // The rows table lists A-100 (closing value 138) before B-200 (50).
    const rowsTable = out.slice(out.indexOf("SKUs by value at the end"));
    expect(rowsTable.indexOf("A-100")).toBeLessThan(rowsTable.indexOf("B-200"));
  });

  test("table: control characters of a SKU are shown as escapes; csv and json keep the text", async () => {
    // A SKU that would clear the screen and retitle the terminal window if written raw.
    const sku = "X\x1b[2J\x1b]0;pwned\x07Y";
    const input = `sku,date,type,quantity,unitCost\n"${sku}",2025-01-02,receipt,10,2.50\n`;
    const [table, csv, json] = await Promise.all(
      ["table", "csv", "json"].map((format) =>
        runInvkpi(["analyze", "-", "--format", format, "-q"], { input }),
      ),
    );
    expect(table?.code).toBe(0);
    const out = table?.stdout ?? "";
    // The SKU column is cut to 24 columns, before the escape \x07 that does not fit whole.
    expect(out).toContain("\n  X\\x1b[2J\\x1b]0;pwned…  never-moved");
    expect([...out].some((c) => c === "\x1b" || c === "\x07")).toBe(false);
    // Data formats are data: the SKU as it was read.
    expect(lines(csv?.stdout ?? "")[1]?.startsWith(`${sku},`)).toBe(true);
    expect((JSON.parse(json?.stdout ?? "") as JsonReport).rows[0]?.sku).toBe(sku);
  });

  test("table: --top cuts the lists and counts the rest", async () => {
    const run = await runInvkpi(["analyze", ledger, "--top", "1", "-q"]);
    expect(run.code).toBe(0);
    const rowsTable = run.stdout.slice(run.stdout.indexOf("SKUs by value at the end"));
    expect(rowsTable).toContain("A-100");
    expect(rowsTable).not.toContain("B-200");
    expect(rowsTable).toContain("… and 1 more");
  });
});

describe("invkpi analyze, inputs and outputs", () => {
  test("- reads CSV from stdin; NDJSON files are read by their name", async () => {
    const csv = await readFile(ledger, "utf8");
    const fromStdin = await runInvkpi(["analyze", "-", "--format", "ndjson", "-q"], { input: csv });
    const fromNdjson = await runInvkpi([
      "analyze",
      join(FIXTURES, "ledger.ndjson"),
      "--format",
      "ndjson",
      "-q",
    ]);
    const fromFile = await runInvkpi(["analyze", ledger, "--format", "ndjson", "-q"]);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(fromNdjson.stdout).toBe(fromFile.stdout);
  });

  test("--input-format ndjson reads NDJSON from stdin", async () => {
    const ndjson = await readFile(join(FIXTURES, "ledger.ndjson"), "utf8");
    const run = await runInvkpi(
      ["analyze", "-", "--input-format", "ndjson", "--format", "json", "-q"],
      { input: ndjson },
    );
    expect(run.code).toBe(0);
    expect(rowOf(JSON.parse(run.stdout) as JsonReport, "A-100").cogs).toBe("192");
  });

  test("--out writes the file, stdout stays empty, a note says where", async () => {
    const dir = await scratchDir();
    const out = join(dir, "report.csv");
    const run = await runInvkpi(["analyze", ledger, "--format", "csv", "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`wrote 2 rows to ${out}`);
    expect(lines(await readFile(out, "utf8"))).toHaveLength(3);
  });

  test("replay warnings are notes with the file's line", async () => {
    // Line 3 issues more than is on hand: negative stock, a warning, not an error.
    const input =
      "sku,date,type,quantity,unitCost\nA,2025-01-01,receipt,1,2.00\nA,2025-01-02,issue,3,\n";
    const run = await runInvkpi(["analyze", "-", "--format", "json"], { input });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: stdin:3: .* \[negative_stock\]$/m);
  });

  test("a quantity too large for the ledger's decimal places: its file line, exit 1", async () => {
    // 999999999999 × 10^6 (the other SKU's quantity has 6 decimal places) is beyond 2^53.
    const input =
      "sku,date,type,quantity,unitCost\nA,2025-01-02,receipt,999999999999,1\nB,2025-01-02,receipt,0.000001,1\n";
    const run = await runInvkpi(["analyze", "-", "--format", "csv", "-q"], { input });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "invkpi analyze: stdin:2: quantity: the quantity 999999999999 cannot be held exactly with 6 decimal places (the most that any quantity of the ledger has): a quantity times 10^6 must lie within ±2^53\n",
    );
  });

  test("a ledger with only a header: usage error without a period, an empty report with one", async () => {
    const file = join(FIXTURES, "header-only.csv");
    const without = await runInvkpi(["analyze", file]);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/has no movements: give --from and --to/);
    const withPeriod = await runInvkpi([
      "analyze",
      file,
      "--from",
      "2025-01-01",
      "--to",
      "2025-01-31",
      "--format",
      "json",
    ]);
    expect(withPeriod.code).toBe(0);
    expect((JSON.parse(withPeriod.stdout) as JsonReport).rows).toEqual([]);
    const csv = await runInvkpi([
      "analyze",
      file,
      "--from",
      "2025-01-01",
      "--to",
      "2025-01-31",
      "--format",
      "csv",
      "-q",
    ]);
    expect(csv).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("an invalid SKU master: every problem with its line, exit 1, nothing analyzed", async () => {
    const run = await runInvkpi(["analyze", ledger, "--skus", join(FIXTURES, "bad-skus.csv")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/bad-skus\.csv:2: leadTimeDays: .*; got -5 \[invalid_quantity\]$/),
      expect.stringMatching(/bad-skus\.csv:3: serviceLevel: .*; got 1\.5 \[invalid_quantity\]$/),
      expect.stringMatching(/bad-skus\.csv: 2 problems in 2 of 2 rows; nothing was analyzed$/),
    ]);
  });
});

describe("invkpi analyze, a ledger and a SKU master both invalid", () => {
  test.each([[[]], [["--streaming"]], [["--partial"]]])(
    "lists the problems of both files (found by an audit: the ledger was never checked) %j",
    async (extra) => {
      const dir = await scratchDir();
      const bad = join(dir, "bad-ledger.csv");
      await writeFile(bad, "sku,date,type,quantity,unitCost\nA-100,2025-01-02,receipt,x,1\n");
      const master = join(FIXTURES, "bad-skus.csv");
      const period = ["--from", "2025-01-01", "--to", "2025-01-31"];
      const run = await runInvkpi(["analyze", bad, "--skus", master, ...period, ...extra]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(lines(run.stderr)).toEqual([
        expect.stringMatching(/bad-skus\.csv:2: leadTimeDays: .*\[invalid_quantity\]$/),
        expect.stringMatching(/bad-skus\.csv:3: serviceLevel: .*\[invalid_quantity\]$/),
        `${master}: 2 problems in 2 of 2 rows`,
        `${bad}:2: quantity: quantity must be a number; got "x" [invalid_type]`,
        `${bad}: 1 problem in 1 of 1 row; nothing was analyzed`,
      ]);
    },
  );

  test("a valid ledger after an invalid master: the master's problems, nothing analyzed", async () => {
    const master = join(FIXTURES, "bad-skus.csv");
    const run = await runInvkpi(["analyze", ledger, "--skus", master]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr).at(-1)).toBe(
      `${master}: 2 problems in 2 of 2 rows; nothing was analyzed`,
    );
  });
});

describe("invkpi analyze, messages in the command line's words (found by an audit: library names)", () => {
  test("a receipt without a unitCost points to the --skus file", async () => {
    const run = await runInvkpi(["analyze", "-"], {
      input: "sku,date,type,quantity\nA,2025-01-02,receipt,5\n",
    });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)[0]).toBe(
      "stdin:2: unitCost: a receipt needs a unitCost (or a standardCost for its SKU in the --skus file) [missing_cost]",
    );
  });

  test("the hints name --delimiter, --encoding and --input-format", async () => {
    const dir = await scratchDir();
    const semi = join(dir, "semi.csv");
    await writeFile(semi, "sku;date;type;quantity;unitCost\nA;2025-01-02;receipt;1;1\n");
    const latin = join(dir, "latin.csv");
    await writeFile(
      latin,
      Buffer.concat([
        Buffer.from("sku,date,type,quantity,unitCost\nM"),
        Buffer.from([0xfc]),
        Buffer.from("ller,2025-01-02,receipt,1,1\n"),
      ]),
    );
    const json = join(dir, "array.csv");
    await writeFile(json, '[{"sku":"A"}]\n');
    const bom = join(dir, "bom.csv");
    await writeFile(bom, "\uFEFFsku,date,type,quantity,unitCost\nA,2025-01-02,receipt,1,1\n");
    const [a, b, c, d] = await Promise.all([
      runInvkpi(["validate", semi]),
      runInvkpi(["analyze", latin]),
      runInvkpi(["validate", json]),
      runInvkpi(["validate", bom, "--encoding", "windows-1252"]),
    ]);
    expect(a.stdout).toContain(`is the delimiter ";"? (read it with --delimiter ';');`);
    expect(b.stderr).toContain("read it with --encoding windows-1252\n");
    expect(c.stdout).toContain("read it with --input-format json, or name the file .json;");
    expect(d.stdout).toContain("the file is UTF-8, so leave --encoding out;");
    for (const run of [a, b, c, d]) {
      expect(run.stdout + run.stderr).not.toMatch(/ option |on the command line/);
    }
  });

  test("an --as-of past movements the period leaves out names --as-of and --to", async () => {
    const input =
      "sku,date,type,quantity,unitCost\nA,2025-01-02,receipt,10,1\nA,2025-01-10,issue,1,\nA,2025-01-22,issue,1,\n";
    const run = await runInvkpi(
      ["analyze", "-", "--to", "2025-01-20", "--as-of", "2025-01-25", "-q"],
      { input },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "invkpi analyze: --as-of 2025-01-25 is on or after movements that the period leaves out (it ends on --to 2025-01-20; the first left out is dated 2025-01-22): statuses and ages on --as-of would ignore them; give --to 2025-01-25, or an --as-of before 2025-01-22\n",
    );
  });
});

describe("invkpi analyze --streaming", () => {
  const period = ["--from", "2025-01-01", "--to", "2025-01-31"];

  test("a ledger out of date order with invalid rows: every invalid row, then the date order (found by an audit: the rows were hidden)", async () => {
    const input = [
      "sku,date,type,quantity,unitCost",
      "A,2025-01-02,receipt,10,1",
      "A,2025-01-03,issue,x,",
      "B,2025-01-04,receipt,1,1",
      "A,2025-01-03,issue,1,",
      "C,2025-13-01,receipt,1,1",
      "",
    ].join("\n");
    const run = await runInvkpi(["analyze", "-", ...period, "--streaming"], { input });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr)).toEqual([
      'stdin:3: quantity: quantity must be a number; got "x" [invalid_type]',
      expect.stringMatching(/^stdin:6: date: .*\[invalid_date\]$/),
      "stdin: 2 problems in 2 of 5 rows; nothing was analyzed",
      "invkpi analyze: stdin: streaming needs the ledger in date order; line 5 (row 3), dated 2025-01-03, comes after a row dated 2025-01-04; sort the ledger by date, or analyze it without streaming (batch mode sorts it in memory)",
    ]);
  });

  test("gives the batch report, from a file and from stdin", async () => {
    const batch = await runInvkpi(["analyze", ledger, ...period, "--format", "csv", "-q"]);
    const streamed = await runInvkpi([
      "analyze",
      ledger,
      ...period,
      "--streaming",
      "--format",
      "csv",
      "-q",
    ]);
    const csv = await readFile(ledger, "utf8");
    const fromStdin = await runInvkpi(
      ["analyze", "-", ...period, "--streaming", "--format", "csv", "-q"],
      { input: csv },
    );
    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toBe(batch.stdout);
    expect(fromStdin.stdout).toBe(batch.stdout);
  });

  test("rejects a ledger out of date order with the first offending line", async () => {
    const input =
      "sku,date,type,quantity,unitCost\nA,2025-01-02,receipt,1,2.00\nA,2025-01-05,receipt,1,2.00\nA,2025-01-03,issue,1,\n";
    const run = await runInvkpi(["analyze", "-", ...period, "--streaming"], { input });
    expect(run.code).toBe(1);
    // The input is named, as other row errors name their file (stdin here).
    expect(run.stderr).toMatch(
      /^invkpi analyze: stdin: streaming needs the ledger in date order; line 4 \(row 2\), dated 2025-01-03, comes after a row dated 2025-01-05/,
    );
  });

  test("needs --from and --to, and runs on one thread", async () => {
    const noPeriod = await runInvkpi(["analyze", ledger, "--streaming"]);
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.stderr).toMatch(/--streaming needs --from and --to/);
    const threads = await runInvkpi([
      "analyze",
      ledger,
      ...period,
      "--streaming",
      "--threads",
      "2",
    ]);
    expect(threads.code).toBe(2);
    expect(threads.stderr).toMatch(/--streaming runs on one thread/);
  });

  test("a quantity with more decimal places than --quantity-decimals: its file line and the option", async () => {
    const input =
      "sku,date,type,quantity,unitCost\nA,2025-01-02,receipt,10,1\nA,2025-01-05,issue,1.5,\nA,2025-01-06,issue,1.25,\n";
    const dir = await scratchDir();
    const file = join(dir, "decimals.csv");
    await writeFile(file, input);
    const args = [...period, "--streaming", "--quantity-decimals", "0", "--format", "csv", "-q"];
    const [fromFile, fromStdin] = await Promise.all([
      runInvkpi(["analyze", file, ...args]),
      runInvkpi(["analyze", "-", ...args], { input }),
    ]);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stdout).toBe("");
    expect(fromFile.stderr).toBe(
      `invkpi analyze: ${file}:3: quantity: the quantity has more than 0 decimal places, the most that --quantity-decimals 0 allows\n`,
    );
    expect(fromStdin.stderr).toMatch(/^invkpi analyze: stdin:3: quantity: /);
  });

  test("--quantity-decimals is accepted with --streaming only", async () => {
    // The first chunk is the first million rows, so here every row is in it: the option changes
    // nothing but must be accepted; without --streaming it is a usage error.
    const run = await runInvkpi([
      "analyze",
      ledger,
      ...period,
      "--streaming",
      "--quantity-decimals",
      "3",
      "--format",
      "json",
      "-q",
    ]);
    expect(run.code).toBe(0);
    expect(rowOf(JSON.parse(run.stdout) as JsonReport, "A-100").cogs).toBe("192");
    const alone = await runInvkpi(["analyze", ledger, "--quantity-decimals", "3"]);
    expect(alone.code).toBe(2);
  });
});

describe("invkpi analyze, what the summary explains", () => {
  // P3 is received and sold on one day: one week of demand, no XYZ class; it is due for reorder
  // with --lead-time, but without a review period or order costs its order cannot be sized.
  const oneDay =
    "sku,date,type,quantity,unitCost,unitPrice\n" +
    "P3,2025-02-10,receipt,20,1.50,\n" +
    "P3,2025-02-10,issue,20,,2.00\n" +
    "Q,2025-02-10,receipt,5,4,\n";
  const day = ["--from", "2025-02-10", "--to", "2025-02-10"];

  test("the ABC-XYZ matrix counts the SKUs it leaves out, and why", async () => {
    const run = await runInvkpi(["analyze", "-", ...day, "-q"], { input: oneDay });
    expect(run.code).toBe(0);
    const matrix = run.stdout.slice(run.stdout.indexOf("ABC-XYZ matrix"));
    expect(matrix).toMatch(
      /\n {2}1 SKU is not in the matrix: it has no XYZ class .*\[too_few_periods\]\n/,
    );
  });

  test("reorder now says what an order without a quantity needs", async () => {
    // P1 sells 2 to 4 a week for four weeks and ends with nothing: due, with a 7-day lead time.
    const input =
      "sku,date,type,quantity,unitCost\n" +
      "P1,2025-01-01,receipt,12,2\n" +
      "P1,2025-01-06,issue,2,\n" +
      "P1,2025-01-13,issue,4,\n" +
      "P1,2025-01-20,issue,3,\n" +
      "P1,2025-01-27,issue,3,\n";
    const run = await runInvkpi(["analyze", "-", "--lead-time", "7", "-q"], { input });
    expect(run.code).toBe(0);
    const reorder = run.stdout.slice(run.stdout.indexOf("Reorder now"));
    expect(reorder).toMatch(/\n {2}P1 .* –\n/);
    expect(reorder).toContain(
      "\n  – order: 1 SKU has no order quantity [no_order_quantity]: give reviewPeriodDays, or orderCost and holdingRate, in the --skus file\n",
    );
    // With a review period the order is sized, and nothing needs saying.
    const dir = await scratchDir();
    const master = join(dir, "review.csv");
    await writeFile(master, "sku,reviewPeriodDays\nP1,7\n");
    const sized = await runInvkpi(["analyze", "-", "--lead-time", "7", "--skus", master, "-q"], {
      input,
    });
    expect(sized.code).toBe(0);
    expect(sized.stdout).not.toContain("no_order_quantity");
  });

  test("a one-day period is '1 day' in the heading", async () => {
    const run = await runInvkpi(["analyze", "-", ...day, "-q"], { input: oneDay });
    expect(lines(run.stdout)[0]).toBe(
      "invkpi analyze stdin: 3 movements, 2025-02-10 to 2025-02-10 (1 day), valuation moving-average",
    );
  });
});

describe("invkpi analyze, a period without movements", () => {
  test.each([
    ["after", "2026-01-01", "2026-12-31"],
    ["before", "2024-01-01", "2024-06-30"],
  ])("a period %s every movement: a note, and the heading says so", async (_, from, to) => {
    const run = await runInvkpi(["analyze", ledger, "--from", from, "--to", to]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `no movement falls in the period ${from} to ${to}: the ledger runs from 2025-01-01 to 2025-01-31\n`,
    );
    expect(lines(run.stdout)[0]).toMatch(/: 5 movements \(none in the period\), /);
  });

  test("with --streaming, the note counts the movements before and after", async () => {
    const run = await runInvkpi([
      "analyze",
      ledger,
      "--from",
      "2025-01-12",
      "--to",
      "2025-01-20",
      "--streaming",
      "--format",
      "csv",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "no movement falls in the period 2025-01-12 to 2025-01-20: 3 are before it, 2 after it\n",
    );
  });

  test("a period with a movement has no such note", async () => {
    const run = await runInvkpi(["analyze", ledger, "--from", "2025-01-11", "--to", "2025-01-11"]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("no movement falls");
  });
});

describe("invkpi analyze --valuation standard", () => {
  test("a SKU without a standardCost is a data problem: exit 1, no pointer to --help", async () => {
    const dir = await scratchDir();
    const master = join(dir, "std.csv");
    await writeFile(master, "sku,standardCost\nA-100,2.10\n");
    const run = await runInvkpi(["analyze", ledger, "--skus", master, "--valuation", "standard"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr).at(-1)).toBe(
      `invkpi analyze: --valuation standard needs a standardCost for every SKU in the --skus file ${master}; missing for B-200`,
    );
  });

  test.each([[[]], [["--streaming"]], [["--partial"]], [["--threads", "2"]]])(
    "without a --skus file: exit 1 (%j)",
    async (extra) => {
      const run = await runInvkpi([
        "analyze",
        ledger,
        "--from",
        "2025-01-01",
        "--to",
        "2025-01-31",
        "--valuation",
        "standard",
        "-q",
        ...extra,
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        "invkpi analyze: --valuation standard needs a standardCost for every SKU, from a --skus file; none was given (missing for A-100, B-200)\n",
      );
    },
  );
});

describe("invkpi analyze, files that cannot be written", () => {
  test.each(["table", "csv", "md", "json"])(
    "--format %s into a missing directory: one prefix, exit 1",
    async (format) => {
      const run = await runInvkpi([
        "analyze",
        ledger,
        "--format",
        format,
        "--out",
        "/no/dir/r.x",
        "-q",
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^invkpi analyze: cannot write \/no\/dir\/r\.x: ENOENT[^\n]*\n$/);
    },
  );
});

describe("invkpi analyze, figures next to the industry range", () => {
  // Found by an audit: turnover 7.996 a year printed as "8" next to "BELOW the normal 8–15".
  const input =
    "sku,date,type,quantity,unitCost,unitPrice\n" +
    "T,2025-01-01,receipt,1000,1,\n" +
    "T,2025-12-31,receipt,7996,1,\n" +
    "T,2025-12-31,issue,7996,,2\n";

  test("the table shows as many digits as tell the turnover from the bound", async () => {
    const run = await runInvkpi(["analyze", "-", "--industry", "wholesale", "-q"], { input });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n {2}turnover +7\.996 a year\n/);
    expect(run.stdout).toMatch(/\n {2}industry benchmark +BELOW the normal 8–15 /);
  });

  test("so does the HTML page, in days too", async () => {
    const run = await runInvkpi(
      ["analyze", "-", "--industry", "wholesale", "--format", "html", "-q"],
      { input },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(">7.996 ×<");
    expect(run.stdout).not.toContain(">8 ×<");
    expect(run.stdout).toContain(">45.65 days<");
    expect(run.stdout).toContain("normal for wholesale and distribution: 24–45.62 days");
  });
});

describe("invkpi analyze --near-expiry-days", () => {
  // Lot L1 expired on 2025-01-20; lot L2 expires on 2025-02-10, ten days after the period end.
  const input =
    "sku,date,type,quantity,unitCost,lot,expiresOn\n" +
    "M,2025-01-02,receipt,10,2,L1,2025-01-20\n" +
    "M,2025-01-03,receipt,5,2,L2,2025-02-10\n";
  const period = ["--from", "2025-01-01", "--to", "2025-01-31"];

  test("is listed in the help", async () => {
    const run = await runInvkpi(["analyze", "--help"]);
    expect(run.stdout).toMatch(/^ {2}--near-expiry-days <n> +\S/m);
  });

  test("the summary shows expired and expiring stock, over the days given", async () => {
    const run = await runInvkpi(["analyze", "-", ...period, "-q"], { input });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /\n {2}expired +20\.00 \(66\.7 % of inventory value\); expiring within 30 days 10\.00 \(33\.3 %\)\n/,
    );
    const week = await runInvkpi(["analyze", "-", ...period, "--near-expiry-days", "7", "-q"], {
      input,
    });
    expect(week.stdout).toContain("; expiring within 7 days 0.00 (0.0 %)\n");
    const json = await runInvkpi(
      ["analyze", "-", ...period, "--near-expiry-days=7", "--format", "json", "-q"],
      { input },
    );
    const report = JSON.parse(json.stdout) as {
      options: { nearExpiryDays: number };
      totals: { expiringValue: string };
    };
    expect(report.options.nearExpiryDays).toBe(7);
    expect(report.totals.expiringValue).toBe("0");
  });

  test("the HTML page has a card for them", async () => {
    const run = await runInvkpi(["analyze", "-", ...period, "--format", "html", "-q"], { input });
    expect(run.stdout).toContain("<h3>Expired stock</h3>");
    expect(run.stdout).toContain("expiring within 30 days of 2025-01-31: 10.00 (33.3 %)");
  });

  test("the partial records carry it to combine", async () => {
    const partial = await runInvkpi(
      ["analyze", "-", ...period, "--near-expiry-days", "7", "--partial"],
      { input },
    );
    expect(partial.code).toBe(0);
    const combined = await runInvkpi(["combine", "-", "--format", "json"], {
      input: partial.stdout,
    });
    expect(combined.code).toBe(0);
    const report = JSON.parse(combined.stdout) as { options: { nearExpiryDays: number } };
    expect(report.options.nearExpiryDays).toBe(7);
  });
});

describe("invkpi analyze --slow-days, --dead-days, --movement-basis, --safety-stock-method", () => {
  // An audit's distribution centre: DC receives and ships by transfer only, S1 sells. By issues,
  // the DC's stock never moved; counted from any movement, it moved on 2025-02-10.
  const input =
    "sku,date,type,quantity,unitCost,location\n" +
    "M,2025-01-01,receipt,100,5,DC\n" +
    "M,2025-01-10,transfer,-60,,DC\n" +
    "M,2025-01-10,transfer,60,,S1\n" +
    "M,2025-01-20,issue,30,,S1\n" +
    "M,2025-02-05,receipt,50,6,DC\n" +
    "M,2025-02-10,transfer,-40,,DC\n" +
    "M,2025-02-10,transfer,40,,S1\n" +
    "M,2025-02-25,issue,50,,S1\n";
  const args = ["analyze", "-", "--from", "2025-01-01", "--to", "2025-02-28"];
  type Json = {
    options: {
      slowDays: number;
      deadDays: number;
      movementBasis: string;
      replenishment: { method: string };
    };
    rows: { location: string; movementStatus: string; safetyStock: number | null }[];
  };
  const json = async (...extra: string[]) => {
    const run = await runInvkpi([...args, "--group-by", "location", "--format", "json", ...extra], {
      input,
    });
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Json;
  };

  test("are listed in the help", async () => {
    const run = await runInvkpi(["analyze", "--help"]);
    for (const option of ["slow-days", "dead-days", "movement-basis", "safety-stock-method"])
      expect(run.stdout).toMatch(new RegExp(`^ {2}--${option} `, "m"));
  });

  test("--movement-basis any counts the DC's transfers out as movement", async () => {
    const status = (report: Json) =>
      report.rows.find((row) => row.location === "DC")?.movementStatus;
    expect(status(await json())).toBe("never-moved");
    const any = await json("--movement-basis", "any", "--slow-days", "10", "--dead-days", "30");
    expect(any.options).toMatchObject({ movementBasis: "any", slowDays: 10, deadDays: 30 });
    // Last movement 2025-02-10, 18 days before 2025-02-28: slow (10 to 29 days).
    expect(status(any)).toBe("slow");
    // combine checks each record's status against the header's options, and accepts this one.
    const options = ["--group-by", "location", "--movement-basis", "any", "--slow-days", "10"];
    const partial = await runInvkpi([...args, ...options, "--dead-days", "30", "--partial"], {
      input,
    });
    const combined = await runInvkpi(["combine", "-", "--format", "json"], {
      input: partial.stdout,
    });
    expect(combined.code, combined.stderr).toBe(0);
    expect(status(JSON.parse(combined.stdout) as Json)).toBe("slow");
  });

  test("--safety-stock-method periodic covers the review period too", async () => {
    const skus = "sku,leadTimeDays,reviewPeriodDays\nM,5,7\n";
    const dir = await scratchDir();
    const skusFile = join(dir, "skus.csv");
    await writeFile(skusFile, skus);
    const s1 = (report: Json) => report.rows.find((row) => row.location === "S1")?.safetyStock;
    const basic = await json("--skus", skusFile);
    const periodic = await json("--skus", skusFile, "--safety-stock-method", "periodic");
    expect(periodic.options.replenishment.method).toBe("periodic");
    // z · σ · √(R + L) against z · σ · √L: the ratio is √(12 / 5).
    expect((s1(periodic) ?? 0) / (s1(basic) ?? 1)).toBeCloseTo(Math.sqrt(12 / 5), 12);
  });

  test("refuse what the report would refuse, in the command line's words", async () => {
    const dead = await runInvkpi([...args, "--slow-days", "200"], { input });
    expect(dead.code).toBe(2);
    expect(dead.stderr).toBe(
      "invkpi analyze: --dead-days (180, the default) must not be less than --slow-days (200); see 'invkpi analyze --help'\n",
    );
    const method = await runInvkpi([...args, "--safety-stock-method", "fillRate"], { input });
    expect(method.code).toBe(2);
    expect(method.stderr).toMatch(/--safety-stock-method/);
    const basis = await runInvkpi([...args, "--movement-basis", "transfer"], { input });
    expect(basis.code).toBe(2);
  });
});

describe("invkpi analyze, a ledger with more problems than it shows", () => {
  // analyze keeps only the problems it shows (found by an audit: it held them all, 1.7 GB for a
  // million rows of four problems each); what it writes is unchanged: `validate`'s list cut
  // after 20, a count of the rest, and `validate`'s count of every problem and row.
  const rows = (count: number, row: (k: number) => string) =>
    Array.from({ length: count }, (_, k) => row(k)).join("");
  const FILES: Record<string, string> = {
    // several problems a row, parse errors, valid rows and duplicate ids between them
    "rows.csv": `sku,date,type,quantity,unitCost,unitPrice,id\n${rows(600, (k) =>
      k % 7 === 0
        ? `A${k % 13},2025-01-02,receipt,5,1.5,,X${k % 50}\n`
        : k % 5 === 0
          ? "A,2025-01-02,receipt\n"
          : `A${k},2025-02-30,issue,-2,,x,\n`,
    )}`,
    // a problem of the header (row -1), then the rows'
    "header.csv": `sku,date,type,quantity,"unit"Cost\n${rows(300, (k) => `A${k},2025-13-01,issue,${k % 2 ? "x" : "1"},1\n`)}`,
    "exactly-21.csv": `sku,date,type,quantity\n${rows(10, () => "A,2025-13-01,bad,1\n")}A,2025-01-01,issue,0\n`,
    "rows.ndjson": rows(400, (k) =>
      k % 11 === 0
        ? "{not json\n"
        : k % 7 === 0
          ? '{"sku":"A","Sku":"B","date":"2025-01-01","type":"issue","quantity":1}\n'
          : '{"sku":"","date":"2025-1-1","type":"issue","quantity":"1","unitCost":-1}\n',
    ),
    "rows.json": `[\n${Array.from({ length: 300 }, (_, k) =>
      k % 5 === 0
        ? "3"
        : '{"sku":"A","date":"2025-01-01","type":"receipt","quantity":2,"Quantity":3}',
    ).join(",\n")}\n]\n`,
  };
  const period = ["--from", "2025-01-01", "--to", "2025-12-31"];
  const badSkus = join(FIXTURES, "bad-skus.csv");

  /** What analyze writes for `file`, from what validate lists: the first 20, then the counts. */
  async function expectedProblems(file: string): Promise<string[]> {
    const validate = await runInvkpi(["validate", file]);
    expect(validate.code).toBe(1);
    const listed = lines(validate.stdout);
    const count = listed.pop() as string;
    expect(listed.length).toBeGreaterThan(20);
    const more = listed.length - 20;
    return [
      ...listed.slice(0, 20),
      `… and ${more.toLocaleString("en-US")} more problem${more === 1 ? "" : "s"} (invkpi validate lists them all)`,
      `${count}; nothing was analyzed`,
    ];
  }

  test.each(Object.keys(FILES))(
    "%s: the first 20 problems, the number of the rest, and every problem counted, in each mode",
    async (name) => {
      const file = join(await scratchDir(), name);
      await writeFile(file, FILES[name] as string);
      const expected = await expectedProblems(file);
      for (const extra of [[], period, [...period, "--streaming"], [...period, "--partial"]]) {
        const run = await runInvkpi(["analyze", file, ...extra, "-q"]);
        expect({ extra, code: run.code, stdout: run.stdout, stderr: lines(run.stderr) }).toEqual({
          extra,
          code: 1,
          stdout: "",
          stderr: expected,
        });
      }
      // With an invalid SKU master: its problems first, then the ledger's, the same.
      const both = await runInvkpi(["analyze", file, "--skus", badSkus, "-q"]);
      expect(both.code).toBe(1);
      expect(lines(both.stderr).slice(3)).toEqual(expected);
    },
  );
});
