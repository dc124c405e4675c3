// Text cells of a CSV file become the typed values the row checks expect. Nothing is coerced: a
// cell that is not what its field needs is passed on as the text it is, so the one row check
// reports it with its value and line. The functions read a cell in place, `text[from, to)`, so
// that the hot path creates no string for a cell it can read without one.

import { POWERS_OF_TEN } from "../model/exactDecimal.js";

/** Whether `text[from, to)` is empty or only whitespace (an absent optional value). */
export function isBlankAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c < 128) return false;
    return text.slice(i, to).trim() === ""; // other Unicode spaces
  }
  return true;
}

/** Whether a cell is empty or only whitespace. */
export function isBlank(text: string): boolean {
  return isBlankAt(text, 0, text.length);
}

/**
 * The number in `text[from, to)` when it is a plain decimal number (an optional sign, digits, an
 * optional decimal point with digits; spaces and tabs around are allowed), else `NaN`. `"1,5"`,
 * `"1e3"`, `"12 kg"`, `""` and `"abc"` are not plain numbers. The value is exactly `Number(text)`:
 * up to 15 digits it is computed as integer / 10^k, a single correctly rounded division of exact
 * doubles, which is the double nearest the decimal, as `Number` gives.
 */
export function plainNumberAt(text: string, from: number, to: number): number {
  let i = from;
  let end = to;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
  const sign = text.charCodeAt(i);
  const negative = sign === 45;
  if (negative || sign === 43) i++; // - or +
  let digits = 0;
  let mantissa = 0;
  let fraction = -1; // digits after the point, -1 before a point
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      mantissa = mantissa * 10 + (c - 48);
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) fraction = 0;
    else return Number.NaN;
  }
  if (digits === 0) return Number.NaN;
  if (digits > 15) return Number(text.slice(from, to)); // beyond exact integers: let Number round
  const value = fraction > 0 ? mantissa / (POWERS_OF_TEN[fraction] as number) : mantissa;
  return negative ? -value : value;
}

/** A number cell: the number when the text is a plain decimal number, else the text unchanged. */
export function numberCell(text: string): number | string {
  const value = plainNumberAt(text, 0, text.length);
  return Number.isNaN(value) ? text : value;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** The value of a cell for a field of `kind`: blank optional cells are absent. */
export function cellValue(
  text: string,
  kind: "text" | "number" | "money" | "date",
  required: boolean,
): string | number | undefined {
  if (!required && isBlank(text)) return undefined;
  return kind === "number" ? numberCell(text) : text;
}
