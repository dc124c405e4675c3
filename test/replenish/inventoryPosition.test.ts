import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
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

  it("adds exactly, rounding to a double once (found by an audit)", () => {
    // 0.3 − 0.1 in doubles is 0.19999999999999998; the decimals say 0.2. With an order-up-to
    // level of 1.2 in packs of 0.1, the float position ordered 1.1 (11 packs), not 1.0.
    expect(inventoryPosition({ onHand: 0.3, reserved: 0.1 })).toBe(0.2);
    expect(inventoryPosition({ onHand: 0.1, onOrder: 0.2 })).toBe(0.3);
    expect(inventoryPosition({ onHand: 1e16, onOrder: 1, reserved: 1 })).toBe(1e16);
  });

  const units = fc.integer({ min: 0, max: 1e6 });
  test.prop([fc.integer({ min: -1e6, max: 1e6 }), units, units, units, fc.nat(4)])(
    "equals the decimal.js sum of the parts, rounded to a double",
    (a, b, c, d, places) => {
      const scale = 10 ** places;
      const [onHand, onOrder, backordered, reserved] = [a / scale, b / scale, c / scale, d / scale];
      const reference = new Decimal(String(onHand))
        .plus(String(onOrder))
        .minus(String(backordered))
        .minus(String(reserved))
        .toNumber();
      expect(inventoryPosition({ onHand, onOrder, backordered, reserved })).toBe(reference);
    },
  );

  it("rejects negative commitments and non-numbers", () => {
    expectCode(() => inventoryPosition({ onHand: 1, onOrder: -1 }), "out_of_range", ["onOrder"]);
    expectCode(() => inventoryPosition({ onHand: Number.NaN }), "invalid_argument", ["onHand"]);
  });
});
