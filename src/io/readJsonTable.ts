import { longDigitRunIn } from "./DigitRunWatch.js";
import { fileIssue } from "./fileIssue.js";
import { withTextLine } from "./InvalidTextError.js";
import { jsonErrorOffset } from "./jsonErrorOffset.js";
import type { JsonRowText, TableDriverContext, TableReadSummary } from "./readTable.js";

const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;

/**
 * The summary of a file that gave no rows. A constant, not a closure made in the reader: a `lineOf`
 * kept by the caller must not keep the reader's state alive (the row checks, the id registry).
 */
const NOTHING_READ = { rows: 0, ignoredColumns: [], lineOf: () => undefined };

/**
 * Reads a JSON array of row objects. The whole text is parsed at once (JSON has no row boundaries
 * a stream could use): for large data use NDJSON or CSV. Each element's line is found by a scan of
 * the text, so its problems carry lines too. Keys are matched to fields as
 * `ColumnResolver.renameKeys` does: unknown keys are counted, and the first `MAX_LISTED_IGNORED`
 * (20) are listed in `ignoredColumns`.
 */
export async function readJsonTable(
  context: TableDriverContext,
): Promise<Omit<TableReadSummary, "format">> {
  const { resolver, handler, issues } = context;
  let text = "";
  try {
    for await (const chunk of context.input.chunks) {
      text += chunk;
      context.progress(0);
    }
  } catch (error) {
    // Bytes that are not valid text: their line is counted in the text read before them.
    throw withTextLine(
      error,
      (before) => lineAt(text, text.length) + lineAt(before, before.length) - 1,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    issues.push(
      fileIssue(errorLine(text), "", "parse_error", `the file is not valid JSON: ${message}`),
    );
    return NOTHING_READ;
  }
  if (!Array.isArray(value)) {
    issues.push(
      fileIssue(
        1,
        "",
        "parse_error",
        "a JSON file must hold an array of row objects: [{...}, {...}]",
      ),
    );
    return NOTHING_READ;
  }
  const { lines: elementLines, starts } = jsonArrayElements(text);
  // One object for every element (valid during the handler's call); the text is looked at once
  // for long digit runs, not element by element.
  const json: { -readonly [K in keyof JsonRowText]-?: JsonRowText[K] } = {
    text,
    from: 0,
    to: 0,
    mayHaveLongDigitRun: longDigitRunIn(text, 0, text.length),
  };
  value.forEach((element: unknown, row) => {
    const line = elementLines[row] ?? 1;
    context.lines.add(row, line);
    const before = issues.length;
    const renamed = resolver.renameKeys(element, row, line, issues);
    json.from = starts[row] ?? 0;
    json.to = starts[row + 1] ?? text.length;
    handler.object(renamed, row, line, issues.length > before, json);
    context.tally.settle(); // the element is done with: only the first issues are kept
  });
  return {
    rows: value.length,
    ignoredColumns: [...resolver.ignoredKeys],
    lineOf: context.lines.lookup(),
  };
}

/** The line of a JSON syntax error: where the text stops being valid JSON. */
function errorLine(text: string): number {
  const offset = jsonErrorOffset(text);
  return lineAt(text, offset < 0 ? text.length : offset);
}

/** The line of `text[end]`: line breaks are LF, CRLF or a lone CR, as in CSV. */
function lineAt(text: string, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
  }
  return line;
}

/**
 * The 1-based line on which each element of a top-level JSON array starts. `text` must be valid
 * JSON (it has been parsed): strings hold no raw line breaks, so only line breaks outside them
 * count (LF, CRLF or a lone CR, as in CSV).
 */
export function jsonArrayElementLines(text: string): number[] {
  return jsonArrayElements(text).lines;
}

/** {@link jsonArrayElementLines}, and the offset at which each element starts. */
function jsonArrayElements(text: string): { lines: number[]; starts: number[] } {
  const lines: number[] = [];
  const starts: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
    if (c <= 32) continue; // JSON whitespace: space, tab, CR, LF
    if (depth === 1 && expectElement && c !== 93) {
      lines.push(line); // the first character of an element
      starts.push(i);
      expectElement = false;
    }
    if (c === QUOTE) inString = true;
    else if (c === 91 || c === 123) {
      depth++; // [ or {
      if (depth === 1) expectElement = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) expectElement = true; // ,
  }
  return { lines, starts };
}
