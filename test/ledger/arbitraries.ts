import * as fc from "fast-check";
import type { ReplayOptions } from "../../src/ledger/replayLedger.js";
import type { Movement, MovementType } from "../../src/model/Movement.js";
import type { OpeningBalance } from "../../src/model/OpeningBalance.js";
import type { Valuation } from "../../src/model/SkuHistory.js";
import type { SkuInfo } from "../../src/model/SkuInfo.js";

// fast-check generators of small ledgers for the replay-engine property tests: at most 5 SKUs and
// 40 rows (0–30 drafts, a transfer draft making two rows, lengths spread over the whole range:
// `size: "max"`, since fast-check's default size would cap them at about 10), quantities whole or
// with up to 3 decimals, costs and prices with 0–4 decimals given as text or as numbers, dates
// within 60 days (some as `Date` objects), and a period that covers most of them. The dense layout
// packs 10–40 rows of 1–2 SKUs into 7 days, so that a SKU's day often has rows of several kinds,
// and of one kind more than once (posting order).
// Day arithmetic here is done with `Date.UTC` on purpose, not with the library's own day helpers,
// so that the tests do not trust the code they check.

/** A generated ledger with everything a replay needs besides the valuation. */
export interface LedgerCase {
  readonly rows: readonly Movement[];
  readonly period: { readonly from: string; readonly to: string };
  /** A `standardCost` for every SKU when `withStandardCosts`, else empty. */
  readonly skuInfo: readonly SkuInfo[];
  readonly openingBalances: readonly OpeningBalance[];
  /** Every SKU code that occurs in the rows or the opening balances. */
  readonly skus: readonly string[];
}

/** Which features a generated ledger may use. */
export interface LedgerShape {
  /** Outflows beyond stock on hand are allowed (else they are cut to the stock on hand, or dropped). */
  readonly negativeStock: boolean;
  /** Transfers between locations (then every row and opening balance carries a location). */
  readonly transfers: boolean;
  /** Customer returns may come without a `unitCost`. */
  readonly costlessReturns: boolean;
  /** Positive adjustments may come without a `unitCost`. */
  readonly costlessAdjustments: boolean;
  /** Opening balances (by unit cost or by total value) for some SKUs. */
  readonly openingBalances: boolean;
  /** Every SKU gets a `standardCost` in `skuInfo` (needed by `standard` valuation). */
  readonly withStandardCosts: boolean;
}

/** SKU codes compared exactly: case, a trailing space and non-Latin text make different SKUs. */
const SKU_POOL = ["A", "B", "a", "A ", "螺丝-M8", "Ω-7"] as const;
const LOCATION_POOL = ["W1", "W2", "东仓"] as const;
const MS_PER_DAY = 86_400_000;

/** How many SKUs, rows and days a generated ledger has. */
export interface LedgerLayout {
  /** At most this many SKUs (at least 1). */
  readonly maxSkus: number;
  /** Row drafts (a transfer draft is usually two rows); the rows are cut at `maxRows`. */
  readonly minDrafts: number;
  readonly maxDrafts: number;
  readonly maxRows: number;
  /** Movements fall within `windowDays` days from one of `windowStarts`. */
  readonly windowStarts: readonly string[];
  readonly windowDays: number;
  /** The period starts 0..`maxFromOffset` days into the window and ends in its last `endDays` days. */
  readonly maxFromOffset: number;
  readonly endDays: number;
}

/** Layouts used by the tests. */
export const LAYOUTS = {
  /**
   * Up to 5 SKUs and 40 rows over 60 days; the windows cross a year end or the leap day
   * 2024-02-29; the period starts in the first 11 days and ends in the last 15.
   */
  wide: {
    maxSkus: 5,
    minDrafts: 0,
    maxDrafts: 30,
    maxRows: 40,
    windowStarts: ["2023-12-10", "2024-01-20", "2024-02-10"],
    windowDays: 60,
    maxFromOffset: 10,
    endDays: 15,
  },
  /**
   * 1–2 SKUs, 10–40 rows in 7 days (across a year end, the leap day, or a month end): same-SKU
   * same-day rows of different kinds, and of the same kind, are the rule, not the exception.
   */
  dense: {
    maxSkus: 2,
    minDrafts: 10,
    maxDrafts: 40,
    maxRows: 40,
    windowStarts: ["2023-12-28", "2024-02-26", "2024-03-28"],
    windowDays: 7,
    maxFromOffset: 2,
    endDays: 3,
  },
} as const satisfies Record<string, LedgerLayout>;

/** The replay options of a generated ledger: its period, SKU info and opening balances. */
export function caseOptions(
  c: LedgerCase,
  valuation: Valuation,
  byLocation = false,
): ReplayOptions {
  return {
    period: c.period,
    skuInfo: c.skuInfo,
    openingBalances: c.openingBalances,
    valuation,
    byLocation,
  };
}

/** A day number (days since 1970-01-01 UTC) of a 'YYYY-MM-DD' text. */
export function dayNumber(text: string): number {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** The 'YYYY-MM-DD' text of a day number. */
export function dayText(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day number of a movement's date: its text, or a `Date`'s UTC calendar day. */
export function dayOfDate(date: string | Date): number {
  return typeof date === "string" ? dayNumber(date) : Math.floor(date.getTime() / MS_PER_DAY);
}

/**
 * The order in which the engine applies movement kinds within one day (replayLedger's JSDoc):
 * receipts, returns, transfers out, transfers in, adjustments, issues.
 */
export function kindRank(m: Pick<Movement, "type" | "quantity">): number {
  switch (m.type) {
    case "receipt":
      return 0;
    case "return":
      return 1;
    case "transfer":
      return m.quantity < 0 ? 2 : 3;
    case "adjustment":
      return 4;
    default:
      return 5;
  }
}

/**
 * The indexes of `rows` in the engine's order of application: by day, then kind, then input
 * position (so rows of one SKU, day and kind keep their input order).
 */
export function applicationOrder(rows: readonly Movement[]): number[] {
  const keyed = rows.map((m, i) => ({ i, day: dayOfDate(m.date), rank: kindRank(m) }));
  keyed.sort((a, b) => a.day - b.day || a.rank - b.rank || a.i - b.i);
  return keyed.map((k) => k.i);
}

/** A unit cost drawn as integer units and decimal places, given as text or as a number. */
interface MoneyDraft {
  readonly units: number;
  readonly decimals: number;
  readonly asText: boolean;
}

const moneyDraftArb: fc.Arbitrary<MoneyDraft> = fc.record({
  // Mostly small amounts, some zero, some large enough to push the engine's values past 2^53.
  units: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 99_999 }) },
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 9_999_999_999 }) },
  ),
  decimals: fc.integer({ min: 0, max: 4 }),
  asText: fc.boolean(),
});

/** The decimal text of `units / 10^decimals`, keeping trailing zeros ("2.50"). */
export function moneyText(units: number, decimals: number): string {
  if (decimals === 0) return String(units);
  const digits = String(units).padStart(decimals + 1, "0");
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

function money(draft: MoneyDraft): string | number {
  const text = moneyText(draft.units, draft.decimals);
  return draft.asText ? text : Number(text);
}

/** One row before the no-negative-stock pass: quantities in thousandths of a unit. */
interface RowDraft {
  readonly sku: number;
  readonly day: number;
  readonly type: MovementType;
  /** Thousandths of a unit, positive; the sign of adjustments and transfers is in `sign`. */
  milli: number;
  readonly sign: 1 | -1;
  readonly cost: MoneyDraft | null;
  /** The unit price of an issue or a return (revenue); null for other kinds, or none given. */
  readonly price: MoneyDraft | null;
  readonly location: number;
  readonly asDate: boolean;
  /** Hour of the `Date` (a `Date` means its UTC calendar day whatever the hour). */
  readonly hour: number;
}

const typeArb = (shape: LedgerShape): fc.Arbitrary<MovementType> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<MovementType>("receipt") },
    { weight: 4, arbitrary: fc.constant<MovementType>("issue") },
    { weight: 1, arbitrary: fc.constant<MovementType>("return") },
    { weight: 2, arbitrary: fc.constant<MovementType>("adjustment") },
    { weight: shape.transfers ? 2 : 0, arbitrary: fc.constant<MovementType>("transfer") },
  );

function draftArb(
  shape: LedgerShape,
  layout: LedgerLayout,
  skuCount: number,
  fractional: boolean,
): fc.Arbitrary<RowDraft[]> {
  return fc
    .record({
      sku: fc.integer({ min: 0, max: skuCount - 1 }),
      day: fc.integer({ min: 0, max: layout.windowDays - 1 }),
      type: typeArb(shape),
      milli: fractional
        ? fc.integer({ min: 1, max: 100_000 })
        : fc.integer({ min: 1, max: 100 }).map((q) => q * 1000),
      sign: fc.constantFrom<1 | -1>(1, -1),
      cost: fc.option(moneyDraftArb, { freq: 6, nil: null }),
      // Mostly priced, so that revenue is there to check; sometimes not (issuesWithoutPrice).
      price: fc.option(moneyDraftArb, { freq: 4, nil: null }),
      location: fc.integer({ min: 0, max: LOCATION_POOL.length - 1 }),
      otherLocation: fc.integer({ min: 1, max: LOCATION_POOL.length - 1 }),
      matched: fc.nat(9).map((n) => n > 0),
      asDate: fc.nat(9).map((n) => n === 0),
      hour: fc.integer({ min: 0, max: 23 }),
    })
    .map((d): RowDraft[] => {
      const { otherLocation, matched, ...drawn } = d;
      const priced = drawn.type === "issue" || drawn.type === "return";
      const row = { ...drawn, price: priced ? drawn.price : null };
      const cost = costOf(shape, row.type, row.sign, row.cost);
      if (row.type !== "transfer") return [{ ...row, cost }];
      // A transfer is usually a matched pair (out of one location, into another, same day);
      // sometimes only one side, which the engine reports as unmatched.
      const out: RowDraft = { ...row, sign: -1, cost: null };
      const into: RowDraft = {
        ...row,
        sign: 1,
        cost: null,
        location: (row.location + otherLocation) % LOCATION_POOL.length,
      };
      if (matched) return [out, into];
      return [row.sign < 0 ? out : { ...into, cost: row.cost }];
    });
}

/** Receipts and (per shape) returns and positive adjustments need a cost; issues may carry one. */
function costOf(
  shape: LedgerShape,
  type: MovementType,
  sign: 1 | -1,
  cost: MoneyDraft | null,
): MoneyDraft | null {
  if (cost !== null) return cost;
  const needsCost =
    (type === "receipt" && !shape.withStandardCosts) ||
    (type === "return" && !shape.costlessReturns) ||
    (type === "adjustment" && sign > 0 && !shape.costlessAdjustments);
  return needsCost ? { units: 1250, decimals: 2, asText: true } : null;
}

interface OpeningDraft {
  readonly milli: number;
  readonly byValue: boolean;
  readonly money: MoneyDraft;
  readonly location: number;
}

function openingArb(shape: LedgerShape, fractional: boolean): fc.Arbitrary<OpeningDraft | null> {
  const milli = fractional
    ? fc.integer({ min: 1, max: 50_000 })
    : fc.integer({ min: 1, max: 50 }).map((q) => q * 1000);
  // A ledger that starts in deficit is possible only where negative stock is.
  const signed = shape.negativeStock
    ? fc.tuple(milli, fc.nat(4)).map(([m, n]) => (n === 0 ? -m : m))
    : milli;
  const draft = fc.record({
    milli: signed,
    byValue: fc.boolean(),
    money: moneyDraftArb,
    location: fc.integer({ min: 0, max: LOCATION_POOL.length - 1 }),
  });
  return shape.openingBalances ? fc.option(draft, { freq: 2, nil: null }) : fc.constant(null);
}

/** A generated ledger of the given shape (and layout: by default up to 5 SKUs, 40 rows, 60 days). */
export function ledgerArb(
  shape: LedgerShape,
  layout: LedgerLayout = LAYOUTS.wide,
): fc.Arbitrary<LedgerCase> {
  return fc
    .record({
      skuCodes: fc.uniqueArray(fc.constantFrom(...SKU_POOL), {
        minLength: 1,
        maxLength: layout.maxSkus,
      }),
      fractional: fc.boolean(),
      windowStart: fc.constantFrom(...layout.windowStarts),
      fromOffset: fc.integer({ min: 0, max: layout.maxFromOffset }),
      toOffset: fc.integer({
        min: layout.windowDays - layout.endDays,
        max: layout.windowDays - 1,
      }),
      standardCosts: fc.array(moneyDraftArb, { minLength: 5, maxLength: 5 }),
    })
    .chain((base) =>
      fc
        .record({
          // size "max": lengths over the whole range (the default size stops at about 10).
          drafts: fc.array(draftArb(shape, layout, base.skuCodes.length, base.fractional), {
            minLength: layout.minDrafts,
            maxLength: layout.maxDrafts,
            size: "max",
          }),
          openings: fc.array(openingArb(shape, base.fractional), {
            minLength: base.skuCodes.length,
            maxLength: base.skuCodes.length,
          }),
        })
        .map(({ drafts, openings }) =>
          buildCase(shape, base, drafts.flat().slice(0, layout.maxRows), openings),
        ),
    );
}

interface CaseBase {
  readonly skuCodes: readonly string[];
  readonly windowStart: string;
  readonly fromOffset: number;
  readonly toOffset: number;
  readonly standardCosts: readonly MoneyDraft[];
}

function buildCase(
  shape: LedgerShape,
  base: CaseBase,
  drafts: RowDraft[],
  openings: readonly (OpeningDraft | null)[],
): LedgerCase {
  const start = dayNumber(base.windowStart);
  const openingBalances = openings.flatMap((o, sku): OpeningBalance[] =>
    o === null ? [] : [openingBalance(shape, base.skuCodes[sku] as string, o)],
  );
  const kept = shape.negativeStock ? drafts : withoutNegativeStock(drafts, openings);
  const rows = kept.map((d) => movement(shape, base.skuCodes, start, d));
  const used = new Set([...rows.map((r) => r.sku), ...openingBalances.map((o) => o.sku)]);
  return {
    rows,
    period: { from: dayText(start + base.fromOffset), to: dayText(start + base.toOffset) },
    skuInfo: shape.withStandardCosts
      ? base.skuCodes.map((sku, i) => ({
          sku,
          standardCost: money(base.standardCosts[i] as MoneyDraft),
        }))
      : [],
    openingBalances,
    skus: base.skuCodes.filter((sku) => used.has(sku)),
  };
}

function openingBalance(shape: LedgerShape, sku: string, o: OpeningDraft): OpeningBalance {
  const amount = money(o.money);
  return {
    sku,
    quantity: o.milli / 1000,
    ...(o.byValue && o.milli > 0 ? { value: amount } : { unitCost: amount }),
    ...(shape.transfers ? { location: LOCATION_POOL[o.location] as string } : {}),
  };
}

function movement(
  shape: LedgerShape,
  skuCodes: readonly string[],
  start: number,
  d: RowDraft,
): Movement {
  const day = start + d.day;
  const signed = d.type === "adjustment" || d.type === "transfer" ? d.sign * d.milli : d.milli;
  return {
    sku: skuCodes[d.sku] as string,
    date: d.asDate ? new Date(day * MS_PER_DAY + d.hour * 3_600_000) : dayText(day),
    type: d.type,
    quantity: signed / 1000,
    ...(d.cost === null ? {} : { unitCost: money(d.cost) }),
    ...(d.price === null ? {} : { unitPrice: money(d.price) }),
    ...(shape.transfers ? { location: LOCATION_POOL[d.location] as string } : {}),
  };
}

/**
 * Replays the quantities in the engine's order and cuts every outflow to the stock on hand (or
 * drops it when nothing is on hand), so no SKU's stock ever goes below zero. Per SKU, not per
 * location: used only for ledgers without transfers.
 */
function withoutNegativeStock(
  drafts: RowDraft[],
  openings: readonly (OpeningDraft | null)[],
): RowDraft[] {
  const rows = drafts.map((d) => ({ ...d }));
  const asMovements = rows.map((d) => ({
    date: dayText(d.day),
    type: d.type,
    quantity: d.type === "transfer" ? d.sign : 1,
  }));
  const onHand = openings.map((o) => Math.max(o?.milli ?? 0, 0));
  const dropped = new Set<number>();
  for (const i of applicationOrder(asMovements as Movement[])) {
    const d = rows[i] as RowDraft;
    const outflow =
      d.type === "issue" || (d.type !== "receipt" && d.type !== "return" && d.sign < 0);
    const stock = onHand[d.sku] ?? 0;
    if (!outflow) onHand[d.sku] = stock + d.milli;
    else if (stock === 0) dropped.add(i);
    else {
      d.milli = Math.min(d.milli, stock);
      onHand[d.sku] = stock - d.milli;
    }
  }
  return rows.filter((_, i) => !dropped.has(i));
}

/** Shapes used by the tests. */
export const SHAPES = {
  /** Everything the engine supports: negative stock, transfers, costless inflows, openings. */
  anything: {
    negativeStock: true,
    transfers: true,
    costlessReturns: true,
    costlessAdjustments: true,
    openingBalances: true,
    withStandardCosts: true,
  },
  /** As `anything`, but no SKU has a standard cost: stock owed before any cost is owed at 0. */
  anythingWithoutStandardCosts: {
    negativeStock: true,
    transfers: true,
    costlessReturns: true,
    costlessAdjustments: true,
    openingBalances: true,
    withStandardCosts: false,
  },
  /**
   * Stock never below zero, no transfers: long runs of stock on hand, FIFO issues that cross
   * several layers, the last unit out (the reference replay's first shapes; it now also covers
   * negative stock and per-SKU transfers, with `anything`).
   */
  movingAverageReference: {
    negativeStock: false,
    transfers: false,
    costlessReturns: true,
    costlessAdjustments: true,
    openingBalances: true,
    withStandardCosts: true,
  },
  /** As above, positive adjustments always with a cost. */
  fifoReference: {
    negativeStock: false,
    transfers: false,
    costlessReturns: true,
    costlessAdjustments: false,
    openingBalances: true,
    withStandardCosts: true,
  },
} as const satisfies Record<string, LedgerShape>;

/**
 * A permutation of `rows` that keeps each (SKU, day, kind) group's rows in their relative order
 * but interleaves the groups at random: `picks` chooses, step by step, which group's queue gives
 * its next row.
 */
export function interleave<T extends Movement>(rows: readonly T[], picks: readonly number[]): T[] {
  const queues = new Map<string, T[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.sku, dayOfDate(row.date), kindRank(row)]);
    const queue = queues.get(key);
    if (queue === undefined) queues.set(key, [row]);
    else queue.push(row);
  }
  const open = [...queues.values()];
  const out: T[] = [];
  let step = 0;
  while (open.length > 0) {
    const q = (picks[step % Math.max(picks.length, 1)] ?? 0) % open.length;
    step++;
    const queue = open[q] as T[];
    out.push(queue.shift() as T);
    if (queue.length === 0) open.splice(q, 1);
  }
  return out;
}
