import { describe, expect, test } from "vitest";
import type { Movement } from "../../../src/model/Movement.js";
import { analyzeLedger, renderHtmlReport } from "../../../src/report/index.js";
import { EXPIRY_LOTS } from "../../support/expiryLots.js";

// What an analyst's audit of the HTML report found: figures rounded onto the bound of a range
// their verdict says they are outside, a cause of missing reorder points read from the first row
// only, unknowns shown as 0, labels that say less (or other) than the figure counts, and expired
// stock shown nowhere.

const YEAR = { from: "2025-01-01", to: "2025-12-31" } as const;
const JANUARY = { from: "2025-01-01", to: "2025-01-31" } as const;

/** The markup of one section of the page. */
function sectionOf(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}"`);
  if (start < 0) throw new Error(`no section ${id}`);
  return page.slice(start, page.indexOf("</section>", start));
}

/** The text of a headline card, by its title (the start of its heading), tags removed. */
function cardOf(page: string, title: string): string {
  const cards = sectionOf(page, "headline").split('<div class="card">').slice(1);
  const card = cards.find((c) => c.startsWith(`<h3>${title}`));
  if (card === undefined) throw new Error(`no card '${title}'`);
  return textOf(card);
}

/** Markup as text: tags become ` | `, entities of quotes are read back. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, " | ")
    .replace(/&#39;/g, "'")
    .replace(/(\s*\|\s*)+/g, " | ")
    .replace(/^ \| | \| $/g, "");
}

describe("a figure next to a range never looks inside it when the verdict says outside", () => {
  // Turnover 7.996 a year (COGS 7,996 over an average stock of 1,000), below wholesale's 8–15;
  // days of inventory 365 / 7.996 = 45.648, above the normal 365 / 15 to 365 / 8 = 45.625 days.
  const ledger: Movement[] = [
    { sku: "T", date: "2025-01-01", type: "receipt", quantity: 1000, unitCost: 1 },
    { sku: "T", date: "2025-12-31", type: "receipt", quantity: 7996, unitCost: 1 },
    { sku: "T", date: "2025-12-31", type: "issue", quantity: 7996, unitPrice: 2 },
  ];
  const report = analyzeLedger(ledger, {
    period: YEAR,
    industry: "wholesale",
    skuInfo: [{ sku: "T", category: "tools" }],
    groupBy: ["category"],
  });
  const page = renderHtmlReport(report);

  test("the turnover card shows 7.996 next to 'below the range'", () => {
    const card = cardOf(page, "Inventory turnover a year");
    expect(card).toContain("| 7.996 × |");
    expect(card).toContain("| 7.996 over the 365 days of the period |");
    expect(card).toContain("normal for wholesale and distribution: 8–15 | below the range");
  });

  test("the days card shows the days and the band's end apart", () => {
    const card = cardOf(page, "Days of inventory");
    const figure = /\| ([\d.]+) days \|/.exec(card)?.[1];
    const most = /normal for wholesale and distribution: ([\d.]+)–([\d.]+) days/.exec(card)?.[2];
    expect(figure).toBe("45.65");
    expect(most).toBe("45.62");
    expect(Number(figure)).toBeGreaterThan(Number(most));
  });

  test("the category's bar and row show 7.996 against the band", () => {
    const turnover = sectionOf(page, "turnover");
    expect(turnover).toContain(">7.996</text>");
    expect(turnover).not.toMatch(/>8<\/text>/);
    expect(textOf(turnover)).toMatch(/\| tools \| 1 \| [\d,.]+ \| [\d,.]+ \| 7\.996 \|/);
  });

  test("a figure clear of the bounds keeps its two decimals", () => {
    const clear = analyzeLedger(
      ledger.map((m, i) => (i === 0 ? m : { ...m, quantity: 3998 })),
      { period: YEAR, industry: "wholesale" },
    );
    const card = cardOf(renderHtmlReport(clear), "Inventory turnover a year");
    expect(card).toContain("| 4 × |");
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

describe("no reorder point: the causes over all rows", () => {
  test("counts each reason, not the first row's alone", () => {
    const report = analyzeLedger(twoSkus, { period: JANUARY });
    expect(report.rows.map((r) => r.reasons.reorderPoint)).toEqual([
      "no_demand_history",
      "no_lead_time",
    ]);
    const note = textOf(sectionOf(renderHtmlReport(report), "reorder"));
    expect(note).toContain("no lead time for 1 SKU");
    expect(note).toContain("no demand for 1 SKU");
  });

  test("does not ask for lead times when every SKU has one", () => {
    const report = analyzeLedger(twoSkus.slice(0, 1), {
      period: JANUARY,
      replenishment: { leadTimeDays: 7 },
    });
    const note = textOf(sectionOf(renderHtmlReport(report), "reorder"));
    expect(note).toContain("no demand for 1 SKU");
    expect(note).not.toContain("Give lead times");
  });
});

describe("an unknown is not shown as 0", () => {
  test("SKUs to reorder now is – without any reorder point", () => {
    const report = analyzeLedger(twoSkus, { period: JANUARY });
    expect(cardOf(renderHtmlReport(report), "SKUs to reorder now")).toMatch(
      /^SKUs to reorder now \| – \|/,
    );
  });

  test("and 0 when reorder points exist and none is reached", () => {
    const report = analyzeLedger(twoSkus, {
      period: JANUARY,
      replenishment: { leadTimeDays: 1 },
    });
    expect(report.diagnosis.reorderCount).toBe(0);
    expect(cardOf(renderHtmlReport(report), "SKUs to reorder now")).toMatch(
      /^SKUs to reorder now \| 0 \|/,
    );
  });
});

describe("labels say what the figure counts", () => {
  const report = analyzeLedger(twoSkus, {
    period: JANUARY,
    skuInfo: [{ sku: "A0", category: "bolts" }],
    groupBy: ["category"],
  });
  const page = renderHtmlReport(report);

  test("the stale capital card and column include never-moved stock, and say so", () => {
    expect(report.diagnosis.neverMovedValue.toNumber()).toBe(20);
    expect(cardOf(page, "Capital in slow, dead and never-moved stock")).toContain("20.00");
    const turnover = sectionOf(page, "turnover");
    expect(turnover).not.toContain("slow + dead share");
    expect(turnover).toContain("slow, dead and never-moved share");
    expect(sectionOf(page, "stale")).not.toContain("share of slow + dead");
  });

  test("slow is the days from slowDays up to deadDays", () => {
    expect(cardOf(page, "Capital in slow")).toContain(
      "no issue for 90–179 days is slow, 180+ dead",
    );
    const custom = analyzeLedger(twoSkus, { period: JANUARY, slowDays: 30, deadDays: 31 });
    expect(cardOf(renderHtmlReport(custom), "Capital in slow")).toContain(
      "no issue for 30 days is slow, 31+ dead",
    );
  });

  test("by location, counts of rows are SKU-locations", () => {
    const located = analyzeLedger(
      twoSkus.map((m) => ({ ...m, location: "W1" })),
      { period: JANUARY, groupBy: ["location"], replenishment: { leadTimeDays: 1 } },
    );
    const locatedPage = renderHtmlReport(located);
    expect(cardOf(locatedPage, "SKU-locations to reorder now")).toContain(
      "of 1 SKU-location with a reorder point",
    );
    const turnover = sectionOf(locatedPage, "turnover");
    expect(turnover).toContain(">SKU-locations<");
    expect(turnover).not.toContain(">SKUs<");
  });
});

describe("expired and expiring stock", () => {
  // Lot L1 (10 × 2.00) expired on 2025-01-20, lot L2 (5 × 2.00) expires on 2025-02-10: 20.00
  // expired and 10.00 expiring within 30 days of 30.00 on hand.
  const lots = EXPIRY_LOTS;

  test("a card shows them with their share of the stock value", () => {
    const card = cardOf(renderHtmlReport(analyzeLedger(lots, { period: JANUARY })), "Expired");
    expect(card).toContain("| 20.00 |");
    expect(card).toContain("66.7 % of the stock value");
    expect(card).toContain("expiring within 30 days of 2025-01-31: 10.00 (33.3 %)");
  });

  test("no card when nothing has expired or expires soon", () => {
    const page = renderHtmlReport(analyzeLedger(twoSkus, { period: JANUARY }));
    expect(textOf(sectionOf(page, "headline"))).not.toMatch(/expir/i);
  });
});
