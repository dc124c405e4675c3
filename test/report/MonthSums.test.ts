import { describe, expect, it } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { Decimal } from "../../src/model/Decimal.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { analyzeSkus } from "../../src/report/analyzeSkus.js";
import { MonthSums } from "../../src/report/MonthSums.js";
import { prepareReport } from "../../src/report/prepareReport.js";
import { resolveReportOptions } from "../../src/report/resolveReportOptions.js";
import { turnoverSeries } from "../../src/turnover/turnoverSeries.js";
import { Q1_2024, WORKED_LEDGER, WORKED_SKU_INFO } from "./fixtures.js";

const OPTIONS = { period: Q1_2024, skuInfo: WORKED_SKU_INFO, groupBy: ["month"] } as const;

describe("MonthSums", () => {
  const setup = prepareReport(OPTIONS, "test");
  const { resolved } = setup;

  it("is made only for a report grouped by month", () => {
    expect(MonthSums.forReport(resolved)).toBeInstanceOf(MonthSums);
    const ungrouped = resolveReportOptions({ period: Q1_2024 }, "test");
    expect(MonthSums.forReport(ungrouped)).toBeNull();
  });

  it("sums each SKU's months as it is analysed, and the analyses keep none", () => {
    const kept = analyzeSkus(WORKED_LEDGER, setup);
    const sums = new MonthSums(resolved);
    const summed = analyzeSkus(WORKED_LEDGER, setup, sums);
    expect(kept.analyses.every((a) => a.history.months.length === 3)).toBe(true); // Jan–Mar
    expect(summed.analyses.every((a) => a.history.months.length === 0)).toBe(true);
    // Everything else about the analyses is the same.
    const withoutMonths = kept.analyses.map((a) => ({
      ...a,
      history: { ...a.history, months: [] },
    }));
    expect(summed.analyses).toEqual(withoutMonths);
    // And the same months, to the last digit, as summed afterwards from the analyses.
    expect(sums.groups()).toEqual(MonthSums.of(kept.analyses, resolved).groups());
  });

  it("sums what the replay's month figures hold, month by month (an independent sum)", () => {
    // Summed here with Decimal.plus straight from replayLedger's histories, not through MonthSums.
    const { histories } = replayLedger(WORKED_LEDGER, { period: Q1_2024, months: true });
    const expected = new Map<string, { cogs: Decimal; averageValue: Decimal; closing: number }>();
    for (const history of histories) {
      for (const m of history.months) {
        const sum = expected.get(m.month) ?? {
          cogs: new Decimal(0),
          averageValue: new Decimal(0),
          closing: 0,
        };
        expected.set(m.month, {
          cogs: sum.cogs.plus(m.cogs),
          averageValue: sum.averageValue.plus(m.averageValue),
          closing: sum.closing + m.closingQuantity,
        });
      }
    }
    const months = analyzeLedger(WORKED_LEDGER, OPTIONS).groups.month ?? [];
    expect(months.map((m) => m.month)).toEqual([...expected.keys()].sort());
    for (const m of months) {
      const sum = expected.get(m.month);
      expect([m.cogs.toFixed(), m.averageValue.toFixed(), m.closingQuantity]).toEqual([
        sum?.cogs.toFixed(),
        sum?.averageValue.toFixed(),
        sum?.closing,
      ]);
    }
  });

  it("gives the report's month groups: one per month, in calendar order, adding up to the period", () => {
    const { groups, totals } = analyzeLedger(WORKED_LEDGER, OPTIONS);
    const months = groups.month ?? [];
    expect(months.map((m) => [m.month, m.from, m.to])).toEqual([
      ["2024-01", "2024-01-01", "2024-01-31"],
      ["2024-02", "2024-02-01", "2024-02-29"],
      ["2024-03", "2024-03-01", "2024-03-31"],
    ]);
    // COGS is additive over the months: Σ months = the period's.
    const cogs = months.reduce((sum, m) => sum.plus(m.cogs), new Decimal(0));
    expect(cogs.eq(totals.turnover.cogs)).toBe(true);
    expect(cogs.isZero()).toBe(false);
  });

  it("under the retail basis, values each month's average stock at the SKU's price, as turnoverSeries does", () => {
    const prices = WORKED_SKU_INFO.map((info, i) => ({ ...info, unitPrice: `${i + 2}.50` }));
    const retail = { ...OPTIONS, skuInfo: prices, turnoverBasis: "retail" } as const;
    const months = analyzeLedger(WORKED_LEDGER, retail).groups.month ?? [];
    // The reference: each SKU's own month series (turnoverSeries), summed with Decimal.plus.
    const { histories } = replayLedger(WORKED_LEDGER, { period: Q1_2024, months: true });
    const expected = new Map<string, Decimal>();
    for (const history of histories) {
      const unitPrice = prices.find((p) => p.sku === history.sku)?.unitPrice ?? null;
      for (const entry of turnoverSeries(history, { by: "month", unitPrice })) {
        const value = entry.averageRetailValue ?? new Decimal(Number.NaN);
        expected.set(entry.label, (expected.get(entry.label) ?? new Decimal(0)).plus(value));
      }
    }
    expect(months.map((m) => [m.month, m.averageRetailValue?.toFixed()])).toEqual(
      [...expected].map(([month, value]) => [month, value.toFixed()]),
    );
  });

  it("a bad price under the retail basis is reported by the report's function, naming the SKU", () => {
    const badPrice = WORKED_SKU_INFO.map((info) =>
      info.sku === "BOLT" ? { ...info, unitPrice: "-1" } : info,
    );
    const retail = { ...OPTIONS, skuInfo: badPrice, turnoverBasis: "retail" } as const;
    // Checked with the master data, before the ledger is replayed (found by an input audit).
    expect(() => analyzeLedger(WORKED_LEDGER, retail)).toThrow(
      /^analyzeLedger: 1 problem in 1 skuInfo entry: skuInfo\[0\] \(SKU "BOLT"\): unitPrice must not be negative/,
    );
  });

  it("a month's gross margin is null only when one of that month's issues had no price", () => {
    // By hand: A's January issue has no price, its February issue has one (revenue 3 × 9 = 27,
    // COGS 3 × 5 = 15); B's issues are priced (January 1 × 4 − 1 × 2 = 2, February none).
    // January's gross margin is unknown (A's revenue is incomplete); February's is 27 − 15 = 12.
    const ledger = [
      { sku: "A", date: "2024-01-02", type: "receipt", quantity: 10, unitCost: 5 },
      { sku: "A", date: "2024-01-10", type: "issue", quantity: 2 },
      { sku: "A", date: "2024-02-10", type: "issue", quantity: 3, unitPrice: 9 },
      { sku: "B", date: "2024-01-02", type: "receipt", quantity: 5, unitCost: 2 },
      { sku: "B", date: "2024-01-20", type: "issue", quantity: 1, unitPrice: 4 },
    ] as const;
    const report = analyzeLedger(ledger, {
      period: { from: "2024-01-01", to: "2024-02-29" },
      groupBy: ["month"],
    });
    const [january, february] = report.groups.month ?? [];
    expect(january?.grossMargin).toBeNull();
    expect(january?.reasons.grossMargin).toBe("no_price");
    expect(february?.grossMargin?.toFixed()).toBe("12");
    expect(february?.reasons.grossMargin).toBeUndefined();
    // The period as a whole had an unpriced issue: its gross margin stays unknown.
    expect(report.totals.turnover.grossMargin).toBeNull();
  });

  it("sums the months' transfers, which count in a month's sell-through", () => {
    // January 2024 by location (by hand): DC receives 100 on Jan 2 and sends 60 to S1 on Jan 5;
    // S1 sells 30 on Jan 10. The month group sums both rows: in 60, out 60 (they cancel), received
    // 100, sold 30: sell-through 30 / (0 + 100 + 60 − 60) = 0.3, the company's own.
    const ledger = [
      { sku: "A", location: "DC", date: "2024-01-02", type: "receipt", quantity: 100, unitCost: 2 },
      { sku: "A", location: "DC", date: "2024-01-05", type: "transfer", quantity: -60 },
      { sku: "A", location: "S1", date: "2024-01-05", type: "transfer", quantity: 60 },
      { sku: "A", location: "S1", date: "2024-01-10", type: "issue", quantity: 30 },
    ] as const;
    const report = analyzeLedger(ledger, {
      period: { from: "2024-01-01", to: "2024-01-31" },
      groupBy: ["month", "location"],
    });
    const [january] = report.groups.month ?? [];
    expect(january).toMatchObject({
      month: "2024-01",
      receivedQuantity: 100,
      transferredInQuantity: 60,
      transferredOutQuantity: 60,
      sellThrough: 0.3,
    });
  });
});
