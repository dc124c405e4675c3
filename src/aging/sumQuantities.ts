import type { Decimal } from "../model/Decimal.js";
import { ExactSum } from "../model/ExactSum.js";

/**
 * The exact sum of quantities, both as a number and as a decimal: `sumDecimals(quantities)` (each
 * number counts as the decimal it prints as, the sum is exact) and that sum rounded once to a double.
 *
 * The sum is an `ExactSum`: an exact integer count of 10^-k units in a double while that is
 * exact, so no `Decimal` is made per quantity (a rollup adds six bucket quantities per SKU), and
 * the double is one correctly rounded division, the double nearest to the exact sum. The decimal
 * is made only when asked for. A sum of zeros is 0, never −0.
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
  const sum = new ExactSum();
  for (let i = 0; i < quantities.length; i++) sum.addNumber(quantities[i] as number);
  return { value: sum.toNumber(), exact: () => sum.value() };
}
