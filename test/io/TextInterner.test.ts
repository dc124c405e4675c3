import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { TextInterner } from "../../src/io/TextInterner.js";

describe("TextInterner", () => {
  it("returns one string object per distinct text, whatever text it is found in", () => {
    const interner = new TextInterner();
    const a = interner.intern("xx,SKU-1,yy", 3, 8);
    const b = interner.intern("SKU-1", 0, 5);
    expect(a).toBe("SKU-1");
    expect(b).toBe(a);
    expect(interner.intern("SKU-2", 0, 5)).toBe("SKU-2");
    expect(interner.intern("", 0, 0)).toBe("");
  });

  it("holds each text once, the empty text too (its hash is the FNV offset basis, above 2^31)", () => {
    const interner = new TextInterner();
    for (let k = 0; k < 5000; k++) {
      interner.intern("", 0, 0);
      interner.intern(",,", 1, 1);
      interner.intern(`S${k % 10}`, 0, 2);
    }
    expect(interner.size).toBe(11);
  });

  test.prop([fc.array(fc.string({ unit: "grapheme", maxLength: 4 }), { maxLength: 3000 })])(
    "keeps every distinct text apart as it grows (collisions included)",
    (texts) => {
      const interner = new TextInterner();
      const first = new Map<string, string>();
      for (const text of texts) {
        const padded = `<${text}>`;
        const got = interner.intern(padded, 1, padded.length - 1);
        expect(got).toBe(text);
        if (!first.has(text)) first.set(text, got);
      }
      for (const [text, stored] of first)
        expect(interner.intern(text, 0, text.length)).toBe(stored);
      expect(interner.size).toBe(first.size);
    },
  );
});
