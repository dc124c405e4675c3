import { Decimal } from "../model/Decimal.js";

// Numbers for people: rounded half to even (exact, through Decimal), thousands separated by commas,
// and an en dash for a figure that is undefined (null).

/** What an undefined figure shows as. */
export const NO_VALUE = "–";

/**
 * A number or amount rounded to `decimals` places (half to even), with thousands separators;
 * `NO_VALUE` for `null`.
 *
 * @param fixed - keep trailing zeros (`12.50`, for money) instead of trimming them (`12.5`).
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * displayNumber(new Decimal("1234567.125"), 2, true); // "1,234,567.12"
 * displayNumber(120, 2); // "120"
 * displayNumber(null); // "–"
 * ```
 */
export function displayNumber(value: number | Decimal | null, decimals = 2, fixed = false): string {
  if (value === null) return NO_VALUE;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const rounded = new Decimal(typeof value === "number" ? String(value) : value).toDecimalPlaces(
    decimals,
  );
  const text = fixed ? rounded.toFixed(decimals) : rounded.toFixed();
  const [whole = "", fraction] = text.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign === "" ? whole : whole.slice(1);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * An amount of money: two decimals, always shown.
 *
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * displayMoney(new Decimal("98765.4")); // "98,765.40"
 * ```
 */
export function displayMoney(value: Decimal | null): string {
  return displayNumber(value, 2, true);
}

/**
 * A fraction as a percentage with one decimal.
 *
 * @example
 * ```ts
 * displayPercent(0.12345); // "12.3 %"
 * ```
 */
export function displayPercent(value: number | null): string {
  return value === null ? NO_VALUE : `${displayNumber(value * 100, 1, true)} %`;
}

/**
 * A count and its noun, in the singular for exactly one, thousands separated by commas.
 *
 * @param plural - the noun for any other count (default: the singular and an `s`).
 * @example
 * ```ts
 * displayCount(1, "day"); // "1 day"
 * displayCount(1096, "day"); // "1,096 days"
 * displayCount(2, "SKU record"); // "2 SKU records"
 * ```
 */
export function displayCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${displayNumber(count, 0)} ${count === 1 ? singular : plural}`;
}
