import { describe, expect, it } from "vitest";
import { LedgerColumnsBuilder } from "../../src/ledger/LedgerColumns.js";

/** Appends one receipt row of `quantity` units of `sku` on day `day`. */
function addRow(builder: LedgerColumnsBuilder, sku: string, day: number, quantity: number) {
  const i = builder.next();
  builder.sku[i] = builder.skuId(sku);
  builder.day[i] = day;
  builder.quantity[i] = quantity;
  builder.location[i] = -1;
  builder.lot[i] = -1;
  builder.row[i] = i;
}

describe("LedgerColumnsBuilder.releaseRows", () => {
  it("frees the row arrays but keeps the dictionaries, and takes rows again", () => {
    const builder = new LedgerColumnsBuilder(1 << 10);
    addRow(builder, "A", 1, 5);
    addRow(builder, "B", 2, 7);
    builder.dropFront(2);
    builder.releaseRows();
    expect(builder.sku.length).toBe(16);
    expect(builder.skus).toEqual(["A", "B"]);
    // 20 rows: more than the 16 left, so the arrays grow again.
    for (let k = 0; k < 20; k++) addRow(builder, k % 2 === 0 ? "B" : "C", 3 + k, k);
    const columns = builder.view(builder.length);
    expect(columns.length).toBe(20);
    expect(Array.from(columns.quantity)).toEqual(Array.from({ length: 20 }, (_, k) => k));
    expect(columns.skus).toEqual(["A", "B", "C"]);
  });

  it("refuses while rows are left: they would be lost", () => {
    const builder = new LedgerColumnsBuilder();
    addRow(builder, "A", 1, 5);
    expect(() => builder.releaseRows()).toThrow(/rows left/);
  });
});

describe("LedgerColumnsBuilder.reserve", () => {
  it("makes room once for the rows to come, keeping the rows it has", () => {
    const builder = new LedgerColumnsBuilder(16);
    for (let k = 0; k < 10; k++) addRow(builder, k % 2 === 0 ? "A" : "B", k, k + 1);
    builder.reserve(1000.4);
    expect([builder.capacity, builder.sku.length]).toEqual([1001, 1001]);
    for (let k = 10; k < 1001; k++) addRow(builder, "C", k, k + 1);
    // 1001 rows fit without growing; the first ten are intact.
    expect(builder.capacity).toBe(1001);
    const columns = builder.finish();
    expect(Array.from(columns.quantity.subarray(0, 10))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(columns.quantity[1000]).toBe(1001);
  });

  it("never shrinks", () => {
    const builder = new LedgerColumnsBuilder(64);
    builder.reserve(10);
    expect(builder.capacity).toBe(64);
  });

  it("refuses what is not a row count, and stays usable", () => {
    const builder = new LedgerColumnsBuilder(16);
    for (const rows of [Number.NaN, Number.POSITIVE_INFINITY, -1, 2 ** 33]) {
      expect(() => builder.reserve(rows)).toThrow(RangeError);
    }
    expect(builder.capacity).toBe(16);
    for (let k = 0; k < 20; k++) addRow(builder, "A", k, k + 1);
    expect(builder.finish().quantity[19]).toBe(20);
  });

  it("trims, when finishing, room of more than half again the rows", () => {
    const builder = new LedgerColumnsBuilder(16);
    builder.reserve(100_000);
    for (let k = 0; k < 3000; k++) addRow(builder, "A", k, k + 1);
    const columns = builder.finish();
    expect(columns.sku.buffer.byteLength / 4).toBe(3000);
    expect([columns.quantity[0], columns.quantity[2999]]).toEqual([1, 3000]);
    // Room of half again the rows or less (what growing by half leaves) is kept as it is.
    const grownBuilder = new LedgerColumnsBuilder(16);
    for (let k = 0; k < 3000; k++) addRow(grownBuilder, "A", k, k + 1);
    expect(grownBuilder.finish().sku.buffer.byteLength / 4).toBe(grownBuilder.capacity);
  });
});
