import { copyFile, link, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { FIXTURES } from "./cliPaths.js";
import { lines, runInvkpi, scratchDir } from "./runInvkpi.js";

// Where `--out` writes, and in which format: never over an input file (the ledger, the --skus
// file, a partial file), and in the format its extension names unless --format says otherwise.

const PERIOD = ["--from", "2025-01-01", "--to", "2025-01-31"];

let dir: string;
let ledger: string;
let skus: string;
let ledgerText: string;
let skusText: string;

beforeAll(async () => {
  dir = await scratchDir();
  ledger = join(dir, "same.csv");
  skus = join(dir, "skus.csv");
  await copyFile(join(FIXTURES, "ledger.csv"), ledger);
  await copyFile(join(FIXTURES, "skus.csv"), skus);
  ledgerText = await readFile(ledger, "utf8");
  skusText = await readFile(skus, "utf8");
  await symlink(ledger, join(dir, "link.csv"));
  await link(ledger, join(dir, "hard.csv"));
});

// Without the guard a clash replaced the input: put it back, so that one failure stays one.
afterEach(async () => {
  await writeFile(ledger, ledgerText);
  await writeFile(skus, skusText);
});

/** A refusal: exit 2, one line naming the clash, nothing written to stdout. */
function expectRefused(run: { code: number | null; stdout: string; stderr: string }, what: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(lines(run.stderr)).toHaveLength(1);
  expect(run.stderr).toMatch(what);
}

describe("--out never replaces an input file", () => {
  test.each([
    ["the same path", (): string[] => [ledger, "--format", "csv", "--out", ledger]],
    [
      "./ and a relative path",
      (): string[] => ["same.csv", "--format", "csv", "--out", "./same.csv"],
    ],
    [
      "a symlink to it",
      (): string[] => [ledger, "--format", "csv", "--out", join(dir, "link.csv")],
    ],
    ["a hard link to it", (): string[] => [ledger, "--out", join(dir, "hard.csv")]],
    ["with --streaming", (): string[] => [ledger, ...PERIOD, "--streaming", "--out", ledger]],
    ["with --partial", (): string[] => [ledger, ...PERIOD, "--partial", "--out", ledger]],
  ])("analyze --out the ledger (%s): usage error, the ledger untouched", async (_, args) => {
    const run = await runInvkpi(["analyze", ...args()], { cwd: dir });
    expectRefused(run, /^invkpi analyze: --out '.*' is the same file as the ledger '.*same\.csv'/);
    expect(await readFile(ledger, "utf8")).toBe(ledgerText);
  });

  test("analyze --out the --skus file: usage error, the file untouched", async () => {
    const run = await runInvkpi(["analyze", ledger, "--skus", skus, "--out", skus]);
    expectRefused(run, /--out '.*skus\.csv' is the same file as the --skus file/);
    expect(await readFile(skus, "utf8")).toBe(skusText);
  });

  test("combine --out one of its partial files: usage error, the file untouched", async () => {
    const partial = join(dir, "p1.ndjson");
    const made = await runInvkpi(["analyze", ledger, ...PERIOD, "--partial", "--out", partial]);
    expect(made.code).toBe(0);
    const before = await readFile(partial, "utf8");
    const run = await runInvkpi(["combine", partial, "--format", "csv", "--out", "./p1.ndjson"], {
      cwd: dir,
    });
    expectRefused(
      run,
      /^invkpi combine: --out '\.\/p1\.ndjson' is the same file as the partial file/,
    );
    expect(await readFile(partial, "utf8")).toBe(before);
  });

  test("an --out that is another file is written as before", async () => {
    const out = join(dir, "other.csv");
    await writeFile(out, "old");
    const run = await runInvkpi(["analyze", ledger, "--format", "csv", "--out", out, "-q"]);
    expect(run.code).toBe(0);
    expect(lines(await readFile(out, "utf8"))[0]).toMatch(/^sku,description,/);
  });
});

describe("the format follows --out's extension unless --format is given", () => {
  test.each([
    ["rep.html", (text: string) => expect(text).toMatch(/^<!doctype html>/i)],
    ["rep.htm", (text: string) => expect(text).toMatch(/^<!doctype html>/i)],
    ["rep.csv", (text: string) => expect(text).toMatch(/^sku,description,category,/)],
    ["REP.CSV", (text: string) => expect(text).toMatch(/^sku,description,category,/)],
    ["rep.json", (text: string) => expect(JSON.parse(text)).toHaveProperty("totals")],
    [
      "rep.ndjson",
      (text: string) =>
        expect(lines(text).map((l) => JSON.parse(l).sku)).toEqual(["A-100", "B-200"]),
    ],
    ["rep.jsonl", (text: string) => expect(lines(text)).toHaveLength(2)],
    ["rep.md", (text: string) => expect(text).toMatch(/^\| sku +\| description +\|/)],
    ["rep.txt", (text: string) => expect(text).toMatch(/^invkpi analyze .*\n\nPortfolio\n/)],
  ])("analyze --out %s", async (name, check) => {
    const out = join(dir, name);
    const run = await runInvkpi(["analyze", ledger, "--out", out, "-q"]);
    expect(run.code).toBe(0);
    check(await readFile(out, "utf8"));
  });

  test("an explicit --format wins over the extension", async () => {
    const out = join(dir, "table.csv");
    const run = await runInvkpi(["analyze", ledger, "--format", "table", "--out", out, "-q"]);
    expect(run.code).toBe(0);
    expect(await readFile(out, "utf8")).toMatch(/^invkpi analyze .*\n\nPortfolio\n/);
  });

  test("--partial writes its NDJSON records whatever the extension", async () => {
    const out = join(dir, "partial.html");
    const run = await runInvkpi(["analyze", ledger, ...PERIOD, "--partial", "--out", out]);
    expect(run.code).toBe(0);
    const records = lines(await readFile(out, "utf8")).map(
      (l) => JSON.parse(l) as { kind: string },
    );
    expect(records.map((r) => r.kind)).toEqual(["header", "sku", "sku"]);
  });

  test("combine --out rep.csv writes CSV", async () => {
    const partial = join(dir, "whole.ndjson");
    await runInvkpi(["analyze", ledger, ...PERIOD, "--partial", "--out", partial]);
    const out = join(dir, "combined.csv");
    const run = await runInvkpi(["combine", partial, "--out", out, "-q"]);
    expect(run.code).toBe(0);
    const whole = await runInvkpi(["analyze", ledger, ...PERIOD, "--format", "csv", "-q"]);
    expect(await readFile(out, "utf8")).toBe(whole.stdout);
  });
});

describe("--bom: a byte order mark before CSV output, for Excel (found by an audit)", () => {
  test("analyze --format csv --bom starts with U+FEFF, then the header; without --bom, none", async () => {
    const run = await runInvkpi(["analyze", ledger, ...PERIOD, "--format", "csv", "--bom", "-q"]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("\uFEFFsku,")).toBe(true);
    const plain = await runInvkpi(["analyze", ledger, ...PERIOD, "--format", "csv", "-q"]);
    expect(plain.stdout.startsWith("sku,")).toBe(true);
    expect(run.stdout.slice(1)).toBe(plain.stdout);
  });

  test("analyze --out rep.csv --bom writes the mark into the file", async () => {
    const out = join(dir, "bom.csv");
    const run = await runInvkpi(["analyze", ledger, ...PERIOD, "--out", out, "--bom", "-q"]);
    expect(run.code).toBe(0);
    expect((await readFile(out))[0]).toBe(0xef);
    expect((await readFile(out, "utf8")).startsWith("\uFEFFsku,")).toBe(true);
  });

  test.each([
    ["the table", [] as string[]],
    ["json", ["--format", "json"]],
  ])("analyze --bom with %s: usage error", async (_, args) => {
    const run = await runInvkpi(["analyze", ledger, ...PERIOD, ...args, "--bom"]);
    expectRefused(run, /^invkpi analyze: --bom applies to CSV output/);
  });

  test("analyze --partial --bom: usage error that points to combine", async () => {
    const run = await runInvkpi(["analyze", ledger, ...PERIOD, "--partial", "--bom"]);
    expectRefused(run, /^invkpi analyze: --partial writes NDJSON records, which take no --bom/);
  });

  test("combine --format csv --bom", async () => {
    const partial = join(dir, "bom.ndjson");
    expect(
      (await runInvkpi(["analyze", ledger, ...PERIOD, "--partial", "--out", partial])).code,
    ).toBe(0);
    const run = await runInvkpi(["combine", partial, "--format", "csv", "--bom", "-q"]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("\uFEFFsku,")).toBe(true);
    expectRefused(await runInvkpi(["combine", partial, "--bom"]), /--bom applies to CSV output/);
  });
});
