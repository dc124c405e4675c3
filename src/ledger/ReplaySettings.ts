import { compareText } from "../model/compareText.js";
import { formatDay } from "../model/day.js";
import { pow10 } from "../model/exactDecimal.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { Valuation } from "../model/SkuHistory.js";
import { KIND, type LedgerColumns } from "./LedgerColumns.js";
import type { Dictionaries } from "./prepareOpening.js";
import type { ReplayWarning } from "./ReplayWarning.js";
import type { Scales } from "./SkuState.js";
import { mul, type Scaled } from "./scaled.js";

/** Everything fixed for a replay run, shared by both engines. */
export interface ReplaySettings {
  /** The public function that runs the replay, for messages (`replayLedger`, `analyzeLedgerStream`, …). */
  readonly fn: string;
  readonly columns: LedgerColumns;
  readonly names: Dictionaries;
  readonly scales: Scales;
  readonly valuation: Valuation;
  readonly failOnNegative: boolean;
  readonly byLocation: boolean;
  readonly period: { from: number; to: number; days: number };
  readonly standardCosts: Map<number, Scaled>;
  /** Keep per-month figures. */
  readonly months: boolean;
  /** Give histories their month-end balances (see `ReplayTuning.monthEnds`). */
  readonly monthEnds: boolean;
}

/**
 * Standard valuation needs a standard cost for every SKU the replay knows (movements and opening
 * balances).
 *
 * @throws InvKpiError `invalid_option` naming the first SKUs without one.
 */
export function requireStandardCosts(
  names: Dictionaries,
  costs: ReadonlyMap<number, Scaled>,
  fn: string,
): void {
  const missing = names.skus.filter((_, sku) => !costs.has(sku));
  if (missing.length === 0) return;
  throw new InvKpiError(
    "invalid_option",
    `${fn}: valuation 'standard' needs a standardCost in skuInfo for every SKU; missing for ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}`,
    { path: ["skuInfo"], details: { missing } },
  );
}

/**
 * Orders two states by their dictionary indexes (location −1 for none) as `compareSkuLocation`
 * orders their histories: by SKU code, then location code, no location first. Both engines sort
 * their histories so, and `mergedHistories` relies on it.
 */
export function compareStates(
  names: Dictionaries,
  skuA: number,
  locationA: number,
  skuB: number,
  locationB: number,
): number {
  return (
    compareText(names.skus[skuA] as string, names.skus[skuB] as string) ||
    compareText(names.locations[locationA] ?? "", names.locations[locationB] ?? "")
  );
}

/** Row `i`'s unit cost in the replay's cost units, or null when the row has none. */
export function rowCost(settings: ReplaySettings, i: number): Scaled | null {
  const c = settings.columns;
  return scaleMoney(c.costUnits[i] as number, c.costDecimals[i] as number, settings.scales.cd);
}

/** Row `i`'s unit price in the replay's cost units, or null when the row has none. */
export function rowPrice(settings: ReplaySettings, i: number): Scaled | null {
  const c = settings.columns;
  return scaleMoney(c.priceUnits[i] as number, c.priceDecimals[i] as number, settings.scales.cd);
}

function scaleMoney(units: number, decimals: number, cd: number): Scaled | null {
  return Number.isNaN(units) ? null : mul(units, pow10(cd - decimals));
}

/** Row `i`'s quantity in scaled units (rounding removes the binary noise of `quantity × 10^qd`). */
export function rowQuantity(settings: ReplaySettings, i: number): number {
  const qty = Math.round((settings.columns.quantity[i] as number) * settings.scales.qScale);
  if (!Number.isSafeInteger(qty)) quantityTooLarge(settings, i);
  return qty;
}

function quantityTooLarge(settings: ReplaySettings, i: number): never {
  const c = settings.columns;
  const row = c.row[i] as number;
  throw new InvKpiError(
    "out_of_range",
    `${settings.fn}: the quantity ${c.quantity[i]} of row ${row} cannot be held exactly with the ledger's ${settings.scales.qd} decimal places`,
    {
      path: ["ledger", row, "quantity"],
      details: { row, quantity: c.quantity[i], decimals: settings.scales.qd },
    },
  );
}

/** Where a warning about row `i` of a SKU (and location, or −1) points. */
export function rowAddress(
  settings: ReplaySettings,
  i: number,
  sku: number,
  location: number,
): { sku: string; location?: string; date: string; row: number } {
  const name = location >= 0 ? settings.names.locations[location] : undefined;
  return {
    sku: settings.names.skus[sku] as string,
    ...(name === undefined ? {} : { location: name }),
    date: formatDay(settings.columns.day[i] as number),
    row: settings.columns.row[i] as number,
  };
}

/**
 * Stock fell below zero at row `i`: the warning to report, or, under `negativeStock: 'error'`,
 * the `negative_stock` error thrown.
 */
export function negativeStockWarning(
  settings: ReplaySettings,
  i: number,
  sku: number,
  location: number,
  scaledQty: number,
): ReplayWarning {
  const address = rowAddress(settings, i, sku, location);
  const quantity = scaledQty / settings.scales.qScale;
  const message = `stock of ${address.sku}${address.location === undefined ? "" : ` at ${address.location}`} fell below zero on ${address.date} (${quantity})`;
  if (settings.failOnNegative) {
    throw new InvKpiError("negative_stock", `${settings.fn}: ${message}`, {
      details: { ...address, quantity },
    });
  }
  return { code: "negative_stock", ...address, message };
}

/** What {@link unknownCostWarning} says of each flow valued at 0 for want of a cost. */
const UNKNOWN_COST_MESSAGES = {
  inflow:
    "no unit cost is known for this inflow (no cost on the row, no earlier cost, no standard cost); it was valued at 0",
  // Units owed below zero: COGS leaves them out until an inflow settles them, and misses them if
  // none does before the period ends (gross margin and GMROI then overstate).
  outflow:
    "no unit cost is known for the units this outflow took beyond stock (no earlier cost, no standard cost); they were costed at 0 until an inflow settles them into COGS at its own cost",
} as const;

/**
 * The warning for a flow valued at 0 because no cost is known: an inflow without a cost of its
 * own, or the units an outflow took below zero (no earlier inflow at a cost, no standard cost).
 */
export function unknownCostWarning(
  settings: ReplaySettings,
  i: number,
  sku: number,
  location: number,
  flow: keyof typeof UNKNOWN_COST_MESSAGES,
): ReplayWarning {
  return {
    code: "unknown_cost",
    ...rowAddress(settings, i, sku, location),
    message: UNKNOWN_COST_MESSAGES[flow],
  };
}

/**
 * The warning for an outflow naming a lot that had fewer units on hand than it took from stock:
 * `shortfall` (scaled) units were taken from the oldest layers instead. Reported once per SKU (or
 * SKU and location) and lot, at its first such outflow.
 */
export function lotNotOnHandWarning(
  settings: ReplaySettings,
  i: number,
  sku: number,
  location: number,
  shortfall: number,
): ReplayWarning {
  const lot = settings.names.lots[settings.columns.lot[i] as number] as string;
  const units = shortfall / settings.scales.qScale;
  return {
    code: "lot_not_on_hand",
    ...rowAddress(settings, i, sku, location),
    message: `lot ${JSON.stringify(lot)} had ${units} unit(s) fewer on hand than this outflow took from stock; they were taken from the oldest layers (reported once per lot)`,
  };
}

/** The warning for a SKU-day whose transfers (per SKU, not by location) do not net to zero. */
export function unmatchedNetWarning(
  settings: ReplaySettings,
  i: number,
  sku: number,
  net: number,
): ReplayWarning {
  const day = settings.columns.day[i] as number;
  return {
    code: "unmatched_transfer",
    ...rowAddress(settings, i, sku, -1),
    message: `transfers of ${settings.names.skus[sku]} on ${formatDay(day)} do not net to zero (${net / settings.scales.qScale}); the difference was booked as stock ${net < 0 ? "leaving" : "entering"}`,
  };
}

/** What a replay counted outside the period. */
export interface PeriodCounts {
  /** Movements before the period start (they built the opening balance). */
  readonly before: number;
  /** Movements after the period end (left out). */
  readonly after: number;
  /** The day of the earliest movement after the period end (+∞ when there is none). */
  readonly firstAfter: number;
}

/**
 * The counts of movements outside the period, as warnings; `after_period` carries the earliest
 * movement left out as its `date` (a report refuses an `asOf` on or after it).
 */
export function periodWarnings(
  settings: ReplaySettings,
  { before, after, firstAfter }: PeriodCounts,
): ReplayWarning[] {
  const { from, to } = settings.period;
  const warnings: ReplayWarning[] = [];
  if (after > 0)
    warnings.push({
      code: "after_period",
      count: after,
      date: formatDay(firstAfter),
      message: `${after} movement(s) after the period end ${formatDay(to)} were left out`,
    });
  if (before > 0)
    warnings.push({
      code: "before_period",
      count: before,
      message: `${before} movement(s) before the period start ${formatDay(from)} built the opening balance`,
    });
  return warnings;
}

/**
 * Per SKU (not `byLocation`), a day's transfers move stock between the company's own locations and
 * net out. Returns the net scaled quantity of each SKU-day's transfers, keyed by the position in
 * `order` of the row where the engine applies it: the SKU-day's first transfer row, or, for a net
 * inflow, its first transfer in that carries a `unitCost`, so that the units no transfer out
 * matched come in at the cost (and lot) their row gives, as they do by location. A net inflow
 * without such a row comes in at the current unit cost, without a lot: the engines read the cost,
 * lot and expiry of the row it is keyed at only when {@link isCostedTransferIn} says it is that
 * row (the day's first row may be a transfer out, whose cost and lot are not the inflow's). The
 * SKU's other transfer rows of the day are passed over, so where in the day's transfers the net
 * goes changes nothing else.
 */
export function transferNets(
  settings: ReplaySettings,
  order: Int32Array | null,
): Map<number, number> {
  const c = settings.columns;
  const groups: { start: number; costedIn: number; net: number }[] = [];
  const open = new Map<number, { day: number; group: (typeof groups)[number] }>();
  for (let n = 0; n < c.length; n++) {
    const i = order === null ? n : (order[n] as number);
    const kind = c.kind[i];
    if (kind !== KIND.transferOut && kind !== KIND.transferIn) continue;
    const sku = c.sku[i] as number;
    const day = c.day[i] as number;
    let current = open.get(sku);
    if (current === undefined || current.day !== day) {
      current = { day, group: { start: n, costedIn: -1, net: 0 } };
      open.set(sku, current);
      groups.push(current.group);
    }
    const { group } = current;
    if (group.costedIn < 0 && isCostedTransferIn(settings, i)) group.costedIn = n;
    // Unchecked here: a quantity too large for the scale is reported when its row is applied.
    group.net += Math.round((c.quantity[i] as number) * settings.scales.qScale);
  }
  const nets = new Map<number, number>();
  for (const { start, costedIn, net } of groups)
    nets.set(net > 0 && costedIn >= 0 ? costedIn : start, net);
  return nets;
}

/** Whether row `i` is a transfer in that carries a `unitCost` (see {@link transferNets}). */
export function isCostedTransferIn(settings: ReplaySettings, i: number): boolean {
  const c = settings.columns;
  return c.kind[i] === KIND.transferIn && !Number.isNaN(c.costUnits[i] as number);
}

/**
 * When the ledger is not in date order, the warning that says so, naming the first row dated
 * before the row above it: batch replay sorts it (once, in memory) and goes on.
 */
export function unsortedInputWarning(columns: LedgerColumns): ReplayWarning | null {
  const { day, row, length } = columns;
  for (let i = 1; i < length; i++) {
    if ((day[i] as number) >= (day[i - 1] as number)) continue;
    const at = row[i] as number;
    return {
      code: "unsorted_input",
      row: at,
      date: formatDay(day[i] as number),
      message: `the ledger is not in date order (row ${at}, dated ${formatDay(day[i] as number)}, comes after a row dated ${formatDay(day[i - 1] as number)}); it was sorted by date once, in memory`,
    };
  }
  return null;
}
