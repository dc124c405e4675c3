import type { Decimal } from "../model/Decimal.js";

/**
 * Average inventory at selling price: average units on hand × selling price per unit, the
 * denominator of a turnover on the `retail` basis (revenue / average inventory at retail).
 * `null` when no price is known. Exact (a `Decimal` product).
 *
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * averageRetailValue(new Decimal("12.5"), new Decimal("4.00"))?.toFixed(); // "50"
 * averageRetailValue(new Decimal("12.5"), null); // null
 * ```
 */
export function averageRetailValue(
  averageQuantity: Decimal,
  unitPrice: Decimal | null,
): Decimal | null {
  return unitPrice === null ? null : averageQuantity.times(unitPrice);
}
