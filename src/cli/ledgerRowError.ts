import { InvKpiError } from "../model/InvKpiError.js";

/** What {@link ledgerRowError} needs to name a ledger row as the command line does. */
export interface LedgerRowPlace {
  /** How messages name the ledger: the path, or `stdin`. */
  readonly file: string;
  /** The 1-based line of a 0-based data row (`ReadLedgerResult.lineOf`), `undefined` when unknown. */
  readonly lineOf: (row: number) => number | undefined;
  /** `--quantity-decimals`, when given. */
  readonly quantityDecimals: number | undefined;
}

/**
 * An error of the replay about one row of the ledger, in the words of the command line: the row's
 * `file:line` (the form `validate` lists problems in) instead of its 0-based row, and the option to
 * give (`--quantity-decimals`) instead of the library's option name. Such an error is one with code
 * `out_of_range` and a path `['ledger', row, field]`: a quantity, cost or price with more decimal
 * places than a streaming replay holds, or a quantity too large for the ledger's decimal places.
 * The result is a new `InvKpiError` with the same code, path and details (the library's error is
 * left as it is). So is streaming's refusal of a row out of date order (`unsorted_input`), whose
 * message already gives the line: it gets the file. Any other error is returned unchanged.
 *
 * @example
 * ```ts
 * import { InvKpiError } from "invkpi";
 * const error = new InvKpiError("out_of_range", "analyzeLedgerStream: row 2 has a quantity ...", {
 *   path: ["ledger", 2, "quantity"],
 *   details: { row: 2, field: "quantity", decimals: 0, option: "quantityDecimals" },
 * });
 * const place = { file: "ledger.csv", lineOf: (row: number) => row + 2, quantityDecimals: 0 };
 * (ledgerRowError(error, place) as InvKpiError).message;
 * // "ledger.csv:4: quantity: the quantity has more than 0 decimal places, the most that --quantity-decimals 0 allows"
 * ```
 */
export function ledgerRowError(error: unknown, place: LedgerRowPlace): unknown {
  if (error instanceof InvKpiError && error.code === "unsorted_input") {
    // Streaming refuses a row out of date order; its message already gives the line: add the file.
    return new InvKpiError(error.code, `${place.file}: ${withoutFunction(error.message)}`, {
      path: error.path,
      details: error.details,
    });
  }
  if (!(error instanceof InvKpiError) || error.code !== "out_of_range") return error;
  const [ledger, row, field] = error.path;
  if (ledger !== "ledger" || typeof row !== "number" || typeof field !== "string") return error;
  const line = place.lineOf(row);
  const where = line === undefined ? `${place.file}: row ${row + 1}` : `${place.file}:${line}`;
  return new InvKpiError(
    error.code,
    `${where}: ${field}: ${whatIsWrong(error.details, field, place) ?? withoutFunction(error.message)}`,
    { path: error.path, details: error.details },
  );
}

/** The CLI's message for the details of a row error it knows; `null` for another. */
function whatIsWrong(
  details: Readonly<Record<string, unknown>>,
  field: string,
  place: LedgerRowPlace,
): string | null {
  const { decimals, option, quantity } = details;
  if (typeof decimals !== "number") return null;
  if (option === "quantityDecimals" || option === "moneyDecimals") {
    const more = `the ${field} has more than ${decimals} decimal places`;
    if (option === "quantityDecimals" && place.quantityDecimals !== undefined) {
      return `${more}, the most that --quantity-decimals ${place.quantityDecimals} allows`;
    }
    const fixed = `the most that the rows before it had: --streaming fixes the decimal places on the first million rows`;
    return option === "quantityDecimals"
      ? `${more}, ${fixed}; give --quantity-decimals (the most any quantity has)`
      : `${more}, ${fixed}; analyze without --streaming`;
  }
  if (typeof quantity === "number") {
    const scale =
      place.quantityDecimals === undefined
        ? "the most that any quantity of the ledger has"
        : `--quantity-decimals ${place.quantityDecimals}`;
    return `the quantity ${quantity} cannot be held exactly with ${decimals} decimal places (${scale}): a quantity times 10^${decimals} must lie within ±2^53`;
  }
  return null;
}

/** A library message without its leading `functionName: `. */
function withoutFunction(message: string): string {
  return message.replace(/^\w+: /, "");
}
