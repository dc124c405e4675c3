import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { daysOfInventory } from "../../src/turnover/daysOfInventory.js";
import { inventoryTurnover } from "../../src/turnover/inventoryTurnover.js";
import { turnoverFigures } from "../../src/turnover/turnoverFigures.js";
import { makeHistory } from "../support/makeHistory.js";

/** Money with two decimals, from cents: exact decimals, as ledgers hold them. */
const money = (maxCents: number, minCents = 0) =>
  fc.integer({ min: minCents, max: maxCents }).map((cents) => new Decimal(cents).dividedBy(100));
const periodDays = fc.integer({ min: 1, max: 3_660 });
/** A positive scale factor such as 0.001 (thousands) or 7.5 (a currency rate), exact. */
const scale = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([digits, decimals]) => new Decimal(digits).dividedBy(10 ** decimals));

const closeRelative = (actual: number, expected: number, tolerance = 1e-9) =>
  Math.abs(actual - expected) <= tolerance * Math.abs(expected);

describe("turnover properties", () => {
  test.prop([money(1e12, -1e6), money(1e12, -1e6), periodDays])(
    "turnover × days of inventory = period days whenever both are defined",
    (cogs, average, days) => {
      const turnover = inventoryTurnover({ cogs, averageInventory: average });
      const doi = daysOfInventory({ cogs, averageInventory: average, periodDays: days });
      if (turnover !== null && doi !== null) {
        expect(closeRelative(turnover * doi, days)).toBe(true);
        // …and the form that takes a turnover agrees.
        const fromTurnover = daysOfInventory({ turnover, periodDays: days }) as number;
        expect(closeRelative(fromTurnover, doi)).toBe(true);
      } else {
        // Undefined exactly when the rules say so: stock ≤ 0, or COGS ≤ 0 for days of inventory.
        expect(average.lte(0) || cogs.lte(0)).toBe(true);
      }
    },
  );

  test.prop([money(1e10, 1), money(1e10, 1), periodDays])(
    "the identity holds for the per-SKU figures too",
    (cogs, average, days) => {
      const figures = turnoverFigures(
        makeHistory({ cogs, averageValue: average, period: { from: "", to: "", days } }),
      );
      expect(
        closeRelative((figures.turnover as number) * (figures.daysOfInventory as number), days),
      ).toBe(true);
    },
  );

  test.prop([
    fc.constantFrom("cost" as const, "units" as const, "retail" as const),
    money(1e10, 1),
    money(1e10, 1),
    fc.integer({ min: 1, max: 1_000_000 }),
    fc.integer({ min: 1, max: 100_000 }),
    money(1e6, 1),
    periodDays,
  ])(
    "days of inventory is period days × stock / sales on the turnover's own basis",
    (basis, cogs, averageValue, issued, averageUnits, price, days) => {
      // Found by a mutation audit: days of inventory always on the cost basis while turnover was
      // on units or retail passed every test, since the worked examples gave 5 turns on each.
      const revenue = price.times(issued);
      const figures = turnoverFigures(
        makeHistory({
          cogs,
          averageValue,
          revenue,
          issuedQuantity: issued,
          averageQuantity: averageUnits,
          period: { from: "", to: "", days },
        }),
        { basis, unitPrice: price.times(2) },
      );
      const parts: Record<typeof basis, [sales: Decimal, stock: Decimal]> = {
        cost: [cogs, averageValue],
        units: [new Decimal(issued), new Decimal(averageUnits)],
        retail: [revenue, price.times(2).times(averageUnits)],
      };
      const [sales, stock] = parts[basis];
      const expected = new Decimal(days).times(stock).dividedBy(sales).toNumber();
      expect(closeRelative(figures.daysOfInventory as number, expected, 1e-15)).toBe(true);
      expect(closeRelative((figures.turnover as number) * expected, days)).toBe(true);
    },
  );

  test.prop([money(1e10), money(1e10, 1), scale])(
    "turnover does not change with the currency: scale all money by k",
    (cogs, average, k) => {
      const turnover = inventoryTurnover({ cogs, averageInventory: average });
      expect(inventoryTurnover({ cogs: cogs.times(k), averageInventory: average.times(k) })).toBe(
        turnover,
      );
    },
  );

  test.prop([
    fc.integer({ min: 0, max: 100_000 }),
    fc.integer({ min: 0, max: 1_000 }),
    fc.integer({ min: 1, max: 100_000 }),
    scale,
  ])(
    "units turnover does not change with the unit of measure: scale all quantities by k",
    (issued, returned, averageUnits, k) => {
      const figuresIn = (factor: Decimal) =>
        turnoverFigures(
          makeHistory({
            issuedQuantity: new Decimal(issued).times(factor).toNumber(),
            returnedQuantity: new Decimal(returned).times(factor).toNumber(),
            averageQuantity: new Decimal(averageUnits).times(factor).toNumber(),
          }),
          { basis: "units" },
        );
      const base = figuresIn(new Decimal(1));
      const scaled = figuresIn(k);
      if (base.turnover === null) expect(scaled.turnover).toBeNull();
      else expect(closeRelative(scaled.turnover as number, base.turnover, 1e-12)).toBe(true);
    },
  );
});
