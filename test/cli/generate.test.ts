import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readLedger } from "../../src/io/index.js";
import { cliBundle, lines, runInvkpi, scratchDir } from "./runInvkpi.js";

// `invkpi generate` end to end: a synthetic ledger as CSV, streamed.

describe("invkpi generate", () => {
  test("writes a valid CSV ledger with the movements asked for", async () => {
    const run = await runInvkpi([
      "generate",
      "--skus",
      "50",
      "--days",
      "30",
      "--movements",
      "2000",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const csv = lines(run.stdout);
    expect(csv[0]).toBe("sku,date,type,quantity,unitCost,unitPrice");
    expect(csv).toHaveLength(2001);
    const dir = await scratchDir();
    const file = join(dir, "generated.csv");
    await writeFile(file, run.stdout);
    const { issues, columns } = await readLedger(file);
    expect(issues).toEqual([]);
    expect(columns.length).toBe(2000);
    expect(columns.skus.length).toBe(50);
    // 30 days from the default start.
    expect(csv[1]).toMatch(/^SKU-000000,2025-01-01,receipt,/);
    expect(csv.at(-1)).toMatch(/,2025-01-(2\d|30),/);
  });

  test("--ids adds a first id column, MV and the row number, to the same movements", async () => {
    const args = ["generate", "--skus", "5", "--days", "10", "--movements", "30"];
    const [plain, withIds] = await Promise.all([runInvkpi(args), runInvkpi([...args, "--ids"])]);
    const rows = lines(withIds?.stdout ?? "");
    expect(rows[0]).toBe("id,sku,date,type,quantity,unitCost,unitPrice");
    expect(rows[1]).toMatch(/^MV000000001,SKU-/);
    expect(rows[30]).toMatch(/^MV000000030,/);
    // Without the ids, the very same lines.
    expect(rows.slice(1).map((line) => line.slice("MV000000001,".length))).toEqual(
      lines(plain?.stdout ?? "").slice(1),
    );
    const dir = await scratchDir();
    const file = join(dir, "ids.csv");
    await writeFile(file, withIds?.stdout ?? "");
    const { issues, columns } = await readLedger(file);
    expect(issues).toEqual([]);
    expect(columns.length).toBe(30);
  });

  test("--movements as many as --skus gives every SKU its receipt; fewer is refused", async () => {
    const run = await runInvkpi(["generate", "--skus", "10", "--days", "30", "--movements", "10"]);
    expect(run.code).toBe(0);
    const skus = new Set(
      lines(run.stdout)
        .slice(1)
        .map((line) => line.split(",")[0]),
    );
    expect(skus.size).toBe(10);
    const fewer = await runInvkpi(["generate", "--skus", "10", "--days", "30", "--movements", "3"]);
    expect(fewer.code).toBe(2);
    expect(fewer.stdout).toBe("");
    expect(fewer.stderr).toMatch(/--movements 3 is fewer than --skus 10/);
  });

  test("the same seed gives the same file; another seed another", async () => {
    const args = ["generate", "--skus", "20", "--days", "10", "--seed", "7"];
    const [a, b, c] = await Promise.all([
      runInvkpi(args),
      runInvkpi(args),
      runInvkpi(["generate", "--skus", "20", "--days", "10", "--seed", "8"]),
    ]);
    expect(a?.stdout).toBe(b?.stdout);
    expect(a?.stdout).not.toBe(c?.stdout);
  });

  test("the last day may be 9999-12-31, the last a ledger can have (one more is a usage error)", async () => {
    const args = ["--skus", "2", "--days", "10", "--movements", "40", "--start", "9999-12-22"];
    const run = await runInvkpi(["generate", ...args]);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).slice(1)).toEqual(
      Array.from({ length: 40 }, () => expect.stringMatching(/^SKU-00000\d,9999-12-(2\d|3[01]),/)),
    );
    expect((await runInvkpi(["validate", "-"], { input: run.stdout })).code).toBe(0);
  });

  test("--out writes the file; --start moves the dates; the default is skus × days / 5 movements", async () => {
    const dir = await scratchDir();
    const out = join(dir, "g.csv");
    const run = await runInvkpi([
      "generate",
      "--skus",
      "10",
      "--days",
      "100",
      "--start",
      "2024-07-01",
      "--out",
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`wrote 200 movements to ${out}\n`);
    const csv = lines(await readFile(out, "utf8"));
    expect(csv).toHaveLength(201);
    expect(csv[1]).toMatch(/^SKU-000000,2024-07-01,/);
  });

  test("a reader that stops early (| head) ends the command quietly", async () => {
    const child = spawn(process.execPath, [
      cliBundle(),
      "generate",
      "--skus",
      "1000",
      "--days",
      "365",
      "--movements",
      "2000000",
    ]);
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    // Read the first chunk, then close the pipe, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(stderr).toBe("");
  });
});
