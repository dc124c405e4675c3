import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { toLedgerColumns } from "../../src/ledger/index.js";
import { compareSkuLocation } from "../../src/model/compareText.js";
import { analyzeSkus } from "../../src/report/analyzeSkus.js";
import { combineAnalyses } from "../../src/report/combineAnalyses.js";
import { type AnalyzeLedgerOptions, analyzeLedger } from "../../src/report/index.js";
import { mergeWarnings } from "../../src/report/mergeWarnings.js";
import { prepareReport } from "../../src/report/prepareReport.js";
import { shardLedger } from "../../src/report/shardLedger.js";
import { ledgerArb, SHAPES } from "../ledger/arbitraries.js";
import { expectSameReport } from "./shards.js";

// What `threads` does, without the threads: the columns split by `shardLedger`, each shard
// analysed alone, the analyses sorted and combined. Shards keep the whole ledger's row numbers, so
// here even the warnings' rows must match the single run's.

describe("shardLedger", () => {
  test.prop([ledgerArb(SHAPES.anything), fc.integer({ min: 1, max: 5 }), fc.boolean()], {
    numRuns: 50,
  })(
    "the shards' analyses, combined, are the single run's report, warning rows included",
    (c, threads, byLocation) => {
      const options: AnalyzeLedgerOptions = {
        period: c.period,
        skuInfo: c.skuInfo,
        openingBalances: c.openingBalances,
        groupBy: ["month"],
        byLocation,
      };
      const columns = toLedgerColumns(c.rows, { skuInfo: c.skuInfo });
      const setup = prepareReport(options, "test");
      const shards = shardLedger(columns, c.openingBalances, threads);
      expect(shards.length).toBeLessThanOrEqual(threads);
      const results = shards.map((shard) =>
        analyzeSkus(shard.columns, {
          ...setup,
          options: { ...options, openingBalances: shard.openingBalances },
        }),
      );
      const analyses = results
        .flatMap((r) => r.analyses)
        .sort((a, b) => compareSkuLocation(a.history, b.history));
      const combined = combineAnalyses(
        analyses,
        mergeWarnings(results.map((r) => r.warnings)),
        setup.resolved,
        setup.fn,
      );
      const single = analyzeLedger(columns, options);
      expectSameReport(combined, single, expect);
      const withRows = (r: typeof single) =>
        r.warnings
          .filter((w) => w.code !== "unsorted_input")
          .map((w) => JSON.stringify(w))
          .sort();
      expect(withRows(combined)).toEqual(withRows(single));
    },
  );
});
