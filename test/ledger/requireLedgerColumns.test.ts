import { describe, expect, it } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { toLedgerColumns } from "../../src/ledger/validateLedger.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";

// Found by an input audit: any object whose `day` is an Int32Array was taken as columns, and a
// forged one failed inside the replay (`columns.skus is not iterable`, `the quantity undefined of
// row undefined`) or, with a kind out of range, was replayed silently.

const period = { from: "2025-01-01", to: "2025-01-31" };
const columns = toLedgerColumns([
  { sku: "A", date: "2025-01-02", type: "receipt", quantity: 1, unitCost: 1 },
  { sku: "A", date: "2025-01-03", type: "issue", quantity: 1, location: "W1" },
]);

describe("columns given to a replay", () => {
  it.each([
    [
      { day: new Int32Array([20000]), length: 1 },
      ["ledger", "skus"],
      /columns\.skus must be an array/,
    ],
    [
      { ...columns, length: 100 },
      ["ledger", "sku"],
      /columns\.sku has 2 rows, fewer than its length 100/,
    ],
    [{ ...columns, length: -1 }, ["ledger", "length"], /columns\.length must be a whole number/],
    [
      { ...columns, quantity: [1, 1] },
      ["ledger", "quantity"],
      /columns\.quantity must be a Float64Array/,
    ],
    [
      { ...columns, kind: new Uint8Array([0, 99]) },
      ["ledger", "kind", 1],
      /columns\.kind\[1\] is 99/,
    ],
    [{ ...columns, sku: new Int32Array([0, 5]) }, ["ledger", "sku", 1], /columns\.sku\[1\] is 5/],
    [
      { ...columns, location: new Int32Array([-1, 3]) },
      ["ledger", "location", 1],
      /columns\.location\[1\] is 3/,
    ],
    [{ ...columns, lots: [7] }, ["ledger", "lots", 0], /columns\.lots\[0\] must be text/],
    [
      { ...columns, moneyDecimals: 40 },
      ["ledger", "moneyDecimals"],
      /columns\.moneyDecimals must be/,
    ],
  ])(
    "refuses forged columns with an invalid_argument naming the column (%#)",
    (forged, path, message) => {
      for (const [fn, call] of [
        ["replayLedger", () => replayLedger(forged as never, { period })],
        ["analyzeLedger", () => analyzeLedger(forged as never, { period })],
        ["analyzeLedger", () => analyzeLedger(forged as never, { period, threads: 2 })],
      ] as const) {
        expect(call).toThrow(
          expect.objectContaining({
            code: "invalid_argument",
            path,
            message: expect.stringMatching(new RegExp(`^${fn}: ${message.source}`)),
          }),
        );
      }
    },
  );

  it("takes real columns, with spare room beyond their length", () => {
    expect(replayLedger(columns, { period }).histories).toHaveLength(1);
    const roomy = { ...columns, length: 1 };
    expect(replayLedger(roomy, { period }).histories[0]?.closingQuantity).toBe(1);
  });
});
