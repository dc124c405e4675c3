import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
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

  test("--write and --write-skus save the sample; analyze gives the same figures from the files", async () => {
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

    const [demo, analyzed] = await Promise.all([
      runInvkpi(["demo"]),
      runInvkpi([
        "analyze",
        ledger,
        "--skus",
        skus,
        "--industry",
        "wholesale",
        "--group-by",
        "category",
        "-q",
      ]),
    ]);
    expect(analyzed.code).toBe(0);
    // The default period of analyze is the ledger's first and last dates: the same year.
    const portfolio = (text: string): string =>
      text.slice(text.indexOf("\nPortfolio"), text.indexOf("\nSlow and dead stock"));
    expect(portfolio(analyzed.stdout)).toBe(portfolio(demo.stdout ?? ""));
  });
});
