import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import type { InventoryTurnoverArgs } from "../../src/turnover/inventoryTurnover.js";
import { inventoryTurnover } from "../../src/turnover/inventoryTurnover.js";
import { codeOf } from "./codeOf.js";

describe("inventoryTurnover", () => {
  it("worked example of issue #3: COGS 1,000,000 over average 200,000 is 5", () => {
    // Hand computation: 1,000,000 / 200,000 = 5.
    expect(inventoryTurnover({ cogs: 1_000_000, averageInventory: 200_000 })).toBe(5);
    expect(inventoryTurnover({ cogs: "1000000", averageInventory: new Decimal("200000") })).toBe(5);
  });

  it("divides as decimals: 0.3 / 0.1 is exactly 3", () => {
    expect(0.3 / 0.1).not.toBe(3); // 2.9999999999999996 in binary floating point
    expect(inventoryTurnover({ cogs: 0.3, averageInventory: 0.1 })).toBe(3);
  });

  it("is 0 when nothing was sold from a positive stock", () => {
    expect(inventoryTurnover({ cogs: 0, averageInventory: 500 })).toBe(0);
  });

  it("is null when the average inventory is zero or negative, never Infinity or NaN", () => {
    expect(inventoryTurnover({ cogs: 1000, averageInventory: 0 })).toBeNull();
    expect(inventoryTurnover({ cogs: 0, averageInventory: 0 })).toBeNull();
    expect(inventoryTurnover({ cogs: 1000, averageInventory: -25 })).toBeNull();
  });

  it("is null when returns exceeded issues (negative COGS)", () => {
    expect(inventoryTurnover({ cogs: -50, averageInventory: 500 })).toBeNull();
  });

  it("rejects amounts that are not finite decimals", () => {
    expect(
      codeOf(() => inventoryTurnover({ cogs: Number.POSITIVE_INFINITY, averageInventory: 1 })),
    ).toBe("invalid_money");
    expect(codeOf(() => inventoryTurnover({ cogs: 1, averageInventory: "abc" }))).toBe(
      "invalid_money",
    );
    expect(codeOf(() => inventoryTurnover(undefined as unknown as InventoryTurnoverArgs))).toBe(
      "invalid_argument",
    );
  });
});
