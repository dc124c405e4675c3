import { Decimal } from "../model/Decimal.js";
import { type Day, type DayInput, formatDay, invalidDay, tryToDay } from "../model/day.js";
import { ExactSum } from "../model/ExactSum.js";
import {
  decimalPlaces,
  EXACT_INTEGER_LIMIT,
  MAX_QUANTITY_DECIMALS,
  pow10,
  SCALED_UNITS_LIMIT,
} from "../model/exactDecimal.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import type { SkuHistory, StockLayer } from "../model/SkuHistory.js";
import { sumDecimals } from "../model/sumDecimals.js";
import { toDecimalScaled } from "../model/toDecimalScaled.js";
import { type AgingBucketDefinition, bucketIndexOf, sameAgingBuckets } from "./agingBuckets.js";
import { resolveAsOf } from "./resolveAsOf.js";

/**
 * What {@link stockAging} reads from a history: a full `SkuHistory` fits, and so does a plain object
 * with these fields.
 */
export type StockAgingInput = Pick<
  SkuHistory,
  "sku" | "location" | "period" | "lastMovementDate" | "layers"
>;

/** Options of {@link stockAging}. */
export interface StockAgingOptions {
  /** The day ages are measured to. Default: the history's period end. */
  readonly asOf?: DayInput;
  /** Upper bounds of the age buckets in days, strictly increasing. Default `[30, 60, 90, 180, 365]`. */
  readonly buckets?: readonly number[];
}

/** The option names of {@link stockAging}. */
const OPTIONS = optionNames<StockAgingOptions>()(["asOf", "buckets"]);

/** The stock on hand of one age bucket. */
export interface AgingBucket extends AgingBucketDefinition {
  /** Units whose age is in the bucket. */
  readonly quantity: number;
  /** Their value (exact sum of the layer values). */
  readonly value: Decimal;
}

/** The result of {@link stockAging}. */
export interface StockAging {
  readonly sku: string;
  readonly location?: string;
  /** The day ages are measured to, `'YYYY-MM-DD'`. */
  readonly asOf: string;
  /** Every bucket in age order, empty ones included. */
  readonly buckets: readonly AgingBucket[];
  /** Units in the open layers (Σ of the buckets). */
  readonly quantity: number;
  /** Value of the open layers (Σ of the buckets, exact). */
  readonly value: Decimal;
  /** Quantity-weighted mean age of the units on hand, in days; `null` when nothing is on hand. */
  readonly averageAge: number | null;
  /**
   * Σ quantity × age over the open layers, in unit-days, exact (0 when nothing is on hand):
   * `averageAge` is quantityDays / quantity, and `rollupAging` adds these, not the rounded averages.
   */
  readonly quantityDays: Decimal;
  /** Age of the oldest open layer, in days; `null` when nothing is on hand. */
  readonly oldestAge: number | null;
  /** Why the ages are `null`: `'nothing_on_hand'`; `null` when they are numbers. */
  readonly ageReason: "nothing_on_hand" | null;
}

/**
 * Splits the stock on hand of one SKU into age buckets by the receipt day of its FIFO layers.
 *
 * Definition: each open layer has age = asOf − receivedDate, in whole days; its quantity and value
 * go to the bucket holding that age (0–30, 31–60, 61–90, 91–180, 181–365, over 365 by default; the
 * bound is included in the bucket it closes). averageAge = Σ(quantity × age) / Σ quantity;
 * oldestAge = the largest layer age. Bucket quantities and values add up exactly to the layers'.
 *
 * Aging reads the open layers only; the replay engine decides what they are (see
 * `docs/formulas.md#aging`): a transfer keeps the layer's receipt day, a customer return and a
 * positive count adjustment open a new layer dated that day, and issues and negative adjustments
 * consume the oldest layers first. A SKU with negative stock has no layers: all buckets are empty
 * and the ages are `null`.
 *
 * @param history - the replayed history of one SKU.
 * @param options - `asOf` (default the period end), `buckets` (default `[30, 60, 90, 180, 365]`).
 * @throws InvKpiError `out_of_range` when `asOf` is before the last movement or before a layer's
 *   receipt day (an age would be negative), `invalid_option` for bad `buckets` or an unknown option
 *   name, `invalid_date` when `asOf` is not a real day, `invalid_argument` for options that are not
 *   an object.
 * @example
 * ```ts
 * import { Decimal, stockAging } from "invkpi";
 * const layer = (receivedDate: string, quantity: number, value: string) =>
 *   ({ receivedDate, quantity, value: new Decimal(value), unitCost: new Decimal(value).div(quantity) });
 * const aging = stockAging({
 *   sku: "A-100",
 *   period: { from: "2024-01-01", to: "2024-12-31", days: 366 },
 *   lastMovementDate: "2024-12-20",
 *   layers: [layer("2024-06-04", 30, "150.00"), layer("2024-12-20", 10, "60.00")],
 * });
 * aging.buckets.map((b) => b.quantity); // [10, 0, 0, 0, 30, 0]  (ages 11 and 210 days)
 * aging.averageAge; // 160.25  = (30 × 210 + 10 × 11) / 40
 * aging.oldestAge; // 210
 * ```
 */
export function stockAging(history: StockAgingInput, options: StockAgingOptions = {}): StockAging {
  requireOptionNames(options, OPTIONS, "stockAging");
  return stockAgingWithoutNameCheck(history, options);
}

/**
 * {@link stockAging} without the check of its option names: for the report, which calls it once
 * per SKU with options of its own making.
 * @internal
 */
export function stockAgingWithoutNameCheck(
  history: StockAgingInput,
  options: StockAgingOptions,
): StockAging {
  const fn = "stockAging";
  const definitions = sameAgingBuckets(options.buckets, fn);
  const asOf = resolveAsOf(history, options.asOf, fn);
  return agingOfLayers(history, definitions, asOf, formatDay(asOf), fn);
}

/**
 * The body of {@link stockAging}, its options resolved: `definitions` from `agingBuckets`, `asOf`
 * checked by `resolveAsOf` for this history, and `asOfText` its `'YYYY-MM-DD'` form.
 */
function agingOfLayers(
  history: StockAgingInput,
  definitions: readonly AgingBucketDefinition[],
  asOf: Day,
  asOfText: string,
  fn: string,
): StockAging {
  const ages = layerAges(history.layers, asOf, fn);
  const sums =
    scaledSums(history.layers, ages, definitions) ?? exactSums(history.layers, ages, definitions);
  const onHand = sums.quantity > 0;
  return {
    sku: history.sku,
    ...(history.location !== undefined && { location: history.location }),
    asOf: asOfText,
    // Written out, not `{ ...d, quantity, value }`: V8 spreads these definitions ~40× slower.
    buckets: definitions.map((d, i) => ({
      label: d.label,
      fromDays: d.fromDays,
      toDays: d.toDays,
      quantity: sums.quantities[i]!,
      value: sums.values[i]!,
    })),
    quantity: sums.quantity,
    value: sums.value,
    averageAge: onHand ? sums.averageAge : null,
    quantityDays: sums.quantityDays,
    oldestAge: onHand ? sums.oldestAge : null,
    ageReason: onHand ? null : "nothing_on_hand",
  };
}

/** What the buckets add up to; `averageAge` and `oldestAge` only mean something when quantity > 0. */
interface LayerSums {
  readonly quantities: readonly number[];
  readonly values: readonly Decimal[];
  readonly quantity: number;
  readonly value: Decimal;
  readonly averageAge: number;
  readonly quantityDays: Decimal;
  readonly oldestAge: number;
}

/** The age of every layer, in days. */
function layerAges(layers: readonly StockLayer[], asOf: Day, fn: string): number[] {
  const ages: number[] = new Array(layers.length);
  for (let i = 0; i < layers.length; i++) ages[i] = layerAge(layers[i]!, i, asOf, fn);
  return ages;
}

/**
 * The sums as exact decimals (any quantities): the definition. Quantities and quantity × age are
 * summed as decimals and converted to numbers at the end; values are summed as decimals.
 */
function exactSums(
  layers: readonly StockLayer[],
  ages: readonly number[],
  definitions: readonly AgingBucketDefinition[],
): LayerSums {
  const quantities = definitions.map(() => new Decimal(0));
  const values = definitions.map(() => new Decimal(0));
  let quantityDays = new Decimal(0);
  let oldestAge = 0;
  layers.forEach((layer, index) => {
    const age = ages[index]!;
    const bucket = bucketIndexOf(definitions, age);
    quantities[bucket] = quantities[bucket]!.plus(layer.quantity);
    values[bucket] = values[bucket]!.plus(layer.value);
    quantityDays = quantityDays.plus(new Decimal(layer.quantity).times(age));
    oldestAge = index === 0 ? age : Math.max(oldestAge, age);
  });
  const quantity = sumDecimals(quantities);
  return {
    quantities: quantities.map((q) => q.toNumber()),
    values,
    quantity: quantity.toNumber(),
    value: sumDecimals(values),
    averageAge: quantity.gt(0) ? quotientToNumber(quantityDays, quantity) : 0,
    quantityDays,
    oldestAge,
  };
}

/**
 * {@link exactSums} with numbers, for layers whose quantities are integers at a common scale 10^k
 * (at most 9 decimals and 15 significant digits each: nearly every ledger), or `null` otherwise.
 *
 * Why the results are the same: such a quantity is exactly `units × 10^-k` as a decimal, and
 * `Math.round(q × 10^k)` finds `units` while it stays below 2^51. With Σ |units| × (age + 1) below
 * 2^53, every sum of units and of units × age is an exact integer in a double. A bucket quantity
 * units / 10^k is then one correctly rounded division (the double nearest to the exact decimal),
 * and the average age Σ units × age / Σ units a quotient of two integers below 2^53, which rounds to
 * the same double as the 40-digit decimal quotient (see `quotientToNumber` in src/model). Values
 * are added as decimals in the same order as `exactSums`, skipping only empty buckets (adding zero
 * changes nothing).
 */
function scaledSums(
  layers: readonly StockLayer[],
  ages: readonly number[],
  definitions: readonly AgingBucketDefinition[],
): LayerSums | null {
  const scale = commonScale(layers);
  if (scale === null) return null;
  const factor = pow10(scale);
  const count = definitions.length;
  const units: number[] = new Array(count).fill(0);
  // Exact sums without a Decimal per addition (layer values are short decimals: a quantity times a
  // cost, or an allocation at six decimals), the same decimals as adding with Decimal.plus.
  const values: (ExactSum | undefined)[] = new Array(count);
  let bound = 0;
  let unitDays = 0;
  let oldestAge = 0;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    const age = ages[i]!;
    const scaled = Math.round(layer.quantity * factor);
    bound += Math.abs(scaled) * (age + 1);
    // Below 2^51 (SCALED_UNITS_LIMIT) a quantity scaled by a power of ten rounds to the exact
    // integer; below 2^53 (EXACT_INTEGER_LIMIT) every sum of integers is exact in a double.
    if (!(Math.abs(scaled) < SCALED_UNITS_LIMIT) || !(bound < EXACT_INTEGER_LIMIT)) return null;
    const bucket = bucketIndexOf(definitions, age);
    units[bucket]! += scaled;
    const sum = values[bucket] ?? new ExactSum();
    values[bucket] = sum;
    sum.addDecimal(layer.value);
    unitDays += scaled * age;
    oldestAge = i === 0 ? age : Math.max(oldestAge, age);
  }
  let totalUnits = 0;
  const bucketValues: Decimal[] = new Array(count);
  const value = new ExactSum();
  for (let i = 0; i < count; i++) {
    totalUnits += units[i]!;
    const sum = values[i];
    // A bucket without layers shows a zero of its own.
    bucketValues[i] = sum === undefined ? new Decimal(0) : ownValue(sum);
    if (sum !== undefined) value.addDecimal(bucketValues[i] as Decimal);
  }
  // 0 + 0 is 0 and 0 + (−0) is 0 in both decimals and doubles: `+ 0` keeps that.
  const toQuantity = (u: number) => (scale === 0 ? u : u / factor) + 0;
  return {
    quantities: units.map(toQuantity),
    values: bucketValues,
    quantity: toQuantity(totalUnits),
    value: ownValue(value),
    averageAge: totalUnits > 0 ? unitDays / totalUnits : 0,
    quantityDays: toDecimalScaled(unitDays, scale),
    oldestAge,
  };
}

/**
 * A sum's value as a Decimal of this result's own: `ExactSum` gives one shared zero for a sum of
 * zeros, and a caller may compare results by identity.
 */
function ownValue(sum: ExactSum): Decimal {
  const value = sum.value();
  return value.isZero() ? new Decimal(0) : value;
}

/** The smallest scale at which every layer quantity is an integer, or `null` (see `scaledSums`). */
function commonScale(layers: readonly StockLayer[]): number | null {
  let scale = 0;
  for (let i = 0; i < layers.length; i++) {
    const quantity = layers[i]!.quantity;
    if (Number.isInteger(quantity)) continue;
    const places = decimalPlaces(quantity, MAX_QUANTITY_DECIMALS);
    if (places < 0 || !(Math.abs(quantity) * pow10(places) < 1e15)) return null;
    if (places > scale) scale = places;
  }
  return scale;
}

function layerAge(layer: StockLayer, index: number, asOf: Day, fn: string): number {
  const received =
    tryToDay(layer.receivedDate) ??
    invalidDay(layer.receivedDate, `${fn}: layers[${index}].receivedDate`);
  if (received > asOf) {
    throw new InvKpiError(
      "out_of_range",
      `${fn}: asOf (${formatDay(asOf)}) is before the receipt day of layers[${index}] (${layer.receivedDate}); an age cannot be negative`,
      {
        path: ["layers", index, "receivedDate"],
        details: { asOf: formatDay(asOf), receivedDate: layer.receivedDate },
      },
    );
  }
  return asOf - received;
}
