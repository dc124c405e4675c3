import { type ExcessStock, excessStockWithoutNameCheck } from "../aging/excessStock.js";
import type { MovementStatus, NearExpiry, StockAging } from "../aging/index.js";
import { movementStatusWithoutNameCheck } from "../aging/movementStatus.js";
import { nearExpiryWithoutNameCheck } from "../aging/nearExpiry.js";
import { stockAgingWithoutNameCheck } from "../aging/stockAging.js";
import { demandStatisticsWithoutNameCheck } from "../demand/demandStatistics.js";
import type { DemandStatistics } from "../demand/index.js";
import type { Decimal } from "../model/Decimal.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import type { SkuHistory } from "../model/SkuHistory.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import type { ReplenishmentFigures, ReplenishmentOptions } from "../replenish/index.js";
import { replenishmentFiguresWithoutNameCheck } from "../replenish/replenishmentFigures.js";
import { annualizeTurnoverWithoutNameCheck } from "../turnover/annualizeTurnover.js";
import { daysOfSupplyWithoutNameCheck } from "../turnover/daysOfSupply.js";
import type { TurnoverFigures } from "../turnover/index.js";
import { turnoverFiguresWithoutNameCheck } from "../turnover/turnoverFigures.js";
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
   * The report's `skuInfo`, where an error about a SKU's master data finds the row it names (its
   * path is `['skuInfo', row, field]`); the infos passed to {@link analyzeSku} are its rows.
   */
  readonly skuInfo: readonly SkuInfo[] | undefined;
  /**
   * Whether the analysis keeps the history's months; `false` when the caller sums them as each
   * SKU is analysed (`MonthSums`), so that they need not stay in memory.
   */
  readonly keepMonths: boolean;
}

/**
 * Runs every per-SKU calculator on one replayed history, with the report's options and the SKU's
 * master data. No formula here: each figure comes from its calculator, called without the check of
 * its option names (the report's options are checked once, by `resolveReportOptions`, and the
 * master data's field names by `skuInfoBySku`): at 100 k SKUs a check per call is work per SKU.
 *
 * @throws InvKpiError as the calculators, with the SKU named in the message and in `details.sku`.
 *   Every `skuInfo` value has been checked before the replay (`skuInfoBySku`), so none is refused
 *   here on its own; an error about a figure that the SKU's master data gave (a combination the
 *   calculator refuses) has the value's place in the options as its path,
 *   `['skuInfo', row, field]`.
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
        path: skuInfoPath(e.path, info, settings.skuInfo),
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
  const turnover = turnoverFiguresWithoutNameCheck(history, {
    averageMethod: options.averageMethod,
    basis: options.turnoverBasis,
    sellThroughVariant: options.sellThroughVariant,
    unitPrice: info?.unitPrice ?? null,
  });
  const dailyDemand = demandStatisticsWithoutNameCheck(history, { bucket: "day", ...demand });
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
    annualizedTurnover: annualizeTurnoverWithoutNameCheck({
      turnover: turnoverToAnnualize(turnover),
      periodDays: history.period.days,
      daysPerYear: options.daysPerYear,
    }),
    dailyDemand,
    daysOfSupply: daysOfSupplyWithoutNameCheck({
      onHand: history.closingQuantity,
      ...windowDemand,
    }),
    xyzDemand: demandStatisticsWithoutNameCheck(history, { bucket: options.xyz.bucket, ...demand }),
    abcValue: abcMeasure(history, options.abc.measure),
    replenishment: replenishmentFiguresWithoutNameCheck(history, info ?? {}, replenishment),
    status: movementStatusWithoutNameCheck(history, {
      asOf,
      slowDays: options.slowDays,
      deadDays: options.deadDays,
      basis: options.movementBasis,
    }),
    excess: excessStockWithoutNameCheck(history, {
      coverDays: options.excessCoverDays,
      ...windowDemand,
    }),
    aging: stockAgingWithoutNameCheck(history, { asOf, buckets: options.agingBuckets }),
    expiry: nearExpiryWithoutNameCheck(history, { asOf, withinDays: options.nearExpiryDays }),
  };
}

/**
 * The path of a calculator's error in the report's options: a field of the SKU's master data that
 * the calculator read (`['leadTimeDays']`, given by the SKU's `skuInfo` row, which takes precedence
 * over the report's defaults, themselves checked before) is `['skuInfo', row, 'leadTimeDays']`;
 * any other path as it is. Runs only when there is an error.
 */
function skuInfoPath(
  path: readonly (string | number)[],
  info: SkuInfo | undefined,
  skuInfo: readonly SkuInfo[] | undefined,
): readonly (string | number)[] {
  const [field] = path;
  if (info === undefined || skuInfo === undefined || typeof field !== "string") return path;
  if (!Object.hasOwn(info, field) || (info as unknown as Record<string, unknown>)[field] == null)
    return path;
  const row = skuInfo.indexOf(info);
  return row < 0 ? path : ["skuInfo", row, ...path];
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
