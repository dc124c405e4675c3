import { Decimal } from "../model/Decimal.js";

/**
 * `sumDecimals(amounts)`, the same decimal to the last digit, adding only the amounts that are not
 * zero: x + 0 is x (every running sum already fits the precision), and a sum of zeros is 0. Most
 * aging buckets of most SKUs are empty, so a rollup skips most additions.
 *
 * @example
 * ```ts
 * sumAmounts([new Decimal("0.1"), new Decimal(0), new Decimal("0.2")]).toFixed(); // "0.3"
 * ```
 */
export function sumAmounts(amounts: readonly Decimal[]): Decimal {
  let total = new Decimal(0);
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i]!;
    if (!amount.isZero()) total = total.plus(amount);
  }
  return total;
}
