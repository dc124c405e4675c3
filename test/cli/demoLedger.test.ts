import { describe, expect, test } from "vitest";
import { DEMO_LOCATIONS } from "../../src/cli/demoCatalogue.js";
import { demoLedger } from "../../src/cli/demoLedger.js";
import { validateLedger } from "../../src/ledger/index.js";
import { analyzeLedger } from "../../src/report/index.js";

// The sample year of `invkpi demo`: realistic enough that every part of the summary has something
// to show, valid, and the same on every run.

const demo = demoLedger();
const report = analyzeLedger(demo.movements, {
  period: demo.period,
  skuInfo: demo.skuInfo,
  industry: "wholesale",
  byLocation: false,
});

describe("demoLedger", () => {
  test("is deterministic", () => {
    expect(demoLedger()).toEqual(demo);
    expect(demoLedger(7).movements).not.toEqual(demo.movements);
  });

  test("a year of about 200 SKUs in five categories at two warehouses", () => {
    expect(demo.period).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(demo.skuInfo).toHaveLength(200);
    expect(new Set(demo.skuInfo.map((s) => s.category))).toEqual(
      new Set([
        "紧固件 Fasteners",
        "轴承 Bearings",
        "Electrical",
        "Packaging",
        "Garden (seasonal)",
      ]),
    );
    expect(new Set(demo.movements.map((m) => m.location))).toEqual(new Set(DEMO_LOCATIONS));
    expect(new Set(demo.skuInfo.map((s) => s.description)).size).toBe(200);
    expect(
      demo.skuInfo.filter((s) => /\p{Script=Han}/u.test(s.description ?? "")).length,
    ).toBeGreaterThan(20);
    const dates = demo.movements.map((m) => m.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]).toBe("2025-01-01");
    expect(dates.at(-1)).toBe("2025-12-31");
  });

  test("every kind of movement, all valid, and no sale below zero", () => {
    expect(new Set(demo.movements.map((m) => m.type))).toEqual(
      new Set(["receipt", "issue", "return", "adjustment", "transfer"]),
    );
    expect(validateLedger(demo.movements).issues).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(demo.movements.some((m) => m.lot !== undefined && m.expiresOn !== undefined)).toBe(true);
    expect(demo.movements.some((m) => !Number.isInteger(m.quantity))).toBe(true); // cable by the metre
  });

  test("best sellers, slow, dead and never-moved stock, and SKUs to reorder", () => {
    const statuses = new Set(report.rows.map((r) => r.movementStatus));
    for (const status of ["active", "slow", "dead", "never-moved"])
      expect(statuses).toContain(status);
    expect(report.rows.filter((r) => r.abcClass === "A").length).toBeGreaterThan(10);
    expect(report.rows.filter((r) => r.reorderPoint !== null).length).toBeGreaterThan(150);
    expect(report.diagnosis.reorderCount).toBeGreaterThan(0);
    expect(report.diagnosis.reorderCount).toBeLessThan(100);
    expect(report.diagnosis.status).not.toBeNull();
  });

  test("garden items sell in summer, not in winter", () => {
    const garden = new Set(
      demo.skuInfo.filter((s) => s.category === "Garden (seasonal)").map((s) => s.sku),
    );
    const issued = (month: string): number =>
      demo.movements
        .filter((m) => m.type === "issue" && garden.has(m.sku) && m.date.startsWith(month))
        .reduce((sum, m) => sum + m.quantity, 0);
    expect(issued("2025-06")).toBeGreaterThan(20 * Math.max(1, issued("2025-01")));
  });
});
