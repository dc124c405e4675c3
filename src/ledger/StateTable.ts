import { grown } from "../model/grown.js";
import { NO_LAYER } from "./LayerPool.js";
import type { RawDemandSums } from "./RawHistory.js";
import type { BucketSums } from "./SkuState.js";

// The layout of one state's row in {@link StateTable}: the slot of each figure. Figures that every
// issue touches come first, so that an issue reads and writes a few cache lines of one row.
// A wide sum takes two slots (hi, lo: see `addWide`); a demand bucket takes BUCKET_SIZE slots.

/** Units on hand (scaled). */
export const QTY = 0;
/** Stock value (value units). */
export const VALUE = 1;
/** First day whose end-of-day balance is not booked yet. */
export const BALANCE_SINCE = 2;
/** Last day of the open month. */
export const MONTH_END = 3;
/** The open month (month index). */
export const MONTH = 4;
/** 1 once the period's opening snapshot is taken. */
export const STARTED = 5;
/** Oldest open layer (a LayerPool slot), or NO_LAYER. */
export const LAYER_HEAD = 6;
/** Newest open layer, or NO_LAYER. */
export const LAYER_TAIL = 7;
/** Unit cost of the last layer consumed or received (NaN: none). */
export const LAST_FIFO_COST = 8;
/** Σ end-of-day quantity. */
export const TW_QTY = 9;
/** Σ end-of-day value (wide: two slots). */
export const TW_VALUE = 10;
/** Smallest end-of-day quantity. */
export const MIN_QTY = 12;
/** Largest end-of-day quantity. */
export const MAX_QTY = 13;
/** Day of the last movement. */
export const LAST_MOVEMENT = 14;
/** Day of the last issue. */
export const LAST_ISSUE = 15;
/** Value of the last issue. */
export const LAST_ISSUE_VALUE = 16;
/** Quantity of the last issue. */
export const LAST_ISSUE_QTY = 17;
/** Unit price of the last priced issue (NaN: none). */
export const LAST_ISSUE_PRICE = 18;
/** Stock value when stock was last positive. */
export const LAST_COST_VALUE = 19;
/** Stock quantity when stock was last positive. */
export const LAST_COST_QTY = 20;
/** Units issued in the period. */
export const ISSUED_QTY = 21;
/** Value issued (wide). */
export const ISSUED_VALUE = 22;
/** Issue lines in the period. */
export const ISSUE_COUNT = 24;
/** Cost of goods sold (wide). */
export const COGS = 25;
/** Revenue (wide). */
export const REVENUE = 27;
/** Issues and returns without a known price. */
export const ISSUES_WITHOUT_PRICE = 29;
/** Day of the first issue or return in the period. */
export const FIRST_DEMAND = 30;
/** Demand sums per day (BUCKET_SIZE slots, see bucketAdd). */
export const DEMAND_DAY = 31;
/** Demand sums per ISO week. */
export const DEMAND_WEEK = 41;
/** Demand sums per month. */
export const DEMAND_MONTH = 51;
/** The SKU's standard cost (NaN: none). */
export const STANDARD_COST = 61;
/** Units received in the period. */
export const RECEIVED_QTY = 62;
/** Value received (wide). */
export const RECEIVED_VALUE = 63;
/** First day stock entered: any inflow (receipt, return, positive adjustment, transfer in) or the opening layer. */
export const FIRST_RECEIPT = 65;
/** Day of the last receipt. */
export const LAST_RECEIPT = 66;
/** Quantity at the period start. */
export const OPENING_QTY = 67;
/** Value at the period start. */
export const OPENING_VALUE = 68;
/** Units returned by customers. */
export const RETURNED_QTY = 69;
/** Value returned (wide). */
export const RETURNED_VALUE = 70;
/** Net adjusted units. */
export const ADJUSTED_QTY = 72;
/** Net adjusted value (wide). */
export const ADJUSTED_VALUE = 73;
/** Units lost by negative adjustments. */
export const SHRINKAGE_QTY = 75;
/** Value lost (wide). */
export const SHRINKAGE_VALUE = 76;
/** Units transferred in. */
export const TRANSFER_IN_QTY = 78;
/** Units transferred out. */
export const TRANSFER_OUT_QTY = 79;
/** Net transferred value (wide). */
export const TRANSFER_VALUE = 80;
/** SKU index. */
export const SKU = 82;
/** Location index, or -1. */
export const LOCATION = 83;
// By location only, for a hand-over (`SkuState.lastIssueRow`).
/** Source row of the last issue (−1: none). */
export const LAST_ISSUE_ROW = 84;
/** Source row of the last priced issue (−1: none). */
export const LAST_PRICE_ROW = 85;

/** Slots per state: the figures above, padded to whole 64-byte cache lines. */
export const STRIDE = 88;

// The layout of one month's row in `StateTable.monthFigures`, kept only when the replay keeps
// per-month figures (`months: true`): the general engine's `RawMonth`, in the same units.

/** Units on hand when the month (or the period) opened. */
export const M_OPENING_QTY = 0;
/** Stock value when the month opened. */
export const M_OPENING_VALUE = 1;
/** Units on hand when the month (or the period) closed. */
export const M_CLOSING_QTY = 2;
/** Stock value when the month closed. */
export const M_CLOSING_VALUE = 3;
/** Σ end-of-day quantity of the month's days. */
export const M_TW_QTY = 4;
/** Σ end-of-day value (wide: two slots). */
export const M_TW_VALUE = 5;
/** Units received. */
export const M_RECEIVED_QTY = 7;
/** Value received (wide). */
export const M_RECEIVED_VALUE = 8;
/** Units issued. */
export const M_ISSUED_QTY = 10;
/** Units returned by customers. */
export const M_RETURNED_QTY = 11;
/** Units transferred in. */
export const M_TRANSFER_IN_QTY = 12;
/** Units transferred out. */
export const M_TRANSFER_OUT_QTY = 13;
/** Cost of goods sold (wide). */
export const M_COGS = 14;
/** Revenue (wide). */
export const M_REVENUE = 16;
/** Issues and returns without a known price. */
export const M_ISSUES_WITHOUT_PRICE = 18;
/** Slots per month row. */
export const MONTH_STRIDE = 19;

/** Slot offsets inside a demand bucket (see {@link bucketAdd}). */
const KEY = 0;
const CURRENT = 1;
const SUM = 2;
const SQUARES = 3;
const MAX = 4;
const NON_ZERO = 5;
const FIRST = 6;
const LAST = 7;
const MIDDLE_SUM = 8;
const MIDDLE_SQUARES = 9;

/** Every slot's value before the first movement (NaN: unknown; ±Infinity: no day yet); 0 elsewhere. */
const initial = new Float64Array(STRIDE);
initial[LAYER_HEAD] = NO_LAYER;
initial[LAYER_TAIL] = NO_LAYER;
initial[LAST_FIFO_COST] = Number.NaN;
initial[MIN_QTY] = Number.POSITIVE_INFINITY;
initial[MAX_QTY] = Number.NEGATIVE_INFINITY;
initial[LAST_MOVEMENT] = Number.NEGATIVE_INFINITY;
initial[LAST_ISSUE] = Number.NEGATIVE_INFINITY;
initial[LAST_ISSUE_PRICE] = Number.NaN;
initial[LAST_ISSUE_ROW] = -1;
initial[LAST_PRICE_ROW] = -1;
initial[FIRST_DEMAND] = Number.POSITIVE_INFINITY;
// No bucket is open yet: its key is NaN, so the first demand opens one.
initial[DEMAND_DAY + KEY] = Number.NaN;
initial[DEMAND_WEEK + KEY] = Number.NaN;
initial[DEMAND_MONTH + KEY] = Number.NaN;
// No bucket is closed yet (see bucketFlush): NaN until the first and the second one close.
for (const at of [DEMAND_DAY, DEMAND_WEEK, DEMAND_MONTH]) {
  initial[at + FIRST] = Number.NaN;
  initial[at + LAST] = Number.NaN;
}
initial[STANDARD_COST] = Number.NaN;
initial[FIRST_RECEIPT] = Number.POSITIVE_INFINITY;
initial[LAST_RECEIPT] = Number.NEGATIVE_INFINITY;

/**
 * The running state of every SKU (or SKU and location) of a fast replay: one row of
 * {@link STRIDE} doubles per state in one Float64Array, a state being known by its row's offset
 * (`s`), a figure by its slot (`f[s + QTY]`). The same figures as the general engine's `SkuState`
 * objects, without an object, or a boxed number, per SKU; and since a SKU's figures sit side by
 * side, a movement touches a few cache lines instead of one per figure. Grows by doubling.
 */
export class StateTable {
  f: Float64Array;
  /** Number of states. */
  count = 0;
  private capacity: number;
  /** Balance at each month end of the period: `[state number × monthEnds + k]`. */
  monthEndQty: Float64Array;
  monthEndValue: Float64Array;
  /**
   * The figures of each month of the period, a row of {@link MONTH_STRIDE} slots per state and
   * month (`monthAt`); empty when the replay keeps no per-month figures (`months` is 0).
   */
  monthFigures: Float64Array;

  /**
   * @param monthEnds - month ends inside the period (a balance for each).
   * @param months - months of the period whose figures to keep per state (0: none).
   */
  constructor(
    capacity: number,
    private readonly monthEnds: number,
    private readonly months = 0,
  ) {
    this.capacity = capacity;
    this.f = new Float64Array(capacity * STRIDE);
    this.monthEndQty = new Float64Array(capacity * monthEnds);
    this.monthEndValue = new Float64Array(capacity * monthEnds);
    this.monthFigures = new Float64Array(capacity * months * MONTH_STRIDE);
  }

  /** A new state for a SKU (and location, or −1) with its standard cost (NaN: none); returns its offset. */
  add(sku: number, location: number, standardCost: number): number {
    if (this.count === this.capacity) this.grow();
    const s = this.count++ * STRIDE;
    this.f.set(initial, s);
    this.f[s + SKU] = sku;
    this.f[s + LOCATION] = location;
    this.f[s + STANDARD_COST] = standardCost;
    if (this.months > 0) {
      const at = this.monthAt(s, 0);
      this.monthFigures.fill(0, at, at + this.months * MONTH_STRIDE);
    }
    return s;
  }

  /** Where the row of state `s`'s figures of the period's `k`-th month starts, in `monthFigures`. */
  monthAt(s: number, k: number): number {
    return ((s / STRIDE) * this.months + k) * MONTH_STRIDE;
  }

  /** Records state `s`'s balance at the period's `k`-th month end. */
  setMonthEnd(s: number, k: number, qty: number, value: number): void {
    const at = this.monthEndAt(s, k);
    this.monthEndQty[at] = qty;
    this.monthEndValue[at] = value;
  }

  /** Where state `s`'s balance at the period's `k`-th month end is, in `monthEndQty` and `monthEndValue`. */
  monthEndAt(s: number, k: number): number {
    return (s / STRIDE) * this.monthEnds + k;
  }

  /** Makes this table a copy of `other` (same month ends and months), reusing its arrays where they are large enough. */
  copyFrom(other: StateTable): void {
    if (this.capacity < other.count) {
      this.capacity = other.capacity;
      this.f = new Float64Array(this.capacity * STRIDE);
      this.monthEndQty = new Float64Array(this.capacity * this.monthEnds);
      this.monthEndValue = new Float64Array(this.capacity * this.monthEnds);
      this.monthFigures = new Float64Array(this.capacity * this.months * MONTH_STRIDE);
    }
    this.count = other.count;
    this.f.set(other.f.subarray(0, other.count * STRIDE));
    const ends = other.count * this.monthEnds;
    this.monthEndQty.set(other.monthEndQty.subarray(0, ends));
    this.monthEndValue.set(other.monthEndValue.subarray(0, ends));
    this.monthFigures.set(other.monthFigures.subarray(0, other.count * this.months * MONTH_STRIDE));
  }

  private grow(): void {
    this.capacity *= 2;
    this.f = grown(this.f, new Float64Array(this.capacity * STRIDE));
    this.monthEndQty = grown(this.monthEndQty, new Float64Array(this.capacity * this.monthEnds));
    this.monthEndValue = grown(
      this.monthEndValue,
      new Float64Array(this.capacity * this.monthEnds),
    );
    this.monthFigures = grown(
      this.monthFigures,
      new Float64Array(this.capacity * this.months * MONTH_STRIDE),
    );
  }
}

/**
 * Adds net demand `x` to the bucket `key` of the demand sums at `f[at…]`, closing the previous
 * bucket when the key changes: the general engine's `BucketSums.add`, operation by operation.
 */
export function bucketAdd(
  f: Float64Array,
  at: number,
  key: number,
  x: number,
  qScale: number,
): void {
  if (f[at + KEY] !== key) {
    bucketFlush(f, at, qScale);
    f[at + KEY] = key;
  }
  f[at + CURRENT] = (f[at + CURRENT] as number) + x;
}

/**
 * Closes the open bucket of the demand sums at `f[at…]` (`BucketSums.flush`). Besides the sums of
 * every bucket it keeps the first bucket's demand, the last one's, and the sums of the buckets in
 * between, so that a counting window that cuts the first or last bucket leaves them out by
 * addition, never by subtracting from the whole sums (which would lose the small buckets' squares
 * to the rounding of a large one). LAST is NaN while only the first bucket has closed.
 */
export function bucketFlush(f: Float64Array, at: number, qScale: number): void {
  const x = f[at + CURRENT] as number;
  if (x !== 0) {
    f[at + SUM] = (f[at + SUM] as number) + x;
    // Square the quantity itself, not the scaled integer, as BucketSums does.
    const units = x / qScale;
    f[at + SQUARES] = (f[at + SQUARES] as number) + units * units;
    if (x > (f[at + MAX] as number)) f[at + MAX] = x;
    f[at + NON_ZERO] = (f[at + NON_ZERO] as number) + 1;
  }
  // NaN key: no bucket was open (the first demand, or a SKU without demand at the end).
  if (!Number.isNaN(f[at + KEY] as number)) {
    if (Number.isNaN(f[at + FIRST] as number)) f[at + FIRST] = x;
    else {
      const previous = f[at + LAST] as number;
      if (!Number.isNaN(previous) && previous !== 0) {
        const previousUnits = previous / qScale;
        f[at + MIDDLE_SUM] = (f[at + MIDDLE_SUM] as number) + previous;
        f[at + MIDDLE_SQUARES] = (f[at + MIDDLE_SQUARES] as number) + previousUnits * previousUnits;
      }
      f[at + LAST] = x;
    }
  }
  f[at + CURRENT] = 0;
}

/** The demand sums at `f[at…]`. */
export function bucketSums(f: Float64Array, at: number): RawDemandSums {
  const first = f[at + FIRST] as number;
  const last = f[at + LAST] as number;
  return {
    key: f[at + KEY] as number,
    sum: f[at + SUM] as number,
    sumOfSquares: f[at + SQUARES] as number,
    max: f[at + MAX] as number,
    nonZero: f[at + NON_ZERO] as number,
    first: Number.isNaN(first) ? 0 : first,
    // One bucket closed: it is the first and the last.
    last: Number.isNaN(last) ? (Number.isNaN(first) ? 0 : first) : last,
    middleSum: f[at + MIDDLE_SUM] as number,
    middleSumOfSquares: f[at + MIDDLE_SQUARES] as number,
  };
}

/** Copies the demand sums at `f[at…]` into the general engine's {@link BucketSums}, open bucket included. */
export function bucketInto(f: Float64Array, at: number, sums: BucketSums): void {
  sums.key = f[at + KEY] as number;
  sums.current = f[at + CURRENT] as number;
  sums.sum = f[at + SUM] as number;
  sums.sumOfSquares = f[at + SQUARES] as number;
  sums.max = f[at + MAX] as number;
  sums.nonZero = f[at + NON_ZERO] as number;
  sums.firstClosed = f[at + FIRST] as number;
  sums.lastClosed = f[at + LAST] as number;
  sums.middleSum = f[at + MIDDLE_SUM] as number;
  sums.middleSumOfSquares = f[at + MIDDLE_SQUARES] as number;
}
