import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { suggestedOrder } from "../../src/replenish/suggestedOrder.js";

// Quantities with up to three decimals (kilograms, metres), as ledgers carry them.
const quantity = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((n) => n / 1000);
const pack = fc.oneof(
  fc.constantFrom(0.1, 0.25, 0.3, 1, 6, 12, 24, 1.5),
  fc.integer({ min: 1, max: 5000 }).map((n) => n / 100),
);

const scenario = fc.record({
  inventoryPosition: fc.integer({ min: -500_000, max: 1_000_000 }).map((n) => n / 1000),
  reorderPoint: quantity(1000),
  extra: quantity(1000),
  minOrderQuantity: quantity(300),
  packSize: pack,
});

describe("suggestedOrder, properties", () => {
  test.prop([scenario])(
    "a whole number of packs, ≥ MOQ when positive, reaching the order-up-to level",
    (s) => {
      const orderUpTo = s.reorderPoint + s.extra;
      const order = suggestedOrder({
        inventoryPosition: s.inventoryPosition,
        reorderPoint: s.reorderPoint,
        orderUpTo,
        minOrderQuantity: s.minOrderQuantity,
        packSize: s.packSize,
      });
      expect(order).toBeGreaterThanOrEqual(0);
      // A multiple of the pack size, checked in exact decimals.
      expect(new Decimal(order).dividedBy(new Decimal(s.packSize)).isInteger()).toBe(true);
      if (s.inventoryPosition > s.reorderPoint) {
        expect(order).toBe(0);
      } else {
        if (order > 0) expect(order).toBeGreaterThanOrEqual(s.minOrderQuantity);
        // The position after ordering is at least the order-up-to level (exact decimals).
        expect(new Decimal(s.inventoryPosition).plus(order).gte(new Decimal(orderUpTo))).toBe(true);
      }
    },
  );

  test.prop([scenario, quantity(2000).filter((q) => q > 0)])(
    "with a fixed quantity: at least that quantity and the MOQ, less than one pack more than needed",
    (s, orderQuantity) => {
      const order = suggestedOrder({
        inventoryPosition: Math.min(s.inventoryPosition, s.reorderPoint),
        reorderPoint: s.reorderPoint,
        orderQuantity,
        minOrderQuantity: s.minOrderQuantity,
        packSize: s.packSize,
      });
      const needed = Math.max(orderQuantity, s.minOrderQuantity);
      expect(order).toBeGreaterThanOrEqual(needed);
      expect(order).toBeLessThan(needed + s.packSize + 1e-9);
    },
  );
});
