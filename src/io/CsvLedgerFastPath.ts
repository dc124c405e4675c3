import { isUtf8 } from "node:buffer";
import { ABSENT, KIND, type LedgerColumnsBuilder, NO_DAY } from "../ledger/LedgerColumns.js";
import type { RowContext } from "../ledger/readMovementRow.js";
import { decimalPlaces, MAX_QUANTITY, MAX_QUANTITY_DECIMALS } from "../model/exactDecimal.js";
import { ByteDictionary } from "./ByteDictionary.js";
import { NOT_BLANK, scanAmount, scanDay, scanNumber, scanText, UNSURE } from "./byteCells.js";

// The ledger's fields, in `LEDGER_FIELDS` order (src/io/readLedger.ts): `columnOf` is indexed so.
const SKU = 0;
const DATE = 1;
const TYPE = 2;
const QUANTITY = 3;
const UNIT_COST = 4;
const UNIT_PRICE = 5;
const LOCATION = 6;
const LOT = 7;
const EXPIRES_ON = 8;
const ID = 9;
const FIELD_COUNT = 10;

/** A kind's bit in {@link POSITIVE_KINDS}: types whose quantity must be positive. */
const POSITIVE_KINDS = (1 << KIND.receipt) | (1 << KIND.issue) | (1 << KIND.return);

/**
 * The fast path of the CSV ledger reader, for a record that lies on one line without quotes (nearly
 * every record of a ledger): it reads the cells straight from the file's UTF-8 bytes (no decoding,
 * no string per cell, no scratch object) and appends the row to the columns when it can tell that
 * the row is valid.
 *
 * It is not a second row check. It accepts only rows of the plainest shape, whose every cell it can
 * read without doubt: a known SKU, location or lot (or a new one that is not blank), a
 * `YYYY-MM-DD` day, one of the five movement types spelled exactly, a plain quantity within the
 * limits and signed as its type requires, plain non-negative amounts, a receipt with a cost, a
 * transfer with a location, an id not seen before, valid UTF-8. For anything else, including every
 * row with a problem, {@link read} changes nothing and returns `false`, and the reader hands the
 * record to the general path (`readMovementRow`, the single source of the rules, which reports the
 * problems). A property test checks that both paths give the same columns and issues on random CSV.
 */
export class CsvLedgerFastPath {
  /** The ledger field of each column of the file, or -1 for a column that is ignored. */
  private readonly fieldOfColumn: Int8Array;
  private readonly delimiter: number;
  private readonly skus = new ByteDictionary();
  private readonly locations = new ByteDictionary();
  private readonly lots = new ByteDictionary();
  private readonly decoder = new TextDecoder("utf-8");
  /** What the scanner of a cell found (see the scanners of `byteCells.ts`). */
  private readonly cell = new Float64Array(3);

  /**
   * @param columnOf - the column of each ledger field in `LEDGER_FIELDS` order (-1 when absent).
   * @param columnCount - the number of columns of the header.
   * @param delimiter - the field delimiter.
   * @param builder - where valid rows go.
   * @param ctx - the row check's context (ids seen so far).
   */
  constructor(
    columnOf: Int32Array,
    columnCount: number,
    delimiter: string,
    private readonly builder: LedgerColumnsBuilder,
    private readonly ctx: RowContext,
  ) {
    this.fieldOfColumn = new Int8Array(columnCount).fill(-1);
    for (let field = 0; field < FIELD_COUNT; field++) {
      const column = columnOf[field] ?? -1;
      if (column >= 0) this.fieldOfColumn[column] = field;
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Reads the record `bytes[from, to)` (one line, no quotes, no CR, no line break) as data row
   * `row`. Returns `true` when the row was valid and appended; `false` when the general path must
   * read it (nothing was changed then).
   */
  read(bytes: Uint8Array, from: number, to: number, row: number): boolean {
    const fieldOfColumn = this.fieldOfColumn;
    const delimiter = this.delimiter;
    const cell = this.cell;
    let sku = -1;
    let skuHash = 0;
    let day = 0;
    let kind = -1;
    let quantity = 0;
    let costUnits = Number.NaN;
    let costDecimals = 0;
    let priceUnits = Number.NaN;
    let priceDecimals = 0;
    let location = ABSENT;
    let locationHash = 0;
    let lot = ABSENT;
    let lotHash = 0;
    let expires = NO_DAY;
    // Where new codes and an id are, to be added only once the row is known to be valid.
    let skuFrom = -1;
    let skuTo = -1;
    let locationFrom = -1;
    let locationTo = -1;
    let lotFrom = -1;
    let lotTo = -1;
    let idFrom = -1;
    let idTo = -1;
    let idHash = 0;
    let idAscii = true;
    let high = 0; // every byte OR-ed: bit 7 says the line has non-ASCII bytes

    let column = 0;
    let start = from;
    for (;;) {
      if (column === fieldOfColumn.length) return false; // more fields than the header
      let end: number;
      switch (fieldOfColumn[column]) {
        case SKU:
          end = scanText(bytes, start, to, delimiter, cell);
          if (cell[1] !== NOT_BLANK) return false;
          skuHash = cell[0] as number;
          high |= cell[2] as number;
          sku = this.skus.find(bytes, start, end, skuHash);
          if (sku < 0) {
            skuFrom = start;
            skuTo = end;
          }
          break;
        case DATE:
          end = scanDay(bytes, start, to, delimiter, cell);
          if (end < 0) return false;
          day = cell[0] as number;
          break;
        case TYPE:
          end = start;
          while (end < to && bytes[end] !== delimiter) end++;
          kind = kindAt(bytes, start, end);
          if (kind < 0) return false;
          break;
        case QUANTITY:
          end = scanNumber(bytes, start, to, delimiter, cell);
          if (end < 0) return false;
          quantity = cell[0] as number;
          if (quantity === 0 || Math.abs(quantity) >= MAX_QUANTITY) return false;
          break;
        case UNIT_COST:
          end = scanAmount(bytes, start, to, delimiter, cell);
          if (end < 0 || (cell[0] as number) < 0) return false;
          costUnits = cell[0] as number;
          costDecimals = cell[1] as number;
          break;
        case UNIT_PRICE:
          end = scanAmount(bytes, start, to, delimiter, cell);
          if (end < 0 || (cell[0] as number) < 0) return false;
          priceUnits = cell[0] as number;
          priceDecimals = cell[1] as number;
          break;
        case LOCATION:
          end = scanText(bytes, start, to, delimiter, cell);
          if (cell[1] === UNSURE) return false;
          if (cell[1] === NOT_BLANK) {
            locationHash = cell[0] as number;
            high |= cell[2] as number;
            location = this.locations.find(bytes, start, end, locationHash);
            if (location < 0) {
              locationFrom = start;
              locationTo = end;
            }
          }
          break;
        case LOT:
          end = scanText(bytes, start, to, delimiter, cell);
          if (cell[1] === UNSURE) return false;
          if (cell[1] === NOT_BLANK) {
            lotHash = cell[0] as number;
            high |= cell[2] as number;
            lot = this.lots.find(bytes, start, end, lotHash);
            if (lot < 0) {
              lotFrom = start;
              lotTo = end;
            }
          }
          break;
        case EXPIRES_ON:
          if (start === to || bytes[start] === delimiter)
            end = start; // absent
          else {
            end = scanDay(bytes, start, to, delimiter, cell);
            if (end < 0) return false;
            expires = cell[0] as number;
          }
          break;
        case ID:
          end = scanText(bytes, start, to, delimiter, cell);
          if (cell[1] === UNSURE) return false;
          high |= cell[2] as number;
          if (cell[1] === NOT_BLANK) {
            idFrom = start;
            idTo = end;
            idHash = cell[0] as number;
            idAscii = ((cell[2] as number) & 0x80) === 0;
          }
          break;
        default: // an ignored column: only its bytes matter (valid UTF-8)
          end = scanText(bytes, start, to, delimiter, cell);
          high |= cell[2] as number;
      }
      column++;
      if (end === to) break;
      start = end + 1;
    }
    if (column !== fieldOfColumn.length) return false; // fewer fields than the header
    if ((high & 0x80) !== 0 && !isUtf8(bytes.subarray(from, to))) return false;

    // The rules between fields: the type's sign, a receipt's cost, a transfer's location.
    if (quantity < 0 && ((1 << kind) & POSITIVE_KINDS) !== 0) return false;
    if (kind === KIND.receipt && Number.isNaN(costUnits)) return false;
    if (kind === KIND.transferOut) {
      if (location === ABSENT && locationFrom < 0) return false;
      if (quantity > 0) kind = KIND.transferIn;
    }
    const quantityDecimals = decimalPlaces(quantity, MAX_QUANTITY_DECIMALS);
    if (quantityDecimals < 0) return false;

    // New codes and the id: text now (rarely), checked as the row check does.
    const newSku = skuFrom < 0 ? null : this.newCode(bytes, skuFrom, skuTo);
    const newLocation = locationFrom < 0 ? null : this.newCode(bytes, locationFrom, locationTo);
    const newLot = lotFrom < 0 ? null : this.newCode(bytes, lotFrom, lotTo);
    if (newSku === "" || newLocation === "" || newLot === "") return false;
    // The id is claimed now: nothing below can fail. A duplicate goes to the row check, which
    // reports it. ASCII ids are claimed from their bytes, without making a string.
    if (idFrom >= 0 && this.claimId(bytes, idFrom, idTo, idHash, idAscii, row) >= 0) return false;

    // Valid: append it, exactly as readMovementRow does.
    const builder = this.builder;
    if (newSku !== null) {
      sku = builder.skuId(newSku);
      this.skus.add(bytes, skuFrom, skuTo, skuHash, sku);
    }
    if (newLocation !== null) {
      location = builder.locationId(newLocation);
      this.locations.add(bytes, locationFrom, locationTo, locationHash, location);
    }
    if (newLot !== null) {
      lot = builder.lotId(newLot);
      this.lots.add(bytes, lotFrom, lotTo, lotHash, lot);
    }
    const i = builder.next();
    builder.sku[i] = sku;
    builder.day[i] = day;
    builder.kind[i] = kind;
    builder.quantity[i] = quantity;
    if (quantityDecimals > builder.quantityDecimals) builder.quantityDecimals = quantityDecimals;
    builder.costUnits[i] = costUnits;
    builder.costDecimals[i] = costDecimals;
    builder.priceUnits[i] = priceUnits;
    builder.priceDecimals[i] = priceDecimals;
    const moneyDecimals = costDecimals > priceDecimals ? costDecimals : priceDecimals;
    if (moneyDecimals > builder.moneyDecimals) builder.moneyDecimals = moneyDecimals;
    builder.location[i] = location;
    builder.lot[i] = lot;
    builder.expires[i] = expires;
    builder.row[i] = row;
    return true;
  }

  /**
   * `ids.claim` of the id in `bytes[from, to)` (`hash`: its `hashBytes`, from the scan): the first
   * row that used it, or −1.
   */
  private claimId(
    bytes: Uint8Array,
    from: number,
    to: number,
    hash: number,
    ascii: boolean,
    row: number,
  ): number {
    const { ids } = this.ctx;
    if (ascii) return ids.claimAscii(bytes, from, to, row, hash);
    return ids.claim(this.decoder.decode(bytes.subarray(from, to)), row);
  }

  /** A code not seen before as text, or `""` when it is blank (the row check's test, `trim`). */
  private newCode(bytes: Uint8Array, from: number, to: number): string {
    const code = this.decoder.decode(bytes.subarray(from, to));
    return code.trim() === "" ? "" : code;
  }
}

/** The kind of a movement type spelled exactly (`receipt`, ...), or -1. */
function kindAt(bytes: Uint8Array, from: number, to: number): number {
  switch (to - from) {
    case 5:
      return matches(bytes, from, "issue") ? KIND.issue : -1;
    case 6:
      return matches(bytes, from, "return") ? KIND.return : -1;
    case 7:
      return matches(bytes, from, "receipt") ? KIND.receipt : -1;
    case 8:
      return matches(bytes, from, "transfer") ? KIND.transferOut : -1; // by sign later
    case 10:
      return matches(bytes, from, "adjustment") ? KIND.adjustment : -1;
    default:
      return -1;
  }
}

function matches(bytes: Uint8Array, from: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (bytes[from + k] !== word.charCodeAt(k)) return false;
  return true;
}
