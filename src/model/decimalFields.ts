import { Decimal } from "./Decimal.js";

// decimal.js's internal layout, read and written by invkpi's fast paths (exact sums, quotients,
// Decimals built without parsing text, worker-thread tapes). The layout is documented in
// decimal.js's source; property tests compare every fast path with decimal.js's own arithmetic
// and parser, so an upgrade that changed it would fail the build, not the numbers.

/**
 * The internal fields of a decimal.js instance: sign `s` (1 or -1), `e` the decimal exponent of the
 * leading digit, and `d` the coefficient's base-10^7 words, most significant first, aligned on the
 * decimal point (`null` for NaN and ±Infinity; `[0]` for zero).
 */
export interface DecimalFields {
  readonly s: number;
  readonly e: number;
  readonly d: readonly number[] | null;
}

/** Decimal digits per word of decimal.js's coefficient (its `LOG_BASE`). */
export const WORD_DIGITS = 7;
/** The base of decimal.js's words: 10^{@link WORD_DIGITS}. */
export const WORD_BASE = 1e7;

/** A Decimal's fields (the same object, seen through {@link DecimalFields}). */
export function fieldsOf(x: Decimal): DecimalFields {
  return x as unknown as DecimalFields;
}

/**
 * Number of decimal digits of a non-negative safe integer (a decimal.js word, below 10^7, or a
 * coefficient below 2^53); 0 counts as one digit.
 */
export function digitCount(n: number): number {
  let count = 1;
  // The cap only guards the loop: a safe integer has at most 16 digits.
  for (let bound = 10; n >= bound && count < 16; bound *= 10) count++;
  return count;
}

/**
 * The exponent of the last digit of decimal.js's words: a finite value is the words read as one
 * base-10^7 integer times 10 to this (`e` is the exponent of the leading digit).
 */
export function lastDigitExponent(e: number, words: readonly number[]): number {
  return e - digitCount(words[0]!) - WORD_DIGITS * (words.length - 1) + 1;
}

/**
 * The words of a value of one or two words read as one integer (below 10^14, so an exact double);
 * its scale is {@link lastDigitExponent}.
 */
export function shortCoefficient(words: readonly number[]): number {
  return words.length === 1 ? words[0]! : words[0]! * WORD_BASE + words[1]!;
}

/** A finite non-zero decimal's magnitude as `coefficient × 10^exponent`, with its digit count. */
export interface DecimalCoefficient {
  readonly coefficient: bigint;
  readonly exponent: number;
  readonly digits: number;
}

const PAIR_BASE = 10n ** 14n;

/**
 * The coefficient and exponent of a finite, non-zero decimal.js value (its sign dropped): the words
 * read as one integer, and `e` (the exponent of the leading digit) moved to the last digit.
 */
export function coefficientOf(x: DecimalFields): DecimalCoefficient {
  const words = x.d as readonly number[];
  const count = words.length;
  // Two words at a time: 14 digits stay below 2^53, so each pair is one exact double.
  let coefficient: bigint;
  let i: number;
  if (count % 2 === 0) {
    coefficient = BigInt(words[0]! * WORD_BASE + words[1]!);
    i = 2;
  } else {
    coefficient = BigInt(words[0]!);
    i = 1;
  }
  for (; i < count; i += 2) {
    coefficient = coefficient * PAIR_BASE + BigInt(words[i]! * WORD_BASE + words[i + 1]!);
  }
  const exponent = lastDigitExponent(x.e, words);
  return { coefficient, exponent, digits: x.e - exponent + 1 };
}

/** The mutable shape {@link DecimalLayout} fills in. */
interface DecimalInstance {
  constructor: unknown;
  s: number;
  e: number;
  d: number[];
}

/**
 * Makes Decimal instances from their fields: an object with decimal.js's prototype (so it is a
 * Decimal: `instanceof`, every method) and, like decimal.js's constructor, an own `constructor`
 * that carries the clone's precision and rounding. A constructor function rather than
 * `Object.create` plus four property additions: one allocation with its fields in place.
 */
const DecimalLayout = function (this: DecimalInstance, s: number, e: number, d: number[]) {
  this.constructor = Decimal;
  this.s = s;
  this.e = e;
  this.d = d;
} as unknown as new (
  s: number,
  e: number,
  d: number[],
) => DecimalInstance;
DecimalLayout.prototype = Object.getPrototypeOf(new Decimal(1));

/**
 * The invkpi `Decimal` with the given fields, laid out as decimal.js lays out its own instances
 * (own keys `constructor`, `s`, `e`, `d`, in that order). The fields must be a valid decimal.js
 * layout (as {@link DecimalFields} describes); `d` is kept, not copied.
 */
export function decimalOfFields(s: number, e: number, d: number[]): Decimal {
  return new DecimalLayout(s, e, d) as unknown as Decimal;
}
