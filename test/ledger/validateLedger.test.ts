import { Readable } from "node:stream";
import { Decimal as UserDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { readLedger } from "../../src/io/readLedger.js";
import { readSkuInfo } from "../../src/io/readSkuInfo.js";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { parseLedger, toLedgerColumns, validateLedger } from "../../src/ledger/validateLedger.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { errorOf } from "../support/errorOf.js";

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
    const messages = [
      "ISSUE",
      "Receipt ",
      "receipt ",
      "receipt\u00A0",
      "receipt\u200B",
      " Issue\u200B",
      "\uFEFFissue",
      "sale",
      7,
    ].map((type) => validateLedger([{ ...good, type }]).issues[0]?.message);
    const listed = "type must be one of receipt, issue, return, adjustment, transfer";
    expect(messages).toEqual([
      `${listed}, in lower case (did you mean 'issue'?)`,
      `${listed}, in lower case and without leading or trailing white space (did you mean 'receipt'?)`,
      `${listed}, without leading or trailing white space (did you mean 'receipt'?)`,
      `${listed}, without leading or trailing white space (U+00A0) (did you mean 'receipt'?)`,
      `${listed}, without the invisible character U+200B (did you mean 'receipt'?)`,
      `${listed}, in lower case, without leading or trailing white space and without the invisible character U+200B (did you mean 'issue'?)`,
      `${listed}, without leading or trailing white space (U+FEFF) (did you mean 'issue'?)`,
      listed,
      listed,
    ]);
    // The value shows the character, which a terminal would not.
    expect(validateLedger([{ ...good, type: "receipt\u200B" }]).issues[0]?.value).toBe(
      '"receipt\\u{200b}"',
    );
  });

  it("allows signed adjustments and transfers but not zero", () => {
    expect(
      problems([
        { sku: "A", date: "2025-01-02", type: "adjustment", quantity: -2 },
        { sku: "A", date: "2025-01-02", type: "transfer", quantity: 2, location: "W2" },
      ]),
    ).toEqual([]);
  });

  it("lets a SKU with a standard cost receive without unitCost", () => {
    const row = { sku: "S", date: "2025-01-02", type: "receipt", quantity: 1 };
    expect(problems([row])).toEqual(["0 unitCost missing_cost"]);
    expect(problems([row], { skuInfo: [{ sku: "S", standardCost: 3 }] })).toEqual([]);
  });

  // Found by a review: a standard cost counted as usable when it read as a decimal ≥ 0, so that
  // `1e300` excused a receipt without a cost, which analyzeLedger then refused. skuInfo is now
  // checked in full, by analyzeLedger's rules, and every problem reported as analyzeLedger does.
  it("checks skuInfo as analyzeLedger does, every problem at once", () => {
    const row = { sku: "S", date: "2025-01-02", type: "receipt", quantity: 1 };
    const skuInfo = [
      { sku: "S", standardCost: "1e300" },
      { sku: "T", standardCost: "abc", serviceLevel: 2 },
      { sku: "T" },
    ];
    for (const fn of [validateLedger, parseLedger, toLedgerColumns]) {
      let error: InvKpiError | undefined;
      try {
        fn([row], { skuInfo });
      } catch (e) {
        error = e as InvKpiError;
      }
      expect([error?.code, error?.path]).toEqual([
        "invalid_argument",
        ["skuInfo", 0, "standardCost"],
      ]);
      expect(error?.issues.map((i) => `${i.row} ${i.field} ${i.code}`)).toEqual([
        "0 standardCost money_precision",
        "1 standardCost invalid_money",
        "1 serviceLevel invalid_quantity",
        "2 sku duplicate_id",
      ]);
      expect(error?.message).toMatch(
        new RegExp(
          `^${fn.name}: 4 problems in 3 skuInfo entries: skuInfo\\[0\\] \\(SKU "S"\\): standardCost must be below 10\\^15`,
        ),
      );
    }
    expect(() =>
      analyzeLedger([row as Movement], {
        period: { from: "2025-01-01", to: "2025-01-31" },
        skuInfo: skuInfo as never,
      }),
    ).toThrow(
      expect.objectContaining({ code: "invalid_argument", path: ["skuInfo", 0, "standardCost"] }),
    );
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

describe("near misses of field names (found by an input audit)", () => {
  // An in-memory row with `Location` or `expires_on` lost the value without a word, where the
  // file readers map such keys; now a near miss of a field is an issue of its row.
  it("reports a near miss of a movement field, naming the field meant", () => {
    const rows = [
      { ...good, Location: "WH1" },
      { ...good, expires_on: "2025-01-10" },
      { ...good, expiresOn: "2025-01-10", Lot: "L1" },
      { sku: "A", date: "2025-01-02", type: "issue", quantity: 1, UnitCost: "2" },
      { ...good, Id: "x" },
    ];
    expect(problems(rows)).toEqual([
      "0 Location misspelt_field",
      "1 expires_on misspelt_field",
      "2 Lot misspelt_field",
      "3 UnitCost misspelt_field",
      "4 Id misspelt_field",
    ]);
    const [issue] = validateLedger([{ ...good, Location: "WH1" }]).issues;
    expect(issue).toMatchObject({ row: 0, field: "Location", value: '"WH1"' });
    expect(issue?.message).toMatch(/did you mean 'location'\?/);
    expect(() => parseLedger(rows)).toThrow(expect.objectContaining({ code: "invalid_ledger" }));
  });

  it("accepts other extra fields, and a near miss whose value is undefined", () => {
    expect(
      problems([
        { ...good, note: "ERP", supplier: "ACME", warehouse: "W" },
        { ...good, Lot: undefined },
      ]),
    ).toEqual([]);
  });

  // Found by a review: an ERP export mapped with its own columns spread in gave one issue per
  // ERP column (`SKU` beside `sku`), though every field was there.
  it("takes a near miss for data when the field it points to is present", () => {
    const erp = [
      { SKU: "A", Date: "2025-01-02", Type: "RCPT", Quantity: "10", "Unit Cost": "2.5" },
      { SKU: "A", Date: "2025-01-03", Type: "ISS", Quantity: "4", "Unit Cost": "2.5" },
    ].map((r, k) => ({ ...r, Location: "W1", ID: `m${k}` }));
    const rows = erp.map((r) => ({
      ...r,
      sku: r.SKU,
      date: r.Date,
      type: r.Type === "RCPT" ? "receipt" : "issue",
      quantity: Number(r.Quantity),
      unitCost: r["Unit Cost"],
      location: r.Location,
      id: r.ID,
    }));
    expect(problems(rows)).toEqual([]);
    // Without the field, the near miss is still its own issue.
    const { location: _, ...withoutLocation } = rows[0] as (typeof rows)[number];
    expect(problems([withoutLocation])).toEqual(["0 Location misspelt_field"]);
  });

  it("takes names one edit from a field for data (found by a review: refused)", () => {
    const extra = { dates: 1, types: 1, date1: 1, quantity2: 1, location2: 1, locations: 1 };
    const more = { expiresIn: 1, expiredOn: 1, unitCosts: 1, unitPrice2: 1, values: 1 };
    expect(problems([{ ...good, ...extra, ...more }])).toEqual([]);
  });

  it("refuses an analysis of such rows rather than dropping the value", () => {
    const period = { from: "2025-01-01", to: "2025-01-31" };
    expect(() => analyzeLedger([{ ...good, Location: "WH1" }] as never, { period })).toThrow(
      expect.objectContaining({ code: "invalid_ledger" }),
    );
  });

  it("reports a near miss in an opening balance", () => {
    const period = { from: "2025-01-01", to: "2025-01-31" };
    for (const [extra, field] of [
      [{ received_on: "2020-01-01" }, "received_on"],
      [{ Location: "X" }, "Location"],
    ] as const) {
      const balance = { sku: "B", quantity: 5, unitCost: "1", ...extra };
      try {
        analyzeLedger([good as Movement], { period, openingBalances: [balance] });
        expect.unreachable();
      } catch (e) {
        expect((e as InvKpiError).code).toBe("invalid_argument");
        expect((e as InvKpiError).issues.map((i) => `${i.row} ${i.field} ${i.code}`)).toEqual([
          `0 ${field} misspelt_field`,
        ]);
      }
    }
  });
});

describe("rows, ledgers and options that cannot be read (found by an input audit)", () => {
  function throwing<T extends object>(row: T, field: string): T {
    const copy = { ...row };
    Object.defineProperty(copy, field, {
      get() {
        throw new Error("boom");
      },
      enumerable: true,
    });
    return copy;
  }
  const revoked = (): object => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };

  it("makes a row whose getter or proxy throws an issue of that row", () => {
    const trap = new Proxy(
      { ...good },
      {
        get() {
          throw new Error("trap");
        },
      },
    );
    const rows = [throwing(good, "sku"), good, trap, revoked(), { ...good, date: revoked() }];
    const { movements, issues } = validateLedger(rows);
    expect(movements).toEqual([good]);
    expect(issues.map((i) => `${i.row} ${i.field} ${i.code}`)).toEqual([
      "0 sku invalid_type",
      "2  not_an_object",
      "3  not_an_object",
      "4 date invalid_type",
    ]);
    expect(issues[0]?.message).toBe("sku cannot be read: reading it threw Error: boom");
    expect(() => parseLedger([throwing(good, "quantity")])).toThrow(
      expect.objectContaining({ code: "invalid_ledger" }),
    );
  });

  it("keeps the other problems of a row with a field that cannot be read", () => {
    expect(problems([throwing({ ...good, date: "2025-02-30" }, "lot")])).toEqual([
      "0 lot invalid_type",
      "0 date invalid_date",
    ]);
  });

  it("refuses a ledger or options that cannot be read with invalid_argument", () => {
    const array = [good];
    Object.defineProperty(array, 0, {
      get() {
        throw new Error("boom");
      },
    });
    expect(problems(array)).toEqual(["0  not_an_object"]);
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    for (const call of [
      () => validateLedger(proxy),
      () => parseLedger(proxy),
      () => toLedgerColumns(proxy),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: "invalid_argument", path: ["ledger"] }));
    }
    expect(() => validateLedger([good], revoked())).toThrow(
      expect.objectContaining({ code: "invalid_argument", path: ["options"] }),
    );
  });
});

describe("the options of validateLedger (found by an input audit)", () => {
  const bad = { ...good, sku: "" };
  it.each([
    [{ skuInfo: { sku: "A" } }, ["skuInfo"], /skuInfo must be an array/],
    [
      { skuInfo: [null] },
      ["skuInfo", 0],
      /1 problem in 1 skuInfo entry: skuInfo\[0\]: row must be an object/,
    ],
    [
      {
        skuInfo: [
          {
            sku: "A",
            get standardCost() {
              throw new Error("sc");
            },
          },
        ],
      },
      ["skuInfo", 0, "standardCost"],
      /skuInfo\[0\]\.standardCost cannot be read/,
    ],
    [{ lineOf: 5 }, ["lineOf"], /lineOf must be a function/],
  ])("refuses bad options up front (%#)", (options, path, message) => {
    for (const fn of [validateLedger, parseLedger, toLedgerColumns]) {
      expect(() => fn([bad], options as never)).toThrow(
        expect.objectContaining({
          code: "invalid_argument",
          path,
          message: expect.stringMatching(message),
        }),
      );
    }
  });

  it("refuses a line from lineOf that is not a positive whole number, naming lineOf", () => {
    for (const line of ["x", 0, 1.5, Number.NaN]) {
      expect(() => validateLedger([bad], { lineOf: () => line as number })).toThrow(
        expect.objectContaining({
          code: "invalid_argument",
          path: ["lineOf"],
          message: expect.stringMatching(/^validateLedger: lineOf must return/),
        }),
      );
    }
    expect(validateLedger([bad], { lineOf: (row) => row + 2 }).issues[0]?.line).toBe(2);
    expect(validateLedger([bad], { lineOf: () => undefined }).issues[0]?.line).toBeUndefined();
  });

  it("refuses a skuInfo entry that cannot be read in replayLedger too", () => {
    const period = { from: "2025-01-01", to: "2025-01-31" };
    const skuInfo = [
      {
        sku: "A",
        get standardCost(): number {
          throw new Error("sc");
        },
      },
    ];
    expect(() => replayLedger([good as Movement], { period, skuInfo })).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        path: ["skuInfo", 0, "standardCost"],
        message: expect.stringMatching(/^replayLedger: skuInfo\[0\]\.standardCost cannot be read/),
      }),
    );
  });
});

describe("Date objects outside the years 0000-9999 (found by an input audit)", () => {
  const period = { from: "2025-01-01", to: "2025-01-31" };
  it("are refused where they enter, as an out-of-range date string is", () => {
    for (const date of [new Date(-8.64e15), new Date(8.64e15), new Date(Date.UTC(10000, 0, 1))]) {
      expect(problems([{ ...good, date }])).toEqual(["0 date invalid_date"]);
      expect(problems([{ ...good, expiresOn: date }])).toEqual(["0 expiresOn invalid_date"]);
      expect(() =>
        analyzeLedger([good as Movement], {
          period,
          openingBalances: [{ sku: "A", quantity: 1, unitCost: 1, receivedOn: date }],
        }),
      ).toThrow(expect.objectContaining({ code: "invalid_argument" }));
      expect(() =>
        analyzeLedger([good as Movement], { period: { from: "2025-01-01", to: date } }),
      ).toThrow(expect.objectContaining({ code: "invalid_date", path: ["period", "to"] }));
      expect(() => analyzeLedger([good as Movement], { period, asOf: date })).toThrow(
        expect.objectContaining({ code: "invalid_date", path: ["asOf"] }),
      );
    }
    const first = new Date(Date.UTC(0, 0, 1));
    first.setUTCFullYear(0);
    expect(problems([{ ...good, date: first }])).toEqual([]);
    expect(problems([{ ...good, date: new Date(Date.UTC(9999, 11, 31, 23, 59)) }])).toEqual([]);
  });
});

// Found by a review: a CSV ledger or master refused "2.5\u00a0" (a no-break space), naming it;
// validateLedger, skuInfo and the NDJSON readers took it as 2.5. Now every entry point refuses it.
describe("invisible characters around an amount's text", () => {
  const period = { from: "2025-01-01", to: "2025-01-31" };
  const named =
    "holds U+00A0 (no-break space), an invisible character (only spaces and tabs may surround an amount)";

  it("are an invalid_money issue of the row, naming the character", () => {
    const { issues } = validateLedger([
      { ...good, unitCost: "2.5\u00a0" },
      { ...good, unitCost: " 2.5\t" },
      { sku: "A", date: "2025-01-03", type: "issue", quantity: 1, unitPrice: "\u00a04" },
    ]);
    expect(issues.map((i) => `${i.row} ${i.field} ${i.code} ${i.message}`)).toEqual([
      `0 unitCost invalid_money unitCost must be a decimal amount, but ${named}`,
      `2 unitPrice invalid_money unitPrice must be a decimal amount, but ${named}`,
    ]);
  });

  it("refuse a skuInfo amount, in every function that takes skuInfo", () => {
    const skuInfo = [{ sku: "A", standardCost: "2.5\u00a0", unitPrice: "4" }];
    for (const call of [
      () => validateLedger([good], { skuInfo }),
      () => replayLedger([good as Movement], { period, skuInfo }),
      () => analyzeLedger([good as Movement], { period, skuInfo }),
    ]) {
      const error = errorOf(call);
      expect(error.code).toBe("invalid_argument");
      expect(error.issues.map((i) => `${i.row} ${i.field} ${i.code} ${i.message}`)).toEqual([
        `0 standardCost invalid_money standardCost must be a decimal amount, but ${named}`,
      ]);
    }
  });

  it("refuse an amount of an NDJSON ledger or master, as a CSV one's", async () => {
    const ledger = await readLedger(
      Readable.from([`${JSON.stringify({ ...good, unitCost: "2.5\u00a0" })}\n`]),
      { format: "ndjson" },
    );
    expect(ledger.issues.map((i) => `${i.field} ${i.code} ${i.message}`)).toEqual([
      `unitCost invalid_money unitCost must be a decimal amount, but ${named}`,
    ]);
    const master = await readSkuInfo(
      Readable.from([`${JSON.stringify({ sku: "A", standardCost: "2.5\u00a0" })}\n`]),
      { format: "ndjson" },
    );
    expect(master.issues.map((i) => `${i.field} ${i.code} ${i.message}`)).toEqual([
      `standardCost invalid_money standardCost must be a decimal amount, but ${named}`,
    ]);
  });
});
