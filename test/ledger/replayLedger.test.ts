import { describe, expect, it } from "vitest";
import { demandStatistics } from "../../src/demand/demandStatistics.js";
import { replayLedger, replayLedgerLazily } from "../../src/ledger/replayLedger.js";
import { replayLedgerStream } from "../../src/ledger/replayLedgerStream.js";
import { toLedgerColumns } from "../../src/ledger/validateLedger.js";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuHistory } from "../../src/model/SkuHistory.js";
import { errorOf as thrownBy } from "../support/errorOf.js";
import { ENGINES, replayByEngine } from "./replayByEngine.js";

const march = { from: "2025-03-01", to: "2025-03-10" };

// Worked ledger 1 (hand computation):
//   03-01 receipt 100 @ 2.00; 03-04 receipt 50 @ 2.60 and issue 30 (same day: receipt first);
//   03-08 issue 60. Period 03-01..03-10 (10 days).
// End-of-day balances: 100, 100, 100, 120, 120, 120, 120, 60, 60, 60 → Σ 960 → average 96.
const ledger1: Movement[] = [
  { sku: "A", date: "2025-03-04", type: "issue", quantity: 30 },
  { sku: "A", date: "2025-03-01", type: "receipt", quantity: 100, unitCost: "2.00" },
  { sku: "A", date: "2025-03-04", type: "receipt", quantity: 50, unitCost: "2.60" },
  { sku: "A", date: "2025-03-08", type: "issue", quantity: 60 },
];

function only(histories: readonly SkuHistory[]): SkuHistory {
  expect(histories).toHaveLength(1);
  return histories[0] as SkuHistory;
}

describe("replayLedger: daily balances and the time-weighted average", () => {
  it("averages the end-of-day balance of every day of the period", () => {
    const h = only(replayLedger(ledger1, { period: march }).histories);
    expect(h.averageQuantity).toBe(96);
    expect(h.minQuantity).toBe(60);
    expect(h.maxQuantity).toBe(120);
    expect(h.openingQuantity).toBe(0);
    expect(h.closingQuantity).toBe(60);
    expect(h.receivedQuantity).toBe(150);
    expect(h.receivedValue.toFixed(2)).toBe("330.00"); // 200 + 130
    expect(h.issuedQuantity).toBe(90);
    expect(h.issueCount).toBe(2);
  });

  it("keeps daily demand sums with the zero-demand days implicit", () => {
    const h = only(replayLedger(ledger1, { period: march }).histories);
    // Demand 30 on 03-04 and 60 on 03-08: Σx = 90, Σx² = 900 + 3600 = 4500, max 60, 2 non-zero days.
    // The first day with demand had 30, the last 60.
    expect(h.demand.day).toEqual({
      sum: 90,
      sumOfSquares: 4500,
      max: 60,
      nonZeroBuckets: 2,
      firstBucketDemand: 30,
      lastBucketDemand: 60,
      middleSum: 0,
      middleSumOfSquares: 0,
    });
    // 03-04 (Tue) and 03-08 (Sat) are in the same ISO week: one weekly bucket of 90, both first and last.
    expect(h.demand.week).toEqual({
      sum: 90,
      sumOfSquares: 8100,
      max: 90,
      nonZeroBuckets: 1,
      firstBucketDemand: 90,
      lastBucketDemand: 90,
      middleSum: 0,
      middleSumOfSquares: 0,
    });
    expect(h.firstDemandDate).toBe("2025-03-04");
    expect(h.lastDemandDate).toBe("2025-03-08");
    expect(h.firstReceiptDate).toBe("2025-03-01");
    expect(h.lastIssueDate).toBe("2025-03-08");
  });
});

describe("replayLedger: the average quantity is rounded once", () => {
  it("0.1 on hand for the last 3 of 6 days averages exactly 0.05, for the period and its month", () => {
    // End-of-day balances 0, 0, 0, 0.1, 0.1, 0.1: Σ = 0.3 unit-days, / 6 days = 0.05. Dividing the
    // scaled sum (3 tenths) by the scale and then by the days rounds twice: 0.049999999999999996.
    const rows = [
      { sku: "F", date: "2025-03-04", type: "receipt", quantity: 0.1, unitCost: 1 },
    ] as const;
    const period = { from: "2025-03-01", to: "2025-03-06" };
    for (const engine of ENGINES) {
      const h = only(replayByEngine(rows, { period, months: true }, engine).histories);
      expect(h.averageQuantity).toBe(0.05);
      expect(h.months[0]?.averageQuantity).toBe(0.05);
    }
  });
});

describe("replayLedger: quantities beyond what the ledger's decimal places hold exactly", () => {
  // 9 decimal places: a quantity is a whole number of 1e-9 units, exact in a double up to 2^53 of
  // them, 9,007,199.254740991 units. Receipts of 5,000,000 + 5,000,000 + 0.000000001 add up to
  // 10,000,000.000000001 units, which rounds to 10,000,000: the last 1e-9 unit (and, issued out,
  // its value) silently disappeared (found by an audit).
  const overflowing = (sku: string) =>
    [
      { sku, date: "2025-01-01", type: "receipt", quantity: 5_000_000, unitCost: 1 },
      { sku, date: "2025-01-02", type: "receipt", quantity: 5_000_000, unitCost: 1 },
      { sku, date: "2025-01-03", type: "receipt", quantity: 0.000000001, unitCost: 1 },
      { sku, date: "2025-01-04", type: "issue", quantity: 5_000_000 },
      { sku, date: "2025-01-05", type: "issue", quantity: 5_000_000 },
    ] as const;
  const period = { from: "2025-01-01", to: "2025-01-31" };
  const errorOf = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it("stops with out_of_range naming every such SKU, before any history", async () => {
    // C's rows first: the SKUs are named in SKU order all the same.
    const rows = [...overflowing("C"), ...overflowing("A")];
    for (const valuation of ["moving-average", "fifo"] as const) {
      for (const months of [false, true]) {
        const error = errorOf(() => replayLedgerLazily(rows, { period, valuation, months }));
        expect(error).toBeInstanceOf(InvKpiError);
        expect(error).toMatchObject({
          code: "out_of_range",
          path: ["ledger"],
          details: {
            decimals: 9,
            skus: [
              { sku: "A", location: null, flow: "stock in" },
              { sku: "C", location: null, flow: "stock in" },
            ],
          },
        });
        expect((error as Error).message).toMatch(
          /^replayLedger: the quantities of SKUs 'A' \(stock in 10000000\), 'C'/,
        );
      }
    }
    // The streaming replay, too, in small chunks (it takes rows in date order).
    const inDateOrder = [...rows].sort((a, b) => a.date.localeCompare(b.date));
    const streamOptions = { period, chunkRows: 3, quantityDecimals: 9 };
    await expect(replayLedgerStream(inDateOrder, streamOptions)).rejects.toMatchObject({
      code: "out_of_range",
      message: expect.stringMatching(/^replayLedgerStream: the quantities of SKUs 'A'/),
    });
  });

  it("lets 9,000,000 units in and out, below the limit, stay exact", () => {
    const within = [
      { sku: "A", date: "2025-01-01", type: "receipt", quantity: 9_000_000, unitCost: 1 },
      { sku: "A", date: "2025-01-02", type: "receipt", quantity: 0.000000001, unitCost: 1 },
      { sku: "A", date: "2025-01-04", type: "issue", quantity: 9_000_000 },
    ] as const;
    expect(only(replayLedger(within, { period }).histories).closingQuantity).toBe(0.000000001);
  });
});

describe("replayLedger: moving-average valuation", () => {
  it("values issues at the running average cost (ledger 1 by hand)", () => {
    // 03-01: V = 100 × 2 = 200, Q = 100.
    // 03-04: receipt 50 × 2.60 = 130 → V = 330, Q = 150; issue 30 × 330/150 = 66 → V = 264, Q = 120.
    // 03-08: issue 60 × 264/120 = 132 → V = 132, Q = 60. COGS = 66 + 132 = 198.
    // Daily values: 200 ×3 + 264 ×4 + 132 ×3 = 600 + 1056 + 396 = 2052 → average 205.2.
    const h = only(replayLedger(ledger1, { period: march }).histories);
    expect(h.cogs.toFixed()).toBe("198");
    expect(h.closingValue.toFixed()).toBe("132");
    expect(h.averageValue.toFixed()).toBe("205.2");
    expect(h.layers.map((l) => [l.quantity, l.value.toFixed(), l.receivedDate])).toEqual([
      [10, "22", "2025-03-01"], // 132 × 10/60 = 22
      [50, "110", "2025-03-04"], // the last layer takes the rest: 132 − 22
    ]);
  });

  it("rounds each issue half to even at 6 decimals and lets the last unit take the rest", () => {
    // Receipts 1 @ 1 and 2 @ 2: Q = 3, V = 5.
    // Issue 1: 5/3 = 1.6666666… → 1.666667; V = 3.333333, Q = 2.
    // Issue 1: 3.333333/2 = 1.6666665 → half to even → 1.666666; V = 1.666667, Q = 1.
    // Issue 1: the last unit takes the whole remaining value 1.666667.
    // COGS = 1.666667 + 1.666666 + 1.666667 = 5.000000: nothing is lost to rounding.
    const { histories } = replayLedger(
      [
        { sku: "R", date: "2025-03-01", type: "receipt", quantity: 1, unitCost: 1 },
        { sku: "R", date: "2025-03-01", type: "receipt", quantity: 2, unitCost: 2 },
        { sku: "R", date: "2025-03-02", type: "issue", quantity: 1 },
        { sku: "R", date: "2025-03-03", type: "issue", quantity: 1 },
        { sku: "R", date: "2025-03-04", type: "issue", quantity: 1 },
      ],
      { period: march, months: true },
    );
    const h = only(histories);
    expect(h.issuedValue.toFixed(6)).toBe("5.000000");
    expect(h.closingValue.isZero()).toBe(true);
    expect(h.months[0]?.cogs.toFixed(6)).toBe("5.000000");
  });
});

describe("replayLedger: FIFO valuation", () => {
  it("consumes the oldest layer first, partially (ledger 1 by hand)", () => {
    // 03-04: issue 30 from layer 100 @ 2 → 60; that layer keeps 70. V = 200 + 130 − 60 = 270.
    // 03-08: issue 60 from the same layer → 120; it keeps 10. V = 150. COGS = 180.
    // Closing: 10 @ 2 + 50 @ 2.60 = 20 + 130 = 150.
    // Daily values: 200 ×3 + 270 ×4 + 150 ×3 = 600 + 1080 + 450 = 2130 → average 213.
    const h = only(replayLedger(ledger1, { period: march, valuation: "fifo" }).histories);
    expect(h.cogs.toFixed()).toBe("180");
    expect(h.closingValue.toFixed()).toBe("150");
    expect(h.averageValue.toFixed()).toBe("213");
    expect(
      h.layers.map((l) => [l.quantity, l.unitCost.toFixed(2), l.value.toFixed(2), l.receivedDate]),
    ).toEqual([
      [10, "2.00", "20.00", "2025-03-01"],
      [50, "2.60", "130.00", "2025-03-04"],
    ]);
  });

  it("keeps same-day receipts in posting order: the first posted is issued first", () => {
    const h = only(
      replayLedger(
        [
          { sku: "P", date: "2025-03-02", type: "receipt", quantity: 5, unitCost: 7 },
          { sku: "P", date: "2025-03-02", type: "receipt", quantity: 5, unitCost: 3 },
          { sku: "P", date: "2025-03-02", type: "issue", quantity: 5 },
        ],
        { period: march, valuation: "fifo" },
      ).histories,
    );
    expect(h.cogs.toFixed()).toBe("35"); // 5 × 7, the first posted receipt
  });
});

describe("replayLedger: standard valuation", () => {
  it("values every unit at the SKU's standard cost", () => {
    // Receipts at 2.00 and 2.60 are valued at standard 2.50: closing 60 × 2.5 = 150, COGS 90 × 2.5 = 225.
    const h = only(
      replayLedger(ledger1, {
        period: march,
        valuation: "standard",
        skuInfo: [{ sku: "A", standardCost: "2.50" }],
      }).histories,
    );
    expect(h.cogs.toFixed()).toBe("225");
    expect(h.closingValue.toFixed()).toBe("150");
    expect(h.receivedValue.toFixed()).toBe("375");
  });

  it("refuses standard valuation without a standard cost", () => {
    expect(() => replayLedger(ledger1, { period: march, valuation: "standard" })).toThrowError(
      expect.objectContaining({ code: "invalid_option" }),
    );
  });
});

describe("replayLedger: customer returns", () => {
  const ledger: Movement[] = [
    { sku: "T", date: "2025-03-01", type: "receipt", quantity: 10, unitCost: 5 },
    { sku: "T", date: "2025-03-02", type: "issue", quantity: 4, unitPrice: 9 },
    { sku: "T", date: "2025-03-05", type: "return", quantity: 1 },
    {
      sku: "T",
      date: "2025-03-06",
      type: "return",
      quantity: 1,
      unitCost: "4.50",
      unitPrice: "8.50",
    },
  ];

  it("come back at the last issue's cost unless they carry one, and reduce COGS, revenue and demand", () => {
    // Issue 4 × 5 = 20 (V = 30, Q = 6). Return 1 without cost: at the last issue's unit cost 20/4 = 5
    // (V = 35, Q = 7). Return 1 at its own cost 4.50 (V = 39.5, Q = 8).
    // COGS = 20 − 5 − 4.5 = 10.5. Revenue = 4 × 9 − 1 × 9 (last issue's price) − 1 × 8.5 = 18.5.
    const h = only(replayLedger(ledger, { period: march }).histories);
    expect(h.cogs.toFixed()).toBe("10.5");
    expect(h.returnedQuantity).toBe(2);
    expect(h.returnedValue.toFixed()).toBe("9.5");
    expect(h.closingValue.toFixed()).toBe("39.5");
    expect(h.revenue.toFixed()).toBe("18.5");
    // Net demand by day: +4 on 03-02, −1 on 03-05, −1 on 03-06: Σx = 2, Σx² = 16 + 1 + 1 = 18.
    // The first day with demand had +4, the last −1 (a return), the one between them −1.
    expect(h.demand.day).toEqual({
      sum: 2,
      sumOfSquares: 18,
      max: 4,
      nonZeroBuckets: 3,
      firstBucketDemand: 4,
      lastBucketDemand: -1,
      middleSum: -1,
      middleSumOfSquares: 1,
    });
    expect(h.lastDemandDate).toBe("2025-03-06");
  });

  it("re-enter as new layers dated the return day (FIFO)", () => {
    const h = only(replayLedger(ledger, { period: march, valuation: "fifo" }).histories);
    expect(h.layers.map((l) => [l.quantity, l.unitCost.toFixed(2), l.receivedDate])).toEqual([
      [6, "5.00", "2025-03-01"],
      [1, "5.00", "2025-03-05"],
      [1, "4.50", "2025-03-06"],
    ]);
  });
});

describe("replayLedger: negative stock", () => {
  const ledger: Movement[] = [
    { sku: "N", date: "2025-03-01", type: "receipt", quantity: 5, unitCost: 10 },
    { sku: "N", date: "2025-03-02", type: "issue", quantity: 8 },
    { sku: "N", date: "2025-03-03", type: "receipt", quantity: 10, unitCost: 12 },
  ];

  for (const valuation of ["moving-average", "fifo"] as const) {
    it(`costs the shortfall at the last cost and settles it with the next receipt (${valuation})`, () => {
      // Issue 8: 5 from stock (50) + 3 beyond stock at the last cost 10 (30) = 80; Q = −3, V = −30.
      // Receipt 10 @ 12: the 3 owed units really cost 36, booked 30 → 6 more into COGS.
      // V = −30 + 120 − 6 = 84 = 7 × 12. COGS = 80 + 6 = 86. Check: 0 + 170 = 86 + 84.
      const { histories, warnings } = replayLedger(ledger, { period: march, valuation });
      const h = only(histories);
      expect(h.cogs.toFixed()).toBe("86");
      expect(h.closingValue.toFixed()).toBe("84");
      expect(h.closingQuantity).toBe(7);
      expect(h.minQuantity).toBe(-3);
      expect(h.layers.map((l) => [l.quantity, l.receivedDate])).toEqual([[7, "2025-03-03"]]);
      expect(warnings).toEqual([
        expect.objectContaining({ code: "negative_stock", sku: "N", date: "2025-03-02", row: 1 }),
      ]);
    });
  }

  for (const valuation of ["moving-average", "fifo"] as const) {
    it(`a negative opening balance's unit cost is the last known cost of the next outflow (${valuation}; found by an audit: moving average costed it at 0)`, () => {
      // Opening −5 @ 2: Q = −5, V = −10. Issue 3 on Jan 10, beyond stock: owed at the opening's
      // cost 2 → COGS 6, Q = −8, V = −16 (FIFO: a second owed piece 3 @ 2). It was 0 under moving
      // average, no warning: stock was never above zero to give a cost, and V stayed −10 for −8.
      // Receipt 10 @ 3 on Feb 10 settles the 8 owed: true 24, booked 16 → 8 more COGS = 14;
      // closing 2 @ 3 = 6. Check: −10 + 30 = 14 + 6.
      const ledger: Movement[] = [
        { sku: "A", date: "2025-01-10", type: "issue", quantity: 3 },
        { sku: "A", date: "2025-02-10", type: "receipt", quantity: 10, unitCost: 3 },
      ];
      const openingBalances = [{ sku: "A", quantity: -5, unitCost: 2 }];
      const january = replayLedger(ledger, {
        period: { from: "2025-01-01", to: "2025-01-31" },
        valuation,
        openingBalances,
      });
      const jan = only(january.histories);
      expect([jan.cogs.toFixed(), jan.closingQuantity, jan.closingValue.toFixed()]).toEqual([
        "6",
        -8,
        "-16",
      ]);
      const both = replayLedger(ledger, {
        period: { from: "2025-01-01", to: "2025-02-28" },
        valuation,
        openingBalances,
      });
      const h = only(both.histories);
      expect([h.cogs.toFixed(), h.closingQuantity, h.closingValue.toFixed()]).toEqual([
        "14",
        2,
        "6",
      ]);
    });
  }

  it("settles a deficit in parts, each part at its share of the booked value (moving average)", () => {
    // Receipt 5 @ 10, issue 8: Q = −3, V = −30 (3 units owed at 10).
    // Receipt 1 @ 12 settles 1 unit: true 12, booked −30 × 1/3 = −10 → 2 more COGS; V = −30 + 12 − 2 = −20.
    // Receipt 10 @ 12 settles the other 2: true 24, booked −20 → 4 more COGS; V = −20 + 120 − 4 = 96 = 8 × 12.
    // COGS = 80 + 2 + 4 = 86, the same as settling all 3 at once.
    const rows: Movement[] = [
      ...ledger.slice(0, 2),
      { sku: "N", date: "2025-03-03", type: "receipt", quantity: 1, unitCost: 12 },
      { ...(ledger[2] as Movement), date: "2025-03-04" },
    ];
    for (const engine of ENGINES) {
      const h = only(replayByEngine(rows, { period: march }, engine).histories);
      expect([h.cogs.toFixed(), h.closingValue.toFixed(), h.closingQuantity]).toEqual([
        "86",
        "96",
        8,
      ]);
      // COGS and the closing stock do not tell a partial settlement from one that books the whole
      // deficit at once; the days in between do. End-of-day values: 03-01 50, 03-02 −30, 03-03 −20
      // (not 0: two units are still owed, worth −20), 03-04..03-10 96 × 7 = 672.
      // Σ = 50 − 30 − 20 + 672 = 672 → 672 / 10 = 67.2.
      expect(h.averageValue.toFixed()).toBe("67.2");
      // End-of-day quantities: 5, −3, −2, then 8 × 7 → 56 / 10.
      expect(h.averageQuantity).toBe(5.6);
    }
  });

  it("settles a deficit in parts across a month end: each month's COGS gets its own part", () => {
    // As above, but the last receipt (10 @ 12) comes on 04-02; period 03-01..04-30.
    // March: issue 8 = 50 + 30 owed → 80; 03-03 receipt 1 @ 12 settles 1 of the 3 owed units:
    //   true 12, booked −30 × 1/3 = −10 → +2. March COGS 82; closes with Q = −2, V = −30 + 12 − 2 = −20.
    // April: 04-02 receipt 10 @ 12 settles the last 2: true 24, booked −20 → +4. April COGS 4;
    //   closes with Q = 8, V = −20 + 120 − 4 = 96.
    // Period: COGS 86, closing 96 (as when settled at once); month-end 03-31 at −2 worth −20.
    const rows: Movement[] = [
      ...ledger.slice(0, 2),
      { sku: "N", date: "2025-03-03", type: "receipt", quantity: 1, unitCost: 12 },
      { ...(ledger[2] as Movement), date: "2025-04-02" },
    ];
    const period = { from: "2025-03-01", to: "2025-04-30" };
    for (const engine of ENGINES) {
      const h = only(replayByEngine(rows, { period, months: true }, engine).histories);
      expect([h.cogs.toFixed(), h.closingValue.toFixed(), h.closingQuantity]).toEqual([
        "86",
        "96",
        8,
      ]);
      expect(h.monthEnds.map((e) => [e.date, e.quantity, e.value.toFixed()])).toEqual([
        ["2025-03-31", -2, "-20"],
        ["2025-04-30", 8, "96"],
      ]);
      // End-of-day values: 50, −30, then −20 for 03-03..04-01 (30 days), then 96 for 04-02..04-30
      // (29 days): Σ = 50 − 30 − 600 + 2784 = 2204, over 61 days.
      expect(h.averageValue.toFixed()).toBe(new Decimal(2204).div(61).toFixed());
      expect(
        h.months.map((m) => [
          m.month,
          m.cogs.toFixed(),
          m.closingQuantity,
          m.closingValue.toFixed(),
        ]),
      ).toEqual([
        ["2025-03", "82", -2, "-20"],
        ["2025-04", "4", 8, "96"],
      ]);
    }
  });

  describe("an outflow below zero while no cost is known (found by an audit)", () => {
    // P only issues: 7 on 03-02, 3 on 03-05, never received, no standard cost. Both leave at cost 0
    // (nothing to cost them at): COGS 0, closing −10 units worth 0. Before, only negative_stock
    // said anything, and a report showed a 100 % gross margin as if the goods had cost nothing.
    const issuesOnly: Movement[] = [
      { sku: "P", date: "2025-03-02", type: "issue", quantity: 7, unitPrice: "9.99" },
      { sku: "P", date: "2025-03-05", type: "issue", quantity: 3, unitPrice: "9.99" },
    ];
    const expected = [
      expect.objectContaining({ code: "negative_stock", sku: "P", date: "2025-03-02", row: 0 }),
      expect.objectContaining({ code: "unknown_cost", sku: "P", date: "2025-03-02", row: 0 }),
    ];

    for (const valuation of ["moving-average", "fifo"] as const) {
      it(`is reported as unknown_cost once per fall below zero, by both engines (${valuation})`, () => {
        for (const engine of ENGINES) {
          const { histories, warnings } = replayByEngine(
            issuesOnly,
            { period: march, valuation },
            engine,
          );
          const h = only(histories);
          expect([h.cogs.toFixed(), h.closingQuantity, h.closingValue.toFixed()]).toEqual([
            "0",
            -10,
            "0",
          ]);
          expect(warnings).toEqual(expected);
        }
      });
    }

    it("is not reported when a cost was known: an earlier receipt, or a standard cost", () => {
      const afterReceipt = replayLedger(ledger, { period: march });
      expect(afterReceipt.warnings.map((w) => w.code)).toEqual(["negative_stock"]);
      const withStandard = replayLedger(issuesOnly, {
        period: march,
        skuInfo: [{ sku: "P", standardCost: 4 }],
      });
      // Costed at the standard cost instead: 10 × 4.
      expect(only(withStandard.histories).cogs.toFixed()).toBe("40");
      expect(withStandard.warnings.map((w) => w.code)).toEqual(["negative_stock"]);
    });

    it("is reported again by a later fall below zero at no known cost, by location too", () => {
      // A transfer out beyond stock at a location that never had stock is such an outflow.
      const { warnings } = replayLedger(
        [
          ...issuesOnly,
          { sku: "P", date: "2025-03-06", type: "transfer", quantity: -2, location: "B" },
          { sku: "P", date: "2025-03-06", type: "transfer", quantity: 2, location: "C" },
        ].map((m) => ({ location: "A", ...m })) as Movement[],
        { period: march, byLocation: true },
      );
      expect(warnings.map((w) => [w.code, w.location, w.date])).toEqual([
        ["negative_stock", "A", "2025-03-02"],
        ["unknown_cost", "A", "2025-03-02"],
        ["negative_stock", "B", "2025-03-06"],
        ["unknown_cost", "B", "2025-03-06"],
      ]);
    });
  });

  it("stops with negative_stock under negativeStock: 'error'", () => {
    try {
      replayLedger(ledger, { period: march, negativeStock: "error" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvKpiError);
      expect((e as InvKpiError).code).toBe("negative_stock");
      expect((e as InvKpiError).details).toMatchObject({ sku: "N", date: "2025-03-02" });
    }
  });
});

describe("replayLedger: transfers between locations", () => {
  const ledger: Movement[] = [
    {
      sku: "X",
      date: "2025-01-05",
      type: "receipt",
      quantity: 10,
      unitCost: 3,
      location: "WH1",
      lot: "L1",
    },
    {
      sku: "X",
      date: "2025-02-01",
      type: "receipt",
      quantity: 5,
      unitCost: 4,
      location: "WH1",
      lot: "L2",
    },
    { sku: "X", date: "2025-03-01", type: "transfer", quantity: 12, location: "WH2" },
    { sku: "X", date: "2025-03-01", type: "transfer", quantity: -12, location: "WH1" },
  ];
  const q1 = { from: "2025-01-01", to: "2025-03-31" };

  it("moves FIFO layers with their receipt day (byLocation)", () => {
    // WH1 sends 12: 10 @ 3 from 01-05 and 2 @ 4 from 02-01 = 38; it keeps 3 @ 4 (12).
    const { histories, warnings } = replayLedger(ledger, {
      period: q1,
      valuation: "fifo",
      byLocation: true,
    });
    expect(warnings).toEqual([]);
    const [wh1, wh2] = histories as [SkuHistory, SkuHistory];
    expect([
      wh1.location,
      wh1.closingQuantity,
      wh1.closingValue.toFixed(),
      wh1.transferredOutQuantity,
      wh1.transferredValue.toFixed(),
    ]).toEqual(["WH1", 3, "12", 12, "-38"]);
    expect([
      wh2.location,
      wh2.closingQuantity,
      wh2.closingValue.toFixed(),
      wh2.transferredInQuantity,
      wh2.transferredValue.toFixed(),
    ]).toEqual(["WH2", 12, "38", 12, "38"]);
    expect(
      wh2.layers.map((l) => [l.quantity, l.unitCost.toFixed(), l.receivedDate, l.lot]),
    ).toEqual([
      [10, "3", "2025-01-05", "L1"],
      [2, "4", "2025-02-01", "L2"],
    ]);
    // Neither COGS nor demand: a transfer is not consumption.
    expect(wh1.cogs.isZero() && wh2.cogs.isZero()).toBe(true);
    expect(wh1.demand.day.sum + wh2.demand.day.sum).toBe(0);
  });

  it("nets out for the company when histories are per SKU", () => {
    const h = only(replayLedger(ledger, { period: q1, valuation: "fifo" }).histories);
    expect(h.closingQuantity).toBe(15);
    expect(h.closingValue.toFixed()).toBe("50");
    expect(h.layers.map((l) => [l.quantity, l.receivedDate])).toEqual([
      [10, "2025-01-05"],
      [5, "2025-02-01"],
    ]);
  });

  it("per SKU, a matched pair beside an unmatched transfer in changes nothing: its cost is used", () => {
    // Found by a test audit: W1 receives 10 @ 2; on 03-02 W1 sends 3 to W2 (a matched pair) and
    // 5 arrive at W1 @ 7 with no transfer out. By location: W1 29 + W2 6 = 35 transferred in value,
    // closing 20 + 35 = 55. Per SKU the net +5 was applied at the pair's transfer out, which has no
    // cost, so the 5 came in at the current cost 2 (10, closing 30): the pair changed the result.
    const rows: Movement[] = [
      { sku: "T", date: "2025-03-01", type: "receipt", quantity: 10, unitCost: 2, location: "W1" },
      { sku: "T", date: "2025-03-02", type: "transfer", quantity: -3, location: "W1" },
      { sku: "T", date: "2025-03-02", type: "transfer", quantity: 3, location: "W2" },
      { sku: "T", date: "2025-03-02", type: "transfer", quantity: 5, unitCost: 7, location: "W1" },
    ];
    for (const valuation of ["moving-average", "fifo"] as const) {
      const perSku = only(replayLedger(rows, { period: march, valuation }).histories);
      expect([perSku.transferredValue.toFixed(), perSku.closingValue.toFixed()]).toEqual([
        "35",
        "55",
      ]);
      const byLocation = replayLedger(rows, { period: march, valuation, byLocation: true });
      const total = (pick: (h: SkuHistory) => Decimal) =>
        byLocation.histories.reduce((sum, h) => sum.plus(pick(h)), new Decimal(0)).toFixed();
      expect(total((h) => h.closingValue)).toBe("55");
      // Without the pair, the same.
      const alone = only(
        replayLedger([rows[0], rows[3]] as Movement[], { period: march, valuation }).histories,
      );
      expect(alone.closingValue.toFixed()).toBe("55");
    }
  });

  it("reports a transfer out without its transfer in", () => {
    const { warnings } = replayLedger(
      ledger
        .slice(0, 2)
        .concat([
          { sku: "X", date: "2025-03-01", type: "transfer", quantity: -2, location: "WH1" },
        ]),
      {
        period: q1,
        byLocation: true,
      },
    );
    expect(warnings).toEqual([
      expect.objectContaining({
        code: "unmatched_transfer",
        sku: "X",
        location: "WH1",
        date: "2025-03-01",
        row: 2,
      }),
    ]);
  });
});

describe("replayLedger: movements before and after the period", () => {
  // Period February 2025 (28 days). Before: receipt 20 @ 1.50 on 01-10, issue 5 on 01-20.
  // Inside: issue 3 on 02-10. After: receipt 100 on 03-05.
  // Opening 15 (value 22.5); closing 12 (18); COGS 3 × 1.5 = 4.5.
  // Average: 15 for 02-01..02-09 (9 days) and 12 for 02-10..02-28 (19 days): (135 + 228) / 28 = 12.964…
  const ledger: Movement[] = [
    { sku: "B", date: "2025-01-10", type: "receipt", quantity: 20, unitCost: "1.50" },
    { sku: "B", date: "2025-01-20", type: "issue", quantity: 5 },
    { sku: "B", date: "2025-02-10", type: "issue", quantity: 3 },
    { sku: "B", date: "2025-03-05", type: "receipt", quantity: 100, unitCost: 1 },
  ];

  it("builds the opening balance from earlier movements and leaves later ones out", () => {
    const { histories, warnings } = replayLedger(ledger, {
      period: { from: "2025-02-01", to: "2025-02-28" },
    });
    const h = only(histories);
    expect([
      h.openingQuantity,
      h.openingValue.toFixed(),
      h.closingQuantity,
      h.closingValue.toFixed(),
      h.cogs.toFixed(),
    ]).toEqual([15, "22.5", 12, "18", "4.5"]);
    expect(h.averageQuantity).toBeCloseTo(363 / 28, 12);
    expect(h.receivedQuantity).toBe(0);
    expect(h.issuedQuantity).toBe(3);
    expect(h.lastReceiptDate).toBe("2025-01-10");
    expect(h.monthEnds.map((m) => [m.date, m.quantity, m.value.toFixed()])).toEqual([
      ["2025-02-28", 12, "18"],
    ]);
    expect(warnings.map((w) => [w.code, w.count])).toEqual([
      ["after_period", 1],
      ["before_period", 2],
    ]);
  });

  it("takes opening balances with their cost and receipt day", () => {
    const { histories } = replayLedger(
      [{ sku: "O", date: "2025-02-03", type: "issue", quantity: 4 }],
      {
        period: { from: "2025-02-01", to: "2025-02-28" },
        valuation: "fifo",
        openingBalances: [{ sku: "O", quantity: 10, unitCost: "0.75", receivedOn: "2024-11-30" }],
      },
    );
    const h = only(histories);
    expect([
      h.openingQuantity,
      h.openingValue.toFixed(),
      h.cogs.toFixed(),
      h.closingValue.toFixed(),
    ]).toEqual([10, "7.5", "3", "4.5"]);
    expect(h.layers[0]?.receivedDate).toBe("2024-11-30");
    expect(h.firstReceiptDate).toBe("2024-11-30");
  });
});

describe("replayLedger: months", () => {
  it("refuses the report's internal monthEnds: false, an option it does not read", () => {
    // Before the API audit the option was ignored (month ends always); now a name replayLedger does
    // not read is refused as a typo would be, and month ends stay the caller's to have.
    const period = { from: "2025-02-15", to: "2025-03-31" };
    const tuned = { period, monthEnds: false } as Parameters<typeof replayLedger>[1];
    expect(() => replayLedger(ledger1, tuned)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: ["monthEnds"] }) as Error,
    );
    const h = only(replayLedger(ledger1, { period }).histories);
    expect(h.monthEnds.map((m) => m.date)).toEqual(["2025-02-28", "2025-03-31"]);
  });

  it("keeps month figures only when asked, month ends always", () => {
    const h = only(
      replayLedger(ledger1, { period: { from: "2025-02-15", to: "2025-03-31" } }).histories,
    );
    expect(h.months).toEqual([]);
    expect(h.monthEnds.map((m) => [m.date, m.quantity, m.value.toFixed()])).toEqual([
      ["2025-02-28", 0, "0"],
      ["2025-03-31", 60, "132"],
    ]);
  });

  it("closes each month with its own average and month-end balance", () => {
    // Receipt 31 on 01-01; issue 31 on 02-01. January: 31 every day; February: 0 every day.
    const { histories } = replayLedger(
      [
        { sku: "M", date: "2024-01-01", type: "receipt", quantity: 31, unitCost: 1 },
        { sku: "M", date: "2024-02-01", type: "issue", quantity: 31 },
      ],
      { period: { from: "2024-01-01", to: "2024-02-29" }, months: true },
    );
    const h = only(histories);
    expect(h.period.days).toBe(60); // 31 + 29 (leap year)
    expect(h.averageQuantity).toBeCloseTo((31 * 31) / 60, 12);
    expect(
      h.months.map((m) => [
        m.month,
        m.days,
        m.averageQuantity,
        m.closingQuantity,
        m.cogs.toFixed(),
      ]),
    ).toEqual([
      ["2024-01", 31, 31, 31, "0"],
      ["2024-02", 29, 0, 0, "31"],
    ]);
    expect(h.monthEnds.map((m) => m.date)).toEqual(["2024-01-31", "2024-02-29"]);
  });
});

describe("replayLedger: input forms and edge cases", () => {
  it("gives the same result for Date objects, strings and columns", () => {
    const asDates = ledger1.map((m) => ({ ...m, date: new Date(`${m.date as string}T00:00:00Z`) }));
    const a = replayLedger(ledger1, { period: march }).histories;
    const b = replayLedger(asDates, { period: march }).histories;
    const c = replayLedger(toLedgerColumns(ledger1), { period: march }).histories;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
  });

  it("keeps fractional quantities exact", () => {
    // 0.1 + 0.2 kg received, 0.3 kg issued: exactly nothing left (floating point would leave 5.5e-17).
    const { histories } = replayLedger(
      [
        { sku: "K", date: "2025-03-01", type: "receipt", quantity: 0.1, unitCost: 3 },
        { sku: "K", date: "2025-03-01", type: "receipt", quantity: 0.2, unitCost: 3 },
        { sku: "K", date: "2025-03-02", type: "issue", quantity: 0.3 },
      ],
      { period: march },
    );
    const h = only(histories);
    expect(h.closingQuantity).toBe(0);
    expect(h.receivedQuantity).toBe(0.3);
    expect(h.cogs.toFixed()).toBe("0.9");
  });

  it("handles an empty ledger and a one-day period", () => {
    expect(replayLedger([], { period: { from: "2025-01-01", to: "2025-01-01" } })).toEqual({
      histories: [],
      warnings: [],
    });
    const h = only(
      replayLedger(ledger1.slice(1, 2), { period: { from: "2025-03-01", to: "2025-03-01" } })
        .histories,
    );
    expect([h.period.days, h.averageQuantity, h.closingQuantity]).toEqual([1, 100, 100]);
  });

  it("sorts SKU codes exactly, Unicode included, and never trims them", () => {
    const { histories } = replayLedger(
      [
        { sku: "螺丝 M3", date: "2025-03-01", type: "receipt", quantity: 1, unitCost: 1 },
        { sku: "b ", date: "2025-03-01", type: "receipt", quantity: 1, unitCost: 1 },
        { sku: "b", date: "2025-03-01", type: "receipt", quantity: 1, unitCost: 1 },
        { sku: "B", date: "2025-03-01", type: "receipt", quantity: 1, unitCost: 1 },
      ],
      { period: march },
    );
    expect(histories.map((h) => h.sku)).toEqual(["B", "b", "b ", "螺丝 M3"]);
  });

  it("rejects an invalid ledger with every problem at once, and a bad period", () => {
    try {
      replayLedger(
        [
          { sku: "", date: "2025-02-30", type: "issue", quantity: 1 },
          { sku: "A" },
        ] as unknown as Movement[],
        { period: march },
      );
      expect.unreachable();
    } catch (e) {
      expect((e as InvKpiError).code).toBe("invalid_ledger");
      expect((e as InvKpiError).issues.map((i) => [i.row, i.field, i.code])).toEqual([
        [0, "sku", "empty_sku"],
        [0, "date", "invalid_date"],
        [1, "date", "missing_field"],
        [1, "type", "missing_field"],
        [1, "quantity", "missing_field"],
      ]);
    }
    expect(() =>
      replayLedger(ledger1, { period: { from: "2025-03-10", to: "2025-03-01" } }),
    ).toThrowError(expect.objectContaining({ code: "invalid_period" }));
    expect(() => replayLedger(ledger1, { period: march, valuation: "lifo" as never })).toThrowError(
      expect.objectContaining({ code: "invalid_option" }),
    );
  });
});

describe("replayLedger: regressions found in review", () => {
  it("keeps money exact when another SKU forces very fine scales (sums beyond 2^79)", () => {
    // Z's 9-decimal quantity and 12-decimal cost make one money unit 10^-21: B's 1370 is 1.37e24 units.
    const rows: Movement[] = [
      { sku: "B", date: "2025-01-01", type: "receipt", quantity: 1000, unitCost: "1.37" },
      { sku: "B", date: "2025-01-02", type: "issue", quantity: 999 },
      {
        sku: "Z",
        date: "2025-01-01",
        type: "receipt",
        quantity: 0.000000001,
        unitCost: "0.000000000001",
      },
    ];
    const b = replayLedger(rows, { period: { from: "2025-01-01", to: "2025-01-31" } })
      .histories[0] as SkuHistory;
    expect([b.receivedValue.toFixed(), b.cogs.toFixed(), b.closingValue.toFixed()]).toEqual([
      "1370",
      "1368.63",
      "1.37",
    ]);
    // Average: 1370 on day 1, 1.37 on days 2..31: (1370 + 30 × 1.37) / 31 = 1411.1 / 31.
    expect(b.averageValue.toFixed(30)).toBe(new Decimal("1411.1").div(31).toFixed(30));
  });

  it("rounds a shortfall beyond 2^53 units exactly (moving average)", () => {
    // 1000.001 units owed at 123456.789123: −round6(123456912.579788…) = −123456912.579789.
    const { histories } = replayLedger(
      [
        {
          sku: "P",
          date: "2025-01-01",
          type: "receipt",
          quantity: 0.003,
          unitCost: "123456.789123",
        },
        { sku: "P", date: "2025-01-02", type: "issue", quantity: 0.003 },
        { sku: "P", date: "2025-01-03", type: "issue", quantity: 1000.001 },
      ],
      { period: { from: "2025-01-01", to: "2025-01-31" } },
    );
    expect(only(histories).closingValue.toFixed()).toBe("-123456912.579789");
  });

  it("passes units without a layer on, when a transfer out exceeded stock and went to two places (FIFO)", () => {
    // X holds 4 @ 1 and sends 10: 6 units are owed at X's last cost 1. Y gets 7, Z gets 3; Y then sells 7.
    const { histories } = replayLedger(
      [
        { sku: "S", date: "2025-01-01", type: "receipt", quantity: 4, unitCost: 1, location: "X" },
        { sku: "S", date: "2025-01-01", type: "transfer", quantity: -10, location: "X" },
        { sku: "S", date: "2025-01-01", type: "transfer", quantity: 7, location: "Y" },
        { sku: "S", date: "2025-01-01", type: "transfer", quantity: 3, location: "Z" },
        { sku: "S", date: "2025-01-02", type: "issue", quantity: 7, location: "Y" },
      ],
      { period: { from: "2025-01-01", to: "2025-01-31" }, valuation: "fifo", byLocation: true },
    );
    const y = histories.find((h) => h.location === "Y") as SkuHistory;
    expect([y.cogs.toFixed(), y.closingQuantity, y.closingValue.toFixed()]).toEqual(["7", 0, "0"]);
  });

  it("nets a day's transfers per SKU: no false negative stock, no re-dated layers, no lost costs", () => {
    const rows: Movement[] = [
      { sku: "T", date: "2025-01-02", type: "receipt", quantity: 5, unitCost: 1, location: "X" },
      { sku: "T", date: "2025-01-03", type: "receipt", quantity: 5, unitCost: 3, location: "X" },
      { sku: "T", date: "2025-01-04", type: "issue", quantity: 6, location: "Y" },
      { sku: "T", date: "2025-01-04", type: "transfer", quantity: -10, location: "X" },
      { sku: "T", date: "2025-01-04", type: "transfer", quantity: 10, location: "Y" },
      { sku: "T", date: "2025-01-05", type: "adjustment", quantity: 1 },
    ];
    const { histories, warnings } = replayLedger(rows, {
      period: { from: "2025-01-01", to: "2025-01-31" },
      valuation: "fifo",
      negativeStock: "error",
    });
    expect(warnings).toEqual([]);
    const h = only(histories);
    // Issue 6: 5 @ 1 + 1 @ 3 = 8. The adjustment enters at the last cost seen, 3. Closing 4 @ 3 + 1 @ 3 = 15.
    expect([h.cogs.toFixed(), h.closingValue.toFixed()]).toEqual(["8", "15"]);
    expect(h.layers.map((l) => l.receivedDate)).toEqual(["2025-01-03", "2025-01-05"]);
  });

  it("gives a SKU the same demand statistics whatever other SKUs are in the input", () => {
    const rows: Movement[] = [
      { sku: "D", date: "2025-01-01", type: "receipt", quantity: 100000, unitCost: 1 },
    ];
    for (let d = 1; d <= 28; d++)
      rows.push({
        sku: "D",
        date: `2025-02-${String(d).padStart(2, "0")}`,
        type: "issue",
        quantity: 7,
      });
    const period = { from: "2025-01-01", to: "2025-12-31" };
    const alone = only(replayLedger(rows, { period }).histories).demand;
    const withOther = replayLedger(
      [
        ...rows,
        { sku: "E", date: "2025-01-01", type: "receipt", quantity: 0.000000001, unitCost: 1 },
      ],
      { period },
    ).histories[0]?.demand;
    expect(withOther).toEqual(alone);
    expect(alone.day.sumOfSquares).toBe(28 * 49);
  });
});

describe("replayLedger: the first day stock entered (the demand window's start)", () => {
  const firstQuarter = { from: "2025-01-01", to: "2025-03-31" }; // 31 + 28 + 31 = 90 days

  it("is the day a transfer brought stock to a location that no receipt ever supplied (byLocation)", () => {
    // Found by an audit: W2 is stocked only by a transfer from W1 on 01-05 and sells 10 on 03-01
    // and on 03-20. Its window ran from its first demand (03-01: 31 days, mean 20/31); stock was
    // there from 01-05, so the window is 01-05..03-31: 27 + 28 + 31 = 86 days.
    const ledger: Movement[] = [
      { sku: "T", date: "2025-01-01", type: "receipt", quantity: 100, unitCost: 1, location: "W1" },
      { sku: "T", date: "2025-01-05", type: "transfer", quantity: -50, location: "W1" },
      { sku: "T", date: "2025-01-05", type: "transfer", quantity: 50, location: "W2" },
      { sku: "T", date: "2025-01-20", type: "issue", quantity: 10, location: "W1" },
      { sku: "T", date: "2025-03-01", type: "issue", quantity: 10, location: "W2" },
      { sku: "T", date: "2025-03-20", type: "issue", quantity: 10, location: "W2" },
    ];
    const histories = replayLedger(ledger, { period: firstQuarter, byLocation: true }).histories;
    const w2 = histories.find((h) => h.location === "W2") as SkuHistory;
    expect(w2.firstReceiptDate).toBe("2025-01-05");
    const daily = demandStatistics(w2);
    expect(daily.periods).toBe(86);
    expect(daily.mean).toBe(20 / 86);
    // Sample deviation with Σx² = 10² + 10² = 200 and n = 86: √((200 − 86 · (20/86)²) / 85) ≈ 1.516.
    expect(daily.stdDev).toBeCloseTo(Math.sqrt((200 - 400 / 86) / 85), 14);
    // W1 was stocked by its receipt on 01-01.
    expect(histories.find((h) => h.location === "W1")?.firstReceiptDate).toBe("2025-01-01");
    // Per SKU the day's transfers net out: stock entered the company with the receipt on 01-01.
    expect(only(replayLedger(ledger, { period: firstQuarter }).histories).firstReceiptDate).toBe(
      "2025-01-01",
    );
  });

  it("is the day of a count that found stock, or of a customer return, when no receipt came first", () => {
    // C: a count finds 40 units on 01-03, 5 are issued on 03-01: window 01-03..03-31 = 29 + 28 + 31
    // = 88 days. R: a customer returns 5 on 01-10, 2 are issued on 02-01: window 01-10..03-31 = 22
    // + 28 + 31 = 81 days, net demand 2 − 5 = −3 (a return is negative demand), mean −3/81.
    // Under both engines (byLocation takes the general one).
    const ledger: Movement[] = [
      { sku: "C", date: "2025-01-03", type: "adjustment", quantity: 40, unitCost: 2 },
      { sku: "C", date: "2025-03-01", type: "issue", quantity: 5 },
      { sku: "R", date: "2025-01-10", type: "return", quantity: 5, unitCost: 3 },
      { sku: "R", date: "2025-02-01", type: "issue", quantity: 2 },
    ];
    for (const byLocation of [false, true]) {
      const [c, r] = replayLedger(ledger, { period: firstQuarter, byLocation }).histories;
      expect([c?.firstReceiptDate, r?.firstReceiptDate]).toEqual(["2025-01-03", "2025-01-10"]);
      expect(demandStatistics(c as SkuHistory).periods).toBe(88);
      expect(demandStatistics(r as SkuHistory).mean).toBe(-3 / 81);
    }
  });
});

describe("replayLedger: opening balances are checked like rows", () => {
  const period = { from: "2025-02-01", to: "2025-02-28" };
  const issuesOf = (fn: () => unknown): string[] => {
    try {
      fn();
    } catch (e) {
      const error = e as InvKpiError;
      return [
        error.code,
        ...error.path.map(String),
        ...error.issues.map((i) => `${i.row} ${i.field} ${i.code}`),
      ];
    }
    return [];
  };

  it("reports every bad opening balance with its own code", () => {
    const balances = [
      { sku: 5, quantity: 1, unitCost: 1 },
      { sku: "A", quantity: 10, value: -50 },
      { sku: "B", quantity: 3 },
      { sku: "C", quantity: 1, unitCost: 1, location: 7 },
      { sku: "D", quantity: 1, unitCost: -1, location: " " },
    ];
    expect(
      issuesOf(() => replayLedger([], { period, openingBalances: balances as never })),
    ).toEqual([
      "invalid_argument",
      // The path is the first problem's address; `issues` has them all.
      "openingBalances",
      "0",
      "sku",
      "0 sku invalid_type",
      "1 value wrong_sign",
      "2 unitCost missing_cost",
      "3 location invalid_type",
      "4 unitCost negative_money",
      "4 location empty_text",
    ]);
  });

  it("takes unitCost and value together when they agree, the exact total over a rounded cost", () => {
    // 2 × 1 = 2, not 50: one of them is wrong, and neither may be chosen silently (the replay used
    // to take the cost and drop the value). 4 × 2.5 = 10 agrees, in any form of the numbers. An
    // ERP's 0.333333 per unit beside 1.00 for 3 units is the total's rounding to 6 decimals (1/3 =
    // 0.3333333…, within half a unit of the 6th decimal): the exact total is used, and an issue of
    // all 3 units costs 1.00, not 0.999999. A rounding needs a unit cost of at least 4 decimals as
    // written (0.3333 is one, 0.3300 is not close): 0.34, 2.00 beside 2,400 for 1,000 units (20 %
    // off), 2 beside 2,499 and 2.5 beside 2,540 are disagreements (a review found them accepted).
    // A balance whose quantity is already wrong gets no second problem for its value.
    const balances = [
      { sku: "A", quantity: 2, unitCost: 1, value: 50 },
      { sku: "B", quantity: 4, unitCost: "2.50", value: 10 },
      { sku: "C", quantity: 3, unitCost: "0.333333", value: "1.00" },
      { sku: "D", quantity: 3, unitCost: "0.34", value: "1.00" },
      { sku: "E", quantity: 1e30, unitCost: 1, value: 5 },
      { sku: "F", quantity: 1000, unitCost: "2.00", value: 2400 },
      { sku: "G", quantity: 1000, unitCost: 2, value: 2499 },
      { sku: "H", quantity: 1000, unitCost: 2.5, value: 2540 },
      { sku: "I", quantity: 3, unitCost: "0.3333", value: "1.00" },
      { sku: "J", quantity: 3, unitCost: "0.3300", value: "1.00" },
    ];
    expect(
      issuesOf(() => replayLedger([], { period, openingBalances: balances })).slice(4),
    ).toEqual([
      "0 value inconsistent_value",
      "3 value inconsistent_value",
      "4 quantity invalid_quantity",
      "5 value inconsistent_value",
      "6 value inconsistent_value",
      "7 value inconsistent_value",
      "9 value inconsistent_value",
    ]);
    const valid = [balances[1]!, balances[2]!];
    const issue = { sku: "C", date: "2025-02-10", type: "issue", quantity: 3 } as const;
    const [b, c] = replayLedger([issue], { period, openingBalances: valid }).histories;
    expect(b?.openingValue.toFixed()).toBe("10");
    expect([c?.openingValue.toFixed(), c?.cogs.toFixed()]).toEqual(["1", "1"]);
  });

  it("says which input a problem is in, and rejects what is not an array", () => {
    expect(
      issuesOf(() => replayLedger([], { period, skuInfo: [{ sku: "A", standardCost: "abc" }] })),
    ).toEqual(["invalid_argument", "skuInfo", "0", "standardCost", "0 standardCost invalid_money"]);
    // The rule of every amount read from a file: at most 12 decimals and 15 significant digits,
    // not negative; each reason with its own code (it said "finite, non-negative" for all three).
    const costs = [
      { sku: "A", standardCost: "0.0000000000001" },
      { sku: "B", standardCost: "12345678901234567" },
      { sku: "C", standardCost: -1 },
    ];
    expect(issuesOf(() => replayLedger([], { period, skuInfo: costs })).slice(4)).toEqual([
      "0 standardCost money_precision",
      "1 standardCost money_precision",
      "2 standardCost negative_money",
    ]);
    expect(issuesOf(() => replayLedger([], { period, openingBalances: {} as never }))[0]).toBe(
      "invalid_argument",
    );
  });

  // Found by a review: replayLedger checked only the standard costs of its skuInfo, and said
  // "1 problem(s)". It now checks skuInfo as analyzeLedger does, with the same message.
  it("checks skuInfo in full, as analyzeLedger does, and counts the problems right", () => {
    const skuInfo = [
      { sku: "A", leadTimeDays: -1 },
      { sku: "B", standardCost: "x", packSize: 0 },
      { sku: "A" },
    ];
    const error = thrownBy(() => replayLedger([], { period, skuInfo: skuInfo as never }));
    expect(error.issues.map((i) => `${i.row} ${i.field} ${i.code}`)).toEqual([
      "0 leadTimeDays invalid_quantity",
      "1 standardCost invalid_money",
      "1 packSize invalid_quantity",
      "2 sku duplicate_id",
    ]);
    expect(error.message).toMatch(
      /^replayLedger: 4 problems in 3 skuInfo entries: skuInfo\[0\] \(SKU "A"\): /,
    );
    const one = thrownBy(() =>
      replayLedger([], { period, skuInfo: [{ sku: "A", standardCost: "x" }] }),
    );
    expect(one.message).toBe(
      'replayLedger: 1 problem in 1 skuInfo entry: skuInfo[0] (SKU "A"): standardCost must be a finite decimal amount',
    );
    const balances = thrownBy(() =>
      replayLedger([], { period, openingBalances: [{ sku: "A", quantity: 1 }] }),
    );
    expect(balances.message).toMatch(/^replayLedger: 1 problem in openingBalances; first: /);
  });

  it("needs a standard cost for a SKU that only has an opening balance (standard valuation)", () => {
    expect(
      issuesOf(() =>
        replayLedger([], {
          period,
          valuation: "standard",
          openingBalances: [{ sku: "X", quantity: 10, unitCost: 5 }],
        }),
      )[0],
    ).toBe("invalid_option");
  });
});

describe("replayLedger: FIFO last cost after a layer known only by value", () => {
  it("costs a later return without cost at that layer's value ÷ quantity", () => {
    // Found by the reference property test. Opening 0.001 units worth 1 (1000 a unit); a receipt of
    // 0.001 at standard cost 0; a count loss of 0.001 takes the opening layer (the oldest), so the
    // last cost seen is 1000; the next day a return of 0.001 without cost enters at 1000 → value 1.
    const { histories } = replayLedger(
      [
        { sku: "A", date: "2023-12-11", type: "return", quantity: 0.001 },
        { sku: "A", date: "2023-12-10", type: "receipt", quantity: 0.001 },
        { sku: "A", date: "2023-12-10", type: "adjustment", quantity: -0.001 },
      ],
      {
        period: { from: "2023-12-12", to: "2024-01-31" },
        valuation: "fifo",
        skuInfo: [{ sku: "A", standardCost: "0" }],
        openingBalances: [{ sku: "A", quantity: 0.001, value: 1 }],
      },
    );
    expect(only(histories).openingValue.toFixed()).toBe("1");
  });
});

describe("replayLedger: the fast engine's hand-over to the general engine", () => {
  // FIFO stock below zero is owed as layers, which only the general engine keeps: SKU "F" is
  // handed over at its 03-02 issue. SKU "G" falls below zero later, on 03-05. Under
  // negativeStock 'error' the first fall in date order must be the one reported, whichever
  // engine finds it.
  const rows: Movement[] = [
    { sku: "F", date: "2025-03-01", type: "receipt", quantity: 5, unitCost: 1 },
    { sku: "G", date: "2025-03-01", type: "receipt", quantity: 5, unitCost: 1 },
    { sku: "F", date: "2025-03-02", type: "issue", quantity: 7 },
    { sku: "G", date: "2025-03-05", type: "issue", quantity: 9 },
  ];

  it("reports the earliest fall below zero under negativeStock 'error', FIFO", () => {
    try {
      replayLedger(rows, { period: march, valuation: "fifo", negativeStock: "error" });
      expect.unreachable();
    } catch (e) {
      expect((e as InvKpiError).code).toBe("negative_stock");
      expect((e as InvKpiError).details).toMatchObject({ sku: "F", date: "2025-03-02", row: 2 });
    }
  });

  it("under 'warn', reports both falls in row order, with the SKUs' histories", () => {
    const { histories, warnings } = replayLedger(rows, { period: march, valuation: "fifo" });
    expect(warnings.map((w) => [w.code, w.sku, w.row])).toEqual([
      ["negative_stock", "F", 2],
      ["negative_stock", "G", 3],
    ]);
    // F: 5 units at 1 issued, 2 more owed at the last cost 1 → COGS 7, closing −2 valued −2.
    expect(histories.map((h) => [h.sku, h.closingQuantity, h.cogs.toFixed()])).toEqual([
      ["F", -2, "7"],
      ["G", -4, "9"],
    ]);
  });
});

describe("replayLedger: the general engine's bigint pass under negativeStock 'error'", () => {
  // Found by the streaming replay's property test. FIFO, so both SKUs go to the general engine
  // when they fall below zero. "A" was received at 4,503,599,628 a unit: its owed unit, in value
  // units of 10^-6, is 4.5e15, and owing two such amounts outgrows 2^53, so A moves on to the
  // bigint pass. A falls below zero at row 1 (an adjustment, applied before row 2's issue of the
  // same day); B at row 2. The first fall, A's, must be reported, not B's.
  const rows: Movement[] = [
    { sku: "A", date: "2025-03-01", type: "adjustment", quantity: 1, unitCost: 4503599628 },
    { sku: "A", date: "2025-03-02", type: "adjustment", quantity: -2 },
    { sku: "B", date: "2025-03-02", type: "issue", quantity: 1 },
  ];

  it("reports the earliest fall, found in the bigint pass", () => {
    const options = { period: march, valuation: "fifo", negativeStock: "error" } as const;
    expect(() => replayLedger(rows, options)).toThrow(
      expect.objectContaining({
        code: "negative_stock",
        details: expect.objectContaining({ sku: "A", row: 1 }),
      }),
    );
  });
});

describe("replayLedger: input not in date order", () => {
  it("sorts it once and says so, naming the first row dated before the row above it", () => {
    const { histories, warnings } = replayLedger(ledger1, { period: march });
    expect(only(histories).closingQuantity).toBe(60);
    expect(warnings).toEqual([
      expect.objectContaining({ code: "unsorted_input", row: 1, date: "2025-03-01" }),
    ]);
  });

  it("says nothing when only the kinds of one day are out of the engine's order", () => {
    // An issue listed before that day's receipt is in date order: the day's kinds are ordered
    // by the engine's documented rule, not reported.
    const sameDay: Movement[] = [
      { sku: "A", date: "2025-03-01", type: "issue", quantity: 1 },
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 3, unitCost: 1 },
    ];
    expect(replayLedger(sameDay, { period: march }).warnings).toEqual([]);
  });
});
