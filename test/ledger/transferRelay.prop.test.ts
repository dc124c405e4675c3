import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { replayLedgerStream } from "../../src/ledger/replayLedgerStream.js";
import { Decimal } from "../../src/model/Decimal.js";
import type { Movement } from "../../src/model/Movement.js";
import { type SkuHistory, VALUATIONS } from "../../src/model/SkuHistory.js";
import { moneyText } from "./arbitraries.js";
import { plain } from "./plain.js";

// Property tests of same-day relays by location (docs/formulas.md, "Transfers"): chains of
// transfers A → B → C … on one day, whatever the order of the day's rows, keep every location's
// value balance, the company's quantities and the value in transit, and, when every location
// forwards no more than it holds plus what reaches it, cause no negative stock at all.

const LOCATIONS = ["L0", "L1", "L2", "L3"] as const;
const SKUS = ["P", "Q"] as const;
const january = { from: "2025-01-01", to: "2025-01-31" };
const skuInfo = SKUS.map((sku, i) => ({ sku, standardCost: 3 + i }));

/** A movement drawn with a key that orders it among its day's rows. */
interface Keyed {
  readonly key: number;
  readonly row: Movement;
}

const dateOf = (day: number) => `2025-01-${String(day).padStart(2, "0")}`;

const quantityArb = (fractional: boolean, max: number) =>
  fc.integer({ min: 1, max }).map((q) => (fractional ? q / 8 : q));

const costArb = fc
  .record({ units: fc.integer({ min: 0, max: 99_999 }), decimals: fc.integer({ min: 0, max: 4 }) })
  .map(({ units, decimals }) => moneyText(units, decimals));

function flow(sku: number, day: number, type: "receipt" | "issue", location: number) {
  return { sku: SKUS[sku] as string, date: dateOf(day), type, location: LOCATIONS[location] };
}

/**
 * A relay chain on one day: a path of locations and a quantity per hop. `clean` chains start at
 * L0 and go to higher locations only (no cycle), each hop forwarding no more than the hop before.
 */
function chainArb(clean: boolean, fractional: boolean): fc.Arbitrary<Keyed[]> {
  const location = fc.integer({ min: 0, max: LOCATIONS.length - 1 });
  const path = clean
    ? fc.subarray([1, 2, 3], { minLength: 1 }).map((rest) => [0, ...rest])
    : fc.array(location, { minLength: 2, maxLength: 4 });
  return fc
    .record({
      sku: fc.integer({ min: 0, max: SKUS.length - 1 }),
      day: fc.integer({ min: 5, max: 8 }),
      path,
      quantities: fc.array(quantityArb(fractional, 20), { minLength: 3, maxLength: 3 }),
      keys: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    })
    .map(({ sku, day, path: stops, quantities, keys }) => {
      const hops = clean ? [...quantities].sort((a, b) => b - a) : quantities;
      return stops.slice(1).flatMap((to, h): Keyed[] => {
        const q = hops[h] as number;
        const date = dateOf(day);
        const row = (location: number, quantity: number): Movement => ({
          sku: SKUS[sku] as string,
          date,
          type: "transfer",
          quantity,
          location: LOCATIONS[location] as string,
        });
        return [
          { key: keys[2 * h] as number, row: row(stops[h] as number, -q) },
          { key: keys[2 * h + 1] as number, row: row(to, q) },
        ];
      });
    });
}

/**
 * A ledger with relays. Clean: 1,000 units received at L0 on 01-01 per SKU (more than every chain
 * takes), small receipts anywhere on 01-02..01-04, no issues. Otherwise: receipts and issues
 * anywhere on any day (negative stock included), chains with any path (cycles, partial relays,
 * more forwarded than arrives). The rows of a day come in a random order.
 */
function relayLedgerArb(clean: boolean): fc.Arbitrary<Movement[]> {
  return fc.boolean().chain((fractional) => {
    const receipt = fc
      .record({
        sku: fc.integer({ min: 0, max: SKUS.length - 1 }),
        day: clean ? fc.integer({ min: 2, max: 4 }) : fc.integer({ min: 1, max: 12 }),
        location: fc.integer({ min: 0, max: LOCATIONS.length - 1 }),
        quantity: quantityArb(fractional, 30),
        unitCost: costArb,
        key: fc.nat(),
      })
      .map(({ sku, day, location, quantity, unitCost, key }) => ({
        key,
        row: { ...flow(sku, day, "receipt", location), quantity, unitCost } as Movement,
      }));
    const issue = fc
      .record({
        sku: fc.integer({ min: 0, max: SKUS.length - 1 }),
        day: fc.integer({ min: 1, max: 12 }),
        location: fc.integer({ min: 0, max: LOCATIONS.length - 1 }),
        quantity: quantityArb(fractional, 30),
        key: fc.nat(),
      })
      .map(({ sku, day, location, quantity, key }) => ({
        key,
        row: { ...flow(sku, day, "issue", location), quantity } as Movement,
      }));
    const stocked: Keyed[] = clean
      ? SKUS.map((_, sku) => ({
          key: 0,
          row: { ...flow(sku, 1, "receipt", 0), quantity: 1000, unitCost: 2 } as Movement,
        }))
      : [];
    return fc
      .record({
        receipts: fc.array(receipt, { maxLength: 8 }),
        issues: clean ? fc.constant([]) : fc.array(issue, { maxLength: 8 }),
        chains: fc.array(chainArb(clean, fractional), { minLength: 1, maxLength: 8 }),
      })
      .map(({ receipts, issues, chains }) =>
        [...stocked, ...receipts, ...issues, ...chains.flat()]
          .sort(
            (a, b) => a.row.date.toString().localeCompare(b.row.date.toString()) || a.key - b.key,
          )
          .map((k) => k.row),
      );
  });
}

const total = (values: readonly number[]) =>
  Number(values.reduce((s, v) => s.plus(String(v)), new Decimal(0)));

function expectBalanced(h: SkuHistory): void {
  const left = h.openingValue.plus(h.receivedValue).plus(h.adjustedValue).plus(h.transferredValue);
  expect(left.toFixed(), `${h.valuation} ${h.sku}@${h.location}`).toBe(
    h.cogs.plus(h.closingValue).toFixed(),
  );
}

describe("replayLedger: same-day relays by location", () => {
  test.prop([relayLedgerArb(false), fc.integer({ min: 1, max: 8 })])(
    "every location's value balances to the digit; locations add up to the SKU; streaming agrees",
    async (rows, chunkRows) => {
      for (const valuation of VALUATIONS) {
        const options = { period: january, valuation, skuInfo };
        const byLocation = replayLedger(rows, { ...options, byLocation: true });
        const perSku = replayLedger(rows, options);
        for (const h of byLocation.histories) expectBalanced(h);
        for (const whole of perSku.histories) {
          const parts = byLocation.histories.filter((h) => h.sku === whole.sku);
          const sum = (f: (h: SkuHistory) => number) => total(parts.map(f));
          expect(sum((h) => h.closingQuantity)).toBe(whole.closingQuantity);
          expect(sum((h) => h.receivedQuantity)).toBe(whole.receivedQuantity);
          expect(sum((h) => h.issuedQuantity)).toBe(whole.issuedQuantity);
          expect(sum((h) => h.transferredInQuantity - h.transferredOutQuantity)).toBe(0);
          // Every transfer is matched: the value that left one location arrived at another.
          const moved = parts.reduce((s, h) => s.plus(h.transferredValue), new Decimal(0));
          expect(moved.toFixed(), `${valuation} ${whole.sku}`).toBe("0");
        }
        const stream = await replayLedgerStream(rows, {
          ...options,
          byLocation: true,
          chunkRows,
          quantityDecimals: 3,
        });
        expect(plain(stream.histories)).toEqual(plain(byLocation.histories));
        expect(stream.warnings).toEqual(byLocation.warnings);
      }
    },
  );

  test.prop([relayLedgerArb(true)])(
    "relays that forward no more than arrives cause no negative stock and keep receipt days",
    (rows) => {
      const receiptDays = new Set(rows.filter((r) => r.type === "receipt").map((r) => r.date));
      for (const valuation of VALUATIONS) {
        const { histories, warnings } = replayLedger(rows, {
          period: january,
          valuation,
          skuInfo,
          byLocation: true,
        });
        expect(warnings, valuation).toEqual([]);
        for (const h of histories) {
          expectBalanced(h);
          expect(h.closingQuantity).toBeGreaterThanOrEqual(0);
          for (const layer of h.layers) expect(receiptDays).toContain(layer.receivedDate);
        }
      }
    },
  );
});
