import { readFile, symlink, writeFile } from "node:fs/promises";
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
        new RegExp(`^invkpi combine: ${rows}:1: not an invkpi partial record`),
      );
      const text = join(dir, "text.ndjson");
      await writeFile(text, `${lines(await partialOf(shardA))[0]}\n{oops\n`);
      const notJson = await runInvkpi(["combine", text]);
      expect(notJson.code).toBe(1);
      expect(notJson.stderr).toContain(`${text}:2: not JSON`);
    });

    test("files without a header record are named (found by an audit: an empty file was not)", async () => {
      const empty = join(dir, "empty.ndjson");
      await writeFile(empty, "");
      const run = await runInvkpi(["combine", empty]);
      expect([run.code, run.stdout]).toEqual([1, ""]);
      expect(run.stderr).toBe(
        `invkpi combine: ${empty}: no partial header record (the file is empty): a partial file starts with the header record that 'invkpi analyze --partial' writes\n`,
      );
      const skuOnly = join(dir, "sku-only.ndjson");
      await writeFile(skuOnly, `${lines(await partialOf(shardA))[1]}\n`);
      const both = await runInvkpi(["combine", empty, skuOnly]);
      expect(both.stderr).toBe(
        `invkpi combine: ${empty}, ${skuOnly}: no partial header record (${empty} is empty, ${skuOnly} holds 1 SKU record): a partial file starts with the header record that 'invkpi analyze --partial' writes\n`,
      );
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
      const b2 = join(dir, "b-jan.ndjson");
      await writeFile(b2, await partialOf(shardB));
      const a2 = join(dir, "a-copy.ndjson");
      await writeFile(a2, await partialOf(shardA));
      const sku = await runInvkpi(["combine", a, b2, a2]);
      expect(sku.code).toBe(1);
      expect(sku.stderr).toContain(`${a2}:2: analysis.history.sku: SKU "A-100" is also in ${a}:2`);
    });

    test("the same file twice, by any path: usage error before reading", async () => {
      const a = join(dir, "a-twice.ndjson");
      await writeFile(a, await partialOf(shardA));
      const link = join(dir, "a-link.ndjson");
      await symlink(a, link);
      for (const args of [
        [a, a],
        [a, "./a-twice.ndjson"],
        [link, a],
      ]) {
        const run = await runInvkpi(["combine", ...args], { cwd: dir });
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        expect(lines(run.stderr)).toHaveLength(1);
        expect(run.stderr).toMatch(
          /^invkpi combine: '.*' is given twice( \(also as '.*'\))?: give each partial file once; see/,
        );
        expect(run.stderr).not.toContain("also in");
      }
    });

    test("a cut file: the error names it, with its header's line", async () => {
      const a = join(dir, "a-whole.ndjson");
      await writeFile(a, await partialOf(shardA));
      // Shard B's header alone, after a blank line: its SKU record was lost.
      const cut = join(dir, "cut.ndjson");
      await writeFile(cut, `\n${lines(await partialOf(shardB))[0]}\n`);
      const run = await runInvkpi(["combine", a, cut]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        `invkpi combine: ${cut}:2: the header announces 1 SKU record but the file holds 0: the file is incomplete (the headers of all the files announce 2 SKU records, 1 was given)\n`,
      );
      // Both shards in one file, cut before shard B's SKU record.
      const both = join(dir, "both.ndjson");
      const records = [...lines(await partialOf(shardA)), ...lines(await partialOf(shardB))];
      await writeFile(both, `${records.slice(0, 3).join("\n")}\n`);
      const two = await runInvkpi(["combine", both]);
      expect(two.code).toBe(1);
      expect(two.stderr).toBe(
        `invkpi combine: ${both}: the headers (lines 1, 3) announce 2 SKU records but the file holds 1: the file is incomplete\n`,
      );
    });
  });
});
