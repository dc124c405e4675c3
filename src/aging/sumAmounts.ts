import type { Decimal } from "../model/Decimal.js";
import { ExactSum } from "../model/ExactSum.js";

/**
 * `sumDecimals(amounts)` for an array of `Decimal`s, the same decimal to the last digit, by
 * `ExactSum`: zeros are skipped and the rest added in a double while that is exact. Most aging
 * buckets of most SKUs are empty, so a rollup skips most additions.
 *
 * @example
 * ```ts
 * sumAmounts([new Decimal("0.1"), new Decimal(0), new Decimal("0.2")]).toFixed(); // "0.3"
 * ```
 */
export function sumAmounts(amounts: readonly Decimal[]): Decimal {
  const total = new ExactSum();
  for (let i = 0; i < amounts.length; i++) total.addDecimal(amounts[i] as Decimal);
  return total.value();
}
