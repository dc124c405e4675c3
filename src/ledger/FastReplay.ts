import { lastDayOfMonth, monthOfDay } from "../model/day.js";
import { POWERS_OF_TEN } from "../model/exactDecimal.js";
import { grown } from "../model/grown.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { SkuHistory } from "../model/SkuHistory.js";
import { LayerPool, NO_LAYER } from "./LayerPool.js";
import { ABSENT, KIND, NO_DAY, NO_ROWS } from "./LedgerColumns.js";
import { monthsInto, type PeriodMonths, rawMonthsOf } from "./monthRows.js";
import type { OpeningLayer } from "./prepareOpening.js";
import type { RawHistory } from "./RawHistory.js";
import {
  compareStates,
  isCostedTransferIn,
  negativeStockWarning,
  type ReplaySettings,
  rowQuantity,
  transferNets,
  unknownCostWarning,
  unmatchedNetWarning,
} from "./ReplaySettings.js";
import type { ReplayWarning } from "./ReplayWarning.js";
import type { QuantityTotals } from "./requireExactQuantities.js";
import { BigSkuState, type Layer, type SkuState } from "./SkuState.js";
import {
  ADJUSTED_QTY,
  ADJUSTED_VALUE,
  BALANCE_SINCE,
  bucketAdd,
  bucketFlush,
  bucketInto,
  bucketSums,
  COGS,
  DEMAND_DAY,
  DEMAND_MONTH,
  DEMAND_WEEK,
  FIRST_DEMAND,
  FIRST_RECEIPT,
  ISSUE_COUNT,
  ISSUED_QTY,
  ISSUED_VALUE,
  ISSUES_WITHOUT_PRICE,
  LAST_COST_QTY,
  LAST_COST_VALUE,
  LAST_FIFO_COST,
  LAST_ISSUE,
  LAST_ISSUE_PRICE,
  LAST_ISSUE_QTY,
  LAST_ISSUE_ROW,
  LAST_ISSUE_VALUE,
  LAST_MOVEMENT,
  LAST_PRICE_ROW,
  LAST_RECEIPT,
  LAYER_HEAD,
  LAYER_TAIL,
  LOCATION,
  M_CLOSING_QTY,
  M_CLOSING_VALUE,
  M_COGS,
  M_ISSUED_QTY,
  M_ISSUES_WITHOUT_PRICE,
  M_OPENING_QTY,
  M_OPENING_VALUE,
  M_RECEIVED_QTY,
  M_RECEIVED_VALUE,
  M_RETURNED_QTY,
  M_REVENUE,
  M_TRANSFER_IN_QTY,
  M_TRANSFER_OUT_QTY,
  M_TW_QTY,
  M_TW_VALUE,
  MAX_QTY,
  MIN_QTY,
  MONTH,
  MONTH_END,
  OPENING_QTY,
  OPENING_VALUE,
  QTY,
  RECEIVED_QTY,
  RECEIVED_VALUE,
  RETURNED_QTY,
  RETURNED_VALUE,
  REVENUE,
  SHRINKAGE_QTY,
  SHRINKAGE_VALUE,
  SKU,
  STANDARD_COST,
  STARTED,
  STRIDE,
  StateTable,
  TRANSFER_IN_QTY,
  TRANSFER_OUT_QTY,
  TRANSFER_VALUE,
  TW_QTY,
  TW_VALUE,
  VALUE,
} from "./StateTable.js";
import {
  addWide,
  checked,
  mulDivRoundNumber,
  OVERFLOW,
  type Scaled,
  wideValue,
  withArithmetic,
} from "./scaled.js";
import { stateKey } from "./stateKey.js";
import { historyContext, toSkuHistory } from "./toSkuHistory.js";

/** A copy of a fast replay's states and layers: where a streamed chunk started. */
export interface FastSnapshot {
  readonly table: StateTable;
  readonly pool: LayerPool;
}

/** Thrown where a SKU needs what only the general engine does (see {@link FastReplay}). */
const GENERAL = new Error("invkpi: SKU needs the general replay engine (internal signal)");
/** `FastReplay.skuIssued` flags: one of the SKU's locations issued it; issued it with a price. */
const ISSUED = 1;
const PRICED = 2;

/**
 * The replay engine's fast path: every SKU's state in typed arrays (one column per figure, see
 * {@link StateTable}), FIFO layers in a pooled linked list ({@link LayerPool}), amounts as
 * safe-integer doubles, and no object per movement. It applies exactly the rules of the general
 * engine (`SkuState`), for the cases that make up nearly every real ledger.
 *
 * A SKU that needs more is set aside, its partial state dropped, and `replayLedger` replays it
 * with the general engine (SKUs are independent, so the result is the same as one pass):
 * an amount that outgrows 2^53; FIFO stock below zero (owed layers); an opening balance known
 * by value only, or below zero; a layer arriving out of day order; a transfer under `byLocation`;
 * an outflow naming a lot that the oldest layer does not hold. Per-month figures (`months: true`)
 * are kept in `StateTable.monthFigures`, a row per state and month of the period.
 */
export class FastReplay {
  /** Per SKU index: 1 when the SKU was set aside for the general engine. */
  setAside: Uint8Array;
  anySetAside = false;
  /** SKUs set aside since the last `takeSetAside()`. */
  private newlySetAside: number[] = [];
  /** Movements before the period start and after its end (counted for every SKU, over every chunk). */
  before = 0;
  after = 0;
  /** The day of the earliest movement after the period end (+∞: none). */
  firstAfter = Number.POSITIVE_INFINITY;
  private readonly warnings: ReplayWarning[] = [];
  /** The SKU index of each warning, to drop those of SKUs set aside. */
  private readonly warningSkus: number[] = [];
  private readonly t: StateTable;
  private readonly pool = new LayerPool(1024);
  private settings: ReplaySettings;
  private readonly from: number;
  private readonly to: number;
  private readonly qScale: number;
  private readonly costUnit6: number;
  private readonly valueUnit6: number;
  private readonly costDecimals: number;
  private readonly fifo: boolean;
  private readonly standard: boolean;
  private readonly movingAverage: boolean;
  private readonly byLocation: boolean;
  /** First month of the period (month index) and each month's last day from it on. */
  private readonly firstMonth: number;
  private readonly monthEndDays: Int32Array;
  /** Number of month ends inside the period (each state keeps one balance per month end). */
  private readonly monthEndCount: number;
  /** The months whose figures each state keeps (`months: true`; a count of 0 keeps none). */
  private readonly months: PeriodMonths;
  /** State of each SKU (per SKU), or of each `stateKey(sku, location)` (byLocation). */
  private stateOfSku: Int32Array;
  /** By location: per SKU, whether any of its locations issued it (ISSUED), with a price (PRICED). */
  private skuIssued: Uint8Array;
  private readonly stateOfKey = new Map<number, number>();
  private nets: Map<number, number> = new Map();
  /** Under `negativeStock: 'error'` with SKUs set aside: the error met, and where in `order`. */
  stoppedBy: { readonly error: InvKpiError; readonly at: number } | null = null;

  constructor(settings: ReplaySettings) {
    this.settings = settings;
    const { period, scales, valuation, names } = settings;
    this.from = period.from;
    this.to = period.to;
    this.qScale = scales.qScale;
    this.costUnit6 = scales.costUnit6;
    this.valueUnit6 = scales.valueUnit6;
    this.costDecimals = scales.cd;
    this.fifo = valuation === "fifo";
    this.standard = valuation === "standard";
    this.movingAverage = valuation === "moving-average";
    this.byLocation = settings.byLocation;
    this.firstMonth = monthOfDay(period.from);
    const months = monthOfDay(period.to) - this.firstMonth + 2;
    this.monthEndDays = Int32Array.from({ length: months }, (_, k) =>
      lastDayOfMonth(this.firstMonth + k),
    );
    this.monthEndCount = this.monthEndDays.filter((d) => d <= period.to).length;
    this.months = {
      from: period.from,
      to: period.to,
      firstMonth: this.firstMonth,
      count: settings.months ? monthOfDay(period.to) - this.firstMonth + 1 : 0,
    };
    this.setAside = new Uint8Array(names.skus.length);
    this.skuIssued = new Uint8Array(names.skus.length);
    this.stateOfSku = new Int32Array(names.skus.length).fill(-1);
    const expected = settings.byLocation ? 1024 : Math.max(16, names.skus.length);
    this.t = new StateTable(expected, this.monthEndCount, this.months.count);
  }

  /** Applies the opening layers and the movements in `order`, then closes the period for every state. */
  run(opening: readonly OpeningLayer[], order: Int32Array | null): void {
    this.applyOpenings(opening);
    this.applyChunk(order);
    if (this.stoppedBy === null) this.finishAll();
  }

  /** Applies opening layers (of SKUs not set aside). */
  applyOpenings(opening: readonly OpeningLayer[]): void {
    withArithmetic(true, () => {
      for (const layer of opening) {
        if (this.setAside[layer.sku] === 1) continue;
        this.guarded(layer.sku, () => this.applyOpening(layer));
      }
    });
  }

  /** Applies the movements of the columns in `order` (a whole ledger, or whole days of a stream). */
  applyChunk(order: Int32Array | null): void {
    withArithmetic(true, () => {
      if (!this.byLocation) this.nets = transferNets(this.settings, order);
      this.applyMovements(order);
    });
  }

  /**
   * Forgets the ledger's rows once every movement is applied: the histories need only the
   * dictionaries (`settings.names`), and the caller may have handed the ledger over to be freed.
   */
  dropRows(): void {
    this.settings = { ...this.settings, columns: NO_ROWS };
    this.nets = new Map();
  }

  /** Closes the period for every state of a SKU not set aside. */
  finishAll(): void {
    withArithmetic(true, () => {
      const f = this.t.f;
      for (let s = 0; s < this.t.count * STRIDE; s += STRIDE) {
        const sku = f[s + SKU] as number;
        if (this.setAside[sku] === 0) this.guarded(sku, () => this.finish(s));
      }
    });
  }

  // ---------------------------------------------------------------- streaming

  /** Streaming: the next chunk's columns; the dictionaries may have grown. */
  useChunk(settings: ReplaySettings): void {
    this.settings = settings;
    const skus = settings.names.skus.length;
    if (skus <= this.setAside.length) return;
    const size = Math.max(skus, this.setAside.length * 2);
    this.setAside = grown(this.setAside, new Uint8Array(size));
    this.skuIssued = grown(this.skuIssued, new Uint8Array(size));
    this.stateOfSku = grown(this.stateOfSku, new Int32Array(size).fill(-1));
  }

  /** Streaming: sets a SKU aside for the general engine from here on (tests force hand-overs). */
  handOver(sku: number): void {
    this.setSkuAside(sku);
  }

  /** Streaming: the SKUs set aside since the last call. */
  takeSetAside(): number[] {
    return this.newlySetAside.splice(0);
  }

  /** Streaming: the warnings found since the last call, of the SKUs not set aside. */
  takeWarnings(): ReplayWarning[] {
    const warnings = [...this.finishedWarnings()];
    this.warnings.length = 0;
    this.warningSkus.length = 0;
    return warnings;
  }

  /** Streaming: copies every state and layer into `into` (a chunk's starting point). */
  snapshotInto(into: FastSnapshot): void {
    into.table.copyFrom(this.t);
    into.pool.copyFrom(this.pool);
  }

  /** An empty snapshot, to reuse chunk after chunk. */
  newSnapshot(): FastSnapshot {
    return {
      table: new StateTable(16, this.monthEndCount, this.months.count),
      pool: new LayerPool(16),
    };
  }

  /**
   * Streaming: the states of the SKUs `skus` as they were in `snapshot`, as the general engine's
   * `SkuState`s, figure by figure (a SKU without a state there has none: it starts afresh).
   */
  statesIn(snapshot: FastSnapshot, skus: ReadonlySet<number>): Map<number, SkuState[]> {
    const states = new Map<number, SkuState[]>();
    const { table, pool } = snapshot;
    const f = table.f;
    for (let s = 0; s < table.count * STRIDE; s += STRIDE) {
      const sku = f[s + SKU] as number;
      if (!skus.has(sku)) continue;
      let list = states.get(sku);
      if (list === undefined) {
        list = [];
        states.set(sku, list);
      }
      list.push(this.toSkuState(table, pool, s));
    }
    return states;
  }

  private toSkuState(table: StateTable, pool: LayerPool, s: number): SkuState {
    const f = table.f;
    const { period, valuation, scales, standardCosts } = this.settings;
    const sku = f[s + SKU] as number;
    const state = new BigSkuState(
      sku,
      f[s + LOCATION] as number,
      valuation,
      scales,
      standardCosts.get(sku) ?? null,
      period.from,
      period.to,
    );
    const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
    state.qty = f[s + QTY] as number;
    state.value = f[s + VALUE] as number;
    for (let layer = f[s + LAYER_HEAD] as number; layer !== NO_LAYER; layer = pool.next(layer))
      state.layers.push({
        qty: pool.qty(layer),
        cost: pool.cost(layer),
        value: 0,
        day: pool.day(layer),
        lot: pool.lot(layer),
        expires: pool.expires(layer),
      });
    state.lastCostValue = f[s + LAST_COST_VALUE] as number;
    state.lastCostQty = f[s + LAST_COST_QTY] as number;
    state.lastFifoCost = orNull(f[s + LAST_FIFO_COST] as number);
    state.lastIssueValue = f[s + LAST_ISSUE_VALUE] as number;
    state.lastIssueQty = f[s + LAST_ISSUE_QTY] as number;
    state.lastIssuePrice = orNull(f[s + LAST_ISSUE_PRICE] as number);
    state.lastIssueRow = f[s + LAST_ISSUE_ROW] as number;
    state.lastPriceRow = f[s + LAST_PRICE_ROW] as number;
    state.started = f[s + STARTED] === 1;
    state.openingQty = f[s + OPENING_QTY] as number;
    state.openingValue = f[s + OPENING_VALUE] as number;
    state.balanceSince = f[s + BALANCE_SINCE] as number;
    state.twQty = f[s + TW_QTY] as number;
    state.twValue.add(wideValue(f, s + TW_VALUE));
    state.minQty = f[s + MIN_QTY] as number;
    state.maxQty = f[s + MAX_QTY] as number;
    state.receivedQty = f[s + RECEIVED_QTY] as number;
    state.receivedValue.add(wideValue(f, s + RECEIVED_VALUE));
    state.issuedQty = f[s + ISSUED_QTY] as number;
    state.issuedValue.add(wideValue(f, s + ISSUED_VALUE));
    state.issueCount = f[s + ISSUE_COUNT] as number;
    state.returnedQty = f[s + RETURNED_QTY] as number;
    state.returnedValue.add(wideValue(f, s + RETURNED_VALUE));
    state.cogs.add(wideValue(f, s + COGS));
    state.adjustedQty = f[s + ADJUSTED_QTY] as number;
    state.adjustedValue.add(wideValue(f, s + ADJUSTED_VALUE));
    state.shrinkageQty = f[s + SHRINKAGE_QTY] as number;
    state.shrinkageValue.add(wideValue(f, s + SHRINKAGE_VALUE));
    state.transferInQty = f[s + TRANSFER_IN_QTY] as number;
    state.transferOutQty = f[s + TRANSFER_OUT_QTY] as number;
    state.transferValue.add(wideValue(f, s + TRANSFER_VALUE));
    state.revenue.add(wideValue(f, s + REVENUE));
    state.issuesWithoutPrice = f[s + ISSUES_WITHOUT_PRICE] as number;
    if (state.started) {
      state.month = f[s + MONTH] as number;
      state.monthEnd = f[s + MONTH_END] as number;
      if (this.months.count > 0)
        monthsInto(table, s, this.months, state.month - this.firstMonth, state);
      for (let k = 0; k < state.month - this.firstMonth; k++) {
        const at = table.monthEndAt(s, k);
        state.monthEnds.push({
          day: this.monthEndDays[k] as number,
          qty: table.monthEndQty[at] as number,
          value: table.monthEndValue[at] as number,
        });
      }
    }
    bucketInto(f, s + DEMAND_DAY, state.demandDay);
    bucketInto(f, s + DEMAND_WEEK, state.demandWeek);
    bucketInto(f, s + DEMAND_MONTH, state.demandMonth);
    state.firstReceipt = f[s + FIRST_RECEIPT] as number;
    state.firstDemand = f[s + FIRST_DEMAND] as number;
    state.lastIssue = f[s + LAST_ISSUE] as number;
    state.lastReceipt = f[s + LAST_RECEIPT] as number;
    state.lastMovement = f[s + LAST_MOVEMENT] as number;
    return state;
  }

  private applyMovements(order: Int32Array | null): void {
    const c = this.settings.columns;
    const { length } = c;
    for (let n = 0; n < length; n++) {
      const i = order === null ? n : (order[n] as number);
      const day = c.day[i] as number;
      if (day > this.to) {
        this.after += length - n;
        // Rows come in date order: this is the earliest of the rest.
        if (day < this.firstAfter) this.firstAfter = day;
        break;
      }
      if (day < this.from) this.before++;
      const sku = c.sku[i] as number;
      if (this.setAside[sku] === 1) continue;
      try {
        this.apply(n, i, sku, day);
      } catch (e) {
        if (e === OVERFLOW || e === GENERAL) this.setSkuAside(sku);
        else if (this.anySetAside && e instanceof InvKpiError && e.code === "negative_stock") {
          // A SKU set aside earlier may have gone below zero before this row: replayLedger
          // replays those up to here and reports whichever came first.
          this.stoppedBy = { error: e, at: n };
          return;
        } else throw e;
      }
    }
  }

  private guarded(sku: number, work: () => void): void {
    try {
      work();
    } catch (e) {
      if (e !== OVERFLOW && e !== GENERAL) throw e;
      this.setSkuAside(sku);
    }
  }

  private setSkuAside(sku: number): void {
    if (this.setAside[sku] === 1) return;
    this.setAside[sku] = 1;
    this.anySetAside = true;
    this.newlySetAside.push(sku);
  }

  /** The state of a SKU (and location, under byLocation), created on first use. */
  private stateFor(sku: number, location: number): number {
    if (!this.byLocation) {
      const s = this.stateOfSku[sku] as number;
      if (s >= 0) return s;
      const created = this.newState(sku, -1);
      this.stateOfSku[sku] = created;
      return created;
    }
    const key = stateKey(sku, location);
    const s = this.stateOfKey.get(key);
    if (s !== undefined) return s;
    const created = this.newState(sku, location);
    this.stateOfKey.set(key, created);
    return created;
  }

  private newState(sku: number, location: number): number {
    const standardCost = this.settings.standardCosts.get(sku);
    if (typeof standardCost === "bigint") throw GENERAL;
    return this.t.add(sku, location, standardCost ?? Number.NaN);
  }

  private applyOpening(layer: OpeningLayer): void {
    const { cost, qty } = layer;
    if (cost === null || typeof cost === "bigint" || qty <= 0) throw GENERAL;
    const s = this.stateFor(layer.sku, layer.location);
    this.receive(s, qty, cost, layer.day, layer.lot, layer.expires, false);
  }

  // ---------------------------------------------------------------- one movement

  private apply(n: number, i: number, sku: number, day: number): void {
    const c = this.settings.columns;
    const s = this.stateFor(sku, c.location[i] as number);
    const f = this.t.f; // after stateFor: a new state may have grown the table
    const inPeriod = day >= this.from;
    if (inPeriod) {
      if (f[s + STARTED] === 0) this.start(s);
      if ((f[s + BALANCE_SINCE] as number) < day) this.advanceTo(s, day);
    }
    f[s + LAST_MOVEMENT] = day;
    const qty = rowQuantity(this.settings, i);
    const before = f[s + QTY] as number;
    switch (c.kind[i]) {
      case KIND.receipt: {
        const standardCost = f[s + STANDARD_COST] as number;
        const own = this.standard ? standardCost : this.rowCost(i);
        const cost = Number.isNaN(own) ? standardCost : own;
        const value = this.receive(
          s,
          qty,
          Number.isNaN(cost) ? 0 : cost,
          day,
          c.lot[i] as number,
          c.expires[i] as number,
          inPeriod,
        );
        if (inPeriod) this.bookReceipt(s, qty, value);
        f[s + LAST_RECEIPT] = day;
        break;
      }
      case KIND.issue: {
        this.requireOldestLot(s, c.lot[i] as number, qty);
        const value = this.takeOut(s, qty);
        const price = this.rowPrice(i);
        f[s + LAST_ISSUE_VALUE] = value;
        f[s + LAST_ISSUE_QTY] = qty;
        if (!Number.isNaN(price)) f[s + LAST_ISSUE_PRICE] = price;
        if (this.byLocation) this.noteIssue(s, i, price);
        if (inPeriod) this.bookIssue(s, day, qty, value, price);
        f[s + LAST_ISSUE] = day;
        break;
      }
      case KIND.return: {
        if (this.byLocation) this.requireOwnIssue(s, i);
        const cost = this.inflowCost(i, s, this.lastIssueUnitCost(s));
        const value = this.receive(
          s,
          qty,
          cost,
          day,
          c.lot[i] as number,
          c.expires[i] as number,
          inPeriod,
        );
        if (inPeriod) {
          const own = this.rowPrice(i);
          this.bookReturn(
            s,
            day,
            qty,
            value,
            Number.isNaN(own) ? (f[s + LAST_ISSUE_PRICE] as number) : own,
          );
        }
        break;
      }
      case KIND.adjustment: {
        if (qty < 0) this.requireOldestLot(s, c.lot[i] as number, -qty);
        const value =
          qty > 0
            ? this.receive(
                s,
                qty,
                this.inflowCost(i, s, this.currentUnitCost(s)),
                day,
                c.lot[i] as number,
                c.expires[i] as number,
                inPeriod,
              )
            : this.takeOut(s, -qty);
        if (inPeriod) this.bookAdjustment(s, qty, value);
        break;
      }
      default:
        // Transfers: between locations of one SKU they net out per day; byLocation needs transit.
        if (this.byLocation) throw GENERAL;
        this.netTransfer(n, i, s, day, inPeriod);
    }
    if ((f[s + QTY] as number) < 0 && before >= 0) this.negativeStock(i, s, sku);
  }

  /** As `GeneralReplay.negativeStock`: the fall below zero, and an unknown cost of the units owed. */
  private negativeStock(i: number, s: number, sku: number): void {
    const f = this.t.f;
    const location = f[s + LOCATION] as number;
    this.warn(sku, negativeStockWarning(this.settings, i, sku, location, f[s + QTY] as number));
    if (Number.isNaN(this.currentUnitCost(s)))
      this.warn(sku, unknownCostWarning(this.settings, i, sku, location, "outflow"));
  }

  /** Applies a SKU-day's unmatched transfer net once, at its first transfer row, and reports it. */
  private netTransfer(n: number, i: number, s: number, day: number, inPeriod: boolean): void {
    const f = this.t.f;
    const net = this.nets.get(n);
    if (net === undefined || net === 0) return;
    const c = this.settings.columns;
    // A net inflow takes the cost, lot and expiry of its row only when that is the day's first
    // transfer in with a cost; else (`transferNets` put it at the day's first transfer row, maybe
    // a transfer out) the current unit cost, no lot.
    const costed = net > 0 && isCostedTransferIn(this.settings, i);
    const value =
      net < 0
        ? this.takeOut(s, -net)
        : this.receive(
            s,
            net,
            costed
              ? this.inflowCost(i, s, this.currentUnitCost(s))
              : this.knownCost(i, s, this.currentUnitCost(s)),
            day,
            costed ? (c.lot[i] as number) : ABSENT,
            costed ? (c.expires[i] as number) : NO_DAY,
            inPeriod,
          );
    if (inPeriod) this.bookTransfer(s, net, value);
    const sku = f[s + SKU] as number;
    this.warn(sku, unmatchedNetWarning(this.settings, i, sku, net));
  }

  // ---------------------------------------------------------------- costs (NaN: unknown)

  /** Row `i`'s unit cost in cost units, NaN when it has none (as `rowCost`, without a bigint). */
  private rowCost(i: number): number {
    const c = this.settings.columns;
    return this.scaleMoney(c.costUnits[i] as number, c.costDecimals[i] as number);
  }

  /** Row `i`'s unit price in cost units, NaN when it has none. */
  private rowPrice(i: number): number {
    const c = this.settings.columns;
    return this.scaleMoney(c.priceUnits[i] as number, c.priceDecimals[i] as number);
  }

  /**
   * `units × 10^(cd − decimals)`: exact whenever the result is a safe integer (both factors are
   * exact doubles and the product is rounded once); beyond, the amount needs a bigint.
   */
  private scaleMoney(units: number, decimals: number): number {
    if (Number.isNaN(units)) return units;
    const amount = units * (POWERS_OF_TEN[this.costDecimals - decimals] as number);
    if (amount > Number.MAX_SAFE_INTEGER || amount < -Number.MAX_SAFE_INTEGER) throw GENERAL;
    return amount;
  }

  /** As `SkuState.currentUnitCost`: the unit cost at which stock would leave now. */
  private currentUnitCost(s: number): number {
    const f = this.t.f;
    if (this.standard) return f[s + STANDARD_COST] as number;
    if (this.movingAverage) {
      const qty = f[s + QTY] as number;
      if (qty > 0) return mulDivRoundNumber(f[s + VALUE] as number, 1, qty, this.costUnit6);
      const lastQty = f[s + LAST_COST_QTY] as number;
      if (lastQty > 0)
        return mulDivRoundNumber(f[s + LAST_COST_VALUE] as number, 1, lastQty, this.costUnit6);
      return f[s + STANDARD_COST] as number;
    }
    const last = f[s + LAST_FIFO_COST] as number;
    return Number.isNaN(last) ? (f[s + STANDARD_COST] as number) : last;
  }

  /**
   * By location: keeps the source row of the state's last issue (and priced issue), for a
   * hand-over (`SkuState.lastIssueRow`), and that the SKU issued.
   */
  private noteIssue(s: number, i: number, price: number): void {
    const f = this.t.f;
    const row = this.settings.columns.row[i] as number;
    f[s + LAST_ISSUE_ROW] = row;
    const sku = f[s + SKU] as number;
    if (Number.isNaN(price)) {
      this.skuIssued[sku] = (this.skuIssued[sku] as number) | ISSUED;
      return;
    }
    f[s + LAST_PRICE_ROW] = row;
    this.skuIssued[sku] = ISSUED | PRICED;
  }

  /**
   * By location, a return at a location that never issued the SKU (or priced an issue) while
   * another location did is costed (priced) by that issue: the general engine looks across the
   * SKU's locations (`GeneralReplay.lastIssuing`).
   */
  private requireOwnIssue(s: number, i: number): void {
    const f = this.t.f;
    const issued = this.skuIssued[f[s + SKU] as number] as number;
    if (issued === 0) return;
    // Some location issued (a priced issue is an issue too).
    const costElsewhere =
      !this.standard && Number.isNaN(this.rowCost(i)) && (f[s + LAST_ISSUE_ROW] as number) < 0;
    const priceElsewhere =
      Number.isNaN(this.rowPrice(i)) &&
      (f[s + LAST_PRICE_ROW] as number) < 0 &&
      (issued & PRICED) !== 0;
    if (costElsewhere || priceElsewhere) throw GENERAL;
  }

  /** As `SkuState.lastIssueUnitCost`: what a return without a cost comes back at. */
  private lastIssueUnitCost(s: number): number {
    const f = this.t.f;
    if (this.standard) return f[s + STANDARD_COST] as number;
    const qty = f[s + LAST_ISSUE_QTY] as number;
    if (qty > 0)
      return mulDivRoundNumber(f[s + LAST_ISSUE_VALUE] as number, 1, qty, this.costUnit6);
    return this.currentUnitCost(s);
  }

  /** The cost of an inflow other than a receipt: standard, the row's own, the fallback, else 0 (reported). */
  private inflowCost(i: number, s: number, fallback: number): number {
    const f = this.t.f;
    const standardCost = f[s + STANDARD_COST] as number;
    if (this.standard && !Number.isNaN(standardCost)) return standardCost;
    const own = this.rowCost(i);
    return this.knownCost(i, s, Number.isNaN(own) ? fallback : own);
  }

  /** `cost` for an inflow of row `i` (NaN: unknown), or 0, reported, when it is unknown. */
  private knownCost(i: number, s: number, cost: number): number {
    if (!Number.isNaN(cost)) return cost;
    const f = this.t.f;
    const sku = f[s + SKU] as number;
    this.warn(sku, unknownCostWarning(this.settings, i, sku, f[s + LOCATION] as number, "inflow"));
    return 0;
  }

  // ---------------------------------------------------------------- stock in and out

  /**
   * As `SkuState.receive`: settles negative stock first, then adds a layer; returns qty × cost.
   * Every inflow comes through here, so it also keeps the first day stock entered.
   */
  private receive(
    s: number,
    qty: number,
    cost: number,
    day: number,
    lot: number,
    expires: number,
    inPeriod: boolean,
  ): number {
    const f = this.t.f;
    if (day < (f[s + FIRST_RECEIPT] as number)) f[s + FIRST_RECEIPT] = day;
    const inflow = checked(qty * cost);
    const onHand = f[s + QTY] as number;
    let remaining = qty;
    let settlement = 0;
    if (onHand < 0) {
      const settled = Math.min(qty, -onHand);
      settlement = this.settle(s, settled, checked(settled * cost));
      remaining -= settled;
    }
    if (remaining > 0) this.pushLayer(s, remaining, cost, day, lot, expires);
    const newQty = onHand + qty;
    f[s + QTY] = newQty;
    const value = checked(checked((f[s + VALUE] as number) + inflow) - settlement);
    f[s + VALUE] = this.standard ? checked(newQty * (f[s + STANDARD_COST] as number)) : value;
    if (inPeriod && settlement !== 0) this.bookSettlement(s, settlement);
    if (this.fifo) f[s + LAST_FIFO_COST] = cost;
    this.rememberCost(s);
    return inflow;
  }

  /**
   * Negative stock settled by an inflow (moving average and standard; FIFO owes layers and takes
   * the general engine): the extra cost, true − booked, for COGS.
   */
  private settle(s: number, units: number, trueCost: number): number {
    if (this.standard) return 0;
    if (this.fifo) throw GENERAL;
    const f = this.t.f;
    const onHand = f[s + QTY] as number;
    const value = f[s + VALUE] as number;
    const booked =
      units === -onHand ? value : mulDivRoundNumber(value, units, -onHand, this.valueUnit6);
    return checked(trueCost + booked);
  }

  /**
   * An outflow that names a `lot` takes that lot's layers first (`SkuState.takeOut`): the same as
   * taking the oldest when the oldest layer is of that lot and holds the `qty` units; anything
   * else goes to the general engine.
   */
  private requireOldestLot(s: number, lot: number, qty: number): void {
    if (lot === ABSENT) return;
    const head = this.t.f[s + LAYER_HEAD] as number;
    if (head === NO_LAYER || this.pool.lot(head) !== lot || this.pool.qty(head) < qty)
      throw GENERAL;
  }

  /** As `SkuState.takeOut` (without moved layers): oldest layers first; returns the value that left. */
  private takeOut(s: number, qty: number): number {
    const f = this.t.f;
    const onHand = f[s + QTY] as number;
    const fromStock = Math.min(qty, Math.max(onHand, 0));
    const fifoValue = this.consumeLayers(s, fromStock);
    const value = f[s + VALUE] as number;
    let out: number;
    if (this.fifo) out = fifoValue;
    else if (this.standard) out = checked(fromStock * (f[s + STANDARD_COST] as number));
    else
      out =
        fromStock === onHand ? value : mulDivRoundNumber(fromStock, value, onHand, this.valueUnit6);
    const beyond = qty - fromStock;
    if (beyond > 0) out = checked(out + this.owe(s, beyond));
    const newQty = onHand - qty;
    f[s + QTY] = newQty;
    f[s + VALUE] = checked(value - out);
    this.rememberCost(s);
    return out;
  }

  /** Units beyond stock on hand, at the last known unit cost (FIFO owes layers: general engine). */
  private owe(s: number, units: number): number {
    const f = this.t.f;
    const standardCost = f[s + STANDARD_COST] as number;
    if (this.fifo) throw GENERAL;
    if (this.movingAverage && (f[s + LAST_COST_QTY] as number) > 0)
      return mulDivRoundNumber(
        units,
        f[s + LAST_COST_VALUE] as number,
        f[s + LAST_COST_QTY] as number,
        this.valueUnit6,
      );
    return checked(units * (Number.isNaN(standardCost) ? 0 : standardCost));
  }

  private rememberCost(s: number): void {
    const f = this.t.f;
    const qty = f[s + QTY] as number;
    if (qty > 0) {
      f[s + LAST_COST_VALUE] = f[s + VALUE] as number;
      f[s + LAST_COST_QTY] = qty;
    }
  }

  /** Appends a layer; a piece of the same receipt (day, cost, lot, expiry) joins the last layer. */
  private pushLayer(
    s: number,
    qty: number,
    cost: number,
    day: number,
    lot: number,
    expires: number,
  ): void {
    const f = this.t.f;
    const pool = this.pool;
    const tail = f[s + LAYER_TAIL] as number;
    if (tail !== NO_LAYER) {
      const tailDay = pool.day(tail);
      if (tailDay > day) throw GENERAL; // older stock arriving: only transfers and openings do that
      if (
        tailDay === day &&
        pool.cost(tail) === cost &&
        pool.lot(tail) === lot &&
        pool.expires(tail) === expires
      ) {
        pool.setQty(tail, pool.qty(tail) + qty);
        return;
      }
    }
    const layer = pool.allocate(qty, cost, day, lot, expires);
    if (tail === NO_LAYER) f[s + LAYER_HEAD] = layer;
    else pool.link(tail, layer);
    f[s + LAYER_TAIL] = layer;
  }

  /** Removes `qty` units from the oldest layers; returns their value at the layers' costs. */
  private consumeLayers(s: number, qty: number): number {
    const f = this.t.f;
    const pool = this.pool;
    let left = qty;
    let value = 0;
    let layer = f[s + LAYER_HEAD] as number;
    while (left > 0 && layer !== NO_LAYER) {
      const onLayer = pool.qty(layer);
      const take = Math.min(left, onLayer);
      const cost = pool.cost(layer);
      value = checked(value + checked(take * cost));
      f[s + LAST_FIFO_COST] = cost;
      left -= take;
      if (take < onLayer) {
        pool.setQty(layer, onLayer - take);
        break;
      }
      const next = pool.next(layer);
      pool.release(layer);
      layer = next;
    }
    f[s + LAYER_HEAD] = layer;
    if (layer === NO_LAYER) f[s + LAYER_TAIL] = NO_LAYER;
    return value;
  }

  // ---------------------------------------------------------------- period figures

  private bookReceipt(s: number, qty: number, value: number): void {
    const f = this.t.f;
    f[s + RECEIVED_QTY] = (f[s + RECEIVED_QTY] as number) + qty;
    addWide(f, s + RECEIVED_VALUE, value, 1);
    if (this.months.count === 0) return;
    const m = this.t.monthFigures;
    const at = this.monthRow(s);
    m[at + M_RECEIVED_QTY] = (m[at + M_RECEIVED_QTY] as number) + qty;
    addWide(m, at + M_RECEIVED_VALUE, value, 1);
  }

  /** Negative stock settled inside the period: the cost difference belongs to COGS. */
  private bookSettlement(s: number, settlement: number): void {
    addWide(this.t.f, s + COGS, settlement, 1);
    if (this.months.count > 0)
      addWide(this.t.monthFigures, this.monthRow(s) + M_COGS, settlement, 1);
  }

  private bookIssue(s: number, day: number, qty: number, value: number, price: number): void {
    const f = this.t.f;
    f[s + ISSUED_QTY] = (f[s + ISSUED_QTY] as number) + qty;
    addWide(f, s + ISSUED_VALUE, value, 1);
    f[s + ISSUE_COUNT] = (f[s + ISSUE_COUNT] as number) + 1;
    addWide(f, s + COGS, value, 1);
    const revenue = Number.isNaN(price) ? price : checked(qty * price);
    if (Number.isNaN(revenue))
      f[s + ISSUES_WITHOUT_PRICE] = (f[s + ISSUES_WITHOUT_PRICE] as number) + 1;
    else addWide(f, s + REVENUE, revenue, 1);
    if (day < (f[s + FIRST_DEMAND] as number)) f[s + FIRST_DEMAND] = day;
    if (this.months.count > 0) this.bookMonthSale(s, M_ISSUED_QTY, qty, value, revenue);
    this.addDemand(s, day, qty);
  }

  private bookReturn(s: number, day: number, qty: number, value: number, price: number): void {
    const f = this.t.f;
    f[s + RETURNED_QTY] = (f[s + RETURNED_QTY] as number) + qty;
    if (day < (f[s + FIRST_DEMAND] as number)) f[s + FIRST_DEMAND] = day;
    addWide(f, s + RETURNED_VALUE, value, 1);
    addWide(f, s + COGS, -value, 1);
    // A return whose price is unknown (none given, no earlier priced issue) leaves revenue incomplete.
    const revenue = Number.isNaN(price) ? price : -checked(qty * price);
    if (Number.isNaN(revenue))
      f[s + ISSUES_WITHOUT_PRICE] = (f[s + ISSUES_WITHOUT_PRICE] as number) + 1;
    else addWide(f, s + REVENUE, revenue, 1);
    if (this.months.count > 0) this.bookMonthSale(s, M_RETURNED_QTY, qty, -value, revenue);
    this.addDemand(s, day, -qty);
  }

  /**
   * An issue or a customer return in its month: `qty` units into the slot `unitsSlot` (issued or
   * returned), its signed COGS, and its signed revenue (NaN: a line without a price).
   */
  private bookMonthSale(
    s: number,
    unitsSlot: number,
    qty: number,
    cogs: number,
    revenue: number,
  ): void {
    const m = this.t.monthFigures;
    const at = this.monthRow(s);
    m[at + unitsSlot] = (m[at + unitsSlot] as number) + qty;
    addWide(m, at + M_COGS, cogs, 1);
    if (Number.isNaN(revenue))
      m[at + M_ISSUES_WITHOUT_PRICE] = (m[at + M_ISSUES_WITHOUT_PRICE] as number) + 1;
    else addWide(m, at + M_REVENUE, revenue, 1);
  }

  /** Where the row of state `s`'s open month starts, in `StateTable.monthFigures`. */
  private monthRow(s: number): number {
    return this.t.monthAt(s, (this.t.f[s + MONTH] as number) - this.firstMonth);
  }

  private addDemand(s: number, day: number, qty: number): void {
    const f = this.t.f;
    bucketAdd(f, s + DEMAND_DAY, day, qty, this.qScale);
    bucketAdd(f, s + DEMAND_WEEK, Math.floor((day + 3) / 7), qty, this.qScale);
    bucketAdd(f, s + DEMAND_MONTH, f[s + MONTH] as number, qty, this.qScale);
  }

  private bookAdjustment(s: number, qty: number, value: number): void {
    const f = this.t.f;
    f[s + ADJUSTED_QTY] = (f[s + ADJUSTED_QTY] as number) + qty;
    if (qty < 0) {
      addWide(f, s + ADJUSTED_VALUE, -value, 1);
      f[s + SHRINKAGE_QTY] = (f[s + SHRINKAGE_QTY] as number) - qty;
      addWide(f, s + SHRINKAGE_VALUE, value, 1);
    } else addWide(f, s + ADJUSTED_VALUE, value, 1);
  }

  private bookTransfer(s: number, qty: number, value: number): void {
    const f = this.t.f;
    if (qty < 0) {
      f[s + TRANSFER_OUT_QTY] = (f[s + TRANSFER_OUT_QTY] as number) - qty;
      addWide(f, s + TRANSFER_VALUE, -value, 1);
    } else {
      f[s + TRANSFER_IN_QTY] = (f[s + TRANSFER_IN_QTY] as number) + qty;
      addWide(f, s + TRANSFER_VALUE, value, 1);
    }
    if (this.months.count === 0) return;
    const m = this.t.monthFigures;
    const slot = this.monthRow(s) + (qty < 0 ? M_TRANSFER_OUT_QTY : M_TRANSFER_IN_QTY);
    m[slot] = (m[slot] as number) + Math.abs(qty);
  }

  // ---------------------------------------------------------------- days and months

  /** The opening snapshot, before the first movement inside the period. */
  private start(s: number): void {
    const f = this.t.f;
    f[s + STARTED] = 1;
    f[s + OPENING_QTY] = f[s + QTY] as number;
    f[s + OPENING_VALUE] = f[s + VALUE] as number;
    f[s + BALANCE_SINCE] = this.from;
    f[s + MONTH] = this.firstMonth;
    f[s + MONTH_END] = this.monthEndDays[0] as number;
    if (this.months.count > 0) this.openMonth(s, 0);
  }

  /** Books the balance as the end-of-day balance of each day from `balanceSince` to `day − 1`. */
  private advanceTo(s: number, day: number): void {
    const f = this.t.f;
    let since = f[s + BALANCE_SINCE] as number;
    while (since < day) {
      const monthEnd = f[s + MONTH_END] as number;
      const segmentEnd = Math.min(day - 1, monthEnd);
      const days = segmentEnd - since + 1;
      const qty = f[s + QTY] as number;
      f[s + TW_QTY] = (f[s + TW_QTY] as number) + qty * days;
      addWide(f, s + TW_VALUE, f[s + VALUE] as number, days);
      if (qty < (f[s + MIN_QTY] as number)) f[s + MIN_QTY] = qty;
      if (qty > (f[s + MAX_QTY] as number)) f[s + MAX_QTY] = qty;
      const k = (f[s + MONTH] as number) - this.firstMonth;
      if (this.months.count > 0) this.addMonthDays(s, k, days);
      since = segmentEnd + 1;
      if (segmentEnd === monthEnd) {
        this.t.setMonthEnd(s, k, qty, f[s + VALUE] as number);
        if (this.months.count > 0) this.closeMonth(s, k);
        f[s + MONTH] = this.firstMonth + k + 1;
        f[s + MONTH_END] = this.monthEndDays[k + 1] as number;
      }
    }
    f[s + BALANCE_SINCE] = since;
  }

  /** Month `k`'s opening balance: the stock as it stands (`months: true`). */
  private openMonth(s: number, k: number): void {
    const f = this.t.f;
    const m = this.t.monthFigures;
    const at = this.t.monthAt(s, k);
    m[at + M_OPENING_QTY] = f[s + QTY] as number;
    m[at + M_OPENING_VALUE] = f[s + VALUE] as number;
  }

  /** Books the balance as it stands as the end-of-day balance of `days` days of month `k`. */
  private addMonthDays(s: number, k: number, days: number): void {
    const f = this.t.f;
    const m = this.t.monthFigures;
    const at = this.t.monthAt(s, k);
    m[at + M_TW_QTY] = (m[at + M_TW_QTY] as number) + (f[s + QTY] as number) * days;
    addWide(m, at + M_TW_VALUE, f[s + VALUE] as number, days);
  }

  /** Month `k`'s closing balance, the stock as it stands; the next month of the period opens on it. */
  private closeMonth(s: number, k: number): void {
    const f = this.t.f;
    const m = this.t.monthFigures;
    const at = this.t.monthAt(s, k);
    m[at + M_CLOSING_QTY] = f[s + QTY] as number;
    m[at + M_CLOSING_VALUE] = f[s + VALUE] as number;
    if (k + 1 < this.months.count) this.openMonth(s, k + 1);
  }

  private finish(s: number): void {
    const f = this.t.f;
    if (f[s + STARTED] === 0) this.start(s);
    this.advanceTo(s, this.to + 1);
    // A period that ends before its last month does leaves that month open.
    const open = (f[s + MONTH] as number) - this.firstMonth;
    if (open < this.months.count) this.closeMonth(s, open);
    bucketFlush(f, s + DEMAND_DAY, this.qScale);
    bucketFlush(f, s + DEMAND_WEEK, this.qScale);
    bucketFlush(f, s + DEMAND_MONTH, this.qScale);
  }

  private warn(sku: number, warning: ReplayWarning): void {
    this.warnings.push(warning);
    this.warningSkus.push(sku);
  }

  // ---------------------------------------------------------------- results

  /** The warnings of the SKUs this engine finished. */
  finishedWarnings(): ReplayWarning[] {
    if (!this.anySetAside) return this.warnings;
    return this.warnings.filter((_, w) => this.setAside[this.warningSkus[w] as number] === 0);
  }

  /** The states of the SKUs this engine finished, sorted by SKU code, then location code. */
  private finishedStates(): number[] {
    const f = this.t.f;
    const names = this.settings.names;
    const states: number[] = [];
    for (let s = 0; s < this.t.count * STRIDE; s += STRIDE)
      if (this.setAside[f[s + SKU] as number] === 0) states.push(s);
    const order = (a: number, b: number): number =>
      compareStates(
        names,
        f[a + SKU] as number,
        f[a + LOCATION] as number,
        f[b + SKU] as number,
        f[b + LOCATION] as number,
      );
    let sorted = true;
    for (let k = 1; k < states.length && sorted; k++)
      sorted = order(states[k - 1] as number, states[k] as number) <= 0;
    if (!sorted) states.sort(order);
    return states;
  }

  /**
   * The histories of the SKUs this engine finished, in the order of {@link finishedStates}, each
   * built when the iteration reaches it.
   */
  *histories(): Generator<SkuHistory> {
    const context = historyContext(this.settings);
    for (const s of this.finishedStates()) {
      const raw = this.raw(s);
      yield toSkuHistory(raw, context(raw.sku, raw.location));
    }
  }

  /** The quantity totals of the SKUs this engine finished (see `requireExactQuantities`). */
  *quantityTotals(): Generator<QuantityTotals> {
    const f = this.t.f;
    for (let s = 0; s < this.t.count * STRIDE; s += STRIDE) {
      if (this.setAside[f[s + SKU] as number] !== 0) continue;
      yield {
        sku: f[s + SKU] as number,
        location: f[s + LOCATION] as number,
        openingQty: f[s + OPENING_QTY] as number,
        receivedQty: f[s + RECEIVED_QTY] as number,
        issuedQty: f[s + ISSUED_QTY] as number,
        returnedQty: f[s + RETURNED_QTY] as number,
        adjustedQty: f[s + ADJUSTED_QTY] as number,
        shrinkageQty: f[s + SHRINKAGE_QTY] as number,
        transferInQty: f[s + TRANSFER_IN_QTY] as number,
        transferOutQty: f[s + TRANSFER_OUT_QTY] as number,
      };
    }
  }

  /** The finished figures of a state, for `toSkuHistory`. */
  private raw(s: number): RawHistory {
    const f = this.t.f;
    const monthEnds: { day: number; qty: number; value: Scaled }[] = [];
    // toSkuHistory drops month ends the replay was not asked for; this only spares building them.
    const count = this.settings.monthEnds ? this.monthEndCount : 0;
    for (let k = 0; k < count; k++) {
      const at = this.t.monthEndAt(s, k);
      monthEnds.push({
        day: this.monthEndDays[k] as number,
        qty: this.t.monthEndQty[at] as number,
        value: this.t.monthEndValue[at] as number,
      });
    }
    const qty = f[s + QTY] as number;
    return {
      sku: f[s + SKU] as number,
      location: f[s + LOCATION] as number,
      valuation: this.settings.valuation,
      qty,
      value: f[s + VALUE] as number,
      openingQty: f[s + OPENING_QTY] as number,
      openingValue: f[s + OPENING_VALUE] as number,
      twQty: f[s + TW_QTY] as number,
      twValue: wideValue(f, s + TW_VALUE),
      minQty: f[s + MIN_QTY] as number,
      maxQty: f[s + MAX_QTY] as number,
      receivedQty: f[s + RECEIVED_QTY] as number,
      receivedValue: wideValue(f, s + RECEIVED_VALUE),
      issuedQty: f[s + ISSUED_QTY] as number,
      issuedValue: wideValue(f, s + ISSUED_VALUE),
      issueCount: f[s + ISSUE_COUNT] as number,
      returnedQty: f[s + RETURNED_QTY] as number,
      returnedValue: wideValue(f, s + RETURNED_VALUE),
      cogs: wideValue(f, s + COGS),
      adjustedQty: f[s + ADJUSTED_QTY] as number,
      adjustedValue: wideValue(f, s + ADJUSTED_VALUE),
      shrinkageQty: f[s + SHRINKAGE_QTY] as number,
      shrinkageValue: wideValue(f, s + SHRINKAGE_VALUE),
      transferInQty: f[s + TRANSFER_IN_QTY] as number,
      transferOutQty: f[s + TRANSFER_OUT_QTY] as number,
      transferValue: wideValue(f, s + TRANSFER_VALUE),
      revenue: wideValue(f, s + REVENUE),
      issuesWithoutPrice: f[s + ISSUES_WITHOUT_PRICE] as number,
      monthEnds,
      months: this.months.count > 0 ? rawMonthsOf(this.t, s, this.months) : [],
      demandDay: bucketSums(f, s + DEMAND_DAY),
      demandWeek: bucketSums(f, s + DEMAND_WEEK),
      demandMonth: bucketSums(f, s + DEMAND_MONTH),
      firstReceipt: f[s + FIRST_RECEIPT] as number,
      firstDemand: f[s + FIRST_DEMAND] as number,
      lastIssue: f[s + LAST_ISSUE] as number,
      lastReceipt: f[s + LAST_RECEIPT] as number,
      lastMovement: f[s + LAST_MOVEMENT] as number,
      layers: qty > 0 ? this.openLayers(s) : [],
    };
  }

  private openLayers(s: number): Layer[] {
    const f = this.t.f;
    const pool = this.pool;
    const layers: Layer[] = [];
    for (let layer = f[s + LAYER_HEAD] as number; layer !== NO_LAYER; layer = pool.next(layer)) {
      const expires = pool.expires(layer);
      layers.push({
        qty: pool.qty(layer),
        cost: pool.cost(layer),
        value: 0,
        day: pool.day(layer),
        lot: pool.lot(layer),
        expires,
      });
    }
    return layers;
  }
}
