import {
  requireFinite,
  requireNonNegative,
  requirePositive,
  requireVariant,
} from "../model/assert.js";
import { compareGroupKeys } from "../model/compareText.js";
import type { Decimal } from "../model/Decimal.js";
import { ExactSum } from "../model/ExactSum.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { isOwnExactDecimal, type MoneyInput, toDecimal } from "../model/money.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { requireArgs, requireArray } from "./guards.js";
import { perAverageInventory } from "./Outcome.js";
import type { SellThroughVariant } from "./sellThrough.js";
import { SELL_THROUGH_VARIANTS } from "./sellThrough.js";
import type { TurnoverAmounts } from "./TurnoverAmounts.js";
import type { TurnoverBasis, TurnoverRatios } from "./turnoverRatios.js";
import { TURNOVER_BASES, turnoverRatios } from "./turnoverRatios.js";

/**
 * The additive parts of one SKU's turnover figures, the input of {@link rollupTurnover}. A
 * `SkuHistory`, a `TurnoverFigures` row and a `TurnoverRollup` all have these fields, so histories,
 * per-SKU rows and earlier rollups (of shards, of groups) can be rolled up alike. Every item must
 * cover the same period.
 */
export interface TurnoverParts {
  readonly openingQuantity: number;
  readonly openingValue: MoneyInput;
  readonly closingQuantity: number;
  readonly closingValue: MoneyInput;
  /** Average units on hand over the period. */
  readonly averageQuantity: number;
  /** Average inventory at cost over the period. */
  readonly averageValue: MoneyInput;
  /** Average inventory at selling price; absent or `null` when unknown (then no retail turnover). */
  readonly averageRetailValue?: MoneyInput | null;
  readonly receivedQuantity: number;
  /** Units transferred in from other locations; default 0 (`SkuHistory` has it). */
  readonly transferredInQuantity?: number;
  /** Units transferred out to other locations; default 0. */
  readonly transferredOutQuantity?: number;
  readonly issuedQuantity: number;
  readonly returnedQuantity: number;
  /** Cost of goods sold, net of returns. */
  readonly cogs: MoneyInput;
  readonly revenue: MoneyInput;
  /** Issue lines without a selling price. */
  readonly issuesWithoutPrice: number;
  /** Value of negative adjustments, as a positive amount. */
  readonly shrinkageValue: MoneyInput;
  /** The item's period length; when present it must equal `options.periodDays`. */
  readonly periodDays?: number;
  /** How many SKUs the item stands for (an earlier rollup); default 1. */
  readonly count?: number;
}

/** The fields of `T` whose values are text (or missing), usable as a group key. */
export type GroupKeyField<T> = {
  [K in keyof T]-?: T[K] extends string | null | undefined ? K : never;
}[keyof T];

/** Options of {@link rollupTurnover}. */
export interface RollupTurnoverOptions<T extends TurnoverParts> {
  /** Length of the items' common period in days (> 0). Required. */
  readonly periodDays: number;
  /**
   * How to group: the name of a text field of the items (`'location'`, `'category'`), or a function
   * of an item (`(row) => categoryOf(row.sku)`). A missing value (`null`, `undefined`) is a group of
   * its own, with key `null`. Default: no groups, only the portfolio total.
   */
  readonly groupBy?: GroupKeyField<T> | ((item: T) => string | null | undefined);
  /** Turnover basis; default `'cost'`. */
  readonly basis?: TurnoverBasis;
  /** Sell-through variant; default `'opening-plus-received'`. */
  readonly sellThroughVariant?: SellThroughVariant;
}

/**
 * The turnover figures of a set of SKUs: the sums of their parts, and ratios of those sums. Its
 * fields are {@link TurnoverParts}, so a rollup can be rolled up again (shards, groups of groups).
 */
export interface TurnoverRollup extends TurnoverRatios, TurnoverAmounts {
  /** Number of SKUs rolled up (an item that is itself a rollup counts its own `count`). */
  readonly count: number;
  readonly periodDays: number;
  readonly basis: TurnoverBasis;
  readonly issuesWithoutPrice: number;
  /** Σ units transferred in and out: within a group holding both ends of a transfer they cancel. */
  readonly transferredInQuantity: number;
  readonly transferredOutQuantity: number;
  readonly shrinkageValue: Decimal;
  readonly shrinkageRate: number | null;
}

/** The rollup of one group. */
export interface TurnoverGroup extends TurnoverRollup {
  /** The group's key; `null` for the items without one. */
  readonly key: string | null;
}

/** The result of {@link rollupTurnover}. */
export interface TurnoverRollupResult {
  /** One rollup per key, sorted by key (code-unit order), the `null` key last. */
  readonly groups: readonly TurnoverGroup[];
  /** The whole portfolio. */
  readonly total: TurnoverRollup;
}

const FN = "rollupTurnover";
/** The option names of {@link rollupTurnover}. */
const OPTIONS = optionNames<RollupTurnoverOptions<TurnoverParts>>()([
  "periodDays",
  "groupBy",
  "basis",
  "sellThroughVariant",
]);

/**
 * Rolls per-SKU turnover figures up by a key (category, location, any function of the SKU) and for
 * the whole portfolio.
 *
 * A rolled-up ratio is the ratio of the sums, never the mean of the per-SKU ratios:
 *
 * turnover(group) = Σ COGS / Σ average inventory   (cost basis; units and retail alike)
 *
 * The mean of per-SKU turnovers gives a slow SKU with little stock the same weight as a fast one with
 * much, and answers no question; the ratio of sums is the turnover of the group's stock as a whole.
 * Likewise days of inventory = periodDays / turnover, GMROI = (Σ revenue − Σ COGS) / Σ average value,
 * sell-through = Σ net units sold / (Σ opening + Σ received + Σ transferred in − Σ transferred out),
 * shrinkage rate = Σ shrinkage / Σ average
 * value, days of supply at the end = Σ closing units / (Σ (issued − returned) / periodDays). Capital
 * tied up is Σ closing value and Σ average value. Sums are exact (money and quantities in decimals),
 * so the result does not depend on the order of the items, and rollups compose: the rollup of group
 * rollups equals the rollup of all their items. Quantity figures (units basis, sell-through, days of
 * supply) add units of different SKUs: meaningful only when the SKUs share a unit of measure.
 *
 * Defaults: `basis: 'cost'`, `sellThroughVariant: 'opening-plus-received'`, no grouping. `null`
 * figures carry their reason as in `turnoverFigures`.
 *
 * @param items - per-SKU parts (`SkuHistory`, `TurnoverFigures` rows, or earlier rollups).
 * @param options - see {@link RollupTurnoverOptions}.
 * @returns the groups and the portfolio total.
 * @throws InvKpiError `invalid_argument` (items not an array, an item not an object, a quantity that
 *   is not a finite number, a key that is not text, an item whose `periodDays` differs),
 *   `out_of_range` (`periodDays` ≤ 0, negative `issuesWithoutPrice` or `count`), `invalid_option` (unknown
 *   basis or variant, a `groupBy` that is neither a field name nor a function, an unknown option
 *   name), `invalid_money`.
 * @example
 * ```ts
 * import { rollupTurnover } from "invkpi";
 * const row = (sku: string, category: string, cogs: number, averageValue: number) => ({
 *   sku, category, cogs, averageValue, openingValue: averageValue, closingValue: averageValue,
 *   openingQuantity: 0, closingQuantity: 0, averageQuantity: 0, receivedQuantity: 0,
 *   issuedQuantity: 0, returnedQuantity: 0, revenue: 0, issuesWithoutPrice: 0, shrinkageValue: 0,
 * });
 * const { groups, total } = rollupTurnover(
 *   [row("A", "tools", 100, 10), row("B", "tools", 100, 90), row("C", "paint", 100, 25)],
 *   { periodDays: 365, groupBy: "category" },
 * );
 * groups.map((g) => [g.key, g.turnover]); // [["paint", 4], ["tools", 2]]
 * total.turnover; // 2.4 (300 / 125; the mean of the per-SKU turnovers 10, 1.11 and 4 is 5.04)
 * ```
 */
export function rollupTurnover<T extends TurnoverParts>(
  items: readonly T[],
  options: RollupTurnoverOptions<T>,
): TurnoverRollupResult {
  requireArray(items, FN, "items");
  requireArgs(options, FN, "options");
  requireOptionNames(options, OPTIONS, FN);
  const settings = {
    periodDays: requirePositive(options.periodDays, FN, "periodDays"),
    basis: requireVariant(options.basis ?? "cost", TURNOVER_BASES, FN, "basis"),
    sellThroughVariant: requireVariant(
      options.sellThroughVariant ?? "opening-plus-received",
      SELL_THROUGH_VARIANTS,
      FN,
      "sellThroughVariant",
    ),
  };
  const keyOf = keyFunction(options.groupBy);

  const total = new Sums();
  const byKey = new Map<string | null, Sums>();
  items.forEach((item, index) => {
    const parts = exactParts(item, index, settings.periodDays);
    total.add(parts);
    if (keyOf === null) return;
    const key = groupKey(keyOf(item), index);
    let sums = byKey.get(key);
    if (sums === undefined) {
      sums = new Sums();
      byKey.set(key, sums);
    }
    sums.add(parts);
  });

  const groups = [...byKey.entries()]
    .sort(([a], [b]) => compareGroupKeys(a, b))
    .map(([key, sums]): TurnoverGroup => ({ key, ...sums.rollup(settings) }));
  return { groups, total: total.rollup(settings) };
}

/** One item's parts, checked: quantities as numbers, money as exact decimals. */
interface ItemParts {
  readonly count: number;
  readonly quantities: readonly number[];
  readonly amounts: readonly Decimal[];
  /** `null` when the item has no retail value. */
  readonly averageRetailValue: Decimal | null;
  readonly issuesWithoutPrice: number;
}

/** The quantity fields, in the order of `ItemParts.quantities` (the transfers may be absent: 0). */
const QUANTITY_FIELDS = [
  "openingQuantity",
  "closingQuantity",
  "averageQuantity",
  "receivedQuantity",
  "issuedQuantity",
  "returnedQuantity",
  "transferredInQuantity",
  "transferredOutQuantity",
] as const;
/** The quantity fields an item may leave out. */
const OPTIONAL_QUANTITIES: ReadonlySet<string> = new Set([
  "transferredInQuantity",
  "transferredOutQuantity",
]);
/** The money fields summed for every item, in the order of `ItemParts.amounts`. */
const MONEY_FIELDS = [
  "openingValue",
  "closingValue",
  "averageValue",
  "cogs",
  "revenue",
  "shrinkageValue",
] as const;

type QuantityField = (typeof QUANTITY_FIELDS)[number];
type MoneyField = (typeof MONEY_FIELDS)[number] | "averageRetailValue";

function exactParts(item: TurnoverParts, index: number, periodDays: number): ItemParts {
  if (item === null || typeof item !== "object") requireArgs(item, FN, `items[${index}]`);
  if (item.periodDays !== undefined && item.periodDays !== periodDays) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: items[${index}] covers ${describeValue(item.periodDays)} days but options.periodDays is ${periodDays}: roll up one period at a time`,
      { path: ["items", index, "periodDays"] },
    );
  }
  const retail = item.averageRetailValue;
  return {
    count: item.count === undefined ? 1 : nonNegativeOf(item.count, "count", index),
    quantities: QUANTITY_FIELDS.map((name) => quantityOf(item, name, index)),
    amounts: MONEY_FIELDS.map((name) => moneyOf(item, name, index)),
    averageRetailValue:
      retail === undefined || retail === null ? null : moneyOf(item, "averageRetailValue", index),
    issuesWithoutPrice: nonNegativeOf(item.issuesWithoutPrice, "issuesWithoutPrice", index),
  };
}

// Per item and field, so the error labels (`rollupTurnover: items[3].cogs`) are only built for a
// value that fails: building thirteen of them per SKU cost more than the checks.

/** A count field of an item, checked finite and ≥ 0. */
function nonNegativeOf(
  value: unknown,
  name: "count" | "issuesWithoutPrice",
  index: number,
): number {
  return typeof value === "number" && value >= 0 && value < Number.POSITIVE_INFINITY
    ? value
    : requireNonNegative(value, FN, `items[${index}].${name}`);
}

/**
 * A quantity field of an item, checked finite (a number means its shortest decimal form); an
 * absent transfer quantity is 0.
 */
function quantityOf(item: TurnoverParts, name: QuantityField, index: number): number {
  const value = item[name];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (value === undefined && OPTIONAL_QUANTITIES.has(name)) return 0;
  return requireFinite(value, FN, `items[${index}].${name}`);
}

/** A money field of an item as an exact decimal. */
function moneyOf(item: TurnoverParts, name: MoneyField, index: number): Decimal {
  const value = item[name] as MoneyInput;
  return isOwnExactDecimal(value) ? value : toDecimal(value, `${FN}: items[${index}].${name}`);
}

/**
 * Running exact sums of the parts of a set of items (`ExactSum`: the same decimals as adding
 * with `Decimal.plus`, without a `Decimal` per addition).
 */
class Sums {
  private count = 0;
  private readonly quantities = QUANTITY_FIELDS.map(() => new ExactSum());
  private readonly amounts = MONEY_FIELDS.map(() => new ExactSum());
  /** `null` once an item had no retail value: the set's retail value is then unknown. */
  private averageRetailValue: ExactSum | null = new ExactSum();
  private issuesWithoutPrice = 0;

  add(item: ItemParts): void {
    this.count += item.count;
    for (let i = 0; i < item.quantities.length; i++)
      (this.quantities[i] as ExactSum).addNumber(item.quantities[i] as number);
    for (let i = 0; i < item.amounts.length; i++)
      (this.amounts[i] as ExactSum).addDecimal(item.amounts[i] as Decimal);
    if (item.averageRetailValue === null) this.averageRetailValue = null;
    else this.averageRetailValue?.addDecimal(item.averageRetailValue);
    this.issuesWithoutPrice += item.issuesWithoutPrice;
  }

  rollup(settings: {
    readonly periodDays: number;
    readonly basis: TurnoverBasis;
    readonly sellThroughVariant: SellThroughVariant;
  }): TurnoverRollup {
    const q = byField(QUANTITY_FIELDS, this.quantities, (sum) => sum.value());
    const quantity = byField(QUANTITY_FIELDS, this.quantities, (sum) => sum.toNumber());
    const m = byField(MONEY_FIELDS, this.amounts, (sum) => sum.value());
    const netTransferred = q.transferredInQuantity.minus(q.transferredOutQuantity);
    const s = {
      ...q,
      ...(netTransferred.isZero() ? {} : { netTransferredQuantity: netTransferred }),
      averageValue: m.averageValue,
      averageRetailValue: this.averageRetailValue?.value() ?? null,
      cogs: m.cogs,
      revenue: m.revenue,
      issuesWithoutPrice: this.issuesWithoutPrice,
    };
    const { ratios, reasons } = turnoverRatios(s, {
      ...settings,
      netDemand: q.issuedQuantity.minus(q.returnedQuantity),
    });
    const shrinkage = perAverageInventory(m.shrinkageValue, m.averageValue);
    return {
      count: this.count,
      periodDays: settings.periodDays,
      basis: settings.basis,
      openingQuantity: quantity.openingQuantity,
      openingValue: m.openingValue,
      closingQuantity: quantity.closingQuantity,
      closingValue: m.closingValue,
      averageQuantity: quantity.averageQuantity,
      averageValue: m.averageValue,
      averageRetailValue: s.averageRetailValue,
      receivedQuantity: quantity.receivedQuantity,
      issuedQuantity: quantity.issuedQuantity,
      returnedQuantity: quantity.returnedQuantity,
      cogs: m.cogs,
      revenue: m.revenue,
      issuesWithoutPrice: this.issuesWithoutPrice,
      transferredInQuantity: quantity.transferredInQuantity,
      transferredOutQuantity: quantity.transferredOutQuantity,
      shrinkageValue: m.shrinkageValue,
      capitalTiedUp: m.closingValue,
      averageCapital: m.averageValue,
      ...ratios,
      shrinkageRate: shrinkage.value,
      reasons:
        shrinkage.reason === null ? reasons : { ...reasons, shrinkageRate: shrinkage.reason },
    };
  }
}

type KeyFunction<T> = (item: T) => unknown;

function keyFunction<T extends TurnoverParts>(
  groupBy: RollupTurnoverOptions<T>["groupBy"],
): KeyFunction<T> | null {
  if (groupBy === undefined) return null;
  if (typeof groupBy === "function") return groupBy;
  if (typeof groupBy === "string") return (item) => item[groupBy];
  throw new InvKpiError(
    "invalid_option",
    `${FN}: groupBy must be a field name or a function, got ${describeValue(groupBy)}`,
    { path: ["groupBy"] },
  );
}

function groupKey(value: unknown, index: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  throw new InvKpiError(
    "invalid_argument",
    `${FN}: the group key of items[${index}] must be text, got ${describeValue(value)}`,
    { path: ["items", index], details: { key: value } },
  );
}

/**
 * What `read` gives for each sum, by its field name (`fields[i]` names `sums[i]`): the exact values
 * (`ExactSum.value`), or the nearest doubles (`ExactSum.toNumber`: no `Decimal` made).
 */
function byField<K extends string, V>(
  fields: readonly K[],
  sums: readonly ExactSum[],
  read: (sum: ExactSum) => V,
): Record<K, V> {
  const values = {} as Record<K, V>;
  fields.forEach((field, i) => {
    values[field] = read(sums[i] as ExactSum);
  });
  return values;
}
