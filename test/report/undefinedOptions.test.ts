import { describe, expect, expectTypeOf, it } from "vitest";
import type {
  AbcReportOptions,
  AnalyzeLedgerOptions,
  DemandReportOptions,
  XyzReportOptions,
} from "../../src/report/AnalyzeLedgerOptions.js";
import { analyzeLedger } from "../../src/report/analyzeLedger.js";
import { analyzeLedgerStream } from "../../src/report/analyzeLedgerStream.js";
import type { RejectsUndefined } from "../support/rejectsUndefined.js";
import { Q1_2024, WORKED_LEDGER, WORKED_SKU_INFO } from "./fixtures.js";

// `analyzeLedger`'s options, at every level, take `undefined` for an option left out (callers
// compiled with `exactOptionalPropertyTypes` pass `cfg.leadTime`, a `number | undefined`), and the
// report is the same as without it. The type checks run under `npx tsc --noEmit -p .`.

type Replenishment = NonNullable<AnalyzeLedgerOptions["replenishment"]>;

describe("AnalyzeLedgerOptions accepts undefined for every optional option", () => {
  it("at the top level and in every option group (compile-time)", () => {
    expectTypeOf<RejectsUndefined<AnalyzeLedgerOptions>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<AbcReportOptions>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<XyzReportOptions>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<DemandReportOptions>>().toEqualTypeOf<never>();
    expectTypeOf<RejectsUndefined<Replenishment>>().toEqualTypeOf<never>();
    // The option groups still name every option of the calculators they configure.
    expectTypeOf<keyof import("../../src/classify/index.js").AbcOptions>().toExtend<
      keyof AbcReportOptions
    >();
    expectTypeOf<keyof import("../../src/classify/index.js").XyzOptions>().toExtend<
      keyof XyzReportOptions
    >();
    expectTypeOf<
      keyof import("../../src/report/AnalyzeLedgerOptions.js").ReplenishmentReportOptions
    >().toEqualTypeOf<keyof Replenishment>();
  });

  it("replenishment: { leadTimeDays: undefined } gives the report without it", () => {
    const leadTime = undefined as number | undefined;
    const options: AnalyzeLedgerOptions = {
      period: Q1_2024,
      replenishment: { leadTimeDays: leadTime },
    };
    expect(analyzeLedger(WORKED_LEDGER, options)).toStrictEqual(
      analyzeLedger(WORKED_LEDGER, { period: Q1_2024, replenishment: {} }),
    );
    expect(analyzeLedger(WORKED_LEDGER, options)).toStrictEqual(
      analyzeLedger(WORKED_LEDGER, { period: Q1_2024 }),
    );
  });

  it("every option undefined, at every level, gives the report of the defaults", () => {
    const allUndefined: AnalyzeLedgerOptions = {
      period: Q1_2024,
      asOf: undefined,
      valuation: undefined,
      averageMethod: undefined,
      turnoverBasis: undefined,
      sellThroughVariant: undefined,
      daysPerYear: undefined,
      abc: {
        measure: undefined,
        cutoffs: undefined,
        labels: undefined,
        zeroValues: undefined,
        negativeValues: undefined,
      },
      xyz: { bucket: undefined, cutoffs: undefined, labels: undefined },
      demand: { start: undefined, partialBuckets: undefined, stdDev: undefined },
      replenishment: {
        serviceLevel: undefined,
        leadTimeDays: undefined,
        leadTimeStdDevDays: undefined,
        reviewPeriodDays: undefined,
        orderCost: undefined,
        holdingRate: undefined,
        method: undefined,
        coverDays: undefined,
        fillRate: undefined,
        bucket: undefined,
      },
      slowDays: undefined,
      deadDays: undefined,
      movementBasis: undefined,
      excessCoverDays: undefined,
      agingBuckets: undefined,
      nearExpiryDays: undefined,
      skuInfo: undefined,
      groupBy: undefined,
      industry: undefined,
      openingBalances: undefined,
      negativeStock: undefined,
      byLocation: undefined,
      threads: undefined,
    };
    const defaults = analyzeLedger(WORKED_LEDGER, { period: Q1_2024 });
    expect(analyzeLedger(WORKED_LEDGER, allUndefined)).toStrictEqual(defaults);
    expect(
      analyzeLedger(WORKED_LEDGER, { period: Q1_2024, abc: undefined, xyz: undefined }),
    ).toStrictEqual(defaults);
  });

  it("an undefined option does not mask the given ones", () => {
    const given = analyzeLedger(WORKED_LEDGER, {
      period: Q1_2024,
      skuInfo: WORKED_SKU_INFO,
      replenishment: { leadTimeDays: 7, serviceLevel: 0.9 },
      groupBy: ["category"],
    });
    const withUndefined = analyzeLedger(WORKED_LEDGER, {
      period: Q1_2024,
      skuInfo: WORKED_SKU_INFO,
      replenishment: { leadTimeDays: 7, serviceLevel: 0.9, reviewPeriodDays: undefined },
      groupBy: ["category"],
      industry: undefined,
    });
    expect(withUndefined).toStrictEqual(given);
    expect(given.rows.some((row) => row.reorderPoint !== null)).toBe(true);
  });

  it("analyzeLedgerStream reads undefined options as absent too", async () => {
    const streamed = await analyzeLedgerStream(WORKED_LEDGER, {
      period: Q1_2024,
      replenishment: { leadTimeDays: undefined },
      valuation: undefined,
    });
    expect(streamed).toStrictEqual(await analyzeLedgerStream(WORKED_LEDGER, { period: Q1_2024 }));
  });
});
