import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { renderHtmlReport } from "../../src/report/index.js";
import { FIXTURES } from "../cli/cliPaths.js";
import { runInvkpi } from "../cli/runInvkpi.js";
import { HOSTILE_SKUS, hostileReport } from "../report/html/htmlFixtures.js";

// The HTML report end to end: written by the `invkpi` binary (and by renderHtmlReport for an
// injection fixture), opened in headless Chromium (Debian's `chromium` package; `.ci/run` installs
// it where missing). Files and the screenshot go to test-output/ (gitignored).

const CHROMIUM = "/usr/bin/chromium";
const OUTPUT = fileURLToPath(new URL("../../test-output/e2e/", import.meta.url));
const SCREENSHOT = fileURLToPath(new URL("../../test-output/html-report.png", import.meta.url));
const DEMO_PAGE = `${OUTPUT}demo-report.html`;
const INJECTION_PAGE = `${OUTPUT}injection-report.html`;

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the HTML report's browser test needs Debian's chromium ` +
        "(apt-get install -y chromium; .ci/run installs it)",
    );
  }
  await mkdir(OUTPUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** A page opened from a file, with every console error and uncaught exception collected. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  // Any request but the file itself would break "self-contained": record it as an error.
  page.on("request", (request) => {
    if (request.url() !== pathToFileURL(path).href) errors.push(`request: ${request.url()}`);
  });
  await page.goto(pathToFileURL(path).href, { waitUntil: "load" });
  return { page, errors };
}

/** The bounding box of every chart of the page. */
function chartBoxes(page: Page): Promise<{ width: number; height: number }[]> {
  return page.$$eval("svg.chart", (svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      return { width: box.width, height: box.height };
    }),
  );
}

describe("the HTML report in a browser", () => {
  test("invkpi demo --html: every chart is drawn, no console error, sorting works", async () => {
    const run = await runInvkpi(["demo", "--html", DEMO_PAGE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`wrote the HTML report to ${DEMO_PAGE}`);
    const { page, errors } = await open(DEMO_PAGE);
    // Pareto curve, stock by age, turnover by category, monthly value and COGS.
    const boxes = await chartBoxes(page);
    expect(boxes).toHaveLength(4);
    for (const box of boxes) {
      expect(box.width).toBeGreaterThan(100);
      expect(box.height).toBeGreaterThan(100);
    }
    expect(await page.locator("#monthly .note").count()).toBe(0);

    // The sort script runs (the Content-Security-Policy allows it by its hash): a click on the
    // value header of the slow and dead table sorts ascending, a second click descending.
    const values = () =>
      page.$$eval("#stale table", ([table]) => {
        const heads = [...(table?.querySelectorAll("th") ?? [])].map((th) => th.textContent ?? "");
        const column = heads.findIndex((text) => text.startsWith("value"));
        return [...(table?.querySelectorAll("tbody tr") ?? [])].map((row) =>
          Number(row.children[column]?.getAttribute("data-sort")),
        );
      });
    const header = page.locator("#stale th", { hasText: /^value/ });
    const before = await values();
    expect(before).toEqual([...before].sort((a, b) => b - a));
    await header.click();
    expect(await values()).toEqual([...before].sort((a, b) => a - b));
    await header.click();
    expect(await values()).toEqual(before);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    // Printed: the charts still have their size.
    await page.emulateMedia({ media: "print" });
    for (const box of await chartBoxes(page)) expect(box.width * box.height).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test("a report whose SKU names are markup runs none of it", async () => {
    await writeFile(INJECTION_PAGE, renderHtmlReport(hostileReport()), "utf8");
    const { page, errors } = await open(INJECTION_PAGE);
    expect(
      await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(1);
    // The names show as text.
    const text = await page.locator("body").innerText();
    expect(text).toContain(HOSTILE_SKUS.img);
    expect(text).toContain(HOSTILE_SKUS.script);
    expect(text).toContain(HOSTILE_SKUS.quotes);
    expect(text).toContain(HOSTILE_SKUS.chinese);
    for (const box of await chartBoxes(page)) {
      expect(box.width).toBeGreaterThan(0);
      expect(box.height).toBeGreaterThan(0);
    }
    // Hover and click what the data tried to make active: still nothing runs.
    await page.locator("#stale tbody tr").first().hover();
    await page.locator("#stale tbody td").first().click();
    expect(
      await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test("invkpi analyze --format html writes the page to stdout without --out", async () => {
    const run = await runInvkpi([
      "analyze",
      `${FIXTURES}/ledger.csv`,
      "--skus",
      `${FIXTURES}/skus.csv`,
      "--format",
      "html",
      "--group-by",
      "category,month",
      "-q",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(run.stdout).toContain("紧固件 Fasteners");
    const path = `${OUTPUT}analyze-report.html`;
    await writeFile(path, run.stdout, "utf8");
    const { page, errors } = await open(path);
    expect(await page.locator("h1").innerText()).toBe("Inventory report");
    expect(errors).toEqual([]);
    await page.close();
    expect((await readFile(path, "utf8")).length).toBe(run.stdout.length);
  }, 60_000);
});
