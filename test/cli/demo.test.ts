import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { demoLedger } from "../../src/cli/demoLedger.js";
import { demoReport } from "../../src/cli/demoReport.js";
import { lines, runInvkpi, scratchDir } from "./runInvkpi.js";

// `invkpi demo` end to end: the bundled sample year, summarised; and saved for `invkpi analyze`.

describe("invkpi demo", () => {
  test("prints the summary a person wants first", async () => {
    const run = await runInvkpi(["demo"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = run.stdout;
    expect(out).toMatch(
      /^invkpi demo: a sample year of an industrial wholesaler, 2025-01-01 to 2025-12-31/,
    );
    // The sections, in the order a person reads them.
    const order = [
      "Portfolio",
      "By category",
      "ABC-XYZ matrix",
      "Slow and dead stock by value",
      "Reorder now",
      "Try it yourself",
    ].map((title) => out.indexOf(`\n${title}`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out).toMatch(/turnover +\d+\.\d\d a year\n/);
    expect(out).toMatch(/days of inventory +\d+\.\d days\n/);
    expect(out).toMatch(
      /industry benchmark +(BELOW|WITHIN|ABOVE) the normal 8–15 turns a year \(wholesale\)/,
    );
    expect(out).toMatch(/dead stock \(no issue in 180\+ days\) +[\d,]+\.\d\d \(/);
    // Five categories, with Chinese names, and the ABC rows of the matrix.
    for (const category of [
      "紧固件 Fasteners",
      "轴承 Bearings",
      "Electrical",
      "Packaging",
      "Garden (seasonal)",
    ]) {
      expect(out).toContain(`  ${category} `);
    }
    expect(out).toMatch(/^ {2}A {2}/m);
    // Reorder points exist (the sample's SKUs have lead times), so the list is not the "none" hint.
    const reorder = out.slice(out.indexOf("\nReorder now"));
    expect(reorder).not.toContain("no reorder points");
    expect(reorder).toMatch(/\n {2}[A-Z]{3}-\d{3} /);
  });

  test("is the same on every run", async () => {
    const [first, second] = await Promise.all([runInvkpi(["demo"]), runInvkpi(["demo"])]);
    expect(first?.stdout).toBe(second?.stdout);
  });

  test("--write and --write-skus save the sample; analyze gives the same report from the files", async () => {
    const dir = await scratchDir();
    const ledger = join(dir, "demo-ledger.csv");
    const skus = join(dir, "demo-skus.csv");
    const write = await runInvkpi(["demo", "--write", ledger, "--write-skus", skus]);
    expect(write.code).toBe(0);
    expect(write.stdout).toBe("");
    expect(write.stderr).toMatch(/^wrote [\d,]+ movements to .*demo-ledger\.csv$/m);
    expect(write.stderr).toMatch(/^wrote 200 SKUs to .*demo-skus\.csv$/m);
    const [header] = lines(await readFile(ledger, "utf8"));
    expect(header).toBe("sku,date,type,quantity,unitCost,unitPrice,location,lot,expiresOn");
    // Every field of the sample's SKU master is written (reviewPeriodDays was once left out).
    const demo = demoLedger();
    const fields = new Set(demo.skuInfo.flatMap((info) => Object.keys(info)));
    const [skuHeader] = lines(await readFile(skus, "utf8"));
    expect(skuHeader?.split(",").sort()).toEqual([...fields].sort());
    expect(skuHeader).toContain("reviewPeriodDays");

    const analyze = ["analyze", ledger, "--skus", skus, "--industry", "wholesale"];
    const [printed, analyzed, rows] = await Promise.all([
      runInvkpi(["demo"]),
      runInvkpi([...analyze, "--group-by", "category", "--top", "10", "-q"]),
      runInvkpi([...analyze, "--format", "ndjson", "-q"]),
    ]);
    expect(analyzed.code).toBe(0);
    // The default period of analyze is the ledger's first and last dates: the same year. Every
    // section the demo prints is the same: portfolio, categories, ABC-XYZ, slow and dead stock,
    // and the reorder list with its suggested orders.
    const sections = (text: string, end: string): string =>
      text.slice(text.indexOf("\nPortfolio"), text.indexOf(end));
    const fromFiles = sections(analyzed.stdout, "\nSKUs by value at the end");
    expect(fromFiles).toBe(sections(printed.stdout, "\nTry it yourself"));
    expect(fromFiles).toMatch(/\nReorder now [^\n]*\n[^\n]*order\n/);
    // Every SKU's suggested order and reorder point, not only the ten listed.
    const figures = (r: { sku: string; suggestedOrder: unknown; reorderPoint: unknown }): string =>
      `${r.sku} ${String(r.suggestedOrder)} ${String(r.reorderPoint)}`;
    const suggested = lines(rows.stdout).map((line) => figures(JSON.parse(line)));
    const report = demoReport(["category"], demo);
    expect(report.rows.some((r) => (r.suggestedOrder ?? 0) > 0)).toBe(true);
    expect(suggested).toEqual(report.rows.map(figures));
  });
});
