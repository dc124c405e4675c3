import { decimalsApart } from "../model/decimalsApart.js";
import { idleDays } from "../report/idleDays.js";
import type { InventoryReport } from "../report/index.js";
import { causesPhrase, reorderPointCauses } from "../report/reorderPointCauses.js";
import { rowNoun } from "../report/rowNoun.js";
import {
  displayCount,
  displayMoney,
  displayNumber,
  displayPercent,
  NO_VALUE,
} from "./displayNumber.js";
import { wrapText } from "./wrapText.js";

/** Width of the summary's paragraphs. */
const WIDTH = 96;

/**
 * The first thing a person wants to know: the capital tied up, how fast it turns against the
 * industry's normal range, how much of it sits in slow and dead stock, how much has expired or
 * expires soon (when any), and how many SKUs to reorder. The turnover next to the industry's
 * verdict shows as many decimals as tell it from the range's ends (`decimalsApart`): 7.996, never
 * 8, below a range of 8–15.
 *
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * portfolioSection(report);
 * // "Portfolio\n  SKUs ... 200\n ..."
 * ```
 */
export function portfolioSection(report: InventoryReport): string {
  const { totals, diagnosis } = report;
  const t = totals.turnover;
  const lines: [string, string][] = [
    ["SKUs", skuLine(report)],
    ["inventory value at the end", displayMoney(diagnosis.inventoryValue)],
    ["average inventory value", displayMoney(diagnosis.averageInventoryValue)],
    ["COGS", displayMoney(t.cogs)],
    ["revenue", displayMoney(t.revenue)],
    ["gross margin", grossMarginLine(report)],
    ["turnover", turnoverLine(report)],
    ["days of inventory", days(diagnosis.daysOfInventory, diagnosis.reasons.daysOfInventory)],
    ["industry benchmark", benchmarkLine(report)],
    ...stockLines(report),
    [
      `excess stock (over ${excessDays(report)} days of demand)`,
      displayMoney(diagnosis.excessValue),
    ],
    ...expiryLines(report),
    ["to reorder now", reorderLine(report)],
  ];
  const labelWidth = Math.max(...lines.map(([label]) => label.length));
  const body = lines.map(([label, value]) => `  ${label.padEnd(labelWidth)}  ${value}\n`).join("");
  const message = diagnosis.benchmark?.message;
  return `Portfolio\n${body}${message === undefined ? "" : `\n${wrapText(message, WIDTH, 2)}`}`;
}

function skuLine(report: InventoryReport): string {
  const skus = new Set(report.rows.map((r) => r.sku)).size;
  const locations = new Set(report.rows.flatMap((r) => (r.location === null ? [] : [r.location])));
  const where = report.options.byLocation
    ? `, ${displayCount(report.rows.length, "SKU-location")}`
    : "";
  const at = locations.size > 1 ? ` at ${displayNumber(locations.size)} locations` : "";
  return `${displayNumber(skus)}${where}${at}`;
}

function grossMarginLine(report: InventoryReport): string {
  const t = report.totals.turnover;
  if (t.grossMargin === null) {
    return `${NO_VALUE} (${displayCount(t.issuesWithoutPrice, "issue line")} without a unitPrice)`;
  }
  // GMROI is the period's gross margin over its average stock, never annualized: say the period
  // unless it is a year.
  const period = report.period.days === report.options.daysPerYear ? "" : ` ${periodText(report)}`;
  const gmroi = t.gmroi === null ? "" : `, GMROI ${displayNumber(t.gmroi, 2)}${period}`;
  return `${displayMoney(t.grossMargin)}${gmroi}`;
}

/** `in the 14 days`: the period, for a figure over it that is not annualized. */
function periodText(report: InventoryReport): string {
  return `in the ${displayCount(report.period.days, "day")}`;
}

function turnoverLine(report: InventoryReport): string {
  const { diagnosis, period } = report;
  if (diagnosis.turnover === null)
    return `${NO_VALUE} (${diagnosis.reasons.turnover ?? "undefined"})`;
  // The figure the verdict judged, with the digits that tell it from the range's ends.
  const benchmark = diagnosis.benchmark;
  const annual = benchmark?.annualTurnover ?? diagnosis.annualizedTurnover;
  const bounds = benchmark === null ? [] : [benchmark.range.min, benchmark.range.max];
  const shown = `${displayNumber(annual, decimalsApart(annual, bounds, 2))} a year`;
  const basis = diagnosis.basis === "cost" ? "" : `, ${diagnosis.basis} basis`;
  if (period.days === report.options.daysPerYear) return `${shown}${basis}`;
  return `${shown} (${displayNumber(diagnosis.turnover, 2)} ${periodText(report)}${basis})`;
}

function days(value: number | null, reason: string | undefined): string {
  return value === null
    ? `${NO_VALUE} (${reason ?? "undefined"})`
    : `${displayNumber(value, 1, true)} days`;
}

function benchmarkLine(report: InventoryReport): string {
  const { diagnosis } = report;
  const benchmark = diagnosis.benchmark;
  if (benchmark === null) {
    return diagnosis.reasons.status === "no_industry"
      ? `${NO_VALUE} (choose one with --industry: wholesale, manufacturing, retail, ...)`
      : `${NO_VALUE} (${diagnosis.reasons.status ?? "undefined"})`;
  }
  const { min, max } = benchmark.range;
  const range = max === undefined ? `${min} or more` : `${min}–${max}`;
  const who = benchmark.industry ?? "your range";
  return `${benchmark.status.toUpperCase()} the normal ${range} turns a year (${who})`;
}

/** Slow, dead and never-moved stock, each with the whole days without an issue it covers. */
function stockLines(report: InventoryReport): [string, string][] {
  const { diagnosis } = report;
  const counts = report.totals.stock.counts;
  const noun = rowNoun(report);
  const idle = idleDays(report.options.slowDays, report.options.deadDays);
  return [
    [
      idle.slow === null
        ? "slow stock (none: slowDays = deadDays)"
        : `slow stock (no issue in ${idle.slow} days)`,
      stockLine(diagnosis.slowValue, diagnosis.slowShare, counts.slow, noun),
    ],
    [
      `dead stock (no issue in ${idle.dead} days)`,
      stockLine(diagnosis.deadValue, diagnosis.deadShare, counts.dead, noun),
    ],
    [
      "never moved",
      stockLine(diagnosis.neverMovedValue, diagnosis.neverMovedShare, counts.neverMoved, noun),
    ],
  ];
}

function stockLine(
  value: InventoryReport["diagnosis"]["slowValue"],
  share: number | null,
  count: number,
  noun: string,
): string {
  return `${displayMoney(value)} (${displayPercent(share)} of inventory value, ${displayCount(count, noun)})`;
}

/**
 * The stock past its expiry day and the stock that expires within `nearExpiryDays` of the as-of
 * day, with their shares of the inventory value: one line, only when either is not zero.
 */
function expiryLines(report: InventoryReport): [string, string][] {
  const { expiredValue, expiringValue, expiredShare, expiringShare } = report.diagnosis;
  if (expiredValue.isZero() && expiringValue.isZero()) return [];
  const days = report.options.nearExpiryDays;
  const within = `${displayNumber(days)} ${days === 1 ? "day" : "days"}`;
  return [
    [
      "expired",
      `${displayMoney(expiredValue)} (${displayPercent(expiredShare)} of inventory value); expiring within ${within} ${displayMoney(expiringValue)} (${displayPercent(expiringShare)})`,
    ],
  ];
}

function excessDays(report: InventoryReport): string {
  return displayNumber(report.options.excessCoverDays);
}

function reorderLine(report: InventoryReport): string {
  const noun = rowNoun(report);
  const { reorderCount, reorderPointCount } = report.diagnosis;
  if (reorderPointCount === 0) return `${NO_VALUE} (${noReorderPoints(report)})`;
  return `${displayNumber(reorderCount)} of ${displayCount(reorderPointCount, noun)} with a reorder point`;
}

/**
 * Why no row has a reorder point, counted over every row, and what to give: `no lead times: give
 * --lead-time ...` when that is the one cause, else each cause with its count (`no demand for 1
 * SKU, no lead time for 1 SKU; give --lead-time ...`).
 *
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * noReorderPoints({ ...report, rows: [] }); // "no reorder points"
 * ```
 */
export function noReorderPoints(report: InventoryReport): string {
  const hint = "give --lead-time or a --skus file with leadTimeDays";
  const causes = reorderPointCauses(report.rows);
  if (causes.length === 0) return "no reorder points";
  if (causes.every((c) => c.code === "no_lead_time")) return `no lead times: ${hint}`;
  const noun = rowNoun(report);
  const listed = causesPhrase(causes, (count) => displayCount(count, noun));
  return causes.some((c) => c.code === "no_lead_time") ? `${listed}; ${hint}` : listed;
}
