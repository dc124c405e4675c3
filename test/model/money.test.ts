import { Decimal as UserDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import { MoneySchema, toDecimal, tryToDecimal } from "../../src/model/money.js";
import { moneyProblem, scaledMoney } from "../../src/model/scaledMoney.js";

describe("money", () => {
  it("reads a number as the decimal it prints as", () => {
    expect(toDecimal(0.1, "t").plus(toDecimal(0.2, "t")).toFixed()).toBe("0.3");
    expect(toDecimal("12.3456", "t").toFixed()).toBe("12.3456");
  });

  it("accepts the caller's own decimal.js instances", () => {
    expect(toDecimal(new UserDecimal("1.25"), "t").toFixed()).toBe("1.25");
  });

  it("copies a decimal into invkpi's class only when it is not already one of its own", () => {
    // Own finite decimals are shared (decimals are immutable; the copy printed and parsed each).
    const own = new Decimal("12.345");
    expect(tryToDecimal(own)).toBe(own);
    // Another clone's instance computes at its own precision: it becomes invkpi's.
    const foreign = new UserDecimal("12.345");
    const copied = tryToDecimal(foreign);
    expect(copied).not.toBe(foreign);
    expect(copied?.constructor).toBe(Decimal);
    expect(copied?.div(3).toFixed()).toBe(new Decimal("12.345").div(3).toFixed());
    // A negative zero is copied into a plain zero, so that it prints as "0".
    const negativeZero = new Decimal("-0");
    const zero = tryToDecimal(negativeZero);
    expect(zero).not.toBe(negativeZero);
    expect(zero?.isNegative()).toBe(false);
  });

  it("rejects what is not a finite decimal", () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "",
      " ",
      "1,5",
      "abc",
      "0x10",
      new UserDecimal(Number.NaN),
    ]) {
      expect(tryToDecimal(bad), String(bad)).toBeNull();
    }
    expect(() => toDecimal("1,5", "fn: unitCost")).toThrowError(InvKpiError);
  });

  it("gives the error the path of the field its label names (found by an audit)", () => {
    // Before: every invalid_money from toDecimal had path [].
    const pathOf = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (e) {
        return e instanceof InvKpiError ? [e.code, e.path, e.message] : e;
      }
      return "no error";
    };
    expect(pathOf(() => toDecimal("1,5", "fn: unitCost"))).toEqual([
      "invalid_money",
      ["unitCost"],
      "fn: unitCost must be a finite decimal amount",
    ]);
    expect(pathOf(() => toDecimal("x", "turnoverSeries: months[2].cogs"))).toEqual([
      "invalid_money",
      ["months", 2, "cogs"],
      "turnoverSeries: months[2].cogs must be a finite decimal amount",
    ]);
    expect(pathOf(() => toDecimal(Number.NaN, "analyzeLedger: replenishment.orderCost"))).toEqual([
      "invalid_money",
      ["replenishment", "orderCost"],
      "analyzeLedger: replenishment.orderCost must be a finite decimal amount",
    ]);
    // No field in the label: no path; an explicit path wins.
    expect(pathOf(() => toDecimal("x", "t"))).toEqual([
      "invalid_money",
      [],
      "t must be a finite decimal amount",
    ]);
    expect(pathOf(() => toDecimal("x", "fn: the cost", ["rows", 3, "cost"]))).toEqual([
      "invalid_money",
      ["rows", 3, "cost"],
      "fn: the cost must be a finite decimal amount",
    ]);
  });

  it("never changes the caller's decimal.js settings", () => {
    const before = UserDecimal.precision;
    expect(new Decimal(1).div(3).toFixed().length).toBeGreaterThan(30); // 40 significant digits
    expect(UserDecimal.precision).toBe(before);
  });

  it("rounds half to even", () => {
    expect(new Decimal("2.5").toDecimalPlaces(0).toFixed()).toBe("2");
    expect(new Decimal("3.5").toDecimalPlaces(0).toFixed()).toBe("4");
  });
});

// Found by a review: a CSV ledger or master refused a no-break space (or any other invisible
// character) around an amount, naming it, while validateLedger, skuInfo and the NDJSON readers
// took "2.5\u00a0" as 2.5 (the text was trimmed of any white space). Only ASCII spaces and tabs
// may surround an amount's text now, everywhere; anything else is refused, named.
describe("white space around a money text", () => {
  const named =
    "U+00A0 (no-break space), an invisible character (only spaces and tabs may surround an amount)";

  it("takes ASCII spaces and tabs, and nothing else", () => {
    expect(tryToDecimal(" \t2.5 \t")?.toFixed()).toBe("2.5");
    expect(scaledMoney(" \t2.5 \t")).toEqual({ units: 25, decimals: 1 });
    for (const text of [
      "2.5\u00a0",
      "\u00a02.5",
      "2.5\n",
      "\r2.5",
      "\ufeff2.5",
      "2.5\u200b",
      "2.5\u3000",
      "2.5\u2028",
      "2.5\u202f",
      " 1e3\u00a0",
    ]) {
      expect(tryToDecimal(text), JSON.stringify(text)).toBeNull();
      expect(scaledMoney(text), JSON.stringify(text)).toBeNull();
      expect(MoneySchema.safeParse(text).success, JSON.stringify(text)).toBe(false);
    }
  });

  it("names the character in every message that refuses it", () => {
    expect(() => toDecimal("2.5\u00a0", "fn: unitCost")).toThrow(
      `fn: unitCost must be a decimal amount, but holds ${named}`,
    );
    expect(moneyProblem("2.5\u00a0", "unitCost")).toEqual([
      "invalid_money",
      `unitCost must be a decimal amount, but holds ${named}`,
    ]);
    expect(MoneySchema.safeParse("\u00a02.5").error?.issues[0]?.message).toBe(
      `must be a decimal amount, but holds ${named}`,
    );
    expect(moneyProblem("\ufeff2.5", "unitCost")[1]).toBe(
      "unitCost must be a decimal amount, but holds U+FEFF (zero width no-break space, a byte order mark), an invisible character (only spaces and tabs may surround an amount)",
    );
    // A text that is no amount for another reason keeps its message.
    expect(moneyProblem("1,5", "unitCost")[1]).toBe("unitCost must be a finite decimal amount");
  });
});
