import { type AgingRollupFigures, type AgingRollupItem, rollupAging } from "../aging/index.js";
import type { Decimal } from "../model/Decimal.js";
import { ExactSum } from "../model/ExactSum.js";
import { annualizeTurnoverWithoutNameCheck } from "../turnover/annualizeTurnover.js";
import { rollupTurnover, type TurnoverFigures, type TurnoverRollup } from "../turnover/index.js";
import type { SkuAnalysis } from "./analyzeSku.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";
import { turnoverToAnnualize } from "./turnoverToAnnualize.js";

/**
 * The rolled-up figures of a set of rows: the portfolio (`totals`) or one category or location.
 * Ratios are ratios of sums (Σ COGS / Σ average inventory), never means of per-SKU ratios.
 */
export interface ReportFigures {
  /** Number of rows (SKUs, or SKUs at locations) in the set. */
  readonly skuCount: number;
  /**
   * `rollupTurnover` of the rows' turnover figures: Σ quantities and values (closingValue is the
   * capital tied up), turnover, days of inventory, GMROI, sell-through and shrinkage of the sums,
   * with `reasons` for its `null` figures.
   */
  readonly turnover: TurnoverRollup;
  /** turnover.turnover × daysPerYear / period days; `null` when the turnover is (same reason). */
  readonly annualizedTurnover: number | null;
  /**
   * `rollupAging` of the rows: aging buckets, average and oldest age, the capital in slow, dead and
   * never-moved stock with its shares of inventory value, and the count of rows per movement status.
   */
  readonly stock: AgingRollupFigures;
  /** Σ excess value (stock above `excessCoverDays` of demand). */
  readonly excessValue: Decimal;
  /** Σ value of expired lots and of lots expiring within `nearExpiryDays`. */
  readonly expiredValue: Decimal;
  readonly expiringValue: Decimal;
  /** Rows at or below their reorder point (inventory position ≤ reorder point). */
  readonly reorderCount: number;
  /**
   * Rows with a reorder point: those `reorderCount` is out of. When it is 0, `reorderCount` (0) says
   * nothing: no row could be judged.
   */
  readonly reorderPointCount: number;
}

/** The figures of one category or location. */
export interface ReportGroup extends ReportFigures {
  /** The category or location; `null` for the rows without one. */
  readonly key: string | null;
}

/** The group key of a row: its category or location; `null` when it has none. */
export type RowKey = (analysis: SkuAnalysis) => string | null;

/**
 * Rolls the rows up, for the whole set and per key when `keyOf` is given: turnover with one
 * `rollupTurnover` call, aging and slow movers with one `rollupAging` call (each returns the groups
 * and the total), and the excess and expiry values and reorder counts summed per group. Linear in
 * the number of rows. Groups come in key order (code-unit order), the `null` key last, as both
 * rollups sort them.
 */
export function reportRollups(
  analyses: readonly SkuAnalysis[],
  keyOf: RowKey | null,
  options: ResolvedReportOptions,
): { readonly total: ReportFigures; readonly groups: readonly ReportGroup[] } {
  const keys = analyses.map((a) => (keyOf === null ? null : keyOf(a)));
  const keyOfFigures = new Map<TurnoverFigures, string | null>();
  if (keyOf !== null) {
    analyses.forEach((a, i) => {
      keyOfFigures.set(a.turnover, keys[i] ?? null);
    });
  }
  // The key travels in `category`, the field that rollupAging's key "category" reads.
  const agingItems = analyses.map(
    (a, i): AgingRollupItem => ({
      sku: a.history.sku,
      category: keys[i] ?? null,
      aging: a.aging,
      status: a.status,
    }),
  );
  const turnover = rollupTurnover(
    analyses.map((a) => a.turnover),
    {
      periodDays: options.period.days,
      basis: options.turnoverBasis,
      sellThroughVariant: options.sellThroughVariant,
      ...(keyOf === null ? {} : { groupBy: (figures) => keyOfFigures.get(figures) ?? null }),
    },
  );
  // Without a key the report wants the total only, as from rollupTurnover.
  const stock = rollupAging(agingItems, { key: keyOf === null ? null : "category" });
  const total = new StockSums();
  const sums = new Map<string | null, StockSums>();
  analyses.forEach((a, i) => {
    total.add(a);
    if (keyOf === null) return;
    const key = keys[i] ?? null;
    let group = sums.get(key);
    if (group === undefined) {
      group = new StockSums();
      sums.set(key, group);
    }
    group.add(a);
  });
  const stockByKey = new Map(stock.groups.map((g) => [g.key, g]));
  // Without a key, rollupTurnover returns no groups, and the report wants none.
  const groups = turnover.groups.map((g): ReportGroup => {
    const { key, ...figures } = g;
    return {
      key,
      ...figuresOf(figures, stockByKey.get(key) ?? stock.total, sums.get(key) ?? total, options),
    };
  });
  return { total: figuresOf(turnover.total, stock.total, total, options), groups };
}

function figuresOf(
  turnover: TurnoverRollup,
  stock: AgingRollupFigures,
  sums: StockSums,
  options: ResolvedReportOptions,
): ReportFigures {
  return {
    skuCount: sums.count,
    turnover,
    annualizedTurnover: annualizeTurnoverWithoutNameCheck({
      turnover: turnoverToAnnualize(turnover),
      periodDays: options.period.days,
      daysPerYear: options.daysPerYear,
    }),
    stock,
    excessValue: sums.excessValue.value(),
    expiredValue: sums.expiredValue.value(),
    expiringValue: sums.expiringValue.value(),
    reorderCount: sums.reorderCount,
    reorderPointCount: sums.reorderPointCount,
  };
}

/** Running sums of the figures neither rollup covers (`ExactSum`: most rows add zeros). */
class StockSums {
  count = 0;
  readonly excessValue = new ExactSum();
  readonly expiredValue = new ExactSum();
  readonly expiringValue = new ExactSum();
  reorderCount = 0;
  reorderPointCount = 0;

  add(a: SkuAnalysis): void {
    this.count++;
    this.excessValue.addDecimal(a.excess.excessValue);
    this.expiredValue.addDecimal(a.expiry.expiredValue);
    this.expiringValue.addDecimal(a.expiry.expiringValue);
    const atReorderPoint = isAtReorderPoint(a);
    if (atReorderPoint !== null) this.reorderPointCount++;
    if (atReorderPoint === true) this.reorderCount++;
  }
}

/**
 * Whether a row's inventory position is at or below its reorder point (trap 9: `≤`); `null` when
 * it has no reorder point.
 */
export function isAtReorderPoint(analysis: SkuAnalysis): boolean | null {
  const { reorderPoint, inventoryPosition } = analysis.replenishment;
  return reorderPoint === null ? null : inventoryPosition <= reorderPoint;
}
