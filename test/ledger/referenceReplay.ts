import { Decimal } from "../../src/model/Decimal.js";
import type { Movement } from "../../src/model/Movement.js";
import type { OpeningBalance } from "../../src/model/OpeningBalance.js";
import type { Valuation } from "../../src/model/SkuHistory.js";
import type { SkuInfo } from "../../src/model/SkuInfo.js";
import { dayNumber, dayOfDate, dayText, kindRank } from "./arbitraries.js";

// A slow, obviously-correct replay written straight from the rules in replayLedger's JSDoc and
// docs/formulas.md ("Ledger replay", "Lots", "Negative stock", "Transfers", "Relays"), with every
// amount a Decimal and a dense calendar (one step per day). It covers negative stock under every
// valuation, lots, transfers per SKU (a day's transfers net out) and by location (transit, relays);
// it throws on anything else it was not written for, so it never silently models something it does
// not know.
//
// Rules (replayLedger's JSDoc, and SkuState's for the costs of inflows without a cost):
// - Rows apply by day; within a day receipts, returns, transfers (out, then in), adjustments,
//   issues; same kind in input order.
// - moving-average: stock value V, quantity Q. An outflow of q from Q > 0 on hand takes V when
//   q = Q, else round_half_even(q·V/Q, 6 decimals).
// - fifo: layers oldest first; outflows take the oldest first at each layer's cost, exactly. A
//   layer known only by its total value (an opening balance by value, units owed sent by a transfer)
//   gives up value pro rata, rounded half-even to 6 decimals, the last unit taking what is left.
// - standard: every amount is quantity × standardCost.
// - Layers (quantity, receipt day, lot, expiry) are kept under every valuation ("FIFO layers kept
//   under every valuation, for aging", architecture.md): under fifo their costs are the values;
//   under moving average and standard the closing value is spread over them at the end
//   (SkuHistory's StockLayer: round_half_even(V·q/Q, 6) each, the last layer taking the rest, at
//   the closing unit cost round(V/Q, 6)).
// - Lots ("Lots"): an outflow (issue, negative adjustment, transfer out by location) that names a
//   lot takes that lot's layers first, oldest first, then the oldest other layers for what the lot
//   does not hold; its cost is whatever those layers cost (fifo) or the average / standard. When
//   the lot holds fewer units than the outflow takes from stock (units beyond stock on hand are
//   owed, not taken), a `lot_not_on_hand` warning names the first such outflow of each state and
//   lot.
//   Inflows create layers of their own lot and expiry.
// - A receipt enters at its unitCost, else the SKU's standardCost.
// - A return enters at its unitCost, else round(value/qty of the state's most recent issue, 6),
//   else (no issue yet) at the current unit cost below. By location, at a location that never
//   issued, "the most recent issue" is the SKU's at any location (by day, then row); its price
//   likewise.
// - A positive adjustment enters at its unitCost, else the current unit cost: moving-average
//   round(V/Q, 6) while Q > 0, else that of the last moment Q was > 0; fifo the cost of the last layer
//   received or consumed; in both cases else the standardCost, else 0.
// - Negative stock ("Negative stock" in formulas.md): the units of an outflow beyond stock on hand
//   are owed, at the last known unit cost: moving average round(u · V'/Q', 6) with V', Q' the stock
//   the last time Q was > 0 (or, before that, a negative opening balance's units and value); FIFO the last cost seen (as for an adjustment), kept per owed piece;
//   else the standardCost, else 0. An inflow settles owed units first: they really cost u × its
//   unit cost (an inflow known only by its value v of k units: v when u = k, else
//   round_half_even(v · u / k, 6); FIFO: per layer, as when the layer gives up units); they were
//   booked at (moving average) their share of the deficit's value, V when all are settled, else
//   round_half_even(V · u / −Q, 6), or (FIFO) the oldest owed pieces' costs; the difference goes to
//   COGS (inside the period) and the rest of the inflow becomes layers. Under standard nothing is
//   settled. A negative opening balance is such a deficit at its unitCost.
//   (formulas.md says "the last known unit cost"; that the moving-average owed value is rounded
//   once, as a value, not as u × a rounded unit cost, is the engine's reading, taken over here.)
// - Transfers per SKU: a SKU-day's transfers net out; a non-zero net is applied once, with the
//   day's transfers: an outflow when negative (the oldest layers, whatever their lots), else an
//   inflow at the unitCost of the day's first transfer in that carries one (a layer of that row's
//   lot and expiry), else the current unit cost (as a positive adjustment, no lot; never a transfer
//   out's cost or lot, nor an uncosted transfer in's lot), so that a matched pair
//   beside it changes nothing (formulas.md, "Transfers"). It is booked as transferred value and
//   quantity in or out.
// - Transfers by location ("Transfers", "Relays"): one state per SKU and location. A SKU-day's
//   transfers are applied together, at the place of transfers in the day's kind order: first the
//   transfers out, in input order, each taking its location's own stock first (lot first, as any
//   outflow) and putting what it sends in transit as one parcel (its layers in the order taken,
//   each with its receipt day, lot, expiry and, under fifo, its cost or value); units beyond stock
//   on hand are owed at the location's last known cost and travel as a layer known by its value,
//   dated that day. A part taken from a parcel: under fifo its layers at their costs (a layer
//   known by value pro rata); under moving average the parcel's value pro rata (round 6, the last
//   unit taking the rest); under standard quantity × standard cost.
//   - A transfer out beyond its location's own stock, while transfers in reach that location the
//     same day, is a relay: it waits (with every later transfer out of its location) until units
//     sent by other locations are in transit to cover what its stock does not (or all its day's
//     transfers in can bring); then it sends its own stock, then those units, taken from transit
//     in the order sent by its transfers in in input order, with their layers, costs and receipt
//     days, booked as its transfers in and out and never in its stock; the rest, beyond what it
//     holds and receives, is owed at the last known cost, which the relayed units set as if they
//     had been on hand and left last (fifo: the last relayed layer's cost; moving average: its
//     stock before the transfer out together with them), also when nothing is owed. When no
//     waiting transfer out can go on, the first goes with what is in transit.
//   - Then the transfers in: on a day with a relay, the relaying locations' first (what the relay
//     did not take of them, units other locations sent before their own), then the others, in
//     input order, each taking what is in transit in the order sent, as one inflow that settles
//     owed units first; its layers go in receipt-day order (after the layers of their day). What a
//     transfer in finds no units for enters at its unitCost, else the current unit cost, as a layer
//     of its own lot and expiry dated that day. What nobody takes has left.
//   formulas.md leaves open, and the engine's readings are taken over here (the pairing of sources
//   and destinations, which the docs say may differ from the real one, "What the rows do not
//   say"): (a) a waiting transfer out is tried again after a pass over all the day's transfers out,
//   not as soon as the units it waits for are in transit; (b) under moving average a transfer out
//   is one parcel, its own stock, relayed units and owed units given up pro rata to its whole value
//   (so a destination that takes relayed units of it does not get them at "the value they left
//   A with" when the parcel is split), and a transfer in is one inflow; (c) a relay from a stock
//   below zero leaves the moving-average last cost as it was (SkuState.relayed: "they were never
//   on hand with it").
// - Revenue: Σ issue quantity × unitPrice − Σ return quantity × (its unitPrice, else the state's
//   most recent issue price, before the period too, by location as for the cost); issues without
//   a price and returns without either count in issuesWithoutPrice. Shrinkage: negative
//   adjustments, as positive amounts.
// - An opening balance is the oldest stock ("stock on hand before the first movement", design.md):
//   it enters before every movement, at its unitCost (value = quantity × unitCost) or with its
//   total value, dated `receivedOn` (default: the day before the SKU's first movement or the
//   period start, whichever is earlier: stock on hand before the first movement), of its lot and
//   expiry. The balances of one state (per SKU: of all its locations) above zero enter first;
//   then each one below zero takes its units from that stock, oldest layers first (whatever their
//   lots), as an outflow, and the rest is owed at its unitCost ("Opening balances").
// Precision: Decimal carries 40 significant digits; a quotient rounded to 6 decimals could only be
// double-rounded if it fell within 1e-30 of a tie, which amounts of this size cannot.

/** The figures of one SKU (or SKU and location), as the reference computes them. */
export interface ReferenceHistory {
  readonly sku: string;
  /** The location, by location only. */
  readonly location?: string;
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
  /**
   * Open layers, oldest first (empty when nothing is on hand): under fifo at their own costs,
   * under moving average and standard with the closing value spread over them.
   */
  readonly layers: readonly ReferenceLayer[];
}

/** An open layer: its quantity, value and unit cost, its day, lot and expiry. */
export interface ReferenceLayer {
  readonly quantity: Decimal;
  readonly value: Decimal;
  readonly unitCost: Decimal;
  readonly receivedDate: string;
  readonly lot?: string;
  readonly expiresOn?: string;
}

/** A warning the reference models: `lot_not_on_hand`, with the units the lot lacked. */
export interface ReferenceWarning {
  readonly code: "lot_not_on_hand";
  readonly sku: string;
  readonly location?: string;
  readonly date: string;
  /** The input row (0-based). */
  readonly row: number;
  readonly lot: string;
  /** Units the outflow took from stock beyond what the lot held. */
  readonly units: Decimal;
}

/** What the reference replays. */
export interface ReferenceInput {
  readonly rows: readonly Movement[];
  readonly period: { readonly from: string; readonly to: string };
  readonly skuInfo: readonly SkuInfo[];
  readonly openingBalances: readonly OpeningBalance[];
}

/** The histories (by {@link historyKey}) and the modelled warnings, in input-row order. */
export interface ReferenceResult {
  readonly histories: Map<string, ReferenceHistory>;
  readonly warnings: readonly ReferenceWarning[];
}

/** The key of a history: its SKU and location (none per SKU). */
export function historyKey(h: {
  readonly sku: string;
  readonly location?: string | null | undefined;
}): string {
  return JSON.stringify([h.sku, h.location ?? null]);
}

const ZERO = new Decimal(0);
const MONEY_DECIMALS = 6;

function round6(value: Decimal): Decimal {
  return value.toDecimalPlaces(MONEY_DECIMALS, Decimal.ROUND_HALF_EVEN);
}

/** `value · part / whole`, the whole value when part = whole (the last unit takes what is left). */
function proRata(value: Decimal, part: Decimal, whole: Decimal): Decimal {
  return part.eq(whole) ? value : round6(value.times(part).div(whole));
}

function dec(value: number | string | Decimal | null | undefined): Decimal | null {
  return value === null || value === undefined ? null : new Decimal(String(value));
}

function dayOrNull(date: string | Date | null | undefined): number | null {
  return date === null || date === undefined ? null : dayOfDate(date);
}

interface RefLayer {
  qty: Decimal;
  /** Unit cost, or null for a layer known only by its total value. */
  readonly cost: Decimal | null;
  /** Its value (fifo; kept as qty × cost for a layer with a cost). */
  value: Decimal;
  readonly day: number;
  readonly lot: string | null;
  readonly expires: number | null;
}

const copyLayer = (l: RefLayer, qty = l.qty, value = l.value): RefLayer => ({ ...l, qty, value });

/** Units owed below zero (FIFO), at the cost they were booked at. */
interface OwedPiece {
  qty: Decimal;
  readonly cost: Decimal;
}

/**
 * Stock coming in: `qty` units worth `value`, at one unit `cost` or (null) known by value, as
 * `layers` (their quantities add up to qty; under fifo their values to value).
 */
interface Inflow {
  readonly qty: Decimal;
  readonly value: Decimal;
  readonly cost: Decimal | null;
  readonly layers: readonly RefLayer[];
}

/** What an outflow is worth, and the units it took from stock beyond what its lot held. */
interface Outflow {
  readonly value: Decimal;
  readonly lotShortfall: Decimal;
}

/** The running stock of one SKU (or SKU and location) under one valuation. */
class ReferenceStock {
  qty = ZERO;
  value = ZERO;
  /** Open layers, oldest first (receipt-day order), under every valuation. */
  readonly layers: RefLayer[] = [];
  /** FIFO: units owed below zero, oldest first (empty while qty ≥ 0). */
  private readonly owed: OwedPiece[] = [];
  /** The most recent issue: its quantity and value, and its day and row (order of application). */
  lastIssue: { qty: Decimal; value: Decimal; day: number; row: number } | null = null;
  private lastPositive: { qty: Decimal; value: Decimal } | null = null;
  private lastFifoCost: Decimal | null = null;
  /** The lots a `lot_not_on_hand` warning already named. */
  readonly warnedLots = new Set<string>();

  constructor(
    readonly valuation: Valuation,
    private readonly standardCost: Decimal | null,
  ) {}

  /**
   * Stock enters. Units owed below zero are settled first; returns the settlement (what they
   * really cost beyond what was booked for them), which belongs to COGS.
   */
  enter(inflow: Inflow): Decimal {
    let settlement = ZERO;
    let layers = inflow.layers.map((l) => copyLayer(l));
    if (this.qty.lt(0)) {
      const settled = Decimal.min(inflow.qty, this.qty.neg());
      if (this.valuation === "moving-average") {
        const trueValue =
          inflow.cost !== null
            ? settled.times(inflow.cost)
            : proRata(inflow.value, settled, inflow.qty);
        settlement = trueValue.plus(proRata(this.value, settled, this.qty.neg()));
      } else if (this.valuation === "fifo") {
        let left = settled;
        for (const layer of layers) {
          if (left.isZero()) break;
          const take = Decimal.min(left, layer.qty);
          const trueValue =
            layer.cost !== null ? take.times(layer.cost) : proRata(layer.value, take, layer.qty);
          settlement = settlement.plus(trueValue.minus(this.takeOwed(take)));
          layer.qty = layer.qty.minus(take);
          layer.value = layer.value.minus(trueValue);
          left = left.minus(take);
        }
      }
      // Under fifo the loop took the settled units from the layers already.
      if (this.valuation !== "fifo") layers = dropUnits(layers, settled);
    }
    this.qty = this.qty.plus(inflow.qty);
    this.value =
      this.valuation === "standard"
        ? this.qty.times(this.std())
        : this.value.plus(inflow.value).minus(settlement);
    for (const layer of layers) if (layer.qty.gt(0)) this.insertLayer(layer);
    // The last cost seen: that of the layer last received (a layer known by value: value ÷ qty).
    const last = inflow.layers[inflow.layers.length - 1] as RefLayer;
    this.lastFifoCost = last.cost ?? round6(last.value.div(last.qty));
    this.remember();
    return settlement;
  }

  /** A layer in receipt-day order, after the layers of its day (stock that came later). */
  private insertLayer(layer: RefLayer): void {
    let at = this.layers.length;
    while (at > 0 && (this.layers[at - 1] as RefLayer).day > layer.day) at--;
    this.layers.splice(at, 0, layer);
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
    // Moving average: the owed units are the last stock with a known cost (V' / Q' = cost).
    this.lastPositive = { qty: units, value: units.times(cost) };
  }

  /** FIFO: `units` owed units settled, oldest pieces first; returns what they were booked at. */
  private takeOwed(units: Decimal): Decimal {
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
    return booked;
  }

  /** Stock leaves (lot first when named; beyond stock on hand, owed). */
  leave(qty: Decimal, lot: string | null): Outflow {
    const fromStock = Decimal.min(qty, Decimal.max(this.qty, ZERO));
    const part = this.leaveStock(fromStock, lot);
    const beyond = qty.minus(fromStock);
    const owed = beyond.gt(0) ? this.oweBeyond(beyond) : ZERO;
    return { value: part.value.plus(owed), lotShortfall: part.shortfall };
  }

  /** `qty` units (at most the stock on hand) leave: their value, layers and the lot's shortfall. */
  leaveStock(
    qty: Decimal,
    lot: string | null,
  ): { value: Decimal; taken: RefLayer[]; shortfall: Decimal } {
    const { taken, shortfall } = this.consume(qty, lot);
    let value: Decimal;
    if (this.valuation === "standard") value = qty.times(this.std());
    else if (this.valuation === "fifo") value = sumOf(taken.map((l) => l.value));
    else if (qty.isZero()) value = ZERO;
    // Moving average: the last unit out takes what is left, so no rounding residue stays behind.
    else value = proRata(this.value, qty, this.qty);
    this.qty = this.qty.minus(qty);
    this.value =
      this.valuation === "standard" ? this.qty.times(this.std()) : this.value.minus(value);
    this.remember();
    return { value, taken, shortfall };
  }

  /** `units` beyond stock on hand: owed, at the last known unit cost; returns their value. */
  oweBeyond(units: Decimal): Decimal {
    let value: Decimal;
    if (this.valuation === "standard") value = units.times(this.std());
    else if (this.valuation === "moving-average")
      value =
        this.lastPositive !== null
          ? round6(units.times(this.lastPositive.value).div(this.lastPositive.qty))
          : units.times(this.standardCost ?? ZERO);
    else {
      const cost = this.lastFifoCost ?? this.standardCost ?? ZERO;
      this.owed.push({ qty: units, cost });
      value = units.times(cost);
    }
    this.qty = this.qty.minus(units);
    this.value =
      this.valuation === "standard" ? this.qty.times(this.std()) : this.value.minus(value);
    return value;
  }

  /**
   * Units relayed through this location (never in its stock) set its last known cost, as if they
   * had been on hand with its stock `before` the transfer out and left last.
   */
  relayed(before: { qty: Decimal; value: Decimal }, relayed: Inflow): void {
    const last = relayed.layers[relayed.layers.length - 1];
    if (last === undefined) return;
    this.lastFifoCost = last.cost ?? round6(last.value.div(last.qty));
    // Stock below zero before was never on hand with them: the last cost stays (SkuState).
    if (before.qty.gte(0))
      this.lastPositive = {
        qty: before.qty.plus(relayed.qty),
        value: before.value.plus(relayed.value),
      };
  }

  /** An issue: leaves like any outflow, and its unit cost is what a later return comes back at. */
  issue(qty: Decimal, lot: string | null, day: number, row: number): Outflow {
    const out = this.leave(qty, lot);
    this.lastIssue = { qty, value: out.value, day, row };
    return out;
  }

  /**
   * Removes `qty` (at most the stock on hand) from the layers: the named lot's first, oldest
   * first, then the oldest others. Returns the parts taken, in that order, with their FIFO values.
   */
  private consume(qty: Decimal, lot: string | null): { taken: RefLayer[]; shortfall: Decimal } {
    const taken: RefLayer[] = [];
    let left = qty;
    const takeFrom = (ofLot: boolean): void => {
      for (let i = 0; i < this.layers.length && left.gt(0); ) {
        const layer = this.layers[i] as RefLayer;
        if (ofLot && layer.lot !== lot) {
          i++;
          continue;
        }
        const take = Decimal.min(left, layer.qty);
        const value =
          layer.cost !== null ? take.times(layer.cost) : proRata(layer.value, take, layer.qty);
        this.lastFifoCost = layer.cost ?? round6(layer.value.div(layer.qty));
        taken.push(copyLayer(layer, take, value));
        layer.value = layer.value.minus(value);
        layer.qty = layer.qty.minus(take);
        left = left.minus(take);
        if (layer.qty.isZero()) this.layers.splice(i, 1);
        else i++;
      }
    };
    if (lot !== null) takeFrom(true);
    const shortfall = lot !== null ? left : ZERO;
    takeFrom(false);
    if (left.gt(0)) throw new Error("reference: layers do not hold the stock on hand");
    return { taken, shortfall };
  }

  private remember(): void {
    if (this.qty.gt(0)) this.lastPositive = { qty: this.qty, value: this.value };
  }

  std(): Decimal {
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

  /** The cost of a return without a unitCost, after `issue` (this state's most recent, or none). */
  returnUnitCost(issue: { qty: Decimal; value: Decimal } | null): Decimal {
    if (this.valuation === "standard") return this.std();
    if (issue !== null) return round6(issue.value.div(issue.qty));
    return this.currentUnitCost();
  }

  /** The open layers as the history gives them. */
  openLayers(): ReferenceLayer[] {
    if (this.qty.lte(0)) return [];
    const held = sumOf(this.layers.map((l) => l.qty));
    if (!held.eq(this.qty)) throw new Error("reference: layers do not add up to the stock");
    const unitCost = round6(this.value.div(this.qty));
    let allocated = ZERO;
    return this.layers.map((l, i) => {
      let value: Decimal;
      if (this.valuation === "fifo") value = l.cost === null ? l.value : l.qty.times(l.cost);
      else if (i === this.layers.length - 1) value = this.value.minus(allocated);
      else value = round6(this.value.times(l.qty).div(this.qty));
      allocated = allocated.plus(value);
      return {
        quantity: l.qty,
        value,
        unitCost: this.valuation === "fifo" ? (l.cost ?? value.div(l.qty)) : unitCost,
        receivedDate: dayText(l.day),
        ...(l.lot === null ? {} : { lot: l.lot }),
        ...(l.expires === null ? {} : { expiresOn: dayText(l.expires) }),
      };
    });
  }
}

function sumOf(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), ZERO);
}

/** The layers without their first `units` units (oldest first). */
function dropUnits(layers: RefLayer[], units: Decimal): RefLayer[] {
  const out: RefLayer[] = [];
  let left = units;
  for (const layer of layers) {
    const drop = Decimal.min(left, layer.qty);
    left = left.minus(drop);
    if (drop.lt(layer.qty)) out.push(copyLayer(layer, layer.qty.minus(drop)));
  }
  return out;
}

/** Quantity and value of one kind of flow inside the period. */
interface Flow {
  qty: Decimal;
  value: Decimal;
}

type FlowKind =
  | "received"
  | "issued"
  | "returned"
  | "adjusted"
  | "shrinkage"
  | "transferredIn"
  | "transferredOut"
  | "settled"
  | "revenue";

const FLOW_KINDS: readonly FlowKind[] = [
  "received",
  "issued",
  "returned",
  "adjusted",
  "shrinkage",
  "transferredIn",
  "transferredOut",
  "settled",
  "revenue",
];

/** One state (SKU, or SKU and location): its stock, period flows and calendar sums. */
class StateRun {
  readonly stock: ReferenceStock;
  /** Period flows; `settled` holds negative-stock settlements (they go to COGS). */
  readonly flows = new Map<FlowKind, Flow>(FLOW_KINDS.map((k) => [k, { qty: ZERO, value: ZERO }]));
  /** Issues without a price, and returns without their own or an earlier issue's price. */
  withoutPrice = 0;
  /** The price of the state's most recent issue that had one, with its day and row. */
  lastIssuePrice: { price: Decimal; day: number; row: number } | null = null;
  /** Whether the current day is inside the period (flows are booked). */
  inPeriod = false;
  opening: { qty: Decimal; value: Decimal } | null = null;
  sumQty = ZERO;
  sumValue = ZERO;
  minQty: Decimal | null = null;
  maxQty: Decimal | null = null;

  constructor(
    readonly sku: string,
    readonly location: string | null,
    valuation: Valuation,
    standardCost: Decimal | null,
  ) {
    this.stock = new ReferenceStock(valuation, standardCost);
  }

  book(kind: FlowKind, qty: Decimal, value: Decimal): void {
    if (!this.inPeriod) return;
    const flow = this.flows.get(kind) as Flow;
    flow.qty = flow.qty.plus(qty);
    flow.value = flow.value.plus(value);
  }

  /** Stock enters at one cost, as a layer of `day` of `m`'s lot and expiry; returns its value. */
  enterAt(qty: Decimal, cost: Decimal, day: number, m: Movement | null): Decimal {
    const value = qty.times(cost);
    const layer: RefLayer = {
      qty,
      cost,
      value,
      day,
      lot: m?.lot ?? null,
      expires: dayOrNull(m?.expiresOn),
    };
    this.book("settled", ZERO, this.stock.enter({ qty, value, cost, layers: [layer] }));
    return value;
  }

  endOfDay(): void {
    const { qty, value } = this.stock;
    this.sumQty = this.sumQty.plus(qty);
    this.sumValue = this.sumValue.plus(value);
    this.minQty = this.minQty === null ? qty : Decimal.min(this.minQty, qty);
    this.maxQty = this.maxQty === null ? qty : Decimal.max(this.maxQty, qty);
  }

  history(days: number): ReferenceHistory {
    const f = (k: FlowKind) => this.flows.get(k) as Flow;
    const opening = this.opening as { qty: Decimal; value: Decimal };
    return {
      sku: this.sku,
      ...(this.location === null ? {} : { location: this.location }),
      openingQuantity: opening.qty,
      openingValue: opening.value,
      closingQuantity: this.stock.qty,
      closingValue: this.stock.value,
      averageQuantity: this.sumQty.div(days),
      averageValue: this.sumValue.div(days),
      minQuantity: this.minQty as Decimal,
      maxQuantity: this.maxQty as Decimal,
      receivedQuantity: f("received").qty,
      receivedValue: f("received").value,
      issuedQuantity: f("issued").qty,
      issuedValue: f("issued").value,
      returnedQuantity: f("returned").qty,
      returnedValue: f("returned").value,
      adjustedQuantity: f("adjusted").qty,
      adjustedValue: f("adjusted").value,
      shrinkageQuantity: f("shrinkage").qty,
      shrinkageValue: f("shrinkage").value,
      transferredInQuantity: f("transferredIn").qty,
      transferredOutQuantity: f("transferredOut").qty,
      transferredValue: f("transferredIn").value.minus(f("transferredOut").value),
      cogs: f("issued").value.minus(f("returned").value).plus(f("settled").value),
      revenue: f("revenue").value,
      issuesWithoutPrice: this.withoutPrice,
      layers: this.stock.openLayers(),
    };
  }
}

/** A movement with its input row. */
interface Row {
  readonly m: Movement;
  readonly row: number;
  readonly day: number;
}

/**
 * Replays a ledger per SKU (transfers net out per SKU and day), with Decimal everywhere. Returns
 * one figure set per SKU that has a row on or before the period end, or an opening balance.
 *
 * @throws Error when the ledger uses something the reference does not model (see the rules above).
 */
export function referenceReplay(
  input: ReferenceInput,
  valuation: Valuation,
): Map<string, ReferenceHistory> {
  const { histories } = referenceReplayAll(input, valuation);
  return new Map([...histories.values()].map((h) => [h.sku, h]));
}

/** Options of {@link referenceReplayAll}. */
export interface ReferenceOptions {
  /** One history per SKU and location (default false: per SKU). */
  readonly byLocation?: boolean;
}

/**
 * Replays a ledger per SKU or, `byLocation`, per SKU and location; the histories are keyed by
 * {@link historyKey}, one per state with a row on or before the period end or an opening balance.
 */
export function referenceReplayAll(
  input: ReferenceInput,
  valuation: Valuation,
  options: ReferenceOptions = {},
): ReferenceResult {
  const from = dayNumber(input.period.from);
  const to = dayNumber(input.period.to);
  const standard = new Map(input.skuInfo.map((i) => [i.sku, dec(i.standardCost)]));
  const rows: Row[] = input.rows.map((m, row) => ({ m, row, day: dayOfDate(m.date) }));
  const skus = new Set<string>(input.openingBalances.map((o) => o.sku));
  for (const r of rows) if (r.day <= to) skus.add(r.m.sku);

  const histories = new Map<string, ReferenceHistory>();
  const warnings: ReferenceWarning[] = [];
  for (const sku of skus) {
    const run = new SkuRun(
      sku,
      rows.filter((r) => r.m.sku === sku),
      input.openingBalances.filter((o) => o.sku === sku),
      standard.get(sku) ?? null,
      valuation,
      options,
      warnings,
    );
    for (const h of run.replay(from, to)) histories.set(historyKey(h), h);
  }
  warnings.sort((a, b) => a.row - b.row);
  return { histories, warnings };
}

/** A transfer out's units in transit: its location, layers (oldest first, as sent) and value. */
interface Parcel {
  readonly sender: string | null;
  readonly layers: RefLayer[];
  qty: Decimal;
  value: Decimal;
}

/** A transfer row of the day and the units it still has to move. */
interface TransferRow {
  readonly r: Row;
  readonly location: string | null;
  left: Decimal;
}

/** The replay of one SKU: its states, and the rows in the order they apply. */
class SkuRun {
  private readonly states = new Map<string, StateRun>();
  private readonly byLocation: boolean;

  constructor(
    private readonly sku: string,
    private readonly rows: readonly Row[],
    private readonly openings: readonly OpeningBalance[],
    private readonly standardCost: Decimal | null,
    private readonly valuation: Valuation,
    options: ReferenceOptions,
    private readonly warnings: ReferenceWarning[],
  ) {
    this.byLocation = options.byLocation === true;
  }

  private state(location: string | null | undefined): StateRun {
    const loc = this.byLocation ? (location ?? null) : null;
    const key = JSON.stringify(loc);
    let s = this.states.get(key);
    if (s === undefined) {
      s = new StateRun(this.sku, loc, this.valuation, this.standardCost);
      this.states.set(key, s);
    }
    return s;
  }

  replay(from: number, to: number): ReferenceHistory[] {
    const rows = this.rows.filter((r) => r.day <= to);
    // Every state with a row or an opening balance, from the start (they hold 0 until then).
    for (const o of this.openings) this.state(o.location);
    for (const r of rows) this.state(r.m.location);
    // Default date of an opening balance: the day before the SKU's first movement or the period,
    // whichever is earlier.
    const firstMovement = Math.min(from, ...this.rows.map((r) => r.day));
    // Per SKU, the balances of several locations are one state's: those above zero enter first,
    // then those below zero take their units from that stock ("Opening balances").
    const ordered = [
      ...this.openings.filter((o) => o.quantity >= 0),
      ...this.openings.filter((o) => o.quantity < 0),
    ];
    for (const o of ordered) this.open(o, firstMovement - 1);
    const first = Math.min(from, ...rows.map((r) => r.day));
    for (let day = first; day <= to; day++) {
      if (day === from) for (const s of this.states.values()) this.startPeriod(s);
      const today = rows
        .filter((r) => r.day === day)
        .sort((a, b) => kindRank(a.m) - kindRank(b.m) || a.row - b.row);
      let transfersDone = false;
      for (const r of today) {
        if (r.m.type !== "transfer") this.apply(r);
        else if (!transfersDone) {
          transfersDone = true;
          const transfers = today.filter((t) => t.m.type === "transfer");
          if (this.byLocation) this.transfersByLocation(transfers, day);
          else this.netTransfers(transfers, day);
        }
      }
      if (day >= from) for (const s of this.states.values()) s.endOfDay();
    }
    return [...this.states.values()].map((s) => s.history(to - from + 1));
  }

  private startPeriod(s: StateRun): void {
    s.opening = { qty: s.stock.qty, value: s.stock.value };
    s.inPeriod = true;
  }

  private open(o: OpeningBalance, defaultDay: number): void {
    const { stock } = this.state(o.location);
    const qty = new Decimal(o.quantity);
    const cost =
      dec(o.unitCost) ?? (o.value === undefined || o.value === null ? this.standardCost : null);
    if (qty.lt(0)) {
      if (cost === null) throw new Error("reference: a negative opening balance by value");
      // Units the state holds (its balances above zero) leave first, oldest layers first, whatever
      // their lots; the rest is owed at the balance's unit cost.
      const covered = Decimal.min(qty.neg(), Decimal.max(stock.qty, ZERO));
      if (covered.gt(0)) stock.leaveStock(covered, null);
      const owed = qty.neg().minus(covered);
      if (owed.gt(0)) stock.openDeficit(owed, cost);
      return;
    }
    if (qty.isZero()) throw new Error("reference: an opening balance of 0");
    const value = cost !== null ? qty.times(cost) : (dec(o.value) as Decimal);
    const layer: RefLayer = {
      qty,
      cost,
      value,
      day: dayOrNull(o.receivedOn) ?? defaultDay,
      lot: o.lot ?? null,
      expires: dayOrNull(o.expiresOn),
    };
    stock.enter({ qty, value, cost, layers: [layer] });
  }

  private lotWarning(s: StateRun, r: Row, lot: string | null, shortfall: Decimal): void {
    if (lot === null || shortfall.lte(0) || s.stock.warnedLots.has(lot)) return;
    s.stock.warnedLots.add(lot);
    this.warnings.push({
      code: "lot_not_on_hand",
      sku: this.sku,
      ...(s.location === null ? {} : { location: s.location }),
      date: dayText(r.day),
      row: r.row,
      lot,
      units: shortfall,
    });
  }

  /**
   * The issue (or priced issue, as `of` says) that a return at `s` is costed (priced) by: the
   * state's most recent; by location, at a location that never issued one, the SKU's most recent
   * at any location (by day, then row).
   */
  private returnBasis<T extends { day: number; row: number }>(
    s: StateRun,
    of: (s: StateRun) => T | null,
  ): T | null {
    const own = of(s);
    if (own !== null || !this.byLocation) return own;
    let latest: T | null = null;
    for (const other of this.states.values()) {
      const x = of(other);
      if (
        x !== null &&
        (latest === null || x.day > latest.day || (x.day === latest.day && x.row > latest.row))
      )
        latest = x;
    }
    return latest;
  }

  /** Applies one movement other than a transfer. */
  private apply(r: Row): void {
    const { m, day } = r;
    const s = this.state(m.location);
    const { stock } = s;
    const { valuation, standardCost } = this;
    const qty = new Decimal(m.quantity);
    const rowCost = dec(m.unitCost);
    const rowPrice = dec(m.unitPrice);
    const lot = m.lot ?? null;
    switch (m.type) {
      case "receipt": {
        const cost = valuation === "standard" ? standardCost : (rowCost ?? standardCost);
        if (cost === null) throw new Error("reference: a receipt without any cost");
        s.book("received", qty, s.enterAt(qty, cost, day, m));
        return;
      }
      case "return": {
        const issued = stock.returnUnitCost(this.returnBasis(s, (x) => x.stock.lastIssue));
        const cost = valuation === "standard" ? issued : (rowCost ?? issued);
        s.book("returned", qty, s.enterAt(qty, cost, day, m));
        const price = rowPrice ?? this.returnBasis(s, (x) => x.lastIssuePrice)?.price ?? null;
        if (price === null) {
          if (s.inPeriod) s.withoutPrice++;
        } else s.book("revenue", ZERO, qty.times(price).neg());
        return;
      }
      case "issue": {
        const out = stock.issue(qty, lot, day, r.row);
        this.lotWarning(s, r, lot, out.lotShortfall);
        s.book("issued", qty, out.value);
        if (rowPrice === null) {
          if (s.inPeriod) s.withoutPrice++;
        } else {
          s.book("revenue", ZERO, qty.times(rowPrice));
          s.lastIssuePrice = { price: rowPrice, day, row: r.row };
        }
        return;
      }
      case "adjustment": {
        if (qty.gt(0)) {
          const cost =
            valuation === "standard"
              ? stock.currentUnitCost()
              : (rowCost ?? stock.currentUnitCost());
          s.book("adjusted", qty, s.enterAt(qty, cost, day, m));
        } else {
          const out = stock.leave(qty.neg(), lot);
          this.lotWarning(s, r, lot, out.lotShortfall);
          s.book("adjusted", qty, out.value.neg());
          s.book("shrinkage", qty.neg(), out.value);
        }
        return;
      }
      default:
        throw new Error(`reference: unexpected movement type ${String(m.type)}`);
    }
  }

  /**
   * Per SKU: the day's transfers net out; a non-zero net is applied once, from the oldest layers
   * (whatever their lots) or at the cost of the day's first transfer in that carries one.
   */
  private netTransfers(transfers: readonly Row[], day: number): void {
    const s = this.state(null);
    const net = sumOf(transfers.map((t) => new Decimal(t.m.quantity)));
    if (net.lt(0)) {
      s.book("transferredOut", net.neg(), s.stock.leave(net.neg(), null).value);
    } else if (net.gt(0)) {
      const costed = transfers.find((t) => t.m.quantity > 0 && dec(t.m.unitCost) !== null);
      const cost =
        this.valuation === "standard" || costed === undefined
          ? s.stock.currentUnitCost()
          : (dec(costed.m.unitCost) as Decimal);
      s.book("transferredIn", net, s.enterAt(net, cost, day, costed?.m ?? null));
    }
  }

  /**
   * Takes `qty` units off the front of a parcel: its oldest layers, at their own values under fifo
   * (a layer with a cost at it, one known by value pro rata), at the parcel's value pro rata under
   * moving average, at standard cost under standard.
   */
  private takeFrom(p: Parcel, qty: Decimal): Inflow {
    const layers: RefLayer[] = [];
    let fifoValue = ZERO;
    let left = qty;
    while (left.gt(0)) {
      const l = p.layers[0] as RefLayer;
      const take = Decimal.min(left, l.qty);
      const value = l.cost !== null ? take.times(l.cost) : proRata(l.value, take, l.qty);
      layers.push(copyLayer(l, take, value));
      fifoValue = fifoValue.plus(value);
      l.qty = l.qty.minus(take);
      l.value = l.value.minus(value);
      left = left.minus(take);
      if (l.qty.isZero()) p.layers.shift();
    }
    const value =
      this.valuation === "fifo"
        ? fifoValue
        : this.valuation === "standard"
          ? qty.times(this.standardCost as Decimal)
          : proRata(p.value, qty, p.qty);
    p.qty = p.qty.minus(qty);
    p.value = p.value.minus(value);
    return { qty, value, cost: null, layers };
  }

  /**
   * Takes up to `qty` units from transit, in the order sent, passing over those `skip` rejects;
   * returns them as one inflow (or null when none).
   */
  private takeTransit(
    transit: readonly Parcel[],
    qty: Decimal,
    skip: (p: Parcel) => boolean,
  ): Inflow | null {
    const takes: Inflow[] = [];
    let left = qty;
    for (const p of transit) {
      if (left.isZero()) break;
      if (p.qty.isZero() || skip(p)) continue;
      const take = Decimal.min(left, p.qty);
      takes.push(this.takeFrom(p, take));
      left = left.minus(take);
    }
    return joined(takes);
  }

  /** By location: a SKU-day's transfers, with transit and relays ("Transfers", "Relays"). */
  private transfersByLocation(transfers: readonly Row[], day: number): void {
    const rowOf = (r: Row): TransferRow => ({
      r,
      location: r.m.location ?? null,
      left: new Decimal(Math.abs(r.m.quantity)),
    });
    const outs = transfers.filter((t) => t.m.quantity < 0).map(rowOf);
    const ins = transfers.filter((t) => t.m.quantity > 0).map(rowOf);
    const transit: Parcel[] = [];
    const relays = new Set<string | null>();
    const arriving = (loc: string | null) =>
      sumOf(ins.filter((t) => t.location === loc).map((t) => t.left));
    /** Skips the parcels `loc` sent (a relay does not take back its own units). */
    const sentBy = (loc: string | null) => (p: Parcel) => p.sender === loc;
    const available = (loc: string | null) =>
      sumOf(transit.filter((p) => p.sender !== loc).map((p) => p.qty));

    /** Whether a transfer out can go now: its stock covers it, or what it forwards is sent. */
    const canGo = (t: TransferRow): boolean => {
      const short = t.left.minus(Decimal.max(this.state(t.location).stock.qty, ZERO));
      const coming = arriving(t.location);
      if (short.lte(0) || coming.isZero()) return true;
      return available(t.location).gte(Decimal.min(short, coming));
    };
    /** One pass over `list` in order: those that can go go; the rest (and those behind) wait. */
    const pass = (list: readonly TransferRow[]): TransferRow[] => {
      const waiting: TransferRow[] = [];
      for (const t of list) {
        const behind = waiting.some((w) => w.location === t.location);
        if (!behind && canGo(t)) this.transferOut(t, day, ins, transit, relays, sentBy(t.location));
        else waiting.push(t);
      }
      return waiting;
    };
    let waiting = pass(outs);
    while (waiting.length > 0) {
      const stuck = pass(waiting);
      // None could go: the first goes with what is in transit.
      if (stuck.length === waiting.length) {
        const t = stuck.shift() as TransferRow;
        this.transferOut(t, day, ins, transit, relays, sentBy(t.location));
      }
      waiting = stuck;
    }

    // Transfers in: on a day with a relay the relaying locations' first (what their relays did not
    // take, other locations' units before their own), then the others, in input order.
    const relaying = (t: TransferRow) => relays.has(t.location);
    for (const t of [...ins.filter(relaying), ...ins.filter((x) => !relaying(x))]) {
      if (t.left.isZero()) continue;
      const s = this.state(t.location);
      const want = t.left;
      let value = ZERO;
      let got = ZERO;
      const first = this.takeTransit(transit, want, relaying(t) ? sentBy(t.location) : () => false);
      const rest =
        relaying(t) && (first?.qty ?? ZERO).lt(want)
          ? this.takeTransit(transit, want.minus(first?.qty ?? ZERO), () => false)
          : null;
      const arrived = joined([first, rest].filter((x): x is Inflow => x !== null));
      if (arrived !== null) {
        s.book("settled", ZERO, s.stock.enter(arrived));
        value = arrived.value;
        got = arrived.qty;
      }
      const unmatched = want.minus(got);
      if (unmatched.gt(0)) {
        const rowCost = dec(t.r.m.unitCost);
        const cost =
          this.valuation === "standard" || rowCost === null ? s.stock.currentUnitCost() : rowCost;
        value = value.plus(s.enterAt(unmatched, cost, day, t.r.m));
      }
      t.left = ZERO;
      s.book("transferredIn", want, value);
    }
  }

  /**
   * A transfer out by location: its own stock (lot first), then, a relay, units arriving there
   * taken from transit by its transfers in in input order, then units owed beyond both; all of it
   * one parcel in transit.
   */
  private transferOut(
    t: TransferRow,
    day: number,
    ins: readonly TransferRow[],
    transit: Parcel[],
    relays: Set<string | null>,
    ownParcel: (p: Parcel) => boolean,
  ): void {
    const s = this.state(t.location);
    const { stock } = s;
    const lot = t.r.m.lot ?? null;
    const before = { qty: stock.qty, value: stock.value };
    const fromStock = Decimal.min(t.left, Decimal.max(stock.qty, ZERO));
    const part = stock.leaveStock(fromStock, lot);
    this.lotWarning(s, t.r, lot, part.shortfall);
    // A relay: what its stock does not cover comes from the units arriving here.
    let need = t.left.minus(fromStock);
    const takes: Inflow[] = [];
    for (const into of ins) {
      if (need.isZero()) break;
      if (into.location !== t.location || into.left.isZero()) continue;
      const take = this.takeTransit(transit, Decimal.min(need, into.left), ownParcel);
      if (take === null) break;
      into.left = into.left.minus(take.qty);
      need = need.minus(take.qty);
      s.book("transferredIn", take.qty, take.value);
      takes.push(take);
    }
    const relayed = joined(takes);
    if (relayed !== null) {
      relays.add(t.location);
      stock.relayed(before, relayed);
    }
    const layers = [...part.taken, ...(relayed?.layers ?? [])];
    let value = part.value.plus(relayed?.value ?? ZERO);
    if (need.gt(0)) {
      const owed = stock.oweBeyond(need);
      // Units owed travel as one layer known by its value, dated the transfer day.
      layers.push({ qty: need, cost: null, value: owed, day, lot: null, expires: null });
      value = value.plus(owed);
    }
    transit.push({ sender: t.location, layers, qty: t.left, value });
    s.book("transferredOut", t.left, value);
    t.left = ZERO;
  }
}

/** Several inflows as one (their layers in order), or null when there are none. */
function joined(parts: readonly Inflow[]): Inflow | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] as Inflow;
  return {
    qty: sumOf(parts.map((p) => p.qty)),
    value: sumOf(parts.map((p) => p.value)),
    cost: null,
    layers: parts.flatMap((p) => p.layers),
  };
}
