import { describe, expect, it } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { MonthFigures, SkuHistory } from "../../src/model/SkuHistory.js";
import type { TurnoverSeriesOptions } from "../../src/turnover/turnoverSeries.js";
import { turnoverSeries } from "../../src/turnover/turnoverSeries.js";
import { makeHistory } from "../support/makeHistory.js";
import { codeOf } from "./codeOf.js";

/** One month of figures; what a test does not set is zero. */
function month(
  label: string,
  days: number,
  figures: Partial<Record<keyof MonthFigures, number | string>> = {},
): MonthFigures {
  const d = (key: keyof MonthFigures) => new Decimal(figures[key] ?? 0);
  const n = (key: keyof MonthFigures) => Number(figures[key] ?? 0);
  return {
    month: label,
    from: String(figures.from ?? `${label}-01`),
    to: String(figures.to ?? `${label}-${days}`),
    days,
    openingQuantity: n("openingQuantity"),
    openingValue: d("openingValue"),
    closingQuantity: n("closingQuantity"),
    closingValue: d("closingValue"),
    averageQuantity: n("averageQuantity"),
    averageValue: d("averageValue"),
    receivedQuantity: n("receivedQuantity"),
    receivedValue: d("receivedValue"),
    issuedQuantity: n("issuedQuantity"),
    returnedQuantity: n("returnedQuantity"),
    transferredInQuantity: n("transferredInQuantity"),
    transferredOutQuantity: n("transferredOutQuantity"),
    cogs: d("cogs"),
    revenue: d("revenue"),
    issuesWithoutPrice: n("issuesWithoutPrice"),
  };
}

// A seasonal SKU, first half of the leap year 2024 (hand-made figures).
const months = [
  month("2024-01", 31, { openingValue: 900, averageValue: 1_000, closingValue: 1_100, cogs: 500 }),
  month("2024-02", 29, {
    openingValue: 1_100,
    averageValue: 2_000,
    closingValue: 2_900,
    cogs: 500,
  }),
  month("2024-03", 31, {
    openingValue: 2_900,
    averageValue: 3_000,
    closingValue: 3_100,
    cogs: 1_000,
  }),
  month("2024-04", 30, { openingValue: 3_100, averageValue: 600, closingValue: 300, cogs: 6_000 }),
  month("2024-05", 31, { openingValue: 300, averageValue: 0, closingValue: 0, cogs: 300 }),
  month("2024-06", 30, { openingValue: 0, averageValue: 0, closingValue: 0, cogs: 0 }),
];
const history = makeHistory({
  period: { from: "2024-01-01", to: "2024-06-30", days: 182 },
  months,
});

describe("turnoverSeries", () => {
  it("by month: each month's own days, average and COGS", () => {
    const series = turnoverSeries(history, { by: "month" });
    expect(series.map((m) => m.label)).toEqual([
      "2024-01",
      "2024-02",
      "2024-03",
      "2024-04",
      "2024-05",
      "2024-06",
    ]);
    expect(series.map((m) => m.periodDays)).toEqual([31, 29, 31, 30, 31, 30]);
    // Hand computation: 500 / 1,000; 500 / 2,000; 1,000 / 3,000; 6,000 / 600.
    expect(series.slice(0, 4).map((m) => m.turnover)).toEqual([0.5, 0.25, 1 / 3, 10]);
    // Days of inventory: 31 / 0.5 = 62; 29 / 0.25 = 116; 31 / (1/3) = 93; 30 / 10 = 3.
    expect(series.slice(0, 4).map((m) => m.daysOfInventory)).toEqual([62, 116, 93, 3]);
    // Annualized: 0.5 × 365 / 31 = 5.887…
    expect(series[0]?.annualizedTurnover).toBeCloseTo((0.5 * 365) / 31, 12);
    expect(turnoverSeries(history).map((m) => m.label)).toHaveLength(6); // month is the default
  });

  it("annualizes each month from its COGS and average with one rounding", () => {
    // Hand computation: COGS 31 over an average of 73 in a 31-day month: 31 × 365 / (73 × 31) = 5
    // turns a year exactly; annualizing the rounded turnover 31 / 73 gave 4.999999999999999.
    const january = month("2024-01", 31, { averageQuantity: 73, averageValue: 73, cogs: 31 });
    const series = turnoverSeries(makeHistory({ months: [january] }), { by: "month" });
    expect(series[0]?.turnover).toBe(31 / 73);
    expect(series[0]?.annualizedTurnover).toBe(5);
  });

  it("by month: months without stock carry the reason", () => {
    const [, , , , may, june] = turnoverSeries(history);
    expect(may?.turnover).toBeNull();
    expect(may?.reasons.turnover).toBe("zero_average_inventory");
    expect(may?.reasons.annualizedTurnover).toBe("zero_average_inventory");
    expect(june?.daysOfInventory).toBeNull();
  });

  it("by quarter: COGS summed, average time-weighted, ends from the first and last month", () => {
    const [q1, q2] = turnoverSeries(history, { by: "quarter" });
    // Q1 (hand computation): 91 days; average (1,000·31 + 2,000·29 + 3,000·31) / 91 = 182,000 / 91
    // = 2,000; COGS 2,000; turnover 1; 91 days of inventory; annualized 365 / 91 = 4.01.
    expect(q1?.label).toBe("2024-Q1");
    expect(q1?.from).toBe("2024-01-01");
    expect(q1?.to).toBe("2024-03-31");
    expect(q1?.periodDays).toBe(91);
    expect(q1?.averageValue.toFixed()).toBe("2000");
    expect(q1?.cogs.toFixed()).toBe("2000");
    expect(q1?.turnover).toBe(1);
    expect(q1?.daysOfInventory).toBe(91);
    expect(q1?.openingValue.toFixed()).toBe("900");
    expect(q1?.closingValue.toFixed()).toBe("3100");
    expect(q1?.capitalTiedUp.toFixed()).toBe("3100");
    // Q2: 91 days; average (600·30 + 0·31 + 0·30) / 91 = 18,000 / 91; COGS 6,300;
    // turnover 6,300 · 91 / 18,000 = 31.85.
    expect(q2?.label).toBe("2024-Q2");
    expect(q2?.averageValue.times(91).toFixed()).toBe("18000");
    expect(q2?.turnover).toBeCloseTo((6_300 * 91) / 18_000, 12);
    // The mean of the monthly turnovers is not the quarter's turnover.
    expect(q2?.turnover).not.toBeCloseTo(10, 1);
  });

  it("a period that starts mid-month: the clipped month has its own days", () => {
    const clipped = makeHistory({
      months: [
        month("2024-03", 17, { from: "2024-03-15", to: "2024-03-31", averageValue: 170, cogs: 17 }),
        month("2024-04", 30, { averageValue: 300, cogs: 30 }),
      ],
    });
    const [march] = turnoverSeries(clipped);
    expect(march?.periodDays).toBe(17);
    expect(march?.from).toBe("2024-03-15");
    expect(march?.daysOfInventory).toBe(170); // 170 / 17 × 17
    const [q1, q2] = turnoverSeries(clipped, { by: "quarter" });
    expect(q1?.periodDays).toBe(17);
    expect(q2?.periodDays).toBe(30);
  });

  it("units and retail bases; revenue figures need every issue priced", () => {
    const priced = makeHistory({
      months: [
        month("2024-01", 31, {
          averageQuantity: 10,
          issuedQuantity: 30,
          revenue: 600,
          cogs: 300,
          averageValue: 100,
        }),
      ],
    });
    const [units] = turnoverSeries(priced, { basis: "units" });
    expect(units?.turnover).toBe(3);
    // Retail: 600 / (10 × 20) = 3.
    const [retail] = turnoverSeries(priced, { basis: "retail", unitPrice: 20 });
    expect(retail?.turnover).toBe(3);
    expect(retail?.gmroi).toBe(3); // (600 − 300) / 100
    const unpriced = makeHistory({
      months: priced.months.map((m) => ({ ...m, issuesWithoutPrice: 1 })),
      issuesWithoutPrice: 1,
    });
    const [incomplete] = turnoverSeries(unpriced, { basis: "retail", unitPrice: 20 });
    expect(incomplete?.turnover).toBeNull();
    expect(incomplete?.gmroi).toBeNull();
    expect(incomplete?.reasons.gmroi).toBe("no_price");
  });

  it("a month's unpriced issue makes only that month's (and its quarter's) revenue figures null", () => {
    // Hand computation: January has an issue without a price; February's issues are all priced,
    // so its gross margin is 600 − 300 = 300 and its GMROI 300 / 100 = 3.
    const figures = { averageValue: 100, cogs: 300, revenue: 600 };
    const history = makeHistory({
      months: [
        month("2024-01", 31, { ...figures, issuesWithoutPrice: 1 }),
        month("2024-02", 29, figures),
        month("2024-04", 30, figures),
      ],
      issuesWithoutPrice: 1,
    });
    const [january, february] = turnoverSeries(history);
    expect(january?.grossMargin).toBeNull();
    expect(january?.reasons.grossMargin).toBe("no_price");
    expect(february?.grossMargin?.toFixed()).toBe("300");
    expect(february?.gmroi).toBe(3);
    const [q1, q2] = turnoverSeries(history, { by: "quarter" });
    expect(q1?.gmroi).toBeNull();
    expect(q2?.gmroi).toBe(3);
  });

  it("months that do not say their unpriced issues take the period's count", () => {
    const figures = { averageValue: 100, cogs: 300, revenue: 600 };
    const { issuesWithoutPrice: _, ...byHand } = month("2024-02", 29, figures);
    const [unknown] = turnoverSeries({ months: [byHand], issuesWithoutPrice: 2 });
    expect(unknown?.gmroi).toBeNull();
    expect(unknown?.reasons.gmroi).toBe("no_price");
    const [priced] = turnoverSeries({ months: [byHand], issuesWithoutPrice: 0 });
    expect(priced?.gmroi).toBe(3);
    expect(
      codeOf(() =>
        turnoverSeries({ months: [{ ...byHand, issuesWithoutPrice: -1 }], issuesWithoutPrice: 0 }),
      ),
    ).toBe("out_of_range");
  });

  it("a replayed ledger counts each month's issues without a price", () => {
    // One unpriced issue in January; February's issue has a price.
    const { histories } = replayLedger(
      [
        { sku: "A", date: "2024-01-02", type: "receipt", quantity: 10, unitCost: 5 },
        { sku: "A", date: "2024-01-10", type: "issue", quantity: 2 },
        { sku: "A", date: "2024-02-10", type: "issue", quantity: 3, unitPrice: 9 },
      ],
      { period: { from: "2024-01-01", to: "2024-02-29" }, months: true },
    );
    const history = histories[0]!;
    expect(history.issuesWithoutPrice).toBe(1);
    expect(history.months.map((m) => m.issuesWithoutPrice)).toEqual([1, 0]);
    const [january, february] = turnoverSeries(history);
    expect(january?.grossMargin).toBeNull();
    // February: revenue 3 × 9 = 27, COGS 3 × 5 = 15, gross margin 12.
    expect(february?.grossMargin?.toFixed()).toBe("12");
  });

  it("rejects bad input with a code", () => {
    const bad = (options: unknown) => () =>
      turnoverSeries(history, options as TurnoverSeriesOptions);
    expect(codeOf(bad({ by: "week" }))).toBe("invalid_option");
    expect(codeOf(bad({ daysPerYear: 0 }))).toBe("out_of_range");
    expect(codeOf(() => turnoverSeries(makeHistory({ months: [month("2024-13", 30)] })))).toBe(
      "invalid_argument",
    );
    expect(codeOf(() => turnoverSeries(makeHistory({ months: [month("2024-01", 0)] })))).toBe(
      "out_of_range",
    );
  });

  it("rejects a history replayed without month figures, instead of an empty series (found by an audit)", () => {
    // A period has at least one day, so a history with a period has at least one month: an empty
    // `months` means the replay was run without `months: true`.
    const ledger = [
      { sku: "A", date: "2024-01-05", type: "receipt", quantity: 10, unitCost: 1 },
      { sku: "A", date: "2024-02-05", type: "issue", quantity: 4 },
    ] as const;
    const period = { from: "2024-01-01", to: "2024-03-31" };
    const [without] = replayLedger(ledger, { period }).histories;
    let error: unknown;
    try {
      turnoverSeries(without as NonNullable<typeof without>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvKpiError);
    expect(error).toMatchObject({ code: "invalid_argument", path: ["months"] });
    expect((error as Error).message).toMatch(/^turnoverSeries: .*months: true/);
    expect(codeOf(() => turnoverSeries(makeHistory({ months: [] }), { by: "quarter" }))).toBe(
      "invalid_argument",
    );
    const [withMonths] = replayLedger(ledger, { period, months: true }).histories;
    const series = turnoverSeries(withMonths as NonNullable<typeof withMonths>);
    expect(series.map((m) => [m.label, m.cogs.toFixed()])).toEqual([
      ["2024-01", "0"],
      ["2024-02", "4"],
      ["2024-03", "0"],
    ]);
    // Figures without a period (built by hand) may have no months: no buckets.
    expect(turnoverSeries({ months: [], issuesWithoutPrice: 0 })).toEqual([]);
  });

  it("counts a store's transfers in as stock received for its monthly sell-through", () => {
    // A store supplied by the warehouse, by location, January–February 2024 (by hand):
    //   DC: receipt 100 @ 2 on Jan 2; transfer of 60 to S1 on Jan 5.
    //   S1: transfer in 60 on Jan 5; issues 30 on Jan 10 and 20 on Feb 10.
    // Sell-through (opening + received variant) = issued / (opening + received + net transferred):
    //   S1 January 30 / (0 + 0 + 60) = 0.5 (without the transfer: no stock received at all);
    //   S1 February 20 / (30 + 0 + 0) = 2/3; S1 Q1 50 / (0 + 0 + 60) = 5/6;
    //   DC January 0 / (0 + 100 − 60) = 0.
    const ledger = [
      { sku: "A", location: "DC", date: "2024-01-02", type: "receipt", quantity: 100, unitCost: 2 },
      { sku: "A", location: "DC", date: "2024-01-05", type: "transfer", quantity: -60 },
      { sku: "A", location: "S1", date: "2024-01-05", type: "transfer", quantity: 60 },
      { sku: "A", location: "S1", date: "2024-01-10", type: "issue", quantity: 30 },
      { sku: "A", location: "S1", date: "2024-02-10", type: "issue", quantity: 20 },
    ] as const;
    const period = { from: "2024-01-01", to: "2024-02-29" };
    const { histories } = replayLedger(ledger, { period, months: true, byLocation: true });
    const [dc, store] = histories as [SkuHistory, SkuHistory];
    expect([dc.location, store.location]).toEqual(["DC", "S1"]);
    expect(store.months.map((m) => [m.transferredInQuantity, m.transferredOutQuantity])).toEqual([
      [60, 0],
      [0, 0],
    ]);
    expect(dc.months[0]).toMatchObject({ transferredInQuantity: 0, transferredOutQuantity: 60 });

    const monthly = turnoverSeries(store);
    expect(monthly.map((m) => m.sellThrough)).toEqual([0.5, 20 / 30]);
    expect(monthly[0]).toMatchObject({ transferredInQuantity: 60, transferredOutQuantity: 0 });
    expect(turnoverSeries(store, { by: "quarter" })[0]?.sellThrough).toBe(50 / 60);
    expect(turnoverSeries(dc)[0]?.sellThrough).toBe(0);
  });
});
