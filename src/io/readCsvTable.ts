import { CsvSplitter, MAX_FIELD_CHARS, recordFields } from "./CsvSplitter.js";
import { fileIssue } from "./fileIssue.js";
import { headerIssues } from "./headerIssues.js";
import { InvalidTextError, withTextLine } from "./InvalidTextError.js";
import type { TextInput } from "./openTextInput.js";
import type { TableDriverContext, TableReadSummary } from "./readTable.js";

/**
 * Reads a CSV table: the first record is the header; each later record must have as many fields
 * as the header. A record that is malformed or has the wrong number of fields is one `parse_error`
 * issue and is not checked further. A header that lacks a required column, or gives a field by two
 * columns, is reported once (`headerIssues`), and then the records are counted but neither checked
 * nor reported: every one would fail alike (a wrong delimiter makes each record one field short).
 */
export async function readCsvTable(
  context: TableDriverContext,
): Promise<Omit<TableReadSummary, "format">> {
  const { delimiter, resolver, handler, issues, tally } = context;
  const { lines } = context;
  let header: string[] | null = null;
  let ignored: string[] = [];
  let checkRows = false;
  let row = 0;
  /** Reads a plain record on the fast path; set once the header is read, when rows are checked. */
  let fastPath: PlainRecord | null = null;
  const splitter = new CsvSplitter(delimiter, (text, bounds, count, line, problem) => {
    if (header === null) {
      header = recordFields(text, bounds, count);
      const resolved = resolver.resolveHeader(header);
      ignored = resolved.ignored;
      const found = headerIssues({ names: header, line, problem, delimiter }, resolver, resolved);
      issues.push(...found.issues);
      tally.settle();
      checkRows = found.usable;
      handler.start(resolved.columnOf, header.length, delimiter);
      const plainRecord = handler.plainRecord?.bind(handler);
      if (checkRows && plainRecord !== undefined) {
        fastPath = (bytes, from, to) => {
          if (!plainRecord(bytes, from, to, row, splitter.nextLine)) return false;
          lines.add(row++, splitter.nextLine);
          return true;
        };
      }
      return;
    }
    const index = row++;
    lines.add(index, line);
    if (!checkRows) return; // the header's problem is the file's: see above
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
    } else handler.cells(text, bounds, index, line);
    tally.settle(); // the record is done with: only the first issues are kept
  });
  const bytes = context.input.utf8Chunks;
  try {
    if (bytes !== null && handler.plainRecord !== undefined) {
      await splitUtf8(
        bytes,
        context.input,
        splitter,
        () => fastPath,
        () => context.progress(row),
      );
    } else {
      for await (const chunk of context.input.chunks) {
        splitter.push(chunk);
        context.progress(row);
      }
    }
  } catch (error) {
    // Bytes that are not valid text: the splitter knows the line it has got to.
    const located = withTextLine(error, (text) => splitter.lineAfter(text));
    // The records before the bad bytes are read first, however the input was cut into chunks:
    // their problems are reported with the error (the record the bytes are in is not read).
    if (error instanceof InvalidTextError) splitter.push(withoutBom(error.textBefore, header));
    throw located;
  }
  splitter.end();
  if (header === null) {
    issues.push(
      fileIssue(1, "", "parse_error", "the file is empty: a CSV file needs a header row"),
    );
  }
  return { rows: row, ignoredColumns: ignored, lineOf: lines.lookup() };
}

/** `text` without a byte order mark at its start, while no header is read (the start of the input). */
function withoutBom(text: string, header: string[] | null): string {
  return header === null && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads one record that lies on one line without quotes, `bytes[from, to)`, as the next data row;
 * `false` when the general path must read it.
 */
type PlainRecord = (bytes: Uint8Array, from: number, to: number) => boolean;

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Feeds UTF-8 input to the splitter, offering each line that holds a whole record without quotes
 * (nearly every line of a ledger) to the fast path first, straight from the bytes. Everything else
 * (the header, quoted fields, lone CRs, a line cut by a chunk's end, a record the fast path does
 * not take) is decoded and goes through the splitter, in order, so that the splitter sees exactly
 * the records the fast path leaves it, and the line numbers stay right.
 */
async function splitUtf8(
  chunks: AsyncIterable<string | Uint8Array>,
  input: TextInput,
  splitter: CsvSplitter,
  fastPathOf: () => PlainRecord | null,
  progress: () => void,
): Promise<void> {
  let first = true;
  const pushText = (text: string): void => {
    if (text === "") return;
    // As `TextInput.chunks` does: a byte order mark at the start of the text is dropped.
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    splitter.push(text);
  };
  for await (const chunk of chunks) {
    if (typeof chunk === "string") pushText(chunk);
    else {
      const at = input.bytesRead() - chunk.byteLength; // where the chunk starts in the input
      // A line longer than the field limit (in bytes, so at least as many as its characters) goes
      // to the splitter, which alone measures fields; only a chunk longer than it can hold one.
      const fastPaths =
        chunk.byteLength > MAX_FIELD_CHARS ? shortLinesOnly(fastPathOf) : fastPathOf;
      const decodedTo = splitPlainLines(chunk, splitter, fastPaths, (from, to) =>
        pushText(input.decode(chunk.subarray(from, to), true, at + from)),
      );
      // The rest, a line cut by the chunk's end, goes to the splitter (which waits for its end).
      pushText(input.decode(chunk.subarray(decodedTo), true, at + decodedTo));
    }
    progress();
  }
  pushText(input.decode(new Uint8Array(0), false, input.bytesRead()));
}

/** `fastPathOf` for lines of at most {@link MAX_FIELD_CHARS} bytes only. */
function shortLinesOnly(fastPathOf: () => PlainRecord | null): () => PlainRecord | null {
  return () => {
    const fastPath = fastPathOf();
    if (fastPath === null) return null;
    return (bytes, from, to) => to - from <= MAX_FIELD_CHARS && fastPath(bytes, from, to);
  };
}

/**
 * Goes through the complete lines of `bytes`: a plain line the fast path takes is counted by the
 * splitter as skipped; the bytes between such lines go to `slow` (in order). Returns where the
 * bytes not yet handed on start (after the last line break).
 */
function splitPlainLines(
  bytes: Uint8Array,
  splitter: CsvSplitter,
  fastPathOf: () => PlainRecord | null,
  slow: (from: number, to: number) => void,
): number {
  let slowFrom = 0; // the first byte not handed on yet
  let pos = 0;
  let nextCr = -1;
  let nextQuote = -1;
  for (;;) {
    const lf = bytes.indexOf(LF, pos);
    if (lf < 0) break;
    if (nextCr < pos) nextCr = indexOrLength(bytes, CR, pos);
    if (nextQuote < pos) nextQuote = indexOrLength(bytes, QUOTE, pos);
    // No quote, and no CR but the first half of a final CRLF.
    if (nextQuote > lf && (nextCr > lf || nextCr === lf - 1)) {
      if (slowFrom < pos) slow(slowFrom, pos); // the splitter must be up to date
      slowFrom = pos;
      const fastPath = fastPathOf(); // null until the header is read
      const end = nextCr === lf - 1 ? lf - 1 : lf;
      if (
        fastPath !== null &&
        splitter.atRecordStart() &&
        (end === pos || fastPath(bytes, pos, end))
      ) {
        splitter.skipLine(); // a blank line, or a record read
        slowFrom = lf + 1;
      }
    }
    pos = lf + 1;
  }
  if (slowFrom < pos) slow(slowFrom, pos);
  return pos;
}

function indexOrLength(bytes: Uint8Array, byte: number, from: number): number {
  const at = bytes.indexOf(byte, from);
  return at < 0 ? bytes.length : at;
}
