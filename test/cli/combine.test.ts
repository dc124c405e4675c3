import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { PARTIAL_FORMAT_VERSION } from "../../src/report/index.js";
import { FIXTURES } from "./cliPaths.js";
import { lines, runInvkpi, scratchDir } from "./runInvkpi.js";

// Sharding end to end: the fixture ledger (test/cli/fixtures/ledger.csv) split by SKU into two
// shard files, each analysed with `analyze --partial`, then `combine`d; and `analyze --threads`.
// Worked out by hand in analyze.test.ts: over 2025-01-01..2025-01-31, A-100 has COGS 192 and a
// closing value of 138, B-200 a closing value of 50; the portfolio COGS 192, closing value 188.

const PERIOD = ["--from", "2025-01-01", "--to", "2025-01-31"];

let dir: string;
let shardA: string;
let shardB: string;

beforeAll(async () => {
  dir = await scratchDir();
  const [header, ...rows] = lines(await readFile(join(FIXTURES, "ledger.csv"), "utf8"));
  const shard = async (sku: string) => {
    const file = join(dir, `shard-${sku}.csv`);
    await writeFile(file, [header, ...rows.filter((r) => r.startsWith(sku))].join("\n"));
    return file;
  };
  shardA = await shard("A-100");
  shardB = await shard("B-200");
});

/** `analyze --partial` of a shard; the NDJSON it wrote to stdout. */
async function partialOf(shard: string, extra: readonly string[] = []): Promise<string> {
  const run = await runInvkpi(["analyze", shard, ...PERIOD, "--partial", ...extra]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run.stdout;
}

describe("invkpi analyze --partial and invkpi combine", () => {
  test("combine of the shards' partial files is the report of the whole ledger", async () => {
    const a = join(dir, "a.ndjson");
    const b = join(dir, "b.ndjson");
    await writeFile(a, await partialOf(shardA));
    await writeFile(b, await partialOf(shardB, ["--threads", "2"]));
    const partialLines = lines(await readFile(a, "utf8"));
    expect(partialLines.length).toBe(2); // the header and A-100
    expect(JSON.parse(partialLines[0] as string)).toMatchObject({
      invkpiPartial: PARTIAL_FORMAT_VERSION,
      kind: "header",
    });

    const whole = await runInvkpi([
      "analyze",
      join(FIXTURES, "ledger.csv"),
      ...PERIOD,
      "--format",
      "json",
    ]);
    const combined = await runInvkpi(["combine", b, a, "--format", "json"]);
    expect(combined.code).toBe(0);
    expect(combined.stdout).toBe(whole.stdout);
    const report = JSON.parse(combined.stdout) as {
      totals: { turnover: { cogs: string; closingValue: string } };
    };
    expect(report.totals.turnover.cogs).toBe("192");
    expect(report.totals.turnover.closingValue).toBe("188");
  });

  test("reads stdin and writes every format of analyze, to --out too", async () => {
    const records = (await partialOf(shardA)) + (await partialOf(shardB));
    const csv = await runInvkpi(["combine", "-", "--format", "csv"], { input: records });
    const whole = await runInvkpi([
      "analyze",
      join(FIXTURES, "ledger.csv"),
      ...PERIOD,
      "--format",
      "csv",
    ]);
    expect(csv.stdout).toBe(whole.stdout);
    const out = join(dir, "report.md");
    const md = await runInvkpi(["combine", "-", "--format", "md", "--out", out], {
      input: records,
    });
    expect(md.code).toBe(0);
    expect(md.stderr).toBe(`wrote 2 rows to ${out}\n`);
    expect(await readFile(out, "utf8")).toContain("| A-100 |");
  });

  test("analyze --partial reads a shard from stdin, as the map step of RDD.pipe", async () => {
    const csv = await readFile(shardA, "utf8");
    const run = await runInvkpi(["analyze", "-", ...PERIOD, "--partial"], { input: csv });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await partialOf(shardA));
  });

  test("analyze --threads 2 gives the report of one thread", async () => {
    const ledger = join(FIXTURES, "ledger.csv");
    const one = await runInvkpi(["analyze", ledger, "--format", "json"]);
    const two = await runInvkpi(["analyze", ledger, "--format", "json", "--threads", "2"]);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  describe("mistakes", () => {
    test("--partial without --from and --to, or with --format: exit 2", async () => {
      const noPeriod = await runInvkpi(["analyze", shardA, "--partial"]);
      expect(noPeriod.code).toBe(2);
      expect(noPeriod.stderr).toContain("--partial needs --from and --to");
      const format = await runInvkpi([
        "analyze",
        shardA,
        ...PERIOD,
        "--partial",
        "--format",
        "csv",
      ]);
      expect(format.code).toBe(2);
      expect(format.stderr).toContain("--format and --top apply to 'invkpi combine'");
    });

    test("--threads must be a whole number ≥ 1: exit 2", async () => {
      const run = await runInvkpi(["analyze", shardA, "--threads", "0"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--threads must be a whole number ≥ 1, got '0'");
    });

    test("combine without files, or a missing file: exit 2", async () => {
      expect((await runInvkpi(["combine"])).code).toBe(2);
      const missing = await runInvkpi(["combine", "nope.ndjson"]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("cannot find the file 'nope.ndjson'");
    });

    test("a file that is not partial records: its line named, exit 1", async () => {
      const rows = join(dir, "rows.ndjson");
      const report = await runInvkpi(["analyze", shardA, "--format", "ndjson"]);
      await writeFile(rows, report.stdout);
      const run = await runInvkpi(["combine", rows]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(
        new RegExp(`^invkpi combine: combinePartials: ${rows}:1: not an invkpi partial record`),
      );
      const text = join(dir, "text.ndjson");
      await writeFile(text, `${lines(await partialOf(shardA))[0]}\n{oops\n`);
      const notJson = await runInvkpi(["combine", text]);
      expect(notJson.code).toBe(1);
      expect(notJson.stderr).toContain(`${text}:2: not JSON`);
    });

    test("shards of different periods, or the same SKU twice: exit 1", async () => {
      const a = join(dir, "a-jan.ndjson");
      const b = join(dir, "b-short.ndjson");
      await writeFile(a, await partialOf(shardA));
      const short = await runInvkpi([
        "analyze",
        shardB,
        "--from",
        "2025-01-01",
        "--to",
        "2025-01-30",
        "--partial",
      ]);
      await writeFile(b, short.stdout);
      const run = await runInvkpi(["combine", a, b]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `${b}:1: options.period.to: "2025-01-30" here, "2025-01-31" in ${a}:1`,
      );
      const twice = await runInvkpi(["combine", a, a]);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain(`SKU "A-100" is also in ${a}:2`);
    });
  });
});
