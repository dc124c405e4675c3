import { jsonNumberLiterals } from "./jsonNumberLiterals.js";
import { quantityTextProblem } from "./quantityTextProblem.js";
import { type CellProblem, INVALID_CELL, type RowSource, shownText } from "./RowSource.js";
import type { JsonRowText } from "./readTable.js";

/** The most characters of digits and points a number of at most 15 significant digits can show. */
const SHORT_NUMBER_RUN = 15;

/**
 * The {@link RowSource} of an NDJSON or JSON row (`raw`, its keys renamed to field names; `json`:
 * where its text is), and the row to check: `raw` itself, or a copy with {@link INVALID_CELL} for a
 * quantity whose literal a double cannot hold (`1.00000000000000000000001`, read as 1: see
 * `quantityTextProblem`). The literals are scanned only when needed: for a quantity, only when the
 * text has a run of more than 15 digits and points (a literal of at most 15 significant digits
 * always reads exactly); for an issue's value, only once the row has one.
 *
 * @param fieldOf - the field a key matches (as the keys were renamed), or `undefined`.
 */
export function jsonRowSource(
  raw: unknown,
  json: JsonRowText | undefined,
  fieldOf: (key: string) => string | undefined,
): RowSource & { readonly row: unknown } {
  let literals: Map<string, string> | null = null;
  const literal = (field: string): string | undefined => {
    if (json === undefined) return undefined;
    if (literals === null) literals = fieldLiterals(json, fieldOf);
    return literals.get(field);
  };
  const problems: CellProblem[] = [];
  let row = raw;
  if (
    json !== undefined &&
    typeof (raw as { quantity?: unknown } | null)?.quantity === "number" &&
    hasLongDigitRun(json)
  ) {
    const text = literal("quantity");
    const problem = text === undefined ? null : quantityTextProblem(text);
    if (problem !== null && text !== undefined) {
      problems.push({
        field: "quantity",
        code: "quantity_precision",
        message: problem,
        value: shownText(text),
      });
      row = { ...(raw as object), quantity: INVALID_CELL };
    }
  }
  return { row, problems, literal };
}

/** The number literals of the row's members, by field (the first key of a field, as renamed). */
function fieldLiterals(
  json: JsonRowText,
  fieldOf: (key: string) => string | undefined,
): Map<string, string> {
  const byField = new Map<string, string>();
  for (const [key, literal] of jsonNumberLiterals(json.text, json.from)) {
    const field = fieldOf(key);
    if (field !== undefined && !byField.has(field)) byField.set(field, literal);
  }
  return byField;
}

/** Whether `text[from, to)` has more than 15 digits and points in a row. */
export function hasLongDigitRun({ text, from, to }: JsonRowText): boolean {
  let run = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 46) {
      if (++run > SHORT_NUMBER_RUN) return true;
    } else run = 0;
  }
  return false;
}
