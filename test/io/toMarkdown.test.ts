import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/io/displayWidth.js";
import { toMarkdown } from "../../src/io/toMarkdown.js";

// What a Markdown table renders must be the cell's text: GitHub (and CommonMark table extensions)
// trim a cell's spaces, read `&lt;` as `<`, and a raw tab or control character is no text at all.

describe("toMarkdown cells", () => {
  it("a column of empty cells only is not numeric; a number column with gaps is", () => {
    expect(
      toMarkdown([
        { sku: "A", description: null, qty: 1 },
        { sku: "B", description: undefined, qty: null },
      ]),
    ).toBe(
      [
        "| sku | description | qty |",
        "| --- | ----------- | --: |",
        "| A   |             |   1 |",
        "| B   |             |     |",
        "",
      ].join("\n"),
    );
  });

  it("keeps leading and trailing spaces as &nbsp;, which a table cell would trim", () => {
    expect(toMarkdown([{ code: "  A-1", note: "left ", both: " x " }])).toBe(
      [
        "| code            | note       | both          |",
        "| --------------- | ---------- | ------------- |",
        "| &nbsp;&nbsp;A-1 | left&nbsp; | &nbsp;x&nbsp; |",
        "",
      ].join("\n"),
    );
    // Spaces inside the text stay spaces.
    expect(toMarkdown([{ a: "M8 x 20" }]).split("\n")[2]).toBe("| M8 x 20 |");
  });

  it("writes a tab as a space and other control characters as escapes, never raw", () => {
    const md = toMarkdown([{ sku: "X\x1b[2J\u009bY", note: "a\tb\r\nc" }]);
    expect(md.split("\n")[2]).toBe("| X\\x1b\\[2J\\x9bY | a b<br>c |");
    expect([...md].filter((c) => c.charCodeAt(0) < 0x20 || (c >= "\x7f" && c < "\xa0"))).toEqual([
      "\n",
      "\n",
      "\n",
    ]);
    // The raw text lines up: every line as wide.
    expect(new Set(md.trimEnd().split("\n").map(displayWidth)).size).toBe(1);
  });

  it("escapes & so that a character reference stays text", () => {
    expect(toMarkdown([{ a: "R&D &lt;b&gt;" }]).split("\n")[2]).toBe("| R\\&D \\&lt;b\\&gt; |");
  });
});
