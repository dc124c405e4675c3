import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuInfo } from "../../src/model/SkuInfo.js";
import { SKU_SAFETY_STOCK_METHODS } from "../../src/replenish/index.js";
import {
  type AnalyzeLedgerOptions,
  analyzeLedger,
  combinePartials,
  type InventoryReport,
  toPartialRecords,
} from "../../src/report/index.js";
import {
  dayNumber,
  dayOfDate,
  dayText,
  type LedgerCase,
  ledgerArb,
  SHAPES,
} from "../ledger/arbitraries.js";
import { expectSameReport, shardsOf } from "./shards.js";

// The sharding contract of issue #8: a ledger split by SKU into k shards, each shard's partial
// records written as NDJSON text and read back, combined, gives the report of one run on the whole
// ledger, in every field (the warnings' row numbers count rows of each shard, so warnings are
// compared without them, as a multiset).

const settingsArb = fc.record({
  valuation: fc.constantFrom("moving-average", "fifo", "standard" as const),
  turnoverBasis: fc.constantFrom("cost", "units", "retail" as const),
  byLocation: fc.boolean(),
  measure: fc.constantFrom("cogs", "revenue", "margin", "quantity", "movements" as const),
  zeroValues: fc.constantFrom("last-class", "exclude" as const),
});

type Settings = typeof settingsArb extends fc.Arbitrary<infer T> ? T : never;

function optionsOf(c: LedgerCase, s: Settings): AnalyzeLedgerOptions {
  return {
    period: c.period,
    valuation: s.valuation,
    turnoverBasis: s.turnoverBasis,
    byLocation: s.byLocation,
    abc: { measure: s.measure, zeroValues: s.zeroValues },
    skuInfo: c.skuInfo.map((info, i) => ({
      ...info,
      category: i % 2 === 0 ? "even" : "odd",
      unitPrice: i + 1.5,
      leadTimeDays: i + 1,
      reviewPeriodDays: 7,
    })),
    openingBalances: c.openingBalances,
    groupBy: s.byLocation ? ["category", "month", "location"] : ["category", "month"],
    industry: "retail",
  };
}

/** Records through NDJSON text and back, as they travel between a map step and `combine`. */
function throughNdjson(records: readonly unknown[]): unknown[] {
  return records
    .map((record) => JSON.stringify(record))
    .join("\n")
    .split("\n")
    .map((line) => JSON.parse(line) as unknown);
}

describe("combinePartials on generated ledgers split by SKU", () => {
  test.prop([
    ledgerArb(SHAPES.anything),
    settingsArb,
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    fc.array(fc.nat(), { maxLength: 8 }),
  ])(
    "combine(partials of k random shards) equals the single run, every field",
    (c, settings, k, assignment, order) => {
      const options = optionsOf(c, settings);
      const single = analyzeLedger(c.rows, options);
      const partials = shardsOf(c, k, assignment).map((shard) =>
        throughNdjson(
          toPartialRecords(shard.rows, { ...options, openingBalances: shard.openingBalances }),
        ),
      );
      // The shards in any order.
      for (const [i, j] of order.entries()) {
        const a = i % partials.length;
        const b = j % partials.length;
        [partials[a], partials[b]] = [partials[b] as unknown[], partials[a] as unknown[]];
      }
      const combined = combinePartials(partials);
      expectSameReport(combined, single, expect);
      // At most one warning that a shard's rows were out of date order.
      const unsorted = combined.warnings.filter((w) => w.code === "unsorted_input");
      expect(unsorted.length).toBeLessThanOrEqual(1);
    },
  );
});

// The combine step cross-checks each SKU record against its header's options (the figures that
// reveal an option: status thresholds, excess cover, expiry window, days per year, replenishment
// settings, months) and each field against its range. None of these checks may refuse what a run
// writes: here every such option varies, with master data that overrides some of them per SKU,
// lots with expiry days around asOf, and an asOf after the period end.

const revealingArb = fc.record({
  valuation: fc.constantFrom("moving-average", "fifo", "standard" as const),
  averageMethod: fc.constantFrom("daily", "endpoints", "monthly" as const),
  turnoverBasis: fc.constantFrom("cost", "units", "retail" as const),
  daysPerYear: fc.constantFrom(365, 360, 366, 365.25, 364),
  slowDays: fc.integer({ min: 0, max: 40 }),
  deadExtra: fc.integer({ min: 0, max: 40 }),
  movementBasis: fc.constantFrom("issue", "any" as const),
  excessCoverDays: fc.constantFrom(0, 1, 7, 30, 180, 12.5),
  nearExpiryDays: fc.integer({ min: 0, max: 40 }),
  agingBuckets: fc
    .uniqueArray(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 4 })
    .map((bounds) => [...bounds].sort((a, b) => a - b)),
  asOfExtra: fc.integer({ min: 0, max: 10 }),
  byMonth: fc.boolean(),
  byLocation: fc.boolean(),
  xyzBucket: fc.constantFrom("day", "week", "month" as const),
  demand: fc.record({
    start: fc.constantFrom("first-receipt", "period" as const),
    partialBuckets: fc.constantFrom("exclude", "include" as const),
    stdDev: fc.constantFrom("sample", "population" as const),
  }),
  replenishment: fc.record(
    {
      method: fc.constantFrom(...SKU_SAFETY_STOCK_METHODS),
      // Below 0.5 too: z < 0 times a deviation of 0 was a safety stock of -0, which JSON writes
      // as 0, so the combined report differed from the run; safetyStock now gives 0.
      serviceLevel: fc.constantFrom(0.2, 0.5, 0.9, 0.95, 0.999),
      bucket: fc.constantFrom("day", "week", "month" as const),
      leadTimeDays: fc.constantFrom(0, 1, 7, 12.5),
      leadTimeStdDevDays: fc.constantFrom(0, 0.5, 2),
      reviewPeriodDays: fc.constantFrom(0, 7, 14),
      orderCost: fc.constantFrom("5", "12.50", 0),
      holdingRate: fc.constantFrom(0, 0.2, 0.25),
      coverDays: fc.constantFrom(0, 3, 10.5),
      fillRate: fc.constantFrom(0.9, 0.98),
    },
    { requiredKeys: ["method", "bucket"] },
  ),
  /** Master data per SKU (by position): fields that override the options' replenishment. */
  info: fc.array(
    fc.record(
      {
        unitPrice: fc.constantFrom("2.50", 4),
        leadTimeDays: fc.constantFrom(0, 3, 9.5),
        leadTimeStdDevDays: fc.constantFrom(0, 1.5),
        reviewPeriodDays: fc.constantFrom(0, 10),
        serviceLevel: fc.constantFrom(0.8, 0.99),
        orderCost: fc.constantFrom("7", 2),
        holdingRate: fc.constantFrom(0, 0.3),
        minOrderQuantity: fc.constantFrom(0, 5),
        packSize: fc.constantFrom(1, 6),
        onOrder: fc.constantFrom(0, 3),
      },
      { requiredKeys: [] },
    ),
    { minLength: 6, maxLength: 6 },
  ),
  /** Lots on receipts: none, or a lot code and an expiry day this many days from the period end. */
  lots: fc.array(fc.option(fc.integer({ min: -30, max: 50 }), { freq: 2 }), {
    minLength: 40,
    maxLength: 40,
  }),
});

type Revealing = typeof revealingArb extends fc.Arbitrary<infer T> ? T : never;

/** The ledger's rows with lots on some receipts, and none after asOf when asOf is past the period. */
function revealingRows(c: LedgerCase, r: Revealing): Movement[] {
  const end = dayNumber(c.period.to);
  return c.rows
    .filter((m) => r.asOfExtra === 0 || dayOfDate(m.date) <= end)
    .map((m, i) => {
      const expiry = r.lots[i % r.lots.length];
      if (m.type !== "receipt" || expiry === null || expiry === undefined) return m;
      return { ...m, lot: `L${i % 3}`, expiresOn: dayText(end + expiry) };
    });
}

function revealingOptions(c: LedgerCase, r: Revealing): AnalyzeLedgerOptions {
  const { method, coverDays, fillRate, ...replenishment } = r.replenishment;
  const skuInfo: SkuInfo[] = c.skus.map((sku, i) => ({
    ...c.skuInfo.find((info) => info.sku === sku),
    ...r.info[i],
    sku,
    category: i % 2 === 0 ? "even" : "odd",
  }));
  return {
    period: c.period,
    asOf: dayText(dayNumber(c.period.to) + r.asOfExtra),
    valuation: r.valuation,
    averageMethod: r.averageMethod,
    turnoverBasis: r.turnoverBasis,
    daysPerYear: r.daysPerYear,
    slowDays: r.slowDays,
    deadDays: r.slowDays + r.deadExtra,
    movementBasis: r.movementBasis,
    excessCoverDays: r.excessCoverDays,
    nearExpiryDays: r.nearExpiryDays,
    agingBuckets: r.agingBuckets,
    byLocation: r.byLocation,
    xyz: { bucket: r.xyzBucket },
    demand: r.demand,
    replenishment: {
      ...replenishment,
      ...(method === undefined ? {} : { method }),
      ...(method === "daysOfCover" ? { coverDays: coverDays ?? 5 } : {}),
      ...(method === "fillRate" ? { fillRate: fillRate ?? 0.95 } : {}),
    },
    skuInfo,
    openingBalances: c.openingBalances,
    groupBy: r.byMonth ? ["category", "month"] : ["category"],
  };
}

/** The single run's report, or `null` when it refuses the options or the data (then so do shards). */
function singleRun(
  rows: readonly Movement[],
  options: AnalyzeLedgerOptions,
): InventoryReport | null {
  try {
    return analyzeLedger(rows, options);
  } catch (error) {
    if (error instanceof InvKpiError) return null;
    throw error;
  }
}

describe("combinePartials with every option that a SKU record reveals", () => {
  test.prop(
    [
      ledgerArb(SHAPES.anything),
      revealingArb,
      fc.integer({ min: 1, max: 3 }),
      fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    ],
    { numRuns: 150 },
  )(
    "combine(partials) equals the single run, every field: no check refuses a run's record",
    (c, r, k, assignment) => {
      const rows = revealingRows(c, r);
      const options = revealingOptions(c, r);
      const single = singleRun(rows, options);
      if (single === null) return;
      const shards = shardsOf({ ...c, rows }, k, assignment);
      const partials = shards.map((shard) =>
        throughNdjson(
          toPartialRecords(shard.rows, { ...options, openingBalances: shard.openingBalances }),
        ),
      );
      expectSameReport(combinePartials(partials), single, expect);
    },
  );
});
