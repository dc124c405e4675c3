import { fc } from "@fast-check/vitest";

/** Any UTF-16 code unit, lone surrogates and U+FFFF included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/**
 * Ids as they come: numeric-looking SKU codes (padded, and unpadded, where "SKU-10" < "SKU-9"),
 * Unicode (astral characters, any code unit), and a few edge cases.
 */
export const anyId = fc.oneof(
  fc.nat({ max: 3000 }).map((n) => `SKU-${n}`),
  fc.nat({ max: 3000 }).map((n) => `SKU-${String(n).padStart(6, "0")}`),
  fc.string({ unit: "binary", maxLength: 4 }),
  fc.string({ unit: codeUnit, maxLength: 6 }),
  fc.constantFrom("", "a", "ab", "SKU-", "é", "\u{1F600}", "\uFFFF", "\u0000"),
);
