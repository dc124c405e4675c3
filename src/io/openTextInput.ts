import { createReadStream, promises as fsPromises } from "node:fs";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { encodingHint } from "./encodingHint.js";
import { InvalidTextError } from "./InvalidTextError.js";
import { ioError } from "./ioError.js";
import { locateInvalidText, RECENT_BYTES } from "./locateInvalidText.js";

/**
 * Where a reader takes its text from: a file path (or `file:` URL), or a Node `Readable` such as
 * `process.stdin` (any async iterable of strings or bytes works). A string is always a path: to read
 * text held in memory, pass `Readable.from([text])`.
 */
export type InputSource = string | URL | AsyncIterable<string | Uint8Array>;

/** How far a reader has got, for a progress line. */
export interface ReadProgress {
  /** Bytes read so far (characters, when the source yields strings). */
  readonly bytesRead: number;
  /** Size of the file in bytes, or `null` for a stream. */
  readonly totalBytes: number | null;
  /** Data rows read so far. */
  readonly rows: number;
}

/** A WHATWG text decoder (a global in Node, typed through its constructor). */
type Decoder = InstanceType<typeof TextDecoder>;

/** Bytes asked of the file system per read: large reads keep the per-chunk overhead negligible. */
const READ_SIZE = 1 << 20;

/** A text source opened for reading: its chunks, and its size when it is a file. */
export interface TextInput {
  /** The text, decoded, without a byte order mark. Read either this or {@link utf8Chunks}. */
  readonly chunks: AsyncIterable<string>;
  /**
   * When the encoding is UTF-8: the chunks as they come, bytes undecoded (a stream may also yield
   * strings), for a reader that works on bytes; it decodes what it needs with {@link decode}.
   * `null` for other encodings.
   */
  readonly utf8Chunks: AsyncIterable<string | Uint8Array> | null;
  /**
   * Decodes bytes of {@link utf8Chunks} in order (`stream: true` keeps a character cut at the
   * end for the next call), dropping a byte order mark at the start. `offset` is where `bytes`
   * start in the input, for the error.
   * @throws InvalidTextError (an `io_error`) when the bytes are not valid UTF-8: it names the byte
   *   offset, and the reader adds the line.
   */
  decode(bytes: Uint8Array, stream: boolean, offset: number): string;
  readonly totalBytes: number | null;
  /** Bytes (or characters) read so far. */
  bytesRead(): number;
}

/**
 * Opens a source as a stream of decoded text chunks: bytes are decoded with `encoding` (a
 * WHATWG label such as `utf-8`, `gbk`, `shift_jis`, `windows-1252`), and a byte order mark at the
 * start is dropped. Text that is not valid in the encoding is an error, never silently replaced:
 * an `InvalidTextError` with the byte offset (and, for UTF-8, what the bytes look like: UTF-16,
 * windows-1252, ...), to which the table reader adds the line.
 *
 * @throws InvKpiError `io_error` when the file cannot be read or its text is not valid in `encoding`;
 *   `invalid_option` for an unknown encoding; `invalid_argument` for a source of the wrong type.
 */
export async function openTextInput(
  source: InputSource,
  encoding: string,
  fn: string,
): Promise<TextInput> {
  const decoder = makeDecoder(encoding, fn);
  if (typeof source === "string" || source instanceof URL) {
    const totalBytes = await fileSize(source, fn);
    const stream = createReadStream(source, { highWaterMark: READ_SIZE });
    return decoded(stream, decoder, totalBytes, fn, String(source));
  }
  if (source === null || typeof source !== "object" || !(Symbol.asyncIterator in source)) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: the source must be a file path or a readable stream, got ${describeValue(source)}`,
      { path: ["source"] },
    );
  }
  return decoded(source, decoder, null, fn, "the input stream");
}

function makeDecoder(encoding: string, fn: string): Decoder {
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: encoding must be a text encoding label such as 'utf-8' or 'gbk', got ${describeValue(encoding)}`,
      { path: ["encoding"], details: { value: encoding } },
    );
  }
}

async function fileSize(path: string | URL, fn: string): Promise<number> {
  try {
    return (await fsPromises.stat(path)).size;
  } catch (error) {
    throw ioError(fn, "read", String(path), error);
  }
}

function decoded(
  source: AsyncIterable<string | Uint8Array>,
  decoder: Decoder,
  totalBytes: number | null,
  fn: string,
  name: string,
): TextInput {
  let bytesRead = 0;
  async function* raw(): AsyncGenerator<string | Uint8Array> {
    const iterator = source[Symbol.asyncIterator]();
    let done = false;
    try {
      for (;;) {
        let next: IteratorResult<string | Uint8Array>;
        try {
          next = await iterator.next();
        } catch (error) {
          throw ioError(fn, "read", name, error);
        }
        if (next.done === true) {
          done = true;
          return;
        }
        const value: unknown = next.value;
        // A stream in object mode (rows, numbers) is a likely mistake: say so, not a TypeError.
        if (typeof value !== "string" && !(value instanceof Uint8Array)) {
          throw new InvKpiError(
            "invalid_argument",
            `${fn}: ${name} must give text or bytes (a file's contents), got a chunk ${describeValue(value)}; pass rows to validateLedger or analyzeLedger instead`,
            { path: ["source"], details: { chunk: describeValue(value) } },
          );
        }
        bytesRead += typeof value === "string" ? value.length : value.byteLength;
        yield value;
      }
    } finally {
      // Stopped early (an error downstream): release the file handle.
      if (!done) await iterator.return?.();
    }
  }
  async function* chunks(): AsyncGenerator<string> {
    let first = true;
    for await (const value of raw()) {
      let text =
        typeof value === "string" ? value : decode(value, true, bytesRead - value.byteLength);
      if (first && text !== "") {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM in text chunks
      }
      if (text !== "") yield text;
    }
    // The decoder keeps an incomplete multi-byte character for the next chunk; flush at the end.
    const rest = decode(new Uint8Array(0), false, bytesRead);
    if (rest !== "") yield rest;
  }
  // The last bytes decoded, for an error to find where the text went wrong (only then).
  let recent: Uint8Array = new Uint8Array(0);
  function decode(bytes: Uint8Array, stream: boolean, offset: number): string {
    let text: string;
    try {
      text = decoder.decode(bytes, { stream });
    } catch {
      const spot = locateInvalidText(decoder.encoding, recent, bytes, stream);
      const at = offset + spot.start;
      const hint = encodingHint(decoder.encoding, bytes, spot, at);
      throw new InvalidTextError(fn, name, decoder.encoding, at, spot, hint);
    }
    if (bytes.length >= RECENT_BYTES) recent = bytes;
    else if (bytes.length > 0) recent = joinedTail(recent, bytes);
    return text;
  }
  return {
    chunks: chunks(),
    utf8Chunks: decoder.encoding === "utf-8" ? raw() : null,
    decode,
    totalBytes,
    bytesRead: () => bytesRead,
  };
}

/** The last {@link RECENT_BYTES} bytes of `earlier` followed by `later` (a short call's bytes). */
function joinedTail(earlier: Uint8Array, later: Uint8Array): Uint8Array {
  const keep = Math.min(earlier.length, RECENT_BYTES - later.length);
  const joined = new Uint8Array(keep + later.length);
  joined.set(earlier.subarray(earlier.length - keep));
  joined.set(later, keep);
  return joined;
}
