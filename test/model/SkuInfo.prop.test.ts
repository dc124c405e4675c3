import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { isNegativeAmount, MoneySchema, tryToDecimal } from "../../src/model/money.js";
import { SkuInfo } from "../../src/model/SkuInfo.js";

// The money fields of SkuInfo are checked without a Decimal for the amounts nearly every master has
// (every entry of a report's skuInfo is checked up front since an input audit): the check must take
// and refuse exactly what the rule it replaced did, MoneySchema refined to amounts ≥ 0.

/** Amount-like text: signs, digits, points, exponents, spaces, and other characters. */
const text = fc
  .array(
    fc.constantFrom(
      "-",
      "+",
      "0",
      "1",
      "9",
      ".",
      "e",
      "E",
      " ",
      "5",
      "00",
      "e-20",
      "e400",
      "x",
      ",",
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(""));
const amount = fc.oneof(
  text,
  fc.double(),
  fc.constantFrom(-0, 0, Number.NaN, Infinity, -Infinity, 1e-13, -1e-13, 5e-324, -5e-324),
  text.filter((t) => tryToDecimal(t) !== null).map((t) => new Decimal(t.trim())),
  fc.constantFrom(
    new Decimal("-0"),
    new Decimal("-1e-30"),
    new Decimal(Number.NaN),
    null,
    true,
    {},
    5n,
  ),
);
const reference = MoneySchema.refine((v) => !isNegativeAmount(v), {
  message: "must be a decimal amount ≥ 0",
});

describe("SkuInfo money fields", () => {
  test.prop([amount, fc.constantFrom("standardCost", "unitPrice", "orderCost")], { numRuns: 2000 })(
    "take and refuse what MoneySchema refined to amounts ≥ 0 does, with its messages",
    (value, field) => {
      const checked = SkuInfo.safeParse({ sku: "A", [field]: value });
      const wanted = reference.nullish().safeParse(value);
      expect(checked.success).toBe(wanted.success);
      if (!checked.success && !wanted.success) {
        expect(checked.error.issues[0]?.message).toBe(wanted.error.issues[0]?.message);
      }
    },
  );
});
