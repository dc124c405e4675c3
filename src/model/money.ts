import * as z from "zod";
import { Decimal } from "./Decimal.js";
import { pathOfLabel } from "./fieldPath.js";
import { InvKpiError } from "./InvKpiError.js";
import { invisibleCharacter } from "./invisibleCharacter.js";

/**
 * An amount of money as accepted by invkpi: a `number` (meaning its shortest decimal form, so `0.1`
 * is exactly one tenth), a decimal `string` such as `"12.3456"`, or a decimal.js `Decimal`.
 */
export type MoneyInput = number | string | Decimal;

const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const SPACE = 32;
const TAB = 9;

/**
 * `text` without the ASCII spaces and tabs around it, the only white space an amount's text may
 * have, as in a CSV cell: `trim()` also took a no-break space, a line break or U+FEFF, which the
 * file readers refuse (`"2.5\u00a0"` is no amount there, so it is none anywhere).
 */
function withoutSpacesAndTabs(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isSpaceOrTab(text.charCodeAt(from))) from++;
  while (to > from && isSpaceOrTab(text.charCodeAt(to - 1))) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

/**
 * Whether `value` is a decimal.js instance from any copy or clone of decimal.js.
 *
 * @example
 * ```ts
 * import { Decimal, isDecimal } from "invkpi";
 * [isDecimal(new Decimal("1.5")), isDecimal("1.5"), isDecimal(1.5)]; // [true, false, false]
 * ```
 */
export function isDecimal(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}

/**
 * Converts a money input to an exact `Decimal`, or returns `null` when it is not a finite decimal.
 * A number is read through its shortest round-trip text (`String(0.1)` is `"0.1"`), so a number
 * literal means the decimal the user wrote. A text may have ASCII spaces and tabs around it, no
 * other white space or invisible character (see {@link invalidMoneyReason}).
 *
 * @example
 * ```ts
 * import { tryToDecimal } from "invkpi";
 * tryToDecimal(0.1)?.toFixed(); // "0.1"
 * tryToDecimal("12.3456")?.toFixed(); // "12.3456"
 * tryToDecimal("12,5"); // null: a decimal comma is not a decimal
 * tryToDecimal(" 2.5\t")?.toFixed(); // "2.5"
 * tryToDecimal("2.5\u00a0"); // null: a no-break space
 * tryToDecimal(Number.NaN); // null
 * ```
 */
export function tryToDecimal(value: unknown): Decimal | null {
  if (typeof value === "number") return Number.isFinite(value) ? new Decimal(String(value)) : null;
  if (typeof value === "string") {
    const text = withoutSpacesAndTabs(value);
    return text !== "" && DECIMAL_TEXT.test(text) ? new Decimal(text) : null;
  }
  // invkpi's own finite decimals (a replayed history's amounts) as they are: decimals are
  // immutable, and the copy would print and parse each one (~2.7 µs).
  if (isOwnExactDecimal(value)) return value;
  if (isDecimal(value)) return value.isFinite() ? new Decimal(value.toString()) : null;
  return null;
}

/**
 * Whether `value` is a finite `Decimal` of invkpi's own class, not a negative zero: one that
 * {@link tryToDecimal} returns as it is. Lets a caller build its error label only when needed.
 *
 * @example
 * ```ts
 * import { Decimal } from "invkpi";
 * isOwnExactDecimal(new Decimal("12.5")); // true
 * isOwnExactDecimal(new Decimal("-0")); // false
 * isOwnExactDecimal("12.5"); // false
 * ```
 */
export function isOwnExactDecimal(value: unknown): value is Decimal {
  // The constructor, not `instanceof`: every decimal.js clone shares one prototype, and another
  // clone's instance computes at its own precision. A negative zero takes the copy, which makes it
  // a plain zero.
  return (
    typeof value === "object" &&
    value !== null &&
    value.constructor === Decimal &&
    (value as Decimal).isFinite() &&
    !((value as Decimal).isZero() && (value as Decimal).isNegative())
  );
}

/**
 * Whether a value is a decimal amount below zero (`-0.00` is not); `false` for anything that is not
 * an amount at all, which other checks report.
 * @example
 * ```ts
 * isNegativeAmount("-2.50"); // true
 * isNegativeAmount("-0.00"); // false
 * ```
 */
export function isNegativeAmount(value: unknown): boolean {
  return tryToDecimal(value)?.lt(0) ?? false;
}

/**
 * Converts a money input to an exact `Decimal`.
 *
 * @param value - the amount.
 * @param where - `"fn: field"` context for the error message; the field part (after the first
 *   `": "`, in dotted form with `[i]` indices, e.g. `"months[2].cogs"`) is also the error's `path`
 *   (`["months", 2, "cogs"]`) unless `path` is given.
 * @param path - the error's path, when it is not the field named in `where`.
 * @throws InvKpiError `invalid_money` when the value is not a finite decimal (naming an invisible
 *   character that a text holds: see {@link invalidMoneyReason}).
 * @example
 * ```ts
 * import { toDecimal } from "invkpi";
 * toDecimal(0.1, "example").plus(toDecimal("0.2", "example")).toFixed(); // "0.3"
 * let path: unknown;
 * try {
 *   toDecimal("12,5", "example: costs[1].unitCost");
 * } catch (e) {
 *   path = (e as { path: unknown }).path;
 * }
 * path; // ["costs", 1, "unitCost"]
 * ```
 */
export function toDecimal(
  value: MoneyInput,
  where: string,
  path?: readonly (string | number)[],
): Decimal {
  const decimal = tryToDecimal(value);
  if (decimal === null) {
    // The path from the label only now: a valid amount (nearly every call) parses no label.
    throw new InvKpiError("invalid_money", `${where} ${invalidMoneyReason(value)}`, {
      path: path ?? pathOfLabel(where),
      details: { value: String(value) },
    });
  }
  return decimal;
}

/**
 * Why a value is no money input, after its field's name: `"must be a finite decimal amount"`, or,
 * for a text that holds white space other than an ASCII space or tab, or an invisible character
 * (a no-break space, U+FEFF), that character, named: such a text may read as an amount to the eye,
 * and the file readers name it alike.
 *
 * @example
 * ```ts
 * invalidMoneyReason("12,5"); // "must be a finite decimal amount"
 * invalidMoneyReason("2.5\u00a0"); // "must be a decimal amount, but holds U+00A0 (no-break space), an invisible character (only spaces and tabs may surround an amount)"
 * ```
 */
export function invalidMoneyReason(value: unknown): string {
  const invisible = typeof value === "string" ? invisibleCharacter(value, 0, value.length) : null;
  return invisible === null
    ? "must be a finite decimal amount"
    : `must be a decimal amount, but holds ${invisible}, an invisible character (only spaces and tabs may surround an amount)`;
}

/** The zod schema of a {@link MoneyInput}: a finite decimal as a number, a decimal string or a `Decimal`. */
export const MoneySchema = z.custom<MoneyInput>(
  (v) =>
    (typeof v === "number" || typeof v === "string" || isDecimal(v)) && tryToDecimal(v) !== null,
  { error: (issue) => invalidMoneyReason(issue.input) },
);
