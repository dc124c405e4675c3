import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/io/LineIndex.js";

describe("LineIndex", () => {
  it("gives each row its line, storing only where the offset changes", () => {
    const index = new LineIndex();
    // Rows 0-2 on lines 2-4; row 2 spans 3 lines (quoted line breaks); a blank line after row 3.
    const lines = [2, 3, 4, 7, 9, 10];
    lines.forEach((line, row) => {
      index.add(row, line);
    });
    expect(lines.map((_, row) => index.lineOf(row))).toEqual(lines);
    expect(index.lineOf(6)).toBeUndefined();
    expect(index.lineOf(-1)).toBeUndefined();
    expect(index.lineOf(1.5)).toBeUndefined();
  });

  it("knows no rows before any is added", () => {
    expect(new LineIndex().lineOf(0)).toBeUndefined();
  });
});
