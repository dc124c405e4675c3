import type { AbcXyzFigures } from "../classify/index.js";
import type { InventoryReport } from "../report/index.js";
import { displayNumber, displayPercent } from "./displayNumber.js";
import { textTable } from "./textTable.js";

/** What the ABC value measures, for the section's title. */
const MEASURE_NAMES: Readonly<Record<string, string>> = {
  cogs: "consumption value (COGS)",
  revenue: "revenue",
  margin: "gross margin",
  quantity: "units",
  movements: "issue lines",
};

/**
 * The ABC-XYZ matrix as a table: one row per ABC class, one column per XYZ class (and `none`, no
 * demand), each cell the number of SKUs and their share of the ABC value.
 *
 * @example
 * ```ts
 * import { demoReport } from "./demoReport.js";
 * const report = demoReport();
 * abcXyzSection(report);
 * // "ABC-XYZ matrix: SKUs (share of consumption value (COGS)); XYZ by demand variability per week, none = no demand\n  ABC  ... X ... Y ..."
 * ```
 */
export function abcXyzSection(report: InventoryReport): string {
  const matrix = report.abcXyz;
  const measure = MEASURE_NAMES[report.options.abc.measure] ?? report.options.abc.measure;
  const columns = [
    { header: "ABC" },
    ...matrix.xyzClasses.map((xyz) => ({ header: xyz, align: "right" as const })),
    { header: "total", align: "right" as const },
  ];
  const rows = [
    ...matrix.rows.map((row) => [row.abc, ...row.cells.map(cell), cell(row.total)]),
    ["total", ...matrix.columnTotals.map(cell), cell(matrix.total)],
  ];
  const title = `ABC-XYZ matrix: SKUs (share of ${measure}); XYZ by demand variability per ${report.options.xyz.bucket}, none = no demand`;
  return `${title}\n${textTable(columns, rows, 2)}`;
}

function cell(figures: AbcXyzFigures): string {
  if (figures.count === 0) return "·";
  return `${displayNumber(figures.count)} (${displayPercent(figures.valueShare)})`;
}
