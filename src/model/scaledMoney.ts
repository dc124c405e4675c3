import { Decimal } from "./Decimal.js";
import {
  EXACT_DIGITS,
  MAX_MONEY_DECIMALS,
  parseDecimalText,
  type ScaledDecimal,
  scaleNumber,
} from "./exactDecimal.js";
import type { LedgerIssueCode } from "./InvKpiError.js";
import { invalidMoneyReason, isDecimal, tryToDecimal } from "./money.js";

/**
 * An amount of money as the engine holds it: its exact scaled integer (`units / 10^decimals`), read
 * without creating a Decimal for a number or a string (rows number in the millions). `null` when
 * the value is not a finite decimal, or needs more than {@link MAX_MONEY_DECIMALS} decimal places
 * or 15 significant digits ({@link moneyProblem} says which); `undefined` when it is not a number,
 * a string or a Decimal at all.
 *
 * This is the precision rule of every amount read from untrusted rows: the ledger's `unitCost` and
 * `unitPrice` (`readMovementRow`), and a SKU master's `standardCost` (`readSkuInfo`: the one
 * amount of a SKU master that enters the replay's scaled integers).
 *
 * @example
 * ```ts
 * scaledMoney("12.50"); // { units: 125, decimals: 1 }
 * scaledMoney("0.0000000000001"); // null: 13 decimal places
 * scaledMoney("2.5\u00a0"); // null: only spaces and tabs may surround an amount's text
 * scaledMoney(true); // undefined
 * ```
 */
export function scaledMoney(value: unknown): ScaledDecimal | null | undefined {
  if (typeof value === "number") return scaleNumber(value, MAX_MONEY_DECIMALS);
  if (typeof value === "string") return parseDecimalText(value);
  if (isDecimal(value)) return value.isFinite() ? parseDecimalText(value.toFixed()) : null;
  return undefined;
}

/**
 * Why {@link scaledMoney} read no amount from a number, a string or a Decimal: `invalid_money` when
 * it is not a finite decimal at all (naming an invisible character its text holds, see
 * `invalidMoneyReason`), `money_precision` when it is one, but a too precise one. The message
 * names `field`.
 *
 * @example
 * ```ts
 * moneyProblem("12,5", "unitCost"); // ["invalid_money", "unitCost must be a finite decimal amount"]
 * moneyProblem("0.0000000000001", "standardCost")[0]; // "money_precision"
 * ```
 */
export function moneyProblem(
  value: unknown,
  field: string,
): readonly [code: LedgerIssueCode, message: string] {
  const decimal = tryToDecimal(value);
  if (decimal === null) return ["invalid_money", `${field} ${invalidMoneyReason(value)}`];
  return ["money_precision", precisionMessage(decimal, field)];
}

/** The most significant digits of an amount's scaled units (a double holds them exactly). */
const MAX_MONEY_DIGITS = EXACT_DIGITS;

/**
 * Which limit a finite decimal breaks, in words: its decimal places, its size (`1e300`: one
 * significant digit, but 301 digits before the point), or its digits in all.
 */
function precisionMessage(decimal: Decimal, field: string): string {
  const decimals = decimal.decimalPlaces();
  if (decimals > MAX_MONEY_DECIMALS) {
    return `${field} must have at most ${MAX_MONEY_DECIMALS} decimal places (it has ${decimals}): round it (10 / 3 as 3.333333, a share of a total in whole cents)`;
  }
  const whole = decimal.abs().floor();
  const wholeDigits = whole.isZero() ? 0 : whole.e + 1; // `e`: the exponent of its first digit
  if (wholeDigits > MAX_MONEY_DIGITS) {
    return `${field} must be below 10^${MAX_MONEY_DIGITS} (it has ${wholeDigits} digits before the point)`;
  }
  const digits = decimal.abs().times(new Decimal(10).pow(decimals)).toFixed().length;
  return `${field} must have at most ${MAX_MONEY_DIGITS} significant digits, counted to its last decimal place (it has ${digits}): round it (10 / 3 as 3.333333, a share of a total in whole cents)`;
}
