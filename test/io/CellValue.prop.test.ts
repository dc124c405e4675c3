import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellValueOf,
  type FlatRecord,
  plainNumberText,
  valuesInColumnOrder,
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

describe("valuesInColumnOrder", () => {
  const records = fc.dictionary(
    fc.constantFrom("a", "b", "c", "d", "toString", "__proto__"),
    fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
  );

  it("reads what cellValueOf reads, column by column, whatever the columns", () => {
    fc.assert(
      fc.property(
        records,
        fc.array(fc.constantFrom("a", "b", "c", "d", "toString", "__proto__")),
        fc.boolean(),
        (record, someColumns, ownKeys) => {
          // The fast case (the record's own keys, in order) and any other list of columns.
          const columns = ownKeys ? Object.keys(record) : someColumns;
          const expected = columns.map((column) => cellValueOf(record as FlatRecord, column));
          expect(valuesInColumnOrder(record as FlatRecord, columns)).toEqual(expected);
        },
      ),
    );
  });

  it("never reads inherited properties", () => {
    const record = Object.create({ inherited: 1 }) as Record<string, unknown>;
    record.own = 2;
    expect(valuesInColumnOrder(record as FlatRecord, ["own", "inherited"])).toEqual([2, undefined]);
  });
});
