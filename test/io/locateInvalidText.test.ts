import { describe, expect, it } from "vitest";
import { locateInvalidText } from "../../src/io/locateInvalidText.js";

const NONE = new Uint8Array(0);
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p)] : p)));

/** Start, bad bytes in hex, text before and whether at the end, for `toEqual`. */
function spotOf(encoding: string, recent: Uint8Array, input: Uint8Array, stream = true) {
  const spot = locateInvalidText(encoding, recent, input, stream);
  return [spot.start, Buffer.from(spot.bytes).toString("hex"), spot.textBefore, spot.atEnd];
}

describe("locateInvalidText", () => {
  it("finds a byte that is never valid UTF-8, and the text before it", () => {
    expect(spotOf("utf-8", NONE, bytes("ab\nc", [0xff], "d"))).toEqual([4, "ff", "ab\nc", false]);
    expect(spotOf("utf-8", NONE, bytes([0x80], "x"))).toEqual([0, "80", "", false]);
  });

  it("starts a character cut short at its lead byte, not at the byte that cuts it", () => {
    expect(spotOf("utf-8", NONE, bytes("x", [0xe2, 0x82], "\ny"))).toEqual([
      1,
      "e2820a",
      "x",
      false,
    ]);
    expect(spotOf("utf-8", NONE, bytes("é", [0xe0, 0x80]))).toEqual([2, "e080", "é", false]);
    // A complete character before the bad byte is not part of it.
    expect(spotOf("utf-8", NONE, bytes("€", [0xff]))).toEqual([3, "ff", "€", false]);
  });

  it("continues a character begun in the bytes decoded before the call", () => {
    // "€" cut after its first byte: the call starts with the rest, and the bad byte comes later.
    const recent = bytes("abc\n", [0xe2]);
    expect(spotOf("utf-8", recent, bytes([0x82, 0xac], "\nx", [0xff]))).toEqual([
      4,
      "ff",
      "€\nx",
      false,
    ]);
    // The character begun before is the bad one: its start lies before the call (negative).
    expect(spotOf("utf-8", bytes("a", [0xe2, 0x82]), bytes("z"))).toEqual([
      -2,
      "e2827a",
      "",
      false,
    ]);
    // Recent bytes that begin inside a character are read from the next one that decodes.
    expect(spotOf("utf-8", bytes([0xac], "a", [0xe2]), bytes([0x82, 0xac, 0xff]))).toEqual([
      2,
      "ff",
      "€",
      false,
    ]);
  });

  it("says when the input ends inside a character (the last call)", () => {
    expect(spotOf("utf-8", NONE, bytes("a\nb", [0xf0, 0x9f]), false)).toEqual([
      3,
      "f09f",
      "a\nb",
      true,
    ]);
    expect(spotOf("utf-8", bytes("b", [0xc3]), NONE, false)).toEqual([-1, "c3", "", true]);
  });

  it("finds the failing bytes in other encodings (GBK)", () => {
    // 螺 is c2dd in GBK; 0xfe is a lead byte, which a space cannot follow.
    expect(spotOf("gbk", NONE, bytes("a\n", [0xc2, 0xdd], "b", [0xfe], " "))).toEqual([
      5,
      "fe20",
      "a\n螺b",
      false,
    ]);
    expect(spotOf("gbk", NONE, bytes("a", [0xc2, 0xdd, 0xfe]), false)).toEqual([
      3,
      "fe",
      "a螺",
      true,
    ]);
  });
});
