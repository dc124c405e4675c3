import type { InventoryReport, MonthGroup, ReportGroup } from "../report/index.js";
import { rowNoun } from "../report/rowNoun.js";
import { displayMoney, displayNumber, NO_VALUE } from "./displayNumber.js";
import { type TextColumn, textTable } from "./textTable.js";

/**
 * One table per grouping of the report (`--group-by category,location,month`), in that order:
 * categories and locations with their capital, turnover, stale (slow, dead and never-moved) stock
 * and rows to reorder; months with their COGS, average stock and turnover pace. Empty when the
 * report has no groups. A group none of whose rows has a reorder point shows `–` to reorder (the
 * count is unknown), as the portfolio's line does, with a note under the table; 0 means reorder
 * points exist and none is reached. In a report by location the rows are counted as SKU-locations.
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
  if (category !== undefined) sections.push(keyedSection(report, "category", category));
  if (location !== undefined) sections.push(keyedSection(report, "location", location));
  if (month !== undefined) sections.push(monthSection(month));
  return sections.join("\n");
}

function keyedSection(
  report: InventoryReport,
  name: "category" | "location",
  groups: readonly ReportGroup[],
): string {
  const noun = rowNoun(report);
  const columns: TextColumn[] = [
    { header: name, maxWidth: 24 },
    { header: `${noun}s`, align: "right" },
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
    g.reorderPointCount > 0 ? displayNumber(g.reorderCount) : NO_VALUE,
  ]);
  const unknown = groups.some((g) => g.reorderPointCount === 0);
  const note = unknown
    ? `  reorder ${NO_VALUE}: no ${noun} in the group has a reorder point\n`
    : "";
  return `By ${name}\n${textTable(columns, rows, 2)}${note}`;
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
