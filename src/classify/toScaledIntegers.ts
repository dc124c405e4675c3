import { Decimal } from "../model/Decimal.js";
import { coefficientOf, fieldsOf } from "../model/decimalFields.js";
import { decimalToNumber } from "../model/decimalToNumber.js";
import {
  bigPow10,
  EXACT_INTEGER_LIMIT,
  fitsAtScale,
  POWERS_OF_TEN,
  SCALED_UNITS_LIMIT,
} from "../model/exactDecimal.js";
import { toDecimalScaled } from "../model/toDecimalScaled.js";

/**
 * Non-negative finite amounts, column by column: the amounts given as numbers in a typed array
 * (an array of numbers would box every fractional one: a million heap objects for a million
 * items), and those given as `Decimal`s in a list beside it.
 */
export interface Amounts {
  /** Each amount given as a number, as given; `NaN` where the amount is a `Decimal`. */
  readonly doubles: Float64Array;
  /** At the index of each amount given as a `Decimal`, that `Decimal`; `null` when none was. */
  readonly decimals: readonly (Decimal | undefined)[] | null;
}

/**
 * Non-negative exact amounts as integers at one common decimal scale: amount i is exactly
 * `units[i] × 10^-scale`. Integer arithmetic on these gives exact sums without creating a
 * `Decimal` per item.
 *
 * - `number` (the fast path): every unit count and their total are integers below 2^53, so plain
 *   number arithmetic on them is exact.
 * - `bigint`: anything else (a total of 2^53 units or more, more than ~15 significant digits, or
 *   more than 22 decimals). `keys` are order-preserving integers below 2^53 for sorting.
 */
export type ScaledIntegers =
  | { readonly kind: "number"; readonly scale: number; readonly units: Float64Array }
  | {
      readonly kind: "bigint";
      readonly scale: number;
      readonly units: readonly bigint[];
      readonly keys: Float64Array;
    };

// The number path's bounds (src/model/exactDecimal.ts): every unit count below SCALED_UNITS_LIMIT
// (2^51: below it, a scaled double pins down a single decimal, see `fitsAtScale`), and their total
// below EXACT_INTEGER_LIMIT (2^53: below it, every sum of unit counts is exact in a double).

const MAX_NUMBER_SCALE = POWERS_OF_TEN.length - 1;

/**
 * Converts non-negative finite amounts to {@link ScaledIntegers}. A number means its shortest decimal
 * form (`0.1` is one tenth), as everywhere in invkpi.
 *
 * @param amounts - each finite and ≥ 0 (the caller has checked).
 */
export function toScaledIntegers(amounts: Amounts): ScaledIntegers {
  const number = toNumberUnits(amounts);
  if (number === null) return toBigintUnits(amounts);
  if (number.total < EXACT_INTEGER_LIMIT)
    return { kind: "number", scale: number.scale, units: number.units };
  // Each amount fits a double exactly but the sums do not: sum as big integers, sort on the doubles.
  const units = Array.from(number.units, (u) => BigInt(u));
  return { kind: "bigint", scale: number.scale, units, keys: number.units };
}

/** Integer unit counts as doubles, or `null` when some amount does not fit below 2^51 units. */
function toNumberUnits({
  doubles,
  decimals,
}: Amounts): { scale: number; units: Float64Array; total: number } | null {
  const values = decimals === null ? doubles : withShortDecimals(doubles, decimals);
  if (values === null) return null;
  const scale = commonNumberScale(values);
  if (scale === null) return null;
  const power = POWERS_OF_TEN[scale]!;
  const units = new Float64Array(values.length);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const scaled = Math.round(values[i]! * power);
    // The proof in `fitsAtScale` needs every scaled amount below the limit at the final scale.
    if (!(scaled < SCALED_UNITS_LIMIT)) return null;
    units[i] = scaled;
    total += scaled;
  }
  return { scale, units, total };
}

/**
 * A copy of `doubles` with each `Decimal` amount's nearest double in its place, or `null` when a
 * `Decimal` has more than 15 significant digits (or lies outside 1e-300 .. 1e300). Any decimal of
 * at most 15 significant digits survives the trip to the nearest (normal) double and back through
 * its shortest form (15 is a double's guaranteed decimal precision), so from here on such a
 * `Decimal` can be treated like a number. The range keeps far from the subnormals (where doubles
 * have fewer digits) and from overflow.
 */
function withShortDecimals(
  doubles: Float64Array,
  decimals: readonly (Decimal | undefined)[],
): Float64Array | null {
  const values = doubles.slice();
  for (let i = 0; i < decimals.length; i++) {
    const amount = decimals[i];
    if (amount === undefined) continue;
    if (amount.precision() > 15) return null;
    const double = decimalToNumber(amount);
    if (!(double >= 1e-300 && double <= 1e300)) return null;
    values[i] = double;
  }
  return values;
}

/**
 * The smallest scale at which every amount is an integer, or `null` when some amount needs more than
 * 22 decimals. An amount that fits at scale k fits at every larger scale as long as it stays below
 * 2^51 units (checked in `toNumberUnits`), so one running maximum suffices.
 */
function commonNumberScale(amounts: Float64Array): number | null {
  let scale = 0;
  for (let i = 0; i < amounts.length; i++) {
    while (!fitsAtScale(amounts[i]!, scale)) {
      if (scale === MAX_NUMBER_SCALE) return null;
      scale++;
    }
  }
  return scale;
}

/** The general path: exact at any size and any number of decimals; sort keys are dense ranks. */
function toBigintUnits({ doubles, decimals: given }: Amounts): ScaledIntegers {
  const decimals = Array.from(doubles, (double, i) => given?.[i] ?? new Decimal(String(double)));
  const scale = decimals.reduce((max, d) => Math.max(max, d.decimalPlaces()), 0);
  const units = decimals.map((d) => unitsAtScale(d, scale));
  return { kind: "bigint", scale, units, keys: rankKeys(units) };
}

/**
 * Each value's rank among the distinct values (0 for the smallest), as sort keys that order and
 * tie exactly as the big integers do: one sort of the indexes (a `Map` from each distinct big
 * integer to its rank cost twice as much, hashing every value twice).
 */
function rankKeys(units: readonly bigint[]): Float64Array {
  const order = new Uint32Array(units.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const x = units[a] as bigint;
    const y = units[b] as bigint;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const keys = new Float64Array(units.length);
  let rank = -1;
  let previous: bigint | null = null;
  for (let p = 0; p < order.length; p++) {
    const index = order[p] as number;
    const value = units[index] as bigint;
    if (value !== previous) {
      rank++;
      previous = value;
    }
    keys[index] = rank;
  }
  return keys;
}

/**
 * A finite decimal × 10^scale as a big integer, read from decimal.js's words (no text): exact
 * when `scale` is at least the decimal's decimal places. The coefficient's exponent can lie below
 * −scale only by the trailing zeros of its last word, so that division is exact too.
 */
function unitsAtScale(amount: Decimal, scale: number): bigint {
  const fields = fieldsOf(amount);
  if ((fields.d as readonly number[])[0] === 0) return 0n;
  const { coefficient, exponent } = coefficientOf(fields);
  const shift = exponent + scale;
  const magnitude = shift >= 0 ? coefficient * bigPow10(shift) : coefficient / bigPow10(-shift);
  return fields.s < 0 ? -magnitude : magnitude;
}

/** Sort keys that order the amounts as their exact values do: integers in [0, 2^53). */
export function sortKeys(scaled: ScaledIntegers): Float64Array {
  return scaled.kind === "number" ? scaled.units : scaled.keys;
}

/**
 * A reader of the exact amounts as `Decimal`s: `read(index)`. Amounts that already are `Decimal`s
 * are returned as they are (immutable, so they can be shared); numbers are built from their unit
 * counts (an integer below 2^53 times 10^-scale is exact at 40 digits). Meant to be called once
 * per distinct amount: building a `Decimal` costs about a microsecond.
 */
export function amountReader(
  scaled: ScaledIntegers,
  { decimals }: Amounts,
): (index: number) => Decimal {
  const fromUnits = unitsToDecimal(scaled);
  return decimals === null ? fromUnits : (index) => decimals[index] ?? fromUnits(index);
}

function unitsToDecimal(scaled: ScaledIntegers): (index: number) => Decimal {
  // An integer at a known scale: built directly, 3–4× faster than parsing (~1 µs).
  const { units, scale } = scaled;
  return (index) => toDecimalScaled(units[index]!, scale);
}
