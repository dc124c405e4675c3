import { compareGroupKeys } from "../model/compareText.js";
import type { Decimal } from "../model/Decimal.js";
import { decimalOfNumber } from "../model/decimalOfNumber.js";
import { ExactSum } from "../model/ExactSum.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { sumDecimals } from "../model/sumDecimals.js";
import type { AgingBucketDefinition } from "./agingBuckets.js";
import type { MovementStatus } from "./movementStatus.js";
import { type MovementStatusTotals, movementStatusTotals } from "./movementStatusTotals.js";
import type { AgingBucket, StockAging } from "./stockAging.js";
import { sumQuantities } from "./sumQuantities.js";

/**
 * One SKU (or SKU at a location) to roll up: its group fields, its {@link stockAging} and its
 * {@link movementStatus}, both computed with the same `asOf`.
 */
export interface AgingRollupItem {
  readonly sku: string;
  readonly location?: string | null;
  readonly category?: string | null;
  /**
   * The SKU's aging. `quantityDays` (which {@link stockAging} always gives) makes the group's
   * average age exact; without it the rollup weighs each rounded `averageAge` by its quantity.
   */
  readonly aging: Pick<StockAging, "buckets" | "quantity" | "averageAge" | "oldestAge"> &
    Partial<Pick<StockAging, "quantityDays">>;
  readonly status: Pick<MovementStatus, "status" | "value">;
}

/**
 * How items are grouped: by their `category`, their `location`, or any key a function computes
 * (`null` or `undefined` for "no group").
 */
export type AgingRollupKey =
  | "category"
  | "location"
  | ((item: AgingRollupItem) => string | null | undefined);

/** Options of {@link rollupAging}. */
export interface RollupAgingOptions {
  /**
   * The group key. Default `'category'`. `null`: no groups, the total only (as `rollupTurnover`
   * without `groupBy`).
   */
  readonly key?: AgingRollupKey | null;
}

/** The option names of {@link rollupAging}. */
const OPTIONS = optionNames<RollupAgingOptions>()(["key"]);

/** The aging and slow-mover figures of a set of SKUs. */
export interface AgingRollupFigures extends MovementStatusTotals {
  /** Number of items rolled up. */
  readonly itemCount: number;
  /** Σ of the items' buckets, bucket by bucket (empty when there are no items). */
  readonly buckets: readonly AgingBucket[];
  /** Units in the open layers. */
  readonly quantity: number;
  /** Value of the open layers, exact. */
  readonly value: Decimal;
  /** Quantity-weighted mean age of all the units, in days; `null` when nothing is on hand. */
  readonly averageAge: number | null;
  /** The oldest layer's age over all items, in days; `null` when nothing is on hand. */
  readonly oldestAge: number | null;
  /** Why the ages are `null`: `'nothing_on_hand'`; `null` when they are numbers. */
  readonly ageReason: "nothing_on_hand" | null;
}

/** The figures of one group. */
export interface AgingRollupGroup extends AgingRollupFigures {
  /** The group key; `null` for the items without one (no category, no location). */
  readonly key: string | null;
}

/** The result of {@link rollupAging}. */
export interface AgingRollup {
  /** One entry per key, in key order (code-unit order), the `null` group last; none for `key: null`. */
  readonly groups: readonly AgingRollupGroup[];
  /** All items together. */
  readonly total: AgingRollupFigures;
}

/**
 * Rolls per-SKU aging and movement statuses up by category, location or any key.
 *
 * Definition, per group: bucket quantity and value = Σ over the items of that bucket (exact);
 * averageAge = Σ quantityDaysᵢ / Σ quantityᵢ over the items with stock (quantityDaysᵢ = Σ quantity ×
 * age of the item's layers, exact; averageAgeᵢ × quantityᵢ for an item without it), which is the
 * quantity-weighted mean age of all their units; oldestAge = max oldestAgeᵢ; slow, dead and
 * never-moved value, their shares of the group's inventory value and the counts per status as
 * {@link movementStatusTotals}. Every item must use the same buckets.
 *
 * @param items - one entry per SKU (or SKU at a location).
 * @param options - `key` (default `'category'`; `null` for the total only).
 * @throws InvKpiError `invalid_argument` when the items' buckets differ or the options are not an
 *   object; `invalid_option` for an unknown `key` or option name.
 * @example
 * ```ts
 * import { Decimal, movementStatus, rollupAging, stockAging } from "invkpi";
 * const period = { from: "2024-01-01", to: "2024-12-31", days: 366 };
 * // Two SKUs of one category, never issued, each with one layer received on `day`.
 * const history = (sku: string, day: string, quantity: number, value: string) => ({
 *   sku, period, closingQuantity: quantity, closingValue: new Decimal(value),
 *   lastIssueDate: null, lastMovementDate: day,
 *   layers: [{ receivedDate: day, quantity, value: new Decimal(value), unitCost: new Decimal(1) }],
 * });
 * const items = [history("T1", "2024-12-01", 10, "50"), history("T2", "2024-01-01", 30, "90")].map(
 *   (h) => ({ sku: h.sku, category: "tea", aging: stockAging(h), status: movementStatus(h) }),
 * );
 * const { groups } = rollupAging(items, { key: "category" });
 * groups[0]?.averageAge; // 281.25  = (10 × 30 + 30 × 365) / 40
 * groups[0]?.neverMovedValue.toFixed(2); // "140.00"
 * ```
 */
export function rollupAging(
  items: readonly AgingRollupItem[],
  options: RollupAgingOptions = {},
): AgingRollup {
  requireOptionNames(options, OPTIONS, "rollupAging");
  const key = options.key === undefined ? "category" : options.key;
  const keyOf = key === null ? null : resolveKey(key);
  requireSameBuckets(items);
  const total = rollupFigures(items);
  if (keyOf === null) return { groups: [], total };
  const byKey = new Map<string | null, AgingRollupItem[]>();
  for (const item of items) {
    const key = keyOf(item) ?? null;
    const group = byKey.get(key);
    if (group) group.push(item);
    else byKey.set(key, [item]);
  }
  const groups = [...byKey.entries()]
    .sort(([a], [b]) => compareGroupKeys(a, b))
    .map(([groupKey, members]) => ({ key: groupKey, ...rollupFigures(members) }));
  return { groups, total };
}

function rollupFigures(items: readonly AgingRollupItem[]): AgingRollupFigures {
  const buckets = sumBuckets(items);
  const quantitySum = sumQuantities(items.map((i) => i.aging.quantity));
  const quantity = quantitySum.value;
  const quantityDays = new ExactSum();
  let oldestAge: number | null = null;
  for (const { aging } of items) {
    if (aging.averageAge !== null && aging.oldestAge !== null) {
      // The exact unit-days: a sum of rounded averages × quantities can miss the last digit
      // (8.842105263157894 for 168 / 19).
      quantityDays.addDecimal(
        aging.quantityDays ??
          decimalOfNumber(aging.averageAge).times(decimalOfNumber(aging.quantity)),
      );
      oldestAge = Math.max(oldestAge ?? aging.oldestAge, aging.oldestAge);
    }
  }
  const onHand = quantity > 0;
  return {
    itemCount: items.length,
    buckets,
    quantity,
    value: sumDecimals(buckets.map((b) => b.value)),
    averageAge: onHand ? quotientToNumber(quantityDays.value(), quantitySum.exact()) : null,
    oldestAge: onHand ? oldestAge : null,
    ageReason: onHand ? null : "nothing_on_hand",
    ...movementStatusTotals(items.map((i) => i.status)),
  };
}

function sumBuckets(items: readonly AgingRollupItem[]): AgingBucket[] {
  const first = items[0];
  if (first === undefined) return [];
  // One pass over the items, every bucket at once: the items lie scattered in memory, and reading
  // each once costs less than one pass per bucket.
  const quantities = first.aging.buckets.map(() => new ExactSum());
  const values = first.aging.buckets.map(() => new ExactSum());
  for (let i = 0; i < items.length; i++) {
    const buckets = (items[i] as AgingRollupItem).aging.buckets;
    for (let b = 0; b < buckets.length; b++) {
      const bucket = buckets[b] as AgingBucket;
      (quantities[b] as ExactSum).addNumber(bucket.quantity);
      (values[b] as ExactSum).addDecimal(bucket.value);
    }
  }
  return first.aging.buckets.map((definition, index) => ({
    label: definition.label,
    fromDays: definition.fromDays,
    toDays: definition.toDays,
    quantity: (quantities[index] as ExactSum).toNumber(),
    value: (values[index] as ExactSum).value(),
  }));
}

function requireSameBuckets(items: readonly AgingRollupItem[]): void {
  const first = items[0]?.aging.buckets ?? [];
  items.forEach((item, index) => {
    const buckets = item.aging.buckets;
    const same =
      buckets.length === first.length && buckets.every((b, i) => sameBounds(b, first[i]!));
    if (!same) {
      throw new InvKpiError(
        "invalid_argument",
        `rollupAging: items[${index}] (${item.sku}) has other aging buckets than items[0]; compute every item's aging with the same buckets`,
        { path: ["items", index, "aging", "buckets"] },
      );
    }
  });
}

function sameBounds(a: AgingBucketDefinition, b: AgingBucketDefinition): boolean {
  return a.fromDays === b.fromDays && a.toDays === b.toDays;
}

function resolveKey(key: AgingRollupKey): (item: AgingRollupItem) => string | null | undefined {
  if (typeof key === "function") return key;
  if (key === "category") return (item) => item.category;
  if (key === "location") return (item) => item.location;
  throw new InvKpiError(
    "invalid_option",
    `rollupAging: key must be 'category', 'location' or a function, got ${describeValue(key)}`,
    { path: ["key"], details: { value: key } },
  );
}
