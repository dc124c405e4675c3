import { Decimal } from "../model/Decimal.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { tryToDecimal } from "../model/money.js";
import { IdSortKeysBuilder } from "./IdSortKeysBuilder.js";
import type { IdSortKeys } from "./idSortKeys.js";
import type { Amounts } from "./toScaledIntegers.js";

/** How `abcClassify` reads its input: its accessors and value rules. */
export interface AbcReadRules {
  readonly id: (record: unknown) => unknown;
  readonly value: (record: unknown) => unknown;
  readonly zeroValues: "last-class" | "exclude";
  readonly negativeValues: "error" | "zero";
}

/** The items that take part in the classification, as parallel arrays. */
export interface AbcInput {
  readonly ids: string[];
  /**
   * Amounts ≥ 0: positive numbers as given, other positive values as invkpi `Decimal`s (the
   * caller's own when it passed invkpi's, otherwise parsed), zero (and, under
   * `negativeValues: 'zero'`, a negative value) as the number 0 in `doubles`.
   */
  readonly amounts: Amounts;
  /** Index of each item in the caller's array (for the `record` of each row). */
  readonly sourceIndexes: Uint32Array;
  /** The ids' sort keys (for `rankOrder`), or `null` when the ids come in ascending order. */
  readonly idKeys: IdSortKeys | null;
}

const FN = "abcClassify";

/**
 * Reads ids and values through the accessors, checks them, applies the negative and zero rules,
 * and returns the items that take part.
 *
 * @throws InvKpiError `invalid_argument` (not an array, an id that is not a string, a value that is
 *   not a finite decimal), `negative_value` (a negative value under `negativeValues: 'error'`).
 */
export function readAbcItems(items: unknown, rules: AbcReadRules): AbcInput {
  if (!Array.isArray(items)) {
    throw new InvKpiError("invalid_argument", `${FN}: items must be an array`, {
      path: ["items"],
      details: { value: describeValue(items) },
    });
  }
  // Sized once (a million pushes grow and copy each array some thirty times), trimmed at the end
  // when zero values were left out.
  const ids: string[] = new Array(items.length);
  const doubles = new Float64Array(items.length);
  // Made at the first `Decimal` (a list of plain numbers needs none).
  let decimals: (Decimal | undefined)[] | null = null;
  const sourceIndexes = new Uint32Array(items.length);
  // The ids' sort keys are computed as they are read (records scattered in memory cost a cache
  // miss each time they are read).
  const idKeys = new IdSortKeysBuilder(ids);
  const exclude = rules.zeroValues === "exclude";
  let count = 0;
  for (let index = 0; index < items.length; index++) {
    const record: unknown = items[index];
    const id = readId(record, rules, index);
    const amount = readAmount(record, rules, index, id);
    if (amount === 0 && exclude) continue;
    ids[count] = id;
    if (typeof amount === "number") doubles[count] = amount;
    else {
      decimals ??= new Array(items.length);
      decimals[count] = amount;
      doubles[count] = Number.NaN;
    }
    sourceIndexes[count] = index;
    idKeys.add(count);
    count++;
  }
  ids.length = count;
  if (decimals !== null) decimals.length = count;
  return {
    ids,
    amounts: { doubles: count === items.length ? doubles : doubles.subarray(0, count), decimals },
    sourceIndexes: count === items.length ? sourceIndexes : sourceIndexes.subarray(0, count),
    idKeys: idKeys.finish(),
  };
}

function readId(record: unknown, rules: AbcReadRules, index: number): string {
  if (typeof record !== "object" || record === null) {
    throw new InvKpiError("invalid_argument", `${FN}: items[${index}] must be an object`, {
      path: ["items", index],
      details: { value: describeValue(record) },
    });
  }
  const id = rules.id(record);
  if (typeof id !== "string") {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: items[${index}] must have a string id, got ${describeValue(id)}`,
      { path: ["items", index, "id"], details: { value: describeValue(id) } },
    );
  }
  return id;
}

/**
 * The value as a positive number (as given) or positive exact `Decimal`, or the number 0 for zero
 * (also -0), and for negative values under `negativeValues: 'zero'`.
 */
function readAmount(
  record: unknown,
  rules: AbcReadRules,
  index: number,
  id: string,
): number | Decimal {
  const raw = rules.value(record);
  const amount = typeof raw === "number" && Number.isFinite(raw) ? raw : toExactDecimal(raw);
  if (amount === null) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: the value of '${id}' must be a finite decimal, got ${describeValue(raw)}`,
      { path: ["items", index, "value"], details: { id, value: describeValue(raw) } },
    );
  }
  const sign = typeof amount === "number" ? Math.sign(amount) : amount.cmp(0);
  if (sign > 0) return amount;
  if (sign === 0 || rules.negativeValues === "zero") return 0;
  throw new InvKpiError(
    "negative_value",
    `${FN}: the value of '${id}' is negative (${describeValue(raw)}); pass negativeValues: 'zero' to count it as 0`,
    { path: ["items", index, "value"], details: { id, value: describeValue(raw) } },
  );
}

/**
 * An invkpi `Decimal` as it is (immutable, so it can be shared with the output: no copy), anything
 * else parsed to one; `null` when not a finite decimal.
 */
function toExactDecimal(raw: unknown): Decimal | null {
  // Every decimal.js clone shares one prototype, so `instanceof` would also accept the caller's
  // own decimal.js (other precision and rounding): compare constructors instead.
  if (raw instanceof Decimal && raw.constructor === Decimal) return raw.isFinite() ? raw : null;
  return tryToDecimal(raw);
}
