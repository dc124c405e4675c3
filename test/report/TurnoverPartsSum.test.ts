import { describe, expect, it } from "vitest";
import { replayLedger } from "../../src/ledger/index.js";
import { TurnoverPartsSum } from "../../src/report/TurnoverPartsSum.js";
import { rollupTurnover } from "../../src/turnover/index.js";
import { Q1_2024, WORKED_LEDGER } from "./fixtures.js";

// The month grouping hands rollupTurnover one summed item per month instead of every SKU's month.
// Rollups compose, so both must give the same figures: money to the last digit, quantity ratios
// to the last binary digit or so (the quantity sums pass through a double).

describe("TurnoverPartsSum", () => {
  const { histories } = replayLedger(WORKED_LEDGER, { period: Q1_2024, months: true });
  const labels = histories[0]?.months.map((m) => m.month) ?? [];

  it.each(labels)("gives rollupTurnover's figures for %s", (label) => {
    const months = histories.map((h) => ({
      history: h,
      month: h.months.find((m) => m.month === label),
    }));
    const sum = new TurnoverPartsSum();
    const items = months.map(({ history, month }) => {
      if (month === undefined) throw new Error(`no ${label} in ${history.sku}`);
      sum.add(month, history.issuesWithoutPrice);
      return { ...month, issuesWithoutPrice: history.issuesWithoutPrice, shrinkageValue: 0 };
    });
    const periodDays = items[0]?.days ?? 0;
    const direct = rollupTurnover(items, { periodDays }).total;
    const summed = rollupTurnover([sum.toParts()], { periodDays }).total;
    expect(summed.count).toBe(direct.count);
    for (const field of [
      "cogs",
      "revenue",
      "averageValue",
      "closingValue",
      "openingValue",
    ] as const) {
      expect(summed[field].toFixed(), field).toBe(direct[field].toFixed());
    }
    expect(summed.turnover).toBe(direct.turnover);
    expect(summed.gmroi).toBe(direct.gmroi);
    expect(summed.sellThrough).toBeCloseTo(direct.sellThrough ?? Number.NaN, 14);
    expect(summed.averageRetailValue).toBeNull();
  });

  it("makes an unknown retail value unknown for the sum", () => {
    const sum = new TurnoverPartsSum();
    const month = histories[0]?.months[0];
    if (month === undefined) throw new Error("no month");
    sum.add({ ...month, averageRetailValue: month.averageValue }, 0);
    expect(sum.toParts().averageRetailValue?.toFixed()).toBe(month.averageValue.toFixed());
    sum.add(month, 0);
    expect(sum.toParts().averageRetailValue).toBeNull();
  });
});
