import { describe, expect, it } from "vitest";
import type { SkuHistory } from "../../src/model/SkuHistory.js";
import type { SkuInfo } from "../../src/model/SkuInfo.js";
import {
  replenishmentFigures,
  SKU_SAFETY_STOCK_METHODS,
} from "../../src/replenish/replenishmentFigures.js";
import { SAFETY_STOCK_METHODS, safetyStock } from "../../src/replenish/safetyStock.js";
import { makeHistory, noDemand } from "../support/makeHistory.js";
import { expectCode } from "./expectCode.js";

const Z95 = 1.6448536269514722; // mpmath, see normalReferences.ts

/**
 * June 2024, stock since May: net demand 10, 20 and 30 on three days, none on the other 27
 * (Σx = 60, Σx² = 1,400); 40 units on hand worth 400 at the end (unit cost 10).
 * Daily mean 2, sample σd = √((1,400 − 30 · 4) / 29) = √(1,280 / 29) = 6.64364.
 */
function june(overrides: Partial<Record<keyof SkuHistory, unknown>> = {}): SkuHistory {
  return makeHistory({
    period: { from: "2024-06-01", to: "2024-06-30", days: 30 },
    demand: {
      day: { sum: 60, sumOfSquares: 1400, max: 30, nonZeroBuckets: 3 },
      week: { sum: 60, sumOfSquares: 1400, max: 30, nonZeroBuckets: 3 },
      month: { sum: 60, sumOfSquares: 3600, max: 60, nonZeroBuckets: 1 },
    },
    firstReceiptDate: "2024-05-20",
    firstDemandDate: "2024-06-05",
    closingQuantity: 40,
    closingValue: 400,
    ...overrides,
  });
}
const SIGMA = Math.sqrt(1280 / 29);
/** Basic safety stock over a 7-day lead time at 95 %: 1.6448536 · 6.64364 · √7 = 28.912. */
const SS_7 = Z95 * SIGMA * Math.sqrt(7);

describe("replenishmentFigures", () => {
  it("computes every figure from the history and the SKU's lead time (basic method by default)", () => {
    const figures = replenishmentFigures(june(), { leadTimeDays: 7, onOrder: 20 });
    expect(figures.method).toBe("basic");
    expect(figures.demandMean).toBe(2);
    expect(figures.demandStdDev).toBeCloseTo(SIGMA, 12);
    expect(figures.safetyStock).toBeCloseTo(SS_7, 10);
    // ROP = 2 · 7 + 28.912 = 42.912.
    expect(figures.reorderPoint).toBeCloseTo(14 + SS_7, 10);
    // Position = 40 on hand + 20 on order = 60 > 42.9: a real "order nothing".
    expect(figures.inventoryPosition).toBe(60);
    expect(figures.suggestedOrder).toBe(0);
    // 40 on hand / 2 a day = 20 days.
    expect(figures.daysOfSupply).toBe(20);
    expect(figures.orderUpToLevel).toBeNull();
    expect(figures.eoq).toBeNull();
    expect(figures.reasons).toEqual({ orderUpToLevel: "no_review_period", eoq: "no_cost_data" });
  });

  it("orders up to the order-up-to level, at least the MOQ, in whole packs", () => {
    const figures = replenishmentFigures(june({ closingQuantity: 10, closingValue: 100 }), {
      leadTimeDays: 7,
      reviewPeriodDays: 14,
      minOrderQuantity: 24,
      packSize: 6,
    });
    // OUL = 2 · (14 + 7) + 28.912 = 70.912; position 10 ≤ ROP 42.9 → need 60.912 → 11 packs of 6 = 66.
    expect(figures.orderUpToLevel).toBeCloseTo(42 + SS_7, 10);
    expect(figures.suggestedOrder).toBe(66);
    expect(figures.reasons).toEqual({ eoq: "no_cost_data" });
  });

  it("uses the EOQ when there is no review period, with the closing unit cost or the standard cost", () => {
    // Triggered: position 40 ≤ ROP 42.9. D = 2 · 365 = 730/year, S = 50, H = 10 · 0.25 = 2.5:
    // EOQ = √(2 · 730 · 50 / 2.5) = √29,200 = 170.88 → packs of 10 → 180.
    const info = { leadTimeDays: 7, orderCost: 50, holdingRate: 0.25, packSize: 10 };
    const figures = replenishmentFigures(june(), info);
    expect(figures.eoq).toBeCloseTo(Math.sqrt(29200), 10);
    expect(figures.suggestedOrder).toBe(180);
    // Standard cost 8 → H = 2 → √(2 · 730 · 50 / 2) = √36,500 = 191.05.
    expect(replenishmentFigures(june(), { ...info, standardCost: "8" }).eoq).toBeCloseTo(
      Math.sqrt(36500),
      10,
    );
    // Order cost and holding rate may come from the options.
    const fromOptions = replenishmentFigures(
      june(),
      { leadTimeDays: 7 },
      { orderCost: 50, holdingRate: 0.25 },
    );
    expect(fromOptions.eoq).toBeCloseTo(Math.sqrt(29200), 10);
  });

  it("sizes a sold-out SKU's EOQ at what it paid: receipts' average cost, else COGS per unit sold", () => {
    // An audit's case: the most urgent SKU (nothing on hand) had no EOQ, its closing unit cost
    // being 0 / 0. D = 730/year, S = 50; received 100 units for 1,200 (12 a unit): H = 12 · 0.25 = 3,
    // EOQ = √(2 · 730 · 50 / 3) = √24,333.3 = 155.99.
    const info = { leadTimeDays: 7, orderCost: 50, holdingRate: 0.25 };
    const soldOut = { closingQuantity: 0, closingValue: 0 };
    const received = june({ ...soldOut, receivedQuantity: 100, receivedValue: 1200 });
    expect(replenishmentFigures(received, info).eoq).toBeCloseTo(Math.sqrt((2 * 730 * 50) / 3), 10);
    // Nothing received in the period either: COGS 600 for 60 units issued less 10 returned = 12 a
    // unit: the same EOQ.
    const sold = june({ ...soldOut, cogs: 600, issuedQuantity: 60, returnedQuantity: 10 });
    expect(replenishmentFigures(sold, info).eoq).toBeCloseTo(Math.sqrt((2 * 730 * 50) / 3), 10);
    // No cost known at all: no EOQ, and the reason says so.
    const unknown = replenishmentFigures(june(soldOut), info);
    expect([unknown.eoq, unknown.reasons.eoq]).toEqual([null, "no_cost_data"]);
    // Stock on hand worth 0 (goods received free) has its own cost, 0: the fallbacks are for a
    // SKU sold out only (a review found them applied to it).
    const free = june({
      closingQuantity: 20,
      closingValue: 0,
      receivedQuantity: 120,
      receivedValue: 1200,
    });
    const onHand = replenishmentFigures(free, info);
    expect([onHand.eoq, onHand.reasons.eoq]).toEqual([null, "no_cost_data"]);
  });

  it("says why it cannot size a triggered order", () => {
    const figures = replenishmentFigures(june(), { leadTimeDays: 7 });
    expect(figures.suggestedOrder).toBeNull();
    expect(figures.reasons.suggestedOrder).toBe("no_order_quantity");
  });

  it("switches to the lead-time-variability method when σL > 0", () => {
    const figures = replenishmentFigures(june(), { leadTimeDays: 7, leadTimeStdDevDays: 2 });
    expect(figures.method).toBe("leadTimeVariability");
    // z · √(L·σd² + d̄²·σL²) = 1.6448536 · √(7 · 1,280/29 + 4 · 4) = 1.6448536 · √324.97 = 29.652.
    expect(figures.safetyStock).toBeCloseTo(Z95 * Math.sqrt((7 * 1280) / 29 + 16), 10);
  });

  it("honours a fixed method and the SKU's own service level", () => {
    const periodic = replenishmentFigures(
      june(),
      { leadTimeDays: 7, reviewPeriodDays: 14, serviceLevel: 0.99 },
      { method: "periodic" },
    );
    // z(0.99) · σd · √(14 + 7).
    expect(periodic.safetyStock).toBeCloseTo(2.3263478740408408 * SIGMA * Math.sqrt(21), 9);
    expect(periodic.orderUpToLevel).toBeCloseTo(42 + (periodic.safetyStock ?? 0), 10);
    const cover = replenishmentFigures(
      june(),
      { leadTimeDays: 7 },
      { method: "daysOfCover", coverDays: 10 },
    );
    // 10 days of 2 a day = 20; ROP = 14 + 20 = 34.
    expect(cover.safetyStock).toBe(20);
    expect(cover.reorderPoint).toBe(34);
  });

  it("'fillRate' uses the EOQ as the order quantity", () => {
    const info = { leadTimeDays: 7, orderCost: 50, holdingRate: 0.25 };
    const figures = replenishmentFigures(june(), info, { method: "fillRate", fillRate: 0.98 });
    const expected = safetyStock({
      method: "fillRate",
      fillRate: 0.98,
      orderQuantity: Math.sqrt(29200),
      demandMean: 2,
      demandStdDev: SIGMA,
      leadTime: 7,
    });
    expect(figures.safetyStock).toBeCloseTo(expected, 9);
    const noCost = replenishmentFigures(
      june(),
      { leadTimeDays: 7 },
      { method: "fillRate", fillRate: 0.98 },
    );
    expect(noCost.safetyStock).toBeNull();
    expect(noCost.reasons.safetyStock).toBe("no_cost_data");
  });

  it("works in weekly buckets: lead time and days of supply converted", () => {
    const figures = replenishmentFigures(june(), { leadTimeDays: 7 }, { bucket: "week" });
    // June 2024 starts on a Saturday: the ISO week May 27 – June 2 is cut and left out. The 4 whole
    // weeks hold 10, 20, 30 and 0: mean 15/week, σ = √((1,400 − 4 · 225) / 3) = √(500/3);
    // L = 7/7 = 1 week.
    expect(figures.demandMean).toBe(15);
    expect(figures.safetyStock).toBeCloseTo(Z95 * Math.sqrt(500 / 3), 10);
    expect(figures.reorderPoint).toBeCloseTo(15 + Z95 * Math.sqrt(500 / 3), 10);
    // 40 / (15/7 a day) = 18.67 days.
    expect(figures.daysOfSupply).toBeCloseTo(40 / (15 / 7), 12);
    // Counting the cut week whole: 5 weeks, mean 12/week, σ = √((1,400 − 5 · 144) / 4) = √170.
    const whole = replenishmentFigures(
      june(),
      { leadTimeDays: 7 },
      { bucket: "week", partialBuckets: "include" },
    );
    expect(whole.demandMean).toBe(12);
    expect(whole.safetyStock).toBeCloseTo(Z95 * Math.sqrt(170), 10);
  });

  it("gives null figures with reasons, not zeros, for a SKU without demand", () => {
    const idle = june({
      demand: {
        day: { sum: 0, sumOfSquares: 0, max: 0, nonZeroBuckets: 0 },
        week: { sum: 0, sumOfSquares: 0, max: 0, nonZeroBuckets: 0 },
        month: { sum: 0, sumOfSquares: 0, max: 0, nonZeroBuckets: 0 },
      },
      firstDemandDate: null,
    });
    const figures = replenishmentFigures(idle, {
      leadTimeDays: 7,
      reviewPeriodDays: 14,
      orderCost: 50,
      holdingRate: 0.25,
    });
    // Demand was measured (30 days of zero), but nothing is planned from it.
    expect(figures.demandMean).toBe(0);
    expect(figures.demandStdDev).toBe(0);
    for (const field of [
      "safetyStock",
      "reorderPoint",
      "orderUpToLevel",
      "eoq",
      "suggestedOrder",
      "daysOfSupply",
    ] as const) {
      expect(figures[field], field).toBeNull();
      expect(figures.reasons[field], field).toBe("no_demand_history");
    }
    expect(figures.inventoryPosition).toBe(40);

    const neverStocked = replenishmentFigures(makeHistory(), { leadTimeDays: 7 });
    expect(neverStocked.demandMean).toBeNull();
    expect(neverStocked.reasons.demandMean).toBe("no_demand_history");
  });

  it("reports a missing lead time, and takes a default from the options", () => {
    const figures = replenishmentFigures(june(), {});
    expect(figures.safetyStock).toBeNull();
    expect(figures.reasons).toMatchObject({
      safetyStock: "no_lead_time",
      reorderPoint: "no_lead_time",
      orderUpToLevel: "no_lead_time",
      suggestedOrder: "no_lead_time",
    });
    expect(figures.daysOfSupply).toBe(20);
    expect(replenishmentFigures(june(), {}, { leadTimeDays: 7 }).safetyStock).toBeCloseTo(SS_7, 10);
  });

  it("annualizes monthly demand over 12 months, not 365 / 30.44 (found by an analyst's audit)", () => {
    // June's demand is 60 in one month: D = 60 · 12 = 720/year, S = 50, H = 10 · 0.25 = 2.5:
    // EOQ = √(2 · 720 · 50 / 2.5) = √28,800 = 169.71 (365 days / 30.436875 would take 11.99 months).
    const info = { leadTimeDays: 7, orderCost: 50, holdingRate: 0.25 };
    const monthly = replenishmentFigures(june(), info, { bucket: "month" });
    expect(monthly.demandMean).toBe(60);
    expect(monthly.eoq).toBeCloseTo(Math.sqrt(28800), 10);
    // A year of other days is still 12 months; days and weeks follow daysPerYear.
    const banking = replenishmentFigures(june(), info, { bucket: "month", daysPerYear: 360 });
    expect(banking.eoq).toBeCloseTo(Math.sqrt(28800), 10);
  });

  it("reports too few periods and a missing review period for the periodic method", () => {
    const monthly = replenishmentFigures(june(), { leadTimeDays: 7 }, { bucket: "month" });
    expect(monthly.demandMean).toBe(60);
    expect(monthly.reasons.demandStdDev).toBe("too_few_periods");
    expect(monthly.reasons.safetyStock).toBe("too_few_periods");
    const periodic = replenishmentFigures(june(), { leadTimeDays: 7 }, { method: "periodic" });
    expect(periodic.reasons.safetyStock).toBe("no_review_period");
  });

  it("says too_few_periods, not no_demand_history, when all the demand fell in buckets the window cuts (found by a review)", () => {
    // First receipt 24 June 2024, demand 8 on the 26th, period to 28 June: the window 24–28 June
    // cuts June, the one month with demand, so no whole month measures it (periods 0).
    const cutMonth = { ...noDemand, sum: 8, sumOfSquares: 64, max: 8, nonZeroBuckets: 1 };
    const lateDemand = (demand: typeof noDemand) =>
      makeHistory({
        period: { from: "2024-06-01", to: "2024-06-28", days: 28 },
        demand: {
          day: noDemand,
          week: noDemand,
          month: { ...demand, firstBucketDemand: demand.sum, lastBucketDemand: demand.sum },
        },
        firstReceiptDate: "2024-06-24",
        ...(demand.sum === 0
          ? {}
          : { firstDemandDate: "2024-06-26", lastDemandDate: "2024-06-26" }),
        closingQuantity: 12,
        closingValue: 120,
      });
    const info = { leadTimeDays: 7, reviewPeriodDays: 14, orderCost: 50, holdingRate: 0.25 };
    const figures = replenishmentFigures(lateDemand(cutMonth), info, { bucket: "month" });
    const nullable = [
      "demandMean",
      "demandStdDev",
      "safetyStock",
      "reorderPoint",
      "orderUpToLevel",
      "eoq",
      "suggestedOrder",
      "daysOfSupply",
    ] as const;
    for (const field of nullable) expect(figures[field], field).toBeNull();
    expect(figures.reasons).toEqual(
      Object.fromEntries(nullable.map((field) => [field, "too_few_periods"])),
    );
    // Counting the cut month whole, it is one bucket: a mean, but no sample deviation.
    const included = replenishmentFigures(lateDemand(cutMonth), info, {
      bucket: "month",
      partialBuckets: "include",
    });
    expect([included.demandMean, included.reasons.demandStdDev]).toEqual([8, "too_few_periods"]);
    // The same window without demand has none to plan for: no_demand_history, as before.
    const quiet = replenishmentFigures(lateDemand(noDemand), info, { bucket: "month" });
    expect(quiet.reasons.demandMean).toBe("no_demand_history");
    expect(quiet.reasons.safetyStock).toBe("no_demand_history");
  });

  it("accepts a SkuInfo row with nulls as read from a file", () => {
    const row: SkuInfo = {
      sku: "SKU-1",
      leadTimeDays: 7,
      leadTimeStdDevDays: null,
      reviewPeriodDays: null,
      serviceLevel: null,
      onOrder: 20,
      backordered: null,
    };
    expect(replenishmentFigures(june(), row).safetyStock).toBeCloseTo(SS_7, 10);
  });

  it("rejects parameters outside their domain and incomplete options", () => {
    expectCode(() => replenishmentFigures(june(), { leadTimeDays: -1 }), "out_of_range", [
      "leadTimeDays",
    ]);
    expectCode(() => replenishmentFigures(june(), { serviceLevel: 1.2 }), "out_of_range", [
      "serviceLevel",
    ]);
    expectCode(() => replenishmentFigures(june(), { packSize: 0 }), "out_of_range", ["packSize"]);
    expectCode(
      () => replenishmentFigures(june(), {}, { method: "maxMin" as "basic" }),
      "invalid_option",
      ["method"],
    );
    expectCode(
      () => replenishmentFigures(june(), {}, { method: "daysOfCover" }),
      "invalid_option",
      ["coverDays"],
    );
    expectCode(() => replenishmentFigures(june(), {}, { method: "fillRate" }), "invalid_option", [
      "fillRate",
    ]);
  });
});

describe("replenishmentFigures, error addresses (found by an audit)", () => {
  it("names standardCost when the standard cost is the bad amount", () => {
    // Before: invalid_money with path [] ("unitCost must be a finite decimal amount") for text,
    // and economicOrderQuantity's ["unitCost"] for a negative standard cost.
    const costs = { leadTimeDays: 7, orderCost: 1, holdingRate: 0.2 };
    expectCode(
      () => replenishmentFigures(june(), { ...costs, standardCost: "abc" }),
      "invalid_money",
      ["standardCost"],
    );
    expect(() => replenishmentFigures(june(), { ...costs, standardCost: "abc" })).toThrow(
      /^replenishmentFigures: standardCost must be a finite decimal amount/,
    );
    expectCode(
      () => replenishmentFigures(june(), { ...costs, standardCost: -3 }),
      "invalid_money",
      ["standardCost"],
    );
    expectCode(
      () => replenishmentFigures(june(), { ...costs, unitCost: "12,5", standardCost: 8 }),
      "invalid_money",
      ["unitCost"],
    );
    expectCode(() => replenishmentFigures(june(), { ...costs, unitCost: -1 }), "invalid_money", [
      "unitCost",
    ]);
    // A bad order cost names orderCost (before: path []).
    expectCode(
      () => replenishmentFigures(june(), { ...costs, orderCost: "12,5", standardCost: 8 }),
      "invalid_money",
      ["orderCost"],
    );
  });

  it("rejects a history whose demand sums are not numbers, where it reads them", () => {
    // Before: sum NaN gave demandMean NaN with every figure null as 'no_demand_history', and
    // sumOfSquares NaN failed in safetyStock on a ["demandStdDev"] the caller never passed.
    const bad = (patch: Record<string, unknown>) =>
      june({
        demand: {
          day: { sum: 60, sumOfSquares: 1400, max: 30, nonZeroBuckets: 3, ...patch },
          week: { sum: 60, sumOfSquares: 1400, max: 30, nonZeroBuckets: 3 },
          month: { sum: 60, sumOfSquares: 3600, max: 60, nonZeroBuckets: 1 },
        },
      });
    expectCode(
      () => replenishmentFigures(bad({ sum: Number.NaN }), { leadTimeDays: 7 }),
      "invalid_argument",
      ["history", "demand", "day", "sum"],
    );
    expectCode(
      () => replenishmentFigures(bad({ sumOfSquares: Number.NaN }), { leadTimeDays: 7 }),
      "invalid_argument",
      ["history", "demand", "day", "sumOfSquares"],
    );
  });
});

describe("SKU_SAFETY_STOCK_METHODS", () => {
  it("is 'auto' and every safetyStock method but 'maxMin', so a new method cannot be left out", () => {
    expect([...SKU_SAFETY_STOCK_METHODS]).toEqual([
      "auto",
      ...SAFETY_STOCK_METHODS.filter((method) => method !== "maxMin"),
    ]);
  });
});
