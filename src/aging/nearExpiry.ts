import { requireNonNegative } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import { type Day, type DayInput, formatDay, invalidDay, tryToDay } from "../model/day.js";
import { decimalToNumber } from "../model/decimalToNumber.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import type { SkuHistory } from "../model/SkuHistory.js";
import { sumDecimals } from "../model/sumDecimals.js";
import { resolveAsOf } from "./resolveAsOf.js";
import { sumQuantities } from "./sumQuantities.js";

/**
 * What {@link nearExpiry} reads from a history: a full `SkuHistory` fits, and so does a plain object
 * with these fields.
 */
export type NearExpiryInput = Pick<
  SkuHistory,
  "sku" | "location" | "period" | "lastMovementDate" | "layers"
>;

/** Options of {@link nearExpiry}. */
export interface NearExpiryOptions {
  /** The day expiry is judged on. Default: the history's period end. */
  readonly asOf?: DayInput;
  /** How many days ahead a lot counts as expiring (inclusive). Default 30. */
  readonly withinDays?: number;
}

/** The option names of {@link nearExpiry}. */
const OPTIONS = optionNames<NearExpiryOptions>()(["asOf", "withinDays"]);

/** The stock on hand of one lot (one `lot` and `expiresOn`), summed over its open layers. */
export interface ExpiryLot {
  readonly sku: string;
  readonly location?: string;
  /** The lot code; `null` for layers that carry an expiry day but no lot code. */
  readonly lot: string | null;
  /** `'YYYY-MM-DD'`. */
  readonly expiresOn: string;
  /** expiresOn − asOf in days: negative once expired, 0 on the expiry day itself. */
  readonly daysToExpiry: number;
  readonly quantity: number;
  /** Exact sum of the layer values. */
  readonly value: Decimal;
}

/** The result of {@link nearExpiry}. */
export interface NearExpiry {
  readonly sku: string;
  readonly location?: string;
  /** The day judged on, `'YYYY-MM-DD'`. */
  readonly asOf: string;
  /** Lots whose expiry day is before `asOf`, soonest expiry first (ties by lot). */
  readonly expired: readonly ExpiryLot[];
  /** Lots expiring from `asOf` to `asOf + withinDays`, both included, soonest first. */
  readonly expiring: readonly ExpiryLot[];
  readonly expiredQuantity: number;
  readonly expiredValue: Decimal;
  readonly expiringQuantity: number;
  readonly expiringValue: Decimal;
}

/**
 * Finds the lots on hand that have expired or expire soon, with their quantity and value.
 *
 * Definition: the open layers that carry `expiresOn` are grouped by (`lot`, `expiresOn`);
 * daysToExpiry = expiresOn − asOf. A lot is `expired` when daysToExpiry < 0 and `expiring` when
 * 0 ≤ daysToExpiry ≤ withinDays: a lot whose expiry day is `asOf` itself is still usable that day,
 * so it is expiring, not expired. Layers without `expiresOn` are ignored. Quantities in the SKU's
 * unit, values exact in the ledger's currency.
 *
 * @param history - the replayed history of one SKU.
 * @param options - `asOf` (default the period end), `withinDays` (default 30).
 * @throws InvKpiError `invalid_argument` / `out_of_range` (`withinDays` not a finite number ≥ 0),
 *   `out_of_range` (`asOf` before the last movement), `invalid_date` (`asOf` not a real day),
 *   `invalid_option` (an unknown option name), `invalid_argument` (options not an object).
 * @example
 * ```ts
 * import { Decimal, nearExpiry } from "invkpi";
 * const layer = (lot: string, expiresOn: string, quantity: number) =>
 *   ({ lot, expiresOn, quantity, receivedDate: "2024-10-01",
 *      unitCost: new Decimal(2), value: new Decimal(2 * quantity) });
 * const result = nearExpiry({
 *   sku: "MILK",
 *   period: { from: "2024-10-01", to: "2024-12-31", days: 92 },
 *   lastMovementDate: "2024-10-01",
 *   layers: [layer("L1", "2024-12-20", 5), layer("L2", "2025-01-15", 8), layer("L3", "2025-06-30", 9)],
 * });
 * result.expired.map((l) => [l.lot, l.daysToExpiry]); // [["L1", -11]]
 * result.expiring.map((l) => [l.lot, l.daysToExpiry]); // [["L2", 15]]
 * result.expiringValue.toFixed(2); // "16.00"
 * ```
 */
export function nearExpiry(history: NearExpiryInput, options: NearExpiryOptions = {}): NearExpiry {
  requireOptionNames(options, OPTIONS, "nearExpiry");
  return nearExpiryWithoutNameCheck(history, options);
}

/**
 * {@link nearExpiry} without the check of its option names: for the report, which calls it once
 * per SKU with options of its own making.
 * @internal
 */
export function nearExpiryWithoutNameCheck(
  history: NearExpiryInput,
  options: NearExpiryOptions,
): NearExpiry {
  const fn = "nearExpiry";
  const withinDays = requireNonNegative(options.withinDays ?? 30, fn, "withinDays");
  const asOf = resolveAsOf(history, options.asOf, fn);
  // Most SKUs carry no expiry at all: their answer needs no grouping, no lists and no sums.
  if (!history.layers.some((layer) => layer.expiresOn !== undefined)) {
    return {
      sku: history.sku,
      ...(history.location !== undefined && { location: history.location }),
      asOf: formatDay(asOf),
      expired: [],
      expiring: [],
      expiredQuantity: 0,
      expiredValue: NOTHING,
      expiringQuantity: 0,
      expiringValue: NOTHING,
    };
  }
  const lots = groupLotsByExpiry(history, asOf, fn);
  const expired = lots.filter((l) => l.daysToExpiry < 0);
  const expiring = lots.filter((l) => l.daysToExpiry >= 0 && l.daysToExpiry <= withinDays);
  return {
    sku: history.sku,
    ...(history.location !== undefined && { location: history.location }),
    asOf: formatDay(asOf),
    expired,
    expiring,
    expiredQuantity: sumQuantity(expired),
    expiredValue: sumValue(expired),
    expiringQuantity: sumQuantity(expiring),
    expiringValue: sumValue(expiring),
  };
}

interface LotSums {
  readonly lot: string | null;
  readonly expiryDay: Day;
  quantity: Decimal;
  value: Decimal;
}

/** The value of no lots: zero (one instance; decimals are immutable). */
const NOTHING = new Decimal(0);

/** Every (lot, expiry day) of the layers that carry an expiry day, soonest expiry first. */
function groupLotsByExpiry(history: NearExpiryInput, asOf: Day, fn: string): ExpiryLot[] {
  const groups = new Map<string, LotSums>();
  for (const [index, layer] of history.layers.entries()) {
    if (layer.expiresOn === undefined) continue;
    const expiryDay =
      tryToDay(layer.expiresOn) ?? invalidDay(layer.expiresOn, `${fn}: layers[${index}].expiresOn`);
    const lot = layer.lot ?? null;
    const key = JSON.stringify([lot, expiryDay]);
    const sums = groups.get(key) ?? {
      lot,
      expiryDay,
      quantity: new Decimal(0),
      value: new Decimal(0),
    };
    sums.quantity = sums.quantity.plus(layer.quantity);
    sums.value = sums.value.plus(layer.value);
    groups.set(key, sums);
  }
  return [...groups.values()].sort(byExpiryThenLot).map((g) => ({
    sku: history.sku,
    ...(history.location !== undefined && { location: history.location }),
    lot: g.lot,
    expiresOn: formatDay(g.expiryDay),
    daysToExpiry: g.expiryDay - asOf,
    quantity: decimalToNumber(g.quantity),
    value: g.value,
  }));
}

function byExpiryThenLot(a: LotSums, b: LotSums): number {
  if (a.expiryDay !== b.expiryDay) return a.expiryDay - b.expiryDay;
  // Stock without a lot code sorts before the named lots of the same day.
  if (a.lot === b.lot) return 0;
  if (a.lot === null) return -1;
  if (b.lot === null) return 1;
  return a.lot < b.lot ? -1 : 1;
}

function sumQuantity(lots: readonly ExpiryLot[]): number {
  return sumQuantities(lots.map((l) => l.quantity)).value;
}

function sumValue(lots: readonly ExpiryLot[]): Decimal {
  return sumDecimals(lots.map((l) => l.value));
}
