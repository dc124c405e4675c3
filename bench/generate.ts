import { KIND, type LedgerColumns, LedgerColumnsBuilder } from "../src/ledger/LedgerColumns.js";
import { formatDay, parseIsoDay } from "../src/model/day.js";
import type { Movement } from "../src/model/Movement.js";

/** What to generate. */
export interface GenerateOptions {
  readonly skus: number;
  /** Approximate number of movements (the generator stops at exactly this many). */
  readonly movements: number;
  /** Calendar days covered, starting at `start` (default 365). */
  readonly days?: number;
  readonly start?: string;
  readonly seed?: number;
}

/** One generated movement, in plain numbers (money as units / 10^decimals). */
interface Generated {
  sku: number;
  day: number;
  kind: number;
  quantity: number;
  costUnits: number;
  costDecimals: number;
  priceUnits: number;
  priceDecimals: number;
}

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same ledger everywhere. */
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
 * Generates a realistic ledger in date order and hands each movement to `emit`:
 * - demand is Pareto-skewed (SKU of rank r is drawn with weight 1/r^1.1), about 8 % of SKUs are dead
 *   (stocked once, never issued);
 * - stock is replenished in lots when it falls below a reorder level, at unit costs with 2–4
 *   decimals; some SKUs are sold by weight (quantities with 1–3 decimals);
 * - a few returns and count adjustments.
 */
export function forEachGeneratedMovement(
  options: GenerateOptions,
  emit: (m: Generated) => void,
): void {
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
  const m: Generated = {
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
  const push = (
    sku: number,
    day: number,
    kind: number,
    quantity: number,
    withCost: boolean,
    withPrice: boolean,
  ): void => {
    m.sku = sku;
    m.day = day;
    m.kind = kind;
    m.quantity = quantity;
    m.costUnits = withCost ? (costUnits[sku] as number) : Number.NaN;
    m.costDecimals = withCost ? (costDecimals[sku] as number) : 0;
    m.priceUnits = withPrice ? Math.round((costUnits[sku] as number) * 1.4) : Number.NaN;
    m.priceDecimals = withPrice ? (costDecimals[sku] as number) : 0;
    emit(m);
    emitted++;
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
    push(s, start, KIND.receipt, lot[s] as number, true, false);
  }
  const perDay = Math.max(1, Math.floor((options.movements - emitted) / days));
  for (let d = 0; d < days && emitted < options.movements; d++) {
    for (let e = 0; e < perDay && emitted < options.movements; e++) {
      const sku = pick(cumulative, random() * total);
      if (dead[sku] === 1) continue;
      const scale = 10 ** (qtyDecimals[sku] as number);
      const quantity = Math.max(1 / scale, Math.round((1 + random() * 9) * scale) / scale);
      const roll = random();
      if ((onHand[sku] as number) < quantity * 3) {
        onHand[sku] = (onHand[sku] as number) + (lot[sku] as number);
        push(sku, start + d, KIND.receipt, lot[sku] as number, true, false);
      } else if (roll < 0.01) {
        push(sku, start + d, KIND.return, quantity, false, true);
        onHand[sku] = (onHand[sku] as number) + quantity;
      } else if (roll < 0.015) {
        push(sku, start + d, KIND.adjustment, -quantity, false, false);
        onHand[sku] = (onHand[sku] as number) - quantity;
      } else {
        push(sku, start + d, KIND.issue, quantity, false, true);
        onHand[sku] = Math.round(((onHand[sku] as number) - quantity) * scale) / scale;
      }
    }
  }
}

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

/** SKU code of a generated SKU index. */
export function skuCode(i: number): string {
  return `SKU-${String(i).padStart(6, "0")}`;
}

const TYPE_OF_KIND = ["receipt", "return", "transfer", "transfer", "adjustment", "issue"] as const;

/** A generated ledger as movement objects (the friendly API; fine up to a few million rows). */
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

/** A generated ledger straight into columns, without one object per row (for 10 M rows). */
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
