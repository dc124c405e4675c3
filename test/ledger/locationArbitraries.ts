import * as fc from "fast-check";
import type { Movement } from "../../src/model/Movement.js";
import type { OpeningBalance } from "../../src/model/OpeningBalance.js";
import type { SkuInfo } from "../../src/model/SkuInfo.js";
import { dayNumber, dayOfDate, dayText, type LedgerCase, moneyText } from "./arbitraries.js";

// fast-check generators of small ledgers with lots and several locations, for the reference-replay
// property tests of lots and of transfers by location (test/ledger/referenceReplay.locations.prop
// .test.ts): 1–2 SKUs, 2–4 locations (or none: per SKU), 1–3 lots (and one never received), 8
// days, up to 24 drafts; receipts, returns and positive adjustments of a lot (with an expiry, some
// already past) or none; issues, write-offs and transfers out that name a lot or none (transfers
// out may carry a cost, which is ignored); transfers as matched hops (A → B), same-day relay chains
// (A → B → C …, forwarding less, as much or more than arrives, cycles and a location sending to
// itself included) and single rows (unmatched); per SKU, such transfers between W1 and W2, whose
// day's net moves stock; opening balances per SKU and location (per SKU at W1 and W2: one state),
// now and then two, of both signs, by unit cost or value, of a lot or none, dated or not;
// quantities whole or in eighths; dates as text or `Date`; the rows of a day in a
// random order. Day arithmetic is by `Date.UTC` (arbitraries.ts), not the library's helpers.

/** Which features a generated ledger may use. */
export interface LocationShape {
  /** Inflows of lots (with expiries), outflows naming lots (held, partly held, never received). */
  readonly lots: boolean;
  /** Several locations, transfers between them (hops, relay chains, unmatched rows). */
  readonly locations: boolean;
  /**
   * Small stocks, so that outflows often go beyond stock on hand (negative stock), opening balances
   * below zero too; else large opening balances at most locations and smaller outflows.
   */
  readonly negativeStock: boolean;
  /** Receipts (given a standard cost), returns, positive adjustments may come without a cost. */
  readonly costlessInflows: boolean;
  /** Every SKU gets a `standardCost` in `skuInfo` (needed by `standard` valuation). */
  readonly withStandardCosts: boolean;
}

export const LOCATION_SHAPES = {
  /** Lots per SKU (no locations; a few transfers, whose day's net moves stock), stock on hand. */
  lots: {
    lots: true,
    locations: false,
    negativeStock: false,
    costlessInflows: true,
    withStandardCosts: true,
  },
  /** Lots per SKU with negative stock. */
  lotsBelowZero: {
    lots: true,
    locations: false,
    negativeStock: true,
    costlessInflows: true,
    withStandardCosts: true,
  },
  /**
   * Locations, hops and relays without lots; ample stock at most locations, none at some (where
   * units pass through): negative stock now and then.
   */
  locations: {
    lots: false,
    locations: true,
    negativeStock: false,
    costlessInflows: true,
    withStandardCosts: true,
  },
  /** Everything: lots, locations, relays, negative stock. */
  anything: {
    lots: true,
    locations: true,
    negativeStock: true,
    costlessInflows: true,
    withStandardCosts: true,
  },
  /** Everything, and no standard cost: units owed before any cost is known are owed at 0. */
  anythingWithoutStandardCosts: {
    lots: true,
    locations: true,
    negativeStock: true,
    costlessInflows: true,
    withStandardCosts: false,
  },
} as const satisfies Record<string, LocationShape>;

const SKU_POOL = ["P", "q", "螺丝"] as const;
const LOCATION_POOL = ["W1", "W2", "东仓", "S 4"] as const;
/** Lots that inflows bring; "NEVER" is named by outflows only. */
const LOT_POOL = ["L1", "L2", "L3"] as const;
/** Per SKU, the locations transfers and opening balances name (one state: the SKU's). */
const PER_SKU_LOCATIONS = ["W1", "W2"] as const;
const WINDOW_STARTS = ["2023-12-27", "2024-02-25", "2024-06-28"] as const;
const WINDOW_DAYS = 8;

/** A money amount as integer units and decimal places, given as text or as a number. */
const moneyArb: fc.Arbitrary<string | number> = fc
  .record({
    units: fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 1, max: 99_999 }) },
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 9_999_999_999 }) },
    ),
    decimals: fc.integer({ min: 0, max: 4 }),
    asText: fc.boolean(),
  })
  .map(({ units, decimals, asText }) => {
    const text = moneyText(units, decimals);
    return asText ? text : Number(text);
  });

/** Everything a row draft needs to become rows, per ledger. */
interface Frame {
  readonly skus: readonly string[];
  readonly locations: readonly string[];
  readonly lots: readonly string[];
  /** Quantities in 1/8 units (else whole units). */
  readonly eighths: boolean;
  readonly start: number;
}

/** The rest of a ledger's frame: its period and standard costs. */
interface FrameRest {
  readonly fromOffset: number;
  readonly toOffset: number;
  readonly standardCosts: readonly (string | number)[];
}

/** A quantity: 1..max whole units, or eighths of them. */
const quantityArb = (frame: Frame, max: number) =>
  fc
    .integer({ min: 1, max: frame.eighths ? max * 8 : max })
    .map((q) => (frame.eighths ? q / 8 : q));

/** A lot and expiry for an inflow, or none. */
function inflowLotArb(shape: LocationShape, frame: Frame) {
  if (!shape.lots || frame.lots.length === 0) return fc.constant({});
  return fc.option(
    fc.record({
      lot: fc.constantFrom(...frame.lots),
      expiresIn: fc.option(fc.integer({ min: -3, max: 60 }), { nil: null }),
    }),
    { nil: null, freq: 4 },
  );
}

/** The lot an outflow names, or none: received ones mostly, sometimes one never received. */
function outflowLotArb(shape: LocationShape, frame: Frame) {
  if (!shape.lots) return fc.constant(null);
  return fc.option(fc.constantFrom(...frame.lots, ...frame.lots, "NEVER"), {
    nil: null,
    freq: 2,
  });
}

/** A row with a key that orders it among its day's rows. */
interface Keyed {
  readonly key: number;
  readonly row: Movement;
}

function lotFields(
  frame: Frame,
  day: number,
  drawn: { lot: string; expiresIn: number | null } | null | Record<string, never>,
): Partial<Movement> {
  if (drawn === null || !("lot" in drawn)) return {};
  return {
    lot: drawn.lot,
    ...(drawn.expiresIn === null
      ? {}
      : { expiresOn: dayText(frame.start + day + drawn.expiresIn) }),
  };
}

function dateOf(frame: Frame, day: number, asDate: boolean): string | Date {
  const text = dayText(frame.start + day);
  return asDate ? new Date(`${text}T07:30:00Z`) : text;
}

/** Receipts, returns, adjustments and issues at one location. */
function flowArb(shape: LocationShape, frame: Frame): fc.Arbitrary<Keyed[]> {
  const costless = shape.costlessInflows;
  return fc
    .record({
      sku: fc.constantFrom(...frame.skus),
      day: fc.integer({ min: 0, max: WINDOW_DAYS - 1 }),
      location: fc.constantFrom(...frame.locations),
      type: fc.oneof(
        { weight: 3, arbitrary: fc.constant("receipt" as const) },
        { weight: 4, arbitrary: fc.constant("issue" as const) },
        { weight: 1, arbitrary: fc.constant("return" as const) },
        { weight: 1, arbitrary: fc.constant("write-off" as const) },
        { weight: 1, arbitrary: fc.constant("found" as const) },
      ),
      quantity: quantityArb(frame, shape.negativeStock ? 20 : 8),
      cost: costless ? fc.option(moneyArb, { nil: null, freq: 4 }) : moneyArb,
      price: fc.option(moneyArb, { nil: null, freq: 3 }),
      inLot: inflowLotArb(shape, frame),
      outLot: outflowLotArb(shape, frame),
      asDate: fc.nat(7).map((n) => n === 0),
      key: fc.nat(),
    })
    .map((d): Keyed[] => {
      const base = {
        sku: d.sku,
        date: dateOf(frame, d.day, d.asDate),
        ...(shape.locations ? { location: d.location } : {}),
      };
      const inLot = lotFields(frame, d.day, d.inLot);
      const outLot = d.outLot === null ? {} : { lot: d.outLot };
      // A receipt needs a cost when the SKU has no standard cost.
      const needsCost = d.type === "receipt" && !shape.withStandardCosts;
      const cost = d.cost === null ? (needsCost ? { unitCost: "12.5" } : {}) : { unitCost: d.cost };
      const price = d.price === null ? {} : { unitPrice: d.price };
      let row: Movement;
      switch (d.type) {
        case "receipt":
          row = { ...base, type: "receipt", quantity: d.quantity, ...cost, ...inLot };
          break;
        case "return":
          row = { ...base, type: "return", quantity: d.quantity, ...cost, ...price, ...inLot };
          break;
        case "found":
          row = { ...base, type: "adjustment", quantity: d.quantity, ...cost, ...inLot };
          break;
        case "write-off":
          row = { ...base, type: "adjustment", quantity: -d.quantity, ...outLot };
          break;
        default:
          row = { ...base, type: "issue", quantity: d.quantity, ...price, ...outLot };
      }
      return [{ key: d.key, row }];
    });
}

/**
 * Transfers of one SKU on one day: a path of locations (a single hop, a relay chain, a cycle) with
 * a quantity per hop; sometimes one side only (unmatched). Transfers out may name a lot and carry
 * a cost (as ERP exports do: ignored), transfers in may carry a cost (read only when unmatched)
 * and a lot.
 */
function transferArb(shape: LocationShape, frame: Frame): fc.Arbitrary<Keyed[]> {
  const location = fc.constantFrom(...frame.locations);
  return fc
    .record({
      sku: fc.constantFrom(...frame.skus),
      day: fc.integer({ min: 0, max: WINDOW_DAYS - 1 }),
      path: fc.array(location, { minLength: 2, maxLength: 4 }),
      quantities: fc.array(quantityArb(frame, shape.negativeStock ? 15 : 6), {
        minLength: 3,
        maxLength: 3,
      }),
      /** 0: as drawn; 1: each hop forwards no more than the one before; 2: one side only. */
      pattern: fc.nat(5),
      outLots: fc.array(outflowLotArb(shape, frame), { minLength: 3, maxLength: 3 }),
      inLots: fc.array(inflowLotArb(shape, frame), { minLength: 3, maxLength: 3 }),
      inCosts: fc.array(fc.option(moneyArb, { nil: null }), { minLength: 3, maxLength: 3 }),
      outCosts: fc.array(fc.option(moneyArb, { nil: null, freq: 3 }), {
        minLength: 3,
        maxLength: 3,
      }),
      keys: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    })
    .map((d): Keyed[] => {
      const hops =
        d.pattern === 1 || d.pattern === 2 ? [...d.quantities].sort((a, b) => b - a) : d.quantities;
      const date = dateOf(frame, d.day, false);
      const keyed: Keyed[] = [];
      d.path.slice(1).forEach((to, h) => {
        const from = d.path[h] as string;
        const q = hops[h] as number;
        const outLot = d.outLots[h];
        const outCost = d.outCosts[h];
        const inCost = d.inCosts[h];
        const inLot = d.inLots[h] ?? null;
        const out: Movement = {
          sku: d.sku,
          date,
          type: "transfer",
          quantity: -q,
          location: from,
          ...(outLot === null || outLot === undefined ? {} : { lot: outLot }),
          ...(outCost === null || outCost === undefined ? {} : { unitCost: outCost }),
        };
        const into: Movement = {
          sku: d.sku,
          date,
          type: "transfer",
          quantity: q,
          location: to,
          ...(inCost === null || inCost === undefined ? {} : { unitCost: inCost }),
          ...lotFields(frame, d.day, inLot),
        };
        const side = d.pattern === 5 ? (h % 2 === 0 ? [out] : [into]) : [out, into];
        side.forEach((row, i) => {
          keyed.push({ key: d.keys[2 * h + i] as number, row });
        });
      });
      return keyed;
    });
}

/**
 * The opening balances of one SKU at one location (per SKU, where they name W1 or W2, the SKU's
 * balances at both are one state's), by unit cost or value, of a lot or none: mostly one, always
 * there, and large, when stock is to stay on hand; else often none, small, sometimes below zero;
 * now and then a second one, drawn alike (so a balance below zero may meet stock in its state).
 */
function openingArb(
  shape: LocationShape,
  frame: Frame,
  sku: string,
  location: string,
): fc.Arbitrary<OpeningBalance[]> {
  const balance = fc
    .record({
      quantity: shape.negativeStock
        ? quantityArb(frame, 20)
        : quantityArb(frame, 200).map((q) => q + 40),
      negative: fc.nat(5).map((n) => shape.negativeStock && n === 0),
      byValue: fc.boolean(),
      money: moneyArb,
      lot: inflowLotArb(shape, frame),
      receivedBefore: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
    })
    .map((d): OpeningBalance => {
      const quantity = d.negative ? -d.quantity : d.quantity;
      const lot = lotFields(frame, 0, d.lot);
      return {
        sku,
        quantity,
        ...(d.byValue && quantity > 0 ? { value: d.money } : { unitCost: d.money }),
        location,
        ...(lot.lot === undefined ? {} : { lot: lot.lot }),
        ...(lot.expiresOn === undefined ? {} : { expiresOn: lot.expiresOn }),
        // Before every movement and the period: at the latest the day before the window.
        ...(d.receivedBefore === null
          ? {}
          : { receivedOn: dayText(frame.start - d.receivedBefore) }),
      };
    });
  // A location without stock of its own is where relays happen (units pass through it).
  return fc
    .tuple(
      fc.option(balance, { nil: null, freq: shape.negativeStock ? 2 : 4 }),
      fc.option(balance, { nil: null, freq: 5 }),
    )
    .map((drawn) => drawn.filter((o): o is OpeningBalance => o !== null));
}

/** A generated ledger of the given shape (a {@link LedgerCase}, as arbitraries.ts's). */
export function locationLedgerArb(shape: LocationShape): fc.Arbitrary<LedgerCase> {
  const frameArb: fc.Arbitrary<Frame & FrameRest> = fc.record({
    skus: fc.uniqueArray(fc.constantFrom<string>(...SKU_POOL), { minLength: 1, maxLength: 2 }),
    locations: shape.locations
      ? fc.uniqueArray(fc.constantFrom<string>(...LOCATION_POOL), { minLength: 2, maxLength: 4 })
      : fc.constant<string[]>(["W1"]),
    lots: shape.lots
      ? fc.uniqueArray(fc.constantFrom<string>(...LOT_POOL), { minLength: 1, maxLength: 3 })
      : fc.constant<string[]>([]),
    eighths: fc.boolean(),
    start: fc.constantFrom(...WINDOW_STARTS).map(dayNumber),
    fromOffset: fc.integer({ min: 0, max: 2 }),
    toOffset: fc.integer({ min: WINDOW_DAYS - 3, max: WINDOW_DAYS - 1 }),
    standardCosts: fc.array(moneyArb, { minLength: 2, maxLength: 2 }),
  });
  return frameArb.chain((frame) => {
    const drafts = shape.locations
      ? fc.oneof(
          { weight: 3, arbitrary: flowArb(shape, frame) },
          { weight: 2, arbitrary: transferArb(shape, frame) },
        )
      : flowArb(shape, frame);
    // Per SKU, transfers net out: a few unmatched ones (one side of a hop) are enough there.
    const perSkuTransfers = shape.locations
      ? fc.constant([])
      : fc.array(transferArb(shape, { ...frame, locations: PER_SKU_LOCATIONS }), { maxLength: 3 });
    return fc
      .record({
        drafts: fc.array(drafts, { minLength: 1, maxLength: 24, size: "max" }),
        perSku: perSkuTransfers,
        openings: fc.tuple(
          ...frame.skus.flatMap((sku) =>
            (shape.locations ? frame.locations : PER_SKU_LOCATIONS).map((location) =>
              openingArb(shape, frame, sku, location),
            ),
          ),
        ),
      })
      .map(({ drafts: drawn, perSku, openings }): LedgerCase => {
        const keyed = [...drawn.flat(), ...perSku.flat()].map((k) =>
          shape.locations ? k : { key: k.key, row: withoutLocation(k.row) },
        );
        // In date order, the rows of a day in a random order.
        const rows = keyed
          .map((k) => ({ ...k, day: dayOfDate(k.row.date) }))
          .sort((a, b) => a.day - b.day || a.key - b.key)
          .map((k) => k.row);
        const balances = openings.flat();
        const skuInfo: SkuInfo[] = shape.withStandardCosts
          ? frame.skus.map((sku, i) => ({ sku, standardCost: frame.standardCosts[i] ?? 1 }))
          : [];
        const used = new Set([...rows.map((r) => r.sku), ...balances.map((o) => o.sku)]);
        return {
          rows,
          period: {
            from: dayText(frame.start + frame.fromOffset),
            to: dayText(frame.start + frame.toOffset),
          },
          skuInfo,
          openingBalances: balances,
          skus: frame.skus.filter((s) => used.has(s)),
        };
      });
  });
}

/** Per SKU: a transfer keeps a location (it needs one), other rows lose theirs. */
function withoutLocation(m: Movement): Movement {
  if (m.type === "transfer") return m;
  const { location: _, ...rest } = m;
  return rest;
}
