import { describe, expect, it } from "vitest";
import { diagnoseTurnover } from "../../src/benchmark/index.js";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import type { AnalyzeLedgerOptions } from "../../src/report/AnalyzeLedgerOptions.js";
import {
  analyzeLedger,
  analyzeLedgerStream,
  combinePartials,
  type InventoryReport,
  toPartialRecords,
} from "../../src/report/index.js";
import {
  codeOf,
  errorOf,
  nullFieldsAndReasons,
  Q1_2024,
  rowOf,
  WORKED_LEDGER,
  WORKED_SKU_INFO,
} from "./fixtures.js";

// Hand computation of the worked ledger (test/report/fixtures.ts), Q1 2024 = 91 days, moving average:
//
// BOLT  end-of-day units: 100 on Jan 1–10 (10 days), 70 on Jan 11–Feb 9 (30), 50 on Feb 10–29 (20),
//       100 on Mar 1–31 (31) (the W1 → W2 transfer changes nothing per SKU).
//       Value: 200 · 10 + 140 · 30 + 100 · 20 + 230 · 31 = 15 330 → average 15 330 / 91.
//       COGS 30 · 2 + 20 · 2 = 100; closing 50 @ 2 + 50 @ 2.60 = 230; revenue 50 · 3 = 150.
// NUT   units 0 on Jan 1–4 (4), 200 on Jan 5–14 (10), 150 on Jan 15–Feb 14 (31), 100 on
//       Feb 15–Mar 14 (29), 50 on Mar 15–31 (17); at 0.50: 1000 + 2325 + 1450 + 425 = 5200 → 5200 / 91.
//       COGS 150 · 0.5 = 75; closing 50 units, 25.00.
// PAINT 40 @ 10 all period: average 400, COGS 0, never issued.
// GLUE  15 @ 5 all period: average 75, COGS 0, last issue 2023-11-15: 137 days before Mar 31.
//
// Portfolio: Σ COGS = 175; Σ average = (15 330 + 5 200) / 91 + 475 = 63 755 / 91;
// turnover = 175 · 91 / 63 755 = 15 925 / 63 755 ≈ 0.2498, while the mean of the per-SKU turnovers,
// (9100 / 15 330 + 1.3125 + 0 + 0) / 4 ≈ 0.4765, would be twice as high.
const report = analyzeLedger(WORKED_LEDGER, {
  period: Q1_2024,
  skuInfo: WORKED_SKU_INFO,
  groupBy: ["category", "month"],
  industry: "manufacturing",
});

describe("analyzeLedger: the worked ledger by hand", () => {
  it("values BOLT at moving average and turns it over COGS / average value", () => {
    const bolt = rowOf(report.rows, "BOLT");
    expect(bolt.closingQuantity).toBe(100);
    expect(bolt.closingValue.toFixed(2)).toBe("230.00");
    expect(bolt.cogs.toFixed(2)).toBe("100.00");
    expect(bolt.revenue.toFixed(2)).toBe("150.00");
    expect(bolt.grossMargin?.toFixed(2)).toBe("50.00");
    expect(bolt.averageValue.toNumber()).toBeCloseTo(15_330 / 91, 10);
    expect(bolt.averageQuantity).toBeCloseTo(7_200 / 91, 10);
    expect(bolt.turnover).toBeCloseTo(9_100 / 15_330, 12);
    expect(bolt.daysOfInventory).toBeCloseTo(15_330 / 100, 9);
    // GMROI = margin / average value = 50 · 91 / 15 330.
    expect(bolt.gmroi).toBeCloseTo(4_550 / 15_330, 12);
  });

  it("ages BOLT's stock by its FIFO layers: 50 units 90 days old, 50 units 30 days old", () => {
    const bolt = rowOf(report.rows, "BOLT");
    // Layers left: 50 of the Jan 1 receipt (Jan 1 → Mar 31 = 90 days: bucket 61–90, its bound
    // included) and the 50 of Mar 1 (30 days: bucket 0–30); the closing value 230 spread evenly.
    expect(bolt.age0to30Quantity).toBe(50);
    expect(bolt.age61to90Quantity).toBe(50);
    expect(bolt.age0to30Value?.toFixed(2)).toBe("115.00");
    expect(bolt.age61to90Value?.toFixed(2)).toBe("115.00");
    expect(bolt.averageAge).toBe(60);
    expect(bolt.oldestAge).toBe(90);
  });

  it("marks PAINT never moved and GLUE slow (137 days since its last issue)", () => {
    const paint = rowOf(report.rows, "PAINT");
    expect(paint.movementStatus).toBe("never-moved");
    expect(paint.lastIssueDate).toBeNull();
    expect(paint.reasons.lastIssueDate).toBe("never_issued");
    expect(paint.reasons.daysSinceLastIssue).toBe("never_issued");
    // Received 2023-09-01: 212 days old on 2024-03-31, bucket 181–365.
    expect(paint.age181to365Quantity).toBe(40);
    expect(paint.age181to365Value?.toFixed(2)).toBe("400.00");
    const glue = rowOf(report.rows, "GLUE");
    expect(glue.movementStatus).toBe("slow");
    expect(glue.daysSinceLastIssue).toBe(137);
    expect(glue.description).toBe("木工胶");
  });

  it("rolls the portfolio up as Σ COGS / Σ average inventory, never a mean of ratios", () => {
    const { turnover } = report.totals;
    expect(turnover.cogs.toFixed(2)).toBe("175.00");
    expect(turnover.averageValue.toNumber()).toBeCloseTo(63_755 / 91, 10);
    expect(turnover.turnover).toBeCloseTo(15_925 / 63_755, 12);
    const meanOfRatios =
      report.rows.reduce((sum, row) => sum + (row.turnover ?? 0), 0) / report.rows.length;
    expect(meanOfRatios).toBeCloseTo(0.4765, 3);
    expect(report.totals.skuCount).toBe(4);
    expect(report.totals.annualizedTurnover).toBeCloseTo(((15_925 / 63_755) * 365) / 91, 12);
  });

  it("rolls each category up on its own: hardware 175 · 91 / 20 530, paint 0", () => {
    const groups = report.groups.category ?? [];
    expect(groups.map((g) => [g.key, g.skuCount])).toEqual([
      ["hardware", 2],
      ["paint", 2],
    ]);
    expect(groups[0]?.turnover.turnover).toBeCloseTo((175 * 91) / 20_530, 12);
    expect(groups[1]?.turnover.turnover).toBe(0);
    expect(groups[1]?.stock.slowValue.toFixed(2)).toBe("75.00");
    expect(groups[1]?.stock.neverMovedValue.toFixed(2)).toBe("400.00");
  });

  it("rolls each month up over its own days: COGS 85, 65 and 25", () => {
    const months = report.groups.month ?? [];
    // January: BOLT 30 · 2 + NUT 50 · 0.5 = 85; February: 40 + 25 = 65; March: NUT 25.
    expect(months.map((m) => [m.month, m.from, m.to, m.periodDays, m.cogs.toFixed(2)])).toEqual([
      ["2024-01", "2024-01-01", "2024-01-31", 31, "85.00"],
      ["2024-02", "2024-02-01", "2024-02-29", 29, "65.00"],
      ["2024-03", "2024-03-01", "2024-03-31", 31, "25.00"],
    ]);
    for (const month of months) {
      expect(month.count).toBe(4);
      expect(month.turnover).toBeCloseTo(month.cogs.div(month.averageValue).toNumber(), 12);
      expect(month.annualizedTurnover).toBeCloseTo(
        ((month.turnover ?? 0) * 365) / month.periodDays,
        12,
      );
      expect(month).not.toHaveProperty("shrinkageRate");
    }
    expect(report.groups).not.toHaveProperty("location");
  });

  it("diagnoses the annualized turnover against manufacturing (6–10): below", () => {
    const { diagnosis } = report;
    const annual = ((15_925 / 63_755) * 365) / 91; // ≈ 1.0019 turns a year
    expect(diagnosis.annualizedTurnover).toBeCloseTo(annual, 12);
    expect(diagnosis.status).toBe("below");
    expect(diagnosis.benchmark).toEqual(
      diagnoseTurnover({
        turnover: diagnosis.turnover ?? 0,
        periodDays: 91,
        industry: "manufacturing",
      }),
    );
    expect(diagnosis.inventoryValue.toFixed(2)).toBe("730.00");
    expect(diagnosis.slowValue.toFixed(2)).toBe("75.00");
    expect(diagnosis.deadValue.toFixed(2)).toBe("0.00");
    expect(diagnosis.neverMovedValue.toFixed(2)).toBe("400.00");
    expect(diagnosis.slowShare).toBeCloseTo(75 / 730, 15);
    expect(diagnosis.reasons).toEqual({});
  });

  it("counts the SKUs at or below their reorder point", () => {
    // Only NUT is at its reorder point: lead time 14 days, position 50 on hand + 20 on order = 70.
    const flagged = report.rows.filter((row) => row.reorderNow === true).map((row) => row.sku);
    expect(flagged).toEqual(["NUT"]);
    expect(report.diagnosis.reorderCount).toBe(1);
    expect(report.totals.reorderCount).toBe(1);
    const nut = rowOf(report.rows, "NUT");
    expect(nut.inventoryPosition).toBe(70);
    expect(nut.reorderPoint).toBeGreaterThanOrEqual(70);
    expect(nut.suggestedOrder).toBeGreaterThan(0);
  });

  it("passes on the replay's warnings", () => {
    expect(report.warnings.map((w) => [w.code, w.count])).toEqual([["before_period", 3]]);
  });
});

describe("analyzeLedger with only { period }", () => {
  const plain = analyzeLedger(WORKED_LEDGER, { period: Q1_2024 });

  it("fills in and states every default", () => {
    expect(plain.options).toEqual({
      period: { from: "2024-01-01", to: "2024-03-31", days: 91 },
      asOf: "2024-03-31",
      valuation: "moving-average",
      averageMethod: "daily",
      turnoverBasis: "cost",
      sellThroughVariant: "opening-plus-received",
      daysPerYear: 365,
      abc: {
        measure: "cogs",
        cutoffs: [0.8, 0.95],
        labels: ["A", "B", "C"],
        zeroValues: "last-class",
        negativeValues: "zero",
      },
      xyz: { bucket: "week", cutoffs: [0.5, 1], labels: ["X", "Y", "Z"] },
      demand: { start: "first-receipt", partialBuckets: "exclude", stdDev: "sample" },
      replenishment: {
        serviceLevel: 0.95,
        leadTimeDays: null,
        leadTimeStdDevDays: null,
        reviewPeriodDays: null,
        orderCost: null,
        holdingRate: null,
        method: "auto",
        coverDays: null,
        fillRate: null,
        bucket: "day",
      },
      slowDays: 90,
      deadDays: 180,
      movementBasis: "issue",
      excessCoverDays: 180,
      agingBuckets: [30, 60, 90, 180, 365],
      nearExpiryDays: 30,
      groupBy: [],
      byLocation: false,
      industry: null,
      negativeStock: "warn",
    });
    expect(plain.period).toEqual({ from: "2024-01-01", to: "2024-03-31", days: 91 });
    expect(plain.groups).toEqual({});
  });

  it("without a lead time, leaves the replenishment figures null with 'no_lead_time'", () => {
    // BOLT and NUT have demand; nothing gives them a lead time.
    for (const sku of ["BOLT", "NUT"]) {
      const row = rowOf(plain.rows, sku);
      expect(row.demandMean).toBeGreaterThan(0);
      for (const field of [
        "leadTimeDays",
        "safetyStock",
        "reorderPoint",
        "orderUpToLevel",
        "suggestedOrder",
        "reorderNow",
      ] as const) {
        expect(row[field], `${sku}.${field}`).toBeNull();
        expect(row.reasons[field], `${sku}.${field}`).toBe("no_lead_time");
      }
    }
    expect(plain.diagnosis.reorderCount).toBe(0);
  });

  it("takes a lead time from the options when skuInfo has none", () => {
    const withLeadTime = analyzeLedger(WORKED_LEDGER, {
      period: Q1_2024,
      replenishment: { leadTimeDays: 10 },
    });
    const bolt = rowOf(withLeadTime.rows, "BOLT");
    expect(bolt.leadTimeDays).toBe(10);
    expect(bolt.reorderPoint).toBeGreaterThan(0);
    expect(bolt.reasons.reorderPoint).toBeUndefined();
  });

  it("says why the diagnosis has no status, and why the other fields are null", () => {
    expect(plain.diagnosis.status).toBeNull();
    expect(plain.diagnosis.benchmark).toBeNull();
    expect(plain.diagnosis.reasons).toEqual({ status: "no_industry", benchmark: "no_industry" });
    const paint = rowOf(plain.rows, "PAINT");
    expect(paint.category).toBeNull();
    expect(paint.reasons.category).toBe("no_category");
    expect(paint.reasons.location).toBe("not_by_location");
    expect(paint.reasons.daysOfInventory).toBe("no_sales");
    expect(paint.reasons.xyzCv).toBe("no_demand");
    expect(paint.xyzClass).toBe("none");
    for (const row of plain.rows) {
      const { nullFields, reasonFields } = nullFieldsAndReasons(row);
      expect(reasonFields).toEqual(nullFields);
    }
  });

  it("reports an empty ledger as no rows and zero totals", () => {
    const empty: InventoryReport = analyzeLedger([], { period: Q1_2024 });
    expect(empty.rows).toEqual([]);
    expect(empty.totals.skuCount).toBe(0);
    expect(empty.totals.turnover.turnover).toBeNull();
    expect(empty.diagnosis.reasons.turnover).toBe("zero_average_inventory");
    expect(empty.abcXyz.total.count).toBe(0);
  });
});

describe("analyzeLedger by location", () => {
  const byLocation = analyzeLedger(WORKED_LEDGER, {
    period: Q1_2024,
    skuInfo: WORKED_SKU_INFO,
    groupBy: ["location"],
  });

  it("turns on rows per location when grouping by location", () => {
    expect(byLocation.options.byLocation).toBe(true);
    expect(byLocation.rows.map((r) => `${r.sku}@${r.location}`)).toEqual([
      "BOLT@W1",
      "BOLT@W2",
      "GLUE@W2",
      "NUT@W1",
      "PAINT@W2",
    ]);
  });

  it("rolls each location up as the ratio of its rows' sums", () => {
    const groups = byLocation.groups.location ?? [];
    expect(groups.map((g) => [g.key, g.skuCount])).toEqual([
      ["W1", 2],
      ["W2", 3],
    ]);
    for (const group of groups) {
      const members = byLocation.rows.filter((r) => r.location === group.key);
      const cogs = members.reduce((sum, r) => sum.plus(r.cogs), new Decimal(0));
      const average = members.reduce((sum, r) => sum.plus(r.averageValue), new Decimal(0));
      expect(group.turnover.cogs.toFixed()).toBe(cogs.toFixed());
      expect(group.turnover.averageValue.toFixed()).toBe(average.toFixed());
      expect(group.turnover.turnover).toBe(cogs.div(average).toNumber());
    }
    // The locations add up to the portfolio: the transfer moved value, it did not create any.
    expect(byLocation.totals.turnover.closingValue.toFixed(2)).toBe("730.00");
  });

  it("refuses location groups without location rows", () => {
    expect(
      codeOf(() =>
        analyzeLedger(WORKED_LEDGER, { period: Q1_2024, groupBy: ["location"], byLocation: false }),
      ),
    ).toBe("invalid_option");
  });
});

describe("analyzeLedger options", () => {
  it("averages BOLT's inventory by month ends or by endpoints on request", () => {
    // BOLT (hand computation above): opening 0 units, 0.00 (received on Jan 1, inside the period);
    // month ends Jan 31: 70 units, 140.00; Feb 29: 50 units, 100.00; Mar 31: 100 units, 230.00.
    // Monthly: (0 + 140 + 100 + 230) / 4 = 117.50, units (0 + 70 + 50 + 100) / 4 = 55.
    // Endpoints: (0 + 230) / 2 = 115.00, units (0 + 100) / 2 = 50. COGS 100 in both.
    const cases = [
      { averageMethod: "monthly", value: "117.5", quantity: 55 },
      { averageMethod: "endpoints", value: "115", quantity: 50 },
    ] as const;
    for (const { averageMethod, value, quantity } of cases) {
      const bolt = rowOf(
        analyzeLedger(WORKED_LEDGER, { period: Q1_2024, averageMethod }).rows,
        "BOLT",
      );
      expect(bolt.averageValue.toFixed(), averageMethod).toBe(value);
      expect(bolt.averageQuantity, averageMethod).toBe(quantity);
      expect(bolt.turnover, averageMethod).toBe(100 / Number(value));
    }
  });

  it("compares a turnover on another basis only with a range of your own", () => {
    const units = analyzeLedger(WORKED_LEDGER, {
      period: Q1_2024,
      turnoverBasis: "units",
      industry: "retail",
    });
    expect(units.diagnosis.status).toBeNull();
    expect(units.diagnosis.reasons.status).toBe("benchmark_needs_cost_basis");
    const ranged = analyzeLedger(WORKED_LEDGER, {
      period: Q1_2024,
      turnoverBasis: "units",
      industry: { min: 1, max: 3 },
    });
    expect(ranged.diagnosis.benchmark?.range).toEqual({ min: 1, max: 3 });
    expect(ranged.options.industry).toEqual({ min: 1, max: 3 });
  });

  it("ranks ABC by the chosen measure", () => {
    // Margin: BOLT 150 − 100 = 50, NUT 150 − 75 = 75: NUT first.
    const byMargin = analyzeLedger(WORKED_LEDGER, { period: Q1_2024, abc: { measure: "margin" } });
    expect(rowOf(byMargin.rows, "NUT").abcRank).toBe(1);
    expect(rowOf(byMargin.rows, "NUT").abcValue?.toFixed()).toBe("75");
    // Movements: NUT 3 issue lines, BOLT 2.
    const byLines = analyzeLedger(WORKED_LEDGER, {
      period: Q1_2024,
      abc: { measure: "movements" },
    });
    expect(rowOf(byLines.rows, "NUT").abcValue?.toFixed()).toBe("3");
    expect(rowOf(byLines.rows, "BOLT").abcValue?.toFixed()).toBe("2");
    // Quantity: issued − returned; BOLT 50, NUT 150.
    const byUnits = analyzeLedger(WORKED_LEDGER, { period: Q1_2024, abc: { measure: "quantity" } });
    expect(rowOf(byUnits.rows, "BOLT").abcValue?.toFixed()).toBe("50");
  });

  it("leaves zero-value SKUs out of ABC on request, with a reason", () => {
    const excluded = analyzeLedger(WORKED_LEDGER, {
      period: Q1_2024,
      abc: { zeroValues: "exclude" },
    });
    const paint = rowOf(excluded.rows, "PAINT");
    expect(paint.abcClass).toBeNull();
    expect(paint.reasons.abcClass).toBe("abc_excluded");
    expect(excluded.abcXyz.unmatched.xyzOnly).toEqual(["GLUE", "PAINT"]);
  });

  it("judges status and ages on a later asOf, the stock unchanged", () => {
    // 2024-06-29 is 90 days after 2024-03-31: GLUE, last issued 2023-11-15, is 227 days idle: dead.
    const later = analyzeLedger(WORKED_LEDGER, { period: Q1_2024, asOf: "2024-06-29" });
    const glue = rowOf(later.rows, "GLUE");
    expect(glue.daysSinceLastIssue).toBe(137 + 90);
    expect(glue.movementStatus).toBe("dead");
    expect(glue.closingQuantity).toBe(15);
    expect(rowOf(later.rows, "BOLT").oldestAge).toBe(180);
    expect(later.options.asOf).toBe("2024-06-29");
  });

  it("names the aging columns after custom buckets", () => {
    const custom = analyzeLedger(WORKED_LEDGER, { period: Q1_2024, agingBuckets: [45] });
    const bolt = rowOf(custom.rows, "BOLT");
    expect(bolt.age0to45Quantity).toBe(50);
    expect(bolt.ageOver45Quantity).toBe(50);
    expect(bolt).not.toHaveProperty("age0to30Quantity");
  });

  it.each([
    [
      "a period that ends before it starts",
      { period: { from: "2024-02-01", to: "2024-01-01" } },
      "invalid_period",
    ],
    ["an impossible day", { period: { from: "2024-02-30", to: "2024-03-31" } }, "invalid_date"],
    ["asOf before the period end", { period: Q1_2024, asOf: "2024-03-01" }, "out_of_range"],
    ["an unknown valuation", { period: Q1_2024, valuation: "lifo" }, "invalid_option"],
    ["an unknown ABC measure", { period: Q1_2024, abc: { measure: "weight" } }, "invalid_option"],
    [
      "ABC cutoffs out of order",
      { period: Q1_2024, abc: { cutoffs: [0.9, 0.5] } },
      "invalid_option",
    ],
    ["an unknown XYZ bucket", { period: Q1_2024, xyz: { bucket: "year" } }, "invalid_option"],
    [
      "a service level of 1.2",
      { period: Q1_2024, replenishment: { serviceLevel: 1.2 } },
      "out_of_range",
    ],
    [
      "a negative lead time",
      { period: Q1_2024, replenishment: { leadTimeDays: -1 } },
      "out_of_range",
    ],
    ["deadDays below slowDays", { period: Q1_2024, slowDays: 90, deadDays: 30 }, "invalid_option"],
    ["an unknown grouping", { period: Q1_2024, groupBy: ["brand"] }, "invalid_option"],
    ["a grouping twice", { period: Q1_2024, groupBy: ["month", "month"] }, "invalid_option"],
    ["an unknown industry", { period: Q1_2024, industry: "mining" }, "unknown_industry"],
    [
      "a range whose max is below its min",
      { period: Q1_2024, industry: { min: 5, max: 2 } },
      "out_of_range",
    ],
    ["aging buckets not increasing", { period: Q1_2024, agingBuckets: [60, 30] }, "invalid_option"],
    ["options that are not an object", null, "invalid_argument"],
    ["abc options that are not an object", { period: Q1_2024, abc: "cogs" }, "invalid_option"],
  ])("rejects %s", (_, options, code) => {
    expect(codeOf(() => analyzeLedger(WORKED_LEDGER, options as never))).toBe(code);
  });

  it("rejects a SKU listed twice in skuInfo", () => {
    const skuInfo = [{ sku: "BOLT" }, { sku: "BOLT", category: "x" }];
    expect(codeOf(() => analyzeLedger(WORKED_LEDGER, { period: Q1_2024, skuInfo }))).toBe(
      "invalid_argument",
    );
  });

  it("names the SKU when its master data is out of range", () => {
    const skuInfo = [{ sku: "NUT", leadTimeDays: -3 }];
    try {
      analyzeLedger(WORKED_LEDGER, { period: Q1_2024, skuInfo });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvKpiError);
      expect((e as InvKpiError).code).toBe("invalid_argument");
      expect((e as InvKpiError).message).toMatch(
        /^analyzeLedger: 1 problem in 1 skuInfo entry: skuInfo\[0\] \(SKU "NUT"\): /,
      );
      expect((e as InvKpiError).issues.map((i) => [i.row, i.field, i.code])).toEqual([
        [0, "leadTimeDays", "invalid_quantity"],
      ]);
    }
  });

  it("throws invalid_ledger with every bad row", () => {
    try {
      analyzeLedger(
        [
          ...WORKED_LEDGER,
          { sku: "X", date: "2024-02-30", type: "issue", quantity: 1 },
          { sku: "", date: "2024-02-01", type: "receipt", quantity: 1, unitCost: 1 },
        ] as never,
        { period: Q1_2024 },
      );
      expect.unreachable();
    } catch (e) {
      expect((e as InvKpiError).code).toBe("invalid_ledger");
      // The error names the function the caller ran, not the validator inside it.
      expect((e as InvKpiError).message).toMatch(/^analyzeLedger: 2 problems in 2 rows/);
      expect((e as InvKpiError).issues.map((i) => [i.row, i.field])).toEqual([
        [13, "date"],
        [14, "sku"],
      ]);
    }
  });
});

describe("analyzeLedger: the JSDoc example", () => {
  it("gives the figures the example states", () => {
    const example = analyzeLedger(
      [
        { sku: "A", date: "2025-01-01", type: "receipt", quantity: 10, unitCost: 2 },
        { sku: "A", date: "2025-01-03", type: "issue", quantity: 4, unitPrice: 5 },
      ],
      { period: { from: "2025-01-01", to: "2025-01-04" } },
    );
    const [row] = example.rows;
    expect(row?.closingQuantity).toBe(6);
    expect(row?.cogs.toFixed(2)).toBe("8.00");
    expect(row?.averageValue.toFixed(2)).toBe("16.00");
    expect(row?.turnover).toBe(0.5);
    expect(row?.grossMargin?.toFixed(2)).toBe("12.00");
    expect(row?.reorderPoint).toBeNull();
    expect(row?.reasons.reorderPoint).toBe("no_lead_time");
    expect(example.diagnosis.reasons.status).toBe("no_industry");
  });
});

describe("analyzeLedger: XYZ of a SKU whose window holds a single bucket", () => {
  it("is 'none' without demand (and the SKU stays in the matrix), unclassified with demand", () => {
    // Found by an audit. Q1 2025 with the default weekly XYZ bucket: a SKU first stocked on Monday
    // 03-31, the period's last day, has a window of one ISO week, where the sample deviation is
    // undefined. B is never issued: with no demand its class is 'none' whatever the deviation (it
    // had no class, and fell out of the ABC-XYZ matrix while holding most of the stock). D sells 5
    // that day: one bucket with demand cannot say how demand varies, so D has no XYZ class.
    const ledger: Movement[] = [
      { sku: "A", date: "2025-01-01", type: "receipt", quantity: 100, unitCost: 1 },
      { sku: "A", date: "2025-02-03", type: "issue", quantity: 10 },
      { sku: "A", date: "2025-03-03", type: "issue", quantity: 20 },
      { sku: "B", date: "2025-03-31", type: "receipt", quantity: 1000, unitCost: 1 },
      { sku: "D", date: "2025-03-31", type: "receipt", quantity: 10, unitCost: 1 },
      { sku: "D", date: "2025-03-31", type: "issue", quantity: 5 },
    ];
    const single = analyzeLedger(ledger, { period: { from: "2025-01-01", to: "2025-03-31" } });
    const b = rowOf(single.rows, "B");
    expect([b.xyzClass, b.xyzCv, b.reasons.xyzCv]).toEqual(["none", null, "no_demand"]);
    const d = rowOf(single.rows, "D");
    expect([d.xyzClass, d.reasons.xyzClass]).toEqual([null, "too_few_periods"]);
    expect(single.abcXyz.unmatched.abcOnly).toEqual(["D"]);
    expect(single.abcXyz.total.count).toBe(2);
  });
});

describe("analyzeLedger: an asOf after movements that the period leaves out", () => {
  // Found by an audit. Period 2024; the ledger also holds an issue on 2025-03-01. With asOf
  // 2025-03-31 the SKU would be judged on its stock at the end of 2024 as if nothing had moved
  // since: "dead" after 424 idle days, while the ledger shows an issue 30 days before asOf.
  const ledger: Movement[] = [
    { sku: "A", date: "2024-01-01", type: "receipt", quantity: 10, unitCost: 1 },
    { sku: "A", date: "2024-02-01", type: "issue", quantity: 2 },
    { sku: "A", date: "2025-03-01", type: "issue", quantity: 3 },
    { sku: "A", date: "2025-04-02", type: "issue", quantity: 1 },
  ];
  const period = { from: "2024-01-01", to: "2024-12-31" };

  it("refuses it, naming the first movement left out", () => {
    const error = errorOf(() => analyzeLedger(ledger, { period, asOf: "2025-03-31" }));
    expect(error.code).toBe("out_of_range");
    expect(error.path).toEqual(["asOf"]);
    expect(error.message).toMatch(
      /^analyzeLedger: asOf \(2025-03-31\) .* the first dated 2025-03-01/,
    );
    expect(error.details).toMatchObject({ firstLeftOut: "2025-03-01", leftOut: 2 });
    // On the first movement left out too: that day's stock is not the period end's.
    expect(codeOf(() => analyzeLedger(ledger, { period, asOf: "2025-03-01" }))).toBe(
      "out_of_range",
    );
  });

  it("allows an asOf before the first movement left out, and says where that is", () => {
    const report = analyzeLedger(ledger, { period, asOf: "2025-02-28" });
    expect(rowOf(report.rows, "A").movementStatus).toBe("dead"); // 2024-02-01 → 2025-02-28: 393 days
    const leftOut = report.warnings.find((w) => w.code === "after_period");
    expect(leftOut).toMatchObject({ count: 2, date: "2025-03-01" });
  });
});

describe("analyzeLedger: stock that exactly covers its cover days", () => {
  it("has no excess and lasts exactly that long (found by an audit: 8e-15 excess)", () => {
    // 90 received before the period; one unit issued on each of 10 days of a 30-day period:
    // closing 80, demand 10 / 30 a day. 240 days' cover needs 240 × 10 / 30 = 80 units: no excess,
    // and 80 units last 80 × 30 / 10 = 240 days.
    const ledger: Movement[] = [
      { sku: "A", date: "2025-05-20", type: "receipt", quantity: 90, unitCost: 2 },
    ];
    for (let day = 1; day <= 10; day++)
      ledger.push({
        sku: "A",
        date: `2025-06-${String(day).padStart(2, "0")}`,
        type: "issue",
        quantity: 1,
      });
    const june = { from: "2025-06-01", to: "2025-06-30" };
    const row = rowOf(analyzeLedger(ledger, { period: june, excessCoverDays: 240 }).rows, "A");
    expect([row.excessQuantity, row.excessValue.toFixed(), row.daysOfSupply]).toEqual([
      0,
      "0",
      240,
    ]);
  });
});

describe("analyzeLedger: a turnover on a benchmark's bound (found by an audit)", () => {
  it("annualizes from COGS and average inventory with one rounding: 6 is within 6–10", () => {
    // 365 units at 1 before 2024; on 2024-06-03, 2196 received and 2196 issued: every end-of-day
    // balance of the 366 days is 365 (average value 365), COGS 2196. Turnover 2196 / 365, annualized
    // 2196 × 365 / (365 × 366) = 6: manufacturing's lower bound, within. Annualizing the turnover
    // rounded to a double gave 5.999999999999999, below.
    const ledger: Movement[] = [
      { sku: "A", date: "2023-12-31", type: "receipt", quantity: 365, unitCost: 1 },
      { sku: "A", date: "2024-06-03", type: "receipt", quantity: 2196, unitCost: 1 },
      { sku: "A", date: "2024-06-03", type: "issue", quantity: 2196 },
    ];
    const report = analyzeLedger(ledger, {
      period: { from: "2024-01-01", to: "2024-12-31" },
      industry: "manufacturing",
    });
    expect(rowOf(report.rows, "A").annualizedTurnover).toBe(6);
    expect(report.totals.annualizedTurnover).toBe(6);
    expect(report.diagnosis.annualizedTurnover).toBe(6);
    expect(report.diagnosis.status).toBe("within");
    expect(report.diagnosis.benchmark?.annualTurnover).toBe(6);
  });
});

describe("analyzeLedger: sell-through at a location supplied by transfer (found by an audit)", () => {
  // DC receives 100 and transfers all of them to STORE, which sells 80. Hand computation:
  // STORE: 80 sold / (0 opening + 0 received + 100 transferred in) = 0.8 (was null: receipts only).
  // DC: 0 sold / (0 + 100 − 100 sent on) → nothing left to sell: null, no_stock_available.
  // The company: 80 / (100 + 100 − 100) = 0.8, as the SKU's own row without locations.
  const ledger: Movement[] = [
    { sku: "A", date: "2024-01-01", type: "receipt", quantity: 100, unitCost: 1, location: "DC" },
    { sku: "A", date: "2024-02-01", type: "transfer", quantity: -100, location: "DC" },
    { sku: "A", date: "2024-02-01", type: "transfer", quantity: 100, location: "STORE" },
    { sku: "A", date: "2024-03-01", type: "issue", quantity: 80, unitPrice: 2, location: "STORE" },
  ];
  const period = { from: "2024-01-01", to: "2024-12-31" };

  it("counts the units transferred in, net of those sent on, as received", () => {
    for (const variant of ["opening-plus-received", "received"] as const) {
      const report = analyzeLedger(ledger, {
        period,
        groupBy: ["location"],
        sellThroughVariant: variant,
      });
      const row = (location: string) => report.rows.find((r) => r.location === location);
      expect(row("STORE")?.sellThrough).toBe(0.8);
      expect(row("DC")?.sellThrough).toBeNull();
      expect(row("DC")?.reasons.sellThrough).toBe("no_stock_available");
      expect(report.groups.location?.map((g) => [g.key, g.turnover.sellThrough])).toEqual([
        ["DC", null],
        ["STORE", 0.8],
      ]);
      expect(report.totals.turnover.sellThrough).toBe(0.8);
    }
    expect(analyzeLedger(ledger, { period }).rows[0]?.sellThrough).toBe(0.8);
  });
});

describe("analyzeLedger: a units-basis turnover over a whole year is its own annual figure", () => {
  it("annualizes the turnover itself, not a quotient rebuilt from rounded quantities", () => {
    // 2 units received on 2023-04-01, 3 issued on 2023-12-31 (closing −1). Monthly average:
    // (opening 0 + month ends 0, 0, 0, 2 × 8 months, −1) / 13 = 15 / 13; turnover 3 / (15 / 13) =
    // 39 / 15 = 2.6. Over 365 days with daysPerYear 365, annualizing changes nothing. Found by a
    // review: a units quotient rebuilt from the rounded average (1.1538461538461537) gave
    // 2.6000000000000005.
    const ledger: Movement[] = [
      { sku: "A", date: "2023-04-01", type: "receipt", quantity: 2, unitCost: 1 },
      { sku: "A", date: "2023-12-31", type: "issue", quantity: 3 },
    ];
    const report = analyzeLedger(ledger, {
      period: { from: "2023-01-01", to: "2023-12-31" },
      turnoverBasis: "units",
      averageMethod: "monthly",
      negativeStock: "warn",
    });
    const row = rowOf(report.rows, "A");
    expect(row.turnover).toBe(2.6);
    expect(row.annualizedTurnover).toBe(row.turnover);
    expect(report.totals.annualizedTurnover).toBe(report.totals.turnover.turnover);
  });
});

describe("analyzeLedger: ABC by revenue or margin of a SKU with issues without a price (found by an audit)", () => {
  // A sold 100 units, 1 of them at a price of 20: its revenue of 20 is only the priced line's, its
  // margin (20 − 1000 = −980) is unknown. B sold 5 at 12, all priced: revenue 60, margin 60 − 50.
  const ledger: Movement[] = [
    { sku: "A", date: "2025-01-02", type: "receipt", quantity: 100, unitCost: 10 },
    { sku: "A", date: "2025-01-05", type: "issue", quantity: 1, unitPrice: 20 },
    { sku: "A", date: "2025-01-06", type: "issue", quantity: 99 },
    { sku: "B", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 10 },
    // In the whole ISO week Jan 6–12, so that B has an XYZ class.
    { sku: "B", date: "2025-01-08", type: "issue", quantity: 5, unitPrice: 12 },
  ];
  const period = { from: "2025-01-01", to: "2025-01-31" };

  it("leaves the SKU out of the ranking, its ABC columns null with reason no_price", () => {
    for (const measure of ["margin", "revenue"] as const) {
      const report = analyzeLedger(ledger, { period, abc: { measure } });
      const a = rowOf(report.rows, "A");
      expect(a.grossMargin, measure).toBeNull();
      expect(a.reasons.grossMargin, measure).toBe("no_price");
      expect([a.abcClass, a.abcValue, a.abcRank, a.abcCumulativeShare], measure).toEqual([
        null,
        null,
        null,
        null,
      ]);
      expect(
        [a.reasons.abcClass, a.reasons.abcValue, a.reasons.abcRank, a.reasons.abcCumulativeShare],
        measure,
      ).toEqual(["no_price", "no_price", "no_price", "no_price"]);
      // B alone is ranked: first, with the whole of the measure.
      const b = rowOf(report.rows, "B");
      expect([b.abcClass, b.abcRank, b.abcCumulativeShare], measure).toEqual(["A", 1, 1]);
      expect(b.abcValue?.toFixed(), measure).toBe(measure === "margin" ? "10" : "60");
      // The matrix lists A as a row without an ABC class, like a row left out by zeroValues.
      expect(report.abcXyz.unmatched.xyzOnly, measure).toEqual(["A"]);
      expect(report.abcXyz.total.count, measure).toBe(1);
      // The partials of two shards give the same.
      const shards = ["A", "B"].map((sku) =>
        toPartialRecords(
          ledger.filter((m) => m.sku === sku),
          { period, abc: { measure } },
        ),
      );
      const combined = rowOf(combinePartials(shards).rows, "A");
      expect(combined.reasons.abcClass, measure).toBe("no_price");
    }
  });

  it("ranks the same SKU by COGS, quantity and movements, which need no price", () => {
    for (const measure of ["cogs", "quantity", "movements"] as const) {
      const a = rowOf(analyzeLedger(ledger, { period, abc: { measure } }).rows, "A");
      expect(a.abcRank, measure).toBe(1);
      expect(a.reasons.abcClass, measure).toBeUndefined();
    }
  });
});

describe("analyzeLedger: a negative ABC measure under abc.negativeValues 'error' (found by an audit)", () => {
  // Margin: WIDGET-1 sold 4 at 1 bought at 2: 4 − 8 = −4; BOLT-7 4 · 3 − 8 = 4.
  const ledger: Movement[] = [
    { sku: "WIDGET-1", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
    { sku: "WIDGET-1", date: "2025-01-03", type: "issue", quantity: 4, unitPrice: 1 },
    { sku: "BOLT-7", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
    { sku: "BOLT-7", date: "2025-01-03", type: "issue", quantity: 4, unitPrice: 3 },
  ];
  const options = {
    period: { from: "2025-01-01", to: "2025-01-31" },
    abc: { measure: "margin", negativeValues: "error" },
  } as const;

  it("names the SKU, the value and the report's option, with the row's path", () => {
    const e = errorOf(() => analyzeLedger(ledger, options));
    expect(e.code).toBe("negative_value");
    // Rows are sorted by SKU: BOLT-7 is row 0, WIDGET-1 row 1.
    expect(e.path).toEqual(["rows", 1, "abcValue"]);
    expect(e.message).toBe(
      "analyzeLedger: SKU \"WIDGET-1\": the ABC measure (margin) is negative (-4) and abc.negativeValues is 'error'; pass abc.negativeValues: 'zero' to count it as 0",
    );
    expect(e.details).toEqual({
      sku: "WIDGET-1",
      value: "-4",
      measure: "margin",
      option: "abc.negativeValues",
      count: 1,
    });
  });

  it("names the SKU and location by location, and combinePartials throws the same", () => {
    const atLocation = ledger.map((m) => ({ ...m, location: "W1" }));
    const e = errorOf(() => analyzeLedger(atLocation, { ...options, byLocation: true }));
    expect(e.message).toContain('SKU "WIDGET-1@W1": the ABC measure (margin) is negative (-4)');
    expect(e.details).toMatchObject({ sku: "WIDGET-1", location: "W1" });
    const shards = ["WIDGET-1", "BOLT-7"].map((sku) =>
      toPartialRecords(
        ledger.filter((m) => m.sku === sku),
        options,
      ),
    );
    const combined = errorOf(() => combinePartials(shards));
    expect([combined.code, combined.path]).toEqual(["negative_value", ["rows", 1, "abcValue"]]);
    expect(combined.message).toContain(
      'combinePartials: SKU "WIDGET-1": the ABC measure (margin) is negative (-4)',
    );
  });
});

describe("analyzeLedger: the industry option's type", () => {
  it("accepts the table's identifiers and ranges, and a typo is a type error (an API audit)", () => {
    const options = (industry: AnalyzeLedgerOptions["industry"]) => ({ period: Q1_2024, industry });
    expect(analyzeLedger(WORKED_LEDGER, options("wholesale")).diagnosis.benchmark?.industry).toBe(
      "wholesale",
    );
    expect(analyzeLedger(WORKED_LEDGER, options({ min: 4 })).diagnosis.benchmark?.range.min).toBe(
      4,
    );
    // @ts-expect-error: no industry of that name (the type lists the identifiers).
    expect(() => analyzeLedger(WORKED_LEDGER, options("wholsale"))).toThrow(/unknown industry/);
  });
});

describe("analyzeLedger: an industry error's path is the report's industry option", () => {
  // Found by a docs audit: the unknown industry's path was ['industry', 'industry'].
  it("names ['industry'] for an unknown identifier, ['industry', 'max'] for a bad range", () => {
    expect(
      // An untyped caller's text: a type error for a typed one.
      errorOf(() => analyzeLedger(WORKED_LEDGER, { period: Q1_2024, industry: "mining" as never })),
    ).toMatchObject({ code: "unknown_industry", path: ["industry"] });
    const range = { min: 5, max: 2 };
    expect(
      errorOf(() => analyzeLedger(WORKED_LEDGER, { period: Q1_2024, industry: range })),
    ).toMatchObject({ code: "out_of_range", path: ["industry", "max"] });
    // A misspelt key of the range is a typo, not a range without a maximum.
    expect(
      errorOf(() =>
        analyzeLedger(WORKED_LEDGER, { period: Q1_2024, industry: { min: 1, mx: 3 } as never }),
      ),
    ).toMatchObject({ code: "invalid_option", path: ["industry", "mx"] });
    const negative = { min: -1 };
    expect(
      errorOf(() => analyzeLedger(WORKED_LEDGER, { period: Q1_2024, industry: negative })).path,
    ).toEqual(["industry", "min"]);
  });
});

describe("analyzeLedger: option names it does not read are typos, not silent defaults", () => {
  // Found by a docs audit: report.md promised "a typo fails at once", but `industy` or
  // `replenishment.leadTime` left the report on its defaults without a word.
  it("names the unknown option, with the likely one, at the top and inside each group", () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ industy: "wholesale" }, "industy", "industry"],
      [{ slowDay: 3 }, "slowDay", "slowDays"],
      [{ abc: { cutoff: [0.8] } }, "abc.cutoff", "abc.cutoffs"],
      [{ replenishment: { leadTime: 7 } }, "replenishment.leadTime", "replenishment.leadTimeDays"],
      [{ demand: { partialBucket: "include" } }, "demand.partialBucket", "demand.partialBuckets"],
    ];
    for (const [typo, name, meant] of cases) {
      const error = errorOf(() =>
        analyzeLedger(WORKED_LEDGER, { period: Q1_2024, ...typo } as never),
      );
      expect(error).toMatchObject({ code: "invalid_option", path: name.split(".") });
      expect(error.message).toBe(
        `analyzeLedger: unknown option '${name}' (did you mean '${meant}'?)`,
      );
    }
    // Far from every name: no guess. A name given as undefined is no option at all.
    expect(
      errorOf(() => analyzeLedger(WORKED_LEDGER, { period: Q1_2024, zzz: 1 } as never)).message,
    ).toBe("analyzeLedger: unknown option 'zzz'");
    expect(() =>
      analyzeLedger(WORKED_LEDGER, { period: Q1_2024, industy: undefined } as never),
    ).not.toThrow();
  });

  it("points a name given at the wrong level to the level that reads it", () => {
    // Found by an audit: `replenishmentFigures` takes `partialBuckets`, but the report reads it
    // from `demand`, and `replenishment: { partialBuckets }` failed without a hint.
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { replenishment: { partialBuckets: "include" } },
        "replenishment.partialBuckets",
        "'demand.partialBuckets'",
      ],
      [{ serviceLevel: 0.95 }, "serviceLevel", "'replenishment.serviceLevel'"],
      [{ abc: { bucket: "week" } }, "abc.bucket", "'xyz.bucket' or 'replenishment.bucket'"],
      [{ demand: { slowDays: 30 } }, "demand.slowDays", "'slowDays'"],
    ];
    for (const [misplaced, name, meant] of cases) {
      const error = errorOf(() =>
        analyzeLedger(WORKED_LEDGER, { period: Q1_2024, ...misplaced } as never),
      );
      expect(error).toMatchObject({ code: "invalid_option", path: name.split(".") });
      expect(error.message).toBe(
        `analyzeLedger: unknown option '${name}' (did you mean ${meant}?)`,
      );
    }
    // A likely typo at the same level wins over an exact name elsewhere.
    expect(
      errorOf(() =>
        analyzeLedger(WORKED_LEDGER, { period: Q1_2024, xyz: { buckets: "week" } } as never),
      ).message,
    ).toBe("analyzeLedger: unknown option 'xyz.buckets' (did you mean 'xyz.bucket'?)");
  });

  it("points a stream option given in a group to the top level, in analyzeLedgerStream only", async () => {
    // Found by a second reading: the groups' hint knew the top-level names without the stream's.
    const misplaced = { period: Q1_2024, demand: { chunkRows: 1000 } } as never;
    await expect(analyzeLedgerStream(WORKED_LEDGER, misplaced)).rejects.toThrow(
      "analyzeLedgerStream: unknown option 'demand.chunkRows' (did you mean 'chunkRows'?)",
    );
    expect(errorOf(() => analyzeLedger(WORKED_LEDGER, misplaced)).message).toBe(
      "analyzeLedger: unknown option 'demand.chunkRows'",
    );
  });

  it("reads analyzeLedgerStream's own options only there", async () => {
    const streamOnly = { period: Q1_2024, mode: "batch", chunkRows: 1000 } as const;
    expect(errorOf(() => analyzeLedger(WORKED_LEDGER, streamOnly as never))).toMatchObject({
      code: "invalid_option",
      path: ["mode"],
    });
    const report = await analyzeLedgerStream(WORKED_LEDGER, streamOnly);
    expect(report.rows.length).toBe(analyzeLedger(WORKED_LEDGER, { period: Q1_2024 }).rows.length);
  });
});

describe("analyzeLedger: errors of the ABC, XYZ and aging options name the report's option", () => {
  it("puts the option's name in the path and the message", () => {
    const period = Q1_2024;
    const labels = errorOf(() =>
      analyzeLedger(WORKED_LEDGER, { period, abc: { labels: ["A", "B"] } }),
    );
    expect([labels.code, labels.path]).toEqual(["invalid_option", ["abc", "labels"]]);
    expect(labels.message).toMatch(/^analyzeLedger: abc: abcClassify: labels must be/);
    const cutoffs = errorOf(() =>
      analyzeLedger(WORKED_LEDGER, { period, xyz: { cutoffs: [1, 0.5] } }),
    );
    expect(cutoffs.path).toEqual(["xyz", "cutoffs", 1]);
    const buckets = errorOf(() => analyzeLedger(WORKED_LEDGER, { period, agingBuckets: [30, 20] }));
    expect([buckets.code, buckets.path]).toEqual(["invalid_option", ["agingBuckets", 1]]);
    expect(buckets.message).toMatch(/^analyzeLedger: agingBuckets: buckets must be/);
  });
});
