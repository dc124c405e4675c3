import { MAX_MONEY_DECIMALS, MAX_QUANTITY_DECIMALS } from "../model/exactDecimal.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { ABSENT, KIND_COUNT, type LedgerColumns } from "./LedgerColumns.js";

/** The typed array each row column must be. */
const ROW_COLUMNS = [
  ["sku", Int32Array],
  ["day", Int32Array],
  ["kind", Uint8Array],
  ["quantity", Float64Array],
  ["costUnits", Float64Array],
  ["costDecimals", Uint8Array],
  ["priceUnits", Float64Array],
  ["priceDecimals", Uint8Array],
  ["location", Int32Array],
  ["lot", Int32Array],
  ["expires", Int32Array],
  ["row", Int32Array],
] as const satisfies readonly (readonly [keyof LedgerColumns, unknown])[];

/** The dictionaries, each an array of text. */
const DICTIONARIES = [
  "skus",
  "locations",
  "lots",
] as const satisfies readonly (keyof LedgerColumns)[];

/**
 * Checks the shape of columns given to a replay (any object whose `day` is an `Int32Array` is
 * taken for columns, so a forged or hand-built one must fail here, with the column named, not
 * inside the engine): `length` a whole number; every row column the right typed array with at
 * least `length` rows (more is spare room, as a builder leaves); the dictionaries arrays of text;
 * the decimal places in range; and per row, the kind, SKU, location and lot indexes in range (one
 * pass over four arrays, a few milliseconds per million rows). Values within range (days,
 * quantities, amounts) are the builder's promise and are not checked.
 *
 * @param fn - the public function, which the message names.
 * @returns the columns, checked.
 * @throws InvKpiError `invalid_argument`, path `['ledger', column]` (with the row for an index out
 *   of range: `['ledger', 'kind', 12]`).
 * @example
 * ```ts
 * import { requireLedgerColumns } from "./requireLedgerColumns.js";
 * try {
 *   requireLedgerColumns({ day: new Int32Array(1), length: 1 } as never, "replayLedger");
 * } catch (e) {
 *   (e as Error).message; // "replayLedger: columns.skus must be an array of text, got undefined"
 * }
 * ```
 */
export function requireLedgerColumns(columns: LedgerColumns, fn: string): LedgerColumns {
  const { length } = columns;
  if (!(Number.isSafeInteger(length) && length >= 0)) {
    throw columnError(fn, ["length"], `must be a whole number ≥ 0, got ${describeValue(length)}`);
  }
  for (const name of DICTIONARIES) {
    const list: unknown = columns[name];
    if (!Array.isArray(list))
      throw columnError(fn, [name], `must be an array of text, got ${describeValue(list)}`);
    const bad = list.findIndex((code) => typeof code !== "string");
    if (bad >= 0)
      throw columnError(
        fn,
        [name, bad],
        `must be text, got ${describeValue(list[bad])}`,
        `columns.${name}[${bad}]`,
      );
  }
  for (const [name, type] of ROW_COLUMNS) {
    const column: unknown = columns[name];
    if (!(column instanceof type))
      throw columnError(fn, [name], `must be a ${type.name}, got ${describeValue(column)}`);
    if (column.length < length) {
      throw columnError(
        fn,
        [name],
        `has ${column.length} row${column.length === 1 ? "" : "s"}, fewer than its length ${length}`,
      );
    }
  }
  requireDecimals(columns.quantityDecimals, "quantityDecimals", MAX_QUANTITY_DECIMALS, fn);
  requireDecimals(columns.moneyDecimals, "moneyDecimals", MAX_MONEY_DECIMALS, fn);
  requireIndexes(columns, fn);
  return columns;
}

/** A count of decimal places: a whole number from 0 to `max`. */
function requireDecimals(value: unknown, name: string, max: number, fn: string): void {
  if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max) return;
  throw columnError(
    fn,
    [name],
    `must be a whole number from 0 to ${max}, got ${describeValue(value)}`,
  );
}

/** Every row's kind, SKU, location and lot index in range: one pass, a throw at the first. */
function requireIndexes(columns: LedgerColumns, fn: string): void {
  const { length, kind, sku, location, lot } = columns;
  const skus = columns.skus.length;
  const locations = columns.locations.length;
  const lots = columns.lots.length;
  for (let i = 0; i < length; i++) {
    const k = kind[i] as number;
    const s = sku[i] as number;
    const at = location[i] as number;
    const l = lot[i] as number;
    // Unsigned comparisons: a negative index is beyond any length too.
    if (
      k >= KIND_COUNT ||
      s >>> 0 >= skus ||
      (at !== ABSENT && at >>> 0 >= locations) ||
      (l !== ABSENT && l >>> 0 >= lots)
    )
      throw indexError(columns, i, fn);
  }
}

/** The error for row `i`, whose kind or one of whose indexes is out of range. */
function indexError(columns: LedgerColumns, i: number, fn: string): InvKpiError {
  const k = columns.kind[i] as number;
  if (k >= KIND_COUNT)
    return columnError(
      fn,
      ["kind", i],
      `is ${k}, not a movement kind (0 to ${KIND_COUNT - 1})`,
      `columns.kind[${i}]`,
    );
  const checks = [
    ["sku", columns.skus.length, false],
    ["location", columns.locations.length, true],
    ["lot", columns.lots.length, true],
  ] as const;
  for (const [name, size, optional] of checks) {
    const index = columns[name][i] as number;
    if (index >= 0 && index < size) continue;
    if (optional && index === ABSENT) continue;
    const range = size === 0 ? "there are none" : `0 to ${size - 1}`;
    const absent = optional ? ` or ${ABSENT} (none)` : "";
    return columnError(
      fn,
      [name, i],
      `is ${index}, not an index of columns.${name}s (${range})${absent}`,
      `columns.${name}[${i}]`,
    );
  }
  return columnError(fn, ["kind", i], "is out of range", `columns.kind[${i}]`);
}

/** `<fn>: columns.<name> <problem>`, path `['ledger', ...path]`. */
function columnError(
  fn: string,
  path: readonly (string | number)[],
  problem: string,
  subject = `columns.${String(path[0])}`,
): InvKpiError {
  return new InvKpiError("invalid_argument", `${fn}: ${subject} ${problem}`, {
    path: ["ledger", ...path],
  });
}
