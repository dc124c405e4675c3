import { describe, expect, it } from "vitest";
import { ByteDictionary } from "../../src/io/ByteDictionary.js";
import { hashBytes } from "../../src/model/hashBytes.js";

const encoder = new TextEncoder();

describe("ByteDictionary", () => {
  it("finds codes by their bytes inside a larger text, and only the codes added", () => {
    const dictionary = new ByteDictionary();
    const text = encoder.encode("A-1,螺丝,A-10");
    const at = (from: number, to: number) =>
      dictionary.find(text, from, to, hashBytes(text, from, to));
    expect(at(0, 3)).toBe(-1);
    dictionary.add(text, 0, 3, hashBytes(text, 0, 3), 7);
    dictionary.add(text, 4, 10, hashBytes(text, 4, 10), 8); // 螺丝: six bytes
    expect(at(0, 3)).toBe(7);
    expect(at(4, 10)).toBe(8);
    expect(at(11, 15)).toBe(-1); // "A-10" starts like "A-1" but is another code
    expect(at(0, 2)).toBe(-1);
  });

  it("keeps every code through many growths of its table and pool", () => {
    const dictionary = new ByteDictionary();
    const codes = Array.from({ length: 20_000 }, (_, k) => encoder.encode(`SKU-${k * 7919}`));
    codes.forEach((code, k) => {
      dictionary.add(code, 0, code.length, hashBytes(code, 0, code.length), k);
    });
    codes.forEach((code, k) => {
      expect(dictionary.find(code, 0, code.length, hashBytes(code, 0, code.length))).toBe(k);
    });
    const unknown = encoder.encode("SKU-1");
    expect(dictionary.find(unknown, 0, 5, hashBytes(unknown, 0, 5))).toBe(-1);
  });
});
