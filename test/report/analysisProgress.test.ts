import { describe, expect, it } from "vitest";
import { HandedOverLedger } from "../../src/ledger/HandedOverLedger.js";
import { readMovementRow } from "../../src/ledger/readMovementRow.js";
import { rowContext, toLedgerColumns } from "../../src/ledger/validateLedger.js";
import type { Movement } from "../../src/model/Movement.js";
import { analyzeHandedOverLedger, analyzeLedger } from "../../src/report/analyzeLedger.js";
import { PROGRESS_EVERY } from "../../src/report/prepareReport.js";
import { StreamingReport } from "../../src/report/StreamingReport.js";

// 2,500 SKUs, one receipt and one issue each: the per-SKU phase tells its progress at 1,024 and
// 2,048 SKUs (every PROGRESS_EVERY), and the report is the same as without a listener.
const SKUS = 2_500;
const movements: Movement[] = Array.from({ length: SKUS }, (_, k) => [
  { sku: `S${k}`, date: "2025-01-01", type: "receipt", quantity: 5, unitCost: 2 } as const,
  { sku: `S${k}`, date: "2025-01-02", type: "issue", quantity: 1 } as const,
]).flat();
const options = { period: { from: "2025-01-01", to: "2025-01-31" } } as const;

describe("the report's progress while the SKUs are analysed (the command line's progress line)", () => {
  it("is told every PROGRESS_EVERY SKUs, batch", () => {
    const told: number[] = [];
    const report = analyzeHandedOverLedger(
      new HandedOverLedger(toLedgerColumns(movements)),
      options,
      (analysed) => told.push(analysed),
    );
    expect(PROGRESS_EVERY).toBe(1024);
    expect(told).toEqual([1024, 2048]);
    expect(report).toEqual(analyzeLedger(movements, options));
  });

  it("is told every PROGRESS_EVERY SKUs, streaming", () => {
    const told: number[] = [];
    const streaming = new StreamingReport({ ...options, mode: "streaming" }, "test");
    const context = rowContext({ skuInfo: [] });
    // In date order, as streaming needs: every receipt, then every issue.
    const byDate = [...movements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    byDate.forEach((m, i) => {
      if (readMovementRow(m, i, streaming.replay.builder, context)) streaming.replay.rowAdded();
    });
    const report = streaming.finish((analysed) => told.push(analysed));
    expect(told).toEqual([1024, 2048]);
    expect(report.rows).toHaveLength(SKUS);
  });
});
