import { describe, expect, it } from "vitest";
import {
  ColumnResolver,
  type FieldSpec,
  MAX_COUNTED_IGNORED_KEYS,
  MAX_LISTED_IGNORED,
} from "../../src/io/ColumnResolver.js";

const FIELDS: readonly FieldSpec[] = [
  { name: "sku", kind: "text", required: true },
  { name: "quantity", kind: "number", required: true },
];

/** What the resolver holds, white-box: its memory must not grow with the distinct keys seen. */
function heldKeys(resolver: ColumnResolver): number {
  const inside = resolver as unknown as {
    keyCache: ReadonlyMap<string, number>;
    ignoredKeySet: ReadonlySet<string>;
    ignored: readonly string[];
  };
  return inside.keyCache.size + inside.ignoredKeySet.size + inside.ignored.length;
}

describe("ColumnResolver", () => {
  it("lists the first 20 ignored keys and counts the rest, each once (found by a review: per-row keys were all kept)", () => {
    const resolver = new ColumnResolver(FIELDS, undefined, "test");
    const found = new Set<string>();
    for (let pass = 0; pass < 2; pass++) {
      for (let row = 0; row < 3000; row++) {
        const fields = [resolver.fieldOfKey("sku"), resolver.fieldOfKey(`meta_${row}`)];
        found.add([...fields, resolver.fieldOfKey("QUANTITY")].join());
      }
    }
    expect([...found]).toEqual(["0,-1,1"]);
    expect(MAX_LISTED_IGNORED).toBe(20);
    expect(resolver.ignoredKeys).toEqual(Array.from({ length: 20 }, (_, k) => `meta_${k}`));
    // Keys seen again after the key cache is full are not counted twice.
    expect(resolver.ignoredCount).toBe(3000);
  });

  it("holds a bounded number of keys however many distinct keys the rows carry", () => {
    const resolver = new ColumnResolver(FIELDS, undefined, "test");
    const distinct = 3 * MAX_COUNTED_IGNORED_KEYS;
    for (let row = 0; row < distinct; row++) resolver.fieldOfKey(`meta_${row}`);
    // A field's key first seen after that is still found.
    expect(resolver.fieldOfKey(" Sku ")).toBe(0);
    expect(resolver.renameKeys({ sku: "A", Quantity: 2, note: 1 }, 0, 1, [])).toEqual({
      sku: "A",
      quantity: 2,
    });
    // The count stops where keys can no longer be told apart: it then means "at least".
    expect(resolver.ignoredCount).toBe(MAX_COUNTED_IGNORED_KEYS);
    expect(resolver.ignoredKeys).toHaveLength(MAX_LISTED_IGNORED);
    expect(heldKeys(resolver)).toBeLessThanOrEqual(MAX_COUNTED_IGNORED_KEYS + 1_000 + 20);
  });

  it("lists the first 20 ignored header columns of a CSV and counts them all, and finds fields given twice", () => {
    const resolver = new ColumnResolver(FIELDS, undefined, "test");
    const extra = Array.from({ length: 25 }, (_, k) => `extra ${k}`);
    const header = ["sku", ...extra, "quantity", "SKU"];
    const { columnOf, ignored, duplicates } = resolver.resolveHeader(header);
    expect(Array.from(columnOf)).toEqual([0, 26]);
    expect(ignored).toEqual(extra.slice(0, 20));
    expect(resolver.ignoredKeys).toEqual(ignored);
    expect(resolver.ignoredCount).toBe(25);
    // A second column for a field is no ignored column: it is a problem of the header.
    expect(duplicates).toEqual([{ field: 0, columns: [0, 27] }]);
  });
});
