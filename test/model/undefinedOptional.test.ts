import { describe, expect, expectTypeOf, it } from "vitest";
import { type ReplayOptions, replayLedger } from "../../src/ledger/replayLedger.js";
import { validateLedger } from "../../src/ledger/validateLedger.js";
import { Movement } from "../../src/model/Movement.js";
import { OpeningBalance } from "../../src/model/OpeningBalance.js";
import type { Period } from "../../src/model/Period.js";
import { SkuInfo } from "../../src/model/SkuInfo.js";
import type { RejectsUndefined } from "../support/rejectsUndefined.js";

/** Every optional field of a `SkuInfo` row but `description`, each `undefined`. */
const NO_MASTER_DATA = {
  category: undefined,
  standardCost: undefined,
  unitPrice: undefined,
  leadTimeDays: undefined,
  leadTimeStdDevDays: undefined,
  reviewPeriodDays: undefined,
  serviceLevel: undefined,
  minOrderQuantity: undefined,
  packSize: undefined,
  onOrder: undefined,
  backordered: undefined,
  reserved: undefined,
  orderCost: undefined,
  holdingRate: undefined,
} as const;

// Callers compiled with `exactOptionalPropertyTypes` pass `undefined` for an optional field
// (`unitCost: row.cost`, where `cost` is `string | undefined`): every optional property of the
// input types takes it, and the runtime reads it as absent. These checks are compile-time ones
// (`npx tsc --noEmit -p .` type-checks the tests) plus the runtime sameness.

describe("model input types accept undefined for optional fields", () => {
  it("every optional key of Movement, OpeningBalance, SkuInfo, Period and ReplayOptions takes undefined", () => {
    expectTypeOf<RejectsUndefined<Movement>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<OpeningBalance>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<SkuInfo>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<Period>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<ReplayOptions>>().toEqualTypeOf<never>();
    // The check itself finds a key that does not (so `never` above means something).
    expectTypeOf<RejectsUndefined<{ readonly a?: string }>>().toEqualTypeOf<"a">();
    expectTypeOf<RejectsUndefined<{ readonly a: string }>>().toEqualTypeOf<never>();
  });

  it("objects built from `T | undefined` values type-check and replay as if the fields were left out", () => {
    const cost: string | undefined = undefined as string | undefined;
    const text: string | undefined = undefined as string | undefined;
    const withUndefined: Movement[] = [
      {
        sku: "A",
        date: "2025-01-02",
        type: "receipt",
        quantity: 10,
        unitCost: "2.50",
        unitPrice: cost,
        location: text,
        lot: text,
        expiresOn: undefined,
        id: undefined,
      },
      {
        sku: "A",
        date: "2025-01-05",
        type: "issue",
        quantity: 4,
        unitCost: cost,
        unitPrice: "4.00",
        location: undefined,
        lot: undefined,
        expiresOn: undefined,
        id: undefined,
      },
    ];
    const without: Movement[] = [
      { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: "2.50" },
      { sku: "A", date: "2025-01-05", type: "issue", quantity: 4, unitPrice: "4.00" },
    ];
    const balance: OpeningBalance = {
      sku: "B",
      quantity: 3,
      unitCost: "1.25",
      location: text,
      value: undefined,
      receivedOn: undefined,
      lot: undefined,
      expiresOn: undefined,
    };
    const info: SkuInfo = {
      sku: "A",
      description: text,
      ...NO_MASTER_DATA,
    };
    const period: Period = { from: "2025-01-01", to: "2025-01-31" };
    const options: ReplayOptions = {
      period,
      openingBalances: [balance],
      skuInfo: [info],
      valuation: undefined,
      negativeStock: undefined,
      byLocation: undefined,
      months: undefined,
    };

    expect(validateLedger(withUndefined, { skuInfo: [info] }).issues).toEqual([]);
    expect(replayLedger(withUndefined, options)).toStrictEqual(
      replayLedger(without, {
        period,
        openingBalances: [{ sku: "B", quantity: 3, unitCost: "1.25" }],
        skuInfo: [{ sku: "A" }],
      }),
    );
  });

  it("the zod schemas accept undefined wherever a field is optional, as the row reader does", () => {
    const movement = {
      sku: "A",
      date: "2025-01-02",
      type: "receipt",
      quantity: 1,
      unitCost: "1",
      unitPrice: undefined,
      location: undefined,
      lot: undefined,
      expiresOn: undefined,
      id: undefined,
    };
    expect(Movement.safeParse(movement).success).toBe(true);
    expect(validateLedger([movement as Movement]).issues).toEqual([]);
    // A receipt's cost is needed: undefined is absent, for both.
    const noCost = { ...movement, unitCost: undefined };
    expect(Movement.safeParse(noCost).success).toBe(true); // the schema checks rows one by one
    expect(validateLedger([noCost as Movement]).issues.map((i) => i.code)).toEqual([
      "missing_cost",
    ]);
    // A transfer needs a location: undefined is no location.
    const transfer = { ...movement, type: "transfer", location: undefined };
    expect(Movement.safeParse(transfer).success).toBe(false);
    expect(validateLedger([transfer as Movement]).issues.length).toBeGreaterThan(0);

    expect(
      OpeningBalance.safeParse({
        sku: "A",
        quantity: 1,
        unitCost: "1",
        location: undefined,
        value: undefined,
        receivedOn: undefined,
        lot: undefined,
        expiresOn: undefined,
      }).success,
    ).toBe(true);
    expect(
      SkuInfo.safeParse({
        sku: "A",
        description: undefined,
        ...NO_MASTER_DATA,
      }).success,
    ).toBe(true);
  });
});
