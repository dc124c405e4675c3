import type { Decimal } from "./Decimal.js";
import { ExactSum } from "./ExactSum.js";

/**
 * The exact sum of any number of amounts (numbers count as the decimal they print as): the same
 * decimal as adding them one by one with `Decimal.plus`, computed by `ExactSum` (in a double while
 * that is exact, so mostly without a `Decimal` per addition). A loop, not `Decimal.sum(...amounts)`: spreading a
 * large array into arguments overflows the call stack (at about 150 000 items).
 *
 * @example
 * ```ts
 * import { Decimal, sumDecimals } from "invkpi";
 * sumDecimals([new Decimal("0.1"), new Decimal("0.2")]).toFixed(); // "0.3"
 * ```
 */
export function sumDecimals(amounts: Iterable<Decimal | number>): Decimal {
  const total = new ExactSum();
  for (const amount of amounts) total.add(amount);
  return total.value();
}
