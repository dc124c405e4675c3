import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { replayLedger } from "../../src/ledger/replayLedger.js";
import { replayLedgerStream } from "../../src/ledger/replayLedgerStream.js";
import { Decimal } from "../../src/model/Decimal.js";
import type { Movement } from "../../src/model/Movement.js";
import { type SkuHistory, VALUATIONS } from "../../src/model/SkuHistory.js";
import { plain } from "./plain.js";
import { replayByEngine } from "./replayByEngine.js";

// Property tests of outflows that name a lot (docs/formulas.md, "Lots"): whatever the lots the
// issues and write-offs name, both engines agree, streaming agrees with batch, FIFO's value
// balance holds to the last digit, and when every outflow names a lot that holds its units, each
// lot's open units are its receipts less its outflows.

const LOTS = ["A", "B", "C"] as const;
const q1 = { from: "2025-01-01", to: "2025-03-31" };
const dateOf = (day: number) => new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);

const movementArb: fc.Arbitrary<Movement> = fc.oneof(
  fc.record({
    sku: fc.constantFrom("S", "T"),
    date: fc.integer({ min: 0, max: 80 }).map(dateOf),
    type: fc.constant("receipt" as const),
    quantity: fc.integer({ min: 1, max: 20 }),
    unitCost: fc.integer({ min: 1, max: 999 }).map((c) => c / 100),
    lot: fc.constantFrom(...LOTS),
  }),
  fc
    .record({
      sku: fc.constantFrom("S", "T"),
      date: fc.integer({ min: 0, max: 80 }).map(dateOf),
      type: fc.constantFrom("issue" as const, "adjustment" as const),
      quantity: fc.integer({ min: 1, max: 15 }),
      lot: fc.option(fc.constantFrom(...LOTS, "Z"), { nil: undefined }),
    })
    .map(
      ({ lot, ...m }): Movement => ({
        ...m,
        quantity: m.type === "adjustment" ? -m.quantity : m.quantity,
        ...(lot === undefined ? {} : { lot }),
      }),
    ),
);
// In date order (stable), so that streaming reads it too.
const ledgerArb = fc
  .array(movementArb, { minLength: 1, maxLength: 40 })
  .map((rows) => [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));

const sum = (values: readonly Decimal[]) => values.reduce((a, b) => a.plus(b), new Decimal(0));

describe("replayLedger: outflows that name a lot (properties)", () => {
  test.prop([ledgerArb, fc.constantFrom(...VALUATIONS)])(
    "both engines, and streaming, give the same histories and warnings",
    async (ledger, valuation) => {
      const skuInfo = [
        { sku: "S", standardCost: 2 },
        { sku: "T", standardCost: 3 },
      ];
      const options = { period: q1, valuation, skuInfo };
      const fast = replayLedger(ledger, options);
      const general = replayByEngine(ledger, options, "general");
      expect(plain(fast.histories)).toEqual(plain(general.histories));
      expect(fast.warnings).toEqual(general.warnings);
      const stream = await replayLedgerStream(ledger, options);
      expect(plain(stream.histories)).toEqual(plain(fast.histories));
      expect(stream.warnings).toEqual(fast.warnings);
    },
  );

  test.prop([ledgerArb])(
    "FIFO: opening + receipts = COGS + closing + adjustments, exactly",
    (ledger) => {
      for (const h of replayLedger(ledger, { period: q1, valuation: "fifo" }).histories) {
        const inflow = h.openingValue.plus(h.receivedValue);
        const outflow = sum([h.cogs, h.closingValue, h.adjustedValue.negated()]);
        expect(inflow.toFixed()).toBe(outflow.toFixed());
        // Units owed below zero have no layer.
        if (h.closingQuantity >= 0)
          expect(sum(h.layers.map((l) => l.value)).toFixed()).toBe(h.closingValue.toFixed());
      }
    },
  );

  test.prop([ledgerArb])(
    "each lot's open units are its receipts less its outflows, when every outflow names a lot it holds",
    (ledger) => {
      // Keep the outflows that name a lot; a replay without lot or stock warnings then took every
      // unit from the lot named.
      const named = ledger.filter((m) => m.type === "receipt" || m.lot !== undefined);
      const { histories, warnings } = replayLedger(named, { period: q1, valuation: "fifo" });
      fc.pre(warnings.every((w) => w.code !== "lot_not_on_hand" && w.code !== "negative_stock"));
      const expected = new Map<string, number>();
      for (const m of named) {
        const key = `${m.sku}/${m.lot}`;
        const signed = m.type === "receipt" ? m.quantity : -Math.abs(m.quantity);
        expected.set(key, (expected.get(key) ?? 0) + signed);
      }
      const open = new Map<string, number>();
      for (const h of histories as SkuHistory[])
        for (const l of h.layers) {
          const key = `${h.sku}/${l.lot}`;
          open.set(key, (open.get(key) ?? 0) + l.quantity);
        }
      for (const [key, units] of expected) expect(open.get(key) ?? 0).toBe(units);
    },
  );
});
