import { longDigitRunIn } from "./DigitRunWatch.js";
import { jsonNumberLiterals } from "./jsonNumberLiterals.js";
import { quantityTextProblem } from "./quantityTextProblem.js";
import { type CellProblem, INVALID_CELL, type RowSource, shownText } from "./RowSource.js";
import type { JsonRowText } from "./readTable.js";

/** The problems of a row without any: shared, so that a valid row allocates nothing. */
const NO_PROBLEMS: readonly CellProblem[] = Object.freeze([]);

/**
 * The {@link RowSource} of the NDJSON or JSON rows of one read, one row at a time: {@link next}
 * takes a row (`raw`, its keys renamed to field names; `json`: where its text is) and returns the
 * row to check: `raw` itself, or a copy with {@link INVALID_CELL} for a quantity whose literal a
 * double cannot hold (`1.00000000000000000000001`, read as 1: see `quantityTextProblem`). One
 * object serves every row, so that a valid row costs no allocation (a read of a million rows made
 * a million closures, arrays and results); its problems and literals are those of the last row,
 * and hold until the next. The literals are scanned only when needed: for a quantity, only when
 * the text has a run of more than 15 digits and points (a literal of at most 15 significant digits
 * always reads exactly); for an issue's value, only once the row has one.
 *
 * @example
 * ```ts
 * const json = '{"quantity": 1.00000000000000000000001}';
 * const source = new JsonRowSource((key) => key);
 * source.next(JSON.parse(json), { text: json, from: 0, to: json.length });
 * source.problems.map((p) => p.code); // ["quantity_precision"]
 * source.literal("quantity"); // "1.00000000000000000000001"
 * ```
 */
export class JsonRowSource implements RowSource {
  problems: readonly CellProblem[] = NO_PROBLEMS;
  private json: JsonRowText | undefined = undefined;
  /** The row's literals by field, once scanned. */
  private literals: Map<string, string> | null = null;

  /** @param fieldOf - the field a key matches (as the keys were renamed), or `undefined`. */
  constructor(private readonly fieldOf: (key: string) => string | undefined) {}

  /** Takes the next row; returns the row to check (see {@link JsonRowSource}). */
  next(raw: unknown, json: JsonRowText | undefined): unknown {
    this.json = json;
    this.literals = null;
    this.problems = NO_PROBLEMS;
    if (
      json === undefined ||
      typeof (raw as { quantity?: unknown } | null)?.quantity !== "number" ||
      !hasLongDigitRun(json)
    )
      return raw;
    const text = this.literal("quantity");
    const problem = text === undefined ? null : quantityTextProblem(text);
    if (problem === null || text === undefined) return raw;
    this.problems = [
      { field: "quantity", code: "quantity_precision", message: problem, value: shownText(text) },
    ];
    return { ...(raw as object), quantity: INVALID_CELL };
  }

  literal(field: string): string | undefined {
    if (this.json === undefined) return undefined;
    this.literals ??= fieldLiterals(this.json, this.fieldOf);
    return this.literals.get(field);
  }
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

/**
 * Whether `text[from, to)` has more than 15 digits and points in a row; `false` at once when the
 * reader found none around the row (`mayHaveLongDigitRun: false`).
 */
export function hasLongDigitRun(json: JsonRowText): boolean {
  return json.mayHaveLongDigitRun !== false && longDigitRunIn(json.text, json.from, json.to);
}
