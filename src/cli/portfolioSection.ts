import type { InventoryReport } from "../report/index.js";
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
 * industry's normal range, how much of it sits in slow and dead stock, and how many SKUs to reorder.
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
  const counts = totals.stock.counts;
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
    [
      `slow stock (no issue in ${displayNumber(report.options.slowDays)}+ days)`,
      stockLine(diagnosis.slowValue, diagnosis.slowShare, counts.slow),
    ],
    [
      `dead stock (no issue in ${displayNumber(report.options.deadDays)}+ days)`,
      stockLine(diagnosis.deadValue, diagnosis.deadShare, counts.dead),
    ],
    [
      "never moved",
      stockLine(diagnosis.neverMovedValue, diagnosis.neverMovedShare, counts.neverMoved),
    ],
    [
      `excess stock (over ${excessDays(report)} days of demand)`,
      displayMoney(diagnosis.excessValue),
    ],
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
  const gmroi = t.gmroi === null ? "" : `, GMROI ${displayNumber(t.gmroi, 2)}`;
  return `${displayMoney(t.grossMargin)}${gmroi}`;
}

function turnoverLine(report: InventoryReport): string {
  const { diagnosis, period } = report;
  if (diagnosis.turnover === null)
    return `${NO_VALUE} (${diagnosis.reasons.turnover ?? "undefined"})`;
  const annual = `${displayNumber(diagnosis.annualizedTurnover, 2)} a year`;
  const basis = diagnosis.basis === "cost" ? "" : `, ${diagnosis.basis} basis`;
  if (period.days === report.options.daysPerYear) return `${annual}${basis}`;
  return `${annual} (${displayNumber(diagnosis.turnover, 2)} in the ${displayCount(period.days, "day")}${basis})`;
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

function stockLine(
  value: InventoryReport["diagnosis"]["slowValue"],
  share: number | null,
  count: number,
): string {
  return `${displayMoney(value)} (${displayPercent(share)} of inventory value, ${displayCount(count, "SKU")})`;
}

function excessDays(report: InventoryReport): string {
  return displayNumber(report.options.excessCoverDays);
}

function reorderLine(report: InventoryReport): string {
  const withPoint = report.rows.filter((r) => r.reorderPoint !== null).length;
  if (withPoint === 0)
    return `${NO_VALUE} (no lead times: give --lead-time or a --skus file with leadTimeDays)`;
  return `${displayNumber(report.diagnosis.reorderCount)} of ${displayCount(withPoint, "SKU")} with a reorder point`;
}
