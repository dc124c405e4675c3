import { describe, expect, it } from "vitest";
import { inventoryPosition } from "../../src/replenish/inventoryPosition.js";
import { expectCode } from "./expectCode.js";

describe("inventoryPosition = on hand + on order − backordered − reserved", () => {
  it("by hand: 120 + 200 − 15 − 5 = 300", () => {
    expect(inventoryPosition({ onHand: 120, onOrder: 200, backordered: 15, reserved: 5 })).toBe(
      300,
    );
  });

  it("counts stock on order (trap 9) and defaults the optional parts to 0", () => {
    expect(inventoryPosition({ onHand: 40 })).toBe(40);
    expect(inventoryPosition({ onHand: 40, onOrder: 100 })).toBe(140);
    expect(inventoryPosition({ onHand: -10, backordered: 5 })).toBe(-15);
  });

  it("rejects negative commitments and non-numbers", () => {
    expectCode(() => inventoryPosition({ onHand: 1, onOrder: -1 }), "out_of_range", ["onOrder"]);
    expectCode(() => inventoryPosition({ onHand: Number.NaN }), "invalid_argument", ["onHand"]);
  });
});
