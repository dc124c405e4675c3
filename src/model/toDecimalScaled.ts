import { Decimal } from "./Decimal.js";
import { decimalOfFields, digitCount, WORD_BASE, WORD_DIGITS } from "./decimalFields.js";
import { POWERS_OF_TEN } from "./exactDecimal.js";

/** An exact integer amount: a safe-integer number, or a bigint. */
type IntegerAmount = number | bigint;

/**
 * The Decimal value of `units / 10^decimals`, exactly, for an integer `units` (a safe-integer
 * number or a bigint).
 *
 * A history holds about forty amounts per SKU, and `new Decimal(text)` costs 1–2 µs (validation,
 * parsing, re-rounding), which for 100 k SKUs is seconds. Our amounts are already exact integers
 * with a known scale, so this builds the instance directly: sign, exponent and base-10^7 words laid
 * out exactly as decimal.js's own parseDecimal lays them out (ported line by line below). A property
 * test checks the result against `new Decimal(text)` field by field, so a decimal.js upgrade that
 * changed the layout would fail the build, not the numbers.
 *
 * @example
 * ```ts
 * import { toDecimalScaled } from "invkpi";
 * toDecimalScaled(12345, 2).toFixed(); // "123.45"
 * ```
 */
export function toDecimalScaled(units: IntegerAmount, decimals: number): Decimal {
  if (units === 0 || units === 0n) return ZERO;
  if (typeof units === "bigint") {
    // Most big integers are small (a quotient, a scaled sum): those take the direct path below.
    const safe = units <= MAX_SAFE && units >= -MAX_SAFE;
    return safe
      ? toDecimalScaled(Number(units), decimals)
      : decimalFromText(units.toString(), decimals);
  }
  let magnitude = Math.abs(units);
  let scale = decimals;
  // Strip trailing zeros, four at a time first. `q × k === m` tests divisibility exactly (every
  // value is an integer below 2^53) and costs less than the floating-point `%`.
  for (
    let q = Math.floor(magnitude / 1e4);
    q * 1e4 === magnitude;
    q = Math.floor(magnitude / 1e4)
  ) {
    magnitude = q;
    scale -= 4;
  }
  for (let q = Math.floor(magnitude / 10); q * 10 === magnitude; q = Math.floor(magnitude / 10)) {
    magnitude = q;
    scale--;
  }
  return decimalOfFields(
    units < 0 ? -1 : 1,
    digitCount(magnitude) - 1 - scale,
    words(magnitude, scale),
  );
}

/**
 * decimal.js's base-1e7 words of `n × 10^-scale` (n a positive safe integer without trailing
 * zeros): the words are aligned on the decimal point, so n is first shifted left by p < 7 digits
 * to make `scale + p` a multiple of 7; the words of `n × 10^p`, most significant first, without
 * leading zero words, are decimal.js's `d`. Computed on three 7-digit limbs of n so every
 * intermediate stays below 2^53.
 */
function words(n: number, scale: number): number[] {
  const p = ((-scale % WORD_DIGITS) + WORD_DIGITS) % WORD_DIGITS;
  const shift = POWERS_OF_TEN[p] as number; // a table: `10 ** p` calls a general pow
  const rest = Math.floor(n / WORD_BASE);
  const low = (n - rest * WORD_BASE) * shift;
  const restHigh = Math.floor(rest / WORD_BASE);
  const lowCarry = Math.floor(low / WORD_BASE);
  const middle = (rest - restHigh * WORD_BASE) * shift + lowCarry;
  const middleCarry = Math.floor(middle / WORD_BASE);
  const top = restHigh * shift + middleCarry;
  const w3 = Math.floor(top / WORD_BASE);
  const w0 = low - lowCarry * WORD_BASE;
  const w1 = middle - middleCarry * WORD_BASE;
  const w2 = top - w3 * WORD_BASE;
  if (w3 > 0) return [w3, w2, w1, w0];
  if (w2 > 0) return [w2, w1, w0];
  if (w1 > 0) return [w1, w0];
  return [w0];
}

function decimalFromText(digitsOfUnits: string, decimals: number): Decimal {
  const negative = digitsOfUnits.startsWith("-");
  let digits = negative ? digitsOfUnits.slice(1) : digitsOfUnits;
  if (decimals > 0) {
    if (digits.length <= decimals) digits = "0".repeat(decimals - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
  }
  return new Decimal(negative ? `-${digits}` : digits);
}

const ZERO = new Decimal(0);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
