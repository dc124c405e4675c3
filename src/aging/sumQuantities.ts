import { Decimal } from "../model/Decimal.js";
import { decimalPlaces, MAX_QUANTITY_DECIMALS, pow10 } from "../model/exactDecimal.js";
import { sumDecimals } from "../model/sumDecimals.js";

/** Below this, sums of integers are exact in a double. */
const EXACT_INTEGERS = 2 ** 53;
/** Below this, a quantity scaled by a power of ten rounds to the exact integer (see `scaledSum`). */
const SCALED_LIMIT = 2 ** 51;
/** Most decimal places of a quantity (the ledger's limit). */
const MAX_PLACES = MAX_QUANTITY_DECIMALS;

/**
 * The exact sum of quantities, both as a number and as a decimal: `sumDecimals(quantities)` (each
 * number counts as the decimal it prints as, the sum is exact) and that sum rounded once to a double.
 *
 * Fast path: quantities of at most 9 decimal places and 15 significant digits are integers at a
 * common scale 10^k, and their sum is an exact integer S in a double as long as Σ |units| < 2^53;
 * S / 10^k is then one correctly rounded division, the double nearest to the exact sum. This gives
 * the same sum without creating a `Decimal` per quantity (a rollup adds six bucket quantities per
 * SKU); the decimal is made only when asked for. Otherwise the decimal sum. A sum of zeros is 0,
 * never −0, in both.
 *
 * @example
 * ```ts
 * sumQuantities([1, 2, 3]).value; // 6
 * sumQuantities([0.1, 0.2]).value; // 0.3 (not 0.30000000000000004)
 * sumQuantities([0.1, 0.2]).exact().toFixed(); // "0.3"
 * ```
 */
export function sumQuantities(quantities: readonly number[]): {
  /** The sum, rounded once to a double. */
  readonly value: number;
  /** The exact sum. */
  exact(): Decimal;
} {
  const scaled = scaledSum(quantities);
  if (scaled !== null) {
    const { units, scale } = scaled;
    return {
      value: scale === 0 ? units : units / pow10(scale),
      exact: () => new Decimal(`${units}e-${scale}`),
    };
  }
  const exact = sumDecimals(quantities);
  return { value: exact.toNumber(), exact: () => exact };
}

/**
 * The sum as `units × 10^-scale` with `units` an exact integer, or `null` when a quantity has more
 * than 9 decimals or 15 significant digits, or the sum could leave the exact integers.
 *
 * Why it is exact: a quantity q with k decimals (`decimalPlaces`) and |round(q × 10^k)| < 10^15 is
 * exactly that integer × 10^-k as a decimal (two decimals of at most 15 significant digits that
 * read as the same double are equal), and q × 10^scale, below 2^51, is within a quarter of its
 * integer, so `Math.round` finds it.
 */
function scaledSum(quantities: readonly number[]): { units: number; scale: number } | null {
  let scale = 0;
  for (let i = 0; i < quantities.length; i++) {
    const quantity = quantities[i]!;
    if (Number.isInteger(quantity)) continue;
    const places = decimalPlaces(quantity, MAX_PLACES);
    if (places < 0 || !(Math.abs(quantity) * pow10(places) < 1e15)) return null;
    if (places > scale) scale = places;
  }
  const factor = pow10(scale);
  let units = 0;
  let bound = 0;
  for (let i = 0; i < quantities.length; i++) {
    const scaled = Math.round(quantities[i]! * factor);
    bound += Math.abs(scaled);
    if (!(Math.abs(scaled) < SCALED_LIMIT) || !(bound < EXACT_INTEGERS)) return null;
    units += scaled;
  }
  return { units: units + 0, scale };
}
