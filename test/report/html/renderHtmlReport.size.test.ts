import { expect, test } from "vitest";
import { renderHtmlReport } from "../../../src/report/index.js";
import { syntheticReport } from "./htmlFixtures.js";

test("a 100 000-row report renders to a page of well under 5 MB", () => {
  const report = syntheticReport(100_000, 2_000);
  const page = renderHtmlReport(report);
  const bytes = new TextEncoder().encode(page).length;
  expect(bytes).toBeLessThan(5 * 1024 * 1024);
  // Charts aggregate: the Pareto curve is thinned to at most 500 points.
  const d = /<path class="curve" d="([^"]+)"/.exec(page)?.[1] ?? "";
  const points = d.match(/[ML]/g) ?? [];
  expect(points.length).toBeGreaterThan(100);
  expect(points.length).toBeLessThanOrEqual(500);
  expect(d.endsWith("L650 28")).toBe(true); // (100 %, 100 %)
  // Long lists: 20 slow and dead rows of 50,000, 50 reorder rows of 14,286, 30 groups of 2,000.
  const section = (id: string) =>
    page.slice(page.indexOf(`<section id="${id}"`)).split("</section>")[0] ?? "";
  expect(section("stale").match(/<tr>/g)).toHaveLength(21);
  expect(section("stale")).toContain("… and 49,980 more holding");
  expect(section("reorder").match(/<tr>/g)).toHaveLength(51);
  expect(section("reorder")).toContain("… and 14,236 more; 14,286 SKUs to reorder in all.");
  expect(section("turnover")).toContain("… and 1,970 more category groups");
  expect(page).not.toMatch(/NaN|Infinity|undefined/);
});
