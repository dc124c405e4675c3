import { describe, expect, it } from "vitest";
import { groupSections } from "../../src/cli/groupSections.js";
import { portfolioSection } from "../../src/cli/portfolioSection.js";
import { reorderSection } from "../../src/cli/stockListSections.js";
import type { Movement } from "../../src/model/Movement.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { EXPIRY_LOTS } from "../support/expiryLots.js";

// What an analyst's audit of the terminal summary found: figures rounded onto the bound of a range
// their verdict says they are outside, unknowns shown as 0, labels that say less (or other) than
// the figure counts, and expired stock shown nowhere.

const YEAR = { from: "2025-01-01", to: "2025-12-31" } as const;

/** A line of a section, by its label at the start (after the indent). */
function lineOf(section: string, label: string): string {
  const line = section.split("\n").find((l) => l.trimStart().startsWith(label));
  if (line === undefined) throw new Error(`no line '${label}' in\n${section}`);
  return line;
}

/** The value cells of a group table's row, split on runs of two or more spaces. */
function cellsOf(section: string, key: string): string[] {
  const line = section.split("\n").find((l) => l.trimStart().startsWith(`${key} `));
  if (line === undefined) throw new Error(`no row '${key}' in\n${section}`);
  return line.trim().split(/\s{2,}/);
}

describe("a figure next to a range never looks inside it when the verdict says outside", () => {
  // Turnover 7.996 a year: COGS 7,996 over an average stock of 1,000 (1,000 held all year, 7,996
  // received and issued on the last day). Wholesale's normal range is 8–15: below it.
  const ledger: Movement[] = [
    { sku: "T", date: "2025-01-01", type: "receipt", quantity: 1000, unitCost: 1 },
    { sku: "T", date: "2025-12-31", type: "receipt", quantity: 7996, unitCost: 1 },
    { sku: "T", date: "2025-12-31", type: "issue", quantity: 7996, unitPrice: 2 },
  ];
  const report = analyzeLedger(ledger, { period: YEAR, industry: "wholesale" });

  it("shows 7.996, not 8, next to BELOW the normal 8–15", () => {
    expect(report.diagnosis.status).toBe("below");
    const section = portfolioSection(report);
    expect(lineOf(section, "industry benchmark")).toContain("BELOW the normal 8–15");
    expect(lineOf(section, "turnover")).toMatch(/ 7\.996 a year$/);
  });

  it("keeps two decimals for a figure clear of the bounds", () => {
    // Half as much received and issued at the end: turnover 3.998, far below 8: printed as ever,
    // to two places.
    const half = ledger.map((m, i) => (i === 0 ? m : { ...m, quantity: 3998 }));
    const clear = analyzeLedger(half, { period: YEAR, industry: "wholesale" });
    expect(lineOf(portfolioSection(clear), "turnover")).toMatch(/ 4 a year$/);
  });

  it("over a shorter period, the annual figure takes the digits, the period's stays", () => {
    // O holds 1,000.00 all the 14 days; P receives 306.69 worth and issues it on the last day:
    // turnover 0.30669 in the 14 days, 7.99586 a year (× 365 / 14), below 8.
    const short = analyzeLedger(
      [
        { sku: "O", date: "2025-12-01", type: "receipt", quantity: 1000, unitCost: 1 },
        { sku: "P", date: "2025-12-31", type: "receipt", quantity: 30669, unitCost: "0.01" },
        { sku: "P", date: "2025-12-31", type: "issue", quantity: 30669, unitPrice: 1 },
      ],
      { period: { from: "2025-12-18", to: "2025-12-31" }, industry: "wholesale" },
    );
    expect(short.diagnosis.status).toBe("below");
    expect(lineOf(portfolioSection(short), "turnover")).toMatch(
      / 7\.996 a year \(0\.31 in the 14 days\)$/,
    );
  });
});

// A0 is received and never issued (no demand); B1 sells weekly and has no lead time.
const twoSkus: Movement[] = [
  { sku: "A0", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
  { sku: "B1", date: "2025-01-02", type: "receipt", quantity: 100, unitCost: 1 },
  ...[8, 15, 22, 29].map(
    (day, i): Movement => ({
      sku: "B1",
      date: `2025-01-${String(day).padStart(2, "0")}`,
      type: "issue",
      quantity: 4 + i,
      unitPrice: 2,
    }),
  ),
];
const JANUARY = { from: "2025-01-01", to: "2025-01-31" } as const;
const skuInfo = [
  { sku: "A0", category: "bolts" },
  { sku: "B1", category: "bolts" },
];

describe("an unknown is not shown as 0", () => {
  it("the group tables' reorder column is – when no row of the group has a reorder point", () => {
    const report = analyzeLedger(twoSkus, { period: JANUARY, skuInfo, groupBy: ["category"] });
    expect(lineOf(portfolioSection(report), "to reorder now")).toMatch(/to reorder now +– \(/);
    const cells = cellsOf(groupSections(report), "bolts");
    expect(cells.at(-1)).toBe("–");
  });

  it("and 0 when reorder points exist and none is reached", () => {
    const report = analyzeLedger(twoSkus, {
      period: JANUARY,
      skuInfo,
      groupBy: ["category"],
      replenishment: { leadTimeDays: 1 },
    });
    expect(report.rows.find((r) => r.sku === "B1")?.reorderPoint).not.toBeNull();
    expect(report.diagnosis.reorderCount).toBe(0);
    expect(cellsOf(groupSections(report), "bolts").at(-1)).toBe("0");
  });

  it("the terminal says why no SKU has a reorder point, counting every reason", () => {
    // With a lead time for all, A0 still has none: it has no demand; no lead times are not the cause.
    const report = analyzeLedger(twoSkus.slice(0, 1), {
      period: JANUARY,
      replenishment: { leadTimeDays: 7 },
    });
    const line = lineOf(portfolioSection(report), "to reorder now");
    expect(line).not.toContain("no lead times");
    expect(line).toContain("no demand for 1 SKU");
    expect(reorderSection(report, 10)).toContain("no demand for 1 SKU");
  });
});

describe("labels say what the figure counts", () => {
  it("slow stock is the days from slowDays up to deadDays, dead from deadDays", () => {
    const report = analyzeLedger(twoSkus, { period: JANUARY, slowDays: 60, deadDays: 120 });
    const section = portfolioSection(report);
    expect(section).toContain("slow stock (no issue in 60–119 days)");
    expect(section).toContain("dead stock (no issue in 120+ days)");
  });

  it("GMROI over a period that is not a year says its period", () => {
    const report = analyzeLedger(twoSkus, { period: { from: "2025-01-16", to: "2025-01-29" } });
    expect(lineOf(portfolioSection(report), "gross margin")).toMatch(
      /, GMROI [\d.]+ in the 14 days$/,
    );
  });

  it("a year's GMROI is printed as before", () => {
    const report = analyzeLedger(twoSkus, { period: YEAR });
    expect(lineOf(portfolioSection(report), "gross margin")).toMatch(/, GMROI [\d.]+$/);
  });

  it("by location, counts of rows are SKU-locations", () => {
    const located = twoSkus.map((m) => ({ ...m, location: "W1" }));
    const report = analyzeLedger(located, {
      period: JANUARY,
      groupBy: ["location"],
      replenishment: { leadTimeDays: 7 },
    });
    const section = portfolioSection(report);
    expect(lineOf(section, "never moved")).toContain("1 SKU-location)");
    expect(lineOf(section, "to reorder now")).toMatch(/ of 1 SKU-location with a reorder point$/);
    const groups = groupSections(report);
    expect(groups).toMatch(/\n {2}location +SKU-locations /);
    expect(groups).not.toMatch(/ SKUs /);
  });
});

describe("expired and expiring stock", () => {
  // Lot L1 (10 × 2.00) expired on 2025-01-20, lot L2 (5 × 2.00) expires on 2025-02-10, ten days
  // after the period end: 20.00 expired and 10.00 expiring of 30.00 on hand.
  const lots = EXPIRY_LOTS;

  it("the summary shows them with their share of the inventory value", () => {
    const report = analyzeLedger(lots, { period: JANUARY });
    const line = lineOf(portfolioSection(report), "expired");
    expect(line).toMatch(
      /expired +20\.00 \(66\.7 % of inventory value\); expiring within 30 days 10\.00 \(33\.3 %\)$/,
    );
  });

  it("uses nearExpiryDays", () => {
    const report = analyzeLedger(lots, { period: JANUARY, nearExpiryDays: 7 });
    expect(lineOf(portfolioSection(report), "expired")).toContain("expiring within 7 days 0.00");
  });

  it("says nothing of expiry when nothing has expired or expires soon", () => {
    const report = analyzeLedger(twoSkus, { period: JANUARY });
    expect(portfolioSection(report)).not.toContain("expir");
  });
});
