import { describe, expect, test } from "vitest";
import { formatIssue } from "../../src/cli/formatIssue.js";
import { issueLines, problemCount } from "../../src/cli/issueLines.js";
import { ledgerDateRange } from "../../src/cli/ledgerDateRange.js";
import { textTable } from "../../src/cli/textTable.js";
import { wrapText } from "../../src/cli/wrapText.js";
import { parseIsoDay } from "../../src/model/day.js";

describe("formatIssue", () => {
  test("file:line: field: message; value [code]", () => {
    expect(
      formatIssue(
        {
          row: 4998,
          line: 5000,
          field: "date",
          code: "invalid_date",
          message: "date is bad",
          value: '"2025-02-30"',
        },
        "ledger.csv",
      ),
    ).toBe('ledger.csv:5000: date: date is bad; got "2025-02-30" [invalid_date]');
    expect(
      formatIssue(
        { row: 2, line: 4, field: "", code: "parse_error", message: "unclosed quote" },
        "a.csv",
      ),
    ).toBe("a.csv:4: unclosed quote [parse_error]");
    expect(
      formatIssue(
        { row: 0, field: "sku", code: "empty_sku", message: "sku is empty", value: '""' },
        "rows",
      ),
    ).toBe('rows: row 1: sku: sku is empty; got "" [empty_sku]');
  });

  test("shows control characters of a message or a value as escapes", () => {
    expect(
      formatIssue(
        {
          row: 0,
          line: 2,
          field: "type",
          code: "unknown_movement_type",
          message: "unknown type \x1b[2J",
          value: '"\u009b2J"',
        },
        "a.csv",
      ),
    ).toBe('a.csv:2: type: unknown type \\x1b[2J; got "\\x9b2J" [unknown_movement_type]');
  });

  test("problemCount counts problems and the rows they are in", () => {
    const issue = (row: number) => ({ row, field: "", code: "parse_error" as const, message: "" });
    expect(problemCount([issue(1), issue(1), issue(3)], 10_000)).toBe(
      "3 problems in 2 of 10,000 rows",
    );
    expect(problemCount([issue(-1)], 0)).toBe("1 problem in the file");
  });

  test("problemCount and issueLines word a read's totals as they word the whole list", () => {
    const issue = (row: number) => ({ row, field: "", code: "parse_error" as const, message: "" });
    const all = [issue(-1), ...Array.from({ length: 30 }, (_, k) => issue(Math.floor(k / 3)))];
    const totals = { issueCount: 31, rowsWithIssues: 10 };
    expect(problemCount(totals, 12_000)).toBe(problemCount(all, 12_000));
    expect(problemCount(totals, 12_000)).toBe("31 problems in 10 of 12,000 rows");
    expect(problemCount({ issueCount: 1, rowsWithIssues: 0 }, 5)).toBe("1 problem in the file");
    const kept = all.slice(0, 20);
    expect([...issueLines(kept, "a.csv", 20, 31)]).toEqual([...issueLines(all, "a.csv", 20)]);
    expect([...issueLines(kept, "a.csv", 20, 21)].at(-1)).toBe(
      "… and 1 more problem (invkpi validate lists them all)\n",
    );
    expect([...issueLines(kept, "a.csv", 20, 20)]).toHaveLength(20);
  });
});

describe("ledgerDateRange", () => {
  test("the first and last day, in any order; null without movements", () => {
    const days = ["2025-03-05", "2025-01-02", "2025-12-30", "2025-06-01"].map(
      (d) => parseIsoDay(d) as number,
    );
    expect(ledgerDateRange({ day: Int32Array.from(days), length: 4 })).toEqual({
      from: "2025-01-02",
      to: "2025-12-30",
    });
    expect(ledgerDateRange({ day: new Int32Array(0), length: 0 })).toBeNull();
  });
});

describe("textTable", () => {
  test("aligns Chinese text by terminal columns, figures to the right", () => {
    const table = textTable(
      [{ header: "SKU" }, { header: "description" }, { header: "value", align: "right" }],
      [
        ["A", "六角螺栓", "12.50"],
        ["BB", "bolt", "1,012.50"],
      ],
    );
    expect(table).toBe(
      [
        "SKU  description     value",
        "---  -----------  --------",
        "A    六角螺栓        12.50",
        "BB   bolt         1,012.50",
        "",
      ].join("\n"),
    );
  });

  test("cuts long cells with an ellipsis, never inside a wide character", () => {
    const table = textTable([{ header: "d", maxWidth: 6 }], [["深沟球轴承 6204"]]);
    expect(table.split("\n")[2]).toBe("深沟…");
  });

  test("shows the control characters of a cell as escapes, and lines them up as shown", () => {
    // A SKU holding ESC sequences (clear the screen, set the window title) and a C1 CSI; the SKU
    // is cut to 24 columns before the escape \x07, which does not fit whole.
    const table = textTable(
      [{ header: "SKU", maxWidth: 24 }, { header: "description" }, { header: "n", align: "right" }],
      [
        ["X\x1b[2J\x1b]0;pwned\x07Y", "a\u009bb", "1"],
        ["B", "line\nbreak\ttab", "22"],
      ],
      2,
    );
    expect(table).toBe(
      [
        "  SKU                    description      n",
        "  ---------------------  --------------  --",
        "  X\\x1b[2J\\x1b]0;pwned…  a\\x9bb           1",
        "  B                      line break tab  22",
        "",
      ].join("\n"),
    );
  });
});

describe("wrapText", () => {
  test("wraps at spaces and indents", () => {
    expect(wrapText("one two three four", 11, 2)).toBe("  one two\n  three\n  four\n");
  });
});
