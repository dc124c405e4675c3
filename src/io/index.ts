// invkpi/node: streaming file readers and writers. The only folder that imports Node APIs.

export type { AnalyzeLedgerFileOptions } from "./analyzeLedgerFile.js";
export { analyzeLedgerFile } from "./analyzeLedgerFile.js";
export type {
  CellValue,
  FlatRecord,
  FlatRecordOf,
  JsonRecord,
  JsonRecordOf,
  WithColumns,
  WriteOptions,
} from "./CellValue.js";
export type { ColumnNames } from "./ColumnResolver.js";
export { CSV_DELIMITERS, type CsvDelimiter } from "./CsvDelimiter.js";
export { displayWidth } from "./displayWidth.js";
export type { FormatTableOptions, TextTableOptions } from "./formatTable.js";
export { formatTable } from "./formatTable.js";
export type { InputSource, ReadProgress } from "./openTextInput.js";
export type { LedgerField, ReadLedgerOptions, ReadLedgerResult } from "./readLedger.js";
export { readLedger } from "./readLedger.js";
export type { ReadSkuInfoOptions, ReadSkuInfoResult, SkuInfoField } from "./readSkuInfo.js";
export { readSkuInfo } from "./readSkuInfo.js";
export type { TableFormat, TableReadOptions } from "./readTable.js";
export { TABLE_FORMATS } from "./readTable.js";
export type { CsvWriteOptions } from "./toCsv.js";
export { csvField, toCsv } from "./toCsv.js";
export { toJson } from "./toJson.js";
export { toMarkdown } from "./toMarkdown.js";
export { toNdjson } from "./toNdjson.js";
export { writeCsv } from "./writeCsv.js";
export { writeJson } from "./writeJson.js";
export { writeMarkdown } from "./writeMarkdown.js";
export { writeNdjson } from "./writeNdjson.js";
export { writeTable } from "./writeTable.js";
export type { OutputDestination } from "./writeText.js";
