// Exact decimals as scaled integers for the engine's hot path: an amount is `units / 10^decimals`
// with `units` an integer. Parsing here creates no Decimal objects (design rule 2).

/** Largest number of decimal places accepted for a quantity. */
export const MAX_QUANTITY_DECIMALS = 9;
/**
 * Quantities must stay below this in absolute value: beyond it even whole numbers are not exact in
 * a double. (The replay also checks each quantity at the ledger's decimal places.)
 */
export const MAX_QUANTITY = 1e15;

/** Largest number of decimal places accepted for a unit cost, a price or an amount. */
export const MAX_MONEY_DECIMALS = 12;

/**
 * The most significant digits every decimal keeps through a double (DBL_DIG): a decimal of at
 * most 15 significant digits is always the shortest form of the double read from it, and scaled
 * units of at most 15 digits are exact.
 */
export const EXACT_DIGITS = 15;

/** An exact decimal read from input: `units / 10^decimals`. */
export interface ScaledDecimal {
  readonly units: number;
  readonly decimals: number;
}

/**
 * 10^0 .. 10^22: every one is exactly representable as a double (10^22 is the largest power of
 * ten that is). Built by repeated multiplication, each product exact.
 */
export const POWERS_OF_TEN: readonly number[] = (() => {
  const powers: number[] = [];
  for (let i = 0, p = 1; i <= 22; i++, p *= 10) powers.push(p);
  return powers;
})();

/**
 * Below this, every integer is exact in a double, and so is every sum or product of integers that
 * stays below it.
 */
export const EXACT_INTEGER_LIMIT = 2 ** 53;

/**
 * Below this, a double scaled by a power of ten pins down a single decimal (see
 * {@link fitsAtScale}).
 */
export const SCALED_UNITS_LIMIT = 2 ** 51;

/**
 * Whether the double `amount` (≥ 0) is exactly `n × 10^-scale` for an integer `n < 2^51`, where the
 * decimal meant is the double's shortest decimal form; `scale` is 0..22.
 *
 * Why this is exact: with `amount × 10^scale < 2^51`, the doubles' spacing near `amount`, scaled
 * by 10^scale, is below 0.5, so at most one integer n has `n / 10^scale` rounding to `amount`, and
 * the rounding errors of `amount × 10^scale` stay below 0.5, so `Math.round` finds that n. The
 * round trip `n / 10^scale === amount` (one correctly rounded division of exact operands) then
 * proves that the decimal `n × 10^-scale` rounds to the double, and being the only one with at most
 * `scale` decimals, it is the double's shortest decimal form. That n is
 * `Math.round(amount × 10^scale)`.
 */
export function fitsAtScale(amount: number, scale: number): boolean {
  const power = POWERS_OF_TEN[scale] as number;
  const scaled = amount * power;
  return scaled < SCALED_UNITS_LIMIT && Math.round(scaled) / power === amount;
}

/**
 * The smallest scale in `from..maxScale` at which the double `magnitude` (> 0, finite) is exactly
 * `n × 10^-scale` for an integer `n < 2^51` (its shortest decimal form, by {@link fitsAtScale});
 * `-1` when there is none. `n` is then `Math.round(magnitude × 10^scale)`.
 */
export function shortestScale(magnitude: number, from: number, maxScale: number): number {
  for (let scale = from; scale <= maxScale; scale++) {
    if (fitsAtScale(magnitude, scale)) return scale;
    // The scaled magnitude only grows with the scale: once it is too large, no scale will do.
    if (!(magnitude * (POWERS_OF_TEN[scale] as number) < SCALED_UNITS_LIMIT)) return -1;
  }
  return -1;
}

/** 10^n for n in 0..22, exact in a double ({@link POWERS_OF_TEN}, range-checked). */
export function pow10(n: number): number {
  const p = POWERS_OF_TEN[n];
  if (p === undefined) throw new RangeError(`pow10: ${n} is outside 0..22`);
  return p;
}

const BIG_POWERS_OF_TEN: bigint[] = [1n];

/**
 * 10^n (n ≥ 0, an integer) as a big integer, cached: the same few powers come back for every SKU.
 *
 * @example
 * ```ts
 * bigPow10(20); // 100000000000000000000n
 * ```
 */
export function bigPow10(n: number): bigint {
  for (let k = BIG_POWERS_OF_TEN.length; k <= n; k++)
    BIG_POWERS_OF_TEN.push((BIG_POWERS_OF_TEN[k - 1] as bigint) * 10n);
  return BIG_POWERS_OF_TEN[n] as bigint;
}

/**
 * The number of decimal places of a finite double as the user wrote it (its shortest round-trip
 * form), or -1 when it has more than `max` (e.g. `0.1 + 0.2`, which prints as 0.30000000000000004).
 */
export function decimalPlaces(value: number, max: number): number {
  if (Number.isInteger(value)) return 0;
  for (let k = 1; k <= max; k++) {
    const p = POWERS_OF_TEN[k] as number;
    if (Math.round(value * p) / p === value) return k;
  }
  return -1;
}

/**
 * Parses decimal text (`"12.345"`, `"-0.5"`, `"1e3"`, `"+7"`) into an exact scaled integer, or `null`
 * when it is not a finite decimal or needs more than {@link MAX_MONEY_DECIMALS} places or 15
 * significant digits (beyond which a double cannot hold the units exactly).
 */
export function parseDecimalText(text: string): ScaledDecimal | null {
  return parsePlainDecimal(text) ?? parseAnyDecimal(text);
}

const ZERO_CODE = 48;
const DOT_CODE = 46;
const MINUS_CODE = 45;
const PLUS_CODE = 43;

/**
 * The fast path of {@link parseDecimalText}, a digit loop without regex or substrings, for the shape
 * nearly every amount has: an optional sign, at most 15 digits, an optional point, no exponent, no
 * surrounding spaces. Returns `undefined` for anything else (the general path decides), so both
 * paths give the same answer (a property test compares them).
 */
function parsePlainDecimal(text: string): ScaledDecimal | null | undefined {
  const length = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === MINUS_CODE || first === PLUS_CODE) {
    negative = first === MINUS_CODE;
    i = 1;
  }
  let units = 0;
  let digits = 0;
  let decimals = 0;
  let seenPoint = false;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT_CODE && !seenPoint) {
      seenPoint = true;
      continue;
    }
    const digit = code - ZERO_CODE;
    if (digit < 0 || digit > 9) return undefined;
    units = units * 10 + digit;
    digits++;
    if (seenPoint) decimals++;
  }
  if (digits === 0 || digits > 15) return undefined;
  if (units !== 0) {
    // Drop trailing zeros of the fraction: "12.50" has the same value as "12.5".
    while (decimals > 0 && units % 10 === 0) {
      units /= 10;
      decimals--;
    }
  }
  if (decimals > MAX_MONEY_DECIMALS) return null;
  return { units: negative && units !== 0 ? -units : units, decimals };
}

/**
 * The general path: exponents, spaces, long digit strings. Only ASCII spaces and tabs may surround
 * the text (`\s` took a no-break space or U+FEFF, which the file readers refuse).
 */
function parseAnyDecimal(text: string): ScaledDecimal | null {
  const match = /^[ \t]*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?[ \t]*$/.exec(text);
  if (match === null) return null;
  const [, sign = "", intPart = "", fracPart = "", expPart] = match;
  if (intPart === "" && fracPart === "") return null;
  let digitsText = (intPart + fracPart).replace(/^0+(?=\d)/, "");
  let decimals = fracPart.length - (expPart === undefined ? 0 : Number(expPart));
  // Drop trailing zeros of the fraction: "12.50" has the same value as "12.5".
  while (decimals > 0 && digitsText.length > 1 && digitsText.endsWith("0")) {
    digitsText = digitsText.slice(0, -1);
    decimals--;
  }
  if (decimals < 0) {
    digitsText += "0".repeat(-decimals);
    decimals = 0;
  }
  const significant = digitsText.replace(/^0+/, "");
  if (significant.length > 15 || decimals > MAX_MONEY_DECIMALS) return null;
  const units = Number(digitsText);
  return { units: sign === "-" && units !== 0 ? -units : units, decimals };
}

/** Reads a finite double as an exact scaled decimal (its shortest round-trip form), or `null`. */
export function scaleNumber(value: number, maxDecimals: number): ScaledDecimal | null {
  if (!Number.isFinite(value)) return null;
  const decimals = decimalPlaces(value, maxDecimals);
  if (decimals < 0) return null;
  const units = Math.round(value * (POWERS_OF_TEN[decimals] as number));
  return Number.isSafeInteger(units) ? { units, decimals } : parseDecimalText(String(value));
}
