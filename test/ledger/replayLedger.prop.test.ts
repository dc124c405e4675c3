import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { ReplayWarning } from "../../src/ledger/ReplayWarning.js";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { Decimal } from "../../src/model/Decimal.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuHistory, Valuation } from "../../src/model/SkuHistory.js";
import {
  caseOptions,
  dayNumber,
  dayOfDate,
  interleave,
  LAYOUTS,
  type LedgerCase,
  ledgerArb,
  SHAPES,
} from "./arbitraries.js";
import { plain } from "./plain.js";
import { MONEY_FIELDS, QUANTITY_FIELDS } from "./referenceFields.js";
import { type ReferenceHistory, referenceReplay } from "./referenceReplay.js";
import { replayByEngine } from "./replayByEngine.js";

// Property tests of issue #2 for replayLedger: an independent check of the engine against its
// documented rules (see the JSDoc of replayLedger) and against a slow Decimal reference replay.

const VALUATIONS: readonly Valuation[] = ["moving-average", "fifo", "standard"];

function replay(c: LedgerCase, valuation: Valuation, byLocation = false, rows = c.rows) {
  return replayLedger(rows, caseOptions(c, valuation, byLocation));
}

function sum(values: readonly (number | Decimal)[]): Decimal {
  return values.reduce<Decimal>((total, v) => total.plus(new Decimal(String(v))), new Decimal(0));
}

interface LayerLike {
  readonly quantity: Decimal;
  readonly value: Decimal;
  readonly receivedDate: string;
}

const label = (h: SkuHistory): string => `${h.valuation} ${JSON.stringify([h.sku, h.location])}`;

/**
 * Warnings as comparable text, in any order: without their input row numbers, which follow the
 * input order by design, and without `unsorted_input`, which describes that order (as
 * test/report/analyzeLedger.prop.test.ts compares them).
 */
function comparableWarnings(warnings: readonly ReplayWarning[]): string[] {
  return warnings
    .filter((warning) => warning.code !== "unsorted_input")
    .map(({ row: _row, ...warning }) => JSON.stringify(warning))
    .sort();
}

/** Every feature, on the wide layout (most cases) or the dense one (1–2 SKUs, 7 days, 10–40 rows). */
const anyLedgerArb = fc.oneof(
  { weight: 2, arbitrary: ledgerArb(SHAPES.anything) },
  { weight: 1, arbitrary: ledgerArb(SHAPES.anything, LAYOUTS.dense) },
);

describe("replayLedger: quantities", () => {
  // Property 1. closing = opening + received − issued + returned + adjusted + in − out, exactly:
  // quantities are scaled integers inside, so even 0.001-unit quantities must add up to the digit.
  test.prop([ledgerArb(SHAPES.anything)])(
    "closing quantity is opening plus every signed flow, exactly, for every valuation",
    (c) => {
      for (const valuation of VALUATIONS) {
        for (const byLocation of [false, true]) {
          for (const h of replay(c, valuation, byLocation).histories) {
            const expected = new Decimal(String(h.openingQuantity))
              .plus(String(h.receivedQuantity))
              .minus(String(h.issuedQuantity))
              .plus(String(h.returnedQuantity))
              .plus(String(h.adjustedQuantity))
              .plus(String(h.transferredInQuantity))
              .minus(String(h.transferredOutQuantity));
            expect(h.closingQuantity, label(h)).toBe(Number(expected));
          }
        }
      }
    },
  );

  // Property 1, straight from the input rows rather than from the engine's own flow totals:
  // opening = opening balances + rows before the period; closing = opening + rows in the period.
  test.prop([ledgerArb(SHAPES.anything)])(
    "opening and closing quantities equal the signed sums of the input rows",
    (c) => {
      const from = dayNumber(c.period.from);
      const to = dayNumber(c.period.to);
      const signed = (m: Movement) => (m.type === "issue" ? -m.quantity : m.quantity);
      for (const h of replay(c, "moving-average").histories) {
        const rows = c.rows.filter((m) => m.sku === h.sku);
        const opening = sum([
          ...c.openingBalances.filter((o) => o.sku === h.sku).map((o) => o.quantity),
          ...rows.filter((m) => dayOfDate(m.date) < from).map(signed),
        ]);
        const inPeriod = rows.filter((m) => dayOfDate(m.date) >= from && dayOfDate(m.date) <= to);
        expect(h.openingQuantity, h.sku).toBe(Number(opening));
        expect(h.closingQuantity, h.sku).toBe(Number(opening.plus(sum(inPeriod.map(signed)))));
      }
    },
  );

  // Property 3. The time-weighted average is a mean of end-of-day balances, so it lies between
  // their minimum and maximum (the average is a float: allow a relative 1e-9).
  test.prop([ledgerArb(SHAPES.anything)])("minQuantity ≤ averageQuantity ≤ maxQuantity", (c) => {
    for (const valuation of VALUATIONS) {
      for (const h of replay(c, valuation, true).histories) {
        const slack = 1e-9 * Math.max(1, Math.abs(h.minQuantity), Math.abs(h.maxQuantity));
        expect(h.minQuantity, label(h)).toBeLessThanOrEqual(h.maxQuantity);
        expect(h.averageQuantity, label(h)).toBeGreaterThanOrEqual(h.minQuantity - slack);
        expect(h.averageQuantity, label(h)).toBeLessThanOrEqual(h.maxQuantity + slack);
      }
    }
  });
});

describe("replayLedger: money", () => {
  // Property 2. Value is conserved: what was there, plus what came in, equals what went to COGS
  // plus what is left. COGS is net of returns, so returns are inside it; negative-stock
  // settlements move value between stock and COGS and net out. Must hold to the last digit.
  //
  test.prop([ledgerArb(SHAPES.anything)])(
    "openingValue + receivedValue + adjustedValue + transferredValue = cogs + closingValue",
    (c) => {
      for (const valuation of VALUATIONS) {
        for (const byLocation of [false, true]) {
          for (const h of replay(c, valuation, byLocation).histories) {
            const left = h.openingValue
              .plus(h.receivedValue)
              .plus(h.adjustedValue)
              .plus(h.transferredValue);
            const right = h.cogs.plus(h.closingValue);
            expect(left.toFixed(), label(h)).toBe(right.toFixed());
          }
        }
      }
    },
  );

  // Property 5. Every amount equals the slow Decimal reference, to the last digit.
  /**
   * Layers as comparable text, adjacent layers of the same day and unit cost merged: two such
   * layers are consumed exactly like one, so whether the engine merges them is its own business.
   */
  function mergedLayers(layers: readonly LayerLike[]): string[] {
    const merged: { quantity: Decimal; value: Decimal; unitCost: Decimal; receivedDate: string }[] =
      [];
    for (const l of layers) {
      const last = merged[merged.length - 1];
      const unitCost = l.value.div(l.quantity);
      if (
        last !== undefined &&
        last.receivedDate === l.receivedDate &&
        last.unitCost.eq(unitCost)
      ) {
        last.quantity = last.quantity.plus(l.quantity);
        last.value = last.value.plus(l.value);
      } else
        merged.push({
          quantity: l.quantity,
          value: l.value,
          unitCost,
          receivedDate: l.receivedDate,
        });
    }
    return merged.map(
      (l) =>
        `${l.receivedDate} ${l.quantity.toFixed()} @ ${l.unitCost.toFixed()} = ${l.value.toFixed()}`,
    );
  }

  function expectReference(c: LedgerCase, valuation: Valuation): void {
    const reference = referenceReplay(c, valuation);
    const { histories } = replay(c, valuation);
    expect(histories.map((h) => h.sku).sort()).toEqual([...reference.keys()].sort());
    for (const h of histories) {
      const ref = reference.get(h.sku) as ReferenceHistory;
      for (const field of MONEY_FIELDS) {
        expect(h[field].toFixed(), `${label(h)} ${field}`).toBe(ref[field].toFixed());
      }
      for (const field of QUANTITY_FIELDS) {
        expect(h[field], `${label(h)} ${field}`).toBe(ref[field].toNumber());
      }
      expect(h.issuesWithoutPrice, `${label(h)} issuesWithoutPrice`).toBe(ref.issuesWithoutPrice);
      // The engine's average quantity is a float quotient; the reference's an exact Decimal.
      expect(h.averageQuantity, `${label(h)} averageQuantity`).toBeCloseTo(
        ref.averageQuantity.toNumber(),
        9,
      );
      if (valuation === "fifo") {
        const layers = h.layers.map((l) => ({ ...l, quantity: new Decimal(String(l.quantity)) }));
        expect(mergedLayers(layers), `${label(h)} layers`).toEqual(mergedLayers(ref.layers));
      }
    }
  }

  test.prop([ledgerArb(SHAPES.movingAverageReference)])(
    "moving-average money equals the Decimal reference replay",
    (c) => expectReference(c, "moving-average"),
  );

  test.prop([ledgerArb(SHAPES.fifoReference)])(
    "fifo money and open layers equal the Decimal reference replay",
    (c) => expectReference(c, "fifo"),
  );

  test.prop([ledgerArb(SHAPES.fifoReference)])(
    "standard money equals the Decimal reference replay",
    (c) => expectReference(c, "standard"),
  );

  // The same with negative stock (owed at the last known cost, or at 0 when no SKU has a standard
  // cost; settled pro rata, or FIFO piece by piece, by later inflows), transfers that net out per
  // SKU and day, and prices, on the wide and the dense layout. Once a deficit is settled, only the
  // days in between (the average value) tell a settlement booked whole from one booked in parts:
  // COGS and the closing stock come out the same either way.
  const negativeStockArb = (alsoWithoutStandardCosts: boolean) =>
    fc.oneof(
      anyLedgerArb,
      ...(alsoWithoutStandardCosts
        ? [
            ledgerArb(SHAPES.anythingWithoutStandardCosts),
            ledgerArb(SHAPES.anythingWithoutStandardCosts, LAYOUTS.dense),
          ]
        : []),
    );

  test.prop([negativeStockArb(true)])(
    "with negative stock and transfers, moving-average money equals the Decimal reference replay",
    (c) => expectReference(c, "moving-average"),
  );

  test.prop([negativeStockArb(true)])(
    "with negative stock and transfers, fifo money and open layers equal the Decimal reference replay",
    (c) => expectReference(c, "fifo"),
  );

  test.prop([negativeStockArb(false)])(
    "with negative stock and transfers, standard money equals the Decimal reference replay",
    (c) => expectReference(c, "standard"),
  );

  // Property 6. The open layers hold exactly the closing stock: under FIFO each layer at its own
  // cost, under moving average and standard the closing value spread over the layers. And each is
  // dated on a day stock could have entered: not before the earliest opening balance or movement
  // (an opening balance is dated the day before the earlier of the period start and the SKU's first
  // movement), not after the period.
  function expectLayersHoldClosingStock(h: SkuHistory, c: LedgerCase): void {
    if (h.closingQuantity <= 0) {
      expect(h.layers, label(h)).toEqual([]);
      return;
    }
    expect(Number(sum(h.layers.map((l) => l.quantity))), label(h)).toBe(h.closingQuantity);
    expect(sum(h.layers.map((l) => l.value)).toFixed(), label(h)).toBe(h.closingValue.toFixed());
    const earliest =
      Math.min(dayNumber(c.period.from), ...c.rows.map((m) => dayOfDate(m.date))) - 1;
    for (const l of h.layers) {
      expect(
        dayNumber(l.receivedDate),
        `${label(h)} layer dated ${l.receivedDate}`,
      ).toBeGreaterThanOrEqual(earliest);
      expect(
        dayNumber(l.receivedDate),
        `${label(h)} layer dated ${l.receivedDate}`,
      ).toBeLessThanOrEqual(dayNumber(c.period.to));
    }
  }

  test.prop([ledgerArb(SHAPES.movingAverageReference)])(
    "without negative stock, the layers add up to the closing quantity and value",
    (c) => {
      for (const valuation of VALUATIONS) {
        for (const h of replay(c, valuation).histories) {
          expectLayersHoldClosingStock(h, c);
          if (h.closingQuantity === 0) expect(h.closingValue.toFixed(), label(h)).toBe("0");
        }
      }
    },
  );

  test.prop([ledgerArb(SHAPES.anything)])(
    "with negative stock and transfers, the layers still add up to a positive closing stock",
    (c) => {
      for (const valuation of VALUATIONS) {
        for (const byLocation of [false, true]) {
          for (const h of replay(c, valuation, byLocation).histories)
            expectLayersHoldClosingStock(h, c);
        }
      }
    },
  );
});

describe("replayLedger: order and sharding", () => {
  // Property 4. Only the order of a SKU's same-day same-kind rows is meaningful (posting order);
  // any interleaving of those (SKU, day, kind) queues gives the same histories and warnings (but
  // their row numbers). The dense layout makes a SKU's day with rows of several kinds, and with
  // several rows of one kind, the rule: an engine that applied a day's rows in input order rather
  // than by kind would then change the figures or the warnings (a fall below zero) of most cases.
  test.prop([
    anyLedgerArb,
    fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
    fc.constantFrom(...VALUATIONS),
    fc.boolean(),
  ])(
    "shuffling rows but keeping each SKU's same-day same-kind rows in order changes nothing",
    (c, picks, valuation, byLocation) => {
      const shuffled = interleave(c.rows, picks);
      expect(shuffled).toHaveLength(c.rows.length);
      const original = replay(c, valuation, byLocation);
      const permuted = replay(c, valuation, byLocation, shuffled);
      expect(plain(permuted.histories)).toEqual(plain(original.histories));
      expect(comparableWarnings(permuted.warnings)).toEqual(comparableWarnings(original.warnings));
    },
  );

  // Property 7. SKUs are independent: interleaving whole SKU sequences differently changes
  // nothing (the warnings too, but their row numbers), and replaying each SKU alone (its rows,
  // opening balances and master data) gives exactly its histories from the single run: the basis
  // of sharding by SKU.
  test.prop([
    ledgerArb(SHAPES.anything),
    fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
    fc.constantFrom(...VALUATIONS),
    fc.boolean(),
  ])(
    "interleaving SKUs differently, or replaying each SKU alone, gives the same histories",
    (c, picks, valuation, byLocation) => {
      const whole = replay(c, valuation, byLocation);
      const bySku = new Map(c.skus.map((sku) => [sku, c.rows.filter((m) => m.sku === sku)]));
      const reinterleaved: Movement[] = [];
      const queues = [...bySku.values()].map((rows) => [...rows]);
      for (let step = 0; queues.some((q) => q.length > 0); step++) {
        const open = queues.filter((q) => q.length > 0);
        const queue = open[(picks[step % picks.length] ?? 0) % open.length] as Movement[];
        reinterleaved.push(queue.shift() as Movement);
      }
      const again = replay(c, valuation, byLocation, reinterleaved);
      expect(plain(again.histories)).toEqual(plain(whole.histories));
      expect(comparableWarnings(again.warnings)).toEqual(comparableWarnings(whole.warnings));

      for (const sku of c.skus) {
        const shard: LedgerCase = {
          rows: bySku.get(sku) ?? [],
          period: c.period,
          skuInfo: c.skuInfo.filter((i) => i.sku === sku),
          openingBalances: c.openingBalances.filter((o) => o.sku === sku),
          skus: [sku],
        };
        const alone = replay(shard, valuation, byLocation).histories;
        expect(plain(alone), sku).toEqual(plain(whole.histories.filter((h) => h.sku === sku)));
      }
    },
  );
});

describe("replayLedger: the fast engine and the general engine agree", () => {
  // The fast engine (typed-array states) handles the common cases and sets a SKU aside for the
  // general engine (SkuState objects) when it needs more. Replaying every SKU with the general
  // engine and comparing the two runs checks the fast engine, field by field (per-month figures
  // too), against the engine that the reference replay checks, including the SKUs it sets aside.
  test.prop([
    ledgerArb(SHAPES.anything),
    fc.constantFrom(...VALUATIONS),
    fc.boolean(),
    fc.boolean(),
  ])(
    "every history field is the same as the general engine's",
    (c, valuation, byLocation, months) => {
      const options = { ...caseOptions(c, valuation, byLocation), months };
      const fast = replayByEngine(c.rows, options, "fast");
      const general = replayByEngine(c.rows, options, "general");
      expect(plain(fast.histories)).toEqual(plain(general.histories));
      expect(fast.warnings).toEqual(general.warnings);
    },
  );
});
