import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdRegistry, textIdHash } from "../../src/ledger/IdRegistry.js";

/** The reference: a Map from id to the first row, which is what the registry replaces. */
function claimInMap(map: Map<string | number, number>, id: string | number, row: number): number {
  const first = map.get(id);
  if (first !== undefined) return first;
  map.set(id, row);
  return -1;
}

const ids = fc.oneof(
  fc.string({ maxLength: 12 }), // any UTF-16 text: one-byte and wide code units
  fc.constantFrom("", "MV0001", "MV0002", "1", "é", "螺丝", "a\u0000b"),
  fc.integer({ min: -50, max: 50 }).map((n) => `MV${n}`), // many repeats
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0, -0, 1.5, 2 ** 53, -1e300, Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

describe("IdRegistry", () => {
  it("gives the first row of every id exactly as a Map does (property, 2,000 sequences)", () => {
    fc.assert(
      fc.property(fc.array(ids, { maxLength: 300 }), (sequence) => {
        const registry = new IdRegistry();
        const map = new Map<string | number, number>();
        sequence.forEach((id, row) => {
          expect(registry.claim(id, row)).toBe(claimInMap(map, id, row));
        });
        expect(registry.size).toBe(map.size);
      }),
      { numRuns: 2000 },
    );
  });

  it("claims ASCII ids from bytes (inside any buffer) as it claims them as text", () => {
    const asciiIds = fc.oneof(
      fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) }),
      fc.integer({ min: 0, max: 40 }).map((n) => `MV${n}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(asciiIds, fc.boolean(), fc.string({ maxLength: 3 })), { maxLength: 200 }),
        (sequence) => {
          const registry = new IdRegistry();
          const map = new Map<string | number, number>();
          sequence.forEach(([id, asBytes, around], row) => {
            const expected = claimInMap(map, id, row);
            if (!asBytes) {
              expect(registry.claim(id, row)).toBe(expected);
              return;
            }
            // The id between other bytes, as in a line of a file; the buffer is left unchanged.
            const line = new TextEncoder().encode(`${around}${id}${around}`);
            const before = line.slice();
            const from = new TextEncoder().encode(around).length;
            expect(registry.claimAscii(line, from, from + id.length, row)).toBe(expected);
            // A text claim after it must not write into the buffer.
            expect(registry.claim("scratch", 1e6)).toBe(claimInMap(map, "scratch", 1e6));
            expect(line).toEqual(before);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("still agrees with a Map through the tables' growth (property, 12,000 claims from a pool)", () => {
    // A pool of ~6,000 ids, so that the 12,000 claims both repeat ids and grow each table (text
    // and number) past its first 1,024 entries and its slots past the first doubling (~1,434).
    const pooled = fc.oneof(
      fc.integer({ min: 0, max: 3000 }).map((n) => `MV${n}`),
      fc.integer({ min: 0, max: 3000 }),
      fc.constantFrom("é", "螺丝", "", -0),
    );
    fc.assert(
      fc.property(fc.array(pooled, { minLength: 12_000, maxLength: 12_000 }), (sequence) => {
        const registry = new IdRegistry();
        const map = new Map<string | number, number>();
        const mismatches = sequence.filter(
          (id, row) => registry.claim(id, row) !== claimInMap(map, id, row),
        );
        expect(mismatches).toEqual([]);
        expect(registry.size).toBe(map.size);
      }),
      { numRuns: 10 },
    );
  });

  it("keeps text and numbers apart, and 0 and -0 together, as a Map does", () => {
    const registry = new IdRegistry();
    expect(registry.claim(1, 0)).toBe(-1);
    expect(registry.claim("1", 1)).toBe(-1);
    expect(registry.claim(0, 2)).toBe(-1);
    expect(registry.claim(-0, 3)).toBe(2);
    expect(registry.claim("1", 4)).toBe(1);
    expect(registry.claim(1, 5)).toBe(0);
  });

  it("grows through many tables: 200,000 sequential ids, then each again", () => {
    // Ids like an ERP's, which differ only in their last characters; the second pass finds each
    // one's first row (hand check: id k was first used by row k).
    const registry = new IdRegistry();
    const count = 200_000;
    const id = (k: number) => `MV${String(k).padStart(9, "0")}`;
    const wrong: number[] = [];
    for (let k = 0; k < count; k++) if (registry.claim(id(k), k) !== -1) wrong.push(k);
    for (let k = 0; k < count; k += 997) if (registry.claim(id(k), count + k) !== k) wrong.push(k);
    for (let k = 0; k < count; k++) if (registry.claim(k, k) !== -1) wrong.push(-k);
    expect(wrong).toEqual([]);
    expect(registry.claim(count - 1, 0)).toBe(count - 1);
    expect(registry.size).toBe(2 * count);
  });

  it("tells apart two ids of one length with the same 32-bit hash", () => {
    // Found by hashing "ID" + base-36 texts until two collided (a birthday search, ~80 k texts).
    const [a, b] = ["ID11b4l9h", "ID0k20qrs"];
    const ascii = (text: string) => new TextEncoder().encode(text);
    expect(textIdHash(ascii(a), 0, a.length)).toBe(textIdHash(ascii(b), 0, b.length));
    const registry = new IdRegistry();
    expect(registry.claim(a, 0)).toBe(-1);
    expect(registry.claim(b, 1)).toBe(-1);
    expect(registry.claim(b, 2)).toBe(1);
    expect(registry.claim(a, 3)).toBe(0);
  });

  it("keeps first rows past 2^32 − 1", () => {
    const registry = new IdRegistry();
    expect(registry.claim("a", 7)).toBe(-1);
    expect(registry.claim("b", 2 ** 32 + 5)).toBe(-1);
    expect(registry.claim(3, 2 ** 40)).toBe(-1);
    expect([registry.claim("a", 8), registry.claim("b", 9), registry.claim(3, 10)]).toEqual([
      7,
      2 ** 32 + 5,
      2 ** 40,
    ]);
  });

  it("tells ids apart that share a prefix, and long ids", () => {
    const registry = new IdRegistry();
    const long = "x".repeat(10_000);
    expect(registry.claim(long, 0)).toBe(-1);
    expect(registry.claim(`${long}y`, 1)).toBe(-1);
    expect(registry.claim(long.slice(1), 2)).toBe(-1);
    expect(registry.claim(long, 3)).toBe(0);
    expect(registry.claim("ÿ", 4)).toBe(-1); // 255: still one byte
    expect(registry.claim("Ā", 5)).toBe(-1); // 256: a wide id
    expect(registry.claim("ÿ", 6)).toBe(4);
    expect(registry.claim("Ā", 7)).toBe(5);
  });
});
