import type { LedgerColumns } from "../ledger/index.js";
import type { OpeningBalance } from "../model/OpeningBalance.js";

/** One shard of a ledger: the movements and opening balances of some of its SKUs. */
export interface LedgerShard {
  readonly columns: LedgerColumns;
  readonly openingBalances: readonly OpeningBalance[];
}

/**
 * Splits a ledger by SKU into at most `count` shards of about equal work: every movement and
 * opening balance of a SKU goes to the same shard, SKUs with the most movements first, each to the
 * shard with the fewest movements so far. Movements keep their order and their source `row`
 * numbers (so warnings name the rows of the whole ledger); the location and lot dictionaries and
 * the decimal places are the whole ledger's, so each shard computes with exactly the same scales.
 * Shards without any SKU are left out.
 *
 * @param openingBalances - objects with a text `sku` (checked by the caller).
 */
export function shardLedger(
  columns: LedgerColumns,
  openingBalances: readonly OpeningBalance[],
  count: number,
): LedgerShard[] {
  // Every SKU's index: the ledger's SKUs, then those known only from opening balances, in order.
  const skuIndex = new Map(columns.skus.map((code, index) => [code, index]));
  let extraSkus = 0;
  for (const { sku } of openingBalances) {
    if (!skuIndex.has(sku)) skuIndex.set(sku, columns.skus.length + extraSkus++);
  }
  const shardOfSku = assignSkus(movementCounts(columns), extraSkus, count);
  // Each balance to its SKU's shard, in input order.
  const balances: OpeningBalance[][] = Array.from({ length: count }, () => []);
  for (const balance of openingBalances) {
    const shard = shardOfSku[skuIndex.get(balance.sku) as number] as number;
    (balances[shard] as OpeningBalance[]).push(balance);
  }
  const shards = Array.from({ length: count }, (_, shard) => ({
    columns: shardColumns(columns, shardOfSku, shard),
    openingBalances: balances[shard] as OpeningBalance[],
  }));
  return shards.filter((s) => s.columns.skus.length > 0 || s.openingBalances.length > 0);
}

function movementCounts(columns: LedgerColumns): Int32Array {
  const counts = new Int32Array(columns.skus.length);
  for (let i = 0; i < columns.length; i++) {
    const sku = columns.sku[i] as number;
    counts[sku] = (counts[sku] as number) + 1;
  }
  return counts;
}

/**
 * The shard of each SKU (the ledger's SKUs, then `extra` SKUs known only from opening balances):
 * largest first, each to the least loaded shard (a SKU counts at least 1). Deterministic.
 */
function assignSkus(counts: Int32Array, extra: number, count: number): Int32Array {
  const total = counts.length + extra;
  const weight = (sku: number) => Math.max(1, sku < counts.length ? (counts[sku] as number) : 0);
  const order = Array.from({ length: total }, (_, sku) => sku).sort(
    (a, b) => weight(b) - weight(a) || a - b,
  );
  const load = new Float64Array(count);
  const shardOf = new Int32Array(total);
  for (const sku of order) {
    let lightest = 0;
    for (let s = 1; s < count; s++)
      if ((load[s] as number) < (load[lightest] as number)) lightest = s;
    shardOf[sku] = lightest;
    load[lightest] = (load[lightest] as number) + weight(sku);
  }
  return shardOf;
}

/** The columns of one shard's movements, in their order, with the shard's own SKU dictionary. */
function shardColumns(
  columns: LedgerColumns,
  shardOfSku: Int32Array,
  shard: number,
): LedgerColumns {
  const skuIndex = new Int32Array(columns.skus.length).fill(-1);
  const skus: string[] = [];
  columns.skus.forEach((code, sku) => {
    if (shardOfSku[sku] !== shard) return;
    skuIndex[sku] = skus.length;
    skus.push(code);
  });
  const rows: number[] = [];
  for (let i = 0; i < columns.length; i++) {
    if (skuIndex[columns.sku[i] as number] !== -1) rows.push(i);
  }
  const pick = <T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T => {
    rows.forEach((i, j) => {
      to[j] = from[i] as number;
    });
    return to;
  };
  const n = rows.length;
  const sku = new Int32Array(n);
  rows.forEach((i, j) => {
    sku[j] = skuIndex[columns.sku[i] as number] as number;
  });
  return {
    length: n,
    skus,
    sku,
    day: pick(columns.day, new Int32Array(n)),
    kind: pick(columns.kind, new Uint8Array(n)),
    quantity: pick(columns.quantity, new Float64Array(n)),
    costUnits: pick(columns.costUnits, new Float64Array(n)),
    costDecimals: pick(columns.costDecimals, new Uint8Array(n)),
    priceUnits: pick(columns.priceUnits, new Float64Array(n)),
    priceDecimals: pick(columns.priceDecimals, new Uint8Array(n)),
    locations: columns.locations,
    location: pick(columns.location, new Int32Array(n)),
    lots: columns.lots,
    lot: pick(columns.lot, new Int32Array(n)),
    expires: pick(columns.expires, new Int32Array(n)),
    row: pick(columns.row, new Int32Array(n)),
    quantityDecimals: columns.quantityDecimals,
    moneyDecimals: columns.moneyDecimals,
  };
}
