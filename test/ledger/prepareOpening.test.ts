import { describe, expect, it } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { replayLedgerStream } from "../../src/ledger/replayLedgerStream.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import type { OpeningBalance } from "../../src/model/OpeningBalance.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { analyzeLedgerStream } from "../../src/report/analyzeLedgerStream.js";

// Found by an audit: an opening balance's `receivedOn` was never checked. An opening balance is stock
// on hand before the SKU's first movement and before the period, so `receivedOn` may be at latest
// min(period start, SKU's first movement day) − 1 (the day an undated balance gets).

const year = { from: "2024-01-01", to: "2024-12-31" };

/** SKU A moves first inside the period (02-01); SKU P first before it (2023-06-01). */
const rows: Movement[] = [
  { sku: "P", date: "2023-06-01", type: "receipt", quantity: 1, unitCost: 1 },
  { sku: "A", date: "2024-02-01", type: "receipt", quantity: 5, unitCost: 2 },
  { sku: "P", date: "2024-03-01", type: "issue", quantity: 1 },
  { sku: "A", date: "2024-07-01", type: "issue", quantity: 3 },
];

const balance = (sku: string, receivedOn: string): OpeningBalance => ({
  sku,
  quantity: 10,
  unitCost: 1,
  receivedOn,
});

/** What a test checks of an error: code, path, message start and every issue. */
function summary(error: unknown): unknown {
  if (!(error instanceof InvKpiError)) throw error;
  return {
    code: error.code,
    path: error.path,
    fn: error.message.slice(0, error.message.indexOf(":")),
    issues: error.issues.map((i) => `${i.row} ${i.field} ${i.code}`),
  };
}

function batchError(
  balances: readonly OpeningBalance[],
  ledger: readonly Movement[] = rows,
): unknown {
  try {
    replayLedger(ledger, { period: year, valuation: "fifo", openingBalances: balances });
  } catch (e) {
    return summary(e);
  }
  return "accepted";
}

async function streamError(
  balances: readonly OpeningBalance[],
  ledger: readonly Movement[] = rows,
  chunkRows = 1,
): Promise<unknown> {
  try {
    await replayLedgerStream(ledger, {
      period: year,
      valuation: "fifo",
      openingBalances: balances,
      chunkRows,
    });
  } catch (e) {
    return summary(e);
  }
  return "accepted";
}

const rejected = (fn: string, ...issues: [number, string][]) => ({
  code: "invalid_argument",
  path: ["openingBalances", ...(issues[0] as [number, string])],
  fn,
  issues: issues.map(
    ([row, field]) =>
      `${row} ${field} ${field === "receivedOn" ? "invalid_date" : "invalid_quantity"}`,
  ),
});

describe("opening balances: receivedOn is before the period and the SKU's first movement", () => {
  it("rejects a receivedOn after the period, at the balance's address (batch and streaming)", async () => {
    // SKU B has no movement: the latest allowed day is the day before the period, 2023-12-31.
    const late = [balance("B", "2025-02-01")];
    expect(batchError(late)).toEqual(rejected("replayLedger", [0, "receivedOn"]));
    expect(await streamError(late)).toEqual(rejected("replayLedgerStream", [0, "receivedOn"]));
    // Not the aging calculator's late out_of_range on an internal layer.
    let error: unknown;
    try {
      analyzeLedger([], { period: year, openingBalances: late });
    } catch (e) {
      error = e;
    }
    expect(summary(error)).toEqual(rejected("analyzeLedger", [0, "receivedOn"]));
    expect((error as InvKpiError).message).toMatch(
      /^analyzeLedger: 1 problem in openingBalances; first: openingBalances\[0\]\.receivedOn: receivedOn must be on or before 2023-12-31/,
    );
  });

  it("rejects a receivedOn on or after the period start, even before the SKU's first movement", async () => {
    for (const day of ["2024-01-01", "2024-01-31", "2024-06-01"]) {
      const inside = [balance("A", day)];
      expect(batchError(inside)).toEqual(rejected("replayLedger", [0, "receivedOn"]));
      expect(await streamError(inside)).toEqual(rejected("replayLedgerStream", [0, "receivedOn"]));
    }
  });

  it("rejects a receivedOn on or after the SKU's first movement, before the period", async () => {
    // P first moves on 2023-06-01: the latest allowed day is 2023-05-31.
    for (const day of ["2023-06-01", "2023-07-01", "2023-12-31"]) {
      const late = [balance("P", day)];
      expect(batchError(late)).toEqual(rejected("replayLedger", [0, "receivedOn"]));
      expect(await streamError(late)).toEqual(rejected("replayLedgerStream", [0, "receivedOn"]));
      expect(await streamError(late, rows, 1000)).toEqual(
        rejected("replayLedgerStream", [0, "receivedOn"]),
      );
    }
  });

  it("accepts exactly the last allowed day, the day an undated balance gets", async () => {
    const balances = [balance("A", "2023-12-31"), balance("P", "2023-05-31")];
    const batch = replayLedger(rows, {
      period: year,
      valuation: "fifo",
      openingBalances: balances,
    });
    const undated = replayLedger(rows, {
      period: year,
      valuation: "fifo",
      openingBalances: balances.map(({ receivedOn: _, ...b }) => b),
    });
    const layers = (histories: typeof batch.histories) =>
      histories.map((h) => [h.sku, h.layers.map((l) => [l.receivedDate, l.quantity])]);
    expect(layers(batch.histories)).toEqual([
      // A: 3 issued on 07-01 from the opening layer (the oldest), not from the 02-01 receipt.
      [
        "A",
        [
          ["2023-12-31", 7],
          ["2024-02-01", 5],
        ],
      ],
      // P: its 03-01 issue takes 1 from the opening layer, the oldest.
      [
        "P",
        [
          ["2023-05-31", 9],
          ["2023-06-01", 1],
        ],
      ],
    ]);
    expect(layers(undated.histories)).toEqual(layers(batch.histories));
    const streamed = await replayLedgerStream(rows, {
      period: year,
      valuation: "fifo",
      openingBalances: balances,
      chunkRows: 1,
    });
    expect(layers(streamed.histories)).toEqual(layers(batch.histories));
    expect(analyzeLedger(rows, { period: year, openingBalances: balances }).rows).toHaveLength(2);
    // One day later is too late.
    const dayLater = [balance("A", "2024-01-01"), balance("P", "2023-06-01")];
    expect(batchError(dayLater)).toEqual(
      rejected("replayLedger", [0, "receivedOn"], [1, "receivedOn"]),
    );
  });

  it("lists every bad balance at once, with the other problems, in both modes", async () => {
    const balances: OpeningBalance[] = [
      balance("A", "2023-12-31"), // fine
      balance("P", "2023-06-01"), // on P's first movement day
      { ...balance("B", "2024-03-01"), quantity: Number.NaN }, // bad quantity, inside the period
      balance("A", "2024-02-02"), // after A's first movement and the period start
      balance("C", "2023-12-30"), // fine: C never moves
      balance("Z", "2023-09-09"), // Z moves on 2024-12-01, in the last chunk: fine
      balance("Y", "2024-12-01"), // Y moves on 2024-11-30, in a later chunk: too late
    ];
    const ledger: Movement[] = [
      ...rows,
      { sku: "Y", date: "2024-11-30", type: "receipt", quantity: 1, unitCost: 1 },
      { sku: "Z", date: "2024-12-01", type: "receipt", quantity: 1, unitCost: 1 },
    ];
    const expected = (fn: string) =>
      rejected(
        fn,
        [1, "receivedOn"],
        [2, "quantity"],
        [2, "receivedOn"],
        [3, "receivedOn"],
        [6, "receivedOn"],
      );
    expect(batchError(balances, ledger)).toEqual(expected("replayLedger"));
    for (const chunkRows of [1, 2, 1000]) {
      expect(await streamError(balances, ledger, chunkRows)).toEqual(
        expected("replayLedgerStream"),
      );
    }
    const stream = async (mode: "batch" | "streaming") => {
      try {
        await analyzeLedgerStream(ledger, { period: year, openingBalances: balances, mode });
      } catch (e) {
        return summary(e);
      }
      return "accepted";
    };
    expect(await stream("batch")).toEqual(expected("analyzeLedgerStream"));
    expect(await stream("streaming")).toEqual(expected("analyzeLedgerStream"));
  });

  it("streaming: a bad balance of a SKU met late wins over an error of the replay, as in batch", async () => {
    // Y falls below zero on 11-30 (negativeStock 'error'); its balance's receivedOn is too late too.
    const ledger: Movement[] = [
      ...rows,
      { sku: "Y", date: "2024-11-30", type: "issue", quantity: 20 },
    ];
    const options = {
      period: year,
      negativeStock: "error",
      openingBalances: [balance("Y", "2024-11-30")],
    } as const;
    const expected = (fn: string) => rejected(fn, [0, "receivedOn"]);
    expect(summary(catching(() => replayLedger(ledger, options)))).toEqual(
      expected("replayLedger"),
    );
    expect(
      summary(await rejection(replayLedgerStream(ledger, { ...options, chunkRows: 1 }))),
    ).toEqual(expected("replayLedgerStream"));
  });
});

function catching(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return "accepted";
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  return "accepted";
}

describe("opening balances without a SKU code (found by a review)", () => {
  it("report the sku alone, in batch as in streaming: there is no first movement to date against", async () => {
    const balances = [
      { sku: 5, quantity: 1, unitCost: 1, receivedOn: "2025-02-01" },
    ] as unknown as OpeningBalance[];
    const fieldsOf = (error: unknown) =>
      (error as InvKpiError).issues?.map((issue) => `${issue.row}.${issue.field}`);
    let batch: unknown;
    try {
      replayLedger([], { period: year, openingBalances: balances });
    } catch (error) {
      batch = error;
    }
    let stream: unknown;
    try {
      await replayLedgerStream((async function* () {})(), {
        period: year,
        openingBalances: balances,
      });
    } catch (error) {
      stream = error;
    }
    expect(fieldsOf(batch)).toEqual(["0.sku"]);
    expect(fieldsOf(stream)).toEqual(fieldsOf(batch));
  });
});

describe("an opening balance's bad amount is judged as a movement's (found by a reread)", () => {
  /** The issues of one opening balance of SKU A, as `code field: message`. */
  function issuesOf(balance: Partial<OpeningBalance>): string[] {
    try {
      replayLedger(rows, {
        period: year,
        openingBalances: [{ sku: "A", quantity: 10, ...balance }],
      });
    } catch (e) {
      if (!(e instanceof InvKpiError)) throw e;
      return (e.issues ?? []).map((i) => `${i.code} ${i.field}: ${i.message}`);
    }
    return [];
  }

  it("names an invisible character, and does not call the cost missing as well", () => {
    // Before: "must be a finite decimal with at most 12 decimal places and 15 significant digits",
    // plus missing_cost for a unitCost that was given.
    expect(issuesOf({ unitCost: "1.50\u00a0" })).toEqual([
      "invalid_money unitCost: unitCost must be a decimal amount, but holds U+00A0 (no-break space), an invisible character (only spaces and tabs may surround an amount)",
    ]);
    expect(issuesOf({ value: "abc" }).map((i) => i.split(":")[0])).toEqual(["invalid_money value"]);
  });

  it("says which limit an amount breaks: decimal places are money_precision", () => {
    expect(issuesOf({ unitCost: "0.1234567890123" })).toEqual([
      "money_precision unitCost: unitCost must have at most 12 decimal places (it has 13): round it (10 / 3 as 3.333333, a share of a total in whole cents)",
    ]);
  });

  it("calls the cost missing only when neither unitCost nor value is given", () => {
    expect(issuesOf({}).map((i) => i.split(":")[0])).toEqual(["missing_cost unitCost"]);
  });
});
