import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import type { SkuHistory } from "../../src/model/SkuHistory.js";
import type { TurnoverBasis } from "../../src/turnover/index.js";
import { rollupTurnover } from "../../src/turnover/rollupTurnover.js";
import { turnoverFigures } from "../../src/turnover/turnoverFigures.js";
import { makeHistory } from "../support/makeHistory.js";

const PERIOD = { from: "2024-01-01", to: "2024-12-31", days: 366 };
const money = (maxCents: number) =>
  fc.integer({ min: 0, max: maxCents }).map((c) => new Decimal(c).dividedBy(100));
const units = fc.integer({ min: 0, max: 10_000 });

/** A random SKU history whose net demand equals issued − returned, as a replay's does. */
const history = fc
  .record({
    sku: fc.string({ minLength: 1, maxLength: 4 }),
    group: fc.constantFrom("a", "b", "c"),
    openingQuantity: units,
    closingQuantity: units,
    averageQuantity: units,
    receivedQuantity: units,
    issuedQuantity: units,
    returnedQuantity: fc.integer({ min: 0, max: 50 }),
    openingValue: money(1e8),
    closingValue: money(1e8),
    averageValue: money(1e8),
    cogs: money(1e8),
    revenue: money(2e8),
    shrinkageValue: money(1e6),
    issuesWithoutPrice: fc.constantFrom(0, 0, 0, 1),
  })
  .map(({ group, ...fields }) => ({
    group,
    history: makeHistory({
      ...fields,
      location: group,
      period: PERIOD,
      demand: demandOf(fields.issuedQuantity - fields.returnedQuantity),
    }),
  }));

function demandOf(sum: number) {
  const sums = { sum, sumOfSquares: 0, max: 0, nonZeroBuckets: 0 };
  return { day: sums, week: sums, month: sums };
}

const basis = fc.constantFrom<TurnoverBasis>("cost", "units");

/** The ratios of a figures or rollup record, for comparison. */
function ratiosOf(r: {
  turnover: number | null;
  daysOfInventory: number | null;
  daysOfSupplyAtEnd: number | null;
  gmroi: number | null;
  sellThrough: number | null;
  shrinkageRate: number | null;
  grossMargin: Decimal | null;
  reasons: object;
}) {
  return {
    turnover: r.turnover,
    daysOfInventory: r.daysOfInventory,
    daysOfSupplyAtEnd: r.daysOfSupplyAtEnd,
    gmroi: r.gmroi,
    sellThrough: r.sellThrough,
    shrinkageRate: r.shrinkageRate,
    grossMargin: r.grossMargin?.toFixed() ?? null,
    reasons: r.reasons,
  };
}

/** Every field of a rollup, Decimals as text. */
function plain(record: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [
      k,
      Decimal.isDecimal(v) ? (v as Decimal).toFixed() : v,
    ]),
  );
}

describe("rollup properties", () => {
  test.prop([history, basis])(
    "the rollup of one SKU equals that SKU's figures",
    ({ history: h }, b) => {
      const single = turnoverFigures(h, { basis: b });
      const { total } = rollupTurnover([h], { periodDays: PERIOD.days, basis: b });
      expect(ratiosOf(total)).toEqual(ratiosOf(single));
      expect(total.capitalTiedUp.toFixed()).toBe(single.capitalTiedUp.toFixed());
    },
  );

  test.prop([fc.array(history, { maxLength: 12 }), basis])(
    "the rollup of disjoint groups' rollups equals the rollup of their union",
    (items, b) => {
      const histories: SkuHistory[] = items.map((i) => i.history);
      const options = { periodDays: PERIOD.days, basis: b };
      const union = rollupTurnover(histories, options).total;
      const { groups } = rollupTurnover(histories, { ...options, groupBy: "location" });
      // Each group is the rollup of its own SKUs…
      for (const group of groups) {
        const members = histories.filter((h) => h.location === group.key);
        expect(plain(group)).toEqual({
          key: group.key,
          ...plain(rollupTurnover(members, options).total),
        });
      }
      // …and rolling the groups up again gives the union, to the last digit.
      expect(plain(rollupTurnover(groups, options).total)).toEqual(plain(union));
    },
  );

  const itemsAndShuffle = fc
    .array(history, { maxLength: 12 })
    .chain((items) =>
      fc
        .shuffledSubarray(items, { minLength: items.length, maxLength: items.length })
        .map((shuffled) => [items, shuffled] as const),
    );

  test.prop([itemsAndShuffle])(
    "the rollup does not depend on the order of the SKUs",
    ([items, shuffled]) => {
      const options = { periodDays: PERIOD.days, groupBy: "location" as const };
      const inOrder = rollupTurnover(
        items.map((i) => i.history),
        options,
      );
      const reordered = rollupTurnover(
        shuffled.map((i) => i.history),
        options,
      );
      expect(reordered.groups.map(plain)).toEqual(inOrder.groups.map(plain));
      expect(plain(reordered.total)).toEqual(plain(inOrder.total));
    },
  );
});
