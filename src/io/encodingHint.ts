import type { InvalidTextSpot } from "./locateInvalidText.js";

/** What bytes that are not valid UTF-8 look like, and how to read them. */
export interface EncodingHint {
  /** To follow the error's message: starts with `: `. */
  readonly text: string;
  /** The one encoding to read the input with, when the bytes say which; else `null`. */
  readonly encoding: string | null;
}

const WESTERN: EncodingHint = {
  text: ': it looks like a single-byte encoding; Western European text (from Excel on Windows, say) is usually windows-1252: read it with the encoding option "windows-1252" (--encoding windows-1252 on the command line)',
  encoding: "windows-1252",
};

const LEGACY: EncodingHint = {
  text: ': read it in the encoding it was saved in, with the encoding option (--encoding on the command line): "windows-1252" for Western European text; "gbk", "big5", "shift_jis" or "euc-kr" for Chinese, Japanese or Korean',
  encoding: null,
};

/**
 * A hint for the error of bytes that are not valid UTF-8 (the default encoding), from the bytes
 * themselves, on the error path only: a UTF-16 byte order mark at the very start (`FF FE`,
 * `FE FF`) says UTF-16, which the encoding option reads; a lone byte of 0x80 or more among ASCII
 * (`M 0xfc ller`) is a single-byte encoding, most often windows-1252; a run of such bytes may be a
 * double-byte one (GBK, Shift_JIS) as well. `null` for other encodings (the user chose one), and
 * for a file that ends inside a character (it was cut, not saved in another encoding).
 *
 * @param encoding - the decoder's encoding.
 * @param bytes - the bytes of the failed decoding call.
 * @param spot - where in them the decoding failed.
 * @param offset - where the bad sequence starts in the input.
 * @example
 * ```ts
 * const spot = { start: 0, bytes: Uint8Array.of(0xff), textBefore: "", atEnd: false };
 * encodingHint("utf-8", Uint8Array.of(0xff, 0xfe, 0x73, 0x00), spot, 0)?.encoding; // "utf-16le"
 * const latin = { start: 1, bytes: Uint8Array.of(0xfc), textBefore: "M", atEnd: false };
 * encodingHint("utf-8", Uint8Array.of(0x4d, 0xfc, 0x6c), latin, 43)?.encoding; // "windows-1252"
 * ```
 */
export function encodingHint(
  encoding: string,
  bytes: Uint8Array,
  spot: InvalidTextSpot,
  offset: number,
): EncodingHint | null {
  if (encoding !== "utf-8" || spot.atEnd) return null;
  const utf16 = offset === 0 ? utf16Hint(spot.bytes[0], bytes[spot.start + 1]) : null;
  if (utf16 !== null) return utf16;
  return highRun(bytes, spot) > 1 ? LEGACY : WESTERN;
}

/** UTF-16 when the input starts with its byte order mark (the second byte may not be read yet). */
function utf16Hint(first: number | undefined, second: number | undefined): EncodingHint | null {
  const label =
    first === 0xff && (second === undefined || second === 0xfe)
      ? "utf-16le"
      : first === 0xfe && (second === undefined || second === 0xff)
        ? "utf-16be"
        : null;
  if (label === null) return null;
  return {
    text: `: it starts with a UTF-16 byte order mark, so it is UTF-16 text: read it with the encoding option "${label}" (--encoding ${label} on the command line), or save it as UTF-8`,
    encoding: label,
  };
}

/**
 * How many bytes of 0x80 or more come in a row from the start of the bad sequence (into the bytes
 * after it, when the sequence is all such bytes): 1 for a single-byte encoding's letter among
 * ASCII, more for double-byte text.
 */
function highRun(bytes: Uint8Array, spot: InvalidTextSpot): number {
  let run = 0;
  for (const b of spot.bytes) {
    if (b < 0x80) return run;
    run++;
  }
  for (
    let i = spot.start + spot.bytes.length;
    i < bytes.length && (bytes[i] as number) >= 0x80;
    i++
  )
    run++;
  return run;
}
