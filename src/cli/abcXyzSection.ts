import type { AbcXyzFigures } from "../classify/index.js";
import type { InventoryReport, InventoryReportRow } from "../report/index.js";
import { rowNoun } from "../report/rowNoun.js";
import { displayCount, displayNumber, displayPercent } from "./displayNumber.js";
import { textTable } from "./textTable.js";

/** What the ABC value measures, for the section's title. */
const MEASURE_NAMES: Readonly<Record<string, string>> = {
  cogs: "consumption value (COGS)",
  revenue: "revenue",
  margin: "gross margin",
  quantity: "units",
  movements: "issue lines",
};

/** What the report's ABC value measures, in the section's words. */
function measureText(report: InventoryReport): string {
  return MEASURE_NAMES[report.options.abc.measure] ?? report.options.abc.measure;
}

/**
 * The ABC-XYZ matrix as a table: one row per ABC class, one column per XYZ class (and `none`, no
 * demand), each cell the number of SKUs and their share of the ABC value; under it, how many SKUs
 * are left out of it and why (no XYZ class: too few demand periods; no ABC class: no price).
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
  const measure = measureText(report);
  const columns = [
    { header: "ABC" },
    ...matrix.xyzClasses.map((xyz) => ({ header: xyz, align: "right" as const })),
    { header: "total", align: "right" as const },
  ];
  const rows = [
    ...matrix.rows.map((row) => [row.abc, ...row.cells.map(cell), cell(row.total)]),
    ["total", ...matrix.columnTotals.map(cell), cell(matrix.total)],
  ];
  const title = `ABC-XYZ matrix: ${rowNoun(report)}s (share of ${measure}); XYZ by demand variability per ${report.options.xyz.bucket}, none = no demand`;
  return `${title}\n${textTable(columns, rows, 2)}${leftOutNotes(report)}`;
}

/**
 * One line per reason a row is left out of the matrix (it has no ABC class, or no XYZ class), with
 * how many: without it the matrix's total would fall short of the SKUs in the portfolio with no
 * word why. A row without either class is counted once, under ABC.
 */
function leftOutNotes(report: InventoryReport): string {
  const counts = new Map<string, { kind: string; code: string; count: number }>();
  for (const row of report.rows) {
    const missing = missingClass(row);
    if (missing === null) continue;
    const key = `${missing.kind} ${missing.code}`;
    const entry = counts.get(key) ?? { ...missing, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const noun = rowNoun(report);
  return [...counts.values()]
    .map(({ kind, code, count }) => {
      const [is, it] = count === 1 ? ["is", "it has"] : ["are", "they have"];
      return `  ${displayCount(count, noun)} ${is} not in the matrix: ${it} no ${kind} class (${whyNoClass(code, report)}) [${code}]\n`;
    })
    .join("");
}

/** The class a row lacks (ABC first) and the reason code of its `null`, or `null` with both. */
function missingClass(row: InventoryReportRow): { kind: string; code: string } | null {
  if (row.abcClass === null) return { kind: "ABC", code: row.reasons.abcClass ?? "undefined" };
  if (row.xyzClass === null) return { kind: "XYZ", code: row.reasons.xyzClass ?? "undefined" };
  return null;
}

/** Why a row has no ABC or XYZ class, in a few words, by the reason code of its `null`. */
function whyNoClass(code: string, report: InventoryReport): string {
  const bucket = report.options.xyz.bucket;
  switch (code) {
    case "too_few_periods":
      return `demand in fewer than two whole ${bucket}s: its variability cannot be measured`;
    case "no_price":
      return `issue lines without a unitPrice leave its ${measureText(report)} unknown`;
    case "abc_excluded":
      return "its ABC value is zero, and zero values are excluded";
    default:
      return "see docs/report.md";
  }
}

function cell(figures: AbcXyzFigures): string {
  if (figures.count === 0) return "·";
  return `${displayNumber(figures.count)} (${displayPercent(figures.valueShare)})`;
}
