import { Decimal as DecimalJs } from "decimal.js";

/**
 * invkpi's private decimal.js constructor: 40 significant digits, round half to even.
 *
 * A clone, so invkpi never calls `Decimal.set` on the library that the caller also imports. Every
 * amount invkpi returns is an instance of this class, which is a decimal.js `Decimal`: use
 * `toFixed(2)` for output (`toString()` switches to exponent notation at 1e21).
 *
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * new Decimal("0.1").plus("0.2").toFixed(); // "0.3"
 * ```
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});

/** A decimal.js `Decimal` instance (from invkpi's clone or the caller's own decimal.js). */
export type Decimal = DecimalJs;
