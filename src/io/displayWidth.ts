// Terminal column widths (Unicode UAX #11, East Asian Width, as terminals apply it): CJK ideographs,
// kana, Hangul and fullwidth forms take two columns; so do emoji shown as pictures; combining
// marks and zero-width characters take none.

/** Code point ranges of East Asian Wide (W) and Fullwidth (F) characters (after M. Kuhn's wcwidth). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2329, 0x232a], // angle brackets
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
  [0x3400, 0x4dbf], // CJK unified ideographs extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff], // supplemental symbols and pictographs
  [0x20000, 0x2fffd], // CJK extension B and later
  [0x30000, 0x3fffd], // CJK extension G and later
];

const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200b]/u;

let segmenter: Intl.Segmenter | null = null;

/**
 * The number of terminal columns `text` takes: 2 for each wide character (Chinese, Japanese,
 * Korean, fullwidth forms, emoji), 0 for combining marks and zero-width characters, 1 otherwise.
 * A user-perceived character made of several code points (an emoji sequence, a letter with a
 * combining accent) counts once.
 *
 * @example
 * ```ts
 * import { displayWidth } from "invkpi/node";
 * displayWidth("螺丝 M8"); // 7
 * displayWidth("👍🏽"); // 2
 * ```
 */
export function displayWidth(text: string): number {
  // ASCII only: one column per character (the common case, without segmenting).
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const grapheme of graphemes(text)) width += graphemeWidth(grapheme);
  return width;
}

/** The user-perceived characters of a text. */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The columns of one user-perceived character. */
export function graphemeWidth(grapheme: string): number {
  const cp = grapheme.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (grapheme.includes("\uFE0F") || EMOJI_PRESENTATION.test(grapheme)) return 2;
  if (ZERO_WIDTH.test(grapheme)) return 0;
  for (const [from, to] of WIDE_RANGES) if (cp >= from && cp <= to) return 2;
  return 1;
}
