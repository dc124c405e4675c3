import { describe, expect, it } from "vitest";
import { hashBytes } from "../../src/model/hashBytes.js";

describe("hashBytes", () => {
  it("is 32-bit FNV-1a: the published test vectors (Landon Curt Noll's FNV test suite)", () => {
    const hash = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      return hashBytes(bytes, 0, bytes.length) >>> 0;
    };
    expect(hash("")).toBe(0x811c9dc5); // the offset basis itself: nothing hashed
    expect(hash("a")).toBe(0xe40c292c);
    expect(hash("foobar")).toBe(0xbf9cf968);
  });

  it("hashes only bytes[from, to), as a signed 32-bit integer", () => {
    const bytes = new TextEncoder().encode("xxfoobarxx");
    expect(hashBytes(bytes, 2, 8)).toBe(0xbf9cf968 | 0);
    expect(hashBytes(bytes, 2, 8)).toBeLessThan(0);
  });
});
