import {
  type ExcessStock,
  excessStock,
  type MovementStatus,
  movementStatus,
  type NearExpiry,
  nearExpiry,
  type StockAging,
  stockAging,
} from "../aging/index.js";
import { type DemandStatistics, demandStatistics } from "../demand/index.js";
import type { Decimal } from "../model/Decimal.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import type { SkuHistory } from "../model/SkuHistory.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import {
  type ReplenishmentFigures,
  type ReplenishmentOptions,
  replenishmentFigures,
} from "../replenish/index.js";
import {
  annualizeTurnover,
  daysOfSupply,
  type TurnoverFigures,
  turnoverFigures,
} from "../turnover/index.js";
import { abcMeasure } from "./abcMeasure.js";
import { replenishmentReportOptions } from "./reportOptionsOf.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";
import { turnoverToAnnualize } from "./turnoverToAnnualize.js";

/**
 * The parts of a history that the report reads after its calculators ran: the SKU and location,
 * the last issue and receipt days (report columns), and the month figures with the count of
 * issues without a price (the month grouping). Keeping only these, rather than the whole history
 * with its layers and some forty `Decimal`s, lets each history be collected as soon as its SKU is
 * analysed: at 100 k SKUs that is about 450 MB less held until the report is built.
 */
export type AnalyzedHistory = Pick<
  SkuHistory,
  "sku" | "location" | "lastIssueDate" | "lastReceiptDate" | "issuesWithoutPrice" | "months"
>;

/** Everything the calculators say about one SKU (or SKU at a location), before classification. */
export interface SkuAnalysis {
  readonly history: AnalyzedHistory;
  readonly info: SkuInfo | undefined;
  readonly turnover: TurnoverFigures;
  readonly annualizedTurnover: number | null;
  /** Net demand per day over the demand window: days of supply and excess stock use it. */
  readonly dailyDemand: DemandStatistics;
  readonly daysOfSupply: number | null;
  /** Net demand per `xyz.bucket`, for XYZ. */
  readonly xyzDemand: DemandStatistics;
  /** The ABC measure's value. */
  readonly abcValue: Decimal;
  readonly replenishment: ReplenishmentFigures;
  readonly status: MovementStatus;
  readonly excess: ExcessStock;
  readonly aging: StockAging;
  readonly expiry: NearExpiry;
}

/** What every SKU's analysis shares: the report's options, resolved once. */
export interface SkuAnalysisSettings {
  readonly options: ResolvedReportOptions;
  /** The options of `replenishmentFigures`, from {@link replenishmentOptions}. */
  readonly replenishment: ReplenishmentOptions;
  /** The public function, for error messages. */
  readonly fn: string;
  /**
   * Whether the analysis keeps the history's months; `false` when the caller sums them as each
   * SKU is analysed (`MonthSums`), so that they need not stay in memory.
   */
  readonly keepMonths: boolean;
}

/**
 * Runs every per-SKU calculator on one replayed history, with the report's options and the SKU's
 * master data. No formula here: each figure comes from its calculator.
 *
 * @throws InvKpiError as the calculators, with the SKU named in the message (a bad `skuInfo` value
 *   surfaces here, e.g. a negative `leadTimeDays`).
 */
export function analyzeSku(
  history: SkuHistory,
  info: SkuInfo | undefined,
  settings: SkuAnalysisSettings,
): SkuAnalysis {
  try {
    return analyze(history, info, settings);
  } catch (e) {
    if (!(e instanceof InvKpiError)) throw e;
    const where =
      history.location === undefined ? "" : ` at location ${describeValue(history.location)}`;
    throw new InvKpiError(
      e.code,
      `${settings.fn}: SKU ${describeValue(history.sku)}${where}: ${e.message}`,
      {
        path: e.path,
        details: {
          ...e.details,
          sku: history.sku,
          ...(history.location === undefined ? {} : { location: history.location }),
        },
        issues: e.issues,
      },
    );
  }
}

function analyze(
  history: SkuHistory,
  info: SkuInfo | undefined,
  { options, replenishment, keepMonths }: SkuAnalysisSettings,
): SkuAnalysis {
  const { asOf, demand } = options;
  const turnover = turnoverFigures(history, {
    averageMethod: options.averageMethod,
    basis: options.turnoverBasis,
    sellThroughVariant: options.sellThroughVariant,
    unitPrice: info?.unitPrice ?? null,
  });
  const dailyDemand = demandStatistics(history, { bucket: "day", ...demand });
  // The demand of the window as units over its days, not as the rounded daily mean, so that stock
  // that covers it exactly has no excess (80 units, 10 sold in 30 days: 240 days' cover, not
  // 240.00000000000003). The window holds all of the period's demand (it starts no later than the
  // first demand). Net returns (a negative sum) are no demand to cover: all stock is excess.
  const windowDemand =
    dailyDemand.periods > 0
      ? { demand: Math.max(0, history.demand.day.sum), demandDays: dailyDemand.periods }
      : { demandPerDay: 0 };
  return {
    history: analyzedHistory(history, keepMonths),
    info,
    turnover,
    annualizedTurnover: annualizeTurnover({
      turnover: turnoverToAnnualize(turnover),
      periodDays: history.period.days,
      daysPerYear: options.daysPerYear,
    }),
    dailyDemand,
    daysOfSupply: daysOfSupply({ onHand: history.closingQuantity, ...windowDemand }),
    xyzDemand: demandStatistics(history, { bucket: options.xyz.bucket, ...demand }),
    abcValue: abcMeasure(history, options.abc.measure),
    replenishment: replenishmentFigures(history, info ?? {}, replenishment),
    status: movementStatus(history, {
      asOf,
      slowDays: options.slowDays,
      deadDays: options.deadDays,
      basis: options.movementBasis,
    }),
    excess: excessStock(history, { coverDays: options.excessCoverDays, ...windowDemand }),
    aging: stockAging(history, { asOf, buckets: options.agingBuckets }),
    expiry: nearExpiry(history, { asOf, withinDays: options.nearExpiryDays }),
  };
}

/** The months of an analysis whose months were summed elsewhere: one shared empty list. */
const NO_MONTHS: SkuHistory["months"] = Object.freeze([]);

/** The {@link AnalyzedHistory} of a history: a new small object, so the history can go. */
function analyzedHistory(history: SkuHistory, keepMonths: boolean): AnalyzedHistory {
  const { sku, lastIssueDate, lastReceiptDate, issuesWithoutPrice } = history;
  const months = keepMonths ? history.months : NO_MONTHS;
  return history.location === undefined
    ? { sku, lastIssueDate, lastReceiptDate, issuesWithoutPrice, months }
    : {
        sku,
        location: history.location,
        lastIssueDate,
        lastReceiptDate,
        issuesWithoutPrice,
        months,
      };
}

/** The report's replenishment defaults as `replenishmentFigures` options (absent when none). */
export function replenishmentOptions(options: ResolvedReportOptions): ReplenishmentOptions {
  return {
    ...replenishmentReportOptions(options.replenishment),
    start: options.demand.start,
    partialBuckets: options.demand.partialBuckets,
    stdDev: options.demand.stdDev,
    daysPerYear: options.daysPerYear,
  };
}
