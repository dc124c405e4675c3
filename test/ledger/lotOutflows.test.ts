import { describe, expect, it } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { replayLedgerStream } from "../../src/ledger/replayLedgerStream.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuHistory, Valuation } from "../../src/model/SkuHistory.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { plain } from "./plain.js";
import { replayByEngine } from "./replayByEngine.js";

// An outflow that names a lot takes that lot's layers first (docs/formulas.md, "Lots"). Found by
// an audit: an issue of lot L2 consumed the older lot L1, so L1's units were gone from the stock
// and the near-expiry list, while L2's stayed, and nothing warned.

const q1 = { from: "2025-01-01", to: "2025-03-31" };

// SEED: 01-01 receipt 10 @ 1 of lot L1 (expires 03-15); 01-02 receipt 10 @ 2 of lot L2 (expires
// 12-31); 02-01 issue 10 of lot L2.
const receipts: Movement[] = [
  {
    sku: "SEED",
    date: "2025-01-01",
    type: "receipt",
    quantity: 10,
    unitCost: 1,
    lot: "L1",
    expiresOn: "2025-03-15",
  },
  {
    sku: "SEED",
    date: "2025-01-02",
    type: "receipt",
    quantity: 10,
    unitCost: 2,
    lot: "L2",
    expiresOn: "2025-12-31",
  },
];
const issue = (quantity: number, lot: string, date = "2025-02-01"): Movement => ({
  sku: "SEED",
  date,
  type: "issue",
  quantity,
  lot,
});

function only(histories: readonly SkuHistory[]): SkuHistory {
  expect(histories).toHaveLength(1);
  return histories[0] as SkuHistory;
}

const layersOf = (h: SkuHistory) =>
  h.layers.map((l) => [l.quantity, l.lot, l.receivedDate, l.value.toFixed()]);

/** The replay by both engines, which must agree. */
function replayedBothWays(ledger: readonly Movement[], valuation: Valuation) {
  const options = { period: q1, valuation };
  const fast = replayByEngine(ledger, options, "fast");
  const general = replayByEngine(ledger, options, "general");
  expect(plain(fast.histories)).toEqual(plain(general.histories));
  expect(fast.warnings).toEqual(general.warnings);
  return fast;
}

describe("replayLedger: an outflow that names a lot takes that lot first", () => {
  it("FIFO: the issue of L2 costs L2's units, and L1 stays", () => {
    // COGS = 10 × 2 = 20; left: L1's 10 @ 1 = 10. Check: 10 + 20 received = 20 + 10.
    const { histories, warnings } = replayedBothWays([...receipts, issue(10, "L2")], "fifo");
    const h = only(histories);
    expect([h.cogs.toFixed(), h.closingValue.toFixed()]).toEqual(["20", "10"]);
    expect(layersOf(h)).toEqual([[10, "L1", "2025-01-01", "10"]]);
    expect(warnings).toEqual([]);
  });

  it("moving average: the value leaves at the average cost, the units from L2", () => {
    // Average cost 30 / 20 = 1.5: COGS 15, closing 15, all of it on L1's 10 units.
    const { histories } = replayedBothWays([...receipts, issue(10, "L2")], "moving-average");
    const h = only(histories);
    expect([h.cogs.toFixed(), h.closingValue.toFixed()]).toEqual(["15", "15"]);
    expect(layersOf(h)).toEqual([[10, "L1", "2025-01-01", "15"]]);
  });

  it("takes the oldest layers for what the lot does not hold, and says so once per lot", () => {
    // Issue 12 of L2: L2's 10 (20), then 2 of L1 (2): COGS 22, left 8 of L1. Issue 3 of L9, a
    // lot never received: 3 more of L1 (3), reported; a second issue of L9 is not reported again.
    const ledger = [
      ...receipts,
      issue(12, "L2"),
      issue(3, "L9", "2025-02-10"),
      issue(1, "L9", "2025-02-11"),
    ];
    const { histories, warnings } = replayedBothWays(ledger, "fifo");
    const h = only(histories);
    expect([h.cogs.toFixed(), h.closingQuantity]).toEqual(["26", 4]);
    expect(layersOf(h)).toEqual([[4, "L1", "2025-01-01", "4"]]);
    expect(warnings.map((w) => [w.code, w.date, w.row])).toEqual([
      ["lot_not_on_hand", "2025-02-01", 2],
      ["lot_not_on_hand", "2025-02-10", 3],
    ]);
    expect(warnings[0]?.message).toMatch(/^lot "L2" had 2 unit\(s\) fewer on hand/);
  });

  it("a negative adjustment of a lot takes that lot too (a write-off of expired stock)", () => {
    const writeOff: Movement = {
      sku: "SEED",
      date: "2025-03-16",
      type: "adjustment",
      quantity: -10,
      lot: "L1",
    };
    // Issue 5 of L2 first: L1 is still the oldest, and the write-off takes it, not L2's rest.
    const { histories } = replayedBothWays([...receipts, issue(5, "L2"), writeOff], "fifo");
    const h = only(histories);
    expect(layersOf(h)).toEqual([[5, "L2", "2025-01-02", "10"]]);
    expect(h.shrinkageValue.toFixed()).toBe("10");
  });

  it("is FIFO itself when the lot is the oldest layer's (the fast engine keeps it)", () => {
    const named = replayedBothWays([...receipts, issue(4, "L1")], "fifo");
    const unnamed = replayLedger(
      [...receipts, { sku: "SEED", date: "2025-02-01", type: "issue", quantity: 4 }],
      { period: q1, valuation: "fifo" },
    );
    expect(plain(named.histories)).toEqual(plain(unnamed.histories));
  });

  it("a transfer out of a lot sends that lot's layers (byLocation)", () => {
    const ledger: Movement[] = [
      ...receipts.map((m) => ({ ...m, location: "A" })),
      { sku: "SEED", date: "2025-02-01", type: "transfer", quantity: -4, location: "A", lot: "L2" },
      { sku: "SEED", date: "2025-02-01", type: "transfer", quantity: 4, location: "B" },
    ];
    const { histories, warnings } = replayLedger(ledger, {
      period: q1,
      valuation: "fifo",
      byLocation: true,
    });
    const [a, b] = histories as [SkuHistory, SkuHistory];
    expect(layersOf(a)).toEqual([
      [10, "L1", "2025-01-01", "10"],
      [6, "L2", "2025-01-02", "12"],
    ]);
    expect(layersOf(b)).toEqual([[4, "L2", "2025-01-02", "8"]]);
    expect(warnings).toEqual([]);
  });

  it("streaming gives the same histories and warnings as batch", async () => {
    const ledger = [...receipts, issue(12, "L2"), issue(3, "L9", "2025-02-10")];
    for (const valuation of ["fifo", "moving-average"] as const) {
      const batch = replayLedger(ledger, { period: q1, valuation });
      const stream = await replayLedgerStream(ledger, { period: q1, valuation });
      expect(plain(stream.histories)).toEqual(plain(batch.histories));
      expect(stream.warnings).toEqual(batch.warnings);
    }
  });

  it("makes the near-expiry figures follow the lots that left (the audit's case)", () => {
    // L1 expired on 03-15 and nothing of it was issued: all 10 units are expired on 03-31.
    const report = analyzeLedger([...receipts, issue(10, "L2")], { period: q1 });
    const row = report.rows[0];
    expect(row?.expiredQuantity).toBe(10);
  });
});
