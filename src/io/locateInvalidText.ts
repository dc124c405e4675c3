/** Where the bytes stop being valid text, as {@link locateInvalidText} finds it. */
export interface InvalidTextSpot {
  /**
   * The first byte of the bad sequence, relative to the bytes of the failed call: negative when
   * the sequence began in bytes decoded before (a character cut by a chunk's end); the number of
   * bytes when the input ends inside a character.
   */
  readonly start: number;
  /** The bad sequence, up to and including the byte at which decoding fails (at most 4 bytes). */
  readonly bytes: Uint8Array;
  /**
   * The text of the failed call's bytes before the bad sequence (what the reader had not seen yet),
   * for the reader to count its line breaks.
   */
  readonly textBefore: string;
  /** Whether the input ends inside a character (the bytes before the end were all valid). */
  readonly atEnd: boolean;
}

/** Bytes of the decoded input kept before each call: a character takes at most 4. */
export const RECENT_BYTES = 8;

/**
 * Finds where a fatal `TextDecoder` call failed, on the error path only (the decoder does not say):
 * a fresh decoder, brought to the state the failed one was in by the input's last bytes before the
 * call (`recent`, from the first byte at which they decode: a character may have been cut there),
 * decodes ever longer prefixes of `bytes` until one fails (a binary search: a prefix that fails
 * makes every longer one fail). For UTF-8, which resynchronizes at every character, the state is
 * the failed decoder's exactly; for other encodings nearly always. The bad sequence starts at the
 * lead byte of a character that the failing byte cuts short (in UTF-8; in a legacy encoding when
 * the failing byte is ASCII), else at that byte.
 *
 * @param encoding - the decoder's encoding (`TextDecoder.encoding`).
 * @param recent - the last bytes decoded before the call (up to {@link RECENT_BYTES}; any number
 *   works), or none.
 * @param bytes - the bytes of the failed call.
 * @param stream - the failed call's `stream` flag: `false` for the last call, which fails when the
 *   input ends inside a character.
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode("a\nb\u00e9c");
 * const spot = locateInvalidText("utf-8", new Uint8Array(0), bytes.subarray(0, 4), false);
 * [spot.start, spot.atEnd, spot.textBefore]; // [3, true, "a\nb"]
 * const bad = Uint8Array.of(0x41, 0x0a, 0xe2, 0x82, 0x41);
 * const cut = locateInvalidText("utf-8", new Uint8Array(0), bad, true);
 * [cut.start, Array.from(cut.bytes), cut.textBefore]; // [2, [0xe2, 0x82, 0x41], "A\n"]
 * ```
 */
export function locateInvalidText(
  encoding: string,
  recent: Uint8Array,
  bytes: Uint8Array,
  stream: boolean,
): InvalidTextSpot {
  const prefix = cleanTail(encoding, recent);
  // The prefix and the bytes, so that a sequence begun in the prefix can be shown whole.
  const all = new Uint8Array(prefix.length + bytes.length);
  all.set(prefix);
  all.set(bytes, prefix.length);
  const fails = (end: number, last: boolean): boolean =>
    decodes(encoding, all.subarray(0, end), !last) === null;
  let failing: number; // the index in `all` of the byte at which decoding fails
  let atEnd = false;
  if (fails(all.length, false)) {
    let lo = prefix.length + 1;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (fails(mid, false)) hi = mid;
      else lo = mid + 1;
    }
    failing = lo - 1;
  } else if (!stream && fails(all.length, true)) {
    failing = all.length;
    atEnd = true;
  } else {
    // Not reproduced: the sequence began before the bytes kept. It failed at the call's start.
    failing = prefix.length;
  }
  const start = atEnd
    ? lastCharacterStart(encoding, all)
    : encoding === "utf-8"
      ? utf8SequenceStart(all, failing)
      : encoding.startsWith("utf-16")
        ? failing
        : legacySequenceStart(all, failing);
  const prefixText = decodes(encoding, prefix, true) ?? "";
  const text =
    start <= prefix.length ? prefixText : (decodes(encoding, all.subarray(0, start), true) ?? "");
  return {
    start: start - prefix.length,
    bytes: all.slice(start, Math.min(failing + 1, all.length)),
    textBefore: text.slice(prefixText.length),
    atEnd,
  };
}

/** The text of `bytes` from a fresh fatal decoder, or `null` when they are not valid. */
function decodes(encoding: string, bytes: Uint8Array, stream: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream });
  } catch {
    return null;
  }
}

/** Where the character that `bytes` end inside begins: the longest prefix that decodes whole. */
function lastCharacterStart(encoding: string, bytes: Uint8Array): number {
  for (let back = 1; back <= 4 && back <= bytes.length; back++) {
    if (decodes(encoding, bytes.subarray(0, bytes.length - back), false) !== null)
      return bytes.length - back;
  }
  return bytes.length;
}

/** The last bytes of `recent` from the first at which they decode (a cut character left out). */
function cleanTail(encoding: string, recent: Uint8Array): Uint8Array {
  const tail = recent.subarray(Math.max(0, recent.length - RECENT_BYTES));
  for (let from = 0; from < tail.length; from++) {
    if (decodes(encoding, tail.subarray(from), true) !== null) return tail.subarray(from);
  }
  return tail.subarray(tail.length);
}

/**
 * Where the UTF-8 sequence that the byte at `failing` breaks begins: the lead byte of a character
 * that is not complete before `failing` (up to 3 bytes back), else `failing` itself.
 */
function utf8SequenceStart(bytes: Uint8Array, failing: number): number {
  for (let back = 1; back <= 3 && failing - back >= 0; back++) {
    const b = bytes[failing - back] as number;
    if (b >= 0x80 && b < 0xc0) continue; // a continuation byte
    if (b < 0xc0) return failing; // ASCII: no character is open
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return back < length ? failing - back : failing;
  }
  return failing;
}

/**
 * Where the sequence that fails at `failing` begins in an ASCII-based legacy encoding (GBK, Big5,
 * Shift_JIS, EUC-KR, ...): an ASCII byte fails only as the trail of a lead byte before it, which
 * is then where the sequence begins; otherwise `failing` itself.
 */
function legacySequenceStart(bytes: Uint8Array, failing: number): number {
  const b = bytes[failing];
  const before = bytes[failing - 1];
  return b !== undefined && b < 0x80 && before !== undefined && before >= 0x80
    ? failing - 1
    : failing;
}
