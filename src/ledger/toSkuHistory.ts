import type { Decimal } from "../model/Decimal.js";
import { formatDay, formatMonth } from "../model/day.js";
import type { MonthEnd, MonthFigures, SkuHistory, StockLayer } from "../model/SkuHistory.js";
import { NO_DAY } from "./LedgerColumns.js";
import type { RawDemandSums, RawHistory } from "./RawHistory.js";
import type { ReplaySettings } from "./ReplaySettings.js";
import { type Layer, layerValue, type RawMonth, type Scales } from "./SkuState.js";
import { add, mulDivRound, type Scaled, sub, toDecimalScaled } from "./scaled.js";

/** What the conversion needs beyond the state. */
export interface HistoryContext {
  readonly sku: string;
  readonly location: string | undefined;
  readonly period: { readonly from: number; readonly to: number; readonly days: number };
  readonly scales: Scales;
  readonly lots: readonly string[];
  /** `'YYYY-MM-DD'` of a day number: one formatter per replay, remembering the days it formatted. */
  readonly dayText: (day: number) => string;
  /** The period as the history shows it (one object shared by the replay's histories). */
  readonly periodText: SkuHistory["period"];
  /** Whether the history gets its month ends (`ReplaySettings.monthEnds`). */
  readonly monthEnds: boolean;
}

/**
 * A `formatDay` that remembers what it formatted: every history of a replay shows the same month
 * ends and period days, so each text is built (and allocated) once.
 */
function rememberingFormatDay(): (day: number) => string {
  const texts = new Map<number, string>();
  return (day) => {
    let text = texts.get(day);
    if (text === undefined) {
      text = formatDay(day);
      texts.set(day, text);
    }
    return text;
  };
}

/** Names and scales for `toSkuHistory`, per SKU and location index. */
export function historyContext(
  settings: Pick<ReplaySettings, "names" | "period" | "scales" | "monthEnds">,
): (sku: number, location: number) => HistoryContext {
  const { names, period, scales, monthEnds } = settings;
  const dayText = rememberingFormatDay();
  const periodText = Object.freeze({
    from: dayText(period.from),
    to: dayText(period.to),
    days: period.days,
  });
  return (sku: number, location: number): HistoryContext => ({
    sku: names.skus[sku] as string,
    location: location >= 0 ? (names.locations[location] as string) : undefined,
    period,
    scales,
    lots: names.lots,
    dayText,
    periodText,
    monthEnds,
  });
}

/** The month ends of a history whose replay was asked for none (shared: it is never changed). */
const NO_MONTH_ENDS: readonly MonthEnd[] = Object.freeze([]);

/** Turns a finished SKU's {@link RawHistory} into the public {@link SkuHistory}: dates as text, money as Decimal. */
export function toSkuHistory(s: RawHistory, ctx: HistoryContext): SkuHistory {
  const { scales, period, dayText } = ctx;
  const qty = (units: number): number => units / scales.qScale;
  const money = (units: Scaled): Decimal => toDecimalScaled(units, scales.vd);
  const day = (d: number): string | null => (Number.isFinite(d) ? dayText(d) : null);
  return {
    sku: ctx.sku,
    ...(ctx.location === undefined ? {} : { location: ctx.location }),
    period: ctx.periodText,
    valuation: s.valuation,
    openingQuantity: qty(s.openingQty),
    openingValue: money(s.openingValue),
    closingQuantity: qty(s.qty),
    closingValue: money(s.value),
    // One division, correctly rounded (two would round twice: 0.3 / 6 gave 0.049999999999999996).
    averageQuantity: s.twQty / (scales.qScale * period.days),
    averageValue: money(s.twValue).div(period.days),
    minQuantity: qty(s.minQty),
    maxQuantity: qty(s.maxQty),
    receivedQuantity: qty(s.receivedQty),
    receivedValue: money(s.receivedValue),
    issuedQuantity: qty(s.issuedQty),
    issuedValue: money(s.issuedValue),
    issueCount: s.issueCount,
    returnedQuantity: qty(s.returnedQty),
    returnedValue: money(s.returnedValue),
    cogs: money(s.cogs),
    adjustedQuantity: qty(s.adjustedQty),
    adjustedValue: money(s.adjustedValue),
    shrinkageQuantity: qty(s.shrinkageQty),
    shrinkageValue: money(s.shrinkageValue),
    transferredInQuantity: qty(s.transferInQty),
    transferredOutQuantity: qty(s.transferOutQty),
    transferredValue: money(s.transferValue),
    revenue: money(s.revenue),
    issuesWithoutPrice: s.issuesWithoutPrice,
    monthEnds: ctx.monthEnds
      ? s.monthEnds.map(
          (m): MonthEnd => ({ date: dayText(m.day), quantity: qty(m.qty), value: money(m.value) }),
        )
      : NO_MONTH_ENDS,
    months: s.months.map((m) => monthFigures(m, scales.qScale, money, dayText)),
    demand: {
      day: demandSums(s.demandDay, scales.qScale),
      week: demandSums(s.demandWeek, scales.qScale),
      month: demandSums(s.demandMonth, scales.qScale),
    },
    firstReceiptDate: day(s.firstReceipt),
    firstDemandDate: day(s.firstDemand),
    // The day bucket's key is the day of the last demand (NaN without demand).
    lastDemandDate: day(s.demandDay.key),
    lastIssueDate: day(s.lastIssue),
    lastReceiptDate: day(s.lastReceipt),
    lastMovementDate: day(s.lastMovement),
    layers: s.qty > 0 ? stockLayers(s, ctx) : [],
  };
}

function monthFigures(
  m: RawMonth,
  qScale: number,
  money: (units: Scaled) => Decimal,
  dayText: (day: number) => string,
): MonthFigures {
  const days = m.to - m.from + 1;
  const qty = (units: number): number => units / qScale;
  return {
    month: formatMonth(m.month),
    from: dayText(m.from),
    to: dayText(m.to),
    days,
    openingQuantity: qty(m.openingQty),
    openingValue: money(m.openingValue),
    closingQuantity: qty(m.closingQty),
    closingValue: money(m.closingValue),
    averageQuantity: m.twQty / (qScale * days),
    averageValue: money(m.twValue).div(days),
    receivedQuantity: qty(m.receivedQty),
    receivedValue: money(m.receivedValue),
    issuedQuantity: qty(m.issuedQty),
    returnedQuantity: qty(m.returnedQty),
    transferredInQuantity: qty(m.transferInQty),
    transferredOutQuantity: qty(m.transferOutQty),
    cogs: money(m.cogs),
    revenue: money(m.revenue),
    issuesWithoutPrice: m.issuesWithoutPrice,
  };
}

function demandSums(b: RawDemandSums, qScale: number) {
  return {
    sum: b.sum / qScale,
    sumOfSquares: b.sumOfSquares,
    max: b.max / qScale,
    nonZeroBuckets: b.nonZero,
    firstBucketDemand: b.first / qScale,
    lastBucketDemand: b.last / qScale,
    middleSum: b.middleSum / qScale,
    middleSumOfSquares: b.middleSumOfSquares,
  };
}

/**
 * The open layers with their values. Under FIFO each layer keeps its own cost. Under moving
 * average and standard the closing value is spread over the layers pro rata (rounded half-even to
 * 6 decimals), the last layer taking the remainder, so the values add up exactly to the closing value.
 */
function stockLayers(s: RawHistory, ctx: HistoryContext): StockLayer[] {
  const { scales } = ctx;
  const open = s.layers;
  let allocated: Scaled = 0;
  const closingUnitCost =
    s.valuation === "fifo" ? 0 : mulDivRound(s.value, 1, s.qty, scales.costUnit6);
  return open.map((layer: Layer, i): StockLayer => {
    let value: Scaled;
    if (s.valuation === "fifo") value = layerValue(layer, layer.qty, scales);
    else if (i === open.length - 1) value = sub(s.value, allocated);
    else value = mulDivRound(s.value, layer.qty, s.qty, scales.valueUnit6);
    allocated = add(allocated, value);
    const unitCost =
      s.valuation === "fifo"
        ? layer.cost !== null
          ? toDecimalScaled(layer.cost, scales.cd)
          : toDecimalScaled(value, scales.vd).div(layer.qty / scales.qScale)
        : toDecimalScaled(closingUnitCost, scales.cd);
    return {
      quantity: layer.qty / scales.qScale,
      unitCost,
      value: toDecimalScaled(value, scales.vd),
      receivedDate: ctx.dayText(layer.day),
      ...(layer.lot >= 0 ? { lot: ctx.lots[layer.lot] as string } : {}),
      ...(layer.expires !== NO_DAY ? { expiresOn: ctx.dayText(layer.expires) } : {}),
    };
  });
}
