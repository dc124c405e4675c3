import type { LedgerIssue } from "../model/InvKpiError.js";
import type { FieldSpec } from "./ColumnResolver.js";
import { CsvSplitter, recordFields } from "./CsvSplitter.js";
import { LineIndex } from "./LineIndex.js";
import type { TableDriverContext, TableReadSummary } from "./readTable.js";

/** Row number of problems that belong to the file as a whole (its header, or its absence). */
export const FILE_ROW = -1;

/**
 * Reads a CSV table: the first record is the header; each later record must have as many fields
 * as the header. A record that is malformed or has the wrong number of fields is one `parse_error`
 * issue and is not checked further. A missing required column is one `missing_field` issue, after
 * which the records are still split (and malformed ones reported) but not checked.
 */
export async function readCsvTable(
  context: TableDriverContext,
): Promise<Omit<TableReadSummary, "format">> {
  const { delimiter, resolver, handler, issues } = context;
  const lines = new LineIndex();
  let header: string[] | null = null;
  let ignored: string[] = [];
  let checkRows = false;
  let row = 0;
  const splitter = new CsvSplitter(delimiter, (text, bounds, count, line, problem) => {
    if (header === null) {
      header = recordFields(text, bounds, count);
      if (problem !== null) issues.push(fileIssue(line, "", "parse_error", problem));
      const resolved = resolver.resolveHeader(header);
      ignored = resolved.ignored;
      const missing = missingColumns(
        resolver.fields,
        resolver.expected,
        resolved.columnOf,
        header,
        delimiter,
      );
      issues.push(...missing);
      checkRows = missing.length === 0;
      handler.start(resolved.columnOf);
      return;
    }
    const index = row++;
    lines.add(index, line);
    if (problem !== null) {
      issues.push({ row: index, line, field: "", code: "parse_error", message: problem });
    } else if (count !== header.length) {
      issues.push({
        row: index,
        line,
        field: "",
        code: "parse_error",
        message: `the record has ${count} field${count === 1 ? "" : "s"} but the header has ${header.length}`,
      });
    } else if (checkRows) handler.cells(text, bounds, index, line);
  });
  for await (const chunk of context.input.chunks) {
    splitter.push(chunk);
    context.progress(row);
  }
  splitter.end();
  if (header === null) {
    issues.push(
      fileIssue(1, "", "parse_error", "the file is empty: a CSV file needs a header row"),
    );
  }
  return { rows: row, ignoredColumns: ignored, lineOf: (r) => lines.lineOf(r) };
}

function missingColumns(
  fields: readonly FieldSpec[],
  expected: readonly string[],
  columnOf: Int32Array,
  header: readonly string[],
  delimiter: string,
): LedgerIssue[] {
  // One column whose name holds another delimiter: the file probably uses that delimiter.
  const only = header.length === 1 ? (header[0] as string) : "";
  const other = [",", ";", "\t"].find((d) => d !== delimiter && only.includes(d));
  const hint =
    other === undefined
      ? ""
      : ` (the header has one column: is the delimiter ${JSON.stringify(other)}?)`;
  const issues: LedgerIssue[] = [];
  fields.forEach((field, k) => {
    if (!field.required || columnOf[k] !== -1) return;
    const name = expected[k] as string;
    const which =
      name === field.name ? `${name} column` : `column ${JSON.stringify(name)} (for ${field.name})`;
    issues.push({
      ...fileIssue(1, field.name, "missing_field", `the header has no ${which}${hint}`),
      value: JSON.stringify(name),
    });
  });
  return issues;
}

/** A problem of the file as a whole, reported on a line rather than on a row. */
export function fileIssue(
  line: number,
  field: string,
  code: LedgerIssue["code"],
  message: string,
): LedgerIssue {
  return { row: FILE_ROW, line, field, code, message };
}
