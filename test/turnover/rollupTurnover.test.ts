import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import type { RollupTurnoverOptions, TurnoverParts } from "../../src/turnover/rollupTurnover.js";
import { rollupTurnover } from "../../src/turnover/rollupTurnover.js";
import { turnoverFigures } from "../../src/turnover/turnoverFigures.js";
import { makeHistory } from "../support/makeHistory.js";
import { codeOf } from "./codeOf.js";

interface Row extends TurnoverParts {
  readonly sku: string;
  readonly category?: string | null;
  readonly location?: string;
}

/** A per-SKU row with only COGS and average value set (the rest zero). */
function row(sku: string, cogs: number, averageValue: number, extra: Partial<Row> = {}): Row {
  return {
    sku,
    cogs,
    averageValue,
    openingValue: averageValue,
    closingValue: averageValue,
    openingQuantity: 0,
    closingQuantity: 0,
    averageQuantity: 0,
    receivedQuantity: 0,
    issuedQuantity: 0,
    returnedQuantity: 0,
    revenue: 0,
    issuesWithoutPrice: 0,
    shrinkageValue: 0,
    ...extra,
  };
}

describe("rollupTurnover", () => {
  it("is Σ COGS / Σ average inventory, not the mean of per-SKU turnovers", () => {
    // Hand computation. SKU A: COGS 100 over average stock 10 turns 10 times. SKU B: COGS 100 over
    // average stock 90 turns 1.111 times. The mean of the two turnovers is (10 + 1.111) / 2 = 5.556,
    // but the pair's stock (100) was sold through (200) twice: turnover 2, 365 / 2 = 182.5 days.
    const items = [row("A", 100, 10), row("B", 100, 90)];
    const perSku = items.map((item) => turnoverFigures(asHistory(item)).turnover as number);
    expect(perSku[0]).toBe(10);
    expect(perSku[1]).toBeCloseTo(1.1111111, 6);
    const meanOfTurnovers = (perSku[0]! + perSku[1]!) / 2;
    expect(meanOfTurnovers).toBeCloseTo(5.5556, 4);

    const { total } = rollupTurnover(items, { periodDays: 365 });
    expect(total.turnover).toBe(2);
    expect(total.turnover).not.toBeCloseTo(meanOfTurnovers, 1);
    expect(total.daysOfInventory).toBe(182.5);
    expect(total.cogs.toFixed()).toBe("200");
    expect(total.averageValue.toFixed()).toBe("100");
    expect(total.count).toBe(2);
  });

  it("groups by a field, sorted by key, missing keys last as null", () => {
    const items = [
      row("A", 100, 10, { category: "tools" }),
      row("B", 100, 90, { category: "tools" }),
      row("C", 100, 25, { category: "paint" }),
      row("D", 30, 10, { category: null }),
      row("E", 0, 10),
    ];
    const { groups, total } = rollupTurnover(items, { periodDays: 365, groupBy: "category" });
    expect(groups.map((g) => [g.key, g.count, g.turnover])).toEqual([
      ["paint", 1, 4], // 100 / 25
      ["tools", 2, 2], // 200 / 100
      [null, 2, 1.5], // (30 + 0) / (10 + 10)
    ]);
    // Portfolio: 330 / 145
    expect(total.turnover).toBeCloseTo(330 / 145, 15);
    expect(total.count).toBe(5);
  });

  it("groups by a function of the item", () => {
    const items = [row("A-1", 100, 10), row("A-2", 50, 10), row("B-1", 30, 30)];
    const { groups } = rollupTurnover(items, {
      periodDays: 30,
      groupBy: (item) => item.sku.slice(0, 1),
    });
    expect(groups.map((g) => [g.key, g.turnover, g.daysOfInventory])).toEqual([
      ["A", 7.5, 4], // 150 / 20; 30 / 7.5
      ["B", 1, 30],
    ]);
  });

  it("rolls up histories and per-SKU figures alike, by location", () => {
    const north = makeHistory({ sku: "A", location: "north", averageValue: 50, cogs: 100 });
    const south = makeHistory({ sku: "A", location: "south", averageValue: 150, cogs: 500 });
    const byHistory = rollupTurnover([north, south], { periodDays: 366, groupBy: "location" });
    const byFigures = rollupTurnover([turnoverFigures(north), turnoverFigures(south)], {
      periodDays: 366,
      groupBy: "location",
    });
    expect(byHistory.groups.map((g) => g.turnover)).toEqual([2, 500 / 150]);
    expect(byFigures.groups.map((g) => g.turnover)).toEqual([2, 500 / 150]);
    expect(byHistory.total.turnover).toBe(3); // 600 / 200
  });

  it("rolls up GMROI, sell-through, shrinkage and capital from their sums", () => {
    const items = [
      row("A", 60, 40, {
        revenue: 100,
        shrinkageValue: 2,
        closingValue: 30,
        openingQuantity: 10,
        receivedQuantity: 30,
        issuedQuantity: 30,
        closingQuantity: 10,
      }),
      row("B", 40, 60, {
        revenue: 50,
        shrinkageValue: 3,
        closingValue: 70,
        openingQuantity: 0,
        receivedQuantity: 60,
        issuedQuantity: 25,
        returnedQuantity: 5,
        closingQuantity: 40,
      }),
    ];
    const { total } = rollupTurnover(items, { periodDays: 100 });
    // Hand computation: margin (150 − 100) = 50 over Σ average 100 → GMROI 0.5.
    expect(total.grossMargin?.toFixed()).toBe("50");
    expect(total.gmroi).toBe(0.5);
    // Sell-through: net sold (30 + 25 − 5) = 50 over (10 + 0) + (30 + 60) = 100 → 0.5.
    expect(total.sellThrough).toBe(0.5);
    // Shrinkage 5 over 100 → 0.05.
    expect(total.shrinkageRate).toBe(0.05);
    expect(total.capitalTiedUp.toFixed()).toBe("100");
    expect(total.averageCapital.toFixed()).toBe("100");
    // Days of supply at the end: 50 closing units / (50 net units / 100 days) = 100 days.
    expect(total.daysOfSupplyAtEnd).toBe(100);
  });

  it("counts transfers in, net of transfers out, as received in sell-through", () => {
    // Hand computation: DC received 100 and sent all 100 to STORE, which sold 80 and holds 20.
    // STORE 80 / (0 + 0 + 100 − 0) = 0.8; DC 0 / (0 + 100 + 0 − 100): nothing available, null;
    // together the transfers cancel: 80 / (100 + 100 − 100) = 0.8.
    const dc = row("A", 0, 10, {
      location: "DC",
      receivedQuantity: 100,
      transferredOutQuantity: 100,
    });
    const store = row("A", 80, 10, {
      location: "STORE",
      issuedQuantity: 80,
      closingQuantity: 20,
      transferredInQuantity: 100,
    });
    const { groups, total } = rollupTurnover([dc, store], { periodDays: 366, groupBy: "location" });
    expect(groups.map((g) => [g.key, g.sellThrough, g.reasons.sellThrough])).toEqual([
      ["DC", null, "no_stock_available"],
      ["STORE", 0.8, undefined],
    ]);
    expect(total.sellThrough).toBe(0.8);
    expect([total.transferredInQuantity, total.transferredOutQuantity]).toEqual([100, 100]);
    // A rollup of the group rollups carries the transfers on: the same total.
    expect(rollupTurnover(groups, { periodDays: 366 }).total.sellThrough).toBe(0.8);
    // Per-SKU figures carry them too (absent on the input: 0).
    const figures = turnoverFigures(makeHistory({ transferredInQuantity: 5 }));
    expect([figures.transferredInQuantity, figures.transferredOutQuantity]).toEqual([5, 0]);
  });

  it("units and retail bases", () => {
    const items = [
      row("A", 0, 0, {
        issuedQuantity: 40,
        averageQuantity: 10,
        revenue: 400,
        averageRetailValue: 100,
      }),
      row("B", 0, 0, {
        issuedQuantity: 20,
        averageQuantity: 20,
        revenue: 200,
        averageRetailValue: "200",
      }),
    ];
    // Units: 60 / 30 = 2. Retail: 600 / 300 = 2.
    expect(rollupTurnover(items, { periodDays: 365, basis: "units" }).total.turnover).toBe(2);
    expect(rollupTurnover(items, { periodDays: 365, basis: "retail" }).total.turnover).toBe(2);
    // One item without a retail value: the group's retail turnover is unknown.
    const partial = [...items, row("C", 0, 0, { issuedQuantity: 1, averageQuantity: 1 })];
    const retail = rollupTurnover(partial, { periodDays: 365, basis: "retail" }).total;
    expect(retail.turnover).toBeNull();
    expect(retail.reasons.turnover).toBe("no_price");
    expect(retail.averageRetailValue).toBeNull();
  });

  it("an empty portfolio has no turnover, with the reason", () => {
    const { groups, total } = rollupTurnover([] as Row[], { periodDays: 365, groupBy: "category" });
    expect(groups).toEqual([]);
    expect(total.count).toBe(0);
    expect(total.turnover).toBeNull();
    expect(total.reasons.turnover).toBe("zero_average_inventory");
  });

  it("does not depend on the order of the items (exact sums)", () => {
    const items = [row("A", 0.1, 0.3), row("B", 0.2, 0.3), row("C", 0.3, 0.4)];
    const forward = rollupTurnover(items, { periodDays: 10 }).total;
    const backward = rollupTurnover([...items].reverse(), { periodDays: 10 }).total;
    expect(forward.cogs.toFixed()).toBe("0.6");
    expect(forward.turnover).toBe(0.6);
    expect(backward.turnover).toBe(forward.turnover);
  });

  it("rejects bad input with a code", () => {
    const items = [row("A", 1, 1)];
    const bad = (options: unknown) => () =>
      rollupTurnover(items, options as RollupTurnoverOptions<Row>);
    expect(codeOf(bad({ periodDays: 0 }))).toBe("out_of_range");
    expect(codeOf(bad({}))).toBe("invalid_argument");
    expect(codeOf(bad({ periodDays: 365, basis: "x" }))).toBe("invalid_option");
    expect(codeOf(bad({ periodDays: 365, groupBy: 3 }))).toBe("invalid_option");
    expect(codeOf(bad({ periodDays: 365, groupBy: () => 3 }))).toBe("invalid_argument");
    expect(codeOf(() => rollupTurnover([row("A", Number.NaN, 1)], { periodDays: 365 }))).toBe(
      "invalid_money",
    );
    expect(
      codeOf(() =>
        rollupTurnover([row("A", 1, 1, { averageQuantity: Number.NaN })], { periodDays: 365 }),
      ),
    ).toBe("invalid_argument");
    expect(codeOf(() => rollupTurnover("rows" as unknown as Row[], { periodDays: 365 }))).toBe(
      "invalid_argument",
    );
    // Items of different periods cannot be added up.
    expect(
      codeOf(() => rollupTurnover([turnoverFigures(makeHistory())], { periodDays: 365 })),
    ).toBe("invalid_argument");
  });
});

/** A history with a row's parts, to compute the per-SKU turnover the usual way. */
function asHistory(item: Row) {
  return makeHistory({
    sku: item.sku,
    cogs: item.cogs,
    averageValue: new Decimal(String(item.averageValue)),
    period: { from: "2023-01-01", to: "2023-12-31", days: 365 },
  });
}
