import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { abcClassify } from "../../src/classify/abcClassify.js";
import { abcXyzMatrix } from "../../src/classify/abcXyzMatrix.js";
import { xyzClassify } from "../../src/classify/xyzClassify.js";
import { Decimal } from "../../src/model/Decimal.js";

const sku = fc.record({
  id: fc.string({ maxLength: 3 }),
  value: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
  mean: fc.integer({ min: -2, max: 20 }),
  stdDev: fc.integer({ min: 0, max: 30 }),
  inAbc: fc.boolean(),
  inXyz: fc.boolean(),
});

describe("abcXyzMatrix properties", () => {
  test.prop([fc.uniqueArray(sku, { selector: (s) => s.id, maxLength: 40 })])(
    "cells, rows, columns and total agree; every id is in a cell or in unmatched",
    (skus) => {
      const abc = abcClassify(skus.filter((s) => s.inAbc));
      const xyz = xyzClassify(skus.filter((s) => s.inXyz));
      const matrix = abcXyzMatrix(abc, xyz);
      const cells = matrix.rows.flatMap((row) => row.cells);
      const matched = skus.filter((s) => s.inAbc && s.inXyz);

      expect(cells).toHaveLength(3 * 4);
      expect(matrix.total.count).toBe(matched.length);
      const sumValues = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), new Decimal(0));
      const matchedValue = sumValues(matched.map((s) => new Decimal(String(s.value))));
      expect(matrix.total.value.eq(matchedValue)).toBe(true);
      expect(sumValues(cells.map((c) => c.value)).eq(matchedValue)).toBe(true);
      for (const row of matrix.rows) {
        expect(row.total.count).toBe(row.cells.reduce((n, c) => n + c.count, 0));
      }
      expect(matrix.columnTotals.reduce((n, c) => n + c.count, 0)).toBe(matched.length);
      expect([...matrix.unmatched.abcOnly].sort()).toEqual(
        skus
          .filter((s) => s.inAbc && !s.inXyz)
          .map((s) => s.id)
          .sort(),
      );
      expect([...matrix.unmatched.xyzOnly].sort()).toEqual(
        skus
          .filter((s) => !s.inAbc && s.inXyz)
          .map((s) => s.id)
          .sort(),
      );
    },
  );

  // Cell values are exact sums (ExactSum): any decimal, short or of 30 digits, sums as
  // Decimal.plus does.
  const amount = fc.oneof(
    fc.integer({ min: 0, max: 10_000 }).map((cents) => new Decimal(cents).div(100)),
    fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }))
      .map(([units, scale]) => new Decimal(units.toString()).div(new Decimal(10).pow(scale))),
  );
  test.prop([
    fc.array(fc.tuple(amount, fc.constantFrom("A", "B", "C"), fc.constantFrom("X", "Y"))),
  ])("each cell's value is the exact sum of its rows' values", (rows) => {
    const abc = rows.map(([value, abcClass], i) => ({ id: `S${i}`, value, class: abcClass }));
    const xyz = rows.map(([, , xyzClass], i) => ({ id: `S${i}`, class: xyzClass }));
    const matrix = abcXyzMatrix(abc, xyz);
    for (const row of matrix.rows) {
      for (const cell of row.cells) {
        const expected = rows
          .filter(([, a, x]) => a === cell.abc && x === cell.xyz)
          .reduce((sum, [value]) => sum.plus(value), new Decimal(0));
        expect(cell.value.toFixed()).toBe(expected.toFixed());
      }
    }
  });
});
