import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { IdSortKeysBuilder } from "../../src/classify/IdSortKeysBuilder.js";
import { type IdSortKeys, idSortKeys } from "../../src/classify/idSortKeys.js";
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
  expectAgreement(list, idSortKeys(list));
}

function expectAgreement(list: readonly string[], { keys, exact }: IdSortKeys): void {
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

/** The builder's keys of `list`, added one id at a time into an array of room for `capacity`. */
function builtKeys(list: readonly string[], capacity: number): IdSortKeys | null {
  const ids: string[] = new Array(capacity);
  const builder = new IdSortKeysBuilder(ids);
  list.forEach((id, index) => {
    ids[index] = id;
    builder.add(index);
  });
  ids.length = list.length;
  return builder.finish();
}

const isAscending = (list: readonly string[]) =>
  list.every((id, i) => i === 0 || list[i - 1]! <= id);

/**
 * Lists for the builder: small and large (past the sample it guesses from), ascending (sorted, so
 * that no keys are needed) or not, and ascending for a while before a first id out of order.
 */
const builderLists = fc
  .tuple(
    fc.oneof(ids, largeIds),
    fc.constantFrom(
      "as given",
      "sorted",
      "sorted, then one out of order",
      "a sorted start, then as given",
    ),
    fc.nat({ max: 30 }),
  )
  .map(([list, arrangement, room]) => {
    if (arrangement === "as given") return { list, room };
    const sorted = [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (arrangement === "sorted") return { list: sorted, room };
    if (arrangement === "sorted, then one out of order") return { list: [...sorted, ""], room };
    // The first `room` × 30 ids (up to 900) sorted: with over a thousand ids, the builder guesses
    // its alphabet from twice the ascending run and writes the keys of the rest as they come.
    const start = list.slice(0, room * 30).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { list: [...start, ...list.slice(room * 30)], room };
  });

describe("IdSortKeysBuilder", () => {
  test.prop([builderLists])(
    "null exactly when the ids ascend; otherwise keys that agree with string order",
    ({ list, room }) => {
      const keys = builtKeys(list, list.length + room);
      expect(keys === null).toBe(isAscending(list));
      if (keys !== null) expectAgreement(list, keys);
    },
  );

  test("shuffled SKU codes: keys written while reading, equal to idSortKeys' own", () => {
    // 3000 codes in a fixed scramble (multiplying by 7 modulo 3001 permutes 1..3000): the ids
    // ascend for 428 codes (7 .. 2996), so the alphabet is guessed from the first 1024 (more than
    // twice 428), and it holds for the rest.
    const list = Array.from(
      { length: 3000 },
      (_, i) => `SKU-${String(((i + 1) * 7) % 3001).padStart(5, "0")}`,
    );
    const keys = builtKeys(list, list.length)!;
    expect(keys).not.toBeNull();
    expect([...keys.keys]).toEqual([...idSortKeys(list).keys]);
    expect(keys.exact).toBe(true);
  });
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
