import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { readMovementRow } from "../../src/ledger/readMovementRow.js";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { replayLedgerStream } from "../../src/ledger/replayLedgerStream.js";
import { StreamingReplay } from "../../src/ledger/StreamingReplay.js";
import { rowContext } from "../../src/ledger/validateLedger.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import { VALUATIONS } from "../../src/model/SkuHistory.js";
import { caseOptions, dayOfDate, ledgerArb, SHAPES } from "./arbitraries.js";
import { LOCATION_SHAPES, locationLedgerArb } from "./locationArbitraries.js";
import { plain } from "./plain.js";

// Property tests of issue #8's streaming mode: a ledger in date order, replayed a chunk of whole
// days at a time, gives exactly what replayLedger gives on the same rows.

/** The rows in date order (a stable sort: within a day, the input order stays). */
function byDate(rows: readonly Movement[]): Movement[] {
  return rows
    .map((row, i) => ({ row, i, day: dayOfDate(row.date) }))
    .sort((a, b) => a.day - b.day || a.i - b.i)
    .map(({ row }) => row);
}

/** Streams `rows` synchronously, handing SKUs to the general engine where `handOver` says so. */
function streamed(
  rows: readonly Movement[],
  options: ConstructorParameters<typeof StreamingReplay>[0],
  handOver: (sku: number, chunk: number) => boolean,
) {
  const stream = new StreamingReplay(options, "test");
  stream.handOver = handOver;
  const context = rowContext({ skuInfo: options.skuInfo ?? [] });
  rows.forEach((row, i) => {
    if (readMovementRow(row, i, stream.builder, context)) stream.rowAdded();
  });
  expect(context.issues).toEqual([]);
  return stream.finish();
}

describe("replayLedgerStream: the same result as replayLedger", () => {
  test.prop([
    ledgerArb(SHAPES.anything),
    fc.constantFrom(...VALUATIONS),
    fc.boolean(),
    fc.integer({ min: 1, max: 12 }),
    fc.boolean(),
  ])(
    "histories and warnings equal the batch replay's, whatever the chunk size",
    async (c, valuation, byLocation, chunkRows, months) => {
      const rows = byDate(c.rows);
      const options = { ...caseOptions(c, valuation, byLocation), months };
      const batch = replayLedger(rows, options);
      // The scales are fixed on the first chunk: give the most decimals the generator uses.
      const stream = await replayLedgerStream(rows, { ...options, chunkRows, quantityDecimals: 3 });
      expect(plain(stream.histories)).toEqual(plain(batch.histories));
      expect(stream.warnings).toEqual(batch.warnings);
    },
  );

  // A SKU handed from the fast engine to the general engine mid-stream continues from its state at
  // the chunk's start, converted figure by figure (the per-month figures too): forcing hand-overs
  // at random chunks checks every figure of that conversion (a wrong one changes a history or a
  // warning).
  test.prop([
    ledgerArb(SHAPES.anything),
    fc.constantFrom(...VALUATIONS),
    fc.boolean(),
    fc.integer({ min: 1, max: 8 }),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 0, max: 4 }),
    fc.boolean(),
  ])(
    "a SKU handed to the general engine at any chunk ends with the same history",
    (c, valuation, byLocation, chunkRows, every, offset, months) => {
      const rows = byDate(c.rows);
      const options = { ...caseOptions(c, valuation, byLocation), months };
      const batch = replayLedger(rows, options);
      const result = streamed(
        rows,
        { ...options, chunkRows, quantityDecimals: 3 },
        (sku, chunk) => (sku + chunk + offset) % every === 0,
      );
      expect(plain(result.histories)).toEqual(plain(batch.histories));
      expect(result.warnings).toEqual(batch.warnings);
    },
  );

  // Lots, transfers by location (transit, relays), per-SKU transfer nets with costs and lots on
  // either side, several opening balances per state of both signs (locationArbitraries.ts): the
  // same again, chunk by chunk and across hand-overs.
  test.prop(
    [
      fc.oneof(
        locationLedgerArb(LOCATION_SHAPES.lotsBelowZero).map((c) => ({ c, byLocation: false })),
        locationLedgerArb(LOCATION_SHAPES.anything).map((c) => ({ c, byLocation: true })),
      ),
      fc.constantFrom(...VALUATIONS),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 1, max: 5 }),
    ],
    { numRuns: 150 },
  )(
    "lots, locations and relays: histories and warnings equal the batch replay's",
    ({ c, byLocation }, valuation, chunkRows, every) => {
      const options = caseOptions(c, valuation, byLocation);
      const batch = replayLedger(c.rows, options);
      const result = streamed(
        c.rows,
        { ...options, chunkRows, quantityDecimals: 3 },
        (sku, chunk) => (sku + chunk) % every === 0,
      );
      expect(plain(result.histories)).toEqual(plain(batch.histories));
      expect(result.warnings).toEqual(batch.warnings);
    },
  );

  test.prop([ledgerArb(SHAPES.anything), fc.constantFrom(...VALUATIONS)])(
    "under negativeStock 'error', the same error (or none) as the batch replay",
    async (c, valuation) => {
      const rows = byDate(c.rows);
      const options = { ...caseOptions(c, valuation, false), negativeStock: "error" as const };
      const outcome = async (run: () => unknown) => {
        try {
          await run();
          return null;
        } catch (e) {
          if (!(e instanceof InvKpiError)) throw e;
          return { code: e.code, details: e.details };
        }
      };
      const batch = await outcome(() => replayLedger(rows, options));
      const stream = await outcome(() =>
        replayLedgerStream(rows, { ...options, chunkRows: 3, quantityDecimals: 3 }),
      );
      expect(stream).toEqual(batch);
    },
  );
});
