import { describe, expect, it } from "vitest";
import { analyzeLedger, analyzeLedgerStream } from "../../src/report/index.js";
import { Q1_2024, rejectionOf, WORKED_LEDGER, WORKED_SKU_INFO } from "./fixtures.js";

async function* oneByOne<T>(rows: readonly T[]): AsyncGenerator<T> {
  for (const row of rows) {
    await Promise.resolve();
    yield row;
  }
}

const OPTIONS = {
  period: Q1_2024,
  skuInfo: WORKED_SKU_INFO,
  groupBy: ["category", "location", "month"],
  industry: "wholesale",
  replenishment: { leadTimeDays: 5 },
} as const;

describe("analyzeLedgerStream", () => {
  it("gives the same report as analyzeLedger on the same rows", async () => {
    const streamed = await analyzeLedgerStream(oneByOne(WORKED_LEDGER), OPTIONS);
    expect(streamed).toEqual(analyzeLedger(WORKED_LEDGER, OPTIONS));
  });

  it("averages by month ends as analyzeLedger does", async () => {
    const options = { period: Q1_2024, averageMethod: "monthly" } as const;
    const streamed = await analyzeLedgerStream(oneByOne(WORKED_LEDGER), options);
    expect(streamed).toEqual(analyzeLedger(WORKED_LEDGER, options));
    expect(streamed.rows[0]?.averageValue.toFixed()).toBe("117.5"); // BOLT, by hand in analyzeLedger.test.ts
  });

  it("accepts a plain iterable too, in any order of days", async () => {
    const reversed = [...WORKED_LEDGER].reverse();
    const streamed = await analyzeLedgerStream(reversed, { period: Q1_2024 });
    const direct = analyzeLedger(reversed, { period: Q1_2024 });
    expect(streamed).toEqual(direct);
    expect(streamed.rows.map((r) => r.sku)).toEqual(["BOLT", "GLUE", "NUT", "PAINT"]);
  });

  it("names itself when stock falls below zero under negativeStock: 'error'", async () => {
    const rows = [
      { sku: "A", date: "2024-01-02", type: "receipt", quantity: 1, unitCost: 1 },
      { sku: "A", date: "2024-01-03", type: "issue", quantity: 2 },
    ] as const;
    for (const mode of ["batch", "streaming"] as const) {
      const options = { period: Q1_2024, negativeStock: "error", mode } as const;
      const error = await rejectionOf(analyzeLedgerStream(oneByOne(rows), options));
      expect(error.code).toBe("negative_stock");
      expect(error.message).toBe(
        "analyzeLedgerStream: stock of A fell below zero on 2024-01-03 (-1)",
      );
    }
    expect(() => analyzeLedger(rows, { period: Q1_2024, negativeStock: "error" })).toThrow(
      /^analyzeLedger: stock of A fell below zero/,
    );
  });

  it("rejects with invalid_ledger listing every problem of every row", async () => {
    const rows: unknown[] = [
      ...WORKED_LEDGER,
      { sku: "X", date: "2024-13-01", type: "issue", quantity: -1 },
      "not a row",
      { sku: "Y", date: "2024-01-02", type: "receipt", quantity: 3 },
    ];
    const error = await rejectionOf(analyzeLedgerStream(oneByOne(rows), { period: Q1_2024 }));
    expect(error.code).toBe("invalid_ledger");
    expect(error.message).toMatch(/^analyzeLedgerStream: 4 problems in 3 rows/);
    expect(error.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [13, "date", "invalid_date"],
      [13, "quantity", "wrong_sign"],
      [14, "", "not_an_object"],
      [15, "unitCost", "missing_cost"],
    ]);
  });

  it("checks the options before reading a single row", async () => {
    let read = 0;
    async function* counted() {
      for (const row of WORKED_LEDGER) {
        read++;
        yield row;
      }
    }
    const error = await rejectionOf(
      analyzeLedgerStream(counted(), { period: Q1_2024, valuation: "lifo" as never }),
    );
    expect(error.code).toBe("invalid_option");
    expect(read).toBe(0);
  });

  it("rejects input that is not iterable", async () => {
    const error = await rejectionOf(analyzeLedgerStream(42 as never, { period: Q1_2024 }));
    expect(error.code).toBe("invalid_argument");
    expect(error.path).toEqual(["movements"]);
  });

  it("checks options and master data before the input, in both modes", async () => {
    const twice = [...WORKED_SKU_INFO, WORKED_SKU_INFO[0]!];
    for (const mode of ["batch", "streaming"] as const) {
      const error = await rejectionOf(
        analyzeLedgerStream(42 as never, { period: Q1_2024, skuInfo: twice, mode }),
      );
      expect(error.path?.[0]).toBe("skuInfo");
    }
  });

  it("in streaming mode, gives the same report as analyzeLedger on rows in date order", async () => {
    const byDate = [...WORKED_LEDGER].sort((a, b) => String(a.date).localeCompare(String(b.date)));
    for (const chunkRows of [1, 3, 1000]) {
      const streamed = await analyzeLedgerStream(oneByOne(byDate), {
        ...OPTIONS,
        mode: "streaming",
        chunkRows,
      });
      expect(streamed).toEqual(analyzeLedger(byDate, OPTIONS));
    }
  });

  it("in streaming mode, rejects a row out of date order, naming it", async () => {
    const reversed = [...WORKED_LEDGER].reverse();
    const error = await rejectionOf(
      analyzeLedgerStream(reversed, { period: Q1_2024, mode: "streaming" }),
    );
    expect(error.code).toBe("unsorted_input");
    expect(error.message).toMatch(
      /^analyzeLedgerStream: streaming needs the ledger in date order; row \d+/,
    );
  });

  it("in streaming mode, runs on one thread only", async () => {
    const error = await rejectionOf(
      analyzeLedgerStream(WORKED_LEDGER, { period: Q1_2024, mode: "streaming", threads: 2 }),
    );
    expect(error).toMatchObject({ code: "invalid_option", path: ["threads"] });
  });

  it("runs the JSDoc example", async () => {
    async function* movements() {
      yield { sku: "A", date: "2025-01-01", type: "receipt", quantity: 10, unitCost: 2 };
      yield { sku: "A", date: "2025-01-03", type: "issue", quantity: 4 };
    }
    const report = await analyzeLedgerStream(movements(), {
      period: { from: "2025-01-01", to: "2025-01-04" },
    });
    expect(report.rows[0]?.closingQuantity).toBe(6);
  });

  it.each(["batch", "streaming"] as const)(
    "gives the empty ledger's report for no rows in %s mode",
    async (mode) => {
      const report = await analyzeLedgerStream([], { ...OPTIONS, mode });
      expect(report.rows).toEqual([]);
      expect(report.totals.skuCount).toBe(0);
      expect(report).toEqual(analyzeLedger([], OPTIONS));
    },
  );
});

describe("analyzeLedgerStream: an asOf after movements that the period leaves out", () => {
  it("is refused, in batch and in streaming mode", async () => {
    const rows = [
      { sku: "A", date: "2024-01-01", type: "receipt", quantity: 10, unitCost: 1 },
      { sku: "A", date: "2024-04-02", type: "issue", quantity: 3 },
    ] as const;
    const error = await rejectionOf(
      analyzeLedgerStream(oneByOne(rows), { period: Q1_2024, asOf: "2024-04-30" }),
    );
    expect([error.code, error.path]).toEqual(["out_of_range", ["asOf"]]);
    expect(error.message).toMatch(/^analyzeLedgerStream: .*the first dated 2024-04-02/);
    // Streaming, a chunk per row: the movement left out comes in a later chunk.
    const streamed = await rejectionOf(
      analyzeLedgerStream(oneByOne(rows), {
        period: Q1_2024,
        asOf: "2024-04-30",
        mode: "streaming",
        chunkRows: 1,
      }),
    );
    expect(streamed.details).toMatchObject({ firstLeftOut: "2024-04-02", leftOut: 1 });
  });
});
