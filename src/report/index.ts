// The one-call analysis: ledger + options → per-SKU KPI rows, portfolio totals, group rollups,
// diagnosis and the ABC-XYZ matrix. The public API of src/report/.

export type {
  AbcMeasure,
  AbcReportOptions,
  AnalyzeLedgerOptions,
  DemandReportOptions,
  ReplenishmentReportOptions,
  ReportGrouping,
  ReportIndustry,
  XyzReportOptions,
} from "./AnalyzeLedgerOptions.js";
export { ABC_MEASURES, REPORT_GROUPINGS } from "./AnalyzeLedgerOptions.js";
export type { AgingColumn } from "./agingColumns.js";
export { agingColumns } from "./agingColumns.js";
export { analyzeLedger } from "./analyzeLedger.js";
export type { AnalyzeLedgerStreamOptions, StreamMode } from "./analyzeLedgerStream.js";
export { analyzeLedgerStream, STREAM_MODES } from "./analyzeLedgerStream.js";
export { combinePartials } from "./combinePartials.js";
export type { HtmlReportOptions } from "./html/index.js";
export { escapeHtml, renderHtmlReport } from "./html/index.js";
export type { InventoryReport } from "./InventoryReport.js";
export type {
  InventoryReportRow,
  InventoryReportRowFields,
  NullableRowField,
  RowReasons,
} from "./InventoryReportRow.js";
export type { PartialPlace } from "./PartialCombiner.js";
export { PartialCombiner } from "./PartialCombiner.js";
export type {
  JsonObject,
  PartialHeaderRecord,
  PartialRecord,
  PartialSkuRecord,
} from "./PartialRecord.js";
export { PARTIAL_FORMAT_VERSION } from "./PartialRecord.js";
export type { ReportNullReason, ReportOwnNullReason } from "./ReportNullReason.js";
export { REPORT_NULL_REASONS } from "./ReportNullReason.js";
export type { NullableDiagnosisField, ReportDiagnosis } from "./reportDiagnosis.js";
export type { ReportFigures, ReportGroup } from "./reportFigures.js";
export type { MonthGroup, ReportGroups } from "./reportGroups.js";
export type { ResolvedReportOptions } from "./resolveReportOptions.js";
export { toPartialRecords } from "./toPartialRecords.js";
export type {
  FlatReportRecord,
  RecordReasons,
  RecordValue,
  ReportRecord,
  ToRecordsOptions,
} from "./toRecords.js";
export { toRecords } from "./toRecords.js";
