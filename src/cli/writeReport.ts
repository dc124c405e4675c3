import type { FlatRecord } from "../io/index.js";
import { writeCsv, writeMarkdown } from "../io/index.js";
import { type OutputDestination, writeText } from "../io/writeText.js";
import { isDecimal } from "../model/money.js";
import type { InventoryReport, InventoryReportRow } from "../report/index.js";
import { renderHtmlReport, toRecords } from "../report/index.js";
import { reportSummary } from "./reportSummary.js";

/** The output formats of `invkpi analyze`. */
export const OUTPUT_FORMATS = ["table", "csv", "json", "ndjson", "md", "html"] as const;
/** An output format of `invkpi analyze`. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  readonly format: OutputFormat;
  /** First line of the table format; the line under the title of the html format. */
  readonly heading: string;
  /** Rows in each list of the table format. */
  readonly top: number;
  /** The csv format starts with a UTF-8 byte order mark (for Excel); default false. */
  readonly bom?: boolean;
}

/**
 * Writes a report in one of the output formats:
 * - `table`: the summary for a person (portfolio, groups, ABC-XYZ, slow and dead stock, reorder
 *   now) and the `top` rows with the most capital;
 * - `csv`, `md`: every row, every column; money as exact decimals (never formula-escaped: amounts
 *   are written as numbers), `reasons` as one `field=code;...` cell; nothing at all without rows;
 * - `ndjson`: one JSON object per row (`toRecords`: money as exact decimal strings, `reasons` an
 *   object);
 * - `json`: the whole report, one object: `period`, `options`, `totals`, `groups`, `diagnosis`,
 *   `abcXyz`, `warnings`, and `rows` as in NDJSON; every amount an exact decimal string;
 * - `html`: one self-contained page with the charts and top lists (`renderHtmlReport`).
 *
 * @param destination - a file path, or a stream such as stdout.
 * @throws InvKpiError `io_error` when the destination cannot be written.
 * @example
 * ```ts
 * import { Writable } from "node:stream";
 * import { demoReport } from "./demoReport.js";
 * let csv = "";
 * const out = new Writable({ write: (chunk, _encoding, done) => done(void (csv += chunk)) });
 * await writeReport(demoReport(), out, { format: "csv", heading: "", top: 25 });
 * csv.split("\n", 1)[0]; // "sku,description,category,location,openingQuantity,..."
 * csv.trimEnd().split("\n").length; // 201: the header and 200 SKUs
 * ```
 */
export async function writeReport(
  report: InventoryReport,
  destination: OutputDestination,
  options: WriteReportOptions,
): Promise<void> {
  switch (options.format) {
    case "table": {
      const text = reportSummary(report, {
        heading: options.heading,
        top: options.top,
        rows: true,
      });
      await writeText([text], destination, "invkpi");
      return;
    }
    case "csv":
    case "md": {
      // Without rows there are no columns to name: the output is empty.
      if (report.rows.length === 0) await writeText([], destination, "invkpi");
      else if (options.format === "csv")
        await writeCsv(report.rows.map(flatRow), destination, { bom: options.bom === true });
      else await writeMarkdown(report.rows.map(flatRow), destination);
      return;
    }
    case "ndjson":
      await writeText(ndjsonLines(report), destination, "invkpi");
      return;
    case "json":
      await writeText(jsonPieces(report), destination, "invkpi");
      return;
    case "html":
      await writeText(
        [renderHtmlReport(report, { subtitle: options.heading })],
        destination,
        "invkpi",
      );
      return;
  }
}

/** A row with its reasons as one text cell, for CSV and Markdown. */
function flatRow(row: InventoryReportRow): FlatRecord {
  const reasons = Object.entries(row.reasons)
    .map(([field, code]) => `${field}=${code}`)
    .join(";");
  return { ...row, reasons } as FlatRecord;
}

function* ndjsonLines(report: InventoryReport): Generator<string> {
  for (const record of toRecords(report)) yield `${JSON.stringify(record)}\n`;
}

/** The report as one JSON object, its rows streamed one per line. */
function* jsonPieces(report: InventoryReport): Generator<string> {
  const { rows: _rows, ...rest } = report;
  yield "{\n";
  for (const [key, value] of Object.entries(rest)) {
    yield `${JSON.stringify(key)}: ${JSON.stringify(value, exactDecimals)},\n`;
  }
  yield '"rows": [';
  let first = true;
  for (const record of toRecords(report)) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(record)}`;
    first = false;
  }
  yield first ? "]\n}\n" : "\n]\n}\n";
}

/**
 * A JSON replacer that writes a `Decimal` as its exact fixed-point text (its own `toJSON` would
 * switch to exponent notation for very small or large amounts).
 */
function exactDecimals(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  return isDecimal(original) ? original.toFixed() : value;
}
