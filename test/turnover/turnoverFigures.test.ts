import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import type { TurnoverFiguresOptions } from "../../src/turnover/turnoverFigures.js";
import { turnoverFigures } from "../../src/turnover/turnoverFigures.js";
import { makeHistory } from "../support/makeHistory.js";
import { codeOf } from "./codeOf.js";

const year2023 = { from: "2023-01-01", to: "2023-12-31", days: 365 };

/**
 * The worked example of issue #3, as one SKU's year (hand computation): COGS 1,000,000; opening
 * 1,800 units worth 180,000; closing 2,200 units worth 220,000 (cost 100 a unit); 10,000 units
 * issued, 10,400 received; revenue 1,500,000 (price 150).
 */
const issueExample = makeHistory({
  period: year2023,
  openingQuantity: 1_800,
  openingValue: 180_000,
  closingQuantity: 2_200,
  closingValue: 220_000,
  averageQuantity: 2_000,
  averageValue: 200_000,
  receivedQuantity: 10_400,
  issuedQuantity: 10_000,
  cogs: 1_000_000,
  revenue: 1_500_000,
  shrinkageValue: 3_000,
  demand: {
    day: { sum: 10_000, sumOfSquares: 0, max: 0, nonZeroBuckets: 0 },
    week: { sum: 10_000, sumOfSquares: 0, max: 0, nonZeroBuckets: 0 },
    month: { sum: 10_000, sumOfSquares: 0, max: 0, nonZeroBuckets: 0 },
  },
});

const demandOf = (sum: number) => {
  const sums = { sum, sumOfSquares: 0, max: 0, nonZeroBuckets: 0 };
  return { day: sums, week: sums, month: sums };
};

describe("turnoverFigures: worked examples", () => {
  it("cost basis, issue #3: average 200,000, turnover 5, 73 days of inventory over 365 days", () => {
    for (const averageMethod of ["daily", "endpoints"] as const) {
      const f = turnoverFigures(issueExample, { averageMethod });
      expect(f.averageValue.toFixed()).toBe("200000");
      expect(f.averageQuantity).toBe(2_000);
      expect(f.cogs.toFixed()).toBe("1000000");
      expect(f.turnover).toBe(5);
      expect(f.daysOfInventory).toBe(73);
      expect(f.basis).toBe("cost");
      expect(f.averageMethod).toBe(averageMethod);
    }
  });

  it("capital tied up: the closing value, and the average value", () => {
    const f = turnoverFigures(issueExample);
    expect(f.capitalTiedUp.toFixed()).toBe("220000");
    expect(f.averageCapital.toFixed()).toBe("200000");
  });

  it("days of supply at the end: 2,200 units / (10,000 / 365 a day) = 80.3 days", () => {
    // Hand computation: 2,200 × 365 / 10,000 = 80.3.
    expect(turnoverFigures(issueExample).daysOfSupplyAtEnd).toBeCloseTo(80.3, 12);
  });

  it("GMROI: (1,500,000 − 1,000,000) / 200,000 = 2.5", () => {
    const f = turnoverFigures(issueExample);
    expect(f.grossMargin?.toFixed()).toBe("500000");
    expect(f.gmroi).toBe(2.5);
  });

  it("sell-through: 10,000 / (1,800 + 10,400) = 0.8197 by default; 10,000 / 10,400 received", () => {
    expect(turnoverFigures(issueExample).sellThrough).toBeCloseTo(10_000 / 12_200, 15);
    expect(
      turnoverFigures(issueExample, { sellThroughVariant: "received" }).sellThrough,
    ).toBeCloseTo(10_000 / 10_400, 15);
    // sold / (sold + closing) = 10,000 / 12,200: the same here, as nothing was written off.
    expect(
      turnoverFigures(issueExample, { sellThroughVariant: "sold-plus-closing" }).sellThrough,
    ).toBeCloseTo(10_000 / 12_200, 15);
  });

  it("shrinkage: 3,000 of an average 200,000 is 1.5 %", () => {
    const f = turnoverFigures(issueExample);
    expect(f.shrinkageValue.toFixed()).toBe("3000");
    expect(f.shrinkageRate).toBe(0.015);
  });

  it("units basis: (issued − returned) / average units", () => {
    // Hand computation: (10,400 − 400) issued net / 2,000 average units = 5 turns; 365 / 5 = 73 days.
    const history = makeHistory({ ...issueExample, issuedQuantity: 10_400, returnedQuantity: 400 });
    const f = turnoverFigures(history, { basis: "units" });
    expect(f.turnover).toBe(5);
    expect(f.daysOfInventory).toBe(73);
    // A SKU whose unit cost fell during the year: units turn 6 times, cost turns differently.
    const cheaper = makeHistory({ ...issueExample, issuedQuantity: 12_000, cogs: 1_080_000 });
    expect(turnoverFigures(cheaper, { basis: "units" }).turnover).toBe(6);
    expect(turnoverFigures(cheaper, { basis: "cost" }).turnover).toBe(5.4);
    // Days of inventory on each basis (hand computation): 365 × 2,000 / 12,000 = 60.83 days of
    // units; 365 × 200,000 / 1,080,000 = 67.59 days at cost.
    expect(turnoverFigures(cheaper, { basis: "units" }).daysOfInventory).toBe(365 / 6);
    expect(turnoverFigures(cheaper, { basis: "cost" }).daysOfInventory).toBe(365 / 5.4);
  });

  it("retail basis: revenue / (average units × unit price)", () => {
    // Hand computation: average 2,000 units × 150 = 300,000 at retail; 1,500,000 / 300,000 = 5.
    const f = turnoverFigures(issueExample, { basis: "retail", unitPrice: 150 });
    expect(f.averageRetailValue?.toFixed()).toBe("300000");
    expect(f.turnover).toBe(5);
    expect(f.daysOfInventory).toBe(73);
    // At a price of 120: 1,500,000 / 240,000 = 6.25 turns at retail, still 5 at cost.
    const at120 = turnoverFigures(issueExample, { basis: "retail", unitPrice: "120" });
    expect(at120.turnover).toBe(6.25);
    expect(at120.daysOfInventory).toBe(58.4); // 365 / 6.25
  });

  it("monthly average method: (opening + Σ month ends) / (n + 1)", () => {
    // Hand computation: opening 180,000 (1,800 units); month ends 200,000 and 250,000 (2,000 and
    // 2,500 units): (180,000 + 200,000 + 250,000) / 3 = 210,000; (1,800 + 2,000 + 2,500) / 3 = 2,100.
    const history = makeHistory({
      ...issueExample,
      monthEnds: [
        { date: "2023-01-31", quantity: 2_000, value: new Decimal(200_000) },
        { date: "2023-02-28", quantity: 2_500, value: new Decimal(250_000) },
      ],
    });
    const f = turnoverFigures(history, { averageMethod: "monthly" });
    expect(f.averageValue.toFixed()).toBe("210000");
    expect(f.averageQuantity).toBe(2_100);
    // 1,000,000 / 210,000 = 4.761904…
    expect(f.turnover).toBeCloseTo(1_000_000 / 210_000, 15);
  });

  it("keeps the SKU, the location and the period", () => {
    const f = turnoverFigures(makeHistory({ ...issueExample, sku: "X-9", location: "north" }));
    expect(f.sku).toBe("X-9");
    expect(f.location).toBe("north");
    expect(f.periodDays).toBe(365);
    expect("location" in turnoverFigures(issueExample)).toBe(false);
  });

  it("accepts plain numbers and strings for money, not only a replayed history", () => {
    const f = turnoverFigures({
      sku: "A",
      period: { days: 365 },
      openingQuantity: 1_800,
      openingValue: "180000",
      closingQuantity: 2_200,
      closingValue: 220_000,
      averageQuantity: 2_000,
      averageValue: "200000.00",
      receivedQuantity: 10_400,
      issuedQuantity: 10_000,
      returnedQuantity: 0,
      cogs: "1000000",
      revenue: 1_500_000,
      issuesWithoutPrice: 0,
      shrinkageValue: 0,
      monthEnds: [],
      demand: { day: { sum: 10_000 } },
    });
    expect(f.turnover).toBe(5);
    expect(f.cogs).toBeInstanceOf(Decimal);
  });
});

describe("turnoverFigures: null figures carry their reason", () => {
  it("zero COGS: turnover 0, days of inventory null ('no_sales')", () => {
    const f = turnoverFigures(
      makeHistory({ averageQuantity: 5, averageValue: 500, closingQuantity: 5 }),
    );
    expect(f.turnover).toBe(0);
    expect(f.daysOfInventory).toBeNull();
    expect(f.reasons.daysOfInventory).toBe("no_sales");
    expect(f.reasons.turnover).toBeUndefined();
    expect(f.daysOfSupplyAtEnd).toBeNull();
    expect(f.reasons.daysOfSupplyAtEnd).toBe("no_demand");
    expect(f.gmroi).toBe(0);
  });

  it("zero stock all period: every ratio to stock is null with 'zero_average_inventory'", () => {
    const f = turnoverFigures(makeHistory());
    expect(f.turnover).toBeNull();
    expect(f.daysOfInventory).toBeNull();
    expect(f.gmroi).toBeNull();
    expect(f.shrinkageRate).toBeNull();
    expect(f.sellThrough).toBeNull();
    expect(f.reasons).toEqual({
      turnover: "zero_average_inventory",
      daysOfInventory: "zero_average_inventory",
      daysOfSupplyAtEnd: "no_demand",
      gmroi: "zero_average_inventory",
      sellThrough: "no_stock_available",
      shrinkageRate: "zero_average_inventory",
    });
    expect(f.capitalTiedUp.toFixed()).toBe("0");
  });

  it("stock only at the end: 100 units received on the last day of 2024, nothing sold", () => {
    // Daily average: 365 end-of-day balances of 0 and one of 100 → 100 / 366 units, 1,000 / 366 value.
    const history = makeHistory({
      closingQuantity: 100,
      closingValue: 1_000,
      averageQuantity: 100 / 366,
      averageValue: new Decimal(1_000).dividedBy(366),
      receivedQuantity: 100,
      receivedValue: 1_000,
    });
    const daily = turnoverFigures(history);
    expect(daily.turnover).toBe(0);
    expect(daily.daysOfInventory).toBeNull();
    expect(daily.reasons.daysOfInventory).toBe("no_sales");
    expect(daily.capitalTiedUp.toFixed()).toBe("1000");
    expect(daily.sellThrough).toBe(0);
    // Endpoints: (0 + 1,000) / 2 = 500, the same zero turnover over a very different average.
    expect(turnoverFigures(history, { averageMethod: "endpoints" }).averageValue.toFixed()).toBe(
      "500",
    );
  });

  it("negative opening: a zero or negative average gives null, never a negative turnover", () => {
    const base = { issuedQuantity: 10, cogs: 100, closingQuantity: 50, closingValue: 500 };
    // (−500 + 500) / 2 = 0
    const zero = turnoverFigures(
      makeHistory({ ...base, openingQuantity: -50, openingValue: -500 }),
      {
        averageMethod: "endpoints",
      },
    );
    expect(zero.turnover).toBeNull();
    expect(zero.reasons.turnover).toBe("zero_average_inventory");
    // (−1,000 + 500) / 2 = −250
    const negative = turnoverFigures(
      makeHistory({ ...base, openingQuantity: -100, openingValue: -1_000 }),
      { averageMethod: "endpoints" },
    );
    expect(negative.turnover).toBeNull();
    expect(negative.reasons.turnover).toBe("negative_average_inventory");
    expect(negative.reasons.daysOfInventory).toBe("negative_average_inventory");
    expect(negative.reasons.gmroi).toBe("negative_average_inventory");
  });

  it("single-day period: 10 units at 10 on hand, 4 issued", () => {
    // Hand computation: the one end-of-day balance is 6 units, 60; COGS 40.
    // turnover 40 / 60 = 0.6667; days of inventory 60 / 40 × 1 = 1.5; days of supply 6 / 4 = 1.5.
    const f = turnoverFigures(
      makeHistory({
        period: { from: "2024-03-01", to: "2024-03-01", days: 1 },
        openingQuantity: 10,
        openingValue: 100,
        closingQuantity: 6,
        closingValue: 60,
        averageQuantity: 6,
        averageValue: 60,
        issuedQuantity: 4,
        cogs: 40,
        demand: demandOf(4),
      }),
    );
    expect(f.turnover).toBeCloseTo(2 / 3, 15);
    expect(f.daysOfInventory).toBe(1.5);
    expect(f.daysOfSupplyAtEnd).toBe(1.5);
    expect(f.periodDays).toBe(1);
  });

  it("leap year: 366 days", () => {
    // Hand computation: COGS 366,000 over average 100,000 → 3.66 turns; 366 / 3.66 = 100 days.
    const f = turnoverFigures(
      makeHistory({
        averageQuantity: 1_000,
        averageValue: 100_000,
        cogs: 366_000,
        issuedQuantity: 3_660,
      }),
    );
    expect(f.periodDays).toBe(366);
    expect(f.turnover).toBe(3.66);
    expect(f.daysOfInventory).toBe(100);
  });

  it("returns exceeding issues: 'negative_sales'", () => {
    const f = turnoverFigures(
      makeHistory({
        averageValue: 100,
        averageQuantity: 10,
        issuedQuantity: 1,
        returnedQuantity: 3,
        cogs: -20,
      }),
    );
    expect(f.turnover).toBeNull();
    expect(f.reasons.turnover).toBe("negative_sales");
    expect(f.reasons.sellThrough).toBe("no_stock_available");
  });

  it("issues without a price: gross margin, GMROI and retail turnover are 'no_price'", () => {
    const history = makeHistory({ ...issueExample, issuesWithoutPrice: 3 });
    const f = turnoverFigures(history, { basis: "retail", unitPrice: 150 });
    expect(f.grossMargin).toBeNull();
    expect(f.gmroi).toBeNull();
    expect(f.turnover).toBeNull();
    expect(f.reasons).toMatchObject({
      grossMargin: "no_price",
      gmroi: "no_price",
      turnover: "no_price",
    });
    // The cost basis does not need prices.
    expect(turnoverFigures(history).turnover).toBe(5);
  });

  it("retail basis without a unit price: 'no_price'", () => {
    const f = turnoverFigures(issueExample, { basis: "retail" });
    expect(f.turnover).toBeNull();
    expect(f.daysOfInventory).toBeNull();
    expect(f.reasons.turnover).toBe("no_price");
    expect(f.averageRetailValue).toBeNull();
  });
});

describe("turnoverFigures: options", () => {
  it("rejects unknown variants and bad prices with a code", () => {
    const bad = (options: unknown) => () =>
      turnoverFigures(issueExample, options as TurnoverFiguresOptions);
    expect(codeOf(bad({ averageMethod: "weekly" }))).toBe("invalid_option");
    expect(codeOf(bad({ basis: "price" }))).toBe("invalid_option");
    expect(codeOf(bad({ sellThroughVariant: "x" }))).toBe("invalid_option");
    expect(codeOf(bad({ unitPrice: -1 }))).toBe("invalid_money");
    expect(codeOf(bad({ unitPrice: "ten" }))).toBe("invalid_money");
    expect(codeOf(bad(null))).toBe("invalid_argument");
    expect(
      codeOf(() => turnoverFigures(makeHistory({ period: { from: "", to: "", days: 0 } }))),
    ).toBe("out_of_range");
  });

  it("does not mutate the history", () => {
    const history = Object.freeze(makeHistory({ ...issueExample }));
    const before = JSON.stringify(history);
    turnoverFigures(history, { averageMethod: "monthly", basis: "retail", unitPrice: 150 });
    expect(JSON.stringify(history)).toBe(before);
  });
});
