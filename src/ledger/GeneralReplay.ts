import { formatDay } from "../model/day.js";
import { grown } from "../model/grown.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { SkuHistory, Valuation } from "../model/SkuHistory.js";
import { ABSENT, KIND, type LedgerColumns, NO_DAY, NO_ROWS } from "./LedgerColumns.js";
import type { Dictionaries, OpeningLayer } from "./prepareOpening.js";
import {
  compareStates,
  negativeStockWarning,
  periodWarnings,
  type ReplaySettings,
  rowAddress,
  rowCost,
  rowPrice,
  rowQuantity,
  transferNets,
  unknownCostWarning,
  unmatchedNetWarning,
} from "./ReplaySettings.js";
import type { ReplayWarning } from "./ReplayWarning.js";
import type { QuantityTotals } from "./requireExactQuantities.js";
import {
  BigSkuState,
  type Layer,
  layerValue,
  type Scales,
  SkuState,
  type TransitChunk,
} from "./SkuState.js";
import { add, mulDivRound, OVERFLOW, type Scaled, sub, withArithmetic } from "./scaled.js";
import { stateKey } from "./stateKey.js";
import { historyContext, toSkuHistory } from "./toSkuHistory.js";

/**
 * One pass of the general replay engine (`SkuState` objects): the states, the transit between
 * locations, and the warnings. `replayLedger` runs it over the whole ledger (`runAll`); a
 * streaming replay feeds it day-aligned chunks (`useChunk`, `runChunk`, `finishAll`) for the SKUs
 * the fast engine handed over (`adopt`).
 */
export class GeneralReplay {
  readonly warnings: ReplayWarning[] = [];
  private readonly states = new Map<number, SkuState>();
  private readonly transit = new Map<number, { day: number; chunks: TransitChunk[] }>();
  private settings: ReplaySettings;
  private columns: LedgerColumns;
  private readonly names: Dictionaries;
  private readonly scales: Scales;
  private readonly valuation: Valuation;
  private readonly byLocation: boolean;
  private readonly period: { from: number; to: number; days: number };
  private readonly standardCosts: Map<number, Scaled>;
  private readonly keepMonths: boolean;
  /**
   * Per SKU index, 1 for a SKU this pass does not replay: set aside (main pass), not among the
   * only ones (bigint pass), not handed over (streaming).
   */
  private skipped: Uint8Array;
  /** SKUs set aside in this pass because their amounts outgrew 2^53, or null while there are none. */
  overflowed: Uint8Array | null = null;
  /** Where in `order` an error (negative stock under `'error'`) stopped the pass. */
  stoppedAt: number | null = null;
  /** Per SKU-day, the net of its transfers, at its first transfer's position (see `transferNets`). */
  private nets = new Map<number, number>();

  constructor(
    settings: ReplaySettings,
    private readonly big: boolean,
    /** Whether this pass reports the movements before and after the period (only one pass does). */
    private readonly reportsPeriod: boolean,
    /** Streaming: SKUs are skipped until handed over (`adopt`), and the dictionaries grow. */
    streaming = false,
  ) {
    this.settings = settings;
    this.columns = settings.columns;
    this.names = settings.names;
    this.scales = settings.scales;
    this.valuation = settings.valuation;
    this.byLocation = settings.byLocation;
    this.period = settings.period;
    this.standardCosts = settings.standardCosts;
    this.keepMonths = settings.months;
    this.skipped = new Uint8Array(settings.names.skus.length).fill(streaming ? 1 : 0);
  }

  /** Forgets the ledger's rows once every movement is applied (see `FastReplay.dropRows`). */
  dropRows(): void {
    this.settings = { ...this.settings, columns: NO_ROWS };
    this.columns = NO_ROWS;
    this.nets = new Map();
  }

  // ---------------------------------------------------------------- streaming

  /** Streaming: the next chunk's columns (the dictionaries may have grown). */
  useChunk(settings: ReplaySettings): void {
    this.settings = settings;
    this.columns = settings.columns;
    const skus = settings.names.skus.length;
    if (skus > this.skipped.length) {
      const size = Math.max(skus, this.skipped.length * 2);
      this.skipped = grown(this.skipped, new Uint8Array(size).fill(1));
    }
  }

  /** Streaming: replays a SKU from here on, from its states handed over by the fast engine. */
  adopt(sku: number, states: readonly SkuState[]): void {
    this.skipped[sku] = 0;
    for (const state of states) {
      state.keepMonths = this.keepMonths;
      this.states.set(stateKey(state.sku, state.location), state);
    }
  }

  /** Streaming: the opening layers of SKUs met in this chunk (those this pass replays). */
  applyOpenings(opening: readonly OpeningLayer[]): void {
    withArithmetic(!this.big, () => {
      for (const layer of opening)
        if (this.skipped[layer.sku] === 0) this.guarded(layer.sku, () => this.applyOpening(layer));
    });
  }

  /** Streaming: applies one chunk's movements in `order`, up to `stopAt` (see `runAll`). */
  runChunk(order: Int32Array | null, stopAt = Number.POSITIVE_INFINITY): void {
    withArithmetic(!this.big, () => {
      if (!this.byLocation) this.nets = transferNets(this.settings, order);
      this.run(order, stopAt);
    });
  }

  /** Streaming: closes the period for every state. */
  finishAll(): void {
    withArithmetic(!this.big, () => {
      for (const state of this.states.values()) this.guarded(state.sku, () => state.finish());
    });
  }

  /** Streaming: the warnings found since the last call. */
  takeWarnings(): ReplayWarning[] {
    return this.warnings.splice(0);
  }

  // ---------------------------------------------------------------- whole ledger

  /**
   * Applies the opening layers and every movement. In the main pass, returns the SKUs whose amounts
   * outgrew 2^53 (their partial state dropped), or null; the bigint pass replays only `only`.
   */
  runAll(
    opening: readonly OpeningLayer[],
    order: Int32Array | null,
    only: Uint8Array | null,
    /** Stop before this position in `order` (to find an earlier error, without finishing). */
    stopAt = Number.POSITIVE_INFINITY,
  ): Uint8Array | null {
    if (only !== null)
      for (let sku = 0; sku < only.length; sku++) this.skipped[sku] = only[sku] === 1 ? 0 : 1;
    this.applyOpenings(opening);
    this.runChunk(order, stopAt);
    if (stopAt < this.columns.length) return null;
    this.finishAll();
    return this.big ? null : this.overflowed;
  }

  /** Runs `work` for a SKU; an overflow sets the SKU aside for the bigint pass (main pass only). */
  private guarded(sku: number, work: () => void): void {
    try {
      work();
    } catch (e) {
      if (e !== OVERFLOW) throw e;
      this.setAside(sku);
    }
  }

  private setAside(sku: number): void {
    this.skipped[sku] = 1;
    this.overflowed ??= new Uint8Array(this.skipped.length);
    this.overflowed[sku] = 1;
    for (const [key, state] of this.states) if (state.sku === sku) this.states.delete(key);
    this.transit.delete(sku);
    const code = this.names.skus[sku];
    for (let w = this.warnings.length - 1; w >= 0; w--)
      if (this.warnings[w]?.sku === code) this.warnings.splice(w, 1);
  }

  private state(sku: number, location: number): SkuState {
    const loc = this.byLocation ? location : -1;
    const key = stateKey(sku, loc);
    let state = this.states.get(key);
    if (state === undefined) {
      const State = this.big ? BigSkuState : SkuState;
      state = new State(
        sku,
        loc,
        this.valuation,
        this.scales,
        this.standardCosts.get(sku) ?? null,
        this.period.from,
        this.period.to,
      );
      state.keepMonths = this.keepMonths;
      this.states.set(key, state);
    }
    return state;
  }

  /** Books an opening layer into its state (created on first use). */
  private applyOpening(layer: OpeningLayer): void {
    const s = this.state(layer.sku, layer.location);
    s.open(layer.qty, layer.cost, layer.value, layer.day, layer.lot, layer.expires);
  }

  /** Replays the columns' rows of the SKUs this pass owns, in `order`, up to `stopAt`. */
  private run(order: Int32Array | null, stopAt: number): void {
    const { length } = this.columns;
    let before = 0;
    let after = 0;
    let firstAfter = Number.POSITIVE_INFINITY;
    for (let n = 0; n < length && n < stopAt; n++) {
      const i = order === null ? n : (order[n] as number);
      const day = this.columns.day[i] as number;
      if (day > this.period.to) {
        // Rows come in date order: this is the earliest of the rest.
        after = length - n;
        firstAfter = day;
        break;
      }
      if (day < this.period.from) before++;
      const sku = this.columns.sku[i] as number;
      if (this.skipped[sku] === 1) continue;
      try {
        this.apply(n, i, day);
      } catch (e) {
        if (e !== OVERFLOW) {
          if (e instanceof InvKpiError) this.stoppedAt = n;
          throw e;
        }
        this.setAside(sku);
      }
    }
    if (this.reportsPeriod)
      this.warnings.push(...periodWarnings(this.settings, { before, after, firstAfter }));
    for (const [sku, transit] of this.transit) this.flushTransit(sku, transit);
  }

  private apply(n: number, i: number, day: number): void {
    const c = this.columns;
    const s = this.state(c.sku[i] as number, c.location[i] as number);
    const inPeriod = day >= this.period.from;
    if (inPeriod) {
      if (!s.started) s.start();
      s.advanceTo(day);
    }
    s.lastMovement = day;
    const qty = rowQuantity(this.settings, i);
    const kind = c.kind[i] as number;
    const before = s.qty;
    switch (kind) {
      case KIND.receipt: {
        const cost =
          this.valuation === "standard"
            ? s.standardCost
            : (rowCost(this.settings, i) ?? s.standardCost);
        const value = s.receive(
          qty,
          cost ?? 0,
          day,
          c.lot[i] as number,
          c.expires[i] as number,
          inPeriod,
        );
        if (inPeriod) s.bookReceipt(qty, value);
        s.lastReceipt = day;
        break;
      }
      case KIND.return: {
        const value = this.receiveInflow(i, s, qty, day, inPeriod, s.lastIssueUnitCost());
        if (inPeriod) s.bookReturn(day, qty, value, rowPrice(this.settings, i) ?? s.lastIssuePrice);
        break;
      }
      case KIND.issue: {
        const value = s.takeOut(qty, null);
        const price = rowPrice(this.settings, i);
        s.lastIssueValue = value;
        s.lastIssueQty = qty;
        if (price !== null) s.lastIssuePrice = price;
        if (inPeriod) s.bookIssue(day, qty, value, price);
        s.lastIssue = day;
        break;
      }
      case KIND.adjustment: {
        const value =
          qty > 0
            ? this.receiveInflow(i, s, qty, day, inPeriod, s.currentUnitCost())
            : s.takeOut(-qty, null);
        if (inPeriod) s.bookAdjustment(qty, value);
        break;
      }
      case KIND.transferOut: {
        if (!this.byLocation) {
          this.netTransfer(n, i, s, day, inPeriod);
          break;
        }
        const moved: Layer[] = [];
        const value = s.takeOut(-qty, moved);
        const layers = withUnlayeredRest(moved, -qty, value, day, this.scales);
        this.toTransit(s.sku, day, {
          qty: -qty,
          value,
          layers,
          row: c.row[i] as number,
          location: s.location,
        });
        if (inPeriod) s.bookTransfer(qty, value);
        break;
      }
      default: {
        if (!this.byLocation) {
          this.netTransfer(n, i, s, day, inPeriod);
          break;
        }
        const value = this.transferIn(i, s, day, qty, inPeriod);
        if (inPeriod) s.bookTransfer(qty, value);
      }
    }
    if (s.qty < 0 && before >= 0) this.negativeStock(i, s);
  }

  /** Receives `qty` units of row `i` (its lot and expiry) at {@link inflowCost}; returns their value. */
  private receiveInflow(
    i: number,
    s: SkuState,
    qty: number,
    day: number,
    inPeriod: boolean,
    fallback: Scaled | null,
  ): Scaled {
    const c = this.columns;
    const cost = this.inflowCost(i, s, fallback);
    return s.receive(qty, cost, day, c.lot[i] as number, c.expires[i] as number, inPeriod);
  }

  /** The cost of an inflow without a receipt cost: the row's cost, else `fallback`, else 0 with a warning. */
  private inflowCost(i: number, s: SkuState, fallback: Scaled | null): Scaled {
    if (this.valuation === "standard" && s.standardCost !== null) return s.standardCost;
    const cost = rowCost(this.settings, i) ?? fallback;
    if (cost !== null) return cost;
    this.warn(unknownCostWarning(this.settings, i, s.sku, s.location));
    return 0;
  }

  private toTransit(sku: number, day: number, chunk: TransitChunk): void {
    let transit = this.transit.get(sku);
    if (transit !== undefined && transit.day !== day) {
      this.flushTransit(sku, transit);
      transit = undefined;
    }
    if (transit === undefined) {
      transit = { day, chunks: [] };
      this.transit.set(sku, transit);
    }
    transit.chunks.push(chunk);
  }

  /** Transfer in: takes the units that left another location of the same SKU that day, layers and value. */
  private transferIn(i: number, s: SkuState, day: number, qty: number, inPeriod: boolean): Scaled {
    const transit = this.transit.get(s.sku);
    if (transit !== undefined && transit.day !== day) {
      this.flushTransit(s.sku, transit);
    }
    const chunks = transit !== undefined && transit.day === day ? transit.chunks : [];
    let need = qty;
    let value: Scaled = 0;
    const layers: Layer[] = [];
    while (need > 0 && chunks.length > 0) {
      const chunk = chunks[0] as TransitChunk;
      const take = Math.min(need, chunk.qty);
      const piece = take === chunk.qty ? this.wholeChunk(chunk) : this.splitChunk(chunk, take);
      value = add(value, piece.value);
      for (const layer of piece.layers) layers.push(layer);
      if (chunk.qty === 0) chunks.shift();
      need -= take;
    }
    if (qty - need > 0) s.receiveLayers(layers, qty - need, value, day, inPeriod);
    if (need > 0) {
      this.warn({
        code: "unmatched_transfer",
        ...this.address(i, s),
        message: `transfer in of ${need / this.scales.qScale} unit(s) has no matching transfer out that day; booked as stock entering at this location`,
      });
      value = add(value, this.receiveInflow(i, s, need, day, inPeriod, s.currentUnitCost()));
    }
    return value;
  }

  private wholeChunk(chunk: TransitChunk): { value: Scaled; layers: Layer[] } {
    chunk.qty = 0;
    return { value: chunk.value, layers: chunk.layers };
  }

  /**
   * Per SKU (not `byLocation`), a day's transfers move stock between the company's own locations:
   * they net out and change nothing. Only an unmatched net is applied, once, at the SKU-day's first
   * transfer row, and reported: a net out leaves stock like a loss, a net in enters like a receipt.
   */
  private netTransfer(n: number, i: number, s: SkuState, day: number, inPeriod: boolean): void {
    const net = this.nets.get(n);
    if (net === undefined || net === 0) return; // not the SKU-day's first transfer, or matched
    const value =
      net < 0
        ? s.takeOut(-net, null)
        : this.receiveInflow(i, s, net, day, inPeriod, s.currentUnitCost());
    if (inPeriod) s.bookTransfer(net, value);
    this.warn(unmatchedNetWarning(this.settings, i, s.sku, net));
  }

  /** Splits `take` units off the front of a chunk: layers by FIFO, value by the valuation. */
  private splitChunk(chunk: TransitChunk, take: number): { value: Scaled; layers: Layer[] } {
    const layers: Layer[] = [];
    let left = take;
    let fifoValue: Scaled = 0;
    while (left > 0 && chunk.layers.length > 0) {
      const layer = chunk.layers[0] as Layer;
      const part = Math.min(left, layer.qty);
      const partValue = layerValue(layer, part, this.scales);
      fifoValue = add(fifoValue, partValue);
      layers.push({ ...layer, qty: part, value: layer.cost === null ? partValue : 0 });
      if (layer.cost === null) layer.value = sub(layer.value, partValue);
      layer.qty -= part;
      left -= part;
      if (layer.qty === 0) chunk.layers.shift();
    }
    const value =
      this.valuation === "fifo" && left === 0
        ? fifoValue
        : mulDivRound(chunk.value, take, chunk.qty, this.scales.valueUnit6);
    chunk.qty -= take;
    chunk.value = sub(chunk.value, value);
    return { value, layers };
  }

  private flushTransit(sku: number, transit: { day: number; chunks: TransitChunk[] }): void {
    // One warning per transfer out that did not fully arrive, with its row and location.
    for (const chunk of transit.chunks) {
      if (chunk.qty <= 0) continue;
      const location = this.names.locations[chunk.location];
      this.warn({
        code: "unmatched_transfer",
        sku: this.names.skus[sku] as string,
        ...(location === undefined ? {} : { location }),
        date: formatDay(transit.day),
        row: chunk.row,
        message: `${chunk.qty / this.scales.qScale} unit(s) transferred out have no matching transfer in that day; they left stock`,
      });
    }
    this.transit.delete(sku);
  }

  private negativeStock(i: number, s: SkuState): void {
    this.warn(negativeStockWarning(this.settings, i, s.sku, s.location, s.qty));
  }

  private address(
    i: number,
    s: SkuState,
  ): { sku: string; location?: string; date: string; row: number } {
    return rowAddress(this.settings, i, s.sku, s.location);
  }

  private warn(warning: ReplayWarning): void {
    this.warnings.push(warning);
  }

  /** The quantity totals of every state (see `requireExactQuantities`): `SkuState`s have them. */
  quantityTotals(): Iterable<QuantityTotals> {
    return this.states.values();
  }

  /**
   * The finished states as histories, sorted by SKU code, then location, each built when the
   * iteration reaches it (with `months: true` this engine replays every SKU, so a report never
   * holds every history at once either). Each state is let go once its history is built (a
   * state with months is larger than its history), so the engine is spent afterwards.
   */
  *histories(): Generator<SkuHistory> {
    const sorted = [...this.states.values()].sort((a, b) =>
      compareStates(this.names, a.sku, a.location, b.sku, b.location),
    );
    this.states.clear();
    const states: (SkuState | undefined)[] = sorted;
    const context = historyContext(this.settings);
    for (let i = 0; i < states.length; i++) {
      const s = states[i] as SkuState;
      states[i] = undefined;
      yield toSkuHistory(s.raw(), context(s.sku, s.location));
    }
  }
}

/**
 * The layers leaving with a transfer out, plus one for units that left without a layer (they were
 * owed by negative stock at the source): dated the transfer day, valued at the rest of the value.
 */
function withUnlayeredRest(
  layers: readonly Layer[],
  qty: number,
  value: Scaled,
  day: number,
  scales: Scales,
): Layer[] {
  const layered = layers.reduce((sum, layer) => sum + layer.qty, 0);
  if (layered >= qty) return [...layers];
  let layeredValue: Scaled = 0;
  for (const layer of layers)
    layeredValue = add(layeredValue, layerValue(layer, layer.qty, scales));
  return [
    ...layers,
    {
      qty: qty - layered,
      cost: null,
      value: sub(value, layeredValue),
      day,
      lot: ABSENT,
      expires: NO_DAY,
    },
  ];
}
