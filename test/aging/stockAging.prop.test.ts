import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { stockAging } from "../../src/aging/stockAging.js";
import { Decimal } from "../../src/model/Decimal.js";
import { formatDay, parseIsoDay } from "../../src/model/day.js";
import type { StockLayer } from "../../src/model/SkuHistory.js";
import { makeHistory } from "../support/makeHistory.js";

const AS_OF = parseIsoDay("2024-12-31")!;

// Layers as the replay engine leaves them: positive quantities with up to 3 decimals, values with
// up to 6 decimals, received up to 800 days before the as-of day.
const layerArb = fc
  .record({
    age: fc.integer({ min: 0, max: 800 }),
    milliUnits: fc.integer({ min: 1, max: 10_000_000 }),
    microValue: fc.integer({ min: 0, max: 1_000_000_000_000 }),
  })
  .map(
    ({ age, milliUnits, microValue }): StockLayer => ({
      receivedDate: formatDay(AS_OF - age),
      quantity: milliUnits / 1000,
      unitCost: new Decimal(0),
      value: new Decimal(microValue).div(1_000_000),
    }),
  );
const layersArb = fc.array(layerArb, { minLength: 1, maxLength: 12 });
const bucketsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 })
  .map((bounds) => bounds.sort((a, b) => a - b));

function ageOf(layer: StockLayer, asOf: number): number {
  return asOf - parseIsoDay(layer.receivedDate)!;
}

function decimalSum(values: readonly (number | Decimal)[]): Decimal {
  return values.reduce<Decimal>((sum, v) => sum.plus(v), new Decimal(0));
}

test.prop([layersArb, bucketsArb])(
  "bucket quantities and values add up exactly to the layers",
  (layers, buckets) => {
    const aging = stockAging(makeHistory({ layers }), { buckets });
    const layerQuantity = decimalSum(layers.map((l) => l.quantity));
    const layerValue = decimalSum(layers.map((l) => l.value));
    expect(decimalSum(aging.buckets.map((b) => b.quantity)).eq(layerQuantity)).toBe(true);
    expect(decimalSum(aging.buckets.map((b) => b.value)).eq(layerValue)).toBe(true);
    expect(new Decimal(aging.quantity).eq(layerQuantity)).toBe(true);
    expect(aging.value.eq(layerValue)).toBe(true);
  },
);

test.prop([layerArb, bucketsArb])(
  "a layer lies in the bucket whose range holds its age",
  (l, buckets) => {
    const aging = stockAging(makeHistory({ layers: [l] }), { buckets });
    const age = ageOf(l, AS_OF);
    const filled = aging.buckets.filter((b) => b.quantity > 0);
    expect(filled).toHaveLength(1);
    expect(filled[0]!.fromDays).toBeLessThanOrEqual(age);
    expect(age).toBeLessThanOrEqual(filled[0]!.toDays ?? Number.POSITIVE_INFINITY);
  },
);

test.prop([layersArb])(
  "the average age lies between the youngest and the oldest layer",
  (layers) => {
    const aging = stockAging(makeHistory({ layers }));
    const ages = layers.map((l) => ageOf(l, AS_OF));
    expect(aging.oldestAge).toBe(Math.max(...ages));
    expect(aging.averageAge).toBeGreaterThanOrEqual(Math.min(...ages));
    expect(aging.averageAge).toBeLessThanOrEqual(Math.max(...ages));
  },
);

test.prop([layersArb, fc.integer({ min: 1, max: 1000 })])(
  "moving asOf forward by n days with no new movement ages every layer by n",
  (layers, n) => {
    const history = makeHistory({ layers });
    const now = stockAging(history);
    const later = stockAging(history, { asOf: formatDay(AS_OF + n) });
    expect(later.oldestAge).toBe(now.oldestAge! + n);
    expect(later.averageAge).toBeCloseTo(now.averageAge! + n, 9);
    expect(later.quantity).toBe(now.quantity);
    expect(later.value.eq(now.value)).toBe(true);
    // Stock only gets older: the quantity at or over any age bound never shrinks.
    for (let i = 0; i < now.buckets.length; i++) {
      const olderNow = decimalSum(now.buckets.slice(i).map((b) => b.quantity));
      const olderLater = decimalSum(later.buckets.slice(i).map((b) => b.quantity));
      expect(olderLater.gte(olderNow)).toBe(true);
    }
  },
);

// The straightforward formula, all in decimals, that the number fast path of stockAging must match
// to the last bit: bucket sums, total, and averageAge = Σ(quantity × age) / Σ quantity.
function referenceAging(layers: readonly StockLayer[], bounds: readonly number[]) {
  const tops = [...bounds, Number.POSITIVE_INFINITY];
  const quantities = tops.map(() => new Decimal(0));
  const values = tops.map(() => new Decimal(0));
  let quantityDays = new Decimal(0);
  for (const layer of layers) {
    const age = ageOf(layer, AS_OF);
    const bucket = tops.findIndex((top) => age <= top);
    quantities[bucket] = quantities[bucket]!.plus(layer.quantity);
    values[bucket] = values[bucket]!.plus(layer.value);
    quantityDays = quantityDays.plus(new Decimal(layer.quantity).times(age));
  }
  const quantity = decimalSum(quantities);
  return {
    quantities: quantities.map((q) => q.toNumber()),
    values,
    quantity: quantity.toNumber(),
    value: decimalSum(values),
    averageAge: quantity.gt(0) ? quantityDays.div(quantity).toNumber() : null,
  };
}

// Whole, fractional and inexact quantities (0.1 + 0.2 has no short decimal: the decimal path), and
// zero and negative zero (stockAging checks layer dates, not quantities: a layer of 0 is accepted).
const anyQuantityLayerArb = fc
  .record({
    layer: layerArb,
    quantity: fc.oneof(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc
        .record({
          units: fc.integer({ min: 1, max: 1e12 }),
          places: fc.integer({ min: 0, max: 9 }),
        })
        .map(({ units, places }) => units / 10 ** places),
      fc.constantFrom(0.1 + 0.2, 2 ** 52 + 2, 0, -0),
    ),
  })
  .map(({ layer, quantity }): StockLayer => ({ ...layer, quantity }));

// Values of 40 digits too (a layer's share of a moving-average value that does not divide evenly):
// past the exact sums' short path, where the sums are Decimal.plus's own.
const longValueLayerArb = fc
  .record({
    layer: anyQuantityLayerArb,
    long: fc.boolean(),
    divisor: fc.integer({ min: 3, max: 97 }),
  })
  .map(
    ({ layer, long, divisor }): StockLayer =>
      long ? { ...layer, value: layer.value.div(divisor) } : layer,
  );

test.prop([fc.array(longValueLayerArb, { maxLength: 10 }), bucketsArb])(
  "equals the all-decimal formula to the last bit (number fast path included)",
  (layers, buckets) => {
    const aging = stockAging(makeHistory({ layers }), { buckets });
    const expected = referenceAging(layers, buckets);
    aging.buckets.forEach((bucket, i) => {
      expect(Object.is(bucket.quantity, expected.quantities[i])).toBe(true);
      expect(bucket.value.eq(expected.values[i]!)).toBe(true);
    });
    expect(Object.is(aging.quantity, expected.quantity)).toBe(true);
    expect(aging.value.eq(expected.value)).toBe(true);
    expect(aging.averageAge).toBe(expected.averageAge);
  },
);
