/** Names of the invisible characters that slip into exported numbers most often. */
const NAMES: Readonly<Record<number, string>> = {
  160: "no-break space",
  5760: "ogham space mark",
  6158: "mongolian vowel separator",
  8199: "figure space",
  8201: "thin space",
  8202: "hair space",
  8203: "zero width space",
  8204: "zero width non-joiner",
  8205: "zero width joiner",
  8206: "left-to-right mark",
  8207: "right-to-left mark",
  8232: "line separator",
  8233: "paragraph separator",
  8239: "narrow no-break space",
  8288: "word joiner",
  12288: "ideographic space",
  65279: "zero width no-break space, a byte order mark",
};

/** White space other than an ASCII space or tab, and format characters (invisible). */
const INVISIBLE = /[^\S \t]|\p{Cf}/u;

/**
 * The first character of `text[from, to)` that is white space other than an ASCII space or a tab
 * (a line break, a no-break space, U+3000) or an invisible format character (U+FEFF, U+200B), as
 * `U+XXXX (name)`; `null` when there is none. A number or amount cell may have spaces and tabs
 * around it, nothing else: `"1\uFEFF"` is not the number 1.
 *
 * @example
 * ```ts
 * invisibleCharacter("1\uFEFF", 0, 2); // "U+FEFF (zero width no-break space, a byte order mark)"
 * invisibleCharacter(" 1\t", 0, 3); // null
 * ```
 */
export function invisibleCharacter(text: string, from: number, to: number): string | null {
  let ascii = true;
  for (let i = from; i < to && ascii; i++) {
    const c = text.charCodeAt(i);
    ascii = c >= 32 ? c < 127 : c === 9;
  }
  if (ascii) return null; // the common case, without a regular expression or a slice
  const match = INVISIBLE.exec(text.slice(from, to));
  if (match === null) return null;
  const name = NAMES[match[0].codePointAt(0) as number];
  return name === undefined ? codePointText(match[0]) : `${codePointText(match[0])} (${name})`;
}

/**
 * A character as its code point, `U+XXXX` (at least four hex digits), for a message about a
 * character a terminal would not show.
 *
 * @example
 * ```ts
 * codePointText("\u200B"); // "U+200B"
 * ```
 */
export function codePointText(character: string): string {
  return `U+${(character.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;
}
