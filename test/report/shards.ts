import type { Movement } from "../../src/model/Movement.js";
import type { InventoryReport } from "../../src/report/index.js";
import { toRecords } from "../../src/report/index.js";
import type { LedgerCase } from "../ledger/arbitraries.js";

// Helpers of the sharding tests: split a generated ledger by SKU, and compare two reports field by
// field.

/** One shard of a ledger: its SKUs' movements and opening balances. */
export interface Shard {
  readonly rows: readonly Movement[];
  readonly openingBalances: LedgerCase["openingBalances"];
}

/**
 * Splits a ledger by SKU into `k` shards: SKU code number `i` (in `c.skus` order) goes to shard
 * `assignment[i] % k`, with all its movements and opening balances. Shards may be empty.
 */
export function shardsOf(c: LedgerCase, k: number, assignment: readonly number[]): Shard[] {
  const shardOf = new Map(c.skus.map((sku, i) => [sku, (assignment[i] ?? 0) % k]));
  return Array.from({ length: k }, (_, shard) => ({
    rows: c.rows.filter((m) => shardOf.get(m.sku) === shard),
    openingBalances: c.openingBalances.filter((b) => shardOf.get(b.sku) === shard),
  }));
}

/**
 * The warnings as a sorted list of JSON texts without their row numbers (rows are per shard), and
 * without `unsorted_input`: whether rows are in date order is a fact of each shard's own input (a
 * ledger out of order may split into shards in order), so it is checked on its own.
 */
export function warningSet(report: InventoryReport): string[] {
  return report.warnings
    .filter((w) => w.code !== "unsorted_input")
    .map(({ row: _row, ...warning }) => JSON.stringify(warning))
    .sort();
}

/** Everything of a report but the warnings, for `toEqual`: Decimals compare by their digits. */
export function reportWithoutWarnings(report: InventoryReport): Omit<InventoryReport, "warnings"> {
  const { warnings: _warnings, ...rest } = report;
  return rest;
}

/** Asserts, with `expect`, that two reports are the same in every field (warning rows aside). */
export function expectSameReport(
  actual: InventoryReport,
  expected: InventoryReport,
  expect: (value: unknown) => { toEqual(other: unknown): void },
): void {
  expect(toRecords(actual)).toEqual(toRecords(expected));
  expect(reportWithoutWarnings(actual)).toEqual(reportWithoutWarnings(expected));
  expect(warningSet(actual)).toEqual(warningSet(expected));
}
