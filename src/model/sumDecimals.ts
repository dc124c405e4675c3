import { Decimal } from "./Decimal.js";

/**
 * The exact sum of any number of amounts (numbers count as the decimal they print as). A loop, not `Decimal.sum(...amounts)`: spreading a
 * large array into arguments overflows the call stack (at about 150 000 items).
 *
 * @example
 * ```ts
 * import { Decimal, sumDecimals } from "invkpi";
 * sumDecimals([new Decimal("0.1"), new Decimal("0.2")]).toFixed(); // "0.3"
 * ```
 */
export function sumDecimals(amounts: Iterable<Decimal | number>): Decimal {
  let total = new Decimal(0);
  for (const amount of amounts) total = total.plus(amount);
  return total;
}
