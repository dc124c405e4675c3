import { Decimal } from "../../model/Decimal.js";

// Figures for people: rounded half to even, thousands separated by commas, an en dash for a figure
// that is undefined (null). The same conventions as the command line's table format.

/** What an undefined figure shows as. */
export const NO_FIGURE = "–";

/**
 * A number or an amount rounded to `decimals` places (half to even, exact through `Decimal`), with
 * thousands separators; {@link NO_FIGURE} for `null`.
 *
 * @param decimals - places after the point; default 2.
 * @param fixed - keep trailing zeros (`12.50`); default `false` (`12.5`).
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * formatNumber(1234567.125, 2); // "1,234,567.12"
 * formatNumber(new Decimal("9.5"), 0); // "10"
 * formatNumber(null); // "–"
 * ```
 */
export function formatNumber(value: number | Decimal | null, decimals = 2, fixed = false): string {
  if (value === null) return NO_FIGURE;
  if (typeof value === "number" && !Number.isFinite(value)) return NO_FIGURE;
  const rounded = new Decimal(typeof value === "number" ? String(value) : value).toDecimalPlaces(
    decimals,
  );
  return groupThousands(fixed ? rounded.toFixed(decimals) : rounded.toFixed());
}

/**
 * An amount of money with two decimals, always shown.
 *
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * formatMoney(new Decimal("98765.4")); // "98,765.40"
 * ```
 */
export function formatMoney(value: Decimal | null): string {
  return formatNumber(value, 2, true);
}

/**
 * A fraction of 1 as a percentage with `decimals` places (default 1).
 *
 * @example
 * ```ts
 * formatPercent(0.12345); // "12.3 %"
 * formatPercent(null); // "–"
 * ```
 */
export function formatPercent(share: number | null, decimals = 1): string {
  return share === null ? NO_FIGURE : `${formatNumber(share * 100, decimals, true)} %`;
}

const COMPACT_UNITS = [
  { size: 1e9, suffix: " bn" },
  { size: 1e6, suffix: " M" },
  { size: 1e3, suffix: " k" },
] as const;

/**
 * A short label for a chart axis: `1.25 M`, `350 k`, `12.5`, three significant digits at most.
 *
 * @example
 * ```ts
 * formatCompact(1_250_000); // "1.25 M"
 * formatCompact(350_000); // "350 k"
 * formatCompact(0); // "0"
 * ```
 */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return NO_FIGURE;
  const magnitude = Math.abs(value);
  for (const { size, suffix } of COMPACT_UNITS) {
    if (magnitude >= size) return `${Number((value / size).toPrecision(3))}${suffix}`;
  }
  return String(Number(value.toPrecision(3)));
}

function groupThousands(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign === "" ? whole : whole.slice(1);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * A count with its noun, singular for 1: `1 SKU`, `1,250 SKUs`.
 *
 * @param plural - default the singular + `s`.
 * @example
 * ```ts
 * formatCount(1, "SKU"); // "1 SKU"
 * formatCount(1250, "SKU"); // "1,250 SKUs"
 * ```
 */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? singular : plural}`;
}
