import { EXACT_DIGITS, MAX_QUANTITY_DECIMALS } from "./exactDecimal.js";

/**
 * Why a finite quantity is refused as `quantity_precision` (`decimalPlaces(quantity, 9) < 0`: no
 * count of at most {@link MAX_QUANTITY_DECIMALS} decimal places gives it back exactly as whole units
 * of that place). Most often it has more than 9 decimal places. But a number whose shortest form has
 * at most 9, and more than 15 significant digits, is refused too: `10000000.229690807` has 9, and
 * 17 digits, so its units of 10^-9 (about 10^16) are beyond what a double holds exactly (2^53).
 * Saying "at most 9 decimal places" of that one would mislead: the message names the digits.
 *
 * @param quantity - a finite number that `decimalPlaces(quantity, MAX_QUANTITY_DECIMALS)` refuses.
 * @example
 * ```ts
 * quantityPrecisionMessage(0.0000000001); // "quantity must have at most 9 decimal places"
 * quantityPrecisionMessage(10000000.229690807);
 * // "quantity must have at most 15 significant digits with its 9 decimal places (10000000.229690807 has 17): round it"
 * ```
 */
export function quantityPrecisionMessage(quantity: number): string {
  const shortest = String(Math.abs(quantity));
  const [mantissa = "", exponentText = "0"] = shortest.split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  const decimals = Math.max(0, fraction.length - Number(exponentText));
  if (decimals > MAX_QUANTITY_DECIMALS)
    return `quantity must have at most ${MAX_QUANTITY_DECIMALS} decimal places`;
  const digits = (whole + fraction).replace(/^0+/, "").length;
  return `quantity must have at most ${EXACT_DIGITS} significant digits with its ${decimals} decimal places (${shortest} has ${digits}): round it`;
}
