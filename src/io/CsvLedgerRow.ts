import { EXACT_DIGITS } from "../model/exactDecimal.js";
import { invisibleCharacter } from "../model/invisibleCharacter.js";
import { isBlankAt, plainNumberAt } from "./csvCellValue.js";
import { quantityTextProblem } from "./quantityTextProblem.js";
import { type CellProblem, INVALID_CELL, type RowSource, shownText } from "./RowSource.js";
import { detached, TextInterner } from "./TextInterner.js";

/** A ledger row as the row check reads it; absent optional fields are `undefined`. */
export interface LedgerScratchRow {
  sku: string;
  date: string;
  type: string;
  quantity: number | string;
  unitCost: string | undefined;
  unitPrice: string | undefined;
  location: string | undefined;
  lot: string | undefined;
  expiresOn: string | undefined;
  id: string | undefined;
}

/**
 * Turns CSV records into ledger rows for the row check, fast: one scratch row is refilled for
 * every record (the check does not keep it), and cells are read in place where a string is not
 * needed: the movement type becomes one of five constant strings, a plain quantity is parsed from
 * its characters, and SKU, location and lot codes are interned (see {@link TextInterner}), so the
 * engine's own dictionary lookups meet the very same string for a code seen before.
 *
 * It is also the {@link RowSource} of the row it filled last: the problems only the text of a
 * number or amount cell shows (digits a double cannot hold, an invisible character), and the
 * quantity as written.
 */
export class CsvLedgerRow implements RowSource {
  readonly row: LedgerScratchRow = {
    sku: "",
    date: "",
    type: "",
    quantity: 0,
    unitCost: undefined,
    unitPrice: undefined,
    location: undefined,
    lot: undefined,
    expiresOn: undefined,
    id: undefined,
  };
  /** SKU, location and lot codes: the engine keeps them all in its dictionaries anyway. */
  private readonly codes = new TextInterner();
  /** The problems of the row filled last (usually none; the array is reused). */
  readonly problems: CellProblem[] = [];
  /** The text of the record filled last and where its quantity is, for {@link literal}. */
  private text = "";
  private quantityFrom = 0;
  private quantityTo = 0;

  /**
   * @param columnOf - the column of each ledger field, in `LEDGER_FIELDS` order (-1 when absent);
   *   the four required columns must exist.
   */
  constructor(private readonly columnOf: Int32Array) {}

  /** Fills {@link row} from a record whose cell `k` is `text[bounds[2k], bounds[2k + 1])`. */
  fill(text: string, bounds: Int32Array): LedgerScratchRow {
    const col = this.columnOf;
    const row = this.row;
    const sku = col[0] as number;
    row.sku = this.codes.intern(text, bounds[2 * sku] as number, bounds[2 * sku + 1] as number);
    const date = col[1] as number;
    // A date is only parsed, never kept: cutting it out is cheaper than interning it (measured).
    row.date = text.slice(bounds[2 * date], bounds[2 * date + 1]);
    row.type = typeAt(text, bounds, col[2] as number);
    this.problems.length = 0;
    this.text = text;
    row.quantity = this.quantityAt(text, bounds, col[3] as number);
    row.unitCost = this.amountAt(text, bounds, col[4] as number, "unitCost");
    row.unitPrice = this.amountAt(text, bounds, col[5] as number, "unitPrice");
    row.location = this.optionalCode(text, bounds, col[6] as number);
    row.lot = this.optionalCode(text, bounds, col[7] as number);
    row.expiresOn = optionalAt(text, bounds, col[8] as number);
    const id = optionalAt(text, bounds, col[9] as number);
    row.id = id === undefined ? undefined : detached(id); // the row check keeps ids (duplicates)
    return row;
  }

  /** The quantity as written, when the row check got it as a number. */
  literal(field: string): string | undefined {
    if (field !== "quantity" || typeof this.row.quantity !== "number") return undefined;
    return this.text.slice(this.quantityFrom, this.quantityTo);
  }

  /**
   * A plain decimal number, else the cell's text (which the row check then rejects with its
   * value); {@link INVALID_CELL} with a problem when its text shows what its value cannot: more
   * digits than a double holds, or an invisible character.
   */
  private quantityAt(text: string, bounds: Int32Array, column: number): number | string {
    const from = bounds[2 * column] as number;
    const to = bounds[2 * column + 1] as number;
    this.quantityFrom = from;
    this.quantityTo = to;
    const value = plainNumberAt(text, from, to);
    if (Number.isNaN(value)) {
      const invisible = invisibleCharacter(text, from, to);
      if (invisible === null) return text.slice(from, to);
      return this.problem(
        "quantity",
        "invalid_type",
        `quantity must be a plain decimal number, but holds ${invisible}, an invisible character (only spaces and tabs may surround a number)`,
        JSON.stringify(shownText(text.slice(from, to))),
      );
    }
    // Up to 15 characters, a number has at most 15 digits: the double holds it exactly.
    if (to - from <= EXACT_DIGITS) return value;
    const problem = quantityTextProblem(text.slice(from, to));
    if (problem === null) return value;
    // Shown as a number is: as written, without quotes.
    return this.problem("quantity", "quantity_precision", problem, shownText(text.slice(from, to)));
  }

  /** An optional amount's text; {@link INVALID_CELL} with a problem when it holds an invisible character. */
  private amountAt(
    text: string,
    bounds: Int32Array,
    column: number,
    field: string,
  ): string | undefined {
    const amount = optionalAt(text, bounds, column);
    if (amount === undefined) return undefined;
    const invisible = invisibleCharacter(amount, 0, amount.length);
    if (invisible === null) return amount;
    return this.problem(
      field,
      "invalid_money",
      `${field} must be a decimal amount, but holds ${invisible}, an invisible character (only spaces and tabs may surround an amount)`,
      JSON.stringify(shownText(amount)),
    );
  }

  /** Records a problem of the row (`value`: as the issue shows it) and gives {@link INVALID_CELL}. */
  private problem(
    field: string,
    code: CellProblem["code"],
    message: string,
    value: string,
  ): typeof INVALID_CELL {
    this.problems.push({ field, code, message, value });
    return INVALID_CELL;
  }

  private optionalCode(text: string, bounds: Int32Array, column: number): string | undefined {
    if (column < 0) return undefined;
    const from = bounds[2 * column] as number;
    const to = bounds[2 * column + 1] as number;
    return isBlankAt(text, from, to) ? undefined : this.codes.intern(text, from, to);
  }
}

/**
 * The movement type as one of five constant strings (engine-internalized, so the row check's
 * lookups by type are fast), or the cell's text when it is none of them.
 */
function typeAt(text: string, bounds: Int32Array, column: number): string {
  const type = text.slice(bounds[2 * column], bounds[2 * column + 1]);
  switch (type) {
    case "receipt":
      return "receipt";
    case "issue":
      return "issue";
    case "return":
      return "return";
    case "adjustment":
      return "adjustment";
    case "transfer":
      return "transfer";
    default:
      return type;
  }
}

/** An optional cell: absent when the column is missing or the cell is blank. */
function optionalAt(text: string, bounds: Int32Array, column: number): string | undefined {
  if (column < 0) return undefined;
  const from = bounds[2 * column] as number;
  const to = bounds[2 * column + 1] as number;
  return isBlankAt(text, from, to) ? undefined : text.slice(from, to);
}
