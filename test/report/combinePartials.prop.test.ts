import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  type AnalyzeLedgerOptions,
  analyzeLedger,
  combinePartials,
  toPartialRecords,
} from "../../src/report/index.js";
import { type LedgerCase, ledgerArb, SHAPES } from "../ledger/arbitraries.js";
import { expectSameReport, shardsOf } from "./shards.js";

// The sharding contract of issue #8: a ledger split by SKU into k shards, each shard's partial
// records written as NDJSON text and read back, combined, gives the report of one run on the whole
// ledger, in every field (the warnings' row numbers count rows of each shard, so warnings are
// compared without them, as a multiset).

const settingsArb = fc.record({
  valuation: fc.constantFrom("moving-average", "fifo", "standard" as const),
  turnoverBasis: fc.constantFrom("cost", "units", "retail" as const),
  byLocation: fc.boolean(),
  measure: fc.constantFrom("cogs", "revenue", "margin", "quantity", "movements" as const),
  zeroValues: fc.constantFrom("last-class", "exclude" as const),
});

type Settings = typeof settingsArb extends fc.Arbitrary<infer T> ? T : never;

function optionsOf(c: LedgerCase, s: Settings): AnalyzeLedgerOptions {
  return {
    period: c.period,
    valuation: s.valuation,
    turnoverBasis: s.turnoverBasis,
    byLocation: s.byLocation,
    abc: { measure: s.measure, zeroValues: s.zeroValues },
    skuInfo: c.skuInfo.map((info, i) => ({
      ...info,
      category: i % 2 === 0 ? "even" : "odd",
      unitPrice: i + 1.5,
      leadTimeDays: i + 1,
      reviewPeriodDays: 7,
    })),
    openingBalances: c.openingBalances,
    groupBy: s.byLocation ? ["category", "month", "location"] : ["category", "month"],
    industry: "retail",
  };
}

/** Records through NDJSON text and back, as they travel between a map step and `combine`. */
function throughNdjson(records: readonly unknown[]): unknown[] {
  return records
    .map((record) => JSON.stringify(record))
    .join("\n")
    .split("\n")
    .map((line) => JSON.parse(line) as unknown);
}

describe("combinePartials on generated ledgers split by SKU", () => {
  test.prop([
    ledgerArb(SHAPES.anything),
    settingsArb,
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    fc.array(fc.nat(), { maxLength: 8 }),
  ])(
    "combine(partials of k random shards) equals the single run, every field",
    (c, settings, k, assignment, order) => {
      const options = optionsOf(c, settings);
      const single = analyzeLedger(c.rows, options);
      const partials = shardsOf(c, k, assignment).map((shard) =>
        throughNdjson(
          toPartialRecords(shard.rows, { ...options, openingBalances: shard.openingBalances }),
        ),
      );
      // The shards in any order.
      for (const [i, j] of order.entries()) {
        const a = i % partials.length;
        const b = j % partials.length;
        [partials[a], partials[b]] = [partials[b] as unknown[], partials[a] as unknown[]];
      }
      const combined = combinePartials(partials);
      expectSameReport(combined, single, expect);
      // At most one warning that a shard's rows were out of date order.
      const unsorted = combined.warnings.filter((w) => w.code === "unsorted_input");
      expect(unsorted.length).toBeLessThanOrEqual(1);
    },
  );
});
