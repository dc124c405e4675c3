import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  BLANK,
  isoDayBytes,
  NOT_BLANK,
  scanAmount,
  scanDay,
  scanNumber,
  scanText,
  UNSURE,
} from "../../src/io/byteCells.js";
import { isBlankAt, plainNumberAt } from "../../src/io/csvCellValue.js";
import { parseIsoDay } from "../../src/model/day.js";
import { parseDecimalText } from "../../src/model/exactDecimal.js";
import { hashBytes } from "../../src/model/hashBytes.js";

// The byte scanners of the CSV fast path against the text functions of the general path: where a
// scanner gives a value, it is the general path's value for the same cell; where it says "not
// sure" (-1), the general path decides. Cells are followed by a delimiter and more text, as in a
// record.

const encoder = new TextEncoder();
/** A cell as UTF-8 bytes, followed by `,rest` so that the scanner must stop at the delimiter. */
function record(cell: string): { bytes: Uint8Array; end: number } {
  const bytes = encoder.encode(`${cell},rest`);
  return { bytes, end: bytes.length - 5 };
}
const COMMA = 44;

/** Text close to numbers, amounts and days: digits, signs, points, spaces, exponents, dashes. */
const numberish = fc
  .array(fc.constantFrom("0", "1", "5", "9", ".", "-", "+", " ", "\t", "e", "x", "0", "2"), {
    maxLength: 18,
  })
  .map((parts) => parts.join(""));
const dayish = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ),
  fc.constantFrom("2025-1-05", "2025-01-5 ", "", "2025/01/05", "+025-01-05", "2025-01-05x"),
);

describe("byte cells", () => {
  test.prop([numberish])("scanNumber reads plain numbers as plainNumberAt does", (cell) => {
    const { bytes, end } = record(cell);
    const out = new Float64Array(1);
    const stop = scanNumber(bytes, 0, bytes.length, COMMA, out);
    const expected = plainNumberAt(cell, 0, cell.length);
    if (stop >= 0) {
      expect(stop).toBe(end);
      expect(out[0]).toBe(expected);
    } else {
      // Not sure: only a cell that is no plain number, or one with more than 15 digits.
      expect(Number.isNaN(expected) || cell.replace(/\D/g, "").length > 15).toBe(true);
    }
  });

  test.prop([numberish])("scanAmount reads amounts as parseDecimalText does", (cell) => {
    const { bytes, end } = record(cell);
    const out = new Float64Array(2);
    const stop = scanAmount(bytes, 0, bytes.length, COMMA, out);
    if (stop < 0) return; // the general path decides
    expect(stop).toBe(end);
    if (cell === "") expect(out[0]).toBeNaN();
    else expect({ units: out[0], decimals: out[1] }).toEqual(parseDecimalText(cell));
  });

  test.prop([dayish])("scanDay and isoDayBytes read days as parseIsoDay does", (cell) => {
    const { bytes, end } = record(cell);
    const out = new Float64Array(1);
    const stop = scanDay(bytes, 0, bytes.length, COMMA, out);
    const expected = parseIsoDay(cell);
    if (expected === null) {
      expect(stop).toBe(-1);
      expect(isoDayBytes(bytes, 0, end)).toBeNaN();
    } else {
      expect(stop).toBe(end);
      expect(out[0]).toBe(expected);
    }
  });

  test.prop([fc.string({ unit: "grapheme", maxLength: 6 }).filter((s) => !s.includes(","))])(
    "scanText finds the cell's end, its hash and whether it is blank as isBlankAt says",
    (cell) => {
      const { bytes, end } = record(cell);
      const out = new Float64Array(3);
      expect(scanText(bytes, 0, bytes.length, COMMA, out)).toBe(end);
      expect(out[0]).toBe(hashBytes(bytes, 0, end));
      const blank = isBlankAt(cell, 0, cell.length);
      if (out[1] === BLANK) expect(blank).toBe(true);
      if (out[1] === NOT_BLANK) expect(blank).toBe(false);
      if (out[1] === UNSURE) expect([...cell].some((c) => c.charCodeAt(0) >= 128)).toBe(true);
    },
  );
});
