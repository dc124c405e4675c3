import { isBlankAt, plainNumberAt } from "./csvCellValue.js";
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
 */
export class CsvLedgerRow {
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
    row.quantity = quantityAt(text, bounds, col[3] as number);
    row.unitCost = optionalAt(text, bounds, col[4] as number);
    row.unitPrice = optionalAt(text, bounds, col[5] as number);
    row.location = this.optionalCode(text, bounds, col[6] as number);
    row.lot = this.optionalCode(text, bounds, col[7] as number);
    row.expiresOn = optionalAt(text, bounds, col[8] as number);
    const id = optionalAt(text, bounds, col[9] as number);
    row.id = id === undefined ? undefined : detached(id); // the row check keeps ids (duplicates)
    return row;
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

/** A plain decimal number, else the cell's text (which the row check then rejects with its value). */
function quantityAt(text: string, bounds: Int32Array, column: number): number | string {
  const from = bounds[2 * column] as number;
  const to = bounds[2 * column + 1] as number;
  const value = plainNumberAt(text, from, to);
  return Number.isNaN(value) ? text.slice(from, to) : value;
}

/** An optional cell: absent when the column is missing or the cell is blank. */
function optionalAt(text: string, bounds: Int32Array, column: number): string | undefined {
  if (column < 0) return undefined;
  const from = bounds[2 * column] as number;
  const to = bounds[2 * column + 1] as number;
  return isBlankAt(text, from, to) ? undefined : text.slice(from, to);
}
