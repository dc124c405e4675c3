import { Decimal } from "../../src/model/Decimal.js";
import type { Movement } from "../../src/model/Movement.js";
import type { OpeningBalance } from "../../src/model/OpeningBalance.js";
import type { Valuation } from "../../src/model/SkuHistory.js";
import type { SkuInfo } from "../../src/model/SkuInfo.js";
import { applicationOrder, dayNumber, dayOfDate, dayText } from "./arbitraries.js";

// A slow, obviously-correct replay written straight from the rules in replayLedger's JSDoc and
// docs/formulas.md ("Ledger replay"), with every amount a Decimal and a dense calendar (one step per
// day). It covers negative stock under every valuation, and transfers per SKU (not by location),
// where a day's transfers net out; it throws on anything else it was not written for (lots,
// by-value stock settling a deficit), so it never silently models something it does not know.
//
// Rules (replayLedger's JSDoc, and SkuState's for the costs of inflows without a cost):
// - Rows apply by day; within a day receipts, returns, transfers (out, then in), adjustments,
//   issues; same kind in input order.
// - moving-average: stock value V, quantity Q. An outflow of q from Q > 0 on hand takes V when
//   q = Q, else round_half_even(q·V/Q, 6 decimals).
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
// - Negative stock ("Negative stock" in formulas.md): the units of an outflow beyond stock on hand
//   are owed, at the last known unit cost: moving average round(u · V'/Q', 6) with V', Q' the stock
//   the last time Q was > 0; FIFO the last cost seen (as for an adjustment), kept per owed piece;
//   else the standardCost, else 0. An inflow settles owed units first: they really cost u × its
//   unit cost; they were booked at (moving average) their share of the deficit's value, V when all
//   are settled, else round_half_even(V · u / −Q, 6), or (FIFO) the oldest owed pieces' costs; the
//   difference goes to COGS (inside the period) and the rest of the inflow becomes a layer. Under
//   standard nothing is settled. A negative opening balance is such a deficit at its unitCost.
//   (formulas.md says "the last known unit cost"; that the moving-average owed value is rounded
//   once, as a value, not as u × a rounded unit cost, is the engine's reading, taken over here.)
// - Transfers per SKU: a SKU-day's transfers net out; a non-zero net is applied once, with the
//   day's transfers: an outflow when negative, else an inflow at the unitCost of the day's first
//   transfer in that carries one, else the current unit cost (as a positive adjustment), so that
//   a matched pair beside it changes nothing (formulas.md, "Transfers"). It is booked as
//   transferred value and quantity in or out.
// - Revenue: Σ issue quantity × unitPrice − Σ return quantity × (its unitPrice, else the SKU's
//   most recent issue price, before the period too); issues without a price and returns without
//   either count in issuesWithoutPrice. Shrinkage: negative adjustments, as positive amounts.
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
  readonly shrinkageQuantity: Decimal;
  readonly shrinkageValue: Decimal;
  readonly transferredInQuantity: Decimal;
  readonly transferredOutQuantity: Decimal;
  readonly transferredValue: Decimal;
  readonly cogs: Decimal;
  readonly revenue: Decimal;
  readonly issuesWithoutPrice: number;
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

/** Units owed below zero (FIFO), at the cost they were booked at. */
interface OwedPiece {
  qty: Decimal;
  readonly cost: Decimal;
}

/** The running stock of one SKU under one valuation. */
class ReferenceStock {
  qty = ZERO;
  value = ZERO;
  readonly layers: RefLayer[] = [];
  /** FIFO: units owed below zero, oldest first (empty while qty ≥ 0). */
  private readonly owed: OwedPiece[] = [];
  private lastIssue: { qty: Decimal; value: Decimal } | null = null;
  private lastPositive: { qty: Decimal; value: Decimal } | null = null;
  private lastFifoCost: Decimal | null = null;

  constructor(
    private readonly valuation: Valuation,
    private readonly standardCost: Decimal | null,
  ) {}

  /**
   * Stock enters: `qty` units worth `value` (at `cost`, or known by value when cost is null). Units
   * owed below zero are settled first; returns the settlement (what they really cost beyond what
   * was booked for them), which belongs to COGS.
   */
  enter(qty: Decimal, cost: Decimal | null, value: Decimal, day: number): Decimal {
    let settlement = ZERO;
    let layerQty = qty;
    let layerValue = value;
    if (this.qty.lt(0)) {
      if (cost === null) throw new Error("reference: stock known by value settling a deficit");
      const settled = Decimal.min(qty, this.qty.neg());
      settlement = this.settle(settled, settled.times(cost));
      layerQty = qty.minus(settled);
      layerValue = layerQty.times(cost);
    }
    this.qty = this.qty.plus(qty);
    this.value =
      this.valuation === "standard"
        ? this.qty.times(this.std())
        : this.value.plus(value).minus(settlement);
    if (this.valuation === "fifo" && layerQty.gt(0))
      this.layers.push({ qty: layerQty, cost, value: layerValue, day });
    this.lastFifoCost = cost ?? round6(value.div(qty));
    this.remember();
    return settlement;
  }

  /** A negative opening balance: `units` (> 0) owed at `cost` before any movement. */
  openDeficit(units: Decimal, cost: Decimal): void {
    this.qty = this.qty.minus(units);
    this.value =
      this.valuation === "standard"
        ? this.qty.times(this.std())
        : this.value.minus(units.times(cost));
    if (this.valuation === "fifo") this.owed.push({ qty: units, cost });
    this.lastFifoCost = cost;
  }

  /**
   * `units` owed units settled by an inflow that brings them at `trueCost`; returns true − booked.
   * Moving average: the settled share of the deficit's (negative) value; FIFO: the oldest owed
   * pieces; standard: nothing to settle (every unit is at standard cost).
   */
  private settle(units: Decimal, trueCost: Decimal): Decimal {
    if (this.valuation === "standard") return ZERO;
    if (this.valuation === "moving-average") {
      const owedUnits = this.qty.neg();
      const booked = units.eq(owedUnits)
        ? this.value
        : round6(this.value.times(units).div(owedUnits));
      return trueCost.plus(booked);
    }
    let booked = ZERO;
    let left = units;
    while (left.gt(0)) {
      const piece = this.owed[0] as OwedPiece;
      const take = Decimal.min(left, piece.qty);
      booked = booked.plus(take.times(piece.cost));
      piece.qty = piece.qty.minus(take);
      left = left.minus(take);
      if (piece.qty.isZero()) this.owed.shift();
    }
    return trueCost.minus(booked);
  }

  /** Stock leaves (beyond stock on hand, owed): returns the value that left. */
  leave(qty: Decimal): Decimal {
    const fromStock = Decimal.min(qty, Decimal.max(this.qty, ZERO));
    const beyond = qty.minus(fromStock);
    let value = this.outflowValue(fromStock);
    if (beyond.gt(0)) value = value.plus(this.owe(beyond));
    this.qty = this.qty.minus(qty);
    this.value =
      this.valuation === "standard" ? this.qty.times(this.std()) : this.value.minus(value);
    this.remember();
    return value;
  }

  /** The value of `qty` units (at most the stock on hand) leaving under the valuation method. */
  private outflowValue(qty: Decimal): Decimal {
    if (this.valuation === "standard") return qty.times(this.std());
    if (this.valuation === "fifo") return this.consume(qty);
    if (qty.isZero()) return ZERO;
    // Moving average: the last unit out takes what is left, so no rounding residue stays behind.
    if (qty.eq(this.qty)) return this.value;
    return round6(qty.times(this.value).div(this.qty));
  }

  /** `units` beyond stock on hand: owed, at the last known unit cost; returns their value. */
  private owe(units: Decimal): Decimal {
    if (this.valuation === "standard") return units.times(this.std());
    if (this.valuation === "moving-average") {
      if (this.lastPositive !== null)
        return round6(units.times(this.lastPositive.value).div(this.lastPositive.qty));
      return units.times(this.standardCost ?? ZERO);
    }
    const cost = this.lastFifoCost ?? this.standardCost ?? ZERO;
    this.owed.push({ qty: units, cost });
    return units.times(cost);
  }

  /** An issue: leaves like any outflow, and its unit cost is what a later return comes back at. */
  issue(qty: Decimal): Decimal {
    const value = this.leave(qty);
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

  /** The cost of a positive adjustment (or net transfer in) without a unitCost. */
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
  readonly shrinkage: Flow;
  readonly transferredIn: Flow;
  readonly transferredOut: Flow;
  /** Negative-stock settlements: they go to COGS. */
  readonly settled: Flow;
  readonly revenue: Flow;
  /** Issues without a price, and returns without their own or an earlier issue's price. */
  withoutPrice: number;
}

const noFlow = (): Flow => ({ qty: ZERO, value: ZERO });

/**
 * Replays a ledger (transfers per SKU, not by location), with Decimal everywhere. Returns one
 * figure set per SKU that has a row on or before the period end, or an opening balance.
 *
 * @throws Error when the ledger uses something the reference does not model (see the rules above).
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

/** What the replay of one SKU carries from row to row besides its stock. */
interface SkuRun {
  readonly stock: ReferenceStock;
  readonly standardCost: Decimal | null;
  readonly valuation: Valuation;
  /** Per day, the net of the SKU's transfers (applied once, at the day's first transfer row). */
  readonly transferNets: Map<number, Decimal>;
  /** Per day, the unitCost of the SKU's first transfer in that carries one. */
  readonly transferInCosts: Map<number, Decimal>;
  /** The price of the SKU's most recent issue that had one. */
  lastIssuePrice: Decimal | null;
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
    const cost =
      dec(o.unitCost) ?? (o.value === undefined || o.value === null ? standardCost : null);
    if (qty.lt(0)) {
      if (cost === null) throw new Error("reference: a negative opening balance by value");
      stock.openDeficit(qty.neg(), cost);
      continue;
    }
    if (qty.isZero()) throw new Error("reference: an opening balance of 0");
    const value = cost !== null ? qty.times(cost) : (dec(o.value) as Decimal);
    const receivedOn =
      o.receivedOn === undefined || o.receivedOn === null ? null : dayOfDate(o.receivedOn);
    // Default date: the day before the SKU's first movement or the period, whichever is earlier.
    const firstMovement = Math.min(from, ...rows.map((m) => dayOfDate(m.date)));
    stock.enter(qty, cost, value, receivedOn ?? firstMovement - 1);
  }
  const transferNets = new Map<number, Decimal>();
  const transferInCosts = new Map<number, Decimal>();
  for (const m of rows) {
    if (m.type !== "transfer") continue;
    const day = dayOfDate(m.date);
    transferNets.set(day, (transferNets.get(day) ?? ZERO).plus(new Decimal(m.quantity)));
    const cost = dec(m.unitCost);
    if (m.quantity > 0 && cost !== null && !transferInCosts.has(day))
      transferInCosts.set(day, cost);
  }
  const run: SkuRun = {
    stock,
    standardCost,
    valuation,
    transferNets,
    transferInCosts,
    lastIssuePrice: null,
  };
  const ordered = applicationOrder(rows).map((i) => rows[i] as Movement);
  const flows: Flows = {
    received: noFlow(),
    issued: noFlow(),
    returned: noFlow(),
    adjusted: noFlow(),
    shrinkage: noFlow(),
    transferredIn: noFlow(),
    transferredOut: noFlow(),
    settled: noFlow(),
    revenue: noFlow(),
    withoutPrice: 0,
  };
  let next = 0;
  // Movements before the period build the opening balance.
  while (next < ordered.length && dayOfDate((ordered[next] as Movement).date) < from) {
    apply(run, ordered[next] as Movement, null);
    next++;
  }
  const opening = { qty: stock.qty, value: stock.value };
  let sumQty = ZERO;
  let sumValue = ZERO;
  let minQty: Decimal | null = null;
  let maxQty: Decimal | null = null;
  for (let day = from; day <= to; day++) {
    while (next < ordered.length && dayOfDate((ordered[next] as Movement).date) === day) {
      apply(run, ordered[next] as Movement, flows);
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
    shrinkageQuantity: flows.shrinkage.qty,
    shrinkageValue: flows.shrinkage.value,
    transferredInQuantity: flows.transferredIn.qty,
    transferredOutQuantity: flows.transferredOut.qty,
    transferredValue: flows.transferredIn.value.minus(flows.transferredOut.value),
    cogs: flows.issued.value.minus(flows.returned.value).plus(flows.settled.value),
    revenue: flows.revenue.value,
    issuesWithoutPrice: flows.withoutPrice,
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

/** Applies one movement; books its flows when `flows` is given (inside the period). */
function apply(run: SkuRun, m: Movement, flows: Flows | null): void {
  const { stock, standardCost, valuation } = run;
  if (m.lot !== undefined && m.lot !== null) throw new Error("reference: lots are not covered");
  const qty = new Decimal(m.quantity);
  const day = dayOfDate(m.date);
  const rowCost = dec(m.unitCost);
  const rowPrice = dec(m.unitPrice);
  const book = (kind: Exclude<keyof Flows, "withoutPrice">, q: Decimal, v: Decimal): void => {
    if (flows === null) return;
    flows[kind].qty = flows[kind].qty.plus(q);
    flows[kind].value = flows[kind].value.plus(v);
  };
  const enter = (q: Decimal, cost: Decimal): Decimal => {
    book("settled", ZERO, stock.enter(q, cost, q.times(cost), day));
    return q.times(cost);
  };
  switch (m.type) {
    case "receipt": {
      const cost = valuation === "standard" ? standardCost : (rowCost ?? standardCost);
      if (cost === null) throw new Error("reference: a receipt without any cost");
      book("received", qty, enter(qty, cost));
      return;
    }
    case "return": {
      const cost =
        valuation === "standard" ? stock.returnUnitCost() : (rowCost ?? stock.returnUnitCost());
      book("returned", qty, enter(qty, cost));
      const price = rowPrice ?? run.lastIssuePrice;
      if (price === null) {
        if (flows !== null) flows.withoutPrice++;
      } else book("revenue", ZERO, qty.times(price).neg());
      return;
    }
    case "issue": {
      book("issued", qty, stock.issue(qty));
      if (rowPrice === null) {
        if (flows !== null) flows.withoutPrice++;
      } else {
        book("revenue", ZERO, qty.times(rowPrice));
        run.lastIssuePrice = rowPrice;
      }
      return;
    }
    case "adjustment": {
      if (qty.gt(0)) {
        const cost =
          valuation === "standard" ? stock.currentUnitCost() : (rowCost ?? stock.currentUnitCost());
        book("adjusted", qty, enter(qty, cost));
      } else {
        const value = stock.leave(qty.neg());
        book("adjusted", qty, value.neg());
        book("shrinkage", qty.neg(), value);
      }
      return;
    }
    case "transfer": {
      // The day's net, once, at its first transfer row (the rest find it taken).
      const net = run.transferNets.get(day) ?? ZERO;
      run.transferNets.set(day, ZERO);
      if (net.lt(0)) book("transferredOut", net.neg(), stock.leave(net.neg()));
      else if (net.gt(0)) {
        const cost =
          valuation === "standard"
            ? stock.currentUnitCost()
            : (run.transferInCosts.get(day) ?? stock.currentUnitCost());
        book("transferredIn", net, enter(net, cost));
      }
      return;
    }
    default:
      throw new Error(`reference: unknown movement type ${String(m.type)}`);
  }
}
