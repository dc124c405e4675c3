import { describe, expect, test } from "vitest";
import { ledgerRowError } from "../../src/cli/ledgerRowError.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { analyzeLedgerStream } from "../../src/report/analyzeLedgerStream.js";

// The replay's errors about one ledger row, as the command line reports them: the row's file line
// and the CLI option, the library's code, path and details unchanged.

const period = { from: "2025-01-01", to: "2025-01-31" };
/** A CSV file's lines: the header on line 1, data row 0 on line 2. */
const place = (quantityDecimals?: number) => ({
  file: "ledger.csv",
  lineOf: (row: number) => row + 2,
  quantityDecimals,
});

/** The error a call throws (or rejects with). */
async function errorOf(run: () => unknown): Promise<InvKpiError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InvKpiError) return error;
    throw error;
  }
  throw new Error("no error");
}

const receipt = {
  sku: "A",
  date: "2025-01-02",
  type: "receipt" as const,
  quantity: 10,
  unitCost: 1,
};

describe("ledgerRowError", () => {
  test("a quantity with more decimal places than --quantity-decimals: its line and the option", async () => {
    const error = await errorOf(() =>
      analyzeLedgerStream(
        [receipt, { sku: "A", date: "2025-01-05", type: "issue", quantity: 1.5 }],
        { period, mode: "streaming", quantityDecimals: 0 },
      ),
    );
    expect(error.message).toMatch(/row 1 has a quantity with more than 0 decimal places/);
    const shown = ledgerRowError(error, place(0)) as InvKpiError;
    expect(shown.message).toBe(
      "ledger.csv:3: quantity: the quantity has more than 0 decimal places, the most that --quantity-decimals 0 allows",
    );
    // The library's error is not changed; the CLI's has its code, path and details.
    expect(error.message).toMatch(/^analyzeLedgerStream: row 1 /);
    expect([shown.code, shown.path, shown.details]).toEqual([
      error.code,
      error.path,
      error.details,
    ]);
    expect(shown.path).toEqual(["ledger", 1, "quantity"]);
  });

  test("more decimal places than the first chunk's: give --quantity-decimals, or no --streaming for money", async () => {
    const options = { period, mode: "streaming" as const, chunkRows: 1 };
    const quantity = await errorOf(() =>
      analyzeLedgerStream(
        [
          receipt,
          { sku: "A", date: "2025-01-03", type: "issue", quantity: 1 },
          { sku: "A", date: "2025-01-04", type: "issue", quantity: 1.25 },
        ],
        options,
      ),
    );
    expect((ledgerRowError(quantity, place()) as InvKpiError).message).toBe(
      "ledger.csv:4: quantity: the quantity has more than 0 decimal places, the most that the rows before it had: --streaming fixes the decimal places on the first million rows; give --quantity-decimals (the most any quantity has)",
    );
    const cost = await errorOf(() =>
      analyzeLedgerStream(
        [
          receipt,
          { sku: "A", date: "2025-01-03", type: "issue", quantity: 1 },
          { ...receipt, date: "2025-01-04", unitCost: "1.0000001" },
        ],
        options,
      ),
    );
    expect((ledgerRowError(cost, place()) as InvKpiError).message).toBe(
      "ledger.csv:4: unitCost: the unitCost has more than 6 decimal places, the most that the rows before it had: --streaming fixes the decimal places on the first million rows; analyze without --streaming",
    );
  });

  test("a quantity too large for the ledger's decimal places: its line and why", async () => {
    const error = await errorOf(() =>
      analyzeLedger(
        [
          { ...receipt, quantity: 999_999_999_999 },
          { ...receipt, sku: "B", quantity: 0.000001 },
        ],
        { period },
      ),
    );
    expect(error.message).toMatch(/quantity 999999999999 of row 0 cannot be held exactly/);
    const shown = ledgerRowError(error, place()) as InvKpiError;
    expect(shown.message).toBe(
      "ledger.csv:2: quantity: the quantity 999999999999 cannot be held exactly with 6 decimal places (the most that any quantity of the ledger has): a quantity times 10^6 must lie within ±2^53",
    );
    expect([shown.code, shown.path]).toEqual(["out_of_range", ["ledger", 0, "quantity"]]);
    // Without a line (rows that came from no file), the 1-based row.
    const noLine = { ...place(), lineOf: () => undefined };
    expect((ledgerRowError(error, noLine) as InvKpiError).message).toMatch(
      /^ledger\.csv: row 1: quantity: the quantity 999999999999 /,
    );
  });

  test("streaming's refusal of a row out of date order gets the file (found by an audit)", () => {
    const unsorted = new InvKpiError(
      "unsorted_input",
      "analyzeLedgerStream: streaming needs the ledger in date order; line 4 (row 2), dated ...",
      { path: ["ledger", 2, "date"], details: { row: 2 } },
    );
    const shown = ledgerRowError(unsorted, place()) as InvKpiError;
    expect(shown.message).toBe(
      "ledger.csv: streaming needs the ledger in date order; line 4 (row 2), dated ...",
    );
    expect([shown.code, shown.path, shown.details]).toEqual([
      "unsorted_input",
      ["ledger", 2, "date"],
      { row: 2 },
    ]);
  });

  test("any other error is returned as it is", () => {
    const option = new InvKpiError("out_of_range", "serviceLevel", { path: ["serviceLevel"] });
    const bug = new TypeError("x is undefined");
    for (const error of [option, bug]) expect(ledgerRowError(error, place())).toBe(error);
  });
});
