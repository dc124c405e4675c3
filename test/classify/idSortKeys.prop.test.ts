import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { idSortKeys } from "../../src/classify/idSortKeys.js";
import { anyId } from "./anyId.js";

const ids = fc
  .tuple(fc.constantFrom("", "SKU-", "仓库/"), fc.array(anyId, { maxLength: 40 }))
  .map(([prefix, rest]) => rest.map((id) => prefix + id));

/**
 * The property of the JSDoc, checked along the ids in string order: keys never decrease (so
 * `a < b` gives `key(a) ≤ key(b)`, and `key(a) < key(b)` gives `a < b`), and when `exact`, they
 * increase from one distinct id to the next.
 */
function expectKeysAgreeWithStringOrder(list: readonly string[]): void {
  const { keys, exact } = idSortKeys(list);
  expect(keys.length).toBe(list.length);
  const byString = list
    .map((_, index) => index)
    .sort((a, b) => (list[a]! < list[b]! ? -1 : list[a]! > list[b]! ? 1 : 0));
  const contradictions = byString.slice(1).filter((b, k) => {
    const a = byString[k]!;
    if (list[a] === list[b]) return keys[a] !== keys[b];
    return exact ? !(keys[a]! < keys[b]!) : !(keys[a]! <= keys[b]!);
  });
  expect(contradictions).toEqual([]);
  expect([...keys].every((key) => Number.isInteger(key) && key >= 0 && key < 2 ** 53)).toBe(true);
}

/**
 * Over a thousand ids, so that the first guess at the alphabet reads only every other one: a
 * few common ids repeated, and a few rare ones at odd positions (unseen by the guess), which may
 * break the guessed prefix or fall outside the guessed code units.
 */
const largeIds = fc
  .tuple(
    fc.array(anyId, { minLength: 1, maxLength: 10 }),
    fc.array(fc.tuple(anyId, fc.nat({ max: 1049 })), { maxLength: 3 }),
  )
  .map(([common, rare]) => {
    const list = Array.from({ length: 2100 }, (_, i) => `SKU-${common[i % common.length]}`);
    for (const [id, half] of rare) list[2 * half + 1] = id;
    return list;
  });

describe("idSortKeys", () => {
  test.prop([ids])("keys never contradict plain string order", expectKeysAgreeWithStringOrder);

  test.prop([largeIds])(
    "also when ids the sample did not see break its prefix or alphabet",
    expectKeysAgreeWithStringOrder,
  );
});

describe("idSortKeys: worked examples (hand computations)", () => {
  test("SKU codes: the common prefix 'SKU-0' is skipped, the rest read as base-11 digits", () => {
    // Code units '0'..'9' (48..57) give base 57 - 48 + 2 = 11, and code unit c is digit c - 47:
    // "19" is 2·11 + 10, "90" is 10·11 + 1, "09" is 1·11 + 10.
    const { keys, exact } = idSortKeys(["SKU-019", "SKU-090", "SKU-009"]);
    expect([...keys]).toEqual([32, 111, 21]);
    expect(exact).toBe(true);
  });

  test("a shorter id sorts before its extensions (digit 0 is 'no character')", () => {
    // After the prefix "a": "" → 0, "b" → digit 1 then 0, "bb" → 1·2 + 1 (base 'b' - 'b' + 2 = 2).
    const { keys } = idSortKeys(["a", "ab", "abb"]);
    expect([...keys]).toEqual([0, 2, 3]);
  });

  test("wide alphabets keep 3 characters; longer ids are then not exact", () => {
    // Code units 0 and 0xFFFF: base 65537, and 65537^3 ≤ 2^53 < 65537^4.
    const { keys, exact } = idSortKeys(["\0\uFFFF\0\uFFFF", "\0\uFFFF\0\0", "\uFFFF"]);
    expect(keys[0]).toBe(keys[1]);
    expect(exact).toBe(false);
  });
});
