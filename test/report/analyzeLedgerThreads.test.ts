import { describe, expect, it } from "vitest";
import { generateColumns } from "../../src/cli/generateLedger.js";
import type { Movement } from "../../src/model/Movement.js";
import { type AnalyzeLedgerOptions, analyzeLedger } from "../../src/report/index.js";
import { codeOf, errorOf, Q1_2024, WORKED_LEDGER, WORKED_SKU_INFO } from "./fixtures.js";
import { expectSameReport } from "./shards.js";

// `threads` runs the per-SKU phase on worker threads (here the TypeScript source, loaded through
// tsx in each worker): the report must be the one of a single thread, every field, warnings and
// their row numbers included. Each call starts workers, so the cases are few and small.

function warningsWithRows(warnings: readonly unknown[]): string[] {
  return warnings.map((w) => JSON.stringify(w)).sort();
}

describe("analyzeLedger with threads", () => {
  it("gives the one-thread report with 2 and 3 threads on a generated ledger", () => {
    // 300 SKUs, 6 000 movements over 2025; the period leaves some out at both ends.
    const columns = generateColumns({ skus: 300, movements: 6000, days: 365, seed: 8 });
    const options: AnalyzeLedgerOptions = {
      period: { from: "2025-02-01", to: "2025-11-30" },
      groupBy: ["month"],
      industry: "wholesale",
      replenishment: { leadTimeDays: 9, reviewPeriodDays: 7 },
    };
    const one = analyzeLedger(columns, options);
    expect(one.rows.length).toBe(300);
    for (const threads of [2, 3]) {
      const many = analyzeLedger(columns, { ...options, threads });
      expectSameReport(many, one, expect);
      expect(warningsWithRows(many.warnings)).toEqual(warningsWithRows(one.warnings));
    }
  });

  it("gives the one-thread report with locations, master data and Decimal amounts", () => {
    const options: AnalyzeLedgerOptions = {
      period: Q1_2024,
      skuInfo: WORKED_SKU_INFO.map((info) => ({ ...info, unitPrice: "4.10" })),
      groupBy: ["category", "location", "month"],
      turnoverBasis: "retail",
      openingBalances: [{ sku: "RIVET", quantity: 10, unitCost: "0.07", location: "W1" }],
    };
    // Backwards: the ledger is not in date order, which only the whole ledger can tell.
    const ledger = [...WORKED_LEDGER].reverse();
    const one = analyzeLedger(ledger, options);
    const many = analyzeLedger(ledger, { ...options, threads: 3 });
    expectSameReport(many, one, expect);
    expect(one.warnings.map((w) => w.code)).toContain("unsorted_input");
    expect(warningsWithRows(many.warnings)).toEqual(warningsWithRows(one.warnings));
    // The master data in the rows is the caller's own object, not a copy.
    expect(many.rows.find((r) => r.sku === "NUT")?.category).toBe("hardware");
  });

  it("throws the one-thread error when a shard fails", () => {
    const overdrawn: Movement[] = [
      ...WORKED_LEDGER,
      { sku: "PAINT", date: "2024-02-01", type: "issue", quantity: 41 },
      { sku: "NUT", date: "2024-03-20", type: "issue", quantity: 60 },
    ];
    const options: AnalyzeLedgerOptions = { period: Q1_2024, negativeStock: "error" };
    const one = errorOf(() => analyzeLedger(overdrawn, options));
    const many = errorOf(() => analyzeLedger(overdrawn, { ...options, threads: 2 }));
    expect(one.code).toBe("negative_stock");
    expect(many.code).toBe(one.code);
    expect(many.message).toBe(one.message);
    expect(many.path).toEqual(one.path);
  });

  it("checks the option: a whole number ≥ 1", () => {
    for (const threads of [0, 1.5, -2, Number.NaN, "2"]) {
      expect(codeOf(() => analyzeLedger([], { period: Q1_2024, threads: threads as number }))).toBe(
        "invalid_option",
      );
    }
    expect(analyzeLedger([], { period: Q1_2024, threads: 4 }).rows).toEqual([]);
  });
});
