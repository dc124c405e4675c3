import type { LedgerInput } from "../ledger/HandedOverLedger.js";
import type { ReplayOptions, ReplayWarning } from "../ledger/index.js";
import { type ReplayTuning, replayLedgerLazily } from "../ledger/replayLedger.js";
import type { SkuHistory } from "../model/SkuHistory.js";
import {
  analyzeSku,
  replenishmentOptions,
  type SkuAnalysis,
  type SkuAnalysisSettings,
} from "./analyzeSku.js";
import type { MonthSums } from "./MonthSums.js";
import { PROGRESS_EVERY, type ReportSetup } from "./prepareReport.js";

/** The per-SKU phase of a report: one analysis per history, and what the replay noticed. */
export interface SkuAnalyses {
  /** One per SKU (or SKU and location), in the replay's order: by SKU code, then location. */
  readonly analyses: readonly SkuAnalysis[];
  readonly warnings: readonly ReplayWarning[];
}

/**
 * The first phase of a report, independent per SKU: the ledger is replayed once and every per-SKU
 * calculator runs on each history (`analyzeSku`). Nothing here looks across SKUs, so a ledger split
 * by SKU gives, shard by shard, exactly the analyses of the whole (see `docs/scaling.md`);
 * {@link combineAnalyses} is the second phase.
 *
 * @param ledger - the ledger, or a `HandedOverLedger`, which the replay empties: nothing here
 *   holds the ledger while the histories are analysed.
 * @param setup - the report's options and master data, checked by the caller before the replay
 *   (`prepareReport`), once per report.
 * @param monthSums - where to sum each SKU's months as it is analysed (see `MonthSums`); the
 *   analyses then hold none. Null (default): the analyses keep their months.
 * @throws InvKpiError as `replayLedger` and the calculators (see `analyzeLedger`).
 */
export function analyzeSkus(
  ledger: LedgerInput,
  setup: ReportSetup,
  monthSums: MonthSums | null = null,
): SkuAnalyses {
  // Histories one at a time: each is dropped once its SKU is analysed.
  const { histories, warnings } = replayLedgerLazily(
    ledger,
    replayOptionsOf(setup),
    setup.fn,
    setup.skuInfo,
  );
  return { analyses: analyzeHistories(histories, setup, monthSums), warnings };
}

/**
 * The replay options of a report. Its `skuInfo` is there for what a replay reports of the options;
 * the replay reads the list as the report checked it (`setup.skuInfo`), which its caller hands on.
 */
export function replayOptionsOf({ options, resolved }: ReportSetup): ReplayOptions & ReplayTuning {
  return {
    period: options.period,
    valuation: resolved.valuation,
    negativeStock: resolved.negativeStock,
    byLocation: resolved.byLocation,
    // Month figures cost memory per SKU; only the month grouping reads them.
    months: resolved.groupBy.includes("month"),
    // Month ends: only the monthly average reads them (turnoverFigures).
    monthEnds: resolved.averageMethod === "monthly",
    ...(options.skuInfo === undefined ? {} : { skuInfo: options.skuInfo }),
    ...(options.openingBalances === undefined ? {} : { openingBalances: options.openingBalances }),
  };
}

/**
 * Every per-SKU calculator on each history (`analyzeSku`), in the histories' order, with the
 * report's master data by SKU (`setup.infoBySku`). With `monthSums`, each analysis's months are
 * added there and the analysis kept without them.
 */
export function analyzeHistories(
  histories: Iterable<SkuHistory>,
  { options, resolved, infoBySku, fn, onProgress }: ReportSetup,
  monthSums: MonthSums | null = null,
): SkuAnalysis[] {
  const settings: SkuAnalysisSettings = {
    options: resolved,
    replenishment: replenishmentOptions(resolved),
    fn,
    skuInfo: options.skuInfo,
    keepMonths: monthSums === null,
  };
  const analyses: SkuAnalysis[] = [];
  for (const history of histories) {
    const info = infoBySku.get(history.sku);
    // After the calculators, which check the SKU's master data and name the SKU when it is bad.
    analyses.push(analyzeSku(history, info, settings));
    monthSums?.add(history, info);
    if (onProgress !== undefined && analyses.length % PROGRESS_EVERY === 0)
      onProgress(analyses.length);
  }
  return analyses;
}
