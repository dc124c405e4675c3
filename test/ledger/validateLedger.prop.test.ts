import { fc, test } from "@fast-check/vitest";
import { Decimal as UserDecimal } from "decimal.js";
import { describe, expect } from "vitest";
import { parseLedger, toLedgerColumns, validateLedger } from "../../src/ledger/validateLedger.js";
import { Decimal } from "../../src/model/Decimal.js";
import {
  InvKpiError,
  type LedgerIssue,
  type LedgerIssueCode,
} from "../../src/model/InvKpiError.js";
import { MOVEMENT_TYPES, Movement } from "../../src/model/Movement.js";
import { ledgerArb, SHAPES } from "./arbitraries.js";

// Property tests of issue #2 for validateLedger, parseLedger, toLedgerColumns and the zod schema
// `Movement`: untrusted input of any shape never makes them throw anything but InvKpiError, every
// row ends up either valid or reported, and the three entry points and the schema agree.

/** The closed union of issue codes, spelled out so that the compiler flags a code added later. */
const ISSUE_CODES: Record<LedgerIssueCode, true> = {
  not_an_object: true,
  missing_field: true,
  invalid_type: true,
  empty_sku: true,
  empty_text: true,
  unknown_movement_type: true,
  invalid_quantity: true,
  zero_quantity: true,
  wrong_sign: true,
  quantity_precision: true,
  invalid_date: true,
  invalid_money: true,
  negative_money: true,
  money_precision: true,
  missing_cost: true,
  inconsistent_value: true,
  duplicate_id: true,
  misspelt_field: true,
  parse_error: true,
};
const FIELDS = [
  "",
  "sku",
  "date",
  "type",
  "quantity",
  "unitCost",
  "unitPrice",
  "location",
  "lot",
  "expiresOn",
  "id",
];

/** Anything at all, including boxed values, maps, null-prototype objects, bigints and sparse arrays. */
const anything = fc.anything({
  maxDepth: 2,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
});

/** Values that look almost right: the edge cases a validator must tell apart. */
const trickyValue = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\t",
    "2024-02-29",
    "2025-02-29",
    "2025-02-30",
    "2025-13-01",
    "2025-1-5",
    "2025-01-05T00:00:00Z",
    "receipt",
    "RECEIPT",
    "toString",
    "__proto__",
    "constructor",
    "12.50",
    " 7 ",
    "-0",
    "-1",
    "1e3",
    "1e-20",
    "1e400",
    ".5",
    "5.",
    ".",
    "NaN",
    "Infinity",
    "0x10",
    "1,5",
  ),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    0,
    -0,
    1e21,
    0.1 + 0.2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -5,
  ),
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.double().map((d) => new Decimal(d)),
  fc.double().map((d) => new UserDecimal(d)),
  fc.object({ maxDepth: 1 }),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.string(),
);

/** Plausible values per field, so that a good share of generated rows is valid. */
const plausible = {
  sku: fc.constantFrom("A", "b", "螺丝-M8", " A"),
  date: fc.oneof(
    fc.constantFrom("2024-02-29", "2025-01-31"),
    fc.date({ min: new Date("1990-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }),
  ),
  type: fc.constantFrom(...MOVEMENT_TYPES),
  quantity: fc.oneof(
    fc.integer({ min: -50, max: 50 }),
    fc.integer({ min: -50_000, max: 50_000 }).map((m) => m / 1000),
  ),
  money: fc.oneof(
    fc.nat(10_000),
    fc.nat(1_000_000).map((c) => (c / 100).toFixed(2)),
    fc.nat(1_000_000).map((c) => new Decimal(c).div(10_000)),
    fc.constant(null),
  ),
  text: fc.oneof(fc.constantFrom("W1", "东仓", "LOT-7"), fc.constant(null)),
  id: fc.oneof(fc.string({ maxLength: 3 }), fc.nat(5), fc.constant(null)),
};

const ROW_KEYS = [
  "sku",
  "date",
  "type",
  "quantity",
  "unitCost",
  "unitPrice",
  "location",
  "lot",
  "expiresOn",
  "id",
] as const;

/** A plausible row: every key may be absent, values as a user would write them. */
const plausibleRow = fc.record(
  {
    sku: plausible.sku,
    date: plausible.date,
    type: plausible.type,
    quantity: plausible.quantity,
    unitCost: plausible.money,
    unitPrice: plausible.money,
    location: plausible.text,
    lot: plausible.text,
    expiresOn: fc.oneof(plausible.date, fc.constant(null)),
    id: plausible.id,
  },
  { requiredKeys: ["sku", "date", "type", "quantity"] },
);

/**
 * Objects with the right keys: a plausible row with zero to two fields replaced by tricky values
 * (so that most rows are wrong in exactly one place, where validators are easiest to fool), and
 * sometimes with required fields missing.
 */
const rowLike = fc
  .tuple(
    plausibleRow,
    fc.array(fc.tuple(fc.constantFrom(...ROW_KEYS), trickyValue), { maxLength: 2 }),
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...ROW_KEYS) },
    ),
  )
  .map(([row, patches, missing]) => {
    const patched: Record<string, unknown> = { ...row, ...Object.fromEntries(patches) };
    if (missing !== null) delete patched[missing];
    return patched;
  });

/** A revoked Proxy: every operation on it throws, even `Array.isArray`. */
function revokedProxy(target: object): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/**
 * How to build an object that throws when read. fast-check looks into the values it generates
 * (and prints them), which such an object would not survive: the properties build it from this
 * recipe, with {@link built}.
 */
class Hostile {
  constructor(
    readonly label: string,
    readonly build: () => unknown,
  ) {}
  toString(): string {
    return this.label;
  }
}

/** The rows with each {@link Hostile} recipe built. */
function built(rows: readonly unknown[]): unknown[] {
  return rows.map((row) => (row instanceof Hostile ? row.build() : row));
}

/**
 * Objects that throw when read (found by an input audit: validation rethrew their errors): a row
 * with a throwing getter on some fields, a Proxy whose trap throws, a revoked Proxy as the row or
 * as a field's value, a cyclic row.
 */
const hostile = fc.oneof(
  fc.tuple(rowLike, fc.subarray([...ROW_KEYS], { minLength: 1, maxLength: 3 })).map(
    ([row, fields]) =>
      new Hostile(`getters of ${fields.join(", ")} throw`, () => {
        const copy = { ...row };
        for (const field of fields) {
          Object.defineProperty(copy, field, {
            get() {
              throw new Error(`getter of ${field}`);
            },
            enumerable: true,
          });
        }
        return copy;
      }),
  ),
  fc
    .tuple(
      rowLike,
      fc.constantFrom("get", "has", "ownKeys", "getPrototypeOf", "getOwnPropertyDescriptor"),
    )
    .map(
      ([row, trap]) =>
        new Hostile(`a Proxy whose ${trap} trap throws`, () => {
          const handler: ProxyHandler<object> = {
            [trap]: () => {
              throw new Error(`${trap} trap`);
            },
          };
          return new Proxy(row, handler);
        }),
    ),
  rowLike.map((row) => new Hostile("a revoked Proxy", () => revokedProxy(row))),
  fc
    .tuple(rowLike, fc.constantFrom(...ROW_KEYS))
    .map(
      ([row, field]) =>
        new Hostile(`${field} a revoked Proxy`, () => ({ ...row, [field]: revokedProxy({}) })),
    ),
  fc.constant(
    new Hostile("a cyclic row", () => {
      const cyclic: Record<string, unknown> = { date: "2025-01-01" };
      cyclic.sku = cyclic;
      return cyclic;
    }),
  ),
);

/** Near misses of field names beside the right ones (`Location`, `unit_cost`). */
const misspelt = fc
  .tuple(
    rowLike,
    fc.constantFrom("Location", "unit_cost", "UnitCost", "expires_on", "Lot", "Id", "date ", "SKU"),
  )
  .map(([row, name]) => ({ ...row, [name]: "x" }));

const rowsArb = fc.oneof(
  fc.array(anything, { maxLength: 20 }),
  fc.array(rowLike, { maxLength: 20 }),
  fc.array(fc.oneof(rowLike, anything), { maxLength: 20 }),
  fc.array(fc.oneof({ weight: 3, arbitrary: rowLike }, hostile, misspelt, anything), {
    maxLength: 20,
  }),
);

function expectWellFormed(issue: LedgerIssue, rowCount: number): void {
  expect(
    Number.isInteger(issue.row) && issue.row >= 0 && issue.row < rowCount,
    `row ${issue.row}`,
  ).toBe(true);
  // A near miss names the field as written; every other issue one of the fields, or ''.
  if (issue.code === "misspelt_field") expect(FIELDS).not.toContain(issue.field);
  else expect(FIELDS).toContain(issue.field);
  expect(Object.hasOwn(ISSUE_CODES, issue.code), issue.code).toBe(true);
  expect(typeof issue.message).toBe("string");
  expect(issue.message.length).toBeGreaterThan(0);
  if (issue.value !== undefined) {
    expect(typeof issue.value).toBe("string");
    expect(issue.value.length).toBeLessThanOrEqual(60);
  }
}

/** Calls `fn` and returns what it threw, or undefined. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("validateLedger on arbitrary input", () => {
  // Property 8: no input makes validation throw; each row is valid (in `movements`, the same
  // object, in input order) or reported, never both; each issue is complete.
  test.prop([rowsArb])(
    "never throws; every row is either a movement or reported, never both",
    (generated) => {
      const rows = built(generated);
      const { movements, issues } = validateLedger(rows);
      for (const issue of issues) expectWellFormed(issue, rows.length);
      const reported = new Set(issues.map((i) => i.row));
      const valid = rows.flatMap((row, i) => (reported.has(i) ? [] : [row]));
      expect(movements).toHaveLength(valid.length);
      valid.forEach((row, k) => {
        expect(movements[k]).toBe(row);
      });
      // Issues come in row order.
      const order = issues.map((i) => i.row);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    },
  );

  test.prop([rowsArb])(
    "parseLedger and toLedgerColumns throw only InvKpiError('invalid_ledger') with validateLedger's issues",
    (generated) => {
      const rows = built(generated);
      const { movements, issues } = validateLedger(rows);
      for (const run of [() => parseLedger(rows), () => toLedgerColumns(rows)]) {
        const error = thrownBy(run);
        if (issues.length === 0) {
          expect(error).toBeUndefined();
        } else {
          expect(error).toBeInstanceOf(InvKpiError);
          expect((error as InvKpiError).code).toBe("invalid_ledger");
          expect((error as InvKpiError).issues).toEqual(issues);
        }
      }
      if (issues.length === 0) {
        const parsed = parseLedger(rows);
        parsed.forEach((m, k) => {
          expect(m).toBe(movements[k]);
        });
        expect(toLedgerColumns(rows).length).toBe(movements.length);
      }
    },
  );

  // Rows are checked one by one, so the schema that checks one row must agree with the validator,
  // except for the checks that need the whole ledger: duplicate ids (impossible with one row) and a
  // receipt without a cost, which is fine when skuInfo gives its SKU a standard cost.
  //
  test.prop([fc.oneof({ weight: 9, arbitrary: rowLike }, { weight: 1, arbitrary: anything })], {
    numRuns: 2000, // one row per run: cheap, and disagreements hide in single fields
  })(
    "the zod schema Movement accepts a row iff validateLedger finds no problem in it alone",
    (row) => {
      const rowProblems = validateLedger([row]).issues.filter((i) => i.code !== "missing_cost");
      const accepted = Movement.safeParse(row).success;
      expect(accepted, JSON.stringify(rowProblems.map((i) => `${i.field} ${i.code}`))).toBe(
        rowProblems.length === 0,
      );
    },
  );
});

describe("validateLedger reports every bad row", () => {
  // Valid generated ledgers with some rows broken on purpose, one defect each: exactly those rows
  // are reported, with the field and code of their defect, and the others come through.
  const DEFECTS: readonly {
    patch: Record<string, unknown>;
    field: string;
    code: LedgerIssueCode;
  }[] = [
    { patch: { sku: "  " }, field: "sku", code: "empty_sku" },
    { patch: { sku: 7 }, field: "sku", code: "invalid_type" },
    { patch: { date: "2025-02-30" }, field: "date", code: "invalid_date" },
    { patch: { date: new Date(Number.NaN) }, field: "date", code: "invalid_date" },
    { patch: { type: "sale" }, field: "type", code: "unknown_movement_type" },
    { patch: { quantity: 0 }, field: "quantity", code: "zero_quantity" },
    { patch: { quantity: Number.NaN }, field: "quantity", code: "invalid_quantity" },
    { patch: { quantity: "3" }, field: "quantity", code: "invalid_type" },
    { patch: { unitCost: "-1.5" }, field: "unitCost", code: "negative_money" },
    { patch: { unitCost: "abc" }, field: "unitCost", code: "invalid_money" },
    { patch: { unitPrice: Number.POSITIVE_INFINITY }, field: "unitPrice", code: "invalid_money" },
  ];

  test.prop([
    ledgerArb(SHAPES.anything),
    fc.array(fc.tuple(fc.nat(), fc.nat(DEFECTS.length - 1)), { maxLength: 8 }),
  ])("exactly the broken rows are reported, each with its defect", (c, breaks) => {
    if (c.rows.length === 0) return;
    const defects = new Map(
      breaks.map(([i, d]) => [i % c.rows.length, DEFECTS[d] as (typeof DEFECTS)[number]]),
    );
    const rows = c.rows.map((row, i) => {
      const defect = defects.get(i);
      return defect === undefined ? row : { ...row, ...defect.patch };
    });
    const { movements, issues } = validateLedger(rows, { skuInfo: c.skuInfo });
    expect([...new Set(issues.map((i) => i.row))].sort((a, b) => a - b)).toEqual(
      [...defects.keys()].sort((a, b) => a - b),
    );
    for (const [i, defect] of defects) {
      const row = c.rows[i] as Movement;
      const expected = [`${defect.field} ${defect.code}`];
      // A blank SKU has no standard cost, so a receipt of it without a cost lacks one too.
      if (defect.code === "empty_sku" && row.type === "receipt" && row.unitCost === undefined) {
        expected.push("unitCost missing_cost");
      }
      expect(
        issues.filter((issue) => issue.row === i).map((issue) => `${issue.field} ${issue.code}`),
      ).toEqual(expected);
    }
    expect(movements).toHaveLength(rows.length - defects.size);
  });
});
