import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellValueOf,
  columnValuesReader,
  type FlatRecord,
  plainNumberText,
} from "../../src/io/CellValue.js";
import { Decimal } from "../../src/model/Decimal.js";

/** The definition `plainNumberText` had before its fast test: `String`, unless it wrote an exponent. */
function plainByRegex(value: number): string {
  const text = String(value);
  if (!Number.isFinite(value) || !/[eE]/.test(text)) return text;
  return new Decimal(text).toFixed();
}

describe("plainNumberText", () => {
  it("switches to Decimal exactly where String writes an exponent (1e21 and below 1e-6)", () => {
    const belowMicro = 1e-6 * (1 - Number.EPSILON); // the doubles on either side of the edges
    const belowE21 = 1e21 * (1 - Number.EPSILON);
    expect([belowMicro < 1e-6, belowE21 < 1e21]).toEqual([true, true]);
    const edges = [1e21, belowE21, 1e-6, belowMicro, 5e-324, 0, -0];
    for (const value of [...edges, ...edges.map((v) => -v), Number.NaN, Infinity, -Infinity]) {
      expect(plainNumberText(value)).toBe(plainByRegex(value));
    }
    expect(plainNumberText(1e21)).toBe("1000000000000000000000");
    expect(plainNumberText(-1e-7)).toBe("-0.0000001");
    expect(plainNumberText(1e-6)).toBe("0.000001");
  });

  it("agrees with the regex definition on every double, never writes an exponent, reads back", () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        const text = plainNumberText(value);
        expect(text).toBe(plainByRegex(value));
        if (Number.isFinite(value)) {
          expect(text).not.toMatch(/[eE]/);
          expect(Number(text)).toBe(value === 0 ? 0 : value); // -0 is written "0"
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe("columnValuesReader", () => {
  const columnName = fc.constantFrom("a", "b", "c", "d", "toString", "__proto__");
  const records = fc.dictionary(columnName, fc.oneof(fc.integer(), fc.string(), fc.constant(null)));

  it("reads what cellValueOf reads, record by record, whatever the columns and the records", () => {
    fc.assert(
      fc.property(
        fc.array(records, { minLength: 1, maxLength: 8 }),
        fc.array(columnName),
        fc.boolean(),
        (rows, someColumns, firstKeys) => {
          // The columns of a report (the first record's keys, in order) or any others; the
          // records after the first may have other keys, or the same.
          const columns = firstKeys ? Object.keys(rows[0] as object) : someColumns;
          const read = columnValuesReader(columns);
          for (const record of rows) {
            const expected = columns.map((column) => cellValueOf(record as FlatRecord, column));
            expect(read(record as FlatRecord)).toEqual(expected);
          }
        },
      ),
    );
  });

  it("never reads inherited properties", () => {
    const record = Object.create({ inherited: 1 }) as Record<string, unknown>;
    record.own = 2;
    const read = columnValuesReader(["own", "inherited"]);
    expect(read(record as FlatRecord)).toEqual([2, undefined]);
    expect(read({ own: 3, inherited: 4 })).toEqual([3, 4]); // after a record of other keys
  });
});
