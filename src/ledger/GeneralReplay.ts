import { formatDay } from "../model/day.js";
import { grown } from "../model/grown.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { SkuHistory, Valuation } from "../model/SkuHistory.js";
import { ABSENT, KIND, type LedgerColumns, NO_DAY, NO_ROWS } from "./LedgerColumns.js";
import type { Dictionaries, OpeningLayer } from "./prepareOpening.js";
import {
  compareStates,
  isCostedTransferIn,
  lotNotOnHandWarning,
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
import { add, mul, mulDivRound, OVERFLOW, type Scaled, sub, withArithmetic } from "./scaled.js";
import { stateKey } from "./stateKey.js";
import type { TransferDay } from "./TransferDay.js";
import { TransferOutRounds } from "./TransferOutRounds.js";
import { TransferSection } from "./TransferSection.js";
import { TransitQueue } from "./TransitQueue.js";
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
  /**
   * By location, per SKU index: the state whose issue was applied last, and the one whose priced
   * issue was (see {@link lastIssuing}); none while the SKU has not issued (priced an issue).
   */
  private readonly lastIssuer: (SkuState | undefined)[] = [];
  private readonly lastPricer: (SkuState | undefined)[] = [];
  /** By location, per SKU index: its units in transit, of the day of its transfers met last. */
  private readonly transit = new Map<number, { day: number; queue: TransitQueue }>();
  /** While a SKU-day's transfers out go: their order, told of the units relays take (`fromTransit`). */
  private rounds: TransferOutRounds | null = null;
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
  /** Per SKU-day, the net of its transfers, at the position it is applied at (see `transferNets`). */
  private nets = new Map<number, number>();
  /** byLocation: the SKU-day transfer groups of the day's transfer rows met last. */
  private readonly section = new TransferSection();

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
    this.section.clear();
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
    let issuer: SkuState | undefined;
    let pricer: SkuState | undefined;
    for (const state of states) {
      state.keepMonths = this.keepMonths;
      this.states.set(stateKey(state.sku, state.location), state);
      // The fast engine's states come in no particular order: the latest by source row (a stream
      // is in date order and issues are one kind, so source rows are the order they were applied in).
      if (state.lastIssueRow > (issuer?.lastIssueRow ?? -1)) issuer = state;
      if (state.lastPriceRow > (pricer?.lastPriceRow ?? -1)) pricer = state;
    }
    this.lastIssuer[sku] = issuer;
    this.lastPricer[sku] = pricer;
  }

  /**
   * The opening layers (streaming: of SKUs met in this chunk), of the SKUs this pass replays: those
   * above zero first, so that a balance below zero takes its units from the state's others
   * whatever their order (`SkuState.open`; per SKU, the balances of all its locations are one
   * state's).
   */
  applyOpenings(opening: readonly OpeningLayer[]): void {
    withArithmetic(!this.big, () => {
      for (const aboveZero of [true, false])
        for (const layer of opening)
          if (layer.qty > 0 === aboveZero && this.skipped[layer.sku] === 0)
            this.guarded(layer.sku, () => this.applyOpening(layer));
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
    this.lastIssuer[sku] = undefined;
    this.lastPricer[sku] = undefined;
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
    this.section.clear();
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
        const kind = this.columns.kind[i];
        if (this.byLocation && (kind === KIND.transferOut || kind === KIND.transferIn))
          this.transferRow(n, order, sku, day);
        else this.apply(n, i, day);
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

  /** Applies row `i` (at position `n`), but a transfer under `byLocation` (see {@link transferRow}). */
  private apply(n: number, i: number, day: number): void {
    const c = this.columns;
    const s = this.rowState(i, day);
    const inPeriod = day >= this.period.from;
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
        const issued = this.byLocation && s.lastIssueRow < 0 ? this.lastIssuing(s, false) : s;
        const value = this.receiveInflow(i, s, qty, day, inPeriod, s.lastIssueUnitCost(issued));
        const priced = this.byLocation && s.lastPriceRow < 0 ? this.lastIssuing(s, true) : s;
        if (inPeriod)
          s.bookReturn(day, qty, value, rowPrice(this.settings, i) ?? priced.lastIssuePrice);
        break;
      }
      case KIND.issue: {
        const value = this.takeOutRow(i, s, qty, null);
        const price = rowPrice(this.settings, i);
        s.lastIssueValue = value;
        s.lastIssueQty = qty;
        s.lastIssueRow = c.row[i] as number;
        // Issues are applied in order: this one is the SKU's latest.
        if (this.byLocation) this.lastIssuer[s.sku] = s;
        if (price !== null) {
          s.lastIssuePrice = price;
          s.lastPriceRow = c.row[i] as number;
          if (this.byLocation) this.lastPricer[s.sku] = s;
        }
        if (inPeriod) s.bookIssue(day, qty, value, price);
        s.lastIssue = day;
        break;
      }
      case KIND.adjustment: {
        const value =
          qty > 0
            ? this.receiveInflow(i, s, qty, day, inPeriod, s.currentUnitCost())
            : this.takeOutRow(i, s, -qty, null);
        if (inPeriod) s.bookAdjustment(qty, value);
        break;
      }
      default:
        // A transfer per SKU (not byLocation): the day's transfers net out.
        this.netTransfer(n, i, s, day, inPeriod);
    }
    if (s.qty < 0 && before >= 0) this.negativeStock(i, s);
  }

  /**
   * The state of row `i`, brought to `day`: the period started, the end-of-day balances of the
   * days before booked, the day noted as its last movement. Once per row, before it changes stock.
   */
  private rowState(i: number, day: number): SkuState {
    const s = this.state(this.columns.sku[i] as number, this.columns.location[i] as number);
    if (day >= this.period.from) {
      if (!s.started) s.start();
      s.advanceTo(day);
    }
    s.lastMovement = day;
    return s;
  }

  // ---------------------------------------------------------------- transfers by location

  /**
   * Under `byLocation`, a SKU's transfers of one day are applied together, at the first of its
   * rows (SKUs are independent, and nothing else of the SKU happens between its transfers out and
   * in), so that a relay is found whatever the order of the rows; its later rows are passed over.
   */
  private transferRow(n: number, order: Int32Array | null, sku: number, day: number): void {
    const transfers = this.section.dayOf(this.columns, order, n, sku, this.skipped);
    if (transfers.applied) return;
    transfers.applied = true;
    this.applyTransferDay(transfers, day);
  }

  /**
   * The day's transfers out in input order, then its transfers in in input order, except for a
   * relay: a transfer out beyond the stock its location holds, while units arrive there that day,
   * waits until units are in transit that it can take (sent by other locations), and takes them
   * after its own stock ({@link relayOut}). So the rows of a chain A → B → C may come in any order.
   * When no waiting transfer out can go on (a cycle, or units that never come), the first goes
   * with what there is: at worst as without relays, below zero. In rounds: a pass over the
   * transfers out in input order, then passes over those that waited, until none waits; in a
   * pass, one behind a waiting one of its location waits too, and when a pass sends none, the
   * first that waits goes ({@link TransferOutRounds}).
   */
  private applyTransferDay(transfers: TransferDay, day: number): void {
    const { outs } = transfers;
    // Most days have no relay that waits: their transfers out go at once, in input order.
    let sent = 0;
    while (sent < outs.length && this.transferOut(outs[sent] as number, day, transfers, false))
      sent++;
    if (sent < outs.length) this.transferOutRounds(transfers, day, sent);
    this.receiveTransfersIn(transfers, day);
  }

  /**
   * The rest of the rounds of {@link applyTransferDay}, once transfer out number `sent` waits
   * (the rows before it went). TransferOutRounds retries a waiting relay only once it can go:
   * linear in the day's transfers, where retrying every waiting row each pass was quadratic.
   */
  private transferOutRounds(transfers: TransferDay, day: number, sent: number): void {
    const sku = this.columns.sku[transfers.outs[0] as number] as number;
    const rounds = new TransferOutRounds(transfers.outs, this.columns.location);
    this.rounds = rounds;
    try {
      rounds.run(
        {
          send: (i, force) => this.transferOut(i, day, transfers, force),
          lacking: (i) => this.lacking(i, day, transfers),
          // Every call follows a `send`, which began the day's transit (see `dayTransit`).
          inTransit: () => this.dayTransit(sku, day).total,
        },
        sent,
      );
    } finally {
      this.rounds = null;
    }
  }

  /**
   * The day's transfers in, in input order; on a day with a relay, those of the locations that
   * relayed first, each from units sent by other locations: what reached a relay beyond what it
   * forwarded stays there, and what it sent goes on to the others (not back to itself).
   */
  private receiveTransfersIn(transfers: TransferDay, day: number): void {
    const { ins } = transfers;
    if (!transfers.anyRelay) {
      for (let k = 0; k < ins.length; k++) this.transferInRow(ins[k] as number, k, day, transfers);
      return;
    }
    for (const relaying of [true, false])
      for (let k = 0; k < ins.length; k++) {
        const i = ins[k] as number;
        if (transfers.relayedAt(this.columns.location[i] as number) === relaying)
          this.transferInRow(i, k, day, transfers);
      }
  }

  /**
   * Transfer out row `i`, unless it is a relay that cannot go yet (returns false; `force` makes it
   * go with the units in transit there are).
   */
  private transferOut(i: number, day: number, transfers: TransferDay, force: boolean): boolean {
    const s = this.rowState(i, day);
    const qty = -rowQuantity(this.settings, i);
    const need = this.relayNeed(s, qty, transfers);
    if (need === 0) {
      this.sendOut(i, s, day, qty);
      return true;
    }
    const available = this.inTransit(s.sku, day, s.location);
    if (available < need && !force) return false;
    const relayed = Math.min(need, available);
    if (relayed === 0) this.sendOut(i, s, day, qty);
    else this.relayOut(i, s, day, qty, relayed, transfers);
    return true;
  }

  /**
   * The units a transfer out of `qty` from `s` forwards of those arriving at its location that
   * day: what its stock does not cover, up to what is still to arrive; 0 when it is no relay.
   */
  private relayNeed(s: SkuState, qty: number, transfers: TransferDay): number {
    const short = qty - Math.max(s.qty, 0);
    const arriving = short > 0 ? transfers.arrivingAt(this.settings, s.location) : 0;
    return arriving === 0 ? 0 : Math.min(short, arriving);
  }

  /**
   * For transfer out row `i`, whose state exists (a row of its SKU and location was tried): the
   * units in transit it lacks to go now ({@link transferOut}), 0 or less when it can go; for
   * `TransferOutRounds`.
   */
  private lacking(i: number, day: number, transfers: TransferDay): number {
    const s = this.state(this.columns.sku[i] as number, this.columns.location[i] as number);
    const need = this.relayNeed(s, -rowQuantity(this.settings, i), transfers);
    return need === 0 ? 0 : need - this.inTransit(s.sku, day, s.location);
  }

  /** A transfer out from stock ({@link leaveStock}), into the transit. */
  private sendOut(i: number, s: SkuState, day: number, qty: number): void {
    const before = s.qty;
    const { value, layers } = this.leaveStock(i, s, day, qty);
    this.putInTransit(i, s, day, qty, value, layers, before);
  }

  /**
   * Row `i`'s `qty` units leave `s`'s stock for the transit (`takeOutRow`: the oldest layers, the
   * row's lot first): their value and layers, units beyond stock as one layer known by its value.
   */
  private leaveStock(
    i: number,
    s: SkuState,
    day: number,
    qty: number,
  ): { value: Scaled; layers: Layer[] } {
    const moved: Layer[] = [];
    const value = this.takeOutRow(i, s, qty, moved);
    return { value, layers: withUnlayeredRest(moved, qty, value, day, this.scales) };
  }

  /**
   * A relay: the location's own stock leaves first (oldest layers first), then `relayed` units of
   * those arriving that day, taken from the transit with their layers and value (booked as its
   * transfers in, never entering its stock), then, beyond both, units owed (negative stock, at the
   * last known cost, which the relayed units set: see `SkuState.relayed`).
   */
  private relayOut(
    i: number,
    s: SkuState,
    day: number,
    qty: number,
    relayed: number,
    transfers: TransferDay,
  ): void {
    const before = s.qty;
    const valueBefore = s.value;
    const own = Math.min(qty, Math.max(before, 0));
    const sent = own > 0 ? this.leaveStock(i, s, day, own) : { value: 0, layers: [] };
    const arrived = this.receiveForRelay(s, day, relayed, transfers);
    s.relayed(arrived.layers, relayed, arrived.value, day, before, valueBefore);
    const layers = [...sent.layers, ...arrived.layers];
    let value = add(sent.value, arrived.value);
    const owed = qty - own - relayed;
    if (owed > 0) {
      const owedValue = s.takeOut(owed, null);
      layers.push(unlayered(owed, owedValue, day));
      value = add(value, owedValue);
    }
    this.putInTransit(i, s, day, qty, value, layers, before);
  }

  /**
   * Takes `qty` units arriving at `s`'s location from the transit (not those it sent itself), its
   * transfers in in input order, and books them as received there.
   */
  private receiveForRelay(
    s: SkuState,
    day: number,
    qty: number,
    transfers: TransferDay,
  ): { value: Scaled; layers: Layer[] } {
    const inPeriod = day >= this.period.from;
    const layers: Layer[] = [];
    let value: Scaled = 0;
    let rest = qty;
    while (rest > 0) {
      const k = transfers.nextArrival(this.settings, s.location);
      if (k < 0) break;
      const take = Math.min(rest, transfers.remaining(this.settings, k));
      const piece = this.fromTransit(s.sku, day, take, s.location);
      transfers.took(this.settings, k, take, s.location);
      if (inPeriod) s.bookTransfer(take, piece.value);
      value = add(value, piece.value);
      for (const layer of piece.layers) layers.push(layer);
      rest -= take;
    }
    return { value, layers };
  }

  /** Puts what a transfer out sent into the transit, books it, and reports a fall below zero. */
  private putInTransit(
    i: number,
    s: SkuState,
    day: number,
    qty: number,
    value: Scaled,
    layers: Layer[],
    before: number,
  ): void {
    const row = this.columns.row[i] as number;
    this.dayTransit(s.sku, day).push({ qty, value, layers, row, location: s.location });
    if (day >= this.period.from) s.bookTransfer(-qty, value);
    if (s.qty < 0 && before >= 0) this.negativeStock(i, s);
  }

  /**
   * Transfer in row `i` (number `k` of the day's): what a relay did not already take of it; at a
   * location that relayed, from other locations' units first.
   */
  private transferInRow(i: number, k: number, day: number, transfers: TransferDay): void {
    const s = this.rowState(i, day);
    const qty = transfers.remaining(this.settings, k);
    if (qty === 0) return;
    const inPeriod = day >= this.period.from;
    const notOwn = transfers.relayedAt(s.location) ? s.location : null;
    const value = this.transferIn(i, s, day, qty, inPeriod, notOwn);
    if (inPeriod) s.bookTransfer(qty, value);
  }

  /**
   * By location, for a return at state `s`'s location, which never issued (priced an issue): the
   * SKU's state whose issue (priced issue) was applied last, at any location; `s` when none did.
   * "Last" is in the order of application (by day, then source row: issues are one kind), kept as
   * each issue is applied ({@link lastIssuer}, {@link lastPricer}; `adopt` for handed-over states).
   */
  private lastIssuing(s: SkuState, priced: boolean): SkuState {
    return (priced ? this.lastPricer[s.sku] : this.lastIssuer[s.sku]) ?? s;
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
    return this.knownCost(i, s, rowCost(this.settings, i) ?? fallback);
  }

  /** `cost` for an inflow of row `i`, or 0, reported, when it is unknown (null). */
  private knownCost(i: number, s: SkuState, cost: Scaled | null): Scaled {
    if (cost !== null) return cost;
    this.warn(unknownCostWarning(this.settings, i, s.sku, s.location, "inflow"));
    return 0;
  }

  /** The SKU's units in transit on `day` (those of an earlier day are reported and dropped first). */
  private dayTransit(sku: number, day: number): TransitQueue {
    const transit = this.transit.get(sku);
    if (transit !== undefined && transit.day === day) return transit.queue;
    if (transit !== undefined) this.flushTransit(sku, transit);
    const queue = new TransitQueue();
    this.transit.set(sku, { day, queue });
    return queue;
  }

  /** The units in transit on `day` that a relay at `location` may take: not those it sent itself. */
  private inTransit(sku: number, day: number, location: number): number {
    return this.dayTransit(sku, day).available(location);
  }

  /**
   * Takes up to `qty` units from the transit of `day`, in the order they were sent, passing over
   * those sent from `except` (a relay does not take back its own units): how many, their value
   * and layers.
   */
  private fromTransit(
    sku: number,
    day: number,
    qty: number,
    except: number | null,
  ): { taken: number; value: Scaled; layers: Layer[] } {
    let value: Scaled = 0;
    const layers: Layer[] = [];
    const taken = this.dayTransit(sku, day).take(qty, except, (chunk, units) => {
      const piece =
        units === chunk.qty ? this.wholeChunk(chunk) : this.splitChunk(sku, chunk, units);
      value = add(value, piece.value);
      for (const layer of piece.layers) layers.push(layer);
      // A waiting relay of the sending location may now lack more (TransferOutRounds.taken).
      this.rounds?.taken(chunk.location);
    });
    return { taken, value, layers };
  }

  /**
   * Transfer in: takes the units that left another location of the same SKU that day, layers and
   * value, in the order they were sent (those sent from `notOwn` last).
   */
  private transferIn(
    i: number,
    s: SkuState,
    day: number,
    qty: number,
    inPeriod: boolean,
    notOwn: number | null,
  ): Scaled {
    const arrived = this.fromTransit(s.sku, day, qty, notOwn);
    if (notOwn !== null && arrived.taken < qty) {
      const rest = this.fromTransit(s.sku, day, qty - arrived.taken, null);
      arrived.taken += rest.taken;
      arrived.value = add(arrived.value, rest.value);
      for (const layer of rest.layers) arrived.layers.push(layer);
    }
    if (arrived.taken > 0)
      s.receiveLayers(arrived.layers, arrived.taken, arrived.value, day, inPeriod);
    const need = qty - arrived.taken;
    let value = arrived.value;
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
    if (net === undefined || net === 0) return; // not where the SKU-day's net goes, or matched
    let value: Scaled;
    if (net < 0) value = s.takeOut(-net, null);
    else if (isCostedTransferIn(this.settings, i))
      value = this.receiveInflow(i, s, net, day, inPeriod, s.currentUnitCost());
    else {
      // No transfer in that day carries a cost (`transferNets` put the net at the day's first
      // transfer row, maybe a transfer out): the current unit cost, and no row's lot or expiry.
      const cost = this.knownCost(i, s, s.currentUnitCost());
      value = s.receive(net, cost, day, ABSENT, NO_DAY, inPeriod);
    }
    if (inPeriod) s.bookTransfer(net, value);
    this.warn(unmatchedNetWarning(this.settings, i, s.sku, net));
  }

  /**
   * Splits `take` units off the front of a chunk of SKU `sku`: layers by FIFO, value by the
   * valuation (FIFO: the layers' values; standard: `take` × standard cost, exactly; moving
   * average: the chunk's value pro rata, rounded to 6 decimals).
   */
  private splitChunk(
    sku: number,
    chunk: TransitChunk,
    take: number,
  ): { value: Scaled; layers: Layer[] } {
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
        : this.valuation === "standard"
          ? mul(take, this.standardCosts.get(sku) ?? 0)
          : mulDivRound(chunk.value, take, chunk.qty, this.scales.valueUnit6);
    chunk.qty -= take;
    chunk.value = sub(chunk.value, value);
    return { value, layers };
  }

  private flushTransit(sku: number, transit: { day: number; queue: TransitQueue }): void {
    // One warning per transfer out that did not fully arrive, with its row and location.
    for (const chunk of transit.queue.chunks()) {
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

  /**
   * `s.takeOut` of row `i`'s outflow (`moved` as there): the layers of the lot the row names
   * first, and a lot found short for the first time reported.
   */
  private takeOutRow(i: number, s: SkuState, qty: number, moved: Layer[] | null): Scaled {
    const lot = this.columns.lot[i] as number;
    const value = s.takeOut(qty, moved, lot);
    if (lot !== ABSENT && s.lotShortfall > 0 && s.firstShortOf(lot))
      this.warn(lotNotOnHandWarning(this.settings, i, s.sku, s.location, s.lotShortfall));
    return value;
  }

  /** Stock fell below zero at row `i`: reported, and so is an unknown cost of the units owed. */
  private negativeStock(i: number, s: SkuState): void {
    this.warn(negativeStockWarning(this.settings, i, s.sku, s.location, s.qty));
    // Below zero, the current unit cost is the one the owed units were costed at (`SkuState.owe`).
    if (s.currentUnitCost() === null)
      this.warn(unknownCostWarning(this.settings, i, s.sku, s.location, "outflow"));
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
   * iteration reaches it (so a report never holds every history at once, whichever SKUs this
   * engine replays). Each state is let go once its history is built (a state is larger than its
   * history), so the engine is spent afterwards.
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
  return [...layers, unlayered(qty - layered, sub(value, layeredValue), day)];
}

/** Units leaving without a layer (owed by negative stock), as a layer known by its value, dated `day`. */
function unlayered(qty: number, value: Scaled, day: number): Layer {
  return { qty, cost: null, value, day, lot: ABSENT, expires: NO_DAY };
}
