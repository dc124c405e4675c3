const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;
const MINUS = 45;

/**
 * The number literals of the members of the JSON object that starts at `text[from]` (after white
 * space), as written: key → literal text (`{"quantity": 1e400}` → `quantity` → `"1e400"`), for the
 * members whose value is a number (a key given twice: its last literal, as `JSON.parse` keeps the
 * last value). An empty map when no object starts there. `text` must be valid JSON there (it has
 * been parsed): only then is the scan this simple.
 *
 * @example
 * ```ts
 * const literals = jsonNumberLiterals('{"a": 1.50, "b": "2", "c": {"d": 3}, "e": -1e-10}', 0);
 * [...literals]; // [["a", "1.50"], ["e", "-1e-10"]]
 * ```
 */
export function jsonNumberLiterals(text: string, from: number): Map<string, string> {
  const literals = new Map<string, string>();
  let i = skipSpace(text, from);
  if (text.charCodeAt(i) !== OPEN_BRACE) return literals;
  let depth = 0;
  let key: string | null = null; // the key of the member whose value comes next, at depth 1
  let expectKey = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      // A key at depth 1, or a value (which is no number: the next key comes first).
      key = depth === 1 && expectKey ? (JSON.parse(text.slice(i, end)) as string) : null;
      expectKey = false;
      i = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      expectKey = depth === 1;
      key = null;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) break;
    } else if (c === 44 && depth === 1)
      expectKey = true; // ,
    else if (depth === 1 && key !== null && c !== COLON && c > 32) {
      // A member's value that is not a string, an object or an array: a number, true, false, null.
      let end = i;
      while (end < text.length && isLiteralChar(text.charCodeAt(end))) end++;
      if (c === MINUS || (c >= 48 && c <= 57)) literals.set(key, text.slice(i, end));
      key = null;
      i = end - 1;
    }
  }
  return literals;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}

/** The index just after the string whose opening quote is at `from`. */
function stringEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return text.length;
}

/** A character of a JSON number, `true`, `false` or `null`. */
function isLiteralChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 43 || c === MINUS || c === 46 || c === 69
  );
}
