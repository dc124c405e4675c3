import { EXACT_DIGITS } from "../model/exactDecimal.js";
import { invisibleCharacter } from "../model/invisibleCharacter.js";
import { numberTextProblem } from "./quantityTextProblem.js";
import { type CellProblem, shownText } from "./RowSource.js";

/**
 * The problem that only the text of a CSV number or amount cell shows, by the rules of the ledger
 * reader's quantity and amount cells (`CsvLedgerRow`), for a field whose decimal places are not
 * limited (a SKU master's `leadTimeDays`, `onOrder`, `standardCost`, ...): a number whose digits a
 * double cannot hold (`quantity_precision`, see `numberTextProblem`: it would be read rounded), or
 * a number or amount that holds an invisible character (`1` and U+FEFF, a no-break space:
 * `invalid_type` for a number, `invalid_money` for an amount, naming the character), which the
 * row check would read past or report without naming it. `null` for any other cell: the row check
 * judges its value.
 *
 * @param cell - the cell's text.
 * @param value - the cell as `cellValue` read it: a number for a plain decimal number.
 * @example
 * ```ts
 * numberCellProblem("7\uFEFF", "7\uFEFF", "leadTimeDays", "number")?.code; // "invalid_type"
 * numberCellProblem("12345678901234567890", 12345678901234567000, "onOrder", "number")?.code; // "quantity_precision"
 * numberCellProblem("1.50", "1.50", "standardCost", "money"); // null
 * ```
 */
export function numberCellProblem(
  cell: string,
  value: string | number,
  field: string,
  kind: "number" | "money",
): CellProblem | null {
  if (typeof value === "number") {
    // Up to 15 characters, a number has at most 15 digits: the double holds it exactly.
    if (cell.length <= EXACT_DIGITS) return null;
    const message = numberTextProblem(cell, field);
    return message === null
      ? null
      : { field, code: "quantity_precision", message, value: shownText(cell) };
  }
  const invisible = invisibleCharacter(cell, 0, cell.length);
  if (invisible === null) return null;
  const [code, what, noun] =
    kind === "number"
      ? (["invalid_type", "a plain decimal number", "a number"] as const)
      : (["invalid_money", "a decimal amount", "an amount"] as const);
  return {
    field,
    code,
    message: `${field} must be ${what}, but holds ${invisible}, an invisible character (only spaces and tabs may surround ${noun})`,
    value: JSON.stringify(shownText(cell)),
  };
}
