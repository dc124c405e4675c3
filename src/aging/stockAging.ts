import { Decimal } from "../model/Decimal.js";
import { type Day, type DayInput, formatDay, toDay } from "../model/day.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { SkuHistory, StockLayer } from "../model/SkuHistory.js";
import { sumDecimals } from "../model/sumDecimals.js";
import { type AgingBucketDefinition, agingBuckets, bucketIndexOf } from "./agingBuckets.js";
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
 *   receipt day (an age would be negative), `invalid_option` for bad `buckets`, `invalid_date` when
 *   `asOf` is not a real day.
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
  const fn = "stockAging";
  const definitions = agingBuckets(options.buckets, fn);
  const asOf = resolveAsOf(history, options.asOf, fn);
  const quantities = definitions.map(() => new Decimal(0));
  const values = definitions.map(() => new Decimal(0));
  let quantityDays = new Decimal(0);
  let oldestAge: number | null = null;
  for (const [index, layer] of history.layers.entries()) {
    const age = layerAge(layer, index, asOf, fn);
    const bucket = bucketIndexOf(definitions, age);
    quantities[bucket] = quantities[bucket]!.plus(layer.quantity);
    values[bucket] = values[bucket]!.plus(layer.value);
    quantityDays = quantityDays.plus(new Decimal(layer.quantity).times(age));
    oldestAge = Math.max(oldestAge ?? age, age);
  }
  const quantity = sumDecimals(quantities);
  const onHand = quantity.gt(0);
  return {
    sku: history.sku,
    ...(history.location !== undefined && { location: history.location }),
    asOf: formatDay(asOf),
    buckets: definitions.map((d, i) => ({
      ...d,
      quantity: quantities[i]!.toNumber(),
      value: values[i]!,
    })),
    quantity: quantity.toNumber(),
    value: sumDecimals(values),
    averageAge: onHand ? quantityDays.div(quantity).toNumber() : null,
    oldestAge: onHand ? oldestAge : null,
    ageReason: onHand ? null : "nothing_on_hand",
  };
}

function layerAge(layer: StockLayer, index: number, asOf: Day, fn: string): number {
  const received = toDay(layer.receivedDate, `${fn}: layers[${index}].receivedDate`);
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
