import type { InventoryReport, MonthGroup, ReportGroup } from "../report/index.js";
import { displayMoney, displayNumber } from "./displayNumber.js";
import { type TextColumn, textTable } from "./textTable.js";

/**
 * One table per grouping of the report (`--group-by category,location,month`), in that order:
 * categories and locations with their capital, turnover and stale stock; months with their COGS,
 * average stock and turnover pace. Empty when the report has no groups.
 *
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * groupSections(report);
 * // "By category\n  category ..."
 * ```
 */
export function groupSections(report: InventoryReport): string {
  const sections: string[] = [];
  const { category, location, month } = report.groups;
  if (category !== undefined) sections.push(keyedSection("category", category));
  if (location !== undefined) sections.push(keyedSection("location", location));
  if (month !== undefined) sections.push(monthSection(month));
  return sections.join("\n");
}

function keyedSection(name: string, groups: readonly ReportGroup[]): string {
  const columns: TextColumn[] = [
    { header: name, maxWidth: 24 },
    { header: "SKUs", align: "right" },
    { header: "value at end", align: "right" },
    { header: "COGS", align: "right" },
    { header: "turns/yr", align: "right" },
    { header: "days inv.", align: "right" },
    { header: "stale value", align: "right" },
    { header: "reorder", align: "right" },
  ];
  const rows = groups.map((g) => [
    g.key ?? `(no ${name})`,
    displayNumber(g.skuCount),
    displayMoney(g.turnover.closingValue),
    displayMoney(g.turnover.cogs),
    displayNumber(g.annualizedTurnover, 2),
    displayNumber(g.turnover.daysOfInventory, 1, true),
    displayMoney(g.stock.slowValue.plus(g.stock.deadValue).plus(g.stock.neverMovedValue)),
    displayNumber(g.reorderCount),
  ]);
  return `By ${name}\n${textTable(columns, rows, 2)}`;
}

function monthSection(months: readonly MonthGroup[]): string {
  const columns: TextColumn[] = [
    { header: "month" },
    { header: "COGS", align: "right" },
    { header: "average value", align: "right" },
    { header: "value at end", align: "right" },
    { header: "turnover", align: "right" },
    { header: "turns/yr pace", align: "right" },
  ];
  const rows = months.map((m) => [
    m.month,
    displayMoney(m.cogs),
    displayMoney(m.averageValue),
    displayMoney(m.closingValue),
    displayNumber(m.turnover, 2),
    displayNumber(m.annualizedTurnover, 2),
  ]);
  return `By month\n${textTable(columns, rows, 2)}`;
}
