// The visual report: one self-contained HTML page of an InventoryReport, charts as inline SVG.
// The public API of src/report/html/ (the chart geometry stays internal).

export { escapeHtml } from "./escapeHtml.js";
export type { HtmlReportOptions } from "./HtmlReportOptions.js";
export { renderHtmlReport } from "./renderHtmlReport.js";
