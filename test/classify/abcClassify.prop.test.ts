import { fc, test } from "@fast-check/vitest";
import { Decimal as DecimalJs } from "decimal.js";
import { describe, expect } from "vitest";
import { type AbcRow, abcClassify } from "../../src/classify/abcClassify.js";
import { anyId } from "./anyId.js";

// A reference with enough digits that no sum below ever rounds (values have at most 31 integer
// and 30 decimal digits, 40 of them summed): the library's own Decimal has 40.
const Exact = DecimalJs.clone({ precision: 200 });
const exact = (value: number | string) => new Exact(String(value));

/**
 * Values as users pass them: small integers (often tied, and often landing exactly on a cutoff),
 * cents, zeros, and long decimal strings (beyond double precision).
 */
const value = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100), weight: 2 },
  { arbitrary: fc.constantFrom(0, 0.1, 0.2, 0.3, 1e-7), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 30 }))
      .map(([mantissa, places]) => new Exact(`${mantissa}e-${places}`).toFixed()),
    weight: 1,
  },
);
const items = fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 3 }), value }), {
  selector: (item) => item.id,
  maxLength: 40,
});
/** 1 to 4 strictly increasing cutoffs in (0, 1], as whole percents. */
const cutoffs = fc
  .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 })
  .map((percents) => percents.sort((a, b) => a - b).map((p) => p / 100));

type Item = { readonly id: string; readonly value: number | string };

/**
 * The rule of the JSDoc, written the plain way: sort, walk with an exact running sum, and give
 * each run of equal values the first class j with (sum before the run) < c_j × total.
 */
function referenceClasses(input: readonly Item[], cuts: readonly number[]): Map<string, number> {
  const sorted = input
    .map((item) => ({ id: item.id, value: exact(item.value) }))
    .sort((a, b) => b.value.cmp(a.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = sorted.reduce((sum, item) => sum.plus(item.value), new Exact(0));
  const classes = new Map<string, number>();
  let before = new Exact(0);
  let runClass = 0;
  sorted.forEach((item, k) => {
    if (k === 0 || !item.value.eq(sorted[k - 1]!.value)) {
      const j = cuts.findIndex((c) => before.lt(exact(c).times(total)));
      runClass = j === -1 ? cuts.length : j;
    }
    classes.set(item.id, runClass);
    before = before.plus(item.value);
  });
  return classes;
}

const labelsFor = (cuts: readonly number[]) =>
  Array.from({ length: cuts.length + 1 }, (_, i) => String.fromCharCode(65 + i));
const classIndex = (row: AbcRow) => row.class.charCodeAt(0) - 65;
const totalOf = (input: readonly Item[]) =>
  input.reduce((sum, item) => sum.plus(exact(item.value)), new Exact(0));

describe("abcClassify properties", () => {
  test.prop([items, cutoffs])("matches the plain exact reference of the rule", (input, cuts) => {
    const rows = abcClassify(input, { cutoffs: cuts });
    const expected = referenceClasses(input, cuts);
    expect(new Map(rows.map((row) => [row.id, classIndex(row)]))).toEqual(expected);
  });

  test.prop([items, cutoffs])("every item gets exactly one class", (input, cuts) => {
    const rows = abcClassify(input, { cutoffs: cuts });
    expect(rows.map((row) => row.id).sort()).toEqual(input.map((item) => item.id).sort());
    expect(rows.every((row) => labelsFor(cuts).includes(row.class))).toBe(true);
    expect(rows.map((row) => row.rank)).toEqual(rows.map((_, i) => i + 1));
  });

  test.prop([items, cutoffs])(
    "a larger value never gets a worse class; equal values one class",
    (input, cuts) => {
      const rows = abcClassify(input, { cutoffs: cuts });
      for (let k = 1; k < rows.length; k++) {
        const [higher, lower] = [rows[k - 1]!, rows[k]!];
        expect(higher.value.gte(lower.value)).toBe(true);
        expect(classIndex(higher)).toBeLessThanOrEqual(classIndex(lower));
        if (higher.value.eq(lower.value)) expect(higher.class).toBe(lower.class);
      }
    },
  );

  test.prop([items, cutoffs])("class A holds at least the A cutoff of the total", (input, cuts) => {
    const total = totalOf(input);
    fc.pre(total.gt(0));
    const rows = abcClassify(input, { cutoffs: cuts });
    const valueOfA = rows
      .filter((row) => row.class === "A")
      .reduce((sum, row) => sum.plus(exact(row.value.toFixed())), new Exact(0));
    expect(valueOfA.gte(exact(cuts[0]!).times(total))).toBe(true);
  });

  test.prop([
    items,
    cutoffs,
    fc.constantFrom("3", "0.001", "7.3", "1e25", "1e-20", "123456789.987"),
  ])(
    "scaling every value by one positive factor changes no class and no share",
    (input, cuts, factor) => {
      const scaled = input.map((item) => ({
        id: item.id,
        value: exact(item.value).times(factor).toFixed(),
      }));
      const pick = (rows: AbcRow[]) =>
        rows.map((row) => [row.id, row.class, row.share, row.cumulativeShare]);
      expect(pick(abcClassify(scaled, { cutoffs: cuts }))).toEqual(
        pick(abcClassify(input, { cutoffs: cuts })),
      );
    },
  );

  test.prop([
    items.chain((input) =>
      fc.tuple(fc.constant(input), fc.shuffledSubarray(input, { minLength: input.length })),
    ),
    cutoffs,
  ])("permuting the input changes nothing", ([input, permuted], cuts) => {
    const render = (rows: AbcRow[]) => rows.map((row) => ({ ...row, value: row.value.toFixed() }));
    expect(render(abcClassify(permuted, { cutoffs: cuts }))).toEqual(
      render(abcClassify(input, { cutoffs: cuts })),
    );
  });

  test.prop([items])(
    "shares are the exact ratios rounded once; the last cumulative share is exactly 1",
    (input) => {
      const rows = abcClassify(input);
      const total = totalOf(input);
      let cumulative = new Exact(0);
      for (const row of rows) {
        cumulative = cumulative.plus(exact(row.value.toFixed()));
        const ratio = (part: DecimalJs) => (total.isZero() ? 0 : part.div(total).toNumber());
        expect(row.share).toBe(ratio(exact(row.value.toFixed())));
        expect(row.cumulativeShare).toBe(ratio(cumulative));
      }
      if (total.gt(0)) expect(rows.at(-1)!.cumulativeShare).toBe(1);
      // And so the shares themselves add up to 1 up to their rounding (one half-unit each).
      const sum = rows.reduce((s, row) => s.plus(row.share), new Exact(0));
      if (total.gt(0))
        expect(
          sum
            .minus(1)
            .abs()
            .lte(rows.length * 2 ** -53),
        ).toBe(true);
    },
  );
});

/**
 * Larger inputs for the fast paths of the ranking (radix sorts, numeric id keys): ids of every
 * kind, repeated ids, many tied and zero values, values of many radix digits, input in any order.
 */
const tiedValue = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1, 2, 9.99, "0.00"), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100), weight: 2 },
  { arbitrary: value, weight: 1 },
);
const manyItems = fc.array(fc.record({ id: anyId, value: tiedValue }), { maxLength: 300 });
const zeroValues = fc.constantFrom("last-class" as const, "exclude" as const);

/**
 * Every row, the plain way: leave out zeros under 'exclude', sort by a comparator (value
 * descending, id ascending, input order), sum exactly, and divide exactly once per share.
 */
function referenceRows(
  input: readonly Item[],
  cuts: readonly number[],
  zeros: "last-class" | "exclude",
) {
  const kept = input
    .map((item, index) => ({ ...item, index, exact: exact(item.value) }))
    .filter((item) => zeros === "last-class" || !item.exact.isZero())
    .sort(
      (a, b) =>
        b.exact.cmp(a.exact) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.index - b.index,
    );
  const total = kept.reduce((sum, item) => sum.plus(item.exact), new Exact(0));
  const ratio = (part: DecimalJs) => (total.isZero() ? 0 : part.div(total).toNumber());
  const classes = referenceClasses(
    kept.map((item, k) => ({ id: String(k), value: item.exact.toFixed() })),
    cuts,
  );
  let cumulative = new Exact(0);
  return kept.map((item, k) => {
    cumulative = cumulative.plus(item.exact);
    return {
      id: item.id,
      value: item.exact.toFixed(),
      rank: k + 1,
      share: ratio(item.exact),
      cumulativeShare: ratio(cumulative),
      class: labelsFor(cuts)[classes.get(String(k))!],
      index: item.index,
    };
  });
}

describe("abcClassify against the plain reference, row by row", () => {
  test.prop([manyItems, cutoffs, zeroValues])(
    "same rows in the same order: ids, exact values, ranks, shares, classes",
    (input, cuts, zeros) => {
      const rows = abcClassify(input, { cutoffs: cuts, zeroValues: zeros });
      const expected = referenceRows(input, cuts, zeros).map(({ index, ...row }) => row);
      expect(rows.map((row) => ({ ...row, value: row.value.toFixed() }))).toEqual(expected);
    },
  );

  test.prop([manyItems, cutoffs])(
    "with accessors, each row carries its own record (repeated ids in input order)",
    (input, cuts) => {
      const records = input.map((item) => ({ sku: item.id, amount: item.value }));
      const rows = abcClassify(records, {
        cutoffs: cuts,
        id: (record) => record.sku,
        value: (record) => record.amount,
      });
      const expected = referenceRows(input, cuts, "last-class");
      // The very same record objects, not copies.
      expect(rows.every((row, k) => row.record === records[expected[k]!.index])).toBe(true);
    },
  );
});

/**
 * Past the 1,024 ids from which the reader guesses the ids' alphabet (`IdSortKeysBuilder`): SKU
 * codes in any order, now and then an id of any kind (which may fall outside the guess), tied and
 * zero values; under 'exclude' the reader's arrays are longer than the items kept.
 */
const skuCode = fc.integer({ min: 0, max: 99_999 }).map((n) => `SKU-${String(n).padStart(5, "0")}`);
const largeItems = fc.array(
  fc.record({
    id: fc.oneof({ arbitrary: skuCode, weight: 50 }, { arbitrary: anyId, weight: 1 }),
    value: tiedValue,
  }),
  { minLength: 1100, maxLength: 2500 },
);

describe("abcClassify against the plain reference, past the ids' alphabet guess", () => {
  test.prop([largeItems, cutoffs, zeroValues], { numRuns: 15 })(
    "same rows in the same order with ids keyed while they are read",
    (input, cuts, zeros) => {
      const rows = abcClassify(input, { cutoffs: cuts, zeroValues: zeros });
      const expected = referenceRows(input, cuts, zeros).map(({ index, ...row }) => row);
      expect(rows.map((row) => ({ ...row, value: row.value.toFixed() }))).toEqual(expected);
    },
  );
});
