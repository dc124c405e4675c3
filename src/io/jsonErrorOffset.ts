// Where a JSON text first goes wrong. `JSON.parse` says what is wrong but, in Node 20, not always
// where ("Unexpected token '}', ..."); a reader reports problems by line, so this small checker
// walks the text once (RFC 8259 grammar, no recursion, so deep nesting cannot overflow the stack).

const VALUE = 0; // a value must come next
const VALUE_OR_CLOSE = 1; // just after '['
const KEY = 2; // a member name must come next
const KEY_OR_CLOSE = 3; // just after '{'
const AFTER_VALUE = 4; // a value ended: ',', a closing bracket, or the end of the text

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** The offset of the first character at which `text` stops being valid JSON, or -1 if it is valid. */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: boolean[] = []; // true for an object, false for an array
  let state = VALUE;
  let i = 0;
  for (;;) {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    const c = text[i];
    if (state === AFTER_VALUE) {
      if (stack.length === 0) return i < n ? i : -1;
      const inObject = stack[stack.length - 1] as boolean;
      if (c === ",") state = inObject ? KEY : VALUE;
      else if (c === (inObject ? "}" : "]")) stack.pop();
      else return i;
      i++;
      continue;
    }
    if ((state === VALUE_OR_CLOSE && c === "]") || (state === KEY_OR_CLOSE && c === "}")) {
      stack.pop();
      i++;
      state = AFTER_VALUE;
      continue;
    }
    if (state === KEY || state === KEY_OR_CLOSE) {
      if (c !== '"') return i;
      i = stringEnd(text, i);
      if (i < 0) return -i - 1;
      while (i < n && isWhitespace(text.charCodeAt(i))) i++;
      if (text[i] !== ":") return i;
      i++;
      state = VALUE;
      continue;
    }
    // A value.
    if (c === "{" || c === "[") {
      stack.push(c === "{");
      state = c === "{" ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
      i++;
      continue;
    }
    if (c === '"') {
      i = stringEnd(text, i);
      if (i < 0) return -i - 1;
    } else if (text.startsWith("true", i) || text.startsWith("null", i)) i += 4;
    else if (text.startsWith("false", i)) i += 5;
    else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return i;
      i = NUMBER.lastIndex;
    }
    state = AFTER_VALUE;
  }
}

/** The offset just after the string that starts at `start`, or `-(error offset) - 1`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') return i + 1;
    if (c.charCodeAt(0) < 0x20) return -i - 1;
    if (c === "\\") {
      const escaped = text[i + 1] ?? "";
      if (escaped === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 1) - 1;
        i += 5;
      } else if (ESCAPES.has(escaped)) i++;
      else return -(i + 1) - 1;
    }
  }
  return -text.length - 1;
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
