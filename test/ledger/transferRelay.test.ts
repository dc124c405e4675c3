import { describe, expect, it } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { replayLedgerStream } from "../../src/ledger/replayLedgerStream.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuHistory, Valuation } from "../../src/model/SkuHistory.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { analyzeLedgerStream } from "../../src/report/analyzeLedgerStream.js";
import { dayOfDate } from "./arbitraries.js";
import { plain } from "./plain.js";

// Same-day relays by location (docs/formulas.md, "Transfers"): stock sent A → B and B → C on one
// day, while B holds less than it forwards. B's transfer out takes its own stock first, then the
// units that arrive at B that day, whatever the order of the rows: C receives A's layers with
// their costs and receipt days, and B neither goes below zero nor books COGS for it.

const january = { from: "2025-01-01", to: "2025-01-31" };

const transfer = (location: string, quantity: number, date = "2025-01-10"): Movement => ({
  sku: "R",
  date,
  type: "transfer",
  quantity,
  location,
});

// The stock before the relay day, the same in every test:
//   A: 01-02 receipt 10 @ 2, 01-05 receipt 10 @ 3.
//   B: 01-04 receipt 2 @ 7, 01-06 issue 2: B is empty from then on, its last known cost 7.
const before: Movement[] = [
  { sku: "R", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2, location: "A" },
  { sku: "R", date: "2025-01-04", type: "receipt", quantity: 2, unitCost: 7, location: "B" },
  { sku: "R", date: "2025-01-05", type: "receipt", quantity: 10, unitCost: 3, location: "A" },
  { sku: "R", date: "2025-01-06", type: "issue", quantity: 2, location: "B" },
];

// The relay: 12 units A → B → C on 01-10, rows in the least helpful order (C's transfer in first,
// B's transfer out before A's), then C sells 5 on 01-20.
const relay: Movement[] = [
  ...before,
  transfer("C", 12),
  transfer("B", -12),
  transfer("B", 12),
  transfer("A", -12),
  { sku: "R", date: "2025-01-20", type: "issue", quantity: 5, location: "C" },
];

function replayed(rows: readonly Movement[], valuation: Valuation) {
  return replayLedger(rows, { period: january, valuation, byLocation: true });
}

function at(histories: readonly SkuHistory[], location: string): SkuHistory {
  const h = histories.find((x) => x.location === location);
  if (h === undefined) throw new Error(`no history at ${location}`);
  return h;
}

/** [closing quantity, closing value, COGS, transferred value] of a history. */
const figures = (h: SkuHistory) => [
  h.closingQuantity,
  h.closingValue.toFixed(),
  h.cogs.toFixed(),
  h.transferredValue.toFixed(),
];

/** The open layers as [quantity, unit cost, received date]. */
const layers = (h: SkuHistory) =>
  h.layers.map((l) => [l.quantity, l.unitCost.toFixed(), l.receivedDate]);

/** FIFO balance: opening + received + adjusted + transferred = COGS + closing, to the last digit. */
function expectBalanced(h: SkuHistory): void {
  const left = h.openingValue.plus(h.receivedValue).plus(h.adjustedValue).plus(h.transferredValue);
  expect(left.toFixed(), h.location).toBe(h.cogs.plus(h.closingValue).toFixed());
}

describe("replayLedger: a same-day relay through a location (byLocation)", () => {
  it("passes A's layers through B to C by FIFO, with their costs and receipt days (hand computation)", () => {
    // A sends 12, oldest first: 10 @ 2 (01-02) + 2 @ 3 (01-05) = 26; A keeps 8 @ 3 = 24.
    // B holds nothing: its transfer out takes the 12 arriving from A. B: in 26, out 26, closing 0;
    // its COGS is the 01-06 issue alone, 2 @ 7 = 14. No negative stock.
    // C receives 10 @ 2 (01-02) + 2 @ 3 (01-05) = 26 and sells 5 @ 2 = 10 on 01-20; it keeps
    // 5 @ 2 (01-02) + 2 @ 3 (01-05) = 16.
    const { histories, warnings } = replayed(relay, "fifo");
    expect(warnings).toEqual([]);
    const [a, b, c] = ["A", "B", "C"].map((l) => at(histories, l)) as [
      SkuHistory,
      SkuHistory,
      SkuHistory,
    ];
    expect(figures(a)).toEqual([8, "24", "0", "-26"]);
    expect(figures(b)).toEqual([0, "0", "14", "0"]);
    expect([b.transferredInQuantity, b.transferredOutQuantity]).toEqual([12, 12]);
    expect(figures(c)).toEqual([7, "16", "10", "26"]);
    expect(layers(c)).toEqual([
      [5, "2", "2025-01-02"],
      [2, "3", "2025-01-05"],
    ]);
    expect(c.firstReceiptDate).toBe("2025-01-10");
    for (const h of histories) expectBalanced(h);
  });

  it("passes A's value through B to C by moving average (hand computation)", () => {
    // A: 10 @ 2 + 10 @ 3 = 20 units worth 50; it sends 12 × 50 / 20 = 30 and keeps 8 worth 20.
    // B: 2 @ 7 in, 2 out (COGS 14); the relay brings 12 worth 30 and sends them on: closing 0.
    // C: 12 worth 30 (2.50 each); the issue of 5 costs 5 × 30 / 12 = 12.50; 7 left worth 17.50.
    // The layers keep A's receipt days: 5 of 01-02 and 2 of 01-05, at the average 17.5 / 7 = 2.5.
    const { histories, warnings } = replayed(relay, "moving-average");
    expect(warnings).toEqual([]);
    expect(figures(at(histories, "A"))).toEqual([8, "20", "0", "-30"]);
    expect(figures(at(histories, "B"))).toEqual([0, "0", "14", "0"]);
    const c = at(histories, "C");
    expect(figures(c)).toEqual([7, "17.5", "12.5", "30"]);
    expect(layers(c)).toEqual([
      [5, "2.5", "2025-01-02"],
      [2, "2.5", "2025-01-05"],
    ]);
  });

  it("gives the report the same figures, with C's stock aged from A's receipts", async () => {
    // As of the period end 01-31, C's oldest layer (received 01-02 at A) is 29 days old; the
    // average age is (5 × 29 + 2 × 26) / 7 = 197 / 7 days.
    const options = { period: january, valuation: "fifo", byLocation: true } as const;
    const report = analyzeLedger(relay, options);
    const row = (l: string) => report.rows.find((r) => r.location === l);
    expect([row("B")?.cogs.toFixed(), row("B")?.closingQuantity]).toEqual(["14", 0]);
    expect([row("C")?.closingValue.toFixed(), row("C")?.oldestAge]).toEqual(["16", 29]);
    expect(row("C")?.averageAge).toBeCloseTo(197 / 7, 12);
    expect(report.warnings).toEqual([]);
    const sorted = [...relay].sort((x, y) => dayOfDate(x.date) - dayOfDate(y.date));
    const streamed = await analyzeLedgerStream(sorted, { ...options, mode: "streaming" });
    expect(plain(streamed.rows)).toEqual(plain(report.rows));
  });

  it("follows a chain of three hops on one day: A → B → C → D", () => {
    // B and C hold nothing; the rows come last hop first. D receives A's 12 as A sent them:
    // 10 @ 2 (01-02) + 2 @ 3 (01-05) = 26. B and C pass 26 in and out: no COGS, no stock.
    const chain: Movement[] = [
      ...before,
      transfer("D", 12),
      transfer("C", -12),
      transfer("C", 12),
      transfer("B", -12),
      transfer("B", 12),
      transfer("A", -12),
    ];
    for (const valuation of ["fifo", "moving-average"] as const) {
      const { histories, warnings } = replayed(chain, valuation);
      expect(warnings, valuation).toEqual([]);
      const value = valuation === "fifo" ? "26" : "30";
      expect(figures(at(histories, "B")), valuation).toEqual([0, "0", "14", "0"]);
      expect(figures(at(histories, "C")), valuation).toEqual([0, "0", "0", "0"]);
      expect(figures(at(histories, "D")), valuation).toEqual([12, value, "0", value]);
      expect(
        at(histories, "D").layers.map((l) => [l.quantity, l.receivedDate]),
        valuation,
      ).toEqual([
        [10, "2025-01-02"],
        [2, "2025-01-05"],
      ]);
      for (const h of histories) expectBalanced(h);
    }
  });

  it("forwards B's own stock first, then part of what arrives (a partial relay)", () => {
    // B receives 3 @ 9 on 01-08. On 01-10 A sends B 10 and B sends C 5.
    // FIFO: A sends 10 @ 2 (01-02) = 20. B's 5 out: its own 3 @ 9 (01-08) = 27, then 2 of A's
    // @ 2 = 4: 31. B keeps 8 @ 2 (01-02) = 16: 27 + 20 − 31 = 16. C holds 2 @ 2 (01-02) and
    // 3 @ 9 (01-08), in receipt-day order: 31.
    // Moving average: A sends 10 × 50 / 20 = 25. B's 5 out: its own 3 (all its value, 27), then 2
    // of A's 10 at 25 × 2 / 10 = 5: 32. B keeps 8 worth 25 − 5 = 20. C holds 5 worth 32.
    const partial: Movement[] = [
      ...before,
      { sku: "R", date: "2025-01-08", type: "receipt", quantity: 3, unitCost: 9, location: "B" },
      transfer("C", 5),
      transfer("B", -5),
      transfer("B", 10),
      transfer("A", -10),
    ];
    const fifo = replayed(partial, "fifo");
    expect(fifo.warnings).toEqual([]);
    expect(figures(at(fifo.histories, "B"))).toEqual([8, "16", "14", "-11"]);
    expect(layers(at(fifo.histories, "B"))).toEqual([[8, "2", "2025-01-02"]]);
    expect(figures(at(fifo.histories, "C"))).toEqual([5, "31", "0", "31"]);
    expect(layers(at(fifo.histories, "C"))).toEqual([
      [2, "2", "2025-01-02"],
      [3, "9", "2025-01-08"],
    ]);
    for (const h of fifo.histories) expectBalanced(h);

    const average = replayed(partial, "moving-average");
    expect(average.warnings).toEqual([]);
    expect(figures(at(average.histories, "B"))).toEqual([8, "20", "14", "-7"]);
    expect(figures(at(average.histories, "C"))).toEqual([5, "32", "0", "32"]);
  });

  it("reports real negative stock when B forwards more than arrives", () => {
    // A sends B 6 and B sends C 10 on 01-10, B empty. FIFO: A's 6 @ 2 (01-02) = 12 pass through;
    // the other 4 B does not have: B goes to −4, owed at its last known cost, which is now that of
    // the units that went through it, 2: 8. C receives 6 @ 2 (01-02) and 4 valued 8 dated 01-10.
    // On 01-15 B receives 4 @ 8 = 32: it settles the 4 owed, 32 − 8 = 24 more COGS: 14 + 24 = 38.
    const over: Movement[] = [
      ...before,
      transfer("C", 10),
      transfer("B", -10),
      transfer("B", 6),
      transfer("A", -6),
      { sku: "R", date: "2025-01-15", type: "receipt", quantity: 4, unitCost: 8, location: "B" },
    ];
    const { histories, warnings } = replayed(over, "fifo");
    expect(warnings).toEqual([
      expect.objectContaining({
        code: "negative_stock",
        sku: "R",
        location: "B",
        date: "2025-01-10",
        row: 5,
      }),
    ]);
    expect(figures(at(histories, "B"))).toEqual([0, "0", "38", "-8"]);
    expect(figures(at(histories, "C"))).toEqual([10, "20", "0", "20"]);
    expect(layers(at(histories, "C"))).toEqual([
      [6, "2", "2025-01-02"],
      [4, "2", "2025-01-10"],
    ]);
    for (const h of histories) expectBalanced(h);
  });

  it("sends units round a cycle back home, and falls back to the day's order when a cycle holds nothing", () => {
    // A sends 4 of its 20 to B, which sends them straight back: A gets its own layers back
    // (4 @ 2 of 01-02, oldest first again), nothing moves, nothing goes below zero.
    const home = replayed(
      [...before, transfer("B", -4), transfer("A", 4), transfer("B", 4), transfer("A", -4)],
      "fifo",
    );
    expect(home.warnings).toEqual([]);
    expect(layers(at(home.histories, "A"))).toEqual([
      [10, "2", "2025-01-02"],
      [10, "3", "2025-01-05"],
    ]);
    expect(figures(at(home.histories, "B"))).toEqual([0, "0", "14", "0"]);
    // C and D hold nothing and send each other 3: no units ever come, so C's transfer out (the
    // first row) goes first, below zero at its last cost (none known: 0), and D forwards them back.
    const empty = replayed(
      [...before, transfer("C", -3), transfer("D", -3), transfer("D", 3), transfer("C", 3)],
      "fifo",
    );
    // No cost known at C either: the units it owed were costed at 0, which unknown_cost says.
    expect(empty.warnings).toEqual([
      expect.objectContaining({ code: "negative_stock", location: "C", row: 4 }),
      expect.objectContaining({ code: "unknown_cost", location: "C", row: 4 }),
    ]);
    for (const l of ["C", "D"]) expect(figures(at(empty.histories, l))).toEqual([0, "0", "0", "0"]);
  });

  it("keeps today's order when no location forwards more than it holds", () => {
    // B holds 3 @ 9 and forwards 3 while 10 arrive from A: its own stock leaves, A's 10 stay.
    const covered: Movement[] = [
      ...before,
      { sku: "R", date: "2025-01-08", type: "receipt", quantity: 3, unitCost: 9, location: "B" },
      transfer("C", 3),
      transfer("B", -3),
      transfer("B", 10),
      transfer("A", -10),
    ];
    const { histories } = replayed(covered, "fifo");
    expect(layers(at(histories, "C"))).toEqual([[3, "9", "2025-01-08"]]);
    expect(layers(at(histories, "B"))).toEqual([[10, "2", "2025-01-02"]]);
  });

  it("gives the same histories and warnings streaming as in batch, whatever the chunk size", async () => {
    const ledgers = [relay, [...relay, transfer("A", 3), transfer("A", -5), transfer("B", 2)]];
    for (const rows of ledgers) {
      const sorted = [...rows].sort((x, y) => dayOfDate(x.date) - dayOfDate(y.date));
      for (const valuation of ["fifo", "moving-average", "standard"] as const) {
        const options = {
          period: january,
          valuation,
          byLocation: true,
          skuInfo: [{ sku: "R", standardCost: 4 }],
        };
        const batch = replayLedger(sorted, options);
        for (const chunkRows of [1, 3, 1000]) {
          const stream = await replayLedgerStream(sorted, { ...options, chunkRows });
          expect(plain(stream.histories), `${valuation} ${chunkRows}`).toEqual(
            plain(batch.histories),
          );
          expect(stream.warnings).toEqual(batch.warnings);
        }
      }
    }
  });
});

// Many transfers of one SKU on one day (docs/performance.md: such a day is linear in its rows):
// the order units leave the transit in, relays that pass over their own units or take from several
// transfers in, long chains, and many relays at once give the histories a small day gives.
describe("replayLedger: a day of many transfers by location", () => {
  it("lets a relay pass over its own units in transit, using up others' first, and leaves its own for the transfers in", () => {
    // B receives 3 @ 9 on 01-08. On 01-10, in this row order: B sends 1, 1, 1 from its stock (the
    // first units in transit), then relays 3 and 2 of the 5 A sends it in three rows (2, 2, 1).
    // B's relays pass over its own three units each time: the first takes A's first 2 and 1 of
    // its second; the second takes A's last 2. D's transfer in of 3, the first, takes B's own three
    // units (@ 9, 01-08): the first in transit; C's takes the units B relayed (@ 2, 01-02).
    const rows: Movement[] = [
      ...before,
      { sku: "R", date: "2025-01-08", type: "receipt", quantity: 3, unitCost: 9, location: "B" },
      transfer("B", -1),
      transfer("B", -1),
      transfer("B", -1),
      transfer("B", -3),
      transfer("B", -2),
      transfer("A", -2),
      transfer("A", -2),
      transfer("A", -1),
      transfer("D", 3),
      transfer("B", 5),
      transfer("C", 5),
    ];
    const { histories, warnings } = replayed(rows, "fifo");
    expect(warnings).toEqual([]);
    expect(figures(at(histories, "A"))).toEqual([15, "40", "0", "-10"]);
    expect(figures(at(histories, "B"))).toEqual([0, "0", "14", "-27"]);
    expect(figures(at(histories, "C"))).toEqual([5, "10", "0", "10"]);
    expect(layers(at(histories, "C"))).toEqual([[5, "2", "2025-01-02"]]);
    expect(figures(at(histories, "D"))).toEqual([3, "27", "0", "27"]);
    expect(layers(at(histories, "D"))).toEqual([[3, "9", "2025-01-08"]]);
    for (const h of histories) expectBalanced(h);
  });

  it("takes a relay's units from its transfers in in input order, the rest of the last arriving after", () => {
    // F receives 3 @ 5 on 01-07. On 01-10 A sends B 2 and F sends B 3 (B's two transfers in, in
    // that order); B, empty, relays 4 to C. The relay takes B's first transfer in whole (A's 2 @ 2)
    // and 2 of its second (F's @ 5): C gets 2 @ 2 (01-02) + 2 @ 5 (01-07) = 14. The last unit of
    // B's second transfer in arrives at B: F's third @ 5, its own units not being in transit.
    const rows: Movement[] = [
      ...before,
      { sku: "R", date: "2025-01-07", type: "receipt", quantity: 3, unitCost: 5, location: "F" },
      transfer("C", 4),
      transfer("B", -4),
      transfer("B", 2),
      transfer("B", 3),
      transfer("A", -2),
      transfer("F", -3),
    ];
    const { histories, warnings } = replayed(rows, "fifo");
    expect(warnings).toEqual([]);
    expect(figures(at(histories, "A"))).toEqual([18, "46", "0", "-4"]);
    expect(figures(at(histories, "F"))).toEqual([0, "0", "0", "-15"]);
    expect(figures(at(histories, "B"))).toEqual([1, "5", "14", "5"]);
    expect(layers(at(histories, "B"))).toEqual([[1, "5", "2025-01-07"]]);
    expect([
      at(histories, "B").transferredInQuantity,
      at(histories, "B").transferredOutQuantity,
    ]).toEqual([5, 4]);
    expect(figures(at(histories, "C"))).toEqual([4, "14", "0", "14"]);
    expect(layers(at(histories, "C"))).toEqual([
      [2, "2", "2025-01-02"],
      [2, "5", "2025-01-07"],
    ]);
    for (const h of histories) expectBalanced(h);
  });

  it("follows a chain of 300 hops on one day in reverse row order as in row order", () => {
    // A → H1 → … → H300 → Z, every hop 12 units, the hubs empty. Z receives A's 12 as A sent them:
    // 10 @ 2 (01-02) + 2 @ 3 (01-05); every hub passes them on, never below zero.
    const hubs = Array.from({ length: 300 }, (_, h) => `H${String(h + 1).padStart(3, "0")}`);
    const stops = ["A", ...hubs, "Z"];
    const hops = stops
      .slice(1)
      .map((to, h) => [transfer(stops[h] as string, -12), transfer(to, 12)]);
    for (const valuation of ["fifo", "moving-average"] as const) {
      const reversed = replayed([...before, ...[...hops].reverse().flat()], valuation);
      const inOrder = replayed([...before, ...hops.flat()], valuation);
      expect(reversed.warnings, valuation).toEqual([]);
      expect(plain(reversed.histories), valuation).toEqual(plain(inOrder.histories));
      const value = valuation === "fifo" ? "26" : "30";
      expect(figures(at(reversed.histories, "Z")), valuation).toEqual([12, value, "0", value]);
      expect(at(reversed.histories, "Z").layers.map((l) => [l.quantity, l.receivedDate])).toEqual([
        [10, "2025-01-02"],
        [2, "2025-01-05"],
      ]);
      for (const hub of hubs)
        expect(figures(at(reversed.histories, hub)), hub).toEqual([0, "0", "0", "0"]);
    }
  });

  it("gives 200 relays on one day, their rows in the least helpful order, the histories of one", () => {
    // 200 copies of `relay` (A_j → B_j → C_j, each with A's and B's stock), all on 01-10: every
    // transfer in to C first, then every B's transfer out, every B's transfer in, every A's
    // transfer out. A_j's parcels are alike, so whichever a relay takes, each copy's histories
    // are the single relay's, but for the location.
    const copies = 200;
    const named = (rows: readonly Movement[], j: number) =>
      rows.map((m) => ({ ...m, location: `${m.location}${j}` }));
    const stock = Array.from({ length: copies }, (_, j) => named(before, j))
      .flat()
      .sort((x, y) => dayOfDate(x.date) - dayOfDate(y.date));
    const day = (location: string, quantity: number) =>
      Array.from({ length: copies }, (_, j) => transfer(`${location}${j}`, quantity));
    const sales = Array.from({ length: copies }, (_, j) =>
      named([{ sku: "R", date: "2025-01-20", type: "issue", quantity: 5, location: "C" }], j),
    ).flat();
    const many = [
      ...stock,
      ...day("C", 12),
      ...day("B", -12),
      ...day("B", 12),
      ...day("A", -12),
      ...sales,
    ];
    for (const valuation of ["fifo", "moving-average", "standard"] as const) {
      const options = {
        period: january,
        valuation,
        byLocation: true,
        skuInfo: [{ sku: "R", standardCost: 4 }],
      };
      const one = replayLedger(relay, options);
      const all = replayLedger(many, options);
      expect(all.warnings, valuation).toEqual(one.warnings);
      for (let j = 0; j < copies; j += 37)
        for (const h of one.histories) {
          const copy = at(all.histories, `${h.location}${j}`);
          expect(
            plain({ ...copy, location: h.location }),
            `${valuation} ${h.location}${j}`,
          ).toEqual(plain(h));
        }
    }
  });
});
