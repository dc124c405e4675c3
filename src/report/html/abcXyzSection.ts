import type { AbcXyzFigures } from "../../classify/index.js";
import type { InventoryReport } from "../InventoryReport.js";
import { rowNoun } from "../rowNoun.js";
import { formatCount, formatNumber, formatPercent } from "./formatFigures.js";
import { html, type SafeHtml } from "./html.js";
import { measureName } from "./measureName.js";
import { reportSection } from "./reportSection.js";
import { xyzLegend } from "./xyzLegend.js";

/**
 * The shade of a heat-map cell, 0 (empty) to 5, from its share of the total value: the square root
 * spreads the small shares, which most cells have, over more shades.
 *
 *     level = 0 for no share; else min(5, 1 + ⌊5 × √share⌋)
 *
 * @example
 * ```ts
 * heatLevel(0); // 0
 * heatLevel(0.01); // 1
 * heatLevel(0.5); // 4
 * heatLevel(1); // 5
 * ```
 */
export function heatLevel(share: number | null): number {
  if (share === null || !(share > 0)) return 0;
  return Math.min(5, 1 + Math.floor(5 * Math.sqrt(Math.min(share, 1))));
}

/**
 * The ABC-XYZ grid as a heat-map table: ABC classes down, XYZ classes (and `none`, SKUs without
 * demand) across, each cell with its SKU count and its share of the ABC measure, shaded by that
 * share; row and column totals. The figures are the report's `abcXyz` matrix.
 */
export function abcXyzSection(report: InventoryReport): SafeHtml {
  const matrix = report.abcXyz;
  const { xyz, abc } = report.options;
  const measure = measureName(abc.measure);
  const noun = rowNoun(report);
  const head = html`<tr><th scope="col">ABC ↓ XYZ →</th>${matrix.xyzClasses.map((c) => html`<th scope="col">${c}</th>`)}<th scope="col" class="total">all</th></tr>`;
  const rows = matrix.rows.map(
    (row) =>
      html`<tr><th scope="row">${row.abc}</th>${row.cells.map((cell) => cellMarkup(cell, "", noun))}${cellMarkup(row.total, "total", noun)}</tr>`,
  );
  const totals = html`<tr><th scope="row" class="total">all</th>${matrix.columnTotals.map((c) => cellMarkup(c, "total", noun))}${cellMarkup(matrix.total, "total", noun)}</tr>`;
  const unmatched = matrix.unmatched.abcOnly.length + matrix.unmatched.xyzOnly.length;
  const intro =
    `Each cell counts the ${noun}s of one ABC class (by ${measure}) and one XYZ class (demand variation per ${xyz.bucket}: ` +
    `${xyzLegend(xyz)}; none: no demand), ` +
    `with their share of the total ${measure}. Darker cells hold more of it.`;
  return reportSection({
    id: "abc-xyz",
    title: "ABC-XYZ grid",
    intro,
    body: html`<div class="table-wrap"><table class="grid-table"><thead>${head}</thead><tbody>${rows}${totals}</tbody></table></div>${
      unmatched > 0
        ? html`<p class="more">${formatNumber(unmatched, 0)} rows have an ABC class but no XYZ class (too few demand periods) or the reverse, and are not in the grid.</p>`
        : null
    }`,
  });
}

function cellMarkup(figures: AbcXyzFigures, extra: string, noun: string): SafeHtml {
  const share = figures.valueShare;
  const tone = extra === "total" ? "total" : `heat-${heatLevel(share)}`;
  return html`<td class="${tone}" title="${`${formatCount(figures.count, noun)}, ${formatPercent(share)} of the value`}"><span class="count">${formatNumber(figures.count, 0)}</span><span class="share">${formatPercent(share)}</span></td>`;
}
