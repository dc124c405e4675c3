// A streaming RFC 4180 record splitter. Text arrives in chunks of any size (a chunk may end in the
// middle of a field, a quoted field, a doubled quote or a CRLF) and complete records leave through
// a callback with the physical line on which each one starts.
//
// It runs once per character of files with millions of rows, so it has two paths:
// - the fast path, for a record that lies whole in the chunk on one line without quotes (nearly
//   every record of a ledger): the native `indexOf` finds the line end and the delimiters (twice
//   as fast as a loop over characters, measured), and the record is handed on as positions in the
//   chunk, without creating a string per field;
// - the general path, a state machine over characters for everything else (quoted fields,
//   doubled quotes, line breaks inside quotes, records cut by a chunk boundary, lone CRs).

import { grown } from "../model/grown.js";

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

// Where the state machine is between two characters (kept across chunks).
/** At the start of a field: the next character decides whether it is quoted. */
const FIELD_START = 0;
/** Inside an unquoted field. */
const UNQUOTED = 1;
/** Inside a quoted field. */
const QUOTED = 2;
/** Just after a quote inside a quoted field: a doubled quote, or the closing quote. */
const AFTER_QUOTE = 3;
/** The record grew past {@link MAX_FIELD_CHARS}: the rest of the input is ignored. */
const GAVE_UP = 4;

/** The problem of spaces before an opening quote (` "A"`). */
function spaceBeforeQuote(field: number): string {
  return `field ${field} has spaces before its opening quote: remove them (a quoted field starts with its quote)`;
}

/** Whether `text[from, to)` holds only spaces and tabs. */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Longest field accepted, in UTF-16 code units. A longer one almost always means an unclosed quote
 * that swallowed the rest of the file; stopping there keeps memory bounded.
 */
export const MAX_FIELD_CHARS = 1 << 22;

/**
 * Receives one record: field `k` is `text.slice(bounds[2k], bounds[2k + 1])` for `k < count`
 * (`text` and `bounds` are reused, so copy what you keep); `line` is the 1-based line on which the
 * record starts, and `problem` says what is wrong with its syntax, or is `null`.
 */
export type CsvRecordHandler = (
  text: string,
  bounds: Int32Array,
  count: number,
  line: number,
  problem: string | null,
) => void;

/** The fields of a record as strings. */
export function recordFields(text: string, bounds: Int32Array, count: number): string[] {
  const fields: string[] = [];
  for (let k = 0; k < count; k++) fields.push(text.slice(bounds[2 * k], bounds[2 * k + 1]));
  return fields;
}

/**
 * Splits CSV text into records (RFC 4180: fields separated by the delimiter, records by LF, CRLF or
 * a lone CR; a field in double quotes may hold delimiters, quotes written twice, and line breaks).
 * Blank lines are skipped. Quotes inside an unquoted field are kept as text; text after a closing
 * quote is kept too, and the record is reported as malformed.
 *
 * Call {@link push} with each chunk and {@link end} once at the end of the input.
 */
export class CsvSplitter {
  private readonly delimiter: number;
  private readonly delimiterText: string;
  private readonly onRecord: CsvRecordHandler;
  private bounds = new Int32Array(64);
  /** Fields of the current record read by the general path. */
  private readonly fields: string[] = [];
  private count = 0;
  private state = FIELD_START;
  /** The current field's text gathered so far, when it is quoted or spans chunks. */
  private pending = "";
  /** A CR at the end of a chunk, held back so that a CRLF is never split between two chunks. */
  private heldCr = false;
  /** Line on which the current record starts. */
  private line = 1;
  /** Line breaks inside quoted fields of the current record. */
  private breaks = 0;
  private problem: string | null = null;

  constructor(delimiter: string, onRecord: CsvRecordHandler) {
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
    this.onRecord = onRecord;
  }

  /** Feeds the next chunk of text. */
  push(chunk: string): void {
    let text = this.heldCr ? `\r${chunk}` : chunk;
    this.heldCr = text.charCodeAt(text.length - 1) === CR;
    if (this.heldCr) text = text.slice(0, -1);
    this.scan(text);
  }

  /**
   * Whether the text pushed so far ends between two records (not inside one, not after a CR that
   * may be the first half of a CRLF): then a reader may handle the next line itself and tell the
   * splitter with {@link skipLine}.
   */
  atRecordStart(): boolean {
    return this.state === FIELD_START && this.count === 0 && !this.heldCr;
  }

  /** The line on which the next record starts (1-based). */
  get nextLine(): number {
    return this.line;
  }

  /**
   * The line on which the input would be after `text` (not pushed): the lines of the text pushed
   * so far, and of `text`. For an error in text the splitter never gets (bytes that are not valid
   * UTF-8); the line breaks of `text` are counted here, not on the way.
   */
  lineAfter(text: string): number {
    const rest = this.heldCr ? `\r${text}` : text;
    return this.line + this.breaks + countLineBreaks(rest, 0, rest.length);
  }

  /** Counts one line that the reader handled itself, between two records (see {@link atRecordStart}). */
  skipLine(): void {
    this.line++;
  }

  /** Ends the input: emits the last record when the text does not end with a line break. */
  end(): void {
    if (this.heldCr) {
      this.heldCr = false;
      this.scan("\r");
    }
    switch (this.state) {
      case FIELD_START:
        // After a delimiter ("a,b,") the record has one more, empty, field.
        if (this.count > 0) this.finishRecord("");
        break;
      case UNQUOTED:
      case AFTER_QUOTE:
        this.finishRecord(this.pending);
        break;
      case QUOTED:
        this.problem ??=
          "a quoted field is never closed: the file ends inside quotes (unclosed quote)";
        this.finishRecord(this.pending);
        break;
      default: // GAVE_UP
        this.finishRecord("");
    }
    this.state = FIELD_START;
    this.pending = "";
  }

  private scan(text: string): void {
    const n = text.length;
    const delimiter = this.delimiter;
    let state = this.state;
    let pending = this.pending;
    let i = 0;
    let start = 0; // where the current unquoted field starts in `text`
    // Next LF, CR, quote and delimiter at or after `i` (n when none), found lazily by indexOf.
    let nextLf = -1;
    let nextCr = -1;
    let nextQuote = -1;
    let nextDelimiter = -1;
    while (i < n) {
      if (state === FIELD_START && this.count === 0) {
        // Fast path: a whole line, in this chunk, without quotes or CRs but a final CRLF.
        if (nextLf < i) nextLf = find(text, "\n", i);
        if (nextLf < n) {
          if (nextQuote < i) nextQuote = find(text, '"', i);
          if (nextCr < i) nextCr = find(text, "\r", i);
          const end = nextCr === nextLf - 1 ? nextCr : nextLf;
          if (nextQuote > end && (nextCr > nextLf || nextCr === end)) {
            if (end === i)
              this.line++; // a blank line
            else {
              let count = 0;
              let from = i;
              for (;;) {
                if (nextDelimiter < from) nextDelimiter = find(text, this.delimiterText, from);
                const stop = nextDelimiter < end ? nextDelimiter : end;
                if (stop - from > MAX_FIELD_CHARS) break; // too long: see below
                if (2 * count + 2 > this.bounds.length) this.growBounds();
                this.bounds[2 * count] = from;
                this.bounds[2 * count + 1] = stop;
                count++;
                if (stop === end) break;
                from = stop + 1;
              }
              if (this.bounds[2 * count - 1] !== end || count === 0) {
                state = this.giveUp(); // a field longer than the limit, wherever chunks end
                break;
              }
              this.onRecord(text, this.bounds, count, this.line++, null);
            }
            i = nextLf + 1;
            continue;
          }
        }
      }
      if (state === FIELD_START) {
        if (text.charCodeAt(i) === QUOTE) {
          state = QUOTED;
          i++;
          continue;
        }
        state = UNQUOTED;
        start = i;
      }
      if (state === UNQUOTED) {
        let j = i;
        let c = 0;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === delimiter || c === LF || c === CR) break;
          // A quote after nothing but spaces (` "A"`) was meant to open a quoted field, which RFC
          // 4180 does not allow there: not the SKU ` "A"` without a word (`"A" ` is an error too).
          // A quote inside text (`12" pipe`) stays text.
          if (c === QUOTE && onlySpaces(pending, 0, pending.length) && onlySpaces(text, start, j))
            this.problem ??= spaceBeforeQuote(this.count + 1);
          j++;
        }
        if (j === n) {
          pending += text.slice(start, n); // the field goes on in the next chunk
          i = n;
          break;
        }
        if (pending.length + j - start > MAX_FIELD_CHARS) {
          pending = "";
          state = this.giveUp();
          break;
        }
        const value = pending === "" ? text.slice(start, j) : pending + text.slice(start, j);
        pending = "";
        i = j + 1;
        if (c === delimiter) this.fields[this.count++] = value;
        else {
          if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
          if (this.count === 0 && value === "" && this.problem === null)
            this.line++; // blank line
          else this.finishRecord(value);
        }
        state = FIELD_START;
        continue;
      }
      if (state === QUOTED) {
        if (nextQuote < i) nextQuote = find(text, '"', i);
        const stop = nextQuote;
        this.breaks += countLineBreaks(text, i, stop);
        pending += text.slice(i, stop);
        if (stop === n) {
          i = n;
          break;
        }
        i = stop + 1;
        state = AFTER_QUOTE;
        continue;
      }
      if (state === AFTER_QUOTE) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          pending += '"'; // a doubled quote stands for one quote
          i++;
          state = QUOTED;
        } else if (pending.length > MAX_FIELD_CHARS) {
          pending = "";
          state = this.giveUp();
          break;
        } else if (c === delimiter || c === LF || c === CR) {
          i++;
          if (c === delimiter) this.fields[this.count++] = pending;
          else {
            if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
            this.finishRecord(pending);
          }
          pending = "";
          state = FIELD_START;
        } else {
          this.problem ??= `field ${this.count + 1} has text after its closing quote`;
          state = UNQUOTED; // keep the text and go on to the next delimiter
          start = i;
        }
        continue;
      }
      i = n; // GAVE_UP: ignore the rest
    }
    if (state !== GAVE_UP && pending.length > MAX_FIELD_CHARS) {
      pending = "";
      state = this.giveUp();
    }
    this.state = state;
    this.pending = pending;
  }

  /**
   * A field is longer than {@link MAX_FIELD_CHARS}: the record's problem, and the rest of the input
   * is ignored. Checked on every field as it ends, and on the part of a field a chunk leaves open,
   * so the limit is exact whatever the chunks are.
   */
  private giveUp(): typeof GAVE_UP {
    this.problem = `a field is longer than ${MAX_FIELD_CHARS} characters (an unclosed quote?): the rest of the input was not read`;
    return GAVE_UP;
  }

  /** Emits a record read by the general path: its fields joined into one text, with bounds. */
  private finishRecord(lastField: string): void {
    this.fields[this.count++] = lastField;
    const count = this.count;
    while (2 * count > this.bounds.length) this.growBounds();
    let text = "";
    for (let k = 0; k < count; k++) {
      this.bounds[2 * k] = text.length;
      text += this.fields[k] as string;
      this.bounds[2 * k + 1] = text.length;
    }
    this.onRecord(text, this.bounds, count, this.line, this.problem);
    this.line += this.breaks + 1;
    this.breaks = 0;
    this.count = 0;
    this.problem = null;
  }

  private growBounds(): void {
    this.bounds = grown(this.bounds, new Int32Array(this.bounds.length * 2));
  }
}

/** The index of `search` in `text` at or after `from`, or `text.length` when there is none. */
function find(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

/** Line breaks (LF, CRLF, lone CR) in `text[from, to)`: lines inside a quoted field. */
function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) breaks++;
  }
  return breaks;
}
