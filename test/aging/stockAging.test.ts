import { describe, expect, it } from "vitest";
import { stockAging } from "../../src/aging/stockAging.js";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { Decimal } from "../../src/model/Decimal.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuHistory } from "../../src/model/SkuHistory.js";
import { makeHistory } from "../support/makeHistory.js";
import { codeOf, layer } from "./fixtures.js";

// Ages below are hand-counted to the as-of day 2024-12-31, day 366 of the leap year 2024, so a day
// of 2024 with day-of-year N is 366 − N days old. Day-of-year of the first of each month in 2024:
// Feb 32, Mar 61, Apr 92, May 122, Jun 153, Jul 183, Aug 214, Sep 245, Oct 275, Nov 306, Dec 336.

describe("stockAging: a worked FIFO ledger (hand computation)", () => {
  // The ledger of SKU BOLT at location MAIN, FIFO valuation, and the layers it leaves:
  //   2023-11-15 receipt 100 @ 2.00                      → layer A 100 @ 2.00
  //   2024-03-10 issue 70: consumes the oldest layer     → layer A  30 @ 2.00 (partly consumed)
  //   2024-05-20 transfer in 25, received at location B on 2024-02-01 @ 2.40
  //                                                      → layer T 25 @ 2.40, dated 2024-02-01
  //   2024-10-07 customer return 5 @ 2.00                → layer R 5 @ 2.00, dated the return day
  //   2024-11-20 count adjustment +3 @ 2.10              → layer C 3 @ 2.10, dated the count day
  //   2024-12-15 receipt 40 @ 2.50                       → layer D 40 @ 2.50
  // Ages on 2024-12-31:
  //   A 2023-11-15: 366 days to 2024-11-15 (Feb 29 included) + 15 + 31 = 412 → over 365
  //   T 2024-02-01: 366 − 32 = 334                                      → 181–365
  //   R 2024-10-07: day 281, 366 − 281 = 85                             → 61–90
  //   C 2024-11-20: day 325, 366 − 325 = 41                             → 31–60
  //   D 2024-12-15: day 350, 366 − 350 = 16                             → 0–30
  const history = makeHistory({
    sku: "BOLT",
    location: "MAIN",
    valuation: "fifo",
    closingQuantity: 103,
    closingValue: "236.30",
    lastMovementDate: "2024-12-15",
    layers: [
      layer("2023-11-15", 30, "2.00"),
      layer("2024-02-01", 25, "2.40"),
      layer("2024-10-07", 5, "2.00"),
      layer("2024-11-20", 3, "2.10"),
      layer("2024-12-15", 40, "2.50"),
    ],
  });
  const aging = stockAging(history, { asOf: "2024-12-31" });

  it("puts each layer in the bucket of its age", () => {
    expect(aging.buckets.map((b) => [b.label, b.quantity, b.value.toFixed(2)])).toEqual([
      ["0–30", 40, "100.00"], // D 40 × 2.50
      ["31–60", 3, "6.30"], // C 3 × 2.10
      ["61–90", 5, "10.00"], // R 5 × 2.00
      ["91–180", 0, "0.00"],
      ["181–365", 25, "60.00"], // T 25 × 2.40
      ["over 365", 30, "60.00"], // A 30 × 2.00
    ]);
    expect(aging.quantity).toBe(103);
    expect(aging.value.toFixed(2)).toBe("236.30");
  });

  it("gives the quantity-weighted average age and the oldest age", () => {
    // (30 × 412 + 25 × 334 + 5 × 85 + 3 × 41 + 40 × 16) / 103 = 21 898 / 103
    expect(aging.quantityDays.toFixed()).toBe("21898");
    expect(aging.averageAge).toBe(21_898 / 103);
    expect(aging.oldestAge).toBe(412);
    expect(aging.ageReason).toBeNull();
  });

  it("carries the SKU, location and as-of day", () => {
    expect(aging).toMatchObject({ sku: "BOLT", location: "MAIN", asOf: "2024-12-31" });
  });

  it("gives the bounds of every bucket, the last one open", () => {
    expect(aging.buckets.map((b) => [b.fromDays, b.toDays])).toEqual([
      [0, 30],
      [31, 60],
      [61, 90],
      [91, 180],
      [181, 365],
      [366, null],
    ]);
  });
});

describe("stockAging: the worked ledger above, replayed (found by a test audit: only hand-made layers were aged)", () => {
  // The same movements as rows, by location: B receives the 25 units that it transfers to MAIN.
  const ledger: Movement[] = [
    {
      sku: "BOLT",
      date: "2023-11-15",
      type: "receipt",
      quantity: 100,
      unitCost: "2.00",
      location: "MAIN",
    },
    {
      sku: "BOLT",
      date: "2024-02-01",
      type: "receipt",
      quantity: 25,
      unitCost: "2.40",
      location: "B",
    },
    { sku: "BOLT", date: "2024-03-10", type: "issue", quantity: 70, location: "MAIN" },
    { sku: "BOLT", date: "2024-05-20", type: "transfer", quantity: -25, location: "B" },
    { sku: "BOLT", date: "2024-05-20", type: "transfer", quantity: 25, location: "MAIN" },
    {
      sku: "BOLT",
      date: "2024-10-07",
      type: "return",
      quantity: 5,
      unitCost: "2.00",
      location: "MAIN",
    },
    {
      sku: "BOLT",
      date: "2024-11-20",
      type: "adjustment",
      quantity: 3,
      unitCost: "2.10",
      location: "MAIN",
    },
    {
      sku: "BOLT",
      date: "2024-12-15",
      type: "receipt",
      quantity: 40,
      unitCost: "2.50",
      location: "MAIN",
    },
  ];
  const mainOf = (valuation: "fifo" | "moving-average") => {
    const { histories } = replayLedger(ledger, {
      period: { from: "2024-01-01", to: "2024-12-31" },
      valuation,
      byLocation: true,
    });
    return histories.find((h) => h.location === "MAIN") as SkuHistory;
  };

  it("gives the hand-computed buckets and ages under FIFO", () => {
    const aging = stockAging(mainOf("fifo"), { asOf: "2024-12-31" });
    expect(aging.buckets.map((b) => [b.quantity, b.value.toFixed(2)])).toEqual([
      [40, "100.00"],
      [3, "6.30"],
      [5, "10.00"],
      [0, "0.00"],
      [25, "60.00"],
      [30, "60.00"],
    ]);
    expect(aging.averageAge).toBe(21_898 / 103);
    expect(aging.oldestAge).toBe(412);
  });

  it("ages the same units under moving average (the value spread over them differs)", () => {
    const aging = stockAging(mainOf("moving-average"), { asOf: "2024-12-31" });
    expect(aging.buckets.map((b) => b.quantity)).toEqual([40, 3, 5, 0, 25, 30]);
    expect(aging.averageAge).toBe(21_898 / 103);
    // The buckets add up to the closing value exactly, whatever the spread.
    const total = aging.buckets.reduce((sum, b) => sum.plus(b.value), new Decimal(0));
    expect(total.toFixed()).toBe(mainOf("moving-average").closingValue.toFixed());
  });
});

describe("stockAging: bucket bounds", () => {
  // One unit per layer; received 0, 30, 31, 365 and 366 days before 2024-12-31.
  // 2024-12-01 is 30 days old, 2024-11-30 is 31; 2024-01-01 is 365; 2023-12-31 is 366.
  const aging = stockAging(
    makeHistory({
      closingQuantity: 5,
      layers: [
        layer("2023-12-31", 1, 1),
        layer("2024-01-01", 1, 1),
        layer("2024-11-30", 1, 1),
        layer("2024-12-01", 1, 1),
        layer("2024-12-31", 1, 1),
      ],
    }),
  );

  it("includes each bound in the bucket it closes", () => {
    // 0 and 30 → 0–30; 31 → 31–60; 365 → 181–365; 366 → over 365.
    expect(aging.buckets.map((b) => b.quantity)).toEqual([2, 1, 0, 0, 1, 1]);
    expect(aging.oldestAge).toBe(366);
  });

  it("measures to the period end when asOf is not given, and reads a Date as its UTC day", () => {
    const asDate = stockAging(makeHistory({ layers: [layer("2024-12-01", 1, 1)] }), {
      asOf: new Date(Date.UTC(2024, 11, 31, 23, 59)),
    });
    expect(aging.asOf).toBe("2024-12-31");
    expect(asDate.oldestAge).toBe(30);
  });

  it("uses custom buckets", () => {
    const custom = stockAging(makeHistory({ layers: [layer("2024-12-17", 2, 1)] }), {
      buckets: [7, 14],
    });
    // 2024-12-17 is 14 days before 2024-12-31: the 8–14 bucket.
    expect(custom.buckets.map((b) => [b.label, b.quantity])).toEqual([
      ["0–7", 0],
      ["8–14", 2],
      ["over 14", 0],
    ]);
  });
});

describe("stockAging: stock that went to zero, negative stock", () => {
  it("restarts the age when stock went to zero and came back", () => {
    // 2024-01-10 receipt 10, 2024-03-01 issue 10 (nothing left), 2024-11-21 receipt 6 @ 3.
    // Only the new layer remains: 2024-11-21 is day 326, 366 − 326 = 40 days old, not 356.
    const aging = stockAging(
      makeHistory({
        closingQuantity: 6,
        closingValue: 18,
        lastMovementDate: "2024-11-21",
        layers: [layer("2024-11-21", 6, 3)],
      }),
    );
    expect(aging.averageAge).toBe(40);
    expect(aging.oldestAge).toBe(40);
    expect(aging.buckets[1]).toMatchObject({ label: "31–60", quantity: 6 });
    expect(aging.buckets[1]?.value.toFixed(2)).toBe("18.00");
  });

  it("has empty buckets and null ages with a reason for a SKU with negative stock", () => {
    const aging = stockAging(
      makeHistory({ closingQuantity: -4, closingValue: -10, lastMovementDate: "2024-06-01" }),
    );
    expect(aging.buckets.every((b) => b.quantity === 0 && b.value.isZero())).toBe(true);
    expect(aging.quantity).toBe(0);
    expect(aging.value.isZero()).toBe(true);
    expect(aging.averageAge).toBeNull();
    expect(aging.oldestAge).toBeNull();
    expect(aging.ageReason).toBe("nothing_on_hand");
    // No layers, no unit-days: a rollup adds nothing for it.
    expect(aging.quantityDays.isZero()).toBe(true);
  });
});

describe("stockAging: exact sums", () => {
  it("adds bucket values as exact decimals", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; the bucket must hold exactly 0.3.
    const aging = stockAging(
      makeHistory({
        layers: [
          layer("2024-12-30", 1, "0.1"),
          layer("2024-12-31", 1, "0.2"),
          layer("2024-12-31", 0.1, "1"),
          layer("2024-12-31", 0.2, "1"),
        ],
      }),
    );
    expect(aging.buckets[0]?.value).toBeInstanceOf(Decimal);
    expect(aging.buckets[0]?.value.toFixed()).toBe("0.6");
    expect(aging.buckets[0]?.quantity).toBe(2.3);
    // Unit-days: 1 × 1 (the layer of 2024-12-30) + 0 for the three of the as-of day, exactly.
    expect(aging.quantityDays.toFixed()).toBe("1");
  });

  it("gives the unit-days of fractional quantities exactly, on both paths", () => {
    // 0.1 × 3 + 0.2 × 1 = 0.5 unit-days (0.30000000000000004 + 0.2 in doubles); scaled path.
    const short = stockAging(
      makeHistory({ layers: [layer("2024-12-28", 0.1, "1"), layer("2024-12-30", 0.2, "1")] }),
    );
    expect(short.quantityDays.toFixed()).toBe("0.5");
    expect(short.averageAge).toBe(0.5 / 0.3);
    // A quantity of 16 significant digits leaves the scaled path: 1.000000000000001 × 2 days.
    const long = stockAging(makeHistory({ layers: [layer("2024-12-29", 1.000000000000001, "1")] }));
    expect(long.quantityDays.toFixed()).toBe("2.000000000000002");
    expect(long.averageAge).toBe(2);
  });

  it("does not modify its input", () => {
    const layers = [layer("2024-01-01", 5, 2)];
    const history = makeHistory({ layers });
    const before = JSON.stringify(history);
    stockAging(history);
    expect(JSON.stringify(history)).toBe(before);
  });
});

describe("stockAging: errors", () => {
  const history = makeHistory({
    lastMovementDate: "2024-06-30",
    layers: [layer("2024-06-30", 1, 1)],
  });

  it("rejects an as-of day before the last movement", () => {
    expect(codeOf(() => stockAging(history, { asOf: "2024-06-29" }))).toBe("out_of_range");
    expect(stockAging(history, { asOf: "2024-06-30" }).oldestAge).toBe(0);
  });

  it("rejects a layer received after the as-of day, naming it", () => {
    // An opening balance dated after asOf, with no movement at all.
    const future = makeHistory({ layers: [layer("2024-01-01", 1, 1), layer("2025-02-01", 1, 1)] });
    expect(codeOf(() => stockAging(future))).toBe("out_of_range");
    expect(() => stockAging(future)).toThrow(/layers\[1\]/);
  });

  it("accepts an as-of day after the period end (no movement since)", () => {
    expect(stockAging(history, { asOf: "2025-06-30" }).oldestAge).toBe(365);
  });

  it("rejects an invalid as-of day", () => {
    expect(codeOf(() => stockAging(history, { asOf: "2024-02-30" }))).toBe("invalid_date");
    expect(() => stockAging(history, { asOf: "2024-02-30" })).toThrow(
      /^stockAging: asOf must be a real calendar day/,
    );
  });

  it("names a layer whose receipt day is not a day", () => {
    const bad = makeHistory({ lastMovementDate: null, layers: [layer("2024-13-01", 1, "1.00")] });
    expect(codeOf(() => stockAging(bad))).toBe("invalid_date");
    expect(() => stockAging(bad)).toThrow(/^stockAging: layers\[0\]\.receivedDate must be a real/);
  });

  it("rejects buckets that are not strictly increasing positive whole days", () => {
    for (const buckets of [[], [0], [30, 30], [60, 30], [30.5], [-1], [Number.NaN]]) {
      expect(
        codeOf(() => stockAging(history, { buckets })),
        JSON.stringify(buckets),
      ).toBe("invalid_option");
    }
    expect(codeOf(() => stockAging(history, { buckets: "30" as unknown as number[] }))).toBe(
      "invalid_option",
    );
  });
});

describe("stockAging: bucket definitions reused between calls", () => {
  // Two layers, 10 units 16 days old and 30 units 334 days old on 2024-12-31 (see the ages above).
  const history = makeHistory({
    closingQuantity: 40,
    closingValue: "90.00",
    lastMovementDate: "2024-12-15",
    layers: [layer("2024-02-01", 30, "2.00"), layer("2024-12-15", 10, "3.00")],
  });
  const quantities = (bounds: readonly number[]) =>
    stockAging(history, { buckets: bounds }).buckets.map((b) => [b.label, b.quantity]);

  it("follows a bounds array changed in place between two calls", () => {
    const bounds = [30, 365];
    expect(quantities(bounds)).toEqual([
      ["0–30", 10],
      ["31–365", 30],
      ["over 365", 0],
    ]);
    bounds[0] = 10; // the same array, other bounds: 16 days is now in 11–365
    expect(quantities(bounds)).toEqual([
      ["0–10", 0],
      ["11–365", 40],
      ["over 365", 0],
    ]);
  });

  it("still rejects bad bounds after good ones", () => {
    expect(quantities([30, 365])).toHaveLength(3);
    expect(() => quantities([30, 30])).toThrow(/strictly increasing/);
    expect(quantities([30, 365])).toHaveLength(3);
  });

  it("does not take an array with a hole for the same bounds as a dense one", () => {
    // agingBuckets skips a hole; [30, undefined, 365] is an error, even right after [30, , 365].
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(() => quantities([30, , 365] as number[])).not.toThrow();
    expect(() => quantities([30, undefined, 365] as unknown as number[])).toThrow(/buckets\[1\]/);
  });

  it("gives each call its own zero amounts", () => {
    const empty = makeHistory({ closingQuantity: 0, closingValue: "0", layers: [] });
    expect(stockAging(empty).value).not.toBe(stockAging(empty).value);
    const zeroValued = makeHistory({
      closingQuantity: 5,
      closingValue: "0",
      lastMovementDate: "2024-12-15",
      layers: [layer("2024-12-15", 5, "0")],
    });
    const [a, b] = [stockAging(zeroValued), stockAging(zeroValued)];
    expect(a.value.toFixed()).toBe("0");
    expect(a.value).not.toBe(b.value);
    expect(a.buckets[0]?.value).not.toBe(b.buckets[0]?.value);
  });

  it("gives each call its own bucket objects", () => {
    const first = stockAging(history, { buckets: [30] });
    const second = stockAging(history, { buckets: [30] });
    expect(first.buckets[0]).not.toBe(second.buckets[0]);
    expect(first.buckets).toEqual(second.buckets);
  });
});
