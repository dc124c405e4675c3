import { Readable } from "node:stream";
import { ABSENT, KIND, type LedgerColumns, NO_DAY } from "../../src/ledger/LedgerColumns.js";

// Shared helpers of the io tests: streams that deliver text in awkward pieces, and a plain view of
// ledger columns that `toEqual` can compare field by field.

/** A stream of `text` cut at the given character offsets (each piece a string chunk). */
export function textStream(text: string, cuts: readonly number[] = []): Readable {
  return Readable.from(cutText(text, cuts), { objectMode: true });
}

/** A stream of the UTF-8 bytes of `text` cut at the given byte offsets (may split a character). */
export function byteStream(text: string, cuts: readonly number[] = []): Readable {
  const bytes = Buffer.from(text, "utf8");
  const points = [...new Set(cuts.map((c) => Math.max(0, Math.min(bytes.length, c))))].sort(
    (a, b) => a - b,
  );
  const pieces: Buffer[] = [];
  let from = 0;
  for (const at of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, at));
    from = at;
  }
  return Readable.from(pieces, { objectMode: true });
}

/** `text` cut at the given offsets. */
export function cutText(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => Math.max(0, Math.min(text.length, c))))].sort(
    (a, b) => a - b,
  );
  const pieces: string[] = [];
  let from = 0;
  for (const at of [...points, text.length]) {
    pieces.push(text.slice(from, at));
    from = at;
  }
  return pieces;
}

const KIND_NAMES = Object.fromEntries(Object.entries(KIND).map(([name, kind]) => [kind, name]));

/** Every column of a ledger, one plain entry per movement, with dictionary codes resolved. */
export function columnsView(columns: LedgerColumns): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < columns.length; i++) {
    const location = columns.location[i] as number;
    const lot = columns.lot[i] as number;
    const expires = columns.expires[i] as number;
    rows.push({
      row: columns.row[i],
      sku: columns.skus[columns.sku[i] as number],
      day: columns.day[i],
      kind: KIND_NAMES[columns.kind[i] as number],
      quantity: columns.quantity[i],
      cost: money(columns.costUnits[i] as number, columns.costDecimals[i] as number),
      price: money(columns.priceUnits[i] as number, columns.priceDecimals[i] as number),
      location: location === ABSENT ? null : columns.locations[location],
      lot: lot === ABSENT ? null : columns.lots[lot],
      expires: expires === NO_DAY ? null : expires,
    });
  }
  return rows;
}

function money(units: number, decimals: number): string | null {
  return Number.isNaN(units) ? null : `${units}e-${decimals}`;
}
