/**
 * The closed set of error codes that invkpi throws. Tests and callers branch on `code`, never on the
 * message text.
 *
 * - `invalid_argument`: an argument has the wrong type or is not a finite number.
 * - `out_of_range`: an argument is a number outside the function's domain (a service level of 1.2).
 * - `invalid_option`: an option has an unknown variant or an impossible value.
 * - `invalid_date`: a date that is not a real calendar day in `YYYY-MM-DD` form or a valid `Date`.
 * - `invalid_period`: a period whose `to` is before its `from`.
 * - `invalid_money`: an amount that is not a finite decimal, or is negative where it must not be.
 * - `invalid_ledger`: one or more ledger rows are invalid; `issues` lists every problem.
 * - `negative_stock`: an issue took stock below zero under `negativeStock: 'error'`.
 * - `negative_value`: a classification measure is negative (ABC of net returns).
 * - `unsorted_input`: streaming input that is not in date order.
 * - `no_convergence`: a numeric solver did not converge (should never happen; reported, not hidden).
 * - `unknown_industry`: an industry identifier missing from the benchmark table.
 * - `io_error`: a file or stream could not be read or written.
 * - `usage`: a command-line mistake.
 */
export type InvKpiErrorCode =
  | "invalid_argument"
  | "out_of_range"
  | "invalid_option"
  | "invalid_date"
  | "invalid_period"
  | "invalid_money"
  | "invalid_ledger"
  | "negative_stock"
  | "negative_value"
  | "unsorted_input"
  | "no_convergence"
  | "unknown_industry"
  | "io_error"
  | "usage";

/** The code of one problem found in one ledger row. */
export type LedgerIssueCode =
  | "not_an_object"
  | "missing_field"
  | "invalid_type"
  | "empty_sku"
  | "empty_text"
  | "unknown_movement_type"
  | "invalid_quantity"
  | "zero_quantity"
  | "wrong_sign"
  | "quantity_precision"
  | "invalid_date"
  | "invalid_money"
  | "negative_money"
  | "money_precision"
  | "missing_cost"
  /** An opening balance whose `value` disagrees with its `quantity × unitCost`, both given. */
  | "inconsistent_value"
  | "duplicate_id"
  /**
   * A field name that is a near miss of a known one (`Location`, `expires_on`): names are matched
   * exactly in memory, so its value would go unread.
   */
  | "misspelt_field"
  | "parse_error";

/**
 * One problem in one input row: where it is (`row`, and `line` for files), which `field`, a machine
 * `code`, a plain-language `message`, and the offending value (truncated to 60 characters).
 */
export interface LedgerIssue {
  /** 0-based index of the row in the input; -1 for a problem with the whole file (empty, missing column). */
  readonly row: number;
  /** 1-based line number in the source file, when the rows came from a file. */
  readonly line?: number;
  /** The field at fault, or `''` for the row as a whole. */
  readonly field: string;
  readonly code: LedgerIssueCode;
  readonly message: string;
  /** The offending value, rendered as text and truncated. */
  readonly value?: string;
}

/** Options for {@link InvKpiError}. */
export interface InvKpiErrorOptions {
  /** Where in the input the problem is, e.g. `['serviceLevel']` or `['rows', 12, 'date']`. */
  readonly path?: readonly (string | number)[];
  /** Structured facts about the problem (the value received, the allowed range, ...). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Every row problem, for `invalid_ledger`. */
  readonly issues?: readonly LedgerIssue[];
}

/**
 * The one error type invkpi throws for bad input. Errors are data: `code` from a closed union,
 * `path` to the offending argument or field, `details` with the facts, and for ledgers every row
 * problem at once in `issues`. Messages start with the function name.
 *
 * @example
 * ```ts
 * import { InvKpiError } from "invkpi";
 * try {
 *   throw new InvKpiError("out_of_range", "safetyStock: serviceLevel must be in (0, 1), got 1.2", {
 *     path: ["serviceLevel"],
 *   });
 * } catch (e) {
 *   if (e instanceof InvKpiError && e.code === "out_of_range") console.log(e.path); // ["serviceLevel"]
 * }
 * ```
 */
export class InvKpiError extends Error {
  readonly code: InvKpiErrorCode;
  readonly path: readonly (string | number)[];
  readonly details: Readonly<Record<string, unknown>>;
  readonly issues: readonly LedgerIssue[];

  constructor(code: InvKpiErrorCode, message: string, options: InvKpiErrorOptions = {}) {
    super(message);
    this.name = "InvKpiError";
    this.code = code;
    this.path = options.path ?? [];
    this.details = options.details ?? {};
    this.issues = options.issues ?? [];
  }
}

/**
 * Renders any value as short text for an error message or an issue's `value`. Characters a
 * terminal would not show (format characters such as U+200B and U+FEFF, white space other than a
 * plain space, control characters) are escaped as `\u{200b}` (a control as `\x9b`), so that
 * `"receipt\u{200b}"` does not read as `"receipt"`. Never throws: a value that cannot be read (a
 * revoked Proxy, a throwing getter) is `[unreadable object]`, and a cycle is `"[Circular]"`.
 *
 * @example
 * ```ts
 * import { describeValue } from "./InvKpiError.js";
 * describeValue("receipt\u200B"); // '"receipt\\u{200b}"'
 * describeValue(Number.NaN); // "NaN"
 * ```
 */
export function describeValue(value: unknown, maxLength = 60): string {
  let text: string;
  try {
    text = valueText(value);
  } catch {
    text = "[unreadable object]";
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** The text of {@link describeValue}, whole; throws for a value that cannot be read. */
function valueText(value: unknown): string {
  if (typeof value === "string") return visible(JSON.stringify(value));
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value); // NaN and ±Infinity, which JSON prints as null
  if (typeof value === "function" || typeof value === "symbol") return String(typeof value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  return visible(JSON.stringify(value, withoutCycles()) ?? String(value));
}

/**
 * A JSON replacer that writes an object met again inside itself as `"[Circular]"` (JSON.stringify
 * would throw). It keeps the chain of objects from the root to the current one: a value seen
 * twice side by side is no cycle.
 */
function withoutCycles(): (this: unknown, key: string, value: unknown) => unknown {
  const chain: unknown[] = [];
  return function (this: unknown, _key: string, value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    // `this` is the object holding `value`: the chain is cut back to it.
    const holder = chain.lastIndexOf(this);
    chain.length = holder + 1;
    if (chain.includes(value)) return "[Circular]";
    chain.push(value);
    return value;
  };
}

/**
 * Characters a terminal does not show, or shows as a plain space: controls (JSON escapes those
 * below U+0020 already), format characters (U+200B, U+FEFF, U+00AD) and white space other than a
 * plain space (U+00A0, U+3000, U+2028).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|(?! )\p{Zs}/gu;

/**
 * `text` with each invisible character escaped as the terminal output of the readers and the
 * command line escapes it (`visibleControls`): a control as `\x9b`, any other as `\u{200b}`.
 */
function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.codePointAt(0) as number;
    return code < 0xa0 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
  });
}
