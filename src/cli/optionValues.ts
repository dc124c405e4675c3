import { parseIsoDay } from "../model/day.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { usageError } from "./usageError.js";

// Turning the text of an option into a checked value. Every mistake is a usage error (exit 2) that
// names the option and shows what was given.

/**
 * A date option: a real calendar day written `YYYY-MM-DD`.
 *
 * @throws InvKpiError `usage` for anything else (`2025-02-30`, `1/5/2025`).
 * @example
 * ```ts
 * dateOption("2025-03-31", "--to"); // "2025-03-31"
 * ```
 */
export function dateOption(text: string, option: string): string {
  if (parseIsoDay(text) === null) {
    // Written right but no day of the calendar (2025-02-30, 2025-13-01): say that, not the form.
    const why = /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? "must be a real calendar day"
      : "must be a date written YYYY-MM-DD";
    throw usageError(`${option} ${why}, got '${text}'`, { option, value: text });
  }
  return text;
}

/**
 * A number option: plain decimal notation (`0.95`, `14`, `-3`), then the library's own argument
 * guard (`requireOpenUnitInterval`, `requireNonNegative`, ...) for its domain.
 *
 * @param check - a guard of `src/model/assert.ts`, called as `check(value, "invkpi", option)`.
 * @throws InvKpiError `usage` when the text is not a number or the guard refuses it.
 * @example
 * ```ts
 * import { requireOpenUnitInterval } from "../model/assert.js";
 * numberOption("0.975", "--service-level", requireOpenUnitInterval); // 0.975
 * ```
 */
export function numberOption(
  text: string,
  option: string,
  check: (value: unknown, fn: string, name: string) => number,
): number {
  // Blanks around the number are refused, not trimmed: `' 5'` is a quoting mistake to show.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) {
    throw usageError(`${option} must be a number, got '${text}'`, { option, value: text });
  }
  const value = Number(text);
  try {
    return check(value, "invkpi", option);
  } catch (error) {
    if (!(error instanceof InvKpiError)) throw error;
    throw usageError(error.message.replace(/^invkpi: /, ""), { option, value: text });
  }
}

/**
 * A whole-number option from `min` to `max` (counts, seeds, decimal places).
 *
 * @param max - the largest allowed; default 2^53 - 1.
 * @throws InvKpiError `usage` for a fraction, a sign, blanks, a number below `min` or above `max`.
 * @example
 * ```ts
 * integerOption("200", "--skus", 1); // 200
 * integerOption("6", "--quantity-decimals", 0, 9); // 6
 * ```
 */
export function integerOption(
  text: string,
  option: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw usageError(`${option} must be a whole number ${range}, got '${text}'`, {
      option,
      value: text,
    });
  }
  return value;
}

/**
 * An option with a fixed set of values.
 *
 * @throws InvKpiError `usage` for a value outside `allowed`.
 * @example
 * ```ts
 * choiceOption("csv", "--format", ["table", "csv"]); // "csv"
 * ```
 */
export function choiceOption<T extends string>(
  text: string,
  option: string,
  allowed: readonly T[],
): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw usageError(`${option} must be one of ${allowed.join(", ")}; got '${text}'`, {
      option,
      value: text,
      allowed,
    });
  }
  return text as T;
}
