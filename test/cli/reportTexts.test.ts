import { describe, expect, it } from "vitest";
import { abcXyzSection } from "../../src/cli/abcXyzSection.js";
import { portfolioSection } from "../../src/cli/portfolioSection.js";
import { periodHeading } from "../../src/cli/reportNotes.js";
import { reorderSection } from "../../src/cli/stockListSections.js";
import type { Movement } from "../../src/model/Movement.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";

// What the terminal summary says about figures it cannot show: rows left out of the ABC-XYZ
// matrix, orders it cannot size; and its counts in the singular when there is one.

// One day, 2025-02-10: P3 is received and sold that day (demand in a single week: no deviation,
// so no XYZ class, reason too_few_periods); Q is received and never sold (XYZ class none).
const oneDay: Movement[] = [
  { sku: "P3", date: "2025-02-10", type: "receipt", quantity: 20, unitCost: "1.50" },
  { sku: "P3", date: "2025-02-10", type: "issue", quantity: 20 },
  { sku: "Q", date: "2025-02-10", type: "receipt", quantity: 5, unitCost: "4" },
];
const oneDayReport = analyzeLedger(oneDay, { period: { from: "2025-02-10", to: "2025-02-10" } });

describe("the ABC-XYZ matrix on the terminal", () => {
  it("says how many SKUs are not in the matrix, and why", () => {
    const section = abcXyzSection(oneDayReport);
    // The matrix counts Q only.
    expect(section).toMatch(/\n {2}total +· +· +· +1 \(.*\) +1 \(.*\)\n/);
    expect(section).toMatch(
      /\n {2}1 SKU is not in the matrix: it has no XYZ class \(.*\) \[too_few_periods\]\n$/,
    );
  });

  it("adds no note when every SKU is in the matrix", () => {
    const all = analyzeLedger(oneDay.slice(2), {
      period: { from: "2025-02-10", to: "2025-02-10" },
    });
    expect(abcXyzSection(all)).not.toContain("not in the matrix");
  });
});

describe("reorder now on the terminal", () => {
  // Only the fields the section reads: due rows whose order cannot be sized.
  const due = (sku: string, suggestedOrder: number | null) => ({
    sku,
    description: null,
    reorderNow: true,
    reorderPoint: 10,
    inventoryPosition: 2,
    abcClass: "A",
    xyzClass: "X",
    safetyStock: 1,
    leadTimeDays: 7,
    suggestedOrder,
    reasons: suggestedOrder === null ? { suggestedOrder: "no_order_quantity" } : {},
  });
  const reportOf = (rows: unknown[]) =>
    ({ rows, options: { byLocation: false } }) as unknown as Parameters<typeof reorderSection>[0];

  it("says what is missing for an order it cannot size", () => {
    const section = reorderSection(reportOf([due("A", null), due("B", null), due("C", 5)]), 10);
    expect(section).toMatch(
      /\n {2}– order: 2 SKUs have no order quantity \[no_order_quantity\]: give reviewPeriodDays, or orderCost and holdingRate, in the --skus file\n$/,
    );
  });

  it("counts the SKUs without an order beyond --top too, in the singular for one", () => {
    const section = reorderSection(reportOf([due("A", 5), due("B", null)]), 1);
    expect(section).toContain("– order: 1 SKU has no order quantity [no_order_quantity]");
  });

  it("adds no note when every order is sized", () => {
    expect(reorderSection(reportOf([due("A", 5)]), 10)).not.toContain("no_order_quantity");
  });
});

describe("counts in the singular and with thousands separators", () => {
  it("a one-day period is '(1 day)', its turnover 'in the 1 day'", () => {
    expect(periodHeading(oneDayReport)).toBe(
      "2025-02-10 to 2025-02-10 (1 day), valuation moving-average",
    );
    expect(portfolioSection(oneDayReport)).toMatch(
      /turnover +[\d.,]+ a year \([\d.]+ in the 1 day\)\n/,
    );
  });

  it("a long period's days have thousands separators", () => {
    const report = analyzeLedger(oneDay, { period: { from: "2023-01-01", to: "2025-12-31" } });
    expect(periodHeading(report)).toBe(
      "2023-01-01 to 2025-12-31 (1,096 days), valuation moving-average",
    );
  });

  it("one issue without a price is '1 issue line'", () => {
    // P3's issue has no unitPrice: the gross margin is undefined.
    expect(portfolioSection(oneDayReport)).toMatch(
      /gross margin +– \(1 issue line without a unitPrice\)\n/,
    );
  });
});
