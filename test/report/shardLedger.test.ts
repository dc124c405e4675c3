import { describe, expect, it } from "vitest";
import { toLedgerColumns } from "../../src/ledger/index.js";
import type { Movement } from "../../src/model/Movement.js";
import type { OpeningBalance } from "../../src/model/OpeningBalance.js";
import { type LedgerShard, shardLedger } from "../../src/report/shardLedger.js";

// Deterministic cases of shardLedger beside the property test: many SKUs known only from opening
// balances (each must land, with all its balances, in exactly one shard), and empty columns.

/** SKU `M0`..`M4` with 1, 2, 3, 4 and 5 movements. */
const MOVEMENTS: Movement[] = Array.from({ length: 5 }, (_, s) =>
  Array.from(
    { length: s + 1 },
    (_, i): Movement => ({
      sku: `M${s}`,
      date: `2025-01-${String(i + 1).padStart(2, "0")}`,
      type: "receipt",
      quantity: 1,
      unitCost: 1,
    }),
  ),
).flat();

/**
 * 300 SKUs with opening balances only (`B000`..`B299`, every tenth with a second balance at
 * another location), and balances of two SKUs that also have movements.
 */
const BALANCES: OpeningBalance[] = [
  ...Array.from({ length: 300 }, (_, i): OpeningBalance[] => {
    const sku = `B${String(i).padStart(3, "0")}`;
    const first: OpeningBalance = { sku, location: "W1", quantity: i + 1, unitCost: 2 };
    return i % 10 === 0 ? [first, { sku, location: "W2", quantity: 1, unitCost: 2 }] : [first];
  }).flat(),
  { sku: "M1", quantity: 3, unitCost: 1 },
  { sku: "M4", quantity: 5, unitCost: 1 },
];

/** Each balance's position in the input, shard by shard. */
function positions(shards: readonly LedgerShard[], input: readonly OpeningBalance[]): number[][] {
  return shards.map((s) => s.openingBalances.map((b) => input.indexOf(b)));
}

describe("shardLedger", () => {
  const columns = toLedgerColumns(MOVEMENTS);

  it("puts every opening balance in exactly one shard, in input order, with its SKU", () => {
    const shards = shardLedger(columns, BALANCES, 4);
    expect(shards.length).toBe(4);
    const placed = positions(shards, BALANCES);
    // The union is the input: every balance once, none invented.
    expect(placed.flat().sort((a, b) => a - b)).toEqual(BALANCES.map((_, i) => i));
    for (const shard of placed) expect(shard).toEqual([...shard].sort((a, b) => a - b));
    // A SKU's balances and movements share one shard.
    const shardOfSku = new Map<string, number>();
    shards.forEach((shard, s) => {
      const skus = [...shard.columns.skus, ...shard.openingBalances.map((b) => b.sku)];
      for (const sku of skus) {
        expect(shardOfSku.get(sku) ?? s, sku).toBe(s);
        shardOfSku.set(sku, s);
      }
    });
    expect(shardOfSku.size).toBe(305);
    // The movements: every one once, the whole ledger's SKUs between the shards.
    expect(shards.reduce((n, s) => n + s.columns.length, 0)).toBe(MOVEMENTS.length);
    expect(shards.flatMap((s) => s.columns.skus).sort()).toEqual([...columns.skus].sort());
  });

  it("spreads SKUs known only from opening balances over the shards, the same way every time", () => {
    const shards = shardLedger(columns, BALANCES, 4);
    for (const shard of shards) expect(shard.openingBalances.length).toBeGreaterThan(60);
    expect(positions(shardLedger(columns, BALANCES, 4), BALANCES)).toEqual(
      positions(shards, BALANCES),
    );
  });

  it("gives no shard for empty columns without opening balances", () => {
    expect(shardLedger(toLedgerColumns([]), [], 3)).toEqual([]);
  });

  it("shards opening balances alone when the columns are empty", () => {
    const balances = BALANCES.slice(0, 4); // B000 twice, B001, B002
    const shards = shardLedger(toLedgerColumns([]), balances, 8);
    expect(shards.length).toBe(3);
    for (const shard of shards) {
      expect(shard.columns.length).toBe(0);
      expect(shard.columns.skus).toEqual([]);
    }
    expect(positions(shards, balances).flat().sort()).toEqual([0, 1, 2, 3]);
  });
});
