import { requireNonNegative, requirePositive, requireVariant } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import type { MoneyInput } from "../model/money.js";
import { toDecimal } from "../model/money.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { annualizeTurnoverWithoutNameCheck } from "./annualizeTurnover.js";
import { averageRetailValue } from "./averageRetailValue.js";
import { exactQuantity, requireArgs, requireArray } from "./guards.js";
import type { SellThroughVariant } from "./sellThrough.js";
import { SELL_THROUGH_VARIANTS } from "./sellThrough.js";
import type { TurnoverAmounts } from "./TurnoverAmounts.js";
import type { TurnoverReasons } from "./TurnoverNullReason.js";
import { optionalUnitPrice } from "./turnoverFigures.js";
import type { ExactTurnoverParts, TurnoverBasis, TurnoverRatios } from "./turnoverRatios.js";
import { salesAndStock, TURNOVER_BASES, turnoverRatios } from "./turnoverRatios.js";

/** The calendar buckets of a turnover series; the first is the default. */
export const SERIES_BUCKETS = ["month", "quarter"] as const;

/** A bucket of {@link turnoverSeries}. */
export type SeriesBucket = (typeof SERIES_BUCKETS)[number];

/**
 * The figures of one calendar month of a period, as `SkuHistory.months` holds them (money accepted as
 * `number | string | Decimal`).
 */
export interface TurnoverMonthInput {
  /** `'YYYY-MM'`. */
  readonly month: string;
  /** First and last day of the month inside the period, `'YYYY-MM-DD'`. */
  readonly from: string;
  readonly to: string;
  /** Days of the month inside the period. */
  readonly days: number;
  readonly openingQuantity: number;
  readonly openingValue: MoneyInput;
  readonly closingQuantity: number;
  readonly closingValue: MoneyInput;
  /** Mean of the end-of-day balances of the month's days. */
  readonly averageQuantity: number;
  readonly averageValue: MoneyInput;
  readonly receivedQuantity: number;
  /** Units transferred in from other locations (`SkuHistory.months` by location); default 0. */
  readonly transferredInQuantity?: number;
  /** Units transferred out to other locations; default 0. */
  readonly transferredOutQuantity?: number;
  readonly issuedQuantity: number;
  readonly returnedQuantity: number;
  /** Issues at cost, net of returns. */
  readonly cogs: MoneyInput;
  readonly revenue: MoneyInput;
  /**
   * The month's issue lines without a selling price (`SkuHistory.months` have it). Absent (months
   * built by hand): the history's count for the whole period stands for every month.
   */
  readonly issuesWithoutPrice?: number;
}

/**
 * What {@link turnoverSeries} reads of a history: its months, and whether every issue had a price
 * (and its period, when it has one: a history with a period has at least one month).
 */
export interface TurnoverSeriesInput {
  /** The period the months cover; optional for figures built by hand. */
  readonly period?: { readonly from: string; readonly to: string } | null;
  /** One entry per calendar month of the period (`SkuHistory.months`, kept by `months: true`). */
  readonly months: readonly TurnoverMonthInput[];
  /** Issue lines of the whole period without a selling price (for months that do not say theirs). */
  readonly issuesWithoutPrice: number;
}

/** Options of {@link turnoverSeries}. */
export interface TurnoverSeriesOptions {
  /** Bucket: calendar `'month'` (default) or `'quarter'`. */
  readonly by?: SeriesBucket;
  /** Turnover basis; default `'cost'`. */
  readonly basis?: TurnoverBasis;
  /** Selling price per unit, to value stock at retail; needed for the `retail` basis. Default: none. */
  readonly unitPrice?: MoneyInput | null;
  /** Sell-through variant; default `'opening-plus-received'`. */
  readonly sellThroughVariant?: SellThroughVariant;
  /** Days per year for `annualizedTurnover`; default 365. */
  readonly daysPerYear?: number;
}

/** The figures of one month or quarter: its own days, average, COGS and ratios. */
export interface TurnoverSeriesEntry extends TurnoverRatios, TurnoverAmounts {
  /** `'2024-03'` for a month, `'2024-Q1'` for a quarter. */
  readonly label: string;
  /** First and last day of the bucket inside the period. */
  readonly from: string;
  readonly to: string;
  /** Days of the bucket inside the period: the period of its ratios. */
  readonly periodDays: number;
  /** Units transferred in and out in the bucket (0 without transfers): part of sell-through's stock received. */
  readonly transferredInQuantity: number;
  readonly transferredOutQuantity: number;
  /** turnover × daysPerYear / periodDays: the bucket's pace, per year. */
  readonly annualizedTurnover: number | null;
}

const FN = "turnoverSeries";
/** The option names of {@link turnoverSeries}. */
const OPTIONS = optionNames<TurnoverSeriesOptions>()([
  "by",
  "basis",
  "unitPrice",
  "sellThroughVariant",
  "daysPerYear",
]);
const MONTH_LABEL = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Turnover figures per calendar month or quarter of a SKU's period: seasonal businesses measure
 * per season, not per year.
 *
 * Each entry is a period of its own: `periodDays` is the days of the bucket inside the period (a
 * month clipped by the period start has fewer), and turnover = COGS / average inventory of the
 * bucket, days of inventory = periodDays / turnover, annualizedTurnover = turnover × 365 / periodDays.
 * A quarter combines its months: COGS, revenue and quantities moved are summed, the opening is the
 * first month's and the closing the last month's, and the average is time-weighted:
 *
 * average(quarter) = Σ (average(month) × days(month)) / Σ days(month)
 *
 * The averages are the months' `daily` (time-weighted) averages. Revenue-based figures (retail
 * turnover, gross margin, GMROI) are `null` with reason `'no_price'` in a bucket where an issue
 * lacked a price (`months[i].issuesWithoutPrice` > 0); months that do not say how many of their
 * issues lacked one take the whole period's `issuesWithoutPrice`. Defaults: `by:
 * 'month'`, `basis: 'cost'`, `sellThroughVariant: 'opening-plus-received'`, `daysPerYear: 365`.
 *
 * A history with a `period` has at least one month (a period has at least one day), so one with
 * a period and no months was replayed without `months: true` (`replayLedger` keeps the month
 * figures only when asked): that is an error, not an empty series. Input without a period (built
 * by hand) may have no months: then there are no entries.
 *
 * @param history - a `SkuHistory` replayed with `months: true` (or any {@link TurnoverSeriesInput}).
 * @param options - see {@link TurnoverSeriesOptions}.
 * @returns one entry per month or quarter, in the order of `history.months`.
 * @throws InvKpiError `invalid_argument` (history or a month not an object, a month label that is
 *   not `'YYYY-MM'`, a quantity that is not a finite number; a history with a period and no months,
 *   `path: ['months']`: replay with `months: true`), `out_of_range` (a month of ≤ 0 days),
 *   `invalid_option` (unknown bucket, basis or variant, an unknown option name), `invalid_money`.
 * @example
 * ```ts
 * import { turnoverSeries } from "invkpi";
 * const month = (month: string, days: number, averageValue: number, cogs: number) => ({
 *   month, from: `${month}-01`, to: `${month}-${days}`, days, averageValue, cogs,
 *   averageQuantity: 0, openingQuantity: 0, openingValue: 0, closingQuantity: 0, closingValue: 0,
 *   receivedQuantity: 0, issuedQuantity: 0, returnedQuantity: 0, revenue: 0,
 * });
 * const history = {
 *   issuesWithoutPrice: 0,
 *   months: [month("2024-01", 31, 1000, 500), month("2024-02", 29, 2000, 500), month("2024-03", 31, 3000, 1000)],
 * };
 * turnoverSeries(history).map((m) => m.turnover?.toFixed(3)); // ["0.500", "0.250", "0.333"]
 * const [q1] = turnoverSeries(history, { by: "quarter" });
 * q1?.averageValue.toFixed(); // "2000" ((1000·31 + 2000·29 + 3000·31) / 91)
 * q1?.turnover; // 1 (2000 / 2000)
 * q1?.daysOfInventory; // 91
 * ```
 */
export function turnoverSeries(
  history: TurnoverSeriesInput,
  options: TurnoverSeriesOptions = {},
): readonly TurnoverSeriesEntry[] {
  requireArgs(history, FN, "history");
  requireArgs(options, FN, "options");
  requireOptionNames(options, OPTIONS, FN);
  const by = requireVariant(options.by ?? "month", SERIES_BUCKETS, FN, "by");
  const settings: EntrySettings = {
    basis: requireVariant(options.basis ?? "cost", TURNOVER_BASES, FN, "basis"),
    sellThroughVariant: requireVariant(
      options.sellThroughVariant ?? "opening-plus-received",
      SELL_THROUGH_VARIANTS,
      FN,
      "sellThroughVariant",
    ),
    unitPrice: optionalUnitPrice(options.unitPrice, FN),
    daysPerYear: requirePositive(options.daysPerYear ?? 365, FN, "daysPerYear"),
  };
  const periodWithoutPrice = requireNonNegative(
    history.issuesWithoutPrice,
    FN,
    "issuesWithoutPrice",
  );
  const given = requireArray(history.months, FN, "months");
  if (given.length === 0 && history.period !== undefined && history.period !== null) {
    const { from, to } = history.period;
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: the history has a period (${describeValue(from)} to ${describeValue(to)}) but no months: it was replayed without month figures; replay the ledger with \`months: true\` (replayLedger or replayLedgerStream option)`,
      { path: ["months"], details: { period: { from, to } } },
    );
  }
  const months = given.map((month, index) => exactMonth(month, index, periodWithoutPrice));
  const buckets = by === "month" ? months : quartersOf(months);
  return buckets.map((bucket) => seriesEntry(bucket, settings));
}

interface EntrySettings {
  readonly basis: TurnoverBasis;
  readonly sellThroughVariant: SellThroughVariant;
  readonly unitPrice: Decimal | null;
  readonly daysPerYear: number;
}

/** A month or quarter with its figures as exact decimals. */
interface Bucket {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly openingQuantity: Decimal;
  readonly openingValue: Decimal;
  readonly closingQuantity: Decimal;
  readonly closingValue: Decimal;
  readonly averageQuantity: Decimal;
  readonly averageValue: Decimal;
  readonly receivedQuantity: Decimal;
  readonly transferredInQuantity: Decimal;
  readonly transferredOutQuantity: Decimal;
  readonly issuedQuantity: Decimal;
  readonly returnedQuantity: Decimal;
  readonly cogs: Decimal;
  readonly revenue: Decimal;
  /** Lines without a price in the bucket (> 0: its revenue is incomplete). */
  readonly issuesWithoutPrice: number;
}

/**
 * A month as exact decimals; its lines without a price are its own count, or when it has none the
 * whole period's (`periodWithoutPrice`), which then decides for every month.
 */
function exactMonth(month: TurnoverMonthInput, index: number, periodWithoutPrice: number): Bucket {
  const at = `months[${index}]`;
  requireArgs(month, FN, at);
  if (typeof month.month !== "string" || !MONTH_LABEL.test(month.month)) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: ${at}.month must be 'YYYY-MM', got ${describeValue(month.month)}`,
      { path: ["months", index, "month"] },
    );
  }
  const quantity = (name: keyof TurnoverMonthInput & string) =>
    exactQuantity(month[name] as number, FN, `${at}.${name}`);
  const money = (name: keyof TurnoverMonthInput & string) =>
    toDecimal(month[name] as MoneyInput, `${FN}: ${at}.${name}`);
  // Absent transfers are none (months built by hand, or by an earlier invkpi).
  const transferred = (name: "transferredInQuantity" | "transferredOutQuantity") =>
    month[name] === undefined ? new Decimal(0) : quantity(name);
  return {
    label: month.month,
    from: month.from,
    to: month.to,
    days: requirePositive(month.days, FN, `${at}.days`),
    openingQuantity: quantity("openingQuantity"),
    openingValue: money("openingValue"),
    closingQuantity: quantity("closingQuantity"),
    closingValue: money("closingValue"),
    averageQuantity: quantity("averageQuantity"),
    averageValue: money("averageValue"),
    receivedQuantity: quantity("receivedQuantity"),
    transferredInQuantity: transferred("transferredInQuantity"),
    transferredOutQuantity: transferred("transferredOutQuantity"),
    issuedQuantity: quantity("issuedQuantity"),
    returnedQuantity: quantity("returnedQuantity"),
    cogs: money("cogs"),
    revenue: money("revenue"),
    issuesWithoutPrice:
      month.issuesWithoutPrice === undefined
        ? periodWithoutPrice
        : requireNonNegative(month.issuesWithoutPrice, FN, `${at}.issuesWithoutPrice`),
  };
}

/** Groups consecutive months by calendar quarter, in order. */
function quartersOf(months: readonly Bucket[]): Bucket[] {
  const quarters = new Map<string, Bucket[]>();
  for (const month of months) {
    const label = quarterLabel(month.label);
    const members = quarters.get(label);
    if (members === undefined) quarters.set(label, [month]);
    else members.push(month);
  }
  return [...quarters.entries()].map(([label, members]) => combine(label, members));
}

function quarterLabel(monthLabel: string): string {
  const monthNumber = Number(monthLabel.slice(5, 7));
  return `${monthLabel.slice(0, 4)}-Q${Math.ceil(monthNumber / 3)}`;
}

/** One bucket from several months: flows summed, stock time-weighted, ends from the ends. */
function combine(label: string, months: readonly Bucket[]): Bucket {
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const days = months.reduce((sum, m) => sum + m.days, 0);
  const sum = (pick: (m: Bucket) => Decimal) =>
    months.reduce((total, m) => total.plus(pick(m)), new Decimal(0));
  const timeWeighted = (pick: (m: Bucket) => Decimal) =>
    sum((m) => pick(m).times(m.days)).dividedBy(days);
  return {
    label,
    from: first.from,
    to: last.to,
    days,
    openingQuantity: first.openingQuantity,
    openingValue: first.openingValue,
    closingQuantity: last.closingQuantity,
    closingValue: last.closingValue,
    averageQuantity: timeWeighted((m) => m.averageQuantity),
    averageValue: timeWeighted((m) => m.averageValue),
    receivedQuantity: sum((m) => m.receivedQuantity),
    transferredInQuantity: sum((m) => m.transferredInQuantity),
    transferredOutQuantity: sum((m) => m.transferredOutQuantity),
    issuedQuantity: sum((m) => m.issuedQuantity),
    returnedQuantity: sum((m) => m.returnedQuantity),
    cogs: sum((m) => m.cogs),
    revenue: sum((m) => m.revenue),
    issuesWithoutPrice: months.reduce((total, m) => total + m.issuesWithoutPrice, 0),
  };
}

function seriesEntry(bucket: Bucket, settings: EntrySettings): TurnoverSeriesEntry {
  const retailValue = averageRetailValue(bucket.averageQuantity, settings.unitPrice);
  const netTransferred = bucket.transferredInQuantity.minus(bucket.transferredOutQuantity);
  const parts: ExactTurnoverParts = {
    ...bucket,
    ...(bucket.transferredInQuantity.isZero() && bucket.transferredOutQuantity.isZero()
      ? {}
      : { netTransferredQuantity: netTransferred }),
    averageRetailValue: retailValue,
  };
  const { ratios, reasons } = turnoverRatios(parts, {
    periodDays: bucket.days,
    basis: settings.basis,
    sellThroughVariant: settings.sellThroughVariant,
    netDemand: bucket.issuedQuantity.minus(bucket.returnedQuantity),
  });
  // From the exact parts, rounded once (see annualizeTurnover), as the report's figures are.
  const annualizedTurnover = annualizeTurnoverWithoutNameCheck({
    turnover: ratios.turnover === null ? null : salesAndStock(parts, settings.basis),
    periodDays: bucket.days,
    daysPerYear: settings.daysPerYear,
  });
  const allReasons: TurnoverReasons =
    reasons.turnover === undefined ? reasons : { ...reasons, annualizedTurnover: reasons.turnover };
  return {
    label: bucket.label,
    from: bucket.from,
    to: bucket.to,
    periodDays: bucket.days,
    openingQuantity: bucket.openingQuantity.toNumber(),
    openingValue: bucket.openingValue,
    closingQuantity: bucket.closingQuantity.toNumber(),
    closingValue: bucket.closingValue,
    averageQuantity: bucket.averageQuantity.toNumber(),
    averageValue: bucket.averageValue,
    averageRetailValue: retailValue,
    receivedQuantity: bucket.receivedQuantity.toNumber(),
    transferredInQuantity: bucket.transferredInQuantity.toNumber(),
    transferredOutQuantity: bucket.transferredOutQuantity.toNumber(),
    issuedQuantity: bucket.issuedQuantity.toNumber(),
    returnedQuantity: bucket.returnedQuantity.toNumber(),
    cogs: bucket.cogs,
    revenue: bucket.revenue,
    capitalTiedUp: bucket.closingValue,
    averageCapital: bucket.averageValue,
    annualizedTurnover,
    ...ratios,
    reasons: allReasons,
  };
}
