import { requireNonNegative } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import { coefficientOf, fieldsOf } from "../model/decimalFields.js";
import { decimalOfNumber } from "../model/decimalOfNumber.js";
import { decimalToNumber } from "../model/decimalToNumber.js";
import { type DemandRateInput, demandRate } from "../model/demandRate.js";
import { bigPow10 } from "../model/exactDecimal.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import type { SkuHistory } from "../model/SkuHistory.js";
import { toDecimalScaled } from "../model/toDecimalScaled.js";

/**
 * What {@link excessStock} reads from a history: a full `SkuHistory` fits, and so does a plain
 * object with these fields.
 */
export type ExcessStockInput = Pick<
  SkuHistory,
  "sku" | "location" | "closingQuantity" | "closingValue"
>;

/**
 * Options of {@link excessStock}: the cover, and the expected demand (required, ≥ 0) as
 * `demandPerDay` (units per day, e.g. the period's mean daily demand) or as `demand` units over
 * `demandDays` days (exact: 80 units with 10 sold in 30 days exactly cover 240 days, no excess).
 */
export type ExcessStockOptions = {
  /** Days of demand the stock on hand should cover; stock beyond is excess. Default 180. */
  readonly coverDays?: number;
} & DemandRateInput;

/** Days of demand stock should cover, by default; stock beyond them is excess. */
export const DEFAULT_EXCESS_COVER_DAYS = 180;

/** The option names of {@link excessStock}. */
const OPTIONS = optionNames<ExcessStockOptions>()([
  "coverDays",
  "demandPerDay",
  "demand",
  "demandDays",
]);

/** The result of {@link excessStock}. */
export interface ExcessStock {
  readonly sku: string;
  readonly location?: string;
  /** Units on hand (the closing quantity). */
  readonly quantity: number;
  /** Value on hand (the closing value). */
  readonly value: Decimal;
  readonly coverDays: number;
  readonly demandPerDay: number;
  /** Units the cover needs: coverDays × demandPerDay (coverDays × demand / demandDays). */
  readonly coverQuantity: number;
  /** Units above the cover: max(0, quantity − coverQuantity). */
  readonly excessQuantity: number;
  /** The excess valued at the closing unit cost, rounded half-even to 6 decimals. */
  readonly excessValue: Decimal;
}

/** Decimal places of `excessValue`: the money scale of the layer values of a replay. */
const VALUE_SCALE = 6;

/** Zero, shared (decimals are immutable): no excess. */
const ZERO = new Decimal(0);

/**
 * The stock on hand above a number of days of demand, in units and in value.
 *
 * Definition: coverQuantity = coverDays × demandPerDay (= coverDays × demand / demandDays);
 * excessQuantity = max(0, closingQuantity −
 * coverQuantity); excessValue = closingValue × excessQuantity / closingQuantity, the excess at the
 * average closing unit cost, rounded half-even to 6 decimals (exactly, from the decimal inputs).
 * A SKU with stock and no demand is all excess, and then excessValue is the closing value itself,
 * unrounded. Nothing on hand (closingQuantity ≤ 0) means no excess. Quantities in the SKU's unit,
 * computed in exact decimals and returned as numbers; money in the ledger's currency.
 *
 * @param history - the replayed history of one SKU.
 * @param options - `demandPerDay` (units per day) or `demand` and `demandDays` (units over days),
 *   `coverDays` (default 180 days).
 * @throws InvKpiError `invalid_argument` (an option is not a finite number, neither demand form or
 *   both, options not an object), `out_of_range` (a demand or `coverDays` negative, `demandDays`
 *   not > 0), `invalid_option` (an unknown option name).
 * @example
 * ```ts
 * import { Decimal, excessStock } from "invkpi";
 * const history = { sku: "A-100", closingQuantity: 500, closingValue: new Decimal("2500.00") };
 * const e = excessStock(history, { coverDays: 90, demandPerDay: 2 });
 * e.coverQuantity; // 180
 * e.excessQuantity; // 320
 * e.excessValue.toFixed(2); // "1600.00"  = 2500 × 320 / 500
 * ```
 */
export function excessStock(history: ExcessStockInput, options: ExcessStockOptions): ExcessStock {
  requireOptionNames(options, OPTIONS, "excessStock");
  return excessStockWithoutNameCheck(history, options);
}

/**
 * {@link excessStock} without the check of its option names: for the report, which calls it once
 * per SKU with options of its own making.
 * @internal
 */
export function excessStockWithoutNameCheck(
  history: ExcessStockInput,
  options: ExcessStockOptions,
): ExcessStock {
  const fn = "excessStock";
  const rate = demandRate(options ?? {}, fn, true);
  const coverDays = requireNonNegative(
    options?.coverDays ?? DEFAULT_EXCESS_COVER_DAYS,
    fn,
    "coverDays",
  );
  // Everything in units × days (the demand's days D): cover × D = coverDays × demand, on hand × D,
  // excess × D. Products of exact decimals are exact, and each result is divided by D once, at
  // the end, so nothing is rounded before the final rounding of each figure.
  const days = new Decimal(rate.days);
  const onHandDays = decimalOfNumber(history.closingQuantity).times(days);
  const coverDaysUnits = decimalOfNumber(coverDays).times(rate.quantity);
  const excessDays = onHandDays.gt(coverDaysUnits) ? onHandDays.minus(coverDaysUnits) : ZERO;
  return {
    sku: history.sku,
    ...(history.location !== undefined && { location: history.location }),
    quantity: history.closingQuantity,
    value: history.closingValue,
    coverDays,
    demandPerDay: perDay(rate.quantity, rate.days),
    coverQuantity: perDay(coverDaysUnits, rate.days),
    excessQuantity: perDay(excessDays, rate.days),
    excessValue: valueOfExcess(history.closingValue, excessDays, onHandDays),
  };
}

/** `amount / days` as the nearest number (one rounding; no division at all over one day). */
function perDay(amount: Decimal, days: number): number {
  return days === 1 ? decimalToNumber(amount) : quotientToNumber(amount, new Decimal(days));
}

/**
 * closingValue × excess / onHand, from the excess and the stock on hand both times the demand's
 * days (the same ratio, with no quotient rounded before `divideHalfEven`).
 */
function valueOfExcess(closingValue: Decimal, excessDays: Decimal, onHandDays: Decimal): Decimal {
  if (excessDays.isZero()) return ZERO;
  if (excessDays.eq(onHandDays)) return new Decimal(closingValue);
  return divideHalfEven(new Decimal(closingValue).times(excessDays), onHandDays, VALUE_SCALE);
}

/** Largest exact coefficient of invkpi's `Decimal` plus one: 10^precision (10^40). */
const TEN_TO_PRECISION = bigPow10(Decimal.precision);

/**
 * The fast path of {@link divideHalfEven}: its general steps with big integers (~2 µs instead of
 * ~40 µs), or `null` when it cannot vouch for the same result. The general steps are exact as long
 * as every intermediate fits in 40 significant digits (the `Decimal` precision); this computes the
 * same steps exactly and gives up when one of them would not fit, or when an operand is not
 * positive. Exported for its tests.
 */
export function quickDivideHalfEven(
  numerator: Decimal,
  denominator: Decimal,
  places: number,
): Decimal | null {
  if (!numerator.isPositive() || !denominator.isPositive()) return null;
  if (numerator.isZero() || denominator.isZero() || !numerator.isFinite()) return null;
  if (!denominator.isFinite()) return null;
  const n = coefficientOf(fieldsOf(numerator));
  const d = coefficientOf(fieldsOf(denominator));
  // scaled = numerator × 10^places; both at the smaller of the two exponents.
  const scaledExponent = n.exponent + places;
  const common = Math.min(scaledExponent, d.exponent);
  const scaled = n.coefficient * bigPow10(scaledExponent - common);
  const divisor = d.coefficient * bigPow10(d.exponent - common);
  let quotient = scaled / divisor; // truncated, as divToInt
  const product = quotient * d.coefficient; // quotient × denominator, at the denominator's exponent
  const remainder = scaled - quotient * divisor;
  const twiceRemainder = remainder * 2n;
  if (
    quotient >= TEN_TO_PRECISION ||
    product >= TEN_TO_PRECISION ||
    twiceRemainder >= TEN_TO_PRECISION
  ) {
    return null;
  }
  if (twiceRemainder > divisor || (twiceRemainder === divisor && (quotient & 1n) === 1n)) {
    quotient += 1n;
    if (quotient >= TEN_TO_PRECISION) return null;
  }
  return toDecimalScaled(quotient, places);
}

/**
 * numerator / denominator rounded half-even to `places` decimals, exactly: from the integer quotient
 * and remainder, not from a quotient already rounded to 40 digits (which could round twice). The
 * fast path ({@link quickDivideHalfEven}) first; the general steps in `Decimal`s when it gives up.
 */
function divideHalfEven(numerator: Decimal, denominator: Decimal, places: number): Decimal {
  const quick = quickDivideHalfEven(numerator, denominator, places);
  if (quick !== null) return quick;
  const scaled = numerator.times(new Decimal(10).pow(places));
  let quotient = scaled.divToInt(denominator); // truncated toward zero
  const remainder = scaled.minus(quotient.times(denominator));
  const twiceRemainder = remainder.abs().times(2);
  const comparison = twiceRemainder.comparedTo(denominator.abs());
  const quotientIsOdd = !quotient.mod(2).isZero();
  if (comparison > 0 || (comparison === 0 && quotientIsOdd)) {
    const awayFromZero = scaled.isNegative() !== denominator.isNegative() ? -1 : 1;
    quotient = quotient.plus(awayFromZero);
  }
  return quotient.div(new Decimal(10).pow(places));
}
