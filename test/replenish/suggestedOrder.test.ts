import { describe, expect, it } from "vitest";
import { suggestedOrder } from "../../src/replenish/suggestedOrder.js";
import { expectCode } from "./expectCode.js";

describe("suggestedOrder", () => {
  it("orders nothing above the reorder point", () => {
    expect(suggestedOrder({ inventoryPosition: 101, reorderPoint: 100, orderQuantity: 500 })).toBe(
      0,
    );
  });

  it("triggers at the reorder point itself (≤, trap 9)", () => {
    expect(suggestedOrder({ inventoryPosition: 100, reorderPoint: 100, orderQuantity: 500 })).toBe(
      500,
    );
  });

  it("orders up to the level, then rounds up to whole packs: 300 − 80 = 220 → 10 packs of 24 = 240", () => {
    expect(
      suggestedOrder({ inventoryPosition: 80, reorderPoint: 100, orderUpTo: 300, packSize: 24 }),
    ).toBe(240);
  });

  it("prefers orderUpTo over orderQuantity", () => {
    expect(
      suggestedOrder({
        inventoryPosition: 50,
        reorderPoint: 100,
        orderUpTo: 300,
        orderQuantity: 1000,
      }),
    ).toBe(250);
  });

  it("raises to the minimum order quantity before pack rounding", () => {
    // Need 30, MOQ 100, packs of 12: max(30, 100) = 100 → ⌈100/12⌉ = 9 packs = 108.
    expect(
      suggestedOrder({
        inventoryPosition: 70,
        reorderPoint: 80,
        orderUpTo: 100,
        minOrderQuantity: 100,
        packSize: 12,
      }),
    ).toBe(108);
  });

  it("rounds packs in exact decimals (no 0.30000000000000004 artefacts)", () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; 0.30000000000000004 / 0.1 = 3.0000000000000004,
    // whose ceiling would be 4 packs. Here the need is 0.4 − 0.1 = 0.3 exactly: 3 packs of 0.1.
    expect(
      suggestedOrder({ inventoryPosition: 0.1, reorderPoint: 0.2, orderUpTo: 0.4, packSize: 0.1 }),
    ).toBe(0.3);
    // 1.1 / 0.1 = 11.000000000000002 in floats: still 11 packs.
    expect(
      suggestedOrder({ inventoryPosition: 0, reorderPoint: 0, orderQuantity: 1.1, packSize: 0.1 }),
    ).toBe(1.1);
  });

  it("needs orderUpTo or orderQuantity, and orderUpTo must not be below the reorder point", () => {
    expectCode(() => suggestedOrder({ inventoryPosition: 1, reorderPoint: 5 }), "invalid_argument");
    expectCode(
      () => suggestedOrder({ inventoryPosition: 1, reorderPoint: 5, orderUpTo: 4 }),
      "out_of_range",
      ["orderUpTo"],
    );
    expectCode(
      () => suggestedOrder({ inventoryPosition: 1, reorderPoint: 5, orderQuantity: 0 }),
      "out_of_range",
      ["orderQuantity"],
    );
    expectCode(
      () =>
        suggestedOrder({ inventoryPosition: 1, reorderPoint: 5, orderQuantity: 10, packSize: 0 }),
      "out_of_range",
      ["packSize"],
    );
    expectCode(
      () =>
        suggestedOrder({
          inventoryPosition: 1,
          reorderPoint: 5,
          orderQuantity: 10,
          minOrderQuantity: -1,
        }),
      "out_of_range",
      ["minOrderQuantity"],
    );
  });
});
