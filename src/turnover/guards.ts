// Argument guards of the turnover calculators that src/model/assert.ts does not cover.
import { requireFinite } from "../model/assert.js";
import type { Decimal } from "../model/Decimal.js";
import { decimalOfNumber } from "../model/decimalOfNumber.js";
import { fieldPath } from "../model/fieldPath.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";

/**
 * Requires the argument object of a calculator (plain JavaScript callers can pass anything).
 * @throws InvKpiError `invalid_argument` when `args` is not an object.
 */
export function requireArgs<T>(args: T, fn: string, name = "arguments"): T {
  if (args === null || typeof args !== "object") {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: ${name} must be an object, got ${describeValue(args)}`,
      { path: name === "arguments" ? [] : fieldPath(name) },
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
      { path: fieldPath(name) },
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
