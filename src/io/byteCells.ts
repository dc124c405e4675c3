// Cells of a CSV record read straight from its UTF-8 bytes, for the ledger's fast path
// (CsvLedgerFastPath). Each reader accepts only the plainest shape of its cell and says "not sure"
// for anything else, so that the general path (text cells and the row check) decides every doubtful
// cell. Where a reader gives a value, it is the value the general path would give: a property test
// compares the two paths on random CSV text.

import { dayFromCivil, daysInMonth } from "../model/day.js";
import { MAX_MONEY_DECIMALS, POWERS_OF_TEN } from "../model/exactDecimal.js";
import { FNV_OFFSET, FNV_PRIME } from "../model/hashBytes.js";

const SPACE = 32;
const TAB = 9;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;

/** A text cell's blank state (see {@link scanText}): empty or only spaces and tabs (absent). */
export const BLANK = 0;
/** The first character that is not a space or a tab is ASCII: not blank, as `isBlankAt` says. */
export const NOT_BLANK = 1;
/** The first character that is not a space or a tab is not ASCII (maybe a Unicode space). */
export const UNSURE = 2;

/**
 * The day number of a strict `YYYY-MM-DD` in `bytes[from, to)`, or `NaN` when it is not a real
 * calendar day (the rules of `parseIsoDay`, src/model/day.ts).
 */
export function isoDayBytes(bytes: Uint8Array, from: number, to: number): number {
  if (to - from !== 10 || bytes[from + 4] !== MINUS || bytes[from + 7] !== MINUS) return Number.NaN;
  const year = digitsAt(bytes, from, 4);
  const month = digitsAt(bytes, from + 5, 2);
  const dayOfMonth = digitsAt(bytes, from + 8, 2);
  if (year < 0 || month < 0 || dayOfMonth < 0) return Number.NaN;
  // Rows of a ledger come in date order: most rows repeat the last date read.
  const key = year * 10_000 + month * 100 + dayOfMonth;
  if (key === lastDate.key) return lastDate.day;
  if (month < 1 || month > 12 || dayOfMonth < 1) return Number.NaN;
  if (dayOfMonth > daysInMonth(year, month)) return Number.NaN;
  const day = dayFromCivil(year, month, dayOfMonth);
  lastDate.key = key;
  lastDate.day = day;
  return day;
}

/** The last valid date read, as `yyyymmdd`, and its day number (a cache; -1: none yet). */
const lastDate = { key: -1, day: 0 };

function digitsAt(bytes: Uint8Array, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = (bytes[i] as number) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isSpace(b: number): boolean {
  return b === SPACE || b === TAB;
}

// Scanners: each reads one cell from `from` up to the delimiter (or `to`) in a single pass, and
// returns where the cell ends (the delimiter's index, or `to`), or -1 when the cell is not of the
// plain shape (the caller then leaves the record to the general path). Values go to `out`.

/**
 * A `YYYY-MM-DD` cell: `out[0]` = its day number (as {@link isoDayBytes}); -1 when it is not a
 * real calendar day or does not end at the delimiter.
 */
export function scanDay(
  bytes: Uint8Array,
  from: number,
  to: number,
  delimiter: number,
  out: Float64Array,
): number {
  const end = from + 10;
  if (end > to || (end < to && bytes[end] !== delimiter)) return -1;
  const day = isoDayBytes(bytes, from, end);
  if (Number.isNaN(day)) return -1;
  out[0] = day;
  return end;
}

/**
 * A quantity cell: `out[0]` = its value when it is a plain decimal number of at most 15 digits
 * (spaces and tabs around allowed), exactly as `plainNumberAt` (src/io/csvCellValue.ts) reads it; else -1.
 */
export function scanNumber(
  bytes: Uint8Array,
  from: number,
  to: number,
  delimiter: number,
  out: Float64Array,
): number {
  let i = from;
  let b = i < to ? (bytes[i] as number) : delimiter;
  while (isSpace(b) && b !== delimiter) b = ++i < to ? (bytes[i] as number) : delimiter;
  const negative = b === MINUS;
  if (negative || b === PLUS) b = ++i < to ? (bytes[i] as number) : delimiter;
  let digits = 0;
  let mantissa = 0;
  let fraction = -1; // digits after the point, -1 before a point
  for (; b !== delimiter; b = ++i < to ? (bytes[i] as number) : delimiter) {
    if (b >= ZERO && b <= ZERO + 9) {
      digits++;
      mantissa = mantissa * 10 + (b - ZERO);
      if (fraction >= 0) fraction++;
    } else if (b === DOT && fraction < 0) fraction = 0;
    else break;
  }
  while (isSpace(b) && b !== delimiter) b = ++i < to ? (bytes[i] as number) : delimiter;
  if (b !== delimiter || digits === 0 || digits > 15) return -1;
  const value = fraction > 0 ? mantissa / (POWERS_OF_TEN[fraction] as number) : mantissa;
  out[0] = negative ? -value : value;
  return i;
}

/**
 * An optional amount cell: empty (`out[0]` = NaN, absent), or a plain decimal as
 * `parseDecimalText`'s fast path reads it (`out[0]` = units, `out[1]` = decimals); -1 for anything else
 * (spaces, exponents, more than 15 digits or {@link MAX_MONEY_DECIMALS} places, ...).
 */
export function scanAmount(
  bytes: Uint8Array,
  from: number,
  to: number,
  delimiter: number,
  out: Float64Array,
): number {
  let i = from;
  let b = i < to ? (bytes[i] as number) : delimiter;
  if (b === delimiter) {
    out[0] = Number.NaN;
    out[1] = 0;
    return i;
  }
  const negative = b === MINUS;
  if (negative || b === PLUS) b = ++i < to ? (bytes[i] as number) : delimiter;
  let units = 0;
  let digits = 0;
  let decimals = 0;
  let seenPoint = false;
  for (; b !== delimiter; b = ++i < to ? (bytes[i] as number) : delimiter) {
    if (b === DOT && !seenPoint) {
      seenPoint = true;
      continue;
    }
    const digit = b - ZERO;
    if (digit < 0 || digit > 9) return -1;
    units = units * 10 + digit;
    digits++;
    if (seenPoint) decimals++;
  }
  if (digits === 0 || digits > 15) return -1;
  if (units !== 0) {
    // Drop trailing zeros of the fraction: "12.50" has the same value as "12.5".
    while (decimals > 0 && units % 10 === 0) {
      units /= 10;
      decimals--;
    }
  }
  if (decimals > MAX_MONEY_DECIMALS) return -1;
  out[0] = negative && units !== 0 ? -units : units;
  out[1] = decimals;
  return i;
}

/**
 * A text cell, found in one pass: returns where it ends (never -1); `out[0]` = its FNV-1a hash (as
 * `hashBytes`), `out[1]` = {@link BLANK}, {@link NOT_BLANK} or {@link UNSURE}, `out[2]` = every byte OR-ed (bit 7: non-ASCII).
 */
export function scanText(
  bytes: Uint8Array,
  from: number,
  to: number,
  delimiter: number,
  out: Float64Array,
): number {
  let hash = FNV_OFFSET;
  let high = 0;
  let state = BLANK;
  let i = from;
  for (; i < to; i++) {
    const b = bytes[i] as number;
    if (b === delimiter) break;
    hash = Math.imul(hash ^ b, FNV_PRIME);
    high |= b;
    if (state === BLANK && !isSpace(b)) state = b < 128 ? NOT_BLANK : UNSURE;
  }
  out[0] = hash | 0;
  out[1] = state;
  out[2] = high;
  return i;
}
