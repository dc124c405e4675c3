import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../../src/io/jsonErrorOffset.js";

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON text, sometimes damaged by a deletion or an inserted character. */
const damagedJson = fc
  .tuple(
    fc.json({ maxDepth: 3 }),
    fc.nat(),
    fc.constantFrom("", ",", "}", "]", '"', ":", "\\", "\n", "x", "0", "-", "\u0001"),
    fc.boolean(),
  )
  .map(([text, at, insert, remove]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(remove ? i + 1 : i);
  });

describe("jsonErrorOffset", () => {
  test.prop([damagedJson])("finds an error exactly when JSON.parse fails", (text) => {
    const offset = jsonErrorOffset(text);
    expect(offset === -1).toBe(parses(text));
    if (offset >= 0) {
      expect(offset).toBeLessThanOrEqual(text.length);
      // The text before the offset is a valid beginning: read alone, it is complete JSON or it
      // stops being valid only at its end.
      const before = jsonErrorOffset(text.slice(0, offset));
      expect(before === -1 || before === offset).toBe(true);
    }
  });

  it("points at the first bad character", () => {
    expect(jsonErrorOffset('[\n{"sku": }\n]')).toBe(10);
    expect(jsonErrorOffset("[1,]")).toBe(3);
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('"tab\there"')).toBe(4);
    expect(jsonErrorOffset("[1] x")).toBe(4);
    expect(jsonErrorOffset("")).toBe(0);
    expect(jsonErrorOffset(" [ ] ")).toBe(-1);
    expect(jsonErrorOffset("[".repeat(100_000))).toBe(100_000); // deep nesting, no recursion
  });
});
