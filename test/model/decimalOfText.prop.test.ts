import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { fieldsOf } from "../../src/model/decimalFields.js";
import { decimalOfText } from "../../src/model/decimalOfText.js";

// The reference is decimal.js's own constructor on the same text: the fields must be identical
// (sign, exponent and every base-10^7 word), not merely the value, so that any arithmetic on the
// result is the same. Text that is not plain decimal text (the shape /^-?\d+(\.\d+)?$/) is null.
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

function expectSameAsDecimalJs(text: string): void {
  const fast = decimalOfText(text);
  if (!PLAIN_DECIMAL.test(text)) {
    expect(fast).toBeNull();
    return;
  }
  expect(fast).not.toBeNull();
  const a = fieldsOf(fast as Decimal);
  const b = fieldsOf(new Decimal(text));
  expect({ s: a.s, e: a.e, d: a.d }).toEqual({ s: b.s, e: b.e, d: b.d });
  expect((fast as Decimal).constructor).toBe(Decimal);
}

/** Plain decimal text: leading zeros, trailing zeros, short and long digit runs, signs. */
const digitRun = fc.oneof(
  fc.stringMatching(/^\d{1,6}$/),
  fc.stringMatching(/^\d{7,16}$/),
  fc.stringMatching(/^\d{17,40}$/),
  fc.stringMatching(/^0{1,5}\d{0,3}$/),
);
const plainText = fc
  .tuple(fc.boolean(), digitRun, fc.option(digitRun, { nil: undefined }))
  .map(
    ([minus, whole, fraction]) =>
      `${minus ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`}`,
  );

describe("decimalOfText", () => {
  it("worked examples, against new Decimal(text)", () => {
    for (const text of [
      "0",
      "-0",
      "-0.000",
      "0.0",
      "7",
      "-7",
      "186553.363",
      "171025.7931780821917808219178082191780822",
      "999999999999999",
      "9999999999999999",
      "0.000000000000001",
      "0.0000000000000001",
      "1.50",
      "00012.5000",
      "123456789.1234567",
      "-1325441808.927",
    ]) {
      expectSameAsDecimalJs(text);
    }
  });

  it("null for text that is not plain decimal text", () => {
    for (const text of [
      "",
      "-",
      "+7",
      "5.",
      ".5",
      "1e3",
      " 1",
      "1 ",
      "1.2.3",
      "--1",
      "1,5",
      "NaN",
      "Infinity",
      "١٢",
    ]) {
      expect(decimalOfText(text)).toBeNull();
    }
  });

  test.prop([plainText])("equals new Decimal(text) field by field", (text) => {
    expectSameAsDecimalJs(text);
  });

  test.prop([fc.string({ maxLength: 12, unit: fc.constantFrom(..."-+.0123456789e ,x") })])(
    "any short text: null exactly when it is not plain decimal text",
    (text) => {
      expectSameAsDecimalJs(text);
    },
  );
});
