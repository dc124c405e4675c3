import { describe, expect, it } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { replayLedgerStream } from "../../src/ledger/replayLedgerStream.js";
import type { Movement } from "../../src/model/Movement.js";
import { rejectionOf } from "../report/fixtures.js";

const march = { from: "2025-03-01", to: "2025-03-31" };

describe("replayLedgerStream", () => {
  it("replays a ledger in date order as replayLedger does (hand computation)", async () => {
    // 10 units in at 2 on 03-01, 4 out on 03-03: COGS 4 × 2 = 8; closing 6 units worth 12;
    // average quantity over March's 31 days = (10 + 10 + 27 × 6 ... ) : (2 × 10 + 29 × 6) / 31.
    const rows: Movement[] = [
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 10, unitCost: 2 },
      { sku: "B", date: "2025-03-02", type: "receipt", quantity: 1, unitCost: "0.5" },
      { sku: "A", date: "2025-03-03", type: "issue", quantity: 4 },
    ];
    const { histories, warnings } = await replayLedgerStream(rows, { period: march, chunkRows: 1 });
    const a = histories[0];
    expect(a?.cogs.toFixed(2)).toBe("8.00");
    expect(a?.closingValue.toFixed(2)).toBe("12.00");
    expect(a?.averageQuantity).toBeCloseTo((2 * 10 + 29 * 6) / 31, 12);
    expect(histories.map((h) => h.sku)).toEqual(["A", "B"]);
    expect(warnings).toEqual([]);
  });

  it("takes any order within a day: the day's kinds are applied as replayLedger applies them", async () => {
    const rows: Movement[] = [
      { sku: "A", date: "2025-03-01", type: "issue", quantity: 1 },
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 3, unitCost: 1 },
    ];
    const streamed = await replayLedgerStream(rows, { period: march });
    expect(streamed.histories[0]?.closingQuantity).toBe(2);
    expect(streamed.warnings).toEqual(replayLedger(rows, { period: march }).warnings);
  });

  it("rejects a row dated before the row above it, naming it", async () => {
    const rows: Movement[] = [
      { sku: "A", date: "2025-03-02", type: "receipt", quantity: 3, unitCost: 1 },
      { sku: "B", date: "2025-03-05", type: "receipt", quantity: 3, unitCost: 1 },
      { sku: "A", date: "2025-03-04", type: "issue", quantity: 1 },
    ];
    const error = await rejectionOf(replayLedgerStream(rows, { period: march }));
    expect(error).toMatchObject({
      code: "unsorted_input",
      path: ["ledger", 2, "date"],
      details: { row: 2, date: "2025-03-04", previous: "2025-03-05" },
    });
    expect(String(error)).toMatch(/row 2, dated 2025-03-04, comes after a row dated 2025-03-05/);
  });

  it("fixes its scales on the first chunk: a later quantity with more decimals is named", async () => {
    const rows: Movement[] = [
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 3, unitCost: 1 },
      { sku: "A", date: "2025-03-02", type: "issue", quantity: 1 },
      { sku: "A", date: "2025-03-03", type: "issue", quantity: 1.25 },
      { sku: "A", date: "2025-03-04", type: "issue", quantity: 0.5 },
    ];
    // One row a chunk: the first chunk (row 0) has whole quantities only.
    const error = await rejectionOf(replayLedgerStream(rows, { period: march, chunkRows: 1 }));
    expect(error).toMatchObject({
      code: "out_of_range",
      path: ["ledger", 2, "quantity"],
      details: { row: 2, field: "quantity", decimals: 0, option: "quantityDecimals" },
    });
    const { histories } = await replayLedgerStream(rows, {
      period: march,
      chunkRows: 1,
      quantityDecimals: 2,
    });
    expect(histories[0]?.closingQuantity).toBe(0.25); // 3 − 1 − 1.25 − 0.5
  });

  it("reports every invalid row after reading them all", async () => {
    const rows = [
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 3, unitCost: 1 },
      { sku: "A", date: "2025-02-30", type: "issue", quantity: 1 },
      { sku: "", date: "2025-03-03", type: "issue", quantity: 1 },
    ];
    const error = await rejectionOf(replayLedgerStream(rows, { period: march }));
    expect(error).toMatchObject({ code: "invalid_ledger" });
    expect(error.issues.map((i) => i.row)).toEqual([1, 2]);
  });

  it("runs the JSDoc example", async () => {
    async function* movements() {
      yield { sku: "A", date: "2025-01-01", type: "receipt", quantity: 10, unitCost: 2 };
      yield { sku: "A", date: "2025-01-03", type: "issue", quantity: 4 };
    }
    const { histories } = await replayLedgerStream(movements(), {
      period: { from: "2025-01-01", to: "2025-01-04" },
    });
    expect(histories[0]?.closingQuantity).toBe(6);
  });

  it("reports invalid rows before an error of the replay, as batch mode does", async () => {
    // Row 1 takes stock below zero under negativeStock 'error', and with one row a chunk it is
    // replayed once row 2 arrives; row 3 is invalid. Batch mode checks every row before replaying,
    // so it reports the invalid row: so must the stream.
    const rows = [
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 1, unitCost: 1 },
      { sku: "A", date: "2025-03-02", type: "issue", quantity: 5 },
      { sku: "B", date: "2025-03-03", type: "receipt", quantity: 1, unitCost: 1 },
      { sku: "A", date: "2025-03-04", type: "issue", quantity: -1 },
    ];
    const options = { period: march, negativeStock: "error", chunkRows: 1 } as const;
    expect(await rejectionOf(replayLedgerStream(rows, options))).toMatchObject({
      code: "invalid_ledger",
      issues: [expect.objectContaining({ row: 3, field: "quantity" })],
    });
    expect(await rejectionOf(replayLedgerStream(rows.slice(0, 3), options))).toMatchObject({
      code: "negative_stock",
      details: expect.objectContaining({ row: 1 }),
    });
  });

  it("names itself, not replayLedger, in the errors its engines throw", async () => {
    const falls = [
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 1, unitCost: 1 },
      { sku: "A", date: "2025-03-02", type: "issue", quantity: 5 },
    ] as const;
    const negative = await rejectionOf(
      replayLedgerStream(falls, { period: march, negativeStock: "error" }),
    );
    expect(negative.code).toBe("negative_stock");
    expect(negative.message).toMatch(
      /^replayLedgerStream: stock of A fell below zero on 2025-03-02/,
    );
    // 10^14 is a valid quantity, but with the ledger's 2 decimal places (from 0.25) it would need
    // 10^16 hundredths, beyond the safe integers that hold quantities.
    const huge = [
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 1e14, unitCost: 1 },
      { sku: "A", date: "2025-03-02", type: "issue", quantity: 0.25 },
    ] as const;
    const tooLarge = await rejectionOf(replayLedgerStream(huge, { period: march }));
    expect(tooLarge.code).toBe("out_of_range");
    expect(tooLarge.message).toMatch(
      /^replayLedgerStream: the quantity 100000000000000 of row 0 .* 2 decimal places/,
    );
    // The batch replay names itself in the same errors.
    expect(() => replayLedger(huge, { period: march })).toThrow(/^replayLedger: the quantity /);
  });

  it("fixes its money scale on the first chunk too: a later unitCost or unitPrice is named", async () => {
    // Rows 0 and 1 have whole amounts, so the first chunk's scale is the minimum, 6 places;
    // row 2's 7 places do not fit it. With moneyDecimals: 7 they do: received 3 × 1 + 1 × 2 +
    // 1 × 0.0000001 = 5.0000001.
    const first: Movement[] = [
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 3, unitCost: 1 },
      { sku: "A", date: "2025-03-02", type: "receipt", quantity: 1, unitCost: 2 },
    ];
    const cases = [
      [
        "unitCost",
        { sku: "A", date: "2025-03-03", type: "receipt", quantity: 1, unitCost: "0.0000001" },
      ],
      [
        "unitPrice",
        { sku: "A", date: "2025-03-03", type: "issue", quantity: 1, unitPrice: "0.0000001" },
      ],
    ] as const;
    for (const [field, last] of cases) {
      const rows = [...first, last];
      const error = await rejectionOf(replayLedgerStream(rows, { period: march, chunkRows: 1 }));
      expect(error).toMatchObject({
        code: "out_of_range",
        path: ["ledger", 2, field],
        details: { row: 2, field, decimals: 6, option: "moneyDecimals" },
      });
      const options = { period: march, chunkRows: 1, moneyDecimals: 7 };
      const { histories } = await replayLedgerStream(rows, options);
      if (field === "unitCost") expect(histories[0]?.receivedValue.toFixed()).toBe("5.0000001");
    }
  });

  it("holds the first chunk to the decimal places given (found by an audit: they were only a minimum)", async () => {
    // quantityDecimals: 0, and row 1 issues half a unit in the first (and only) chunk.
    const rows: Movement[] = [
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 3, unitCost: "1.25" },
      { sku: "A", date: "2025-03-02", type: "issue", quantity: 0.5 },
    ];
    const quantity = await rejectionOf(
      replayLedgerStream(rows, { period: march, quantityDecimals: 0 }),
    );
    expect(quantity).toMatchObject({
      code: "out_of_range",
      path: ["ledger", 1, "quantity"],
      details: { row: 1, decimals: 0, option: "quantityDecimals" },
    });
    expect(quantity.message).toMatch(
      /more than 0 decimal places, the most that the option quantityDecimals allows$/,
    );
    // moneyDecimals: 1, and row 0 costs 1.25.
    const money = await rejectionOf(replayLedgerStream(rows, { period: march, moneyDecimals: 1 }));
    expect(money).toMatchObject({ path: ["ledger", 0, "unitCost"], details: { decimals: 1 } });
    // In a later chunk too (chunkRows: 1), though the money scale there is at least 6 places.
    const costLater: Movement[] = [
      { sku: "A", date: "2025-03-01", type: "receipt", quantity: 3, unitCost: 1 },
      { sku: "A", date: "2025-03-02", type: "receipt", quantity: 1, unitCost: "1.25" },
    ];
    const later = await rejectionOf(
      replayLedgerStream(costLater, { period: march, moneyDecimals: 1, chunkRows: 1 }),
    );
    expect(later).toMatchObject({ path: ["ledger", 1, "unitCost"], details: { decimals: 1 } });
    const laterQuantity = await rejectionOf(
      replayLedgerStream(rows, { period: march, quantityDecimals: 0, chunkRows: 1 }),
    );
    expect(laterQuantity).toMatchObject({ path: ["ledger", 1, "quantity"] });
    expect(laterQuantity.message).toMatch(/the most that the option quantityDecimals allows$/);
    // Enough places: read as before.
    const options = { period: march, quantityDecimals: 1, moneyDecimals: 2 };
    expect((await replayLedgerStream(rows, options)).histories[0]?.closingQuantity).toBe(2.5);
  });

  it("refuses decimal places that are not an integer from 0 to the most supported", async () => {
    const bad = [
      ["quantityDecimals", -1],
      ["quantityDecimals", 1.5],
      ["quantityDecimals", 10],
      ["moneyDecimals", -1],
      ["moneyDecimals", 2.5],
      ["moneyDecimals", 13],
    ] as const;
    for (const [option, value] of bad) {
      const error = await rejectionOf(replayLedgerStream([], { period: march, [option]: value }));
      expect(error).toMatchObject({ code: "invalid_option", path: [option] });
    }
    // The bounds themselves are accepted: 0 and 9 (quantities), 0 and 12 (money).
    for (const options of [
      { quantityDecimals: 0, moneyDecimals: 0 },
      { quantityDecimals: 9, moneyDecimals: 12 },
    ]) {
      await expect(replayLedgerStream([], { period: march, ...options })).resolves.toMatchObject({
        histories: [],
      });
    }
  });

  it("checks its options first", async () => {
    const error = await rejectionOf(replayLedgerStream([], { period: march, chunkRows: 0 }));
    expect(error).toMatchObject({ code: "invalid_option", path: ["chunkRows"] });
  });
});
