import { grown } from "../model/grown.js";

/**
 * Movement kinds in the order the engine applies them within one day. A transfer is split by its
 * sign: stock leaves a location (out) before it arrives at another (in), except by location for a
 * relay, whose transfer out waits for the units it forwards (`GeneralReplay.applyTransferDay`).
 */
export const KIND = {
  receipt: 0,
  return: 1,
  transferOut: 2,
  transferIn: 3,
  adjustment: 4,
  issue: 5,
} as const;

/** Number of kinds: the sort key of a movement is `day * KIND_COUNT + kind`. */
export const KIND_COUNT = 6;

/** Marks an absent day (expiry) or dictionary entry (location, lot) in a column. */
export const ABSENT = -1;
/** The most rows columns can hold (their row indexes are 32-bit integers). */
const MAX_ROWS = 2 ** 31 - 1;

/** Marks an absent expiry day: no real ledger reaches this day. */
export const NO_DAY = -2_147_483_648;

/**
 * A ledger in columnar form: one typed array per field plus dictionaries for the text fields. The
 * replay engine runs on this form; `toLedgerColumns` builds it from movement objects and fast
 * readers fill it directly without creating one object per row.
 *
 * Money is exact: an amount is `units / 10^decimals`, with `units` an integer held exactly in a
 * double (`NaN` where the row has no amount).
 */
export interface LedgerColumns {
  readonly length: number;
  /** SKU codes; `sku[i]` indexes this array. */
  readonly skus: readonly string[];
  readonly sku: Int32Array;
  /** Day numbers (days since 1970-01-01, UTC). */
  readonly day: Int32Array;
  /** Movement kind, see {@link KIND}. */
  readonly kind: Uint8Array;
  /** Quantity as given: positive for receipts, issues and returns; signed for adjustments and transfers. */
  readonly quantity: Float64Array;
  readonly costUnits: Float64Array;
  readonly costDecimals: Uint8Array;
  readonly priceUnits: Float64Array;
  readonly priceDecimals: Uint8Array;
  /** Location codes; `location[i]` indexes this array, or is {@link ABSENT}. */
  readonly locations: readonly string[];
  readonly location: Int32Array;
  /** Lot codes; `lot[i]` indexes this array, or is {@link ABSENT}. */
  readonly lots: readonly string[];
  readonly lot: Int32Array;
  /** Expiry day, or {@link NO_DAY}. */
  readonly expires: Int32Array;
  /** 0-based index of each movement in the source (row numbers for messages). */
  readonly row: Int32Array;
  /** Largest number of decimal places of any quantity. */
  readonly quantityDecimals: number;
  /** Largest number of decimal places of any unit cost or price. */
  readonly moneyDecimals: number;
}

/**
 * Columns without rows or codes: what a replay engine keeps in place of the ledger once every
 * movement is applied (its histories need only the dictionaries, which it copied).
 */
export const NO_ROWS: LedgerColumns = Object.freeze({
  length: 0,
  skus: Object.freeze([]),
  sku: new Int32Array(0),
  day: new Int32Array(0),
  kind: new Uint8Array(0),
  quantity: new Float64Array(0),
  costUnits: new Float64Array(0),
  costDecimals: new Uint8Array(0),
  priceUnits: new Float64Array(0),
  priceDecimals: new Uint8Array(0),
  locations: Object.freeze([]),
  location: new Int32Array(0),
  lots: Object.freeze([]),
  lot: new Int32Array(0),
  expires: new Int32Array(0),
  row: new Int32Array(0),
  quantityDecimals: 0,
  moneyDecimals: 0,
});

/** The typed array of one column of rows. */
type RowArray = Int32Array | Uint8Array | Float64Array;

/**
 * Grows typed-array columns row by row; `finish()` trims them into a {@link LedgerColumns}. For
 * readers of other sources (a database cursor, Arrow batches) that fill columns without one object
 * per row. The caller fills every column of each row it reserves, and keeps `moneyDecimals` and
 * `quantityDecimals` at the largest scale it wrote.
 *
 * @example
 * ```ts
 * import { ABSENT, KIND, LedgerColumnsBuilder, NO_DAY, replayLedger, toDay } from "invkpi";
 * const builder = new LedgerColumnsBuilder();
 * const i = builder.next();
 * builder.sku[i] = builder.skuId("A");
 * builder.day[i] = toDay("2025-01-02", "example");
 * builder.kind[i] = KIND.receipt;
 * builder.quantity[i] = 10;
 * builder.costUnits[i] = 250; // in units of 10^-costDecimals: 2.50
 * builder.costDecimals[i] = 2;
 * builder.priceUnits[i] = Number.NaN; // NaN: no price
 * builder.priceDecimals[i] = 0;
 * builder.location[i] = ABSENT;
 * builder.lot[i] = ABSENT;
 * builder.expires[i] = NO_DAY;
 * builder.row[i] = i;
 * builder.moneyDecimals = 2;
 * const columns = builder.finish();
 * const { histories } = replayLedger(columns, { period: { from: "2025-01-01", to: "2025-01-31" } });
 * histories[0]?.closingValue.toFixed(2); // "25.00"
 * ```
 */
export class LedgerColumnsBuilder {
  length = 0;
  private room: number;
  private readonly skuIndex = new Map<string, number>();
  private readonly locationIndex = new Map<string, number>();
  private readonly lotIndex = new Map<string, number>();
  readonly skus: string[] = [];
  readonly locations: string[] = [];
  readonly lots: string[] = [];
  // Assigned by `allocate`, which the constructor calls.
  sku!: Int32Array;
  day!: Int32Array;
  kind!: Uint8Array;
  quantity!: Float64Array;
  costUnits!: Float64Array;
  costDecimals!: Uint8Array;
  priceUnits!: Float64Array;
  priceDecimals!: Uint8Array;
  location!: Int32Array;
  lot!: Int32Array;
  expires!: Int32Array;
  row!: Int32Array;
  quantityDecimals = 0;
  moneyDecimals = 0;

  constructor(initialCapacity = 1024) {
    this.room = Math.max(16, initialCapacity);
    this.allocate(this.room);
  }

  /** Rows the arrays have room for. */
  get capacity(): number {
    return this.room;
  }

  /**
   * Frees the row arrays once every row has been taken (`length` is 0), keeping the dictionaries:
   * a streaming replay's histories still name their SKUs from them. Rows may be added again.
   */
  releaseRows(): void {
    if (this.length !== 0) throw new Error("LedgerColumnsBuilder: releaseRows with rows left");
    this.resize(16);
  }

  /** Empty row arrays of `n` rows. */
  private allocate(n: number): void {
    this.sku = new Int32Array(n);
    this.day = new Int32Array(n);
    this.kind = new Uint8Array(n);
    this.quantity = new Float64Array(n);
    this.costUnits = new Float64Array(n);
    this.costDecimals = new Uint8Array(n);
    this.priceUnits = new Float64Array(n);
    this.priceDecimals = new Uint8Array(n);
    this.location = new Int32Array(n);
    this.lot = new Int32Array(n);
    this.expires = new Int32Array(n);
    this.row = new Int32Array(n);
  }

  /** Dictionary index of a SKU code (exact comparison: no trimming, no case folding). */
  skuId(code: string): number {
    return intern(this.skuIndex, this.skus, code);
  }

  /** Dictionary index of a location, or {@link ABSENT}. */
  locationId(code: string | null | undefined): number {
    return code === null || code === undefined
      ? ABSENT
      : intern(this.locationIndex, this.locations, code);
  }

  /** Dictionary index of a lot, or {@link ABSENT}. */
  lotId(code: string | null | undefined): number {
    return code === null || code === undefined ? ABSENT : intern(this.lotIndex, this.lots, code);
  }

  /**
   * Makes room for `rows` rows in all, once, when a reader can tell how many will come (a file's
   * size over its bytes per row): growing by half from 64 Ki rows to 10 M copies every column
   * thirteen times, and at the last step holds the old and the new arrays together.
   */
  reserve(rows: number): void {
    if (!(rows >= 0 && rows <= MAX_ROWS)) {
      throw new RangeError(
        `LedgerColumnsBuilder.reserve: ${rows} is not a row count (0 to 2^31 − 1)`,
      );
    }
    if (rows <= this.room) return;
    this.resize(Math.ceil(rows));
  }

  /** Reserves the next row and returns its index; the caller fills every column at that index. */
  next(): number {
    if (this.length === this.room) this.grow();
    return this.length++;
  }

  private grow(): void {
    // By half, not double: `finish()` keeps the arrays it has (views, no copy), so spare room stays
    // allocated. Reading 10 M rows from 64 Ki, the arrays end at 12.8 M rows, not 16.8 M.
    this.resize(Math.ceil(this.room * 1.5));
  }

  /** Every row array copied into arrays of `n` rows (n ≥ length): the rows in use move over. */
  private resize(n: number): void {
    const rows = this.length;
    const old = this.rowArrays();
    this.allocate(n);
    const fresh = this.rowArrays();
    for (let k = 0; k < fresh.length; k++)
      grown((old[k] as RowArray).subarray(0, rows), fresh[k] as RowArray);
    this.room = n;
  }

  /** The row arrays, in one fixed order (for the loops that treat them all alike). */
  private rowArrays(): RowArray[] {
    return [
      this.sku,
      this.day,
      this.kind,
      this.quantity,
      this.costUnits,
      this.costDecimals,
      this.priceUnits,
      this.priceDecimals,
      this.location,
      this.lot,
      this.expires,
      this.row,
    ];
  }

  /**
   * The finished columns, trimmed to `length`. The builder must not be used afterwards.
   *
   * The columns are views of the builder's arrays, spare room included: growing by half leaves at
   * most half again as many rows of room, which is kept (no copy). More than that can only come
   * from a `reserve` that expected far more rows than came (a file whose first chunks hold
   * unusually short rows); such arrays are copied to the rows there are, once, so that the excess
   * does not stay allocated as long as the columns.
   */
  finish(): LedgerColumns {
    if (this.room > this.length * 1.5 + 1024) this.resize(this.length);
    return this.view(this.length);
  }

  /**
   * The first `n` rows as columns (views of the builder's arrays: valid until the builder next
   * changes). A streaming replay replays them, then calls {@link dropFront}.
   */
  view(n: number): LedgerColumns {
    return {
      length: n,
      skus: this.skus,
      sku: this.sku.subarray(0, n),
      day: this.day.subarray(0, n),
      kind: this.kind.subarray(0, n),
      quantity: this.quantity.subarray(0, n),
      costUnits: this.costUnits.subarray(0, n),
      costDecimals: this.costDecimals.subarray(0, n),
      priceUnits: this.priceUnits.subarray(0, n),
      priceDecimals: this.priceDecimals.subarray(0, n),
      locations: this.locations,
      location: this.location.subarray(0, n),
      lots: this.lots,
      lot: this.lot.subarray(0, n),
      expires: this.expires.subarray(0, n),
      row: this.row.subarray(0, n),
      quantityDecimals: this.quantityDecimals,
      moneyDecimals: this.moneyDecimals,
    };
  }

  /** Drops the first `n` rows (replayed by a stream), moving the rest to the front; the dictionaries stay. */
  dropFront(n: number): void {
    const end = this.length;
    for (const column of this.rowArrays()) column.copyWithin(0, n, end);
    this.length = end - n;
  }
}

/** The index of `code` in `list`, appended (and indexed) when new. */
export function intern(index: Map<string, number>, list: string[], code: string): number {
  let id = index.get(code);
  if (id === undefined) {
    id = list.length;
    list.push(code);
    index.set(code, id);
  }
  return id;
}
