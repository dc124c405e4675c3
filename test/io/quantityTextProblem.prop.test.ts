import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { quantityTextProblem } from "../../src/io/quantityTextProblem.js";
import { Decimal } from "../../src/model/Decimal.js";

// The quantity rule on text: a decimal is taken when it has at most 9 decimal places and the double
// read from it is that very decimal (checked against decimal.js); else the message names the limit.

/** Decimal text: a sign, 1 to 25 digits, a point anywhere (or none), sometimes an exponent. */
const decimalText = fc
  .tuple(
    fc.constantFrom("", "-", "+"),
    fc.array(fc.constantFrom("0", "1", "2", "5", "9"), { minLength: 1, maxLength: 25 }),
    fc.nat({ max: 26 }),
    fc.option(fc.integer({ min: -12, max: 12 }), { nil: undefined }),
  )
  .map(([sign, digits, point, exponent]) => {
    const text = digits.join("");
    const body = point >= text.length ? text : `${text.slice(0, point)}.${text.slice(point)}`;
    return sign + body + (exponent === undefined ? "" : `e${exponent}`);
  });

describe("quantityTextProblem", () => {
  test.prop([decimalText])(
    "takes exactly the decimals a double holds, of at most 9 places",
    (text) => {
      const exact = new Decimal(text);
      const value = Number(text);
      if (!(Math.abs(value) < 1e15)) return; // the row check's range
      const problem = quantityTextProblem(text);
      const heldExactly = new Decimal(String(value)).equals(exact);
      const places = exact.decimalPlaces();
      expect(problem === null).toBe(heldExactly && places <= 9);
      if (places > 9)
        expect(problem).toBe(`quantity must have at most 9 decimal places (it has ${places})`);
      else if (problem !== null)
        expect(problem).toMatch(/^quantity must have at most 15 significant digits/);
    },
  );
});
