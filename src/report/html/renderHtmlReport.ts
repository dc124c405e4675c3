import type { InventoryReport } from "../InventoryReport.js";
import { abcXyzSection } from "./abcXyzSection.js";
import { agingSection } from "./agingSection.js";
import { formatCount, formatNumber } from "./formatFigures.js";
import { groupTurnoverSection } from "./groupTurnoverSection.js";
import {
  type HtmlReportOptions,
  type ResolvedHtmlReportOptions,
  resolveHtmlReportOptions,
} from "./HtmlReportOptions.js";
import { headlineSection } from "./headlineSection.js";
import { html, SafeHtml } from "./html.js";
import { measureName } from "./measureName.js";
import { monthlySection } from "./monthlySection.js";
import { PAGE_STYLE } from "./pageStyle.js";
import { paretoSection } from "./paretoSection.js";
import { reorderSection } from "./reorderSection.js";
import { SORT_SCRIPT, SORT_SCRIPT_HASH } from "./sortScript.js";
import { staleStockSection } from "./staleStockSection.js";

/**
 * Nothing but the page itself: no request leaves it (no scripts, styles, fonts or images from
 * anywhere), styles are inline, and the only script allowed is the sort script, by its hash.
 */
const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${SORT_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

/**
 * Renders an inventory report as one self-contained HTML5 page: the charts and tables an analyst
 * looks at first, for a browser, an e-mail attachment or an archive. No request leaves the page:
 * styles are inline, charts are inline SVG, there are no fonts or images to fetch, and the only
 * script is a few lines that sort a table when its header is clicked (the page reads the same
 * without it, and prints cleanly).
 *
 * Top to bottom: headline figures (inventory value; turnover a year and days of inventory against
 * the industry band; capital in slow, dead and never-moved stock; SKUs to reorder now; expired and
 * expiring stock when there is any), the ABC Pareto curve
 * with the cutoffs marked, the ABC-XYZ grid (counts and value shares, as a heat map), the stock by
 * age in value, turnover by category (or location) against the industry band, inventory value and
 * COGS by month (with `groupBy: ['month']`, else a note), the slow and dead SKUs with the most
 * capital (top `staleRows`, then a count), and the SKUs to reorder now with the quantity to order
 * (top `reorderRows`, then a count). A section without data says why instead of drawing nothing.
 *
 * Size: the charts aggregate (the Pareto curve is thinned to `curvePoints` points; bars are per
 * bucket, group and month) and long lists show their top rows, so the page stays small whatever
 * the number of SKUs: about 60 KB for the demo's 200 SKUs, under 100 KB for 100 000 SKUs (see
 * `docs/html-report.md`). Every text from the data (SKU codes, descriptions, categories,
 * locations) is escaped, so a SKU named `<script>…` shows as text; a Content-Security-Policy
 * allows no other script on top.
 *
 * Options and defaults: `title` 'Inventory report', `subtitle` none, `currency` none, `staleRows`
 * 20, `reorderRows` 50, `groupRows` 30, `curvePoints` 500.
 *
 * @param report - a report of `analyzeLedger` or `analyzeLedgerStream`.
 * @param options - see {@link HtmlReportOptions}.
 * @returns the page, `<!DOCTYPE html>` to `</html>`, as a string (UTF-8 when written out).
 * @throws InvKpiError `invalid_argument` (options not an object, a title that is not text, a count
 *   that is not a number), `out_of_range` (a count that is not a whole number at least its minimum),
 *   `invalid_option` (an unknown option name).
 * @example
 * ```ts
 * import { analyzeLedger, type Movement, renderHtmlReport } from "invkpi";
 * const movements: Movement[] = [
 *   { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
 *   { sku: "A", date: "2025-03-05", type: "issue", quantity: 4, unitPrice: 3 },
 * ];
 * const report = analyzeLedger(movements, {
 *   period: { from: "2025-01-01", to: "2025-12-31" },
 *   groupBy: ["category", "month"],
 *   industry: "wholesale",
 * });
 * const page = renderHtmlReport(report, { title: "Stock review 2025" });
 * page.startsWith("<!DOCTYPE html>"); // true
 * ```
 */
export function renderHtmlReport(report: InventoryReport, options?: HtmlReportOptions): string {
  const settings = resolveHtmlReportOptions(options);
  const sections = [
    headlineSection(report, settings),
    paretoSection(report, settings),
    abcXyzSection(report),
    agingSection(report, settings),
    groupTurnoverSection(report, settings),
    monthlySection(report, settings),
    staleStockSection(report, settings),
    reorderSection(report, settings),
  ];
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="generator" content="invkpi">
<title>${settings.title}</title>
<link rel="icon" href="data:,">
<style>${new SafeHtml(PAGE_STYLE)}</style>
</head>
<body>
${pageHeader(report, settings)}
<main>
${sections.map((s) => html`${s}\n`)}</main>
${pageFooter(report)}
<script>${new SafeHtml(SORT_SCRIPT)}</script>
</body>
</html>
`.markup;
}

function pageHeader(report: InventoryReport, settings: ResolvedHtmlReportOptions): SafeHtml {
  const o = report.options;
  const rows = report.rows.length;
  const meta =
    `${report.period.from} to ${report.period.to} (${report.period.days} days) · stock as of ${o.asOf} · ` +
    `${o.byLocation ? formatCount(rows, "SKU-location") : formatCount(rows, "SKU")} · valuation ${o.valuation} · ` +
    `turnover on ${o.turnoverBasis}, ${o.averageMethod} average · ABC by ${measureName(o.abc.measure)}`;
  return html`<header><h1>${settings.title}</h1>${
    settings.subtitle === null ? null : html`<p class="subtitle">${settings.subtitle}</p>`
  }<p class="meta">${meta}</p></header>`;
}

function pageFooter(report: InventoryReport): SafeHtml {
  const counts = new Map<string, number>();
  for (const w of report.warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  const warnings =
    counts.size === 0
      ? "The ledger replay reported no warnings."
      : `The ledger replay reported ${formatNumber(report.warnings.length, 0)} warnings: ${[
          ...counts,
        ]
          .map(([code, n]) => `${code} ${formatNumber(n, 0)}`)
          .join(", ")} (the JSON report lists them).`;
  return html`<footer><p>${warnings}</p><p>Made by invkpi from the report's own figures: every ratio of the portfolio and of a group is a ratio of sums. Definitions: docs/report.md and docs/formulas.md of invkpi.</p></footer>`;
}
