import { InvKpiError } from "../model/InvKpiError.js";
import type { EncodingHint } from "./encodingHint.js";
import type { InvalidTextSpot } from "./locateInvalidText.js";

/**
 * Bytes that are not valid text in their encoding: an `io_error` whose message names the byte
 * offset, and, when the bytes say how to read them, a hint (`details.suggestedEncoding`, when they
 * say which encoding). The table reader that was reading catches it and throws {@link atLine}'s
 * error instead, which names the line too (only the reader knows the line: it counts the line
 * breaks of the text it has read, so the decoding of valid text does no extra work).
 */
export class InvalidTextError extends InvKpiError {
  /** The text the reader had not seen yet before the bad bytes, whose line breaks it counts. */
  readonly textBefore: string;
  private readonly head: string;
  private readonly reason: string;
  private readonly place: string;
  private readonly hint: EncodingHint | null;
  private readonly source: string;
  private readonly offset: number;

  /**
   * @param fn - the reading function, for the message.
   * @param name - the file, or `the input stream`.
   * @param encoding - the encoding the bytes are not valid in.
   * @param offset - the 0-based offset in the input of the bad sequence's first byte.
   * @param spot - where the decoding failed ({@link locateInvalidText}).
   * @param hint - what the bytes look like (`encodingHint`), or `null`.
   */
  constructor(
    fn: string,
    name: string,
    encoding: string,
    offset: number,
    spot: InvalidTextSpot,
    hint: EncodingHint | null = null,
  ) {
    const head = `${fn}: cannot read ${name}`;
    const reason = spot.atEnd
      ? `the text is not valid ${encoding}: it ends inside a character`
      : `the text is not valid ${encoding}`;
    const shown = Array.from(spot.bytes, (b) => `0x${b.toString(16).padStart(2, "0")}`).join(" ");
    const place =
      shown === ""
        ? `(at byte offset ${offset})`
        : `(${spot.bytes.length === 1 ? "byte" : "bytes"} ${shown} at byte offset ${offset})`;
    super("io_error", `${head}: ${reason} ${place}${hint?.text ?? ""}`, {
      details: { source: name, offset, ...suggested(hint) },
    });
    this.textBefore = spot.textBefore;
    this.head = head;
    this.reason = reason;
    this.place = place;
    this.hint = hint;
    this.source = name;
    this.offset = offset;
  }

  /**
   * The error to throw once the reader knows the line of the bad bytes: the same message with the
   * line, and `details.line`.
   *
   * @example
   * ```ts
   * const spot = { start: 2, bytes: Uint8Array.of(0xff), textBefore: "a\n", atEnd: false };
   * const error = new InvalidTextError("readLedger", "x.csv", "utf-8", 6, spot);
   * error.message; // "readLedger: cannot read x.csv: the text is not valid utf-8 (byte 0xff at byte offset 6)"
   * error.atLine(2).message; // "readLedger: cannot read x.csv: the text is not valid utf-8 on line 2 (byte 0xff at byte offset 6)"
   * ```
   */
  atLine(line: number): InvKpiError {
    return new InvKpiError(
      "io_error",
      `${this.head}: ${this.reason} on line ${line} ${this.place}${this.hint?.text ?? ""}`,
      { details: { source: this.source, line, offset: this.offset, ...suggested(this.hint) } },
    );
  }
}

/** `details.suggestedEncoding`, when the hint names one encoding. */
function suggested(hint: EncodingHint | null): { suggestedEncoding?: string } {
  return hint?.encoding == null ? {} : { suggestedEncoding: hint.encoding };
}

/**
 * `error` with the line of its bad bytes when it is an {@link InvalidTextError} (`lineAfter` gives
 * the line on which the reader would be after reading a text), else `error` itself.
 */
export function withTextLine(error: unknown, lineAfter: (text: string) => number): unknown {
  return error instanceof InvalidTextError ? error.atLine(lineAfter(error.textBefore)) : error;
}
