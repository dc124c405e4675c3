import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { REPLENISHMENT_NULL_REASONS } from "../../src/replenish/index.js";
import {
  type AnalyzeLedgerOptions,
  analyzeLedger,
  type InventoryReport,
  REPORT_NULL_REASONS,
} from "../../src/report/index.js";
import { rollupTurnover, TURNOVER_NULL_REASONS } from "../../src/turnover/index.js";
import { interleave, type LedgerCase, ledgerArb, SHAPES } from "../ledger/arbitraries.js";
import { nullFieldsAndReasons } from "./fixtures.js";

// Generated ledgers with everything the engine supports (negative stock, transfers, returns,
// count adjustments without a cost, opening balances, SKU codes that differ only by case or a
// trailing space), run through the whole report.

function optionsOf(c: LedgerCase, extra: Partial<AnalyzeLedgerOptions> = {}): AnalyzeLedgerOptions {
  return {
    period: c.period,
    skuInfo: c.skuInfo.map((info, i) => ({
      ...info,
      category: i % 2 === 0 ? "even" : "odd",
      leadTimeDays: i + 1,
      reviewPeriodDays: 7,
    })),
    openingBalances: c.openingBalances,
    groupBy: ["category", "month"],
    industry: "retail",
    ...extra,
  };
}

/** Every reason code documented somewhere: the report's own and the calculators'. */
const KNOWN_REASONS: readonly string[] = [
  ...Object.keys(REPORT_NULL_REASONS),
  ...Object.keys(TURNOVER_NULL_REASONS),
  ...Object.keys(REPLENISHMENT_NULL_REASONS),
  // xyzClassify's reasons (XyzNoneReason, documented in docs/formulas.md, "XYZ").
  "no_demand",
  "zero_mean_demand",
  "negative_mean_demand",
  "cv_overflow",
];

/**
 * The report as text, for comparing: everything but the warnings' input row numbers, which follow
 * the input order by design, and the `unsorted_input` warning, which describes that order; the
 * other warnings must be the same, in any order.
 */
function comparable(report: InventoryReport): string {
  const warnings = report.warnings
    .filter((warning) => warning.code !== "unsorted_input")
    .map(({ row: _row, ...warning }) => JSON.stringify(warning))
    .sort();
  return JSON.stringify({ ...report, warnings });
}

describe("analyzeLedger on generated ledgers", () => {
  test.prop([ledgerArb(SHAPES.anything), fc.array(fc.nat(), { maxLength: 60 })])(
    "permuting the rows (same-SKU, same-day, same-kind rows in order) changes nothing",
    (c, picks) => {
      const permuted = interleave(c.rows, picks);
      const options = optionsOf(c);
      expect(comparable(analyzeLedger(permuted, options))).toBe(
        comparable(analyzeLedger(c.rows, options)),
      );
    },
  );

  test.prop([ledgerArb(SHAPES.anything), fc.boolean()])(
    "every null in a row has a reason, and every reason belongs to a null",
    (c, byLocation) => {
      const report = analyzeLedger(c.rows, optionsOf(c, { byLocation }));
      for (const row of report.rows) {
        const { nullFields, reasonFields } = nullFieldsAndReasons(row);
        expect(reasonFields).toEqual(nullFields);
        for (const code of Object.values(row.reasons)) expect(KNOWN_REASONS).toContain(code);
      }
      for (const code of Object.values(report.diagnosis.reasons)) {
        expect(KNOWN_REASONS).toContain(code);
      }
    },
  );

  test.prop([ledgerArb(SHAPES.anything), fc.constantFrom("cost", "units", "retail" as const)])(
    "the totals are rollupTurnover of the rows, and the groups add up to them",
    (c, basis) => {
      const report = analyzeLedger(c.rows, optionsOf(c, { turnoverBasis: basis }));
      const { total } = rollupTurnover(report.rows, { periodDays: report.period.days, basis });
      expect(JSON.stringify(report.totals.turnover)).toBe(JSON.stringify(total));
      const categories = report.groups.category ?? [];
      expect(categories.reduce((n, g) => n + g.skuCount, 0)).toBe(report.rows.length);
      const months = report.groups.month ?? [];
      const monthCogs = months.reduce((sum, m) => sum.plus(m.cogs), total.cogs.minus(total.cogs));
      expect(monthCogs.toFixed()).toBe(total.cogs.toFixed());
      expect(months.reduce((days, m) => days + m.periodDays, 0)).toBe(
        report.rows.length === 0 ? 0 : report.period.days,
      );
    },
  );
});
