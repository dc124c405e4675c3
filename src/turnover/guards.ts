// Argument guards of the turnover calculators that src/model/assert.ts does not cover.
import { requireFinite } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import { decimalOfNumber } from "../model/decimalOfNumber.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { type MoneyInput, toDecimal } from "../model/money.js";

/**
 * Requires the argument object of a calculator (plain JavaScript callers can pass anything).
 * @throws InvKpiError `invalid_argument` when `args` is not an object.
 */
export function requireArgs<T>(args: T, fn: string, name = "arguments"): T {
  if (args === null || typeof args !== "object") {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: ${name} must be an object, got ${describeValue(args)}`,
      { path: name === "arguments" ? [] : [name] },
    );
  }
  return args;
}

/**
 * Requires an array argument.
 * @throws InvKpiError `invalid_argument` when `value` is not an array.
 */
export function requireArray<T>(value: readonly T[], fn: string, name: string): readonly T[] {
  if (!Array.isArray(value)) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: ${name} must be an array, got ${describeValue(value)}`,
      { path: [name] },
    );
  }
  return value;
}

/**
 * A quantity (units) as an exact decimal, so that sums and ratios of quantities such as 0.1 + 0.2
 * are exact and do not depend on the order of addition.
 * @throws InvKpiError `invalid_argument` when `value` is not a finite number.
 */
export function exactQuantity(value: number, fn: string, name: string): Decimal {
  return decimalOfNumber(requireFinite(value, fn, name));
}

/**
 * `toDecimal(value, where)`, without its copy when `value` already is a finite `Decimal` of invkpi's
 * own class (a replayed history's amounts): `toDecimal` would print it and parse the text back into
 * an equal `Decimal` (~2.7 µs). Decimals are immutable, so sharing the instance is safe. A negative
 * zero still takes the copy, which makes it a plain zero.
 * @throws InvKpiError `invalid_money` as `toDecimal`.
 */
export function exactMoney(value: MoneyInput, where: string): Decimal {
  return isOwnExactDecimal(value) ? value : toDecimal(value, where);
}

/**
 * Whether `value` is a finite `Decimal` of invkpi's own class, not a negative zero: one that
 * {@link exactMoney} returns as it is. Lets a caller build its error label only when needed.
 */
export function isOwnExactDecimal(value: unknown): value is Decimal {
  // The constructor, not `instanceof`: every decimal.js clone shares one prototype, and another
  // clone's instance computes at its own precision.
  return (
    typeof value === "object" &&
    value !== null &&
    value.constructor === Decimal &&
    (value as Decimal).isFinite() &&
    !((value as Decimal).isZero() && (value as Decimal).isNegative())
  );
}
