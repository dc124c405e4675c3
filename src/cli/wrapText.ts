/**
 * Wraps a paragraph at spaces to lines of at most `width` characters, each indented by `indent`
 * spaces (a word longer than the width gets a line of its own).
 *
 * @example
 * ```ts
 * wrapText("one two three", 7, 2); // "  one\n  two\n  three\n"
 * ```
 */
export function wrapText(text: string, width: number, indent = 0): string {
  const margin = " ".repeat(indent);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => `${margin}${l}\n`).join("");
}
