import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { MAX_MONEY_DECIMALS, parseDecimalText } from "../../src/model/exactDecimal.js";

// The reference: the general regex parser, as it stood before the digit-loop fast path (with only
// ASCII spaces and tabs around the text since a review: `\s` took a no-break space).
function reference(text: string): { units: number; decimals: number } | null {
  const match = /^[ \t]*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?[ \t]*$/.exec(text);
  if (match === null) return null;
  const [, sign = "", intPart = "", fracPart = "", expPart] = match;
  if (intPart === "" && fracPart === "") return null;
  let digitsText = (intPart + fracPart).replace(/^0+(?=\d)/, "");
  let decimals = fracPart.length - (expPart === undefined ? 0 : Number(expPart));
  while (decimals > 0 && digitsText.length > 1 && digitsText.endsWith("0")) {
    digitsText = digitsText.slice(0, -1);
    decimals--;
  }
  if (decimals < 0) {
    digitsText += "0".repeat(-decimals);
    decimals = 0;
  }
  const significant = digitsText.replace(/^0+/, "");
  if (significant.length > 15 || decimals > MAX_MONEY_DECIMALS) return null;
  const units = Number(digitsText);
  return { units: sign === "-" && units !== 0 ? -units : units, decimals };
}

const digit = fc.constantFrom(..."0123456789");
const decimalText = fc
  .tuple(
    fc.constantFrom("", "-", "+", " ", "--"),
    fc.array(digit, { maxLength: 18 }),
    fc.constantFrom("", ".", ".."),
    fc.array(digit, { maxLength: 16 }),
    fc.constantFrom("", "e2", "E-3", " ", "\t", "\u00a0", "\n", "\ufeff", "x"),
  )
  .map(([sign, int, point, frac, tail]) => `${sign}${int.join("")}${point}${frac.join("")}${tail}`);

describe("parseDecimalText", () => {
  it("reads plain amounts exactly", () => {
    expect(parseDecimalText("12.50")).toEqual({ units: 125, decimals: 1 });
    expect(parseDecimalText("-0.0412")).toEqual({ units: -412, decimals: 4 });
    expect(parseDecimalText("0.00")).toEqual({ units: 0, decimals: 2 });
    expect(parseDecimalText("1e3")).toEqual({ units: 1000, decimals: 0 });
    expect(parseDecimalText("1.0000000000001")).toBeNull(); // 13 decimals
    expect(parseDecimalText("")).toBeNull();
  });

  test.prop([decimalText], { numRuns: 3000 })(
    "the fast path agrees with the general parser",
    (text) => {
      expect(parseDecimalText(text)).toEqual(reference(text));
    },
  );

  test.prop([fc.string()])("any text: the same answer as the general parser", (text) => {
    expect(parseDecimalText(text)).toEqual(reference(text));
  });
});
