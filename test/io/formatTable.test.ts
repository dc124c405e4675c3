import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/io/displayWidth.js";
import {
  formatTable,
  terminalCell,
  terminalText,
  visibleControls,
} from "../../src/io/formatTable.js";
import { toCsv } from "../../src/io/toCsv.js";
import { toMarkdown } from "../../src/io/toMarkdown.js";
import { toNdjson } from "../../src/io/toNdjson.js";
import { Decimal } from "../../src/model/Decimal.js";
import type { InvKpiError } from "../../src/model/InvKpiError.js";

/** The C0 and C1 control characters of a text, DEL included, in order. */
const controlsIn = (text: string): string[] =>
  [...text].filter((c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code < 0xa0);
  });

describe("displayWidth", () => {
  // Unicode UAX #11 (East Asian Width): W and F characters take two terminal columns.
  it("counts CJK and fullwidth characters and emoji as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("螺丝")).toBe(4);
    expect(displayWidth("東京タワー")).toBe(10);
    expect(displayWidth("한국")).toBe(4);
    expect(displayWidth("ＡＢ")).toBe(4); // fullwidth Latin
    expect(displayWidth("😀")).toBe(2);
    expect(displayWidth("👨‍👩‍👧")).toBe(2); // one family emoji (ZWJ sequence)
    expect(displayWidth("👍🏽")).toBe(2); // with a skin-tone modifier
    expect(displayWidth("🇯🇵")).toBe(2); // a flag: two regional indicators
    expect(displayWidth("❤️")).toBe(2); // text symbol + emoji presentation selector
  });

  it("counts combining marks and zero-width characters as nothing", () => {
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("a\u200bb")).toBe(2);
    expect(displayWidth("Ω-7 é")).toBe(5);
  });
});

describe("formatTable", () => {
  it("aligns columns by terminal width: text left, numbers right, CJK two columns", () => {
    const table = formatTable([
      { sku: "螺丝-M8", name: "Bolt", qty: 12, value: new Decimal("3.50") },
      { sku: "A-100", name: "东京 washer", qty: 7.25, value: null },
    ]);
    // Widths: sku max(3, 7, 5) = 7; name max(4, 4, 11) = 11; qty 4; value 5 (header).
    expect(table).toBe(
      [
        "sku      name          qty  value",
        "-------  -----------  ----  -----",
        "螺丝-M8  Bolt           12    3.5",
        "A-100    东京 washer  7.25",
        "",
      ].join("\n"),
    );
    for (const line of table.split("\n").slice(0, 3)) expect(displayWidth(line)).toBe(33);
  });

  it("rounds numbers for display half to even, cuts long cells and flattens line breaks", () => {
    const table = formatTable(
      [{ note: "first line\nsecond line", ratio: 2.345, big: new Decimal("1234.5") }],
      { decimals: 2, maxColumnWidth: 8 },
    );
    expect(table).toBe(
      "note      ratio      big\n--------  -----  -------\nfirst l…   2.34  1234.50\n",
    );
  });

  it("cuts a wide character whole, never half of it", () => {
    expect(formatTable([{ a: "螺丝螺丝" }], { maxColumnWidth: 4 })).toBe("a\n---\n螺…\n");
  });

  it("shows control characters as escapes, never raw, and aligns what is shown", () => {
    // An ESC sequence that would clear the screen and retitle the window, a C1 CSI, DEL and NUL.
    const sku = "X\x1b[2J\x1b]0;pwned\x07Y";
    const table = formatTable([
      { sku, note: "a\u009b31mb\x7fc\x00", qty: 1 },
      { sku: "螺丝", note: "tab\there", qty: 22 },
    ]);
    expect(table).toBe(
      [
        "sku                        note                qty",
        "-------------------------  ------------------  ---",
        "X\\x1b[2J\\x1b]0;pwned\\x07Y  a\\x9b31mb\\x7fc\\x00    1",
        "螺丝                       tab here             22",
        "",
      ].join("\n"),
    );
    // Nothing a terminal would obey is left but the line ends; every line is as wide as it looks.
    expect(controlsIn(table)).toEqual(["\n", "\n", "\n", "\n"]);
    for (const line of table.split("\n").slice(0, 4)) expect(displayWidth(line)).toBe(50);
  });

  it("cuts a long cell before an escape, never inside it", () => {
    // "ab" (2 columns) + "\x1b" (4) + "…" fits in 7; in 6 the escape does not fit whole.
    expect(terminalCell("ab\x1bcdef", 7)).toBe("ab\\x1b…");
    expect(terminalCell("ab\x1bcdef", 6)).toBe("ab…");
    expect(terminalCell("ab\x1bcdef", 5)).toBe("ab…");
    expect(formatTable([{ c: "\x1b\x1b\x1b" }], { maxColumnWidth: 9 })).toBe(
      "c\n---------\n\\x1b\\x1b…\n",
    );
    // Header names are shown the same way.
    expect(formatTable([{ "a\x1bb": 1 }])).toBe("a\\x1bb\n------\n     1\n");
  });

  it("shows a backslash doubled, so that the text \\x1b and the character ESC differ (found by a review: both showed as \\x1b)", () => {
    const table = formatTable([
      { sku: "A\\x1b", n: 1 },
      { sku: "A\x1b", n: 2 },
      { sku: "C:\\tmp", n: 3 },
    ]);
    expect(table).toBe(
      ["sku      n", "-------  -", "A\\\\x1b   1", "A\\x1b    2", "C:\\\\tmp  3", ""].join("\n"),
    );
    for (const line of table.split("\n").slice(0, 5)) expect(displayWidth(line)).toBe(10);
    // An escape is cut whole, a doubled backslash too.
    expect(terminalCell("ab\\cdef", 5)).toBe("ab\\\\…");
    expect(terminalCell("ab\\cdef", 4)).toBe("ab…");
    expect(terminalText("\\\x1b\\")).toBe("\\\\\\x1b\\\\");
  });

  it("shows bidirectional controls and line separators as \\u{...} escapes, widths as shown (found by a review: they reached the terminal raw)", () => {
    const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    const invisible = [...bidi, 0x2028, 0x2029];
    const all = String.fromCodePoint(...invisible);
    expect(visibleControls(all)).toBe(invisible.map((c) => `\\u{${c.toString(16)}}`).join(""));
    // A file name that a right-to-left override would show as "fileexe.pdf".
    const table = formatTable([
      { sku: "file\u202Efdp.exe", note: "螺丝\u2066x\u2069", qty: 1 },
      { sku: "line\u2028two", note: "para\u2029", qty: 22 },
    ]);
    expect(table).toBe(
      [
        "sku                  note                   qty",
        "-------------------  ---------------------  ---",
        "file\\u{202e}fdp.exe  螺丝\\u{2066}x\\u{2069}    1",
        "line\\u{2028}two      para\\u{2029}            22",
        "",
      ].join("\n"),
    );
    expect([...table].some((c) => invisible.includes(c.codePointAt(0) ?? 0))).toBe(false);
    for (const line of table.split("\n").slice(0, 4)) expect(displayWidth(line)).toBe(47);
    // Cut before an escape that does not fit whole, never inside it.
    expect(terminalCell("ab\u202Ecdef", 11)).toBe("ab\\u{202e}…");
    expect(terminalCell("ab\u202Ecdef", 10)).toBe("ab…");
    // Data formats are data: CSV and NDJSON keep the text as it is.
    const row = { sku: "a\\x1b\u202Eb\u2028" };
    expect(toCsv([row])).toBe(`sku\n${row.sku}\n`);
    expect(JSON.parse(toNdjson([row]).trim())).toEqual(row);
  });

  it("visibleControls escapes C0, DEL and C1 (and no other of the first 161 code points); CSV keeps the text as it is", () => {
    const all = Array.from({ length: 0xa1 }, (_, c) => String.fromCharCode(c)).join("");
    const shown = visibleControls(all);
    expect(shown.startsWith("\\x00\\x01\\x02")).toBe(true);
    expect(shown).toContain('\\x1f !"#');
    expect(shown).toContain("}~\\x7f\\x80");
    expect(shown.endsWith("\\x9f\u00a0")).toBe(true);
    expect(visibleControls("螺丝 é 👍🏽")).toBe("螺丝 é 👍🏽");
    // Data formats are data: the CSV of the same cell is unchanged.
    expect(toCsv([{ sku: "X\x1bY" }])).toBe("sku\nX\x1bY\n");
  });

  it("rejects bad options", () => {
    for (const options of [{ decimals: -1 }, { decimals: 1.5 }, { maxColumnWidth: -3 }]) {
      let code = "";
      try {
        formatTable([{ a: 1 }], options);
      } catch (e) {
        code = (e as InvKpiError).code;
      }
      expect(["invalid_option", "out_of_range"]).toContain(code);
    }
  });
});

describe("toMarkdown", () => {
  it("writes a GitHub table: numbers right-aligned, Markdown characters escaped", () => {
    // The note column is as wide as its longest cell, \*bold\* \_x\_<br>next: 8 + 1 + 5 + 4 + 4 = 22.
    expect(
      toMarkdown([
        { sku: "A|1", note: "*bold* _x_\nnext", qty: 12 },
        { sku: "螺丝", note: "<b>", qty: new Decimal("0.5") },
      ]),
    ).toBe(
      [
        "| sku  | note                   | qty |",
        "| ---- | ---------------------- | --: |",
        "| A\\|1 | \\*bold\\* \\_x\\_<br>next |  12 |",
        "| 螺丝 | \\<b>                   | 0.5 |",
        "",
      ].join("\n"),
    );
  });

  it("is empty without columns", () => {
    expect(toMarkdown([])).toBe("");
  });
});
