import { describe, expect, test } from "vitest";
import { Decimal } from "../../../src/model/Decimal.js";
import { formatMoney } from "../../../src/report/html/formatFigures.js";
import { SORT_SCRIPT } from "../../../src/report/html/sortScript.js";
import {
  agingColumns,
  analyzeLedger,
  escapeHtml,
  type InventoryReport,
  renderHtmlReport,
} from "../../../src/report/index.js";
import { codeOf, Q1_2024, WORKED_LEDGER, WORKED_SKU_INFO } from "../fixtures.js";
import { HOSTILE_SKUS, HOSTILE_TEXTS, hostileReport } from "./htmlFixtures.js";

const SECTIONS = [
  "headline",
  "pareto",
  "abc-xyz",
  "aging",
  "turnover",
  "monthly",
  "stale",
  "reorder",
];

function workedReport(options: Partial<Parameters<typeof analyzeLedger>[1]> = {}): InventoryReport {
  return analyzeLedger(WORKED_LEDGER, {
    period: Q1_2024,
    skuInfo: WORKED_SKU_INFO,
    groupBy: ["category", "month"],
    industry: "wholesale",
    ...options,
  });
}

/** The markup of one section of the page. */
function sectionOf(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}"`);
  if (start < 0) throw new Error(`no section ${id}`);
  return page.slice(start, page.indexOf("</section>", start));
}

describe("renderHtmlReport: the page", () => {
  const page = renderHtmlReport(workedReport(), {
    title: "Q1 review",
    subtitle: "Hardware & paint",
  });

  test("is one HTML5 document with the sections in reading order", () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith("</html>")).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain("<title>Q1 review</title>");
    expect(page).toContain('<p class="subtitle">Hardware &amp; paint</p>');
    const positions = SECTIONS.map((id) => page.indexOf(`<section id="${id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test("is self-contained: nothing is loaded from anywhere, the one script is the sort script", () => {
    expect(page).not.toMatch(/\ssrc=/i);
    expect(page).not.toMatch(/https?:\/\//i);
    expect(page).not.toMatch(/url\(|@import|rel="stylesheet"/i);
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(["data:,"]);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([SORT_SCRIPT]);
    expect(page).toContain("Content-Security-Policy");
  });

  test("writes no NaN, Infinity or undefined anywhere", () => {
    expect(page).not.toMatch(/NaN|Infinity|undefined/);
  });

  test("headline figures are the diagnosis's", () => {
    const report = workedReport();
    const headline = sectionOf(page, "headline");
    expect(headline).toContain(formatMoney(report.diagnosis.inventoryValue));
    expect(headline).toContain("normal for wholesale and distribution: 8–15");
    expect(headline).toContain(`<span class="badge ${report.diagnosis.status}">`);
    // Days of inventory against the band: 365 / 15 ≈ 24 to 365 / 8 ≈ 46 days.
    expect(headline).toContain("24–46 days");
    const stale = report.diagnosis.slowValue
      .plus(report.diagnosis.deadValue)
      .plus(report.diagnosis.neverMovedValue);
    expect(headline).toContain(formatMoney(stale));
  });

  test("the aging bars are the rows' aging value columns summed", () => {
    const report = workedReport();
    const aging = sectionOf(page, "aging");
    for (const column of agingColumns(report.options.agingBuckets)) {
      const sum = report.rows.reduce(
        (s, r) => s.plus(r[column.value] ?? Number.NaN),
        new Decimal(0),
      );
      expect(aging).toContain(`${column.label} days: `);
      expect(aging).toContain(`${formatMoney(sum)} (`);
    }
  });

  test("tables are sortable: a header per column, number cells carry their raw value", () => {
    const stale = sectionOf(page, "stale");
    expect(stale).toContain('<table class="sortable">');
    expect(stale).toMatch(/<th scope="col" class="number" data-kind="number" tabindex="0"/);
    expect(stale).toMatch(/<td class="number" data-sort="\d+(\.\d+)?">/);
  });
});

describe("renderHtmlReport: sections without data say so", () => {
  test("no month grouping: a note instead of the monthly chart; no grouping: a note for turnover", () => {
    const page = renderHtmlReport(workedReport({ groupBy: [] }));
    expect(sectionOf(page, "monthly")).toContain("The report has no month grouping");
    expect(sectionOf(page, "monthly")).not.toContain("<svg");
    expect(sectionOf(page, "turnover")).toContain("no category or location grouping");
  });

  test("by location when there is no category grouping", () => {
    const page = renderHtmlReport(workedReport({ groupBy: ["location"] }));
    expect(sectionOf(page, "turnover")).toContain("<h2>Turnover by location</h2>");
    expect(sectionOf(page, "turnover")).toContain(">W1<");
  });

  test("no industry: no band, and the reason", () => {
    const report = analyzeLedger(WORKED_LEDGER, {
      period: Q1_2024,
      skuInfo: WORKED_SKU_INFO,
      groupBy: ["category"],
    });
    const page = renderHtmlReport(report);
    expect(page).not.toContain('class="band"');
    expect(sectionOf(page, "turnover")).toContain(
      "No industry band: no industry or range was given",
    );
  });

  test("no lead times: the reorder section says how to get reorder points", () => {
    const report = analyzeLedger(WORKED_LEDGER, { period: Q1_2024 });
    const page = renderHtmlReport(report);
    expect(sectionOf(page, "reorder")).toContain("No SKU has a reorder point");
    expect(page).not.toMatch(/NaN|Infinity|undefined/);
  });

  test("an empty ledger gives a page of notes, without NaN", () => {
    const report = analyzeLedger([], { period: Q1_2024, groupBy: ["category", "month"] });
    const page = renderHtmlReport(report);
    expect(sectionOf(page, "pareto")).toContain("No SKU has an ABC class");
    expect(sectionOf(page, "aging")).toContain("Nothing is on hand");
    expect(sectionOf(page, "stale")).toContain("No slow or dead stock");
    expect(page).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe("renderHtmlReport: long lists show their top rows and count the rest", () => {
  test("staleRows and reorderRows cut the tables", () => {
    const report = hostileReport();
    const stale = report.rows
      .filter((r) => ["slow", "dead", "never-moved"].includes(r.movementStatus))
      .sort((a, b) => b.closingValue.comparedTo(a.closingValue));
    expect(stale).toHaveLength(2);
    const page = renderHtmlReport(report, { staleRows: 1 });
    const section = sectionOf(page, "stale");
    expect(section.match(/<tr>/g)).toHaveLength(2); // the header and one row
    expect(section).toContain(
      `… and 1 more holding ${formatMoney(stale[1]?.closingValue ?? null)}; 2 in all`,
    );
  });
});

describe("renderHtmlReport: text from the data is escaped everywhere", () => {
  const page = renderHtmlReport(hostileReport(), { title: `<i>"report"</i> & 'more'` });

  test("SKU codes, descriptions, categories and locations show as text", () => {
    const texts = [...Object.values(HOSTILE_SKUS), ...Object.values(HOSTILE_TEXTS)];
    for (const text of texts) {
      if (/[<>"'&]/.test(text)) expect(page).not.toContain(text);
    }
    expect(page).toContain(escapeHtml(HOSTILE_SKUS.img));
    expect(page).toContain(escapeHtml(HOSTILE_SKUS.quotes));
    expect(page).toContain(HOSTILE_SKUS.chinese);
    expect(page).toContain(escapeHtml(HOSTILE_TEXTS.category));
    expect(page).toContain(
      "<title>&lt;i&gt;&quot;report&quot;&lt;/i&gt; &amp; &#39;more&#39;</title>",
    );
  });

  test("no tag, attribute or script comes from the data", () => {
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toMatch(/<img|<b[\s>]|<svg onload/);
    // The handlers show as text (their quotes escaped), never as attributes.
    expect(page).not.toMatch(/onerror="|onload="|onmouseover="|onclick='/);
    expect(page).toContain("onerror=&quot;window.__pwned=1&quot;");
    // Every attribute value is quoted and closed where it should be: no quote from the data.
    const body = page.slice(page.indexOf("<body>"), page.indexOf("<script>"));
    expect(body).not.toMatch(/="[^"]*"[^\s>/]/);
  });
});

describe("renderHtmlReport: options", () => {
  const report = workedReport();

  test("checks its options", () => {
    expect(codeOf(() => renderHtmlReport(report, { staleRows: -1 }))).toBe("out_of_range");
    expect(codeOf(() => renderHtmlReport(report, { reorderRows: 2.5 }))).toBe("out_of_range");
    expect(codeOf(() => renderHtmlReport(report, { curvePoints: 10 }))).toBe("out_of_range");
    expect(codeOf(() => renderHtmlReport(report, { groupRows: 0 }))).toBe("out_of_range");
    expect(codeOf(() => renderHtmlReport(report, { staleRows: Number.NaN }))).toBe(
      "invalid_argument",
    );
    // @ts-expect-error: a title must be text
    expect(codeOf(() => renderHtmlReport(report, { title: 5 }))).toBe("invalid_argument");
    // @ts-expect-error: options must be an object
    expect(codeOf(() => renderHtmlReport(report, null))).toBe("invalid_argument");
  });

  test("the currency label goes with money headings; zero rows are allowed", () => {
    const page = renderHtmlReport(report, { currency: "EUR", staleRows: 0 });
    expect(page).toContain("Inventory value (EUR)");
    expect(sectionOf(page, "stale")).not.toContain("<tbody><tr>");
  });

  test("the same report gives the same page", () => {
    expect(renderHtmlReport(report)).toBe(renderHtmlReport(report));
  });
});

describe("renderHtmlReport: texts follow the report's options (found by an audit)", () => {
  test("the ABC-XYZ legend names the report's XYZ labels and cutoffs", () => {
    const grid = sectionOf(
      renderHtmlReport(
        workedReport({ xyz: { cutoffs: [0.25, 0.5, 1], labels: ["S", "M", "L", "XL"] } }),
      ),
      "abc-xyz",
    );
    expect(grid).toContain(
      "S up to a coefficient of variation of 0.25, M up to 0.5, L up to 1, XL above 1; none: no demand",
    );
    expect(grid).not.toContain("X up to");
    const defaults = sectionOf(renderHtmlReport(workedReport()), "abc-xyz");
    expect(defaults).toContain("X up to a coefficient of variation of 0.5, Y up to 1, Z above 1;");
  });

  test("the turnover intro says what the turnover divides on the report's basis", () => {
    const introOf = (basis: "cost" | "units" | "retail") =>
      sectionOf(renderHtmlReport(workedReport({ turnoverBasis: basis })), "turnover");
    expect(introOf("cost")).toContain(
      "Annualized turnover (COGS over the average inventory at cost, ",
    );
    const units = introOf("units");
    expect(units).toContain(
      "Annualized turnover (units issued net of returns over the average units on hand, ",
    );
    expect(units).not.toContain("COGS over");
    expect(introOf("retail")).toContain(
      "Annualized turnover (revenue over the average inventory at retail prices, ",
    );
  });

  test("the ABC section says why rows have no class: unknown revenue or margin, zero measure", () => {
    // GLUE and PAINT issued nothing in the period: zero margin, left out by 'exclude'. A SKU with
    // an issue without a price has an unknown margin.
    const report = analyzeLedger(
      [
        ...WORKED_LEDGER,
        { sku: "ZINC", date: "2024-01-02", type: "receipt", quantity: 10, unitCost: 1 },
        { sku: "ZINC", date: "2024-01-03", type: "issue", quantity: 2 },
      ],
      { period: Q1_2024, abc: { measure: "margin", zeroValues: "exclude" } },
    );
    const pareto = sectionOf(renderHtmlReport(report), "pareto");
    expect(pareto).toContain(
      `3 rows without an ABC class: 2 with zero gross margin, left out by ${escapeHtml("abc.zeroValues 'exclude'")}; 1 whose gross margin is unknown because issues lack a price.`,
    );
  });
});
