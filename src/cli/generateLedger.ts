import { KIND, type LedgerColumns, LedgerColumnsBuilder } from "../ledger/LedgerColumns.js";
import { formatDay, parseIsoDay } from "../model/day.js";
import type { Movement } from "../model/Movement.js";

// The seeded generator of synthetic ledgers, shared by `invkpi generate` and the benchmarks
// (bench/*.ts). Same options, same seed: the same ledger on every machine.

/** What to generate. */
export interface GenerateOptions {
  /** Number of SKUs (≥ 1). */
  readonly skus: number;
  /**
   * Number of movements: the generator never makes more. Without `exact` it makes a few fewer (the
   * daily quota is rounded down, and a sale drawn for a dead SKU is skipped).
   */
  readonly movements: number;
  /** Calendar days covered, starting at `start`. Default 365. */
  readonly days?: number;
  /** First day, `'YYYY-MM-DD'`. Default `'2025-01-01'`. */
  readonly start?: string;
  /** Seed of the PRNG. Default 42. */
  readonly seed?: number;
  /**
   * Make exactly `movements` movements (unless every SKU is dead): spread the remainder over the
   * days and draw again for a dead SKU. Default `false`, which keeps the ledgers the benchmarks were
   * measured on.
   */
  readonly exact?: boolean;
  /**
   * Give each movement an id in a first `id` column, as ERP exports do: `MV` and the row number in
   * nine digits (`MV000000001`, ...). CSV output only. Default `false`.
   */
  readonly ids?: boolean;
}

/**
 * One generated movement, in plain numbers: `kind` is a {@link KIND}, money is
 * `units / 10^decimals` (`NaN` units where the movement has no amount).
 */
export interface GeneratedMovement {
  sku: number;
  day: number;
  kind: number;
  quantity: number;
  costUnits: number;
  costDecimals: number;
  priceUnits: number;
  priceDecimals: number;
}

/**
 * A small, fast, seeded pseudo-random number generator (mulberry32): the same seed gives the same
 * sequence on every machine.
 *
 * @param seed - any number; only its low 32 bits count.
 * @returns a function that returns the next number in [0, 1).
 * @example
 * ```ts
 * const random = mulberry32(42);
 * random() === mulberry32(42)(); // true
 * ```
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Generates a realistic ledger in date order, one movement at a time:
 * - demand is Pareto-skewed (SKU of rank r is drawn with weight 1/r^1.1), about 8 % of SKUs are dead
 *   (stocked once, never issued);
 * - stock is replenished in lots when it falls below a reorder level, at unit costs with 2–4
 *   decimals; some SKUs are sold by weight (quantities with 1–3 decimals);
 * - a few returns and count adjustments.
 *
 * Every SKU receives one lot on the first day; then about `(movements − skus) / days` movements a
 * day follow (see `exact`). The yielded object is reused for the next movement: copy what you keep.
 *
 * @param options - SKUs, movements, days (default 365), start (default `'2025-01-01'`), seed
 *   (default 42), exact (default `false`).
 * @example
 * ```ts
 * import { KIND } from "invkpi";
 * let receipts = 0;
 * for (const m of generatedMovements({ skus: 3, movements: 10 })) if (m.kind === KIND.receipt) receipts++;
 * receipts >= 3; // true: the opening lots
 * ```
 */
export function* generatedMovements(options: GenerateOptions): Generator<GeneratedMovement> {
  const random = mulberry32(options.seed ?? 42);
  const days = options.days ?? 365;
  const start = parseIsoDay(options.start ?? "2025-01-01") as number;
  const n = options.skus;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += 1 / (r + 1) ** 1.1;
    cumulative[r] = total;
  }
  const dead = new Uint8Array(n);
  const costDecimals = new Uint8Array(n);
  const costUnits = new Float64Array(n);
  const qtyDecimals = new Uint8Array(n);
  const onHand = new Float64Array(n);
  const lot = new Float64Array(n);
  const m: GeneratedMovement = {
    sku: 0,
    day: 0,
    kind: 0,
    quantity: 0,
    costUnits: 0,
    costDecimals: 0,
    priceUnits: 0,
    priceDecimals: 0,
  };
  let emitted = 0;
  // Fills the scratch movement; the caller yields it.
  const fill = (
    sku: number,
    day: number,
    kind: number,
    quantity: number,
    withCost: boolean,
    withPrice: boolean,
  ): GeneratedMovement => {
    m.sku = sku;
    m.day = day;
    m.kind = kind;
    m.quantity = quantity;
    m.costUnits = withCost ? (costUnits[sku] as number) : Number.NaN;
    m.costDecimals = withCost ? (costDecimals[sku] as number) : 0;
    m.priceUnits = withPrice ? Math.round((costUnits[sku] as number) * 1.4) : Number.NaN;
    m.priceDecimals = withPrice ? (costDecimals[sku] as number) : 0;
    emitted++;
    return m;
  };
  // Opening stock: every SKU receives one lot on the first day (dead SKUs never sell it).
  for (let s = 0; s < n && emitted < options.movements; s++) {
    dead[s] = random() < 0.08 ? 1 : 0;
    costDecimals[s] = 2 + Math.floor(random() * 3);
    costUnits[s] = Math.round((0.5 + random() * 200) * 10 ** (costDecimals[s] as number));
    qtyDecimals[s] = random() < 0.1 ? 1 + Math.floor(random() * 3) : 0;
    const rank = s + 1;
    lot[s] = Math.max(5, Math.round((2000 * days) / 365 / rank ** 0.9 + random() * 20));
    onHand[s] = lot[s] as number;
    yield fill(s, start, KIND.receipt, lot[s] as number, true, false);
  }
  const exact = options.exact === true;
  const anyAlive = dead.some((d) => d === 0);
  const perDay = Math.max(1, Math.floor((options.movements - emitted) / days));
  for (let d = 0; d < days && emitted < options.movements; d++) {
    // Exact: today's share of what is left, so the last day ends on the count.
    const quota = exact ? Math.ceil((options.movements - emitted) / (days - d)) : perDay;
    for (let e = 0; e < quota && emitted < options.movements; e++) {
      const sku = pick(cumulative, random() * total);
      if (dead[sku] === 1) {
        if (exact && anyAlive) e--; // draw again
        continue;
      }
      const scale = 10 ** (qtyDecimals[sku] as number);
      const quantity = Math.max(1 / scale, Math.round((1 + random() * 9) * scale) / scale);
      const roll = random();
      if ((onHand[sku] as number) < quantity * 3) {
        onHand[sku] = (onHand[sku] as number) + (lot[sku] as number);
        yield fill(sku, start + d, KIND.receipt, lot[sku] as number, true, false);
      } else if (roll < 0.01) {
        yield fill(sku, start + d, KIND.return, quantity, false, true);
        onHand[sku] = (onHand[sku] as number) + quantity;
      } else if (roll < 0.015) {
        yield fill(sku, start + d, KIND.adjustment, -quantity, false, false);
        onHand[sku] = (onHand[sku] as number) - quantity;
      } else {
        yield fill(sku, start + d, KIND.issue, quantity, false, true);
        onHand[sku] = Math.round(((onHand[sku] as number) - quantity) * scale) / scale;
      }
    }
  }
}

/**
 * Hands each movement of {@link generatedMovements} to `emit` (the object is reused: copy what you
 * keep).
 *
 * @param options - see {@link GenerateOptions}.
 * @param emit - called once per movement, in date order.
 * @example
 * ```ts
 * let count = 0;
 * forEachGeneratedMovement({ skus: 10, movements: 100 }, () => count++);
 * count; // 100
 * ```
 */
export function forEachGeneratedMovement(
  options: GenerateOptions,
  emit: (m: GeneratedMovement) => void,
): void {
  for (const m of generatedMovements(options)) emit(m);
}

/** The index of the first cumulative weight ≥ x (binary search). */
function pick(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The SKU code of a generated SKU index.
 *
 * @example
 * ```ts
 * skuCode(42); // "SKU-000042"
 * ```
 */
export function skuCode(i: number): string {
  return `SKU-${String(i).padStart(6, "0")}`;
}

/** The movement type of each {@link KIND}. */
const TYPE_OF_KIND = ["receipt", "return", "transfer", "transfer", "adjustment", "issue"] as const;

/**
 * A generated ledger as movement objects (the friendly API; fine up to a few million rows).
 *
 * @param options - see {@link GenerateOptions}.
 * @example
 * ```ts
 * generateMovements({ skus: 2, movements: 3, seed: 1 })[0]?.type; // "receipt"
 * ```
 */
export function generateMovements(options: GenerateOptions): Movement[] {
  const rows: Movement[] = [];
  forEachGeneratedMovement(options, (g) => {
    const row: { -readonly [K in keyof Movement]: Movement[K] } = {
      sku: skuCode(g.sku),
      date: formatDay(g.day),
      type: TYPE_OF_KIND[g.kind] as Movement["type"],
      quantity: g.quantity,
    };
    if (!Number.isNaN(g.costUnits)) row.unitCost = g.costUnits / 10 ** g.costDecimals;
    if (!Number.isNaN(g.priceUnits)) row.unitPrice = g.priceUnits / 10 ** g.priceDecimals;
    rows.push(row);
  });
  return rows;
}

/**
 * A generated ledger straight into columns, without one object per row (for 10 M rows).
 *
 * @param options - see {@link GenerateOptions}.
 * @example
 * ```ts
 * generateColumns({ skus: 10, movements: 1000, exact: true }).length; // 1000
 * generateColumns({ skus: 10, movements: 1000 }).length; // 670: without exact, whole movements per day
 * ```
 */
export function generateColumns(options: GenerateOptions): LedgerColumns {
  const builder = new LedgerColumnsBuilder(options.movements);
  for (let s = 0; s < options.skus; s++) builder.skuId(skuCode(s));
  forEachGeneratedMovement(options, (g) => {
    const i = builder.next();
    builder.sku[i] = g.sku;
    builder.day[i] = g.day;
    builder.kind[i] = g.kind;
    builder.quantity[i] = g.quantity;
    builder.costUnits[i] = g.costUnits;
    builder.costDecimals[i] = g.costDecimals;
    builder.priceUnits[i] = g.priceUnits;
    builder.priceDecimals[i] = g.priceDecimals;
    builder.location[i] = -1;
    builder.lot[i] = -1;
    builder.expires[i] = -2_147_483_648;
    builder.row[i] = i;
    if (g.costDecimals > builder.moneyDecimals) builder.moneyDecimals = g.costDecimals;
    if (g.priceDecimals > builder.moneyDecimals) builder.moneyDecimals = g.priceDecimals;
  });
  builder.quantityDecimals = 3;
  return builder.finish();
}

/** The header line of {@link generatedCsvLines}. */
export const GENERATED_CSV_HEADER = "sku,date,type,quantity,unitCost,unitPrice\n";

/**
 * A generated ledger as CSV text, one line at a time (the header first), so millions of rows can be
 * written without holding them: no object per row, dates formatted once per day. Money is written
 * exactly (`units / 10^decimals` prints as its shortest decimal, which is the amount itself).
 *
 * @param options - see {@link GenerateOptions}.
 * @param onRow - called after each data line with the number of lines so far (for progress).
 * @example
 * ```ts
 * [...generatedCsvLines({ skus: 1, movements: 1 })].join("");
 * // "sku,date,type,quantity,unitCost,unitPrice\nSKU-000000,2025-01-01,receipt,2003,170.993,\n" (the seed fixes the values)
 * ```
 */
export function* generatedCsvLines(
  options: GenerateOptions,
  onRow?: (rows: number) => void,
): Generator<string> {
  const ids = options.ids === true;
  yield ids ? `id,${GENERATED_CSV_HEADER}` : GENERATED_CSV_HEADER;
  const dates = new Map<number, string>();
  let rows = 0;
  for (const g of generatedMovements(options)) {
    let date = dates.get(g.day);
    if (date === undefined) {
      date = formatDay(g.day);
      dates.set(g.day, date);
    }
    const cost = Number.isNaN(g.costUnits) ? "" : String(g.costUnits / 10 ** g.costDecimals);
    const price = Number.isNaN(g.priceUnits) ? "" : String(g.priceUnits / 10 ** g.priceDecimals);
    const line = `${skuCode(g.sku)},${date},${TYPE_OF_KIND[g.kind]},${g.quantity},${cost},${price}\n`;
    rows++;
    yield ids ? `MV${String(rows).padStart(9, "0")},${line}` : line;
    onRow?.(rows);
  }
}
