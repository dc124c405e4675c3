import { describe, expect, it } from "vitest";
import { toLedgerColumns } from "../../src/ledger/validateLedger.js";
import { runPartialWorker } from "../../src/report/partialWorker.js";
import { Q1_2024, WORKED_LEDGER } from "./fixtures.js";

describe("runPartialWorker", () => {
  it("takes the options of analyzeLedgerStream and analyzeLedgerFile (mode, ...)", () => {
    // Found by a review: a worker refused `mode`, so `threads` fell back to one thread unseen.
    const columns = toLedgerColumns(WORKED_LEDGER);
    const plain = runPartialWorker({ columns, options: { period: Q1_2024 }, fn: "test" });
    const streamOptions = { period: Q1_2024, mode: "batch", chunkRows: 1024 } as const;
    const withMode = runPartialWorker({ columns, options: streamOptions, fn: "test" });
    expect(withMode.count).toBe(plain.count);
    expect(withMode.count).toBeGreaterThan(0);
    expect([...withMode.numbers]).toEqual([...plain.numbers]);
  });
});
