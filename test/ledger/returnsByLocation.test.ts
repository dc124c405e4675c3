import { describe, expect, it, vi } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { replayLedgerStream } from "../../src/ledger/replayLedgerStream.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuHistory } from "../../src/model/SkuHistory.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { plain } from "./plain.js";
import { replayByEngine } from "./replayByEngine.js";

// By location, a customer return without a unitCost comes back at the cost of the most recent issue
// of its location, else of the SKU's most recent issue at any location (docs/formulas.md, "Customer
// returns"); its price likewise. Found by an audit: a return to store S2 of an item sold at S1 came
// back at 0 (S2 had neither an issue nor stock) with an `unknown_cost` warning, so grouping by
// location doubled the company's COGS (20 instead of 10).

const january = { from: "2025-01-01", to: "2025-01-31" };
const row = (
  date: string,
  type: Movement["type"],
  quantity: number,
  location: string,
  extra: Partial<Movement> = {},
): Movement => ({ sku: "R", date, type, quantity, location, ...extra }) as Movement;

// The audit's ledger: S1 receives 10 @ 5 and sells 4 @ 9; 2 come back at S2 (price 9).
const auditLedger = [
  row("2025-01-02", "receipt", 10, "S1", { unitCost: 5 }),
  row("2025-01-05", "issue", 4, "S1", { unitPrice: 9 }),
  row("2025-01-08", "return", 2, "S2", { unitPrice: 9 }),
];

function byLocation(histories: readonly SkuHistory[]): Record<string, SkuHistory> {
  return Object.fromEntries(histories.map((h) => [h.location ?? "", h]));
}

describe("a return at a location that never issued the SKU", () => {
  it("comes back at the cost of the SKU's latest issue elsewhere (the audit's case)", () => {
    for (const valuation of ["fifo", "moving-average"] as const) {
      const { histories, warnings } = replayLedger(auditLedger, {
        period: january,
        valuation,
        byLocation: true,
      });
      const { S1, S2 } = byLocation(histories);
      // S1: 4 issued at 5 = 20 of COGS, 6 left worth 30. S2: 2 back at 5 = 10, COGS −10.
      expect([S1?.cogs.toFixed(), S1?.closingValue.toFixed()]).toEqual(["20", "30"]);
      expect([S2?.cogs.toFixed(), S2?.closingValue.toFixed()]).toEqual(["-10", "10"]);
      expect(S2?.layers.map((l) => [l.quantity, l.unitCost.toFixed()])).toEqual([[2, "5"]]);
      expect(warnings.map((w) => w.code)).toEqual([]);
      // The company's figures are those of the replay per SKU: COGS 10, stock 40.
      const perSku = replayLedger(auditLedger, { period: january, valuation }).histories[0];
      expect([perSku?.cogs.toFixed(), perSku?.closingValue.toFixed()]).toEqual(["10", "40"]);
    }
  });

  it("takes its own location's latest issue first, else the latest of the others by day and row", () => {
    const ledger = [
      row("2025-01-02", "receipt", 10, "A", { unitCost: 1 }),
      row("2025-01-02", "receipt", 10, "B", { unitCost: 2 }),
      row("2025-01-02", "receipt", 10, "C", { unitCost: 3 }),
      row("2025-01-02", "receipt", 10, "D", { unitCost: 4 }),
      row("2025-01-03", "issue", 1, "D", { unitPrice: 40 }),
      // On the 4th, B issues after A (row order): B's is the SKU's latest issue.
      row("2025-01-04", "issue", 1, "A", { unitPrice: 10 }),
      row("2025-01-04", "issue", 1, "B"),
      // C never issued: its return comes back at B's cost (2) and A's price (B's had none).
      row("2025-01-06", "return", 1, "C"),
      // D issued on the 3rd: its return comes back at D's own cost (4) and price (40).
      row("2025-01-06", "return", 1, "D"),
    ];
    const { histories } = replayLedger(ledger, { period: january, byLocation: true });
    const { C, D } = byLocation(histories);
    expect([C?.returnedValue.toFixed(), C?.revenue.toFixed(), C?.issuesWithoutPrice]).toEqual([
      "2",
      "-10",
      0,
    ]);
    expect([D?.returnedValue.toFixed(), D?.revenue.toFixed()]).toEqual(["4", "0"]);
  });

  it("without an issue anywhere, is costed as before: the location's current unit cost", () => {
    const ledger = [
      row("2025-01-02", "receipt", 10, "S1", { unitCost: 5 }),
      row("2025-01-02", "receipt", 10, "S2", { unitCost: 7 }),
      row("2025-01-08", "return", 2, "S2"),
    ];
    const { histories } = replayLedger(ledger, { period: january, byLocation: true });
    expect(byLocation(histories).S2?.returnedValue.toFixed()).toBe("14");
  });

  it("under standard cost, stays at the standard cost", () => {
    const { histories } = replayLedger(auditLedger, {
      period: january,
      valuation: "standard",
      byLocation: true,
      skuInfo: [{ sku: "R", standardCost: 6 }],
    });
    expect(byLocation(histories).S2?.returnedValue.toFixed()).toBe("12");
  });

  it("is the same in both engines, in streaming with any chunk size, and in the report", async () => {
    const ledger = [
      ...auditLedger,
      row("2025-01-09", "issue", 1, "S1", { unitPrice: 9 }),
      row("2025-01-10", "return", 1, "S3"),
      row("2025-01-12", "issue", 1, "S2"),
      row("2025-01-14", "return", 1, "S2"),
    ];
    const options = { period: january, byLocation: true } as const;
    const batch = replayLedger(ledger, options);
    const general = replayByEngine(ledger, options, "general");
    expect(plain(general.histories)).toEqual(plain(batch.histories));
    for (const chunkRows of [1, 2, 3, 100]) {
      const stream = await replayLedgerStream(ledger, { ...options, chunkRows });
      expect(plain(stream.histories), `chunkRows ${chunkRows}`).toEqual(plain(batch.histories));
    }
    const report = analyzeLedger(auditLedger, { period: january, groupBy: ["location"] });
    expect(report.totals.turnover.cogs.toFixed()).toBe("10");
  });

  it("in streaming, takes the latest of the states handed over by day and row, whatever their order", async () => {
    const ledger = [
      // B's state is created first, then A's, then C's.
      row("2025-01-02", "receipt", 10, "B", { unitCost: 2 }),
      row("2025-01-02", "receipt", 10, "A", { unitCost: 1 }),
      row("2025-01-02", "receipt", 10, "C", { unitCost: 3 }),
      row("2025-01-03", "issue", 1, "A", { unitPrice: 10 }),
      // B's priced issue is the latest priced one; A's unpriced one, a row later, the latest issue.
      row("2025-01-04", "issue", 1, "B", { unitPrice: 20 }),
      row("2025-01-04", "issue", 1, "A"),
      // C never issued: its return comes back at A's cost (1) and B's price (20).
      row("2025-01-06", "return", 1, "C"),
    ];
    const options = { period: january, byLocation: true } as const;
    const batch = replayLedger(ledger, options);
    const C = byLocation(batch.histories).C;
    expect([C?.returnedValue.toFixed(), C?.revenue.toFixed(), C?.issuesWithoutPrice]).toEqual([
      "1",
      "-20",
      0,
    ]);
    // The fast engine hands the SKU over at the return's chunk (chunkRows 1) or later.
    for (const chunkRows of [1, 3, 100]) {
      const stream = await replayLedgerStream(ledger, { ...options, chunkRows });
      expect(plain(stream.histories), `chunkRows ${chunkRows}`).toEqual(plain(batch.histories));
    }
  });

  it("finds the latest issue elsewhere without looking at every location (no timing)", () => {
    // Many locations that never issued, and returns at one more: the lookups per return must not
    // grow with the locations (they scanned every location before).
    const locations = 300;
    const ledger = [
      ...Array.from({ length: locations }, (_, l) =>
        row("2025-01-02", "receipt", 10, `L${l}`, { unitCost: 2 }),
      ),
      row("2025-01-03", "issue", 1, "L0", { unitPrice: 9 }),
      ...Array.from({ length: locations }, () => row("2025-01-05", "return", 1, "RC")),
    ];
    const gets = vi.spyOn(Map.prototype, "get");
    try {
      for (const months of [false, true]) {
        gets.mockClear();
        const { histories } = replayLedger(ledger, { period: january, byLocation: true, months });
        expect(byLocation(histories).RC?.returnedValue.toFixed()).toBe(`${2 * locations}`);
        expect(gets.mock.calls.length).toBeLessThan(20 * ledger.length);
      }
    } finally {
      gets.mockRestore();
    }
  });
});
