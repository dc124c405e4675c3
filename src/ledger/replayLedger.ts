import { requireVariant } from "../model/assert.js";
import { compareSkuLocation, compareText } from "../model/compareText.js";
import { formatDay } from "../model/day.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { Movement } from "../model/Movement.js";
import type { OpeningBalance } from "../model/OpeningBalance.js";
import { type Period, resolvePeriod } from "../model/Period.js";
import { type SkuHistory, VALUATIONS, type Valuation } from "../model/SkuHistory.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { FastReplay } from "./FastReplay.js";
import { ABSENT, KIND, KIND_COUNT, type LedgerColumns, NO_DAY } from "./LedgerColumns.js";
import { type Dictionaries, type OpeningLayer, prepareOpening } from "./prepareOpening.js";
import {
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
  unsortedInputWarning,
} from "./ReplaySettings.js";
import type { ReplayWarning } from "./ReplayWarning.js";
import {
  BigSkuState,
  type Layer,
  layerValue,
  type Scales,
  SkuState,
  type TransitChunk,
} from "./SkuState.js";
import { add, arithmetic, mulDivRound, OVERFLOW, type Scaled, sub } from "./scaled.js";
import { type HistoryContext, rememberingFormatDay, toSkuHistory } from "./toSkuHistory.js";
import { toLedgerColumns } from "./validateLedger.js";

export type { ReplayWarning } from "./ReplayWarning.js";

/** Options of {@link replayLedger}. */
export interface ReplayOptions {
  /** The reporting period, both days included. Required. */
  readonly period: Period;
  /** Stock on hand before the first movement, per SKU (and location), with its cost. */
  readonly openingBalances?: readonly OpeningBalance[];
  /** SKU master data; `standardCost` is used by `standard` valuation and for receipts without a cost. */
  readonly skuInfo?: readonly SkuInfo[];
  /** How stock is valued: `'moving-average'` (default), `'fifo'` or `'standard'`. */
  readonly valuation?: Valuation;
  /** What to do when an outflow takes stock below zero: `'warn'` (default: go on and report it) or `'error'`. */
  readonly negativeStock?: "warn" | "error";
  /** One history per SKU and location instead of per SKU (default `false`). */
  readonly byLocation?: boolean;
  /**
   * Include the per-month figures (`months`) in each history, for time series (default `false`:
   * they cost about a dozen amounts per SKU and month; `monthEnds` are always there).
   */
  readonly months?: boolean;
}

/** The result of {@link replayLedger}. */
export interface ReplayResult {
  /** One history per SKU (or SKU and location), sorted by SKU code, then location. */
  readonly histories: readonly SkuHistory[];
  readonly warnings: readonly ReplayWarning[];
}

const FN = "replayLedger";

/**
 * Replays a stock-movement ledger into one {@link SkuHistory} per SKU: on hand, value, COGS,
 * time-weighted average inventory, month ends, demand sums and open FIFO layers, in one pass.
 *
 * Rules (see `docs/architecture.md` and `docs/formulas.md#ledger-replay`):
 * - Movements are applied in date order; within a day: receipts, returns, transfers out, transfers
 *   in, adjustments, issues; rows of the same SKU, day and kind keep their input order (the ERP's
 *   posting order). Unsorted input is sorted once, in batch (a stable counting sort).
 * - Movements before the period build the opening balance; movements after it are counted and left out.
 * - Valuation: `moving-average` (issue value = quantity × stock value / stock quantity, rounded half
 *   to even to 6 decimals; the last unit out takes the remaining value), `fifo` (oldest layers first,
 *   exact), `standard` (every unit at the SKU's `standardCost`).
 * - A customer return comes back at its `unitCost` if given, else at the unit cost of the SKU's most
 *   recent issue (rounded to 6 decimals); it re-enters as a new layer dated the return day.
 * - An outflow beyond stock on hand (negative stock, under `'warn'`) is costed at the last known unit
 *   cost; the next inflow settles the difference to its own cost into COGS.
 * - A transfer moves FIFO layers between locations and keeps their receipt day.
 *
 * @param ledger - movement objects (validated on the way) or columns from `toLedgerColumns` or a reader.
 * @throws InvKpiError `invalid_ledger` (bad rows, all listed), `invalid_period`, `invalid_date`,
 *   `invalid_option`, `invalid_argument` (bad opening balances), `negative_stock` under `negativeStock: 'error'`.
 * @example
 * ```ts
 * import { replayLedger } from "invkpi";
 * const { histories } = replayLedger(
 *   [
 *     { sku: "A", date: "2025-01-01", type: "receipt", quantity: 10, unitCost: 2 },
 *     { sku: "A", date: "2025-01-03", type: "issue", quantity: 4 },
 *   ],
 *   { period: { from: "2025-01-01", to: "2025-01-04" } },
 * );
 * histories[0].closingQuantity; // 6
 * histories[0].cogs.toFixed(2); // "8.00"
 * histories[0].averageQuantity; // (10 + 10 + 6 + 6) / 4 = 8
 * ```
 */
export function replayLedger(
  ledger: readonly Movement[] | LedgerColumns,
  options: ReplayOptions,
): ReplayResult {
  const period = resolvePeriod(options.period, FN);
  const valuation = requireVariant(
    options.valuation ?? "moving-average",
    VALUATIONS,
    FN,
    "valuation",
  );
  const negativeStock = requireVariant(
    options.negativeStock ?? "warn",
    ["warn", "error"] as const,
    FN,
    "negativeStock",
  );
  const columns = isLedgerColumns(ledger)
    ? ledger
    : toLedgerColumns(ledger, { skuInfo: options.skuInfo ?? [] });
  const names: Dictionaries = {
    skus: [...columns.skus],
    locations: [...columns.locations],
    lots: [...columns.lots],
  };
  const opening = prepareOpening(
    options.openingBalances ?? [],
    options.skuInfo ?? [],
    columns,
    names,
    period.from,
    FN,
  );
  if (valuation === "standard") requireStandardCosts(names, opening.standardCosts);
  const settings: ReplaySettings = {
    columns,
    names,
    scales: opening.scales,
    valuation,
    failOnNegative: negativeStock === "error",
    byLocation: options.byLocation === true,
    period,
    standardCosts: opening.standardCosts,
    months: options.months === true,
  };
  const order = movementOrder(columns);
  const { histories, warnings } = settings.months
    ? generalReplay(settings, opening.layers, order, null, true)
    : fastReplay(settings, opening.layers, order);
  // Warnings in input-row order (counts without a row first), whatever pass found them.
  const unsorted = unsortedInputWarning(columns);
  if (unsorted !== null) warnings.push(unsorted);
  warnings.sort((a, b) => (a.row ?? -1) - (b.row ?? -1) || compareText(a.code, b.code));
  return { histories, warnings };
}

/**
 * The fast engine for every SKU it can replay, then the general engine for the SKUs it set aside
 * (SKUs are independent, so the result is the same as one pass of the general engine).
 */
function fastReplay(
  settings: ReplaySettings,
  opening: readonly OpeningLayer[],
  order: Int32Array | null,
): { histories: SkuHistory[]; warnings: ReplayWarning[] } {
  const fast = new FastReplay(settings);
  fast.run(opening, order);
  if (fast.stoppedBy !== null) {
    // Stock fell below zero under negativeStock 'error': an earlier fall of a SKU set aside wins.
    new Replay(settings, true, false).runAll(opening, order, fast.setAside, fast.stoppedBy.at);
    throw fast.stoppedBy.error;
  }
  const context = historyContext(settings);
  const histories = fast.finishedStates().map((s) => {
    const raw = fast.raw(s);
    return toSkuHistory(raw, context(raw.sku, raw.location));
  });
  const warnings = [
    ...fast.finishedWarnings(),
    ...periodWarnings(settings, fast.before, fast.after),
  ];
  if (!fast.anySetAside) return { histories, warnings };
  const rest = generalReplay(settings, opening, order, fast.setAside, false);
  return {
    histories: [...histories, ...rest.histories].sort(compareHistories),
    warnings: [...warnings, ...rest.warnings],
  };
}

/**
 * The general engine (`SkuState` objects) for every SKU, or only those in `only`: a main pass with
 * number-only arithmetic, and a bigint pass for the SKUs whose amounts outgrow 2^53.
 */
function generalReplay(
  settings: ReplaySettings,
  opening: readonly OpeningLayer[],
  order: Int32Array | null,
  only: Uint8Array | null,
  reportsPeriod: boolean,
): { histories: SkuHistory[]; warnings: ReplayWarning[] } {
  const main = new Replay(settings, false, reportsPeriod);
  const overflowed = main.runAll(opening, order, only);
  const histories = main.histories();
  const warnings = [...main.warnings];
  if (overflowed === null) return { histories, warnings };
  const big = new Replay(settings, true, false);
  big.runAll(opening, order, overflowed);
  return {
    histories: [...histories, ...big.histories()].sort(compareHistories),
    warnings: [...warnings, ...big.warnings],
  };
}

function compareHistories(a: SkuHistory, b: SkuHistory): number {
  return compareSkuLocation(a, b);
}

/** Names and scales for `toSkuHistory`, per SKU and location index. */
function historyContext(settings: ReplaySettings) {
  const { names, period, scales } = settings;
  const dayText = rememberingFormatDay();
  const periodText = Object.freeze({
    from: dayText(period.from),
    to: dayText(period.to),
    days: period.days,
  });
  return (sku: number, location: number): HistoryContext => ({
    sku: names.skus[sku] as string,
    location: location >= 0 ? (names.locations[location] as string) : undefined,
    period,
    scales,
    lots: names.lots,
    dayText,
    periodText,
  });
}

/** Standard valuation needs a standard cost for every SKU with movements. */
function requireStandardCosts(names: Dictionaries, costs: ReadonlyMap<number, Scaled>): void {
  // Every SKU the replay knows (movements and opening balances) needs one.
  const missing = names.skus.filter((_, sku) => !costs.has(sku));
  if (missing.length > 0) {
    throw new InvKpiError(
      "invalid_option",
      `${FN}: valuation 'standard' needs a standardCost in skuInfo for every SKU; missing for ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}`,
      { path: ["skuInfo"], details: { missing } },
    );
  }
}

/** Whether a value is a {@link LedgerColumns} rather than an array of movements. */
export function isLedgerColumns(value: unknown): value is LedgerColumns {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    (value as LedgerColumns).day instanceof Int32Array
  );
}

/**
 * The order in which to apply movements: by day, then kind, then input position. Returns `null`
 * when the columns are already in that order, else a permutation from a stable counting sort
 * (linear in the number of movements).
 */
export function movementOrder(columns: LedgerColumns): Int32Array | null {
  const { day, kind, length } = columns;
  let sorted = true;
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) {
    const d = day[i] as number;
    const key = d * KIND_COUNT + (kind[i] as number);
    if (key < previous) sorted = false;
    previous = key;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  if (sorted) return null;
  const buckets = (maxDay - minDay + 1) * KIND_COUNT;
  if (buckets > 64_000_000) {
    // Dates spread over more than ~29,000 years: fall back to a comparison sort.
    const order = Int32Array.from({ length }, (_, i) => i);
    return order.sort((a, b) => sortKey(columns, a, minDay) - sortKey(columns, b, minDay) || a - b);
  }
  const counts = new Int32Array(buckets + 1);
  for (let i = 0; i < length; i++) (counts[sortKey(columns, i, minDay) + 1] as number)++;
  for (let b = 0; b < buckets; b++)
    counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const key = sortKey(columns, i, minDay);
    order[counts[key] as number] = i;
    counts[key] = (counts[key] as number) + 1;
  }
  return order;
}

function sortKey(columns: LedgerColumns, i: number, minDay: number): number {
  return ((columns.day[i] as number) - minDay) * KIND_COUNT + (columns.kind[i] as number);
}

/** One replay pass: the states, the transit between locations, and the warnings. */
class Replay {
  readonly warnings: ReplayWarning[] = [];
  private readonly states = new Map<number, SkuState>();
  private readonly transit = new Map<number, { day: number; chunks: TransitChunk[] }>();
  private readonly locationSlots: number;
  private readonly columns: LedgerColumns;
  private readonly names: Dictionaries;
  private readonly scales: Scales;
  private readonly valuation: Valuation;
  private readonly failOnNegative: boolean;
  private readonly byLocation: boolean;
  private readonly period: { from: number; to: number; days: number };
  private readonly standardCosts: Map<number, Scaled>;
  private readonly keepMonths: boolean;
  /** SKU indexes set aside in this pass (main pass) or the only ones replayed (bigint pass). */
  private readonly skipped: Uint8Array;
  /** SKUs set aside in this pass because their amounts outgrew 2^53, or null while there are none. */
  private overflowed: Uint8Array | null = null;
  /** Per SKU-day, the net of its transfers, at its first transfer's position (see `transferNets`). */
  private nets = new Map<number, number>();

  constructor(
    private readonly settings: ReplaySettings,
    private readonly big: boolean,
    /** Whether this pass reports the movements before and after the period (only one pass does). */
    private readonly reportsPeriod: boolean,
  ) {
    this.columns = settings.columns;
    this.names = settings.names;
    this.scales = settings.scales;
    this.valuation = settings.valuation;
    this.failOnNegative = settings.failOnNegative;
    this.byLocation = settings.byLocation;
    this.period = settings.period;
    this.standardCosts = settings.standardCosts;
    this.keepMonths = settings.months;
    this.locationSlots = settings.names.locations.length + 1;
    this.skipped = new Uint8Array(settings.names.skus.length);
  }

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
    const previous = arithmetic.strict;
    arithmetic.strict = !this.big;
    try {
      for (const layer of opening)
        if (this.skipped[layer.sku] === 0) this.guarded(layer.sku, () => this.applyOpening(layer));
      if (!this.byLocation) this.nets = transferNets(this.settings, order);
      this.run(order, stopAt);
      if (stopAt < this.columns.length) return null;
      for (const state of this.states.values()) this.guarded(state.sku, () => state.finish());
    } finally {
      arithmetic.strict = previous;
    }
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
    for (let slot = 0; slot < this.locationSlots; slot++)
      this.states.delete(sku * this.locationSlots + slot);
    this.transit.delete(sku);
    const code = this.names.skus[sku];
    for (let w = this.warnings.length - 1; w >= 0; w--)
      if (this.warnings[w]?.sku === code) this.warnings.splice(w, 1);
  }

  private state(sku: number, location: number): SkuState {
    const loc = this.byLocation ? location : -1;
    const key = sku * this.locationSlots + loc + 1;
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

  applyOpening(layer: OpeningLayer): void {
    const s = this.state(layer.sku, layer.location);
    s.open(layer.qty, layer.cost, layer.value, layer.day, layer.lot, layer.expires);
    if (layer.day < s.firstReceipt) s.firstReceipt = layer.day;
  }

  run(order: Int32Array | null, stopAt: number): void {
    const { length } = this.columns;
    let before = 0;
    let after = 0;
    for (let n = 0; n < length && n < stopAt; n++) {
      const i = order === null ? n : (order[n] as number);
      const day = this.columns.day[i] as number;
      if (day > this.period.to) {
        after = length - n;
        break;
      }
      if (day < this.period.from) before++;
      const sku = this.columns.sku[i] as number;
      if (this.skipped[sku] === 1) continue;
      try {
        this.apply(n, i, day);
      } catch (e) {
        if (e !== OVERFLOW) throw e;
        this.setAside(sku);
      }
    }
    if (this.reportsPeriod) this.warnings.push(...periodWarnings(this.settings, before, after));
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
        if (day < s.firstReceipt) s.firstReceipt = day;
        s.lastReceipt = day;
        break;
      }
      case KIND.return: {
        const cost = this.inflowCost(i, s, s.lastIssueUnitCost());
        const value = s.receive(
          qty,
          cost,
          day,
          c.lot[i] as number,
          c.expires[i] as number,
          inPeriod,
        );
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
            ? s.receive(
                qty,
                this.inflowCost(i, s, s.currentUnitCost()),
                day,
                c.lot[i] as number,
                c.expires[i] as number,
                inPeriod,
              )
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
    if (qty - need > 0) s.receiveLayers(layers, qty - need, value, inPeriod);
    if (need > 0) {
      this.warn({
        code: "unmatched_transfer",
        ...this.address(i, s),
        message: `transfer in of ${need / this.scales.qScale} unit(s) has no matching transfer out that day; booked as stock entering at this location`,
      });
      value = add(
        value,
        s.receive(
          need,
          this.inflowCost(i, s, s.currentUnitCost()),
          day,
          this.columns.lot[i] as number,
          this.columns.expires[i] as number,
          inPeriod,
        ),
      );
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
        : s.receive(
            net,
            this.inflowCost(i, s, s.currentUnitCost()),
            day,
            this.columns.lot[i] as number,
            this.columns.expires[i] as number,
            inPeriod,
          );
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

  /** The finished states as histories, sorted by SKU code, then location. */
  histories(): SkuHistory[] {
    const states = [...this.states.values()];
    const { skus, locations } = this.names;
    states.sort(
      (a, b) =>
        compareText(skus[a.sku] as string, skus[b.sku] as string) ||
        compareText(locations[a.location] ?? "", locations[b.location] ?? ""),
    );
    const context = historyContext(this.settings);
    return states.map((s) => toSkuHistory(s.raw(), context(s.sku, s.location)));
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
