import type { AgingRollupFigures } from "../aging/index.js";
import {
  diagnoseTurnover,
  type TurnoverDiagnosis,
  type TurnoverStatus,
} from "../benchmark/index.js";
import type { Decimal } from "../model/Decimal.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import type { TurnoverBasis, TurnoverRollup } from "../turnover/index.js";
import type { ReportNullReason } from "./ReportNullReason.js";
import type { ReportFigures } from "./reportFigures.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";
import { turnoverToAnnualize } from "./turnoverToAnnualize.js";

/** The diagnosis fields that can be `null`. */
export type NullableDiagnosisField =
  | "turnover"
  | "annualizedTurnover"
  | "daysOfInventory"
  | "status"
  | "benchmark"
  | "slowShare"
  | "deadShare"
  | "neverMovedShare"
  | "expiredShare"
  | "expiringShare";

/** What a person wants to know first about the portfolio. */
export interface ReportDiagnosis {
  /** The turnover basis of the figures below. */
  readonly basis: TurnoverBasis;
  /** Portfolio turnover over the period: Σ COGS / Σ average inventory (cost basis). */
  readonly turnover: number | null;
  /** turnover × daysPerYear / period days. */
  readonly annualizedTurnover: number | null;
  readonly daysOfInventory: number | null;
  /** `below`, `within` or `above` the industry's (or your) normal annual range. */
  readonly status: TurnoverStatus | null;
  /** The full `diagnoseTurnover` verdict: range, annual turnover compared, plain-language message. */
  readonly benchmark: TurnoverDiagnosis | null;
  /** Σ closing value: the capital tied up in stock at the end of the period. */
  readonly inventoryValue: Decimal;
  /** Σ average value over the period. */
  readonly averageInventoryValue: Decimal;
  /** Capital in slow, dead and never-moved stock, and its shares of the value on hand. */
  readonly slowValue: Decimal;
  readonly deadValue: Decimal;
  readonly neverMovedValue: Decimal;
  readonly slowShare: number | null;
  readonly deadShare: number | null;
  readonly neverMovedShare: number | null;
  /** Σ value above `excessCoverDays` of demand. */
  readonly excessValue: Decimal;
  /**
   * The value of lots past their expiry day, and of lots expiring within `nearExpiryDays` of the
   * as-of day, and their shares of the value on hand (the denominator of `slowShare`).
   */
  readonly expiredValue: Decimal;
  readonly expiringValue: Decimal;
  readonly expiredShare: number | null;
  readonly expiringShare: number | null;
  /** Rows whose inventory position is at or below their reorder point: order now. */
  readonly reorderCount: number;
  /** Rows with a reorder point, those `reorderCount` is out of (0: no row could be judged). */
  readonly reorderPointCount: number;
  /** For every `null` field, its reason. */
  readonly reasons: Readonly<Partial<Record<NullableDiagnosisField, ReportNullReason>>>;
}

/**
 * The portfolio diagnosis: the totals' turnover annualized and compared with the chosen industry
 * range (`diagnoseTurnover`), the capital in slow and dead stock, and the reorder count.
 *
 * The industry table gives turnover at cost, so with an industry identifier the status is `null`
 * (`benchmark_needs_cost_basis`) under the `units` or `retail` basis; a range of your own is
 * compared on whatever basis the report uses.
 */
export function reportDiagnosis(
  totals: ReportFigures,
  options: ResolvedReportOptions,
): ReportDiagnosis {
  const { turnover, stock } = totals;
  const reasons: Partial<Record<NullableDiagnosisField, ReportNullReason>> = {};
  if (turnover.reasons.turnover !== undefined) {
    reasons.turnover = turnover.reasons.turnover;
    reasons.annualizedTurnover = turnover.reasons.turnover;
  }
  if (turnover.reasons.daysOfInventory !== undefined) {
    reasons.daysOfInventory = turnover.reasons.daysOfInventory;
  }
  if (stock.shareReason !== null) {
    reasons.slowShare = stock.shareReason;
    reasons.deadShare = stock.shareReason;
    reasons.neverMovedShare = stock.shareReason;
    reasons.expiredShare = stock.shareReason;
    reasons.expiringShare = stock.shareReason;
  }
  const benchmark = benchmarkOf(turnover, options);
  if (benchmark.reason !== null) {
    reasons.status = benchmark.reason;
    reasons.benchmark = benchmark.reason;
  }
  return {
    basis: options.turnoverBasis,
    turnover: turnover.turnover,
    annualizedTurnover: totals.annualizedTurnover,
    daysOfInventory: turnover.daysOfInventory,
    status: benchmark.diagnosis?.status ?? null,
    benchmark: benchmark.diagnosis,
    inventoryValue: turnover.closingValue,
    averageInventoryValue: turnover.averageValue,
    slowValue: stock.slowValue,
    deadValue: stock.deadValue,
    neverMovedValue: stock.neverMovedValue,
    slowShare: stock.slowShare,
    deadShare: stock.deadShare,
    neverMovedShare: stock.neverMovedShare,
    excessValue: totals.excessValue,
    expiredValue: totals.expiredValue,
    expiringValue: totals.expiringValue,
    expiredShare: shareOfStock(totals.expiredValue, stock),
    expiringShare: shareOfStock(totals.expiringValue, stock),
    reorderCount: totals.reorderCount,
    reorderPointCount: totals.reorderPointCount,
    reasons,
  };
}

/** A part of the value on hand as a fraction of it, as `slowShare` is; `null` without value on hand. */
function shareOfStock(part: Decimal, stock: AgingRollupFigures): number | null {
  return stock.shareReason === null ? quotientToNumber(part, stock.totalInventoryValue) : null;
}

function benchmarkOf(
  rollup: TurnoverRollup,
  options: ResolvedReportOptions,
):
  | { readonly diagnosis: TurnoverDiagnosis; readonly reason: null }
  | { readonly diagnosis: null; readonly reason: ReportNullReason } {
  const { industry } = options;
  if (industry === null) return { diagnosis: null, reason: "no_industry" };
  if (typeof industry === "string" && options.turnoverBasis !== "cost") {
    return { diagnosis: null, reason: "benchmark_needs_cost_basis" };
  }
  // No turnover, nothing to compare: the status is null for the turnover's own reason.
  const turnover = turnoverToAnnualize(rollup);
  if (turnover === null) return { diagnosis: null, reason: rollup.reasons.turnover ?? "no_sales" };
  // The parts where they are exact (cost basis): annualized with one rounding, a bound stays a bound.
  const measured = { turnover, periodDays: options.period.days, daysPerYear: options.daysPerYear };
  const diagnosis =
    typeof industry === "string"
      ? diagnoseTurnover({ ...measured, industry })
      : diagnoseTurnover({ ...measured, range: industry });
  return { diagnosis, reason: null };
}
