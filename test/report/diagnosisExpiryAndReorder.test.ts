import { describe, expect, it } from "vitest";
import { portfolioSection } from "../../src/cli/portfolioSection.js";
import type { Movement } from "../../src/model/Movement.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { renderHtmlReport } from "../../src/report/html/renderHtmlReport.js";
import { EXPIRY_LOTS } from "../support/expiryLots.js";

// The expired and expiring shares and the count of rows with a reorder point are figures of the
// report, not of each output: the terminal summary and the HTML page worked them out each on their
// own before, the summary over Σ closing value (negative balances included) while the slow share
// beside it is over the value on hand.

const JANUARY = { from: "2025-01-01", to: "2025-01-31" } as const;

/**
 * EXPIRY_LOTS (SKU M: 20.00 expired, 10.00 expiring, 30.00 on hand) and SKU N, oversold: 5 × 1.00
 * received, 8 issued, a balance of −3 at the last cost (−3.00). Σ closing value = 27.00; the value
 * on hand (the rows with stock) = 30.00.
 */
const LEDGER: readonly Movement[] = [
  ...EXPIRY_LOTS,
  { sku: "N", date: "2025-01-05", type: "receipt", quantity: 5, unitCost: 1 },
  { sku: "N", date: "2025-01-06", type: "issue", quantity: 8 },
];

describe("diagnosis: expired and expiring stock", () => {
  const report = analyzeLedger(LEDGER, { period: JANUARY });

  it("shares the value on hand, as the slow share does (hand computation: 20 / 30, 10 / 30)", () => {
    expect(report.diagnosis.inventoryValue.toFixed(2)).toBe("27.00");
    expect(report.diagnosis.expiredValue.toFixed(2)).toBe("20.00");
    expect(report.diagnosis.expiringValue.toFixed(2)).toBe("10.00");
    expect(report.diagnosis.expiredShare).toBeCloseTo(20 / 30, 15);
    expect(report.diagnosis.expiringShare).toBeCloseTo(10 / 30, 15);
    expect(report.diagnosis.expiredValue.eq(report.totals.expiredValue)).toBe(true);
  });

  it("the summary and the page print the report's shares", () => {
    const line = portfolioSection(report)
      .split("\n")
      .find((l) => l.trimStart().startsWith("expired"));
    expect(line).toMatch(/20\.00 \(66\.7 % of inventory value\).* 10\.00 \(33\.3 %\)$/);
    expect(renderHtmlReport(report)).toContain("66.7 % of the stock value");
  });

  it("is null, with the slow share's reason, when nothing is on hand", () => {
    const sold = analyzeLedger(
      [
        { sku: "N", date: "2025-01-05", type: "receipt", quantity: 5, unitCost: 1 },
        { sku: "N", date: "2025-01-06", type: "issue", quantity: 5 },
      ],
      { period: JANUARY },
    );
    expect(sold.diagnosis.expiredShare).toBeNull();
    expect(sold.diagnosis.expiringShare).toBeNull();
    expect(sold.diagnosis.reasons.expiredShare).toBe("no_inventory_value");
    expect(sold.diagnosis.reasons.expiringShare).toBe(sold.diagnosis.reasons.slowShare);
  });
});

describe("reorderPointCount: the rows a reorder count is out of", () => {
  // Two SKUs with a lead time (a reorder point), one at or below it; one without (no lead time).
  const ledger: Movement[] = [
    { sku: "A", date: "2025-01-01", type: "receipt", quantity: 100, unitCost: 1 },
    { sku: "A", date: "2025-01-10", type: "issue", quantity: 95 },
    { sku: "B", date: "2025-01-01", type: "receipt", quantity: 100, unitCost: 1 },
    { sku: "B", date: "2025-01-10", type: "issue", quantity: 1 },
    { sku: "C", date: "2025-01-01", type: "receipt", quantity: 100, unitCost: 1 },
    { sku: "C", date: "2025-01-10", type: "issue", quantity: 1 },
  ];
  const skuInfo = [
    { sku: "A", category: "x", leadTimeDays: 7 },
    { sku: "B", category: "x", leadTimeDays: 7 },
    { sku: "C", category: "y" },
  ];
  const report = analyzeLedger(ledger, { period: JANUARY, skuInfo, groupBy: ["category"] });

  it("counts the rows with a reorder point, in the totals, the diagnosis and each group", () => {
    // A: 5 on hand against a reorder point of 96/31 · 7 ≈ 21.7: reorder. B: 99 against ≈ 0.23.
    expect(report.rows.map((r) => [r.sku, r.reorderPoint !== null, r.reorderNow])).toEqual([
      ["A", true, true],
      ["B", true, false],
      ["C", false, null],
    ]);
    expect([report.diagnosis.reorderCount, report.diagnosis.reorderPointCount]).toEqual([1, 2]);
    expect(report.totals.reorderPointCount).toBe(2);
    const groups = report.groups.category?.map((g) => [g.key, g.reorderCount, g.reorderPointCount]);
    expect(groups).toEqual([
      ["x", 1, 2],
      ["y", 0, 0],
    ]);
  });
});
