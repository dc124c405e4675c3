import { Decimal } from "../../src/model/Decimal.js";
import type { Movement } from "../../src/model/Movement.js";
import type { OpeningBalance } from "../../src/model/OpeningBalance.js";
import type { Valuation } from "../../src/model/SkuHistory.js";
import type { SkuInfo } from "../../src/model/SkuInfo.js";
import { applicationOrder, dayNumber, dayOfDate, dayText } from "./arbitraries.js";

// A slow, obviously-correct replay written straight from the rules in replayLedger's JSDoc, with
// every amount a Decimal and a dense calendar (one step per day). It covers ledgers WITHOUT
// negative stock and WITHOUT transfers, and throws when it meets either, so it never silently
// models something it was not written for.
//
// Rules (replayLedger's JSDoc, and SkuState's for the costs of inflows without a cost):
// - Rows apply by day; within a day receipts, returns, adjustments, issues; same kind in input order.
// - moving-average: stock value V, quantity Q. An outflow of q takes V when q = Q, else
//   round_half_even(q·V/Q, 6 decimals).
// - fifo: layers oldest first; outflows take the oldest first at each layer's cost, exactly. A layer
//   known only by its total value (an opening balance by value) gives up value pro rata, rounded
//   half-even to 6 decimals, the last unit taking what is left.
// - standard: every amount is quantity × standardCost.
// - A receipt enters at its unitCost, else the SKU's standardCost.
// - A return enters at its unitCost, else round(value/qty of the SKU's most recent issue, 6), else
//   (no issue yet) at the current unit cost below.
// - A positive adjustment enters at its unitCost, else the current unit cost: moving-average
//   round(V/Q, 6) while Q > 0, else that of the last moment Q was > 0; fifo the cost of the last layer
//   received or consumed; in both cases else the standardCost, else 0.
// - An opening balance is the oldest stock ("stock on hand before the first movement", design.md):
//   it enters before every movement, at its unitCost (value = quantity × unitCost) or with its
//   total value, dated `receivedOn` (default: the day before the SKU's first movement or the
//   period start, whichever is earlier: stock on hand before the first movement).
// Precision: Decimal carries 40 significant digits; a quotient rounded to 6 decimals could only be
// double-rounded if it fell within 1e-30 of a tie, which amounts of this size cannot.

/** The figures of one SKU, as the reference computes them. */
export interface ReferenceHistory {
  readonly sku: string;
  readonly openingQuantity: Decimal;
  readonly openingValue: Decimal;
  readonly closingQuantity: Decimal;
  readonly closingValue: Decimal;
  readonly averageQuantity: Decimal;
  readonly averageValue: Decimal;
  readonly minQuantity: Decimal;
  readonly maxQuantity: Decimal;
  readonly receivedQuantity: Decimal;
  readonly receivedValue: Decimal;
  readonly issuedQuantity: Decimal;
  readonly issuedValue: Decimal;
  readonly returnedQuantity: Decimal;
  readonly returnedValue: Decimal;
  readonly adjustedQuantity: Decimal;
  readonly adjustedValue: Decimal;
  readonly cogs: Decimal;
  /** Open FIFO layers, oldest first (fifo only; empty otherwise). */
  readonly layers: readonly ReferenceLayer[];
}

/** An open FIFO layer: its quantity, value and unit cost (value / quantity), and its day. */
export interface ReferenceLayer {
  readonly quantity: Decimal;
  readonly value: Decimal;
  readonly unitCost: Decimal;
  readonly receivedDate: string;
}

/** What the reference replays. */
export interface ReferenceInput {
  readonly rows: readonly Movement[];
  readonly period: { readonly from: string; readonly to: string };
  readonly skuInfo: readonly SkuInfo[];
  readonly openingBalances: readonly OpeningBalance[];
}

const ZERO = new Decimal(0);
const MONEY_DECIMALS = 6;

function round6(value: Decimal): Decimal {
  return value.toDecimalPlaces(MONEY_DECIMALS, Decimal.ROUND_HALF_EVEN);
}

function dec(value: number | string | Decimal | null | undefined): Decimal | null {
  return value === null || value === undefined ? null : new Decimal(String(value));
}

interface RefLayer {
  qty: Decimal;
  /** Unit cost, or null for a layer known only by its total value. */
  readonly cost: Decimal | null;
  value: Decimal;
  readonly day: number;
}

/** The running stock of one SKU under one valuation. */
class ReferenceStock {
  qty = ZERO;
  value = ZERO;
  readonly layers: RefLayer[] = [];
  private lastIssue: { qty: Decimal; value: Decimal } | null = null;
  private lastPositive: { qty: Decimal; value: Decimal } | null = null;
  private lastFifoCost: Decimal | null = null;

  constructor(
    private readonly valuation: Valuation,
    private readonly standardCost: Decimal | null,
  ) {}

  /** Stock enters: `qty` units worth `value` (a layer at `cost`, or by value when cost is null). */
  enter(qty: Decimal, cost: Decimal | null, value: Decimal, day: number): void {
    this.qty = this.qty.plus(qty);
    this.value =
      this.valuation === "standard" ? this.qty.times(this.std()) : this.value.plus(value);
    if (this.valuation === "fifo") this.layers.push({ qty, cost, value, day });
    this.lastFifoCost = cost ?? round6(value.div(qty));
    this.remember();
  }

  /** Stock leaves: returns the value that left. */
  leave(qty: Decimal, sku: string): Decimal {
    if (qty.gt(this.qty)) throw new Error(`reference: ${sku} would go below zero`);
    const value = this.outflowValue(qty);
    this.qty = this.qty.minus(qty);
    this.value = this.value.minus(value);
    this.remember();
    return value;
  }

  /** The value of `qty` units leaving under the valuation method. */
  private outflowValue(qty: Decimal): Decimal {
    if (this.valuation === "standard") return qty.times(this.std());
    if (this.valuation === "fifo") return this.consume(qty);
    // Moving average: the last unit out takes what is left, so no rounding residue stays behind.
    if (qty.eq(this.qty)) return this.value;
    return round6(qty.times(this.value).div(this.qty));
  }

  /** An issue: leaves like any outflow, and its unit cost is what a later return comes back at. */
  issue(qty: Decimal, sku: string): Decimal {
    const value = this.leave(qty, sku);
    this.lastIssue = { qty, value };
    return value;
  }

  /** Removes `qty` from the oldest layers; returns their FIFO value. */
  private consume(qty: Decimal): Decimal {
    let left = qty;
    let value = ZERO;
    while (left.gt(0)) {
      const layer = this.layers[0] as RefLayer;
      const take = Decimal.min(left, layer.qty);
      const taken =
        layer.cost !== null
          ? take.times(layer.cost)
          : take.eq(layer.qty)
            ? layer.value
            : round6(layer.value.times(take).div(layer.qty));
      this.lastFifoCost = layer.cost ?? round6(layer.value.div(layer.qty));
      value = value.plus(taken);
      layer.value = layer.value.minus(taken);
      layer.qty = layer.qty.minus(take);
      left = left.minus(take);
      if (layer.qty.isZero()) this.layers.shift();
    }
    return value;
  }

  private remember(): void {
    if (this.qty.gt(0)) this.lastPositive = { qty: this.qty, value: this.value };
  }

  private std(): Decimal {
    if (this.standardCost === null)
      throw new Error("reference: standard valuation without a standardCost");
    return this.standardCost;
  }

  /** The cost of a positive adjustment without a unitCost. */
  currentUnitCost(): Decimal {
    if (this.valuation === "standard") return this.std();
    if (this.valuation === "moving-average") {
      if (this.qty.gt(0)) return round6(this.value.div(this.qty));
      if (this.lastPositive !== null)
        return round6(this.lastPositive.value.div(this.lastPositive.qty));
    } else if (this.lastFifoCost !== null) return this.lastFifoCost;
    return this.standardCost ?? ZERO;
  }

  /** The cost of a return without a unitCost. */
  returnUnitCost(): Decimal {
    if (this.valuation === "standard") return this.std();
    if (this.lastIssue !== null) return round6(this.lastIssue.value.div(this.lastIssue.qty));
    return this.currentUnitCost();
  }
}

/** Quantity and value of one kind of flow inside the period. */
interface Flow {
  qty: Decimal;
  value: Decimal;
}

/** Period flows of one SKU. */
interface Flows {
  readonly received: Flow;
  readonly issued: Flow;
  readonly returned: Flow;
  readonly adjusted: Flow;
}

const noFlow = (): Flow => ({ qty: ZERO, value: ZERO });

/**
 * Replays a ledger without negative stock and without transfers, with Decimal everywhere.
 * Returns one figure set per SKU that has a row on or before the period end, or an opening balance.
 *
 * @throws Error when the ledger has a transfer or takes a SKU's stock below zero.
 */
export function referenceReplay(
  input: ReferenceInput,
  valuation: Valuation,
): Map<string, ReferenceHistory> {
  const from = dayNumber(input.period.from);
  const to = dayNumber(input.period.to);
  const standard = new Map(input.skuInfo.map((i) => [i.sku, dec(i.standardCost)]));
  const skus = new Set<string>(input.openingBalances.map((o) => o.sku));
  for (const row of input.rows) if (dayOfDate(row.date) <= to) skus.add(row.sku);

  const result = new Map<string, ReferenceHistory>();
  for (const sku of skus) {
    const rows = input.rows.filter((r) => r.sku === sku);
    const openings = input.openingBalances.filter((o) => o.sku === sku);
    result.set(sku, replaySku(sku, rows, openings, standard.get(sku) ?? null, valuation, from, to));
  }
  return result;
}

function replaySku(
  sku: string,
  rows: readonly Movement[],
  openings: readonly OpeningBalance[],
  standardCost: Decimal | null,
  valuation: Valuation,
  from: number,
  to: number,
): ReferenceHistory {
  const stock = new ReferenceStock(valuation, standardCost);
  for (const o of openings) {
    const qty = new Decimal(o.quantity);
    if (qty.lte(0)) throw new Error("reference: opening balances must be positive");
    const cost =
      dec(o.unitCost) ?? (o.value === undefined || o.value === null ? standardCost : null);
    const value = cost !== null ? qty.times(cost) : (dec(o.value) as Decimal);
    const receivedOn =
      o.receivedOn === undefined || o.receivedOn === null ? null : dayOfDate(o.receivedOn);
    // Default date: the day before the SKU's first movement or the period, whichever is earlier.
    const firstMovement = Math.min(from, ...rows.map((m) => dayOfDate(m.date)));
    stock.enter(qty, cost, value, receivedOn ?? firstMovement - 1);
  }
  const ordered = applicationOrder(rows).map((i) => rows[i] as Movement);
  const flows: Flows = {
    received: noFlow(),
    issued: noFlow(),
    returned: noFlow(),
    adjusted: noFlow(),
  };
  let next = 0;
  // Movements before the period build the opening balance.
  while (next < ordered.length && dayOfDate((ordered[next] as Movement).date) < from) {
    apply(stock, ordered[next] as Movement, null, sku, standardCost, valuation);
    next++;
  }
  const opening = { qty: stock.qty, value: stock.value };
  let sumQty = ZERO;
  let sumValue = ZERO;
  let minQty: Decimal | null = null;
  let maxQty: Decimal | null = null;
  for (let day = from; day <= to; day++) {
    while (next < ordered.length && dayOfDate((ordered[next] as Movement).date) === day) {
      apply(stock, ordered[next] as Movement, flows, sku, standardCost, valuation);
      next++;
    }
    sumQty = sumQty.plus(stock.qty);
    sumValue = sumValue.plus(stock.value);
    minQty = minQty === null ? stock.qty : Decimal.min(minQty, stock.qty);
    maxQty = maxQty === null ? stock.qty : Decimal.max(maxQty, stock.qty);
  }
  const days = to - from + 1;
  return {
    sku,
    openingQuantity: opening.qty,
    openingValue: opening.value,
    closingQuantity: stock.qty,
    closingValue: stock.value,
    averageQuantity: sumQty.div(days),
    averageValue: sumValue.div(days),
    minQuantity: minQty as Decimal,
    maxQuantity: maxQty as Decimal,
    receivedQuantity: flows.received.qty,
    receivedValue: flows.received.value,
    issuedQuantity: flows.issued.qty,
    issuedValue: flows.issued.value,
    returnedQuantity: flows.returned.qty,
    returnedValue: flows.returned.value,
    adjustedQuantity: flows.adjusted.qty,
    adjustedValue: flows.adjusted.value,
    cogs: flows.issued.value.minus(flows.returned.value),
    layers:
      valuation === "fifo"
        ? stock.layers.map((l) => {
            const value = l.cost === null ? l.value : l.qty.times(l.cost);
            return {
              quantity: l.qty,
              value,
              unitCost: value.div(l.qty),
              receivedDate: dayText(l.day),
            };
          })
        : [],
  };
}

/** Applies one movement; books its flow when `flows` is given (inside the period). */
function apply(
  stock: ReferenceStock,
  m: Movement,
  flows: Flows | null,
  sku: string,
  standardCost: Decimal | null,
  valuation: Valuation,
): void {
  const qty = new Decimal(m.quantity);
  const day = dayOfDate(m.date);
  const rowCost = dec(m.unitCost);
  const book = (kind: keyof Flows, q: Decimal, v: Decimal): void => {
    if (flows === null) return;
    flows[kind].qty = flows[kind].qty.plus(q);
    flows[kind].value = flows[kind].value.plus(v);
  };
  switch (m.type) {
    case "receipt": {
      const cost = valuation === "standard" ? standardCost : (rowCost ?? standardCost);
      if (cost === null) throw new Error("reference: a receipt without any cost");
      stock.enter(qty, cost, qty.times(cost), day);
      book("received", qty, qty.times(cost));
      return;
    }
    case "return": {
      const cost =
        valuation === "standard" ? stock.returnUnitCost() : (rowCost ?? stock.returnUnitCost());
      stock.enter(qty, cost, qty.times(cost), day);
      book("returned", qty, qty.times(cost));
      return;
    }
    case "issue": {
      book("issued", qty, stock.issue(qty, sku));
      return;
    }
    case "adjustment": {
      if (qty.gt(0)) {
        const cost =
          valuation === "standard" ? stock.currentUnitCost() : (rowCost ?? stock.currentUnitCost());
        stock.enter(qty, cost, qty.times(cost), day);
        book("adjusted", qty, qty.times(cost));
      } else {
        const value = stock.leave(qty.neg(), sku);
        book("adjusted", qty, value.neg());
      }
      return;
    }
    default:
      throw new Error("reference: transfers are not covered");
  }
}
