import { formatDay, parseIsoDay } from "../model/day.js";
import { MOVEMENT_FIELDS, type MovementType } from "../model/Movement.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { DEMO_LOCATIONS, type DemoItem, demoCatalogue } from "./demoCatalogue.js";
import { mulberry32 } from "./generateLedger.js";

/** A movement of the sample year: a `Movement` with its date and amounts as text. */
export type DemoMovement = {
  readonly sku: string;
  readonly date: string;
  readonly type: MovementType;
  readonly quantity: number;
  readonly unitCost?: string;
  readonly unitPrice?: string;
  readonly location: string;
  readonly lot?: string;
  readonly expiresOn?: string;
};

/**
 * The columns of the sample ledger as CSV (`invkpi demo --write`), in this order: every movement
 * field but `id` (the sample's movements have none).
 */
export const DEMO_LEDGER_COLUMNS: readonly string[] = MOVEMENT_FIELDS.filter(
  (field) => field !== "id",
);

/** The sample year of `invkpi demo`. */
export interface DemoLedger {
  /** The movements, in date order. */
  readonly movements: readonly DemoMovement[];
  /** Master data of every item: description, category, lead times, service level, pack size, on order. */
  readonly skuInfo: readonly SkuInfo[];
  /** The year the ledger covers. */
  readonly period: { readonly from: string; readonly to: string };
}

const YEAR_START = parseIsoDay("2025-01-01") as number;
const DAYS = 365;
/** Purchasing stops for the year-end stock count: no purchase order after this day of the year. */
const ORDER_FREEZE = 355; // 2025-12-22
/** Garden stock for the next spring is ordered on 1 December, to arrive in February. */
const EARLY_ORDER_DAY = 334;
const EARLY_ORDER_ARRIVAL = DAYS + 40;
/** The buyer reviews every item once a week (the order-up-to level covers review + lead time). */
const REVIEW_PERIOD_DAYS = 7;
/** Supplier price increase on 1 July. */
const PRICE_RISE_DAY = 181;
/** Standard normal quantiles of the service levels the catalogue uses (R: qnorm(p)). */
const Z_OF_SERVICE_LEVEL: Readonly<Record<number, number>> = {
  0.9: 1.2816,
  0.95: 1.6449,
  0.98: 2.0537,
};
/** The year-end count. */
const LAST_DAY = DAYS - 1;

/** A purchase order on its way. */
interface OpenOrder {
  readonly arrival: number;
  readonly quantity: number;
}

/** One item at one warehouse: stock in whole quantity units (10^-quantityDecimals). */
interface Stock {
  readonly item: DemoItem;
  readonly location: number;
  onHand: number;
  readonly orders: OpenOrder[];
  /** Customer returns due, by day. */
  readonly returns: Map<number, { quantity: number; price: string }[]>;
}

/**
 * A realistic, deterministic year of an industrial wholesaler for `invkpi demo`: about 200 SKUs in
 * five categories (紧固件 fasteners, 轴承 bearings, electrical, packaging, seasonal garden items)
 * at two warehouses (Shanghai, Shenzhen), from 2025-01-01 to 2025-12-31.
 *
 * The year is played out day by day: customer order lines (issues) arrive at random on working
 * days, following each item's profile (best sellers, regular, slow and dead items whose demand
 * stops during the year, items never sold, items listed mid-year) and, for garden items, the
 * season; purchase orders are placed when stock on hand plus on order falls to a reorder level and
 * arrive after the supplier's lead time (receipts at cost, prices rise 3 % on 1 July); a few
 * customers return goods; monthly cycle counts and the year-end count correct the stock
 * (adjustments); Shenzhen is refilled from Shanghai (transfers); seed and fertilizer come in lots
 * with an expiry date; garden stock for the next spring is ordered on 1 December. Purchasing stops
 * on 22 December for the stock count, so some items need
 * reordering at the year end. No sale ever takes stock below zero.
 *
 * The same seed gives the same ledger everywhere: the generator is `mulberry32`, and no clock or
 * locale is read.
 *
 * @param seed - seed of the random generator. Default 2025.
 * @example
 * ```ts
 * import { analyzeLedger } from "invkpi";
 * const { movements, skuInfo, period } = demoLedger();
 * skuInfo.length; // 200
 * analyzeLedger(movements, { period, skuInfo, industry: "wholesale" }).rows.length; // 200
 * ```
 */
export function demoLedger(seed = 2025): DemoLedger {
  const random = mulberry32(seed);
  const items = demoCatalogue(random);
  const stocks = items.flatMap((item) =>
    item.locations.map(
      (location): Stock => ({ item, location, onHand: 0, orders: [], returns: new Map() }),
    ),
  );
  const movements: DemoMovement[] = [];
  for (let day = 0; day < DAYS; day++) {
    const date = formatDay(YEAR_START + day);
    const emit: Emit = (stock, movement) => {
      movements.push({
        sku: stock.item.sku,
        date,
        location: DEMO_LOCATIONS[stock.location] as string,
        ...movement,
      });
    };
    for (const stock of stocks) openingStock(stock, day, emit, random);
    for (const stock of stocks) receiveOrders(stock, day, emit);
    for (const stock of stocks) receiveReturns(stock, day, emit);
    if (isMonday(day)) transfers(stocks, day, emit);
    for (const stock of stocks) sell(stock, day, emit, random);
    for (const stock of stocks) countStock(stock, day, emit, random);
    for (const stock of stocks) purchase(stock, day, random);
    if (day === EARLY_ORDER_DAY) for (const stock of stocks) earlyOrder(stock);
  }
  return {
    movements,
    skuInfo: items.map((item) => skuInfoOf(item, stocks)),
    period: { from: formatDay(YEAR_START), to: formatDay(YEAR_START + LAST_DAY) },
  };
}

type Emit = (stock: Stock, movement: Omit<DemoMovement, "sku" | "date" | "location">) => void;

/** Stock before the first sale: an opening receipt, or the first delivery of a new or never-sold item. */
function openingStock(stock: Stock, day: number, emit: Emit, random: () => number): void {
  const { item } = stock;
  const firstDay = item.profile === "never-moved" ? 20 + (item.costUnits % 100) : item.demandStart;
  if (day !== firstDay) return;
  const quantity =
    item.profile === "never-moved"
      ? roundUp(
          item.packSize * scaleOf(item) * (20 + Math.floor(random() * 80)),
          item.packSize * scaleOf(item),
        )
      : reorderLevel(item, day) + orderQuantity(item, day);
  receive(stock, day, quantity, emit);
}

/** Purchase orders that arrive today. */
function receiveOrders(stock: Stock, day: number, emit: Emit): void {
  for (let k = stock.orders.length - 1; k >= 0; k--) {
    const order = stock.orders[k] as OpenOrder;
    if (order.arrival !== day) continue;
    stock.orders.splice(k, 1);
    receive(stock, day, order.quantity, emit);
  }
}

function receive(stock: Stock, day: number, quantity: number, emit: Emit): void {
  const { item } = stock;
  stock.onHand += quantity;
  const lot = item.perishable
    ? {
        lot: `${item.sku}-${formatDay(YEAR_START + day)
          .replaceAll("-", "")
          .slice(2)}`,
        expiresOn: formatDay(YEAR_START + day + 300 + (item.costUnits % 240)),
      }
    : {};
  emit(stock, {
    type: "receipt",
    quantity: quantity / scaleOf(item),
    unitCost: money(costUnitsOn(item, day), item.moneyDecimals),
    ...lot,
  });
}

function receiveReturns(stock: Stock, day: number, emit: Emit): void {
  const due = stock.returns.get(day);
  if (due === undefined) return;
  stock.returns.delete(day);
  for (const r of due) {
    stock.onHand += r.quantity;
    emit(stock, { type: "return", quantity: r.quantity / scaleOf(stock.item), unitPrice: r.price });
  }
}

/** Mondays: Shenzhen, when low, is refilled from Shanghai's surplus. */
function transfers(stocks: readonly Stock[], day: number, emit: Emit): void {
  const shanghai = new Map<string, Stock>();
  for (const s of stocks) if (s.location === 0) shanghai.set(s.item.sku, s);
  for (const shenzhen of stocks) {
    if (shenzhen.location !== 1) continue;
    const source = shanghai.get(shenzhen.item.sku);
    if (source === undefined) continue;
    const { item } = shenzhen;
    const low = reorderLevel(item, day);
    if (shenzhen.onHand >= low / 2 || low === 0) continue;
    const pack = item.packSize * scaleOf(item);
    const surplus = source.onHand - reorderLevel(item, day) - pack;
    const quantity = Math.floor(Math.min(orderQuantity(item, day) / 2, surplus) / pack) * pack;
    if (quantity <= 0) continue;
    source.onHand -= quantity;
    shenzhen.onHand += quantity;
    emit(source, { type: "transfer", quantity: -quantity / scaleOf(item) });
    emit(shenzhen, { type: "transfer", quantity: quantity / scaleOf(item) });
  }
}

/** Today's customer order lines: never more than is on hand (the rest is a lost sale). */
function sell(stock: Stock, day: number, emit: Emit, random: () => number): void {
  const { item } = stock;
  if (day < item.demandStart || day >= item.demandEnd || isSunday(day)) return;
  const lines = poisson(item.linesPerDay * seasonFactor(item, day), random);
  const scale = scaleOf(item);
  const unit = item.quantityDecimals > 0 ? 1 : item.packSize;
  for (let l = 0; l < lines && stock.onHand > 0; l++) {
    const wanted = roundUp(item.lineSize * scale * (0.3 + 1.4 * random()), unit);
    const quantity = Math.min(wanted, stock.onHand);
    stock.onHand -= quantity;
    const price = money(Math.round(costUnitsOn(item, day) * item.markup), item.moneyDecimals);
    emit(stock, { type: "issue", quantity: quantity / scale, unitPrice: price });
    if (random() < 0.015) scheduleReturn(stock, day, quantity, price, random);
  }
}

function scheduleReturn(
  stock: Stock,
  day: number,
  sold: number,
  price: string,
  random: () => number,
): void {
  const returnDay = day + 3 + Math.floor(random() * 18);
  if (returnDay > LAST_DAY) return;
  const quantity = Math.max(1, Math.round(sold * (0.1 + 0.9 * random())));
  const due = stock.returns.get(returnDay) ?? [];
  due.push({ quantity: Math.min(quantity, sold), price });
  stock.returns.set(returnDay, due);
}

/** Monthly cycle counts (the 28th) and the year-end count correct the book stock. */
function countStock(stock: Stock, day: number, emit: Emit, random: () => number): void {
  const date = formatDay(YEAR_START + day);
  const cycleCount = date.endsWith("-28") && random() < 0.08;
  const yearEnd = day === LAST_DAY && random() < 0.25;
  if ((!cycleCount && !yearEnd) || stock.onHand <= 0) return;
  const scale = scaleOf(stock.item);
  const size = Math.max(1, Math.round(stock.onHand * 0.02 * random()));
  const loss = random() < 0.75;
  const quantity = loss ? -Math.min(size, stock.onHand) : size;
  stock.onHand += quantity;
  emit(stock, { type: "adjustment", quantity: quantity / scale });
}

/** A purchase order when stock on hand plus on order falls to the reorder level. */
function purchase(stock: Stock, day: number, random: () => number): void {
  const { item } = stock;
  if (day >= ORDER_FREEZE || day < item.demandStart || day >= item.demandEnd) return;
  if (item.profile === "never-moved") return;
  const onOrder = stock.orders.reduce((sum, o) => sum + o.quantity, 0);
  if (stock.onHand + onOrder > reorderLevel(item, day)) return;
  const delay = Math.round(item.leadTimeDays + item.leadTimeStdDevDays * normal(random));
  stock.orders.push({
    arrival: day + Math.max(1, delay),
    quantity: orderQuantity(item, day),
  });
}

/** Seasonal items: the next spring's first stock, ordered early (an "early order programme"). */
function earlyOrder(stock: Stock): void {
  const { item } = stock;
  if (!item.seasonal || item.demandEnd < DAYS || item.profile === "never-moved") return;
  const spring = 100; // mid April
  const quantity = roundUp(dailyDemand(item, spring) * 45, item.packSize * scaleOf(item));
  stock.orders.push({ arrival: EARLY_ORDER_ARRIVAL, quantity });
}

/** Mean demand per calendar day, in quantity units, on `day`. */
function dailyDemand(item: DemoItem, day: number): number {
  const workingDays = 6 / 7;
  return item.linesPerDay * item.lineSize * scaleOf(item) * workingDays * seasonFactor(item, day);
}

/**
 * The buyer's reorder level: demand over the lead time plus a safety stock for the item's service
 * level, z × √(L·σd² + d̄²·σL²) (σd of daily demand: an order line's size is uniform on 0.3–1.7 ×
 * its mean, so E[size²] = 1.163 × mean²), in whole packs.
 */
function reorderLevel(item: DemoItem, day: number): number {
  const demandDay = day + item.leadTimeDays;
  const lines = item.linesPerDay * (6 / 7) * seasonFactor(item, demandDay);
  const sigma = Math.sqrt(lines * 1.163) * item.lineSize * scaleOf(item);
  const mean = dailyDemand(item, demandDay);
  const z = Z_OF_SERVICE_LEVEL[item.serviceLevel] ?? 1.645;
  const spread = Math.sqrt(
    item.leadTimeDays * sigma * sigma + (mean * item.leadTimeStdDevDays) ** 2,
  );
  // The buyer keeps 15 % on top: demand estimates are never exact.
  const level = 1.15 * (mean * item.leadTimeDays + z * spread);
  return roundUp(level, item.packSize * scaleOf(item));
}

/** Demand of `coverDays`, at least the minimum order, whole packs. */
function orderQuantity(item: DemoItem, day: number): number {
  const scale = scaleOf(item);
  const cover = dailyDemand(item, day + item.leadTimeDays) * item.coverDays;
  return roundUp(Math.max(cover, item.minOrderQuantity * scale), item.packSize * scale);
}

/** Garden items sell from March to October, most in June; others all year. */
function seasonFactor(item: DemoItem, day: number): number {
  if (!item.seasonal) return 1;
  const peak = 165; // mid June
  const distance = (day - peak) / 65;
  return 2.2 * Math.exp(-distance * distance);
}

function costUnitsOn(item: DemoItem, day: number): number {
  return day >= PRICE_RISE_DAY ? Math.round(item.costUnits * 1.03) : item.costUnits;
}

function skuInfoOf(item: DemoItem, stocks: readonly Stock[]): SkuInfo {
  const onOrder = stocks
    .filter((s) => s.item === item)
    .reduce((sum, s) => sum + s.orders.reduce((t, o) => t + o.quantity, 0), 0);
  return {
    sku: item.sku,
    description: item.description,
    category: item.category,
    leadTimeDays: item.leadTimeDays,
    leadTimeStdDevDays: item.leadTimeStdDevDays,
    serviceLevel: item.serviceLevel,
    reviewPeriodDays: REVIEW_PERIOD_DAYS,
    minOrderQuantity: item.minOrderQuantity,
    ...(item.quantityDecimals > 0 ? {} : { packSize: item.packSize }),
    onOrder: onOrder / scaleOf(item),
  };
}

/** Quantities are whole multiples of 10^-quantityDecimals inside the simulation. */
function scaleOf(item: DemoItem): number {
  return 10 ** item.quantityDecimals;
}

function roundUp(value: number, multiple: number): number {
  return Math.max(multiple, Math.ceil(value / multiple) * multiple);
}

/** An amount of `units / 10^decimals` as exact decimal text. */
function money(units: number, decimals: number): string {
  const text = String(units).padStart(decimals + 1, "0");
  return `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}

function isSunday(day: number): boolean {
  return (YEAR_START + day + 4) % 7 === 0; // day 0 (1970-01-01) was a Thursday
}

function isMonday(day: number): boolean {
  return (YEAR_START + day + 3) % 7 === 0;
}

/** A Poisson draw (Knuth's method; fine for the small means here). */
function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
