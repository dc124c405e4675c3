import { describeValue } from "../model/InvKpiError.js";
import { MAX_FIELD_CHARS } from "./CsvSplitter.js";
import { isBlank } from "./csvCellValue.js";
import { DigitRunWatch } from "./DigitRunWatch.js";
import { InvalidTextError, withTextLine } from "./InvalidTextError.js";
import { LineSplitter } from "./LineSplitter.js";
import type { JsonRowText, TableDriverContext, TableReadSummary } from "./readTable.js";

/**
 * Reads NDJSON (JSON Lines): one JSON value per line; blank lines are skipped and do not count as
 * rows. A line that is not valid JSON is one `parse_error` issue with its line. Keys are matched to
 * fields as `ColumnResolver.renameKeys` does: unknown keys are counted, and the first
 * `MAX_LISTED_IGNORED` (20) are listed in `ignoredColumns`.
 */
export async function readNdjsonTable(
  context: TableDriverContext,
): Promise<Omit<TableReadSummary, "format">> {
  const { resolver, handler, issues, tally } = context;
  const { lines } = context;
  let row = 0;
  // One object for every line (valid during the handler's call): a row allocates nothing of its own.
  const json: { -readonly [K in keyof JsonRowText]-?: JsonRowText[K] } = {
    text: "",
    from: 0,
    to: 0,
    mayHaveLongDigitRun: true,
  };
  // The text is looked at once per chunk for long digit runs, not line by line.
  const digitRuns = new DigitRunWatch();
  /** One non-blank line (`null`: one too long to read) as the next row. */
  const readLine = (text: string | null, line: number): void => {
    const index = row++;
    lines.add(index, line);
    if (text === null) {
      issues.push({
        row: index,
        line,
        field: "",
        code: "parse_error",
        message: `the line is longer than ${MAX_FIELD_CHARS} characters`,
      });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      issues.push({
        row: index,
        line,
        field: "",
        code: "parse_error",
        message: `the line is not valid JSON: ${(error as Error).message}`,
        value: describeValue(text),
      });
      return;
    }
    const before = issues.length;
    const renamed = resolver.renameKeys(value, index, line, issues);
    json.text = text;
    json.to = text.length;
    handler.object(renamed, index, line, issues.length > before, json);
  };
  const splitter = new LineSplitter((text, line) => {
    if (text !== null && isBlank(text)) return;
    readLine(text, line);
    tally.settle(); // the line is done with: only the first issues are kept
  });
  const push = (chunk: string): void => {
    json.mayHaveLongDigitRun = digitRuns.push(chunk);
    splitter.push(chunk);
  };
  try {
    for await (const chunk of context.input.chunks) {
      push(chunk);
      context.progress(row);
    }
  } catch (error) {
    // Bytes that are not valid text: the splitter knows the line it has got to.
    const located = withTextLine(error, (text) => splitter.lineAfter(text));
    // The lines before the bad bytes are read first, however the input was cut into chunks: their
    // problems are reported with the error (the line the bytes are in is not read).
    if (error instanceof InvalidTextError) push(error.textBefore);
    throw located;
  }
  json.mayHaveLongDigitRun = digitRuns.lastLine;
  splitter.end();
  return { rows: row, ignoredColumns: [...resolver.ignoredKeys], lineOf: lines.lookup() };
}
