import { requireNonNegative, requirePositive, requireVariant } from "../model/assert.js";
import type { Decimal } from "../model/Decimal.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { MoneyInput } from "../model/money.js";
import { toDecimal } from "../model/money.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { averageInventoryWithoutNameCheck } from "./averageInventory.js";
import { averageRetailValue } from "./averageRetailValue.js";
import { exactQuantity, requireArgs } from "./guards.js";
import { perAverageInventory } from "./Outcome.js";
import type { SellThroughVariant } from "./sellThrough.js";
import { SELL_THROUGH_VARIANTS } from "./sellThrough.js";
import type { TurnoverAmounts } from "./TurnoverAmounts.js";
import type { TurnoverReasons } from "./TurnoverNullReason.js";
import type { ExactTurnoverParts, TurnoverBasis, TurnoverRatios } from "./turnoverRatios.js";
import { TURNOVER_BASES, turnoverRatios } from "./turnoverRatios.js";

/** How the average inventory of a replayed period is taken; the first is the default. */
export const AVERAGE_METHODS = ["daily", "endpoints", "monthly"] as const;

/**
 * Average-inventory method of {@link turnoverFigures}:
 * - `daily` (default): time-weighted, the mean of the end-of-day balances of every day of the period;
 * - `endpoints`: (opening + closing) / 2;
 * - `monthly`: (opening + each month-end balance inside the period) / (month ends + 1).
 */
export type AverageMethod = (typeof AVERAGE_METHODS)[number];

/**
 * What {@link turnoverFigures} reads of a SKU's period: a subset of `SkuHistory` (a replayed history
 * fits as is), with money accepted as `number | string | Decimal` so that figures from any source
 * (an ERP's period totals) can be used without a ledger.
 */
export interface TurnoverFiguresInput {
  readonly sku: string;
  readonly location?: string;
  /** The period; only its length in days (> 0) is read. */
  readonly period: { readonly days: number };
  readonly openingQuantity: number;
  readonly openingValue: MoneyInput;
  readonly closingQuantity: number;
  readonly closingValue: MoneyInput;
  /** Time-weighted average units on hand (mean of the end-of-day balances), for `daily`. */
  readonly averageQuantity: number;
  /** Time-weighted average value at cost, for `daily`. */
  readonly averageValue: MoneyInput;
  readonly receivedQuantity: number;
  /** Units transferred in from other locations (a `SkuHistory` by location has them); default 0. */
  readonly transferredInQuantity?: number;
  /** Units transferred out to other locations; default 0. */
  readonly transferredOutQuantity?: number;
  readonly issuedQuantity: number;
  readonly returnedQuantity: number;
  /** Cost of goods sold, net of returns. */
  readonly cogs: MoneyInput;
  /** Revenue of issues net of returns. */
  readonly revenue: MoneyInput;
  /** Issue lines without a selling price (revenue is incomplete when > 0). */
  readonly issuesWithoutPrice: number;
  /** Value of negative adjustments, as a positive amount. */
  readonly shrinkageValue: MoneyInput;
  /** Balances at each month end inside the period, for `monthly`. */
  readonly monthEnds: readonly { readonly quantity: number; readonly value: MoneyInput }[];
  /** Net demand (issues − returns) of the period in units: `demand.day.sum`. */
  readonly demand: { readonly day: { readonly sum: number } };
}

/** Options of {@link turnoverFigures}. */
export interface TurnoverFiguresOptions {
  /** Average-inventory method; default `'daily'`. */
  readonly averageMethod?: AverageMethod;
  /** Turnover basis; default `'cost'`. */
  readonly basis?: TurnoverBasis;
  /**
   * Selling price per unit, to value the average stock at retail (`averageRetailValue`); needed for
   * the `retail` basis. Default: none (retail turnover is then `null`, reason `'no_price'`).
   */
  readonly unitPrice?: MoneyInput | null;
  /** Sell-through variant; default `'opening-plus-received'`. */
  readonly sellThroughVariant?: SellThroughVariant;
}

/**
 * The turnover figures of one SKU over its period. Quantities in the SKU's unit, money as exact
 * `Decimal` at the valuation's cost, ratios per period (not annualized). The additive parts
 * (quantities, values, COGS, revenue, shrinkage) carry the names of `SkuHistory`, so these rows feed
 * `rollupTurnover` directly.
 */
export interface TurnoverFigures extends TurnoverRatios, TurnoverAmounts {
  readonly sku: string;
  readonly location?: string;
  /** Days in the period, both ends included. */
  readonly periodDays: number;
  readonly basis: TurnoverBasis;
  readonly averageMethod: AverageMethod;
  readonly issuesWithoutPrice: number;
  /** Units transferred in and out (0 without transfers): part of sell-through's stock received. */
  readonly transferredInQuantity: number;
  readonly transferredOutQuantity: number;
  /** Value of negative adjustments (count losses, write-offs). */
  readonly shrinkageValue: Decimal;
  /** shrinkageValue / averageValue. */
  readonly shrinkageRate: number | null;
}

const FN = "turnoverFigures";
/** The option names of {@link turnoverFigures}. */
const OPTIONS = optionNames<TurnoverFiguresOptions>()([
  "averageMethod",
  "basis",
  "unitPrice",
  "sellThroughVariant",
]);

/**
 * Turnover, days of inventory, days of supply, capital tied up, GMROI, sell-through and shrinkage of
 * one SKU, from its replayed history (a `SkuHistory`, or any {@link TurnoverFiguresInput}).
 *
 * - turnover: `cost` COGS / averageValue; `units` (issued − returned) / averageQuantity; `retail`
 *   revenue / (averageQuantity × unitPrice).
 * - daysOfInventory = periodDays / turnover.
 * - daysOfSupplyAtEnd = closingQuantity / (net demand of the period / periodDays), net demand being
 *   `history.demand.day.sum` (issues − returns).
 * - capitalTiedUp = closingValue; averageCapital = averageValue.
 * - grossMargin = revenue − COGS; gmroi = grossMargin / averageValue (at cost, whatever the basis).
 * - sellThrough: net units sold / (opening + received + transferred in − transferred out) by
 *   default (transfers count at a location: stock that arrived, or was sent on, by transfer).
 * - shrinkageRate = shrinkageValue / averageValue.
 *
 * Defaults: `averageMethod: 'daily'`, `basis: 'cost'`, `sellThroughVariant: 'opening-plus-received'`.
 * Each `null` figure has its reason in `reasons` (see `TURNOVER_NULL_REASONS`): `zero_average_inventory`,
 * `negative_average_inventory`, `negative_sales`, `no_sales` (days of inventory when nothing was sold),
 * `no_demand`, `no_stock_available`, and `no_price` (retail basis without `unitPrice`; gross margin
 * and GMROI when any issue lacked a price, since the revenue is then incomplete).
 *
 * @param history - the SKU's replayed history.
 * @param options - see {@link TurnoverFiguresOptions}.
 * @returns the figures of the SKU.
 * @throws InvKpiError `invalid_argument` (history or options not an object, a quantity that is not
 *   a finite number), `out_of_range` (period of zero days), `invalid_option` (unknown method, basis
 *   or variant, an unknown option name), `invalid_money` (an amount that is not a finite decimal, a
 *   negative `unitPrice`).
 * @example
 * ```ts
 * import { turnoverFigures } from "invkpi";
 * const history = {
 *   sku: "A-100",
 *   period: { days: 365 },
 *   openingQuantity: 1_800, openingValue: 180_000,
 *   closingQuantity: 2_200, closingValue: 220_000,
 *   averageQuantity: 2_000, averageValue: 200_000,
 *   receivedQuantity: 10_400, issuedQuantity: 10_000, returnedQuantity: 0,
 *   cogs: 1_000_000, revenue: 1_500_000, issuesWithoutPrice: 0, shrinkageValue: 0,
 *   monthEnds: [], demand: { day: { sum: 10_000 } },
 * };
 * const figures = turnoverFigures(history, { averageMethod: "endpoints" });
 * figures.turnover; // 5
 * figures.daysOfInventory; // 73
 * figures.gmroi; // 2.5  ((1500000 − 1000000) / 200000)
 * figures.capitalTiedUp.toFixed(); // "220000"
 * turnoverFigures(history, { basis: "retail", unitPrice: 150 }).turnover; // 5 (1500000 / 300000)
 * ```
 */
export function turnoverFigures(
  history: TurnoverFiguresInput,
  options: TurnoverFiguresOptions = {},
): TurnoverFigures {
  requireOptionNames(options, OPTIONS, FN);
  return turnoverFiguresWithoutNameCheck(history, options);
}

/**
 * {@link turnoverFigures} without the check of its option names: for the report, which calls it
 * once per SKU with options of its own making.
 * @internal
 */
export function turnoverFiguresWithoutNameCheck(
  history: TurnoverFiguresInput,
  options: TurnoverFiguresOptions,
): TurnoverFigures {
  requireArgs(history, FN, "history");
  requireArgs(options, FN, "options");
  const averageMethod = requireVariant(
    options.averageMethod ?? "daily",
    AVERAGE_METHODS,
    FN,
    "averageMethod",
  );
  const basis = requireVariant(options.basis ?? "cost", TURNOVER_BASES, FN, "basis");
  const sellThroughVariant = requireVariant(
    options.sellThroughVariant ?? "opening-plus-received",
    SELL_THROUGH_VARIANTS,
    FN,
    "sellThroughVariant",
  );
  const unitPrice = optionalUnitPrice(options.unitPrice, FN);
  requireArgs(history.period, FN, "period");
  const periodDays = requirePositive(history.period.days, FN, "period.days");

  const average = averageOfHistory(history, averageMethod);
  const money = moneyOf(history);
  const transferredIn = optionalQuantity(history.transferredInQuantity, "transferredInQuantity");
  const transferredOut = optionalQuantity(history.transferredOutQuantity, "transferredOutQuantity");
  const parts: ExactTurnoverParts = {
    openingQuantity: exactQuantity(history.openingQuantity, FN, "openingQuantity"),
    closingQuantity: exactQuantity(history.closingQuantity, FN, "closingQuantity"),
    averageQuantity: average.quantity,
    receivedQuantity: exactQuantity(history.receivedQuantity, FN, "receivedQuantity"),
    ...(transferredIn === 0 && transferredOut === 0
      ? {}
      : {
          netTransferredQuantity: exactQuantity(transferredIn, FN, "transferredInQuantity").minus(
            exactQuantity(transferredOut, FN, "transferredOutQuantity"),
          ),
        }),
    issuedQuantity: exactQuantity(history.issuedQuantity, FN, "issuedQuantity"),
    returnedQuantity: exactQuantity(history.returnedQuantity, FN, "returnedQuantity"),
    averageValue: average.value,
    averageRetailValue: averageRetailValue(average.quantity, unitPrice),
    cogs: money.cogs,
    revenue: money.revenue,
    issuesWithoutPrice: requireNonNegative(history.issuesWithoutPrice, FN, "issuesWithoutPrice"),
  };
  const { ratios, reasons } = turnoverRatios(parts, {
    periodDays,
    basis,
    sellThroughVariant,
    netDemand: exactQuantity(history.demand.day.sum, FN, "demand.day.sum"),
  });
  const shrinkage = perAverageInventory(money.shrinkageValue, average.value);
  const allReasons: TurnoverReasons =
    shrinkage.reason === null ? reasons : { ...reasons, shrinkageRate: shrinkage.reason };

  return {
    sku: history.sku,
    ...(history.location === undefined ? {} : { location: history.location }),
    periodDays,
    basis,
    averageMethod,
    openingQuantity: history.openingQuantity,
    openingValue: money.openingValue,
    closingQuantity: history.closingQuantity,
    closingValue: money.closingValue,
    // Under `daily` the history's own number (a number's decimal reads back as the same number).
    averageQuantity:
      averageMethod === "daily" ? history.averageQuantity : average.quantity.toNumber(),
    averageValue: average.value,
    averageRetailValue: parts.averageRetailValue,
    receivedQuantity: history.receivedQuantity,
    issuedQuantity: history.issuedQuantity,
    returnedQuantity: history.returnedQuantity,
    cogs: money.cogs,
    revenue: money.revenue,
    issuesWithoutPrice: parts.issuesWithoutPrice,
    transferredInQuantity: transferredIn,
    transferredOutQuantity: transferredOut,
    shrinkageValue: money.shrinkageValue,
    capitalTiedUp: money.closingValue,
    averageCapital: average.value,
    // The ratios written out rather than spread: this object is built once per SKU.
    turnover: ratios.turnover,
    daysOfInventory: ratios.daysOfInventory,
    daysOfSupplyAtEnd: ratios.daysOfSupplyAtEnd,
    grossMargin: ratios.grossMargin,
    gmroi: ratios.gmroi,
    sellThrough: ratios.sellThrough,
    shrinkageRate: shrinkage.value,
    reasons: allReasons,
  };
}

/** The average units and value of a history by the chosen method, as exact decimals. */
function averageOfHistory(
  history: TurnoverFiguresInput,
  method: AverageMethod,
): { readonly quantity: Decimal; readonly value: Decimal } {
  switch (method) {
    case "daily":
      return {
        quantity: exactQuantity(history.averageQuantity, FN, "averageQuantity"),
        value: toDecimal(history.averageValue, `${FN}: averageValue`),
      };
    case "endpoints":
      return {
        quantity: averageInventoryWithoutNameCheck({
          method: "endpoints",
          opening: history.openingQuantity,
          closing: history.closingQuantity,
        }),
        value: averageInventoryWithoutNameCheck({
          method: "endpoints",
          opening: history.openingValue,
          closing: history.closingValue,
        }),
      };
    case "monthly":
      return {
        quantity: averageInventoryWithoutNameCheck({
          method: "monthly",
          opening: history.openingQuantity,
          monthEnds: history.monthEnds.map((end) => end.quantity),
        }),
        value: averageInventoryWithoutNameCheck({
          method: "monthly",
          opening: history.openingValue,
          monthEnds: history.monthEnds.map((end) => end.value),
        }),
      };
  }
}

/** An optional quantity of the input: 0 when absent, else a finite number ≥ 0. */
function optionalQuantity(value: number | undefined, field: string): number {
  return value === undefined ? 0 : requireNonNegative(value, FN, field);
}

/** The money fields of the input as exact decimals of invkpi's own `Decimal`. */
function moneyOf(history: TurnoverFiguresInput) {
  return {
    openingValue: toDecimal(history.openingValue, `${FN}: openingValue`),
    closingValue: toDecimal(history.closingValue, `${FN}: closingValue`),
    cogs: toDecimal(history.cogs, `${FN}: cogs`),
    revenue: toDecimal(history.revenue, `${FN}: revenue`),
    shrinkageValue: toDecimal(history.shrinkageValue, `${FN}: shrinkageValue`),
  };
}

/**
 * A selling price option as an exact decimal, or `null` when absent.
 * @throws InvKpiError `invalid_money` when it is not a finite decimal or is negative.
 */
export function optionalUnitPrice(
  value: MoneyInput | null | undefined,
  fn: string,
): Decimal | null {
  if (value === undefined || value === null) return null;
  const price = toDecimal(value, `${fn}: unitPrice`);
  if (price.lt(0)) {
    throw new InvKpiError("invalid_money", `${fn}: unitPrice must not be negative`, {
      path: ["unitPrice"],
      details: { value: price.toFixed() },
    });
  }
  return price;
}
