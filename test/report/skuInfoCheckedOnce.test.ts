import { describe, expect, it } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { replayLedgerStream } from "../../src/ledger/replayLedgerStream.js";
import { parseLedger, toLedgerColumns, validateLedger } from "../../src/ledger/validateLedger.js";
import type { Movement } from "../../src/model/Movement.js";
import { requireSkuInfoList } from "../../src/model/requireSkuInfoList.js";
import type { SkuInfo } from "../../src/model/SkuInfo.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { analyzeLedgerStream } from "../../src/report/analyzeLedgerStream.js";
import { toPartialRecords } from "../../src/report/toPartialRecords.js";

// Found by a review: the skuInfo list was checked in full three times per analyzeLedger (the
// report's setup, the row check's standard costs, the opening's standard costs) and twice per
// replayLedger: with a 100 k-entry master and a tiny ledger, the checks were most of the call. A
// public call now checks the list once and hands the checked list down.

const period = { from: "2025-01-01", to: "2025-01-31" };
const ledger: readonly Movement[] = [
  { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10 },
  { sku: "A", date: "2025-01-05", type: "issue", quantity: 4 },
];

/**
 * A master of three entries (A has the standard cost its costless receipt needs; B and C have no
 * movements), wrapped to count how often each entry is taken from the array, and how often B's
 * `leadTimeDays` is read (a SKU without movements is read by the check alone).
 */
function countedMaster(): { skuInfo: SkuInfo[]; entryReads: number[]; fieldReads: () => number } {
  let leadTimeReads = 0;
  const entries: SkuInfo[] = [
    { sku: "A", standardCost: "2.50", leadTimeDays: 7 },
    {
      sku: "B",
      get leadTimeDays() {
        leadTimeReads++;
        return 5;
      },
    } as SkuInfo,
    { sku: "C", serviceLevel: 0.9 },
  ];
  const entryReads = entries.map(() => 0);
  const skuInfo = new Proxy(entries, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) {
        const row = Number(key);
        entryReads[row] = (entryReads[row] ?? 0) + 1;
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { skuInfo, entryReads, fieldReads: () => leadTimeReads };
}

/** The ledger as columns (its costless receipt needs A's standard cost). */
const columns = toLedgerColumns(ledger, { skuInfo: [{ sku: "A", standardCost: "2.50" }] });

async function* rows(): AsyncGenerator<Movement> {
  yield* ledger;
}

const calls: readonly [string, (skuInfo: SkuInfo[]) => unknown][] = [
  ["analyzeLedger", (skuInfo) => analyzeLedger(ledger, { period, skuInfo })],
  ["analyzeLedger (columns)", (skuInfo) => analyzeLedger(columns, { period, skuInfo })],
  ["analyzeLedgerStream (batch)", (skuInfo) => analyzeLedgerStream(rows(), { period, skuInfo })],
  [
    "analyzeLedgerStream (streaming)",
    (skuInfo) => analyzeLedgerStream(rows(), { period, skuInfo, mode: "streaming" }),
  ],
  ["toPartialRecords", (skuInfo) => toPartialRecords(ledger, { period, skuInfo })],
  ["replayLedger", (skuInfo) => replayLedger(ledger, { period, skuInfo })],
  [
    "replayLedger (standard valuation)",
    (skuInfo) => replayLedger(ledger, { period, skuInfo, valuation: "standard" }),
  ],
  ["replayLedgerStream", (skuInfo) => replayLedgerStream(rows(), { period, skuInfo })],
  ["validateLedger", (skuInfo) => validateLedger(ledger, { skuInfo })],
  ["parseLedger", (skuInfo) => parseLedger(ledger, { skuInfo })],
  ["toLedgerColumns", (skuInfo) => toLedgerColumns(ledger, { skuInfo })],
];

/** How often one check of the list (`requireSkuInfoList`) reads B's `leadTimeDays`. */
function readsOfOneCheck(): number {
  const { skuInfo, fieldReads } = countedMaster();
  requireSkuInfoList(skuInfo, "test");
  return fieldReads();
}

describe("a skuInfo list is checked once per public call", () => {
  it.each(calls)("%s reads each entry once", async (_name, call) => {
    const { skuInfo, entryReads, fieldReads } = countedMaster();
    await call(skuInfo);
    expect(entryReads).toEqual([1, 1, 1]);
    // A SKU without movements is read by the check alone: as often as one check reads it.
    expect(fieldReads()).toBe(readsOfOneCheck());
  });

  it("checks the list again on the next call, which may see it changed (no cache by identity)", () => {
    const skuInfo: SkuInfo[] = [{ sku: "A", standardCost: "2.50" }];
    expect(replayLedger(ledger, { period, skuInfo }).histories).toHaveLength(1);
    analyzeLedger(ledger, { period, skuInfo });
    skuInfo.push({ sku: "B", leadTimeDays: -1 });
    expect(() => analyzeLedger(ledger, { period, skuInfo })).toThrow(/leadTimeDays/);
    expect(() => replayLedger(ledger, { period, skuInfo })).toThrow(/leadTimeDays/);
    skuInfo.splice(0, 2, { sku: "A" });
    // A receipt without a cost needs the standard cost the list no longer gives.
    expect(() => replayLedger(ledger, { period, skuInfo })).toThrow(/unitCost/);
  });
});
