import { Decimal as UserDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { parseLedger, toLedgerColumns, validateLedger } from "../../src/ledger/validateLedger.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";

const good = { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: "2.50" };

function problems(rows: unknown[], options = {}): string[] {
  return validateLedger(rows, options).issues.map((i) => `${i.row} ${i.field} ${i.code}`);
}

describe("validateLedger", () => {
  it("accepts valid rows, with fields their type does not need", () => {
    const rows = [
      good,
      {
        sku: "A",
        date: "2025-01-03",
        type: "issue",
        quantity: 2,
        unitCost: 9,
        unitPrice: "4.10",
        note: "ERP column",
      },
    ];
    const { movements, issues } = validateLedger(rows);
    expect(issues).toEqual([]);
    expect(movements).toEqual(rows);
    expect(movements[0]).toBe(rows[0]); // the same objects, not copies
  });

  it("reports every problem of every row at once, with row, field, code and value", () => {
    const rows = [
      good,
      { sku: "  ", date: "2025-02-30", type: "sale", quantity: 0 },
      { sku: "B", date: "2025-13-01", type: "issue", quantity: -3 },
      { sku: "B", date: "", type: "adjustment", quantity: Number.NaN },
      { sku: 42, date: "2025-01-01", type: "return", quantity: "3", unitCost: "abc" },
      { sku: "C", date: "2025-01-01", type: "receipt", quantity: 1 },
      { sku: "C", date: "2025-01-01", type: "receipt", quantity: 1, unitCost: -1 },
      { sku: "C", date: "2025-01-01", type: "receipt", quantity: 0.1 + 0.2, unitCost: 1 },
      null,
    ];
    expect(problems(rows)).toEqual([
      "1 sku empty_sku",
      "1 date invalid_date",
      "1 type unknown_movement_type",
      "1 quantity zero_quantity",
      "2 date invalid_date",
      "2 quantity wrong_sign",
      "3 date invalid_date",
      "3 quantity invalid_quantity",
      "4 sku invalid_type",
      "4 quantity invalid_type",
      "4 unitCost invalid_money",
      "5 unitCost missing_cost",
      "6 unitCost negative_money",
      "7 quantity quantity_precision",
      "8  not_an_object",
    ]);
    const first = validateLedger(rows).issues[1];
    expect(first).toMatchObject({ row: 1, field: "date", value: '"2025-02-30"' });
    expect(first?.message).toMatch(/real calendar day/);
  });

  it("names the type meant when only case or spaces differ (found by an audit)", () => {
    // ERP exports write `ISSUE` or `Receipt`: still refused (types are matched exactly), but
    // the message says which type it would be, rather than only listing them.
    const messages = ["ISSUE", "Receipt ", "sale", 7].map(
      (type) => validateLedger([{ ...good, type }]).issues[0]?.message,
    );
    expect(messages).toEqual([
      "type must be one of receipt, issue, return, adjustment, transfer, in lower case (did you mean 'issue'?)",
      "type must be one of receipt, issue, return, adjustment, transfer, in lower case (did you mean 'receipt'?)",
      "type must be one of receipt, issue, return, adjustment, transfer",
      "type must be one of receipt, issue, return, adjustment, transfer",
    ]);
  });

  it("allows signed adjustments and transfers but not zero", () => {
    expect(
      problems([
        { sku: "A", date: "2025-01-02", type: "adjustment", quantity: -2 },
        { sku: "A", date: "2025-01-02", type: "transfer", quantity: 2, location: "W2" },
      ]),
    ).toEqual([]);
  });

  it("lets a SKU with a usable standard cost receive without unitCost", () => {
    const row = { sku: "S", date: "2025-01-02", type: "receipt", quantity: 1 };
    expect(problems([row])).toEqual(["0 unitCost missing_cost"]);
    expect(problems([row], { skuInfo: [{ sku: "S", standardCost: 3 }] })).toEqual([]);
    expect(problems([row], { skuInfo: [{ sku: "S", standardCost: "abc" }] })).toEqual([
      "0 unitCost missing_cost",
    ]);
  });

  it("needs a location on transfers and refuses blank text where text is optional", () => {
    expect(
      problems([
        { sku: "A", date: "2025-01-02", type: "transfer", quantity: -2 },
        { ...good, location: "" },
        { ...good, lot: "   " },
        { ...good, quantity: 1e15 },
        { sku: null, date: "2025-01-02", type: "issue", quantity: 1 },
      ]),
    ).toEqual([
      "0 location missing_field",
      "1 location empty_text",
      "2 lot empty_text",
      "3 quantity invalid_quantity",
      "4 sku missing_field",
    ]);
    expect(
      validateLedger([{ sku: null, date: "2025-01-02", type: "issue", quantity: 1 }]).issues[0]
        ?.value,
    ).toBe("null");
  });

  it("reports duplicate ids, naming the first row", () => {
    const { issues } = validateLedger([
      { ...good, id: "D1" },
      { ...good, id: 7 },
      { ...good, id: "D1" },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 2,
        field: "id",
        code: "duplicate_id",
        message: "id is already used by row 0",
      }),
    ]);
  });

  it("accepts money as number, decimal text or any decimal.js Decimal, and too-precise money is reported", () => {
    expect(
      problems([
        { ...good, unitCost: 0.1 },
        { ...good, unitCost: "12.3456" },
        { ...good, unitCost: new UserDecimal("1.5") },
      ]),
    ).toEqual([]);
    expect(problems([{ ...good, unitCost: "1.1234567890123" }])).toEqual([
      "0 unitCost money_precision",
    ]);
    expect(problems([{ ...good, unitCost: Number.POSITIVE_INFINITY }])).toEqual([
      "0 unitCost invalid_money",
    ]);
  });

  it("keeps SKU codes exactly as given: Unicode, case and spaces", () => {
    const columns = toLedgerColumns([
      { ...good, sku: "螺丝 M3" },
      { ...good, sku: "a" },
      { ...good, sku: "A" },
      { ...good, sku: " A" },
    ]);
    expect(columns.skus).toEqual(["螺丝 M3", "a", "A", " A"]);
  });

  it("truncates long offending values", () => {
    const { issues } = validateLedger([{ ...good, type: "x".repeat(500) }]);
    expect(issues[0]?.value?.length).toBeLessThanOrEqual(60);
  });
});

describe("parseLedger and toLedgerColumns", () => {
  it("throw one invalid_ledger error that carries every issue", () => {
    const rows = [good, { ...good, date: "2025-02-30" }, { ...good, quantity: -1 }];
    for (const fn of [parseLedger, toLedgerColumns]) {
      try {
        fn(rows);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InvKpiError);
        const error = e as InvKpiError;
        expect(error.code).toBe("invalid_ledger");
        expect(error.issues).toEqual(validateLedger(rows).issues);
        expect(error.message).toMatch(
          /^(parseLedger|toLedgerColumns): 2 problems in 2 rows: row 1, date/,
        );
      }
    }
  });

  it("build columns with dictionaries and exact money", () => {
    const c = toLedgerColumns([
      good,
      {
        sku: "B",
        date: "2025-01-03",
        type: "transfer",
        quantity: -2.5,
        location: "W1",
        lot: "L9",
        expiresOn: "2026-01-01",
      },
    ]);
    expect(c.length).toBe(2);
    expect(Array.from(c.sku)).toEqual([0, 1]);
    expect(Array.from(c.kind)).toEqual([0, 2]); // receipt, transfer out
    expect([c.costUnits[0], c.costDecimals[0]]).toEqual([25, 1]); // "2.50" is 25 tenths
    expect(Number.isNaN(c.costUnits[1])).toBe(true);
    expect(c.quantityDecimals).toBe(1);
    expect([c.locations, c.lots]).toEqual([["W1"], ["L9"]]);
  });
});

describe("a ledger that is not an array", () => {
  // Found by an API audit: a parsed `{ "movements": [...] }` file passed whole gave an empty
  // report without a word, and `null` a TypeError.
  const row = { sku: "A", date: "2025-01-02", type: "receipt", quantity: 1, unitCost: 2 };
  const period = { from: "2025-01-01", to: "2025-01-31" };
  const notArrays: unknown[] = [
    { movements: [row] },
    new Set([row]),
    null,
    undefined,
    "A,2025-01-02",
  ];

  it.each(notArrays)("is an invalid_argument error everywhere: %o", (ledger) => {
    const calls: [string, () => unknown][] = [
      ["validateLedger", () => validateLedger(ledger as unknown[])],
      ["parseLedger", () => parseLedger(ledger as unknown[])],
      ["toLedgerColumns", () => toLedgerColumns(ledger as unknown[])],
      ["replayLedger", () => replayLedger(ledger as Movement[], { period })],
      ["analyzeLedger", () => analyzeLedger(ledger as Movement[], { period })],
    ];
    for (const [fn, call] of calls) {
      expect(call, fn).toThrow(
        expect.objectContaining({
          name: "InvKpiError",
          code: "invalid_argument",
          path: ["ledger"],
          message: expect.stringMatching(new RegExp(`^${fn}: the ledger must be an array`)),
        }) as Error,
      );
    }
  });
});
