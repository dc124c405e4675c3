import { describe, expect, it } from "vitest";
import { HandedOverLedger } from "../../src/ledger/HandedOverLedger.js";
import { replayLedger, replayLedgerLazily } from "../../src/ledger/replayLedger.js";
import { toLedgerColumns } from "../../src/ledger/validateLedger.js";
import type { Movement } from "../../src/model/Movement.js";
import { collectGarbageUntilGone, gcExposed } from "../support/collectGarbageUntilGone.js";

const PERIOD = { from: "2025-01-01", to: "2025-01-31" };
const MOVEMENTS: Movement[] = [
  { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
  { sku: "B", date: "2025-01-02", type: "receipt", quantity: 5, unitCost: "1.50" },
  { sku: "A", date: "2025-01-05", type: "issue", quantity: 4 },
  { sku: "B", date: "2025-01-06", type: "transfer", quantity: -1, location: "X" },
  { sku: "B", date: "2025-01-06", type: "transfer", quantity: 1, location: "Y" },
  { sku: "B", date: "2025-01-09", type: "issue", quantity: 2 },
];

describe("HandedOverLedger", () => {
  it("gives its ledger once", () => {
    const columns = toLedgerColumns(MOVEMENTS);
    const box = new HandedOverLedger(columns);
    expect(box.take()).toBe(columns);
    expect(() => box.take()).toThrow(/taken already/);
  });

  // Each engine lets go of the rows: the fast one (with and without month figures), the general
  // one, and the bigint pass (amounts beyond 2^53 in exact units).
  const CASES = [
    { name: "the fast engine", movements: MOVEMENTS, months: false },
    { name: "the fast engine (months)", movements: MOVEMENTS, months: true },
    { name: "the general engine", movements: MOVEMENTS, months: true, general: true },
    {
      name: "the bigint pass",
      movements: [
        ...MOVEMENTS,
        {
          sku: "C",
          date: "2025-01-03",
          type: "receipt",
          quantity: 1_000_000,
          unitCost: "98765432109.8765",
        },
        { sku: "C", date: "2025-01-04", type: "issue", quantity: 3 },
      ] satisfies Movement[],
      months: false,
    },
  ];
  for (const { name, movements, months, general = false } of CASES) {
    it(`lets the replay free the columns before the histories are read: ${name}`, async () => {
      let box: HandedOverLedger | null = new HandedOverLedger(toLedgerColumns(movements));
      // The columns' buffer, watched: nothing else here holds the columns.
      const buffer = new WeakRef(
        (box as unknown as { ledger: { day: Int32Array } }).ledger.day.buffer,
      );
      const { histories, warnings } = replayLedgerLazily(box, {
        period: PERIOD,
        months,
        generalEngineOnly: general,
      });
      box = null;
      await collectGarbageUntilGone(buffer);
      expect(gcExposed).toBe(true);
      expect(buffer.deref()).toBeUndefined();
      // The histories, read after the columns are gone, are those of a plain replay.
      const expected = replayLedger(movements, { period: PERIOD, months });
      expect([...histories]).toEqual(expected.histories);
      expect(warnings).toEqual(expected.warnings);
    });
  }
});
