import { requireVariant } from "../model/assert.js";
import { compareText } from "../model/compareText.js";
import { formatDay, tryToDay } from "../model/day.js";
import { decimalPlaces, MAX_MONEY_DECIMALS, MAX_QUANTITY_DECIMALS } from "../model/exactDecimal.js";
import { grown } from "../model/grown.js";
import { InvKpiError, type LedgerIssue } from "../model/InvKpiError.js";
import { resolvePeriod } from "../model/Period.js";
import { type CheckedSkuInfo, requireSkuInfoList } from "../model/requireSkuInfoList.js";
import { type SkuHistory, VALUATIONS, type Valuation } from "../model/SkuHistory.js";
import { FastReplay, type FastSnapshot } from "./FastReplay.js";
import { GeneralReplay } from "./GeneralReplay.js";
import { type LedgerColumns, LedgerColumnsBuilder } from "./LedgerColumns.js";
import { mergedHistories } from "./mergedHistories.js";
import {
  type CodeInterner,
  datedOpeningLayer,
  inputIssuesError,
  lateReceiptIssue,
  type OpeningLayer,
  type PreparedOpening,
  prepareOpening,
} from "./prepareOpening.js";
import { periodWarnings, type ReplaySettings, requireStandardCosts } from "./ReplaySettings.js";
import type { ReplayWarning } from "./ReplayWarning.js";
import {
  movementOrder,
  type ReplayOptions,
  type ReplayResult,
  type ReplayTuning,
} from "./replayLedger.js";
import { requireExactQuantities } from "./requireExactQuantities.js";
import { requireLocationCount } from "./stateKey.js";

/** Options of a streaming replay: those of `replayLedger`, plus the decimal places to expect. */
export interface StreamingReplayOptions extends ReplayOptions {
  /**
   * Decimal places that quantities may have: a row with more, in any chunk, is an `out_of_range`
   * error that names it. Default: the most found in the first chunk of rows (or in the opening
   * balances); a later row with more is that error.
   */
  readonly quantityDecimals?: number;
  /**
   * Decimal places that unit costs and prices may have (a row with more is that error). Default:
   * at least 6, else as `quantityDecimals`.
   */
  readonly moneyDecimals?: number;
  /** Rows replayed at a time (default 2^20, about 50 MB of columns); whole days are kept together. */
  readonly chunkRows?: number;
}

/** An opening balance with a `receivedOn`, waiting for its SKU's first row. */
interface DatedBalance {
  /** Its index in `openingBalances`. */
  readonly row: number;
  readonly receivedOn: unknown;
  readonly day: number;
}

/** Test hook: SKUs to hand to the general engine at the start of each chunk. */
export type HandOverHook = (sku: number, chunk: number) => boolean;

/**
 * A replay that consumes a ledger in date order, a chunk of whole days at a time, so memory holds
 * the SKUs' states and open layers and one chunk of rows, not the ledger: the streaming mode of
 * `analyzeLedgerStream` and `invkpi analyze --streaming`.
 *
 * Readers append valid rows to {@link builder} and call {@link rowAdded} after each. A row dated
 * before the row above it is rejected (`unsorted_input`). Each chunk is sorted within its days
 * (receipts, returns, transfers, adjustments, issues) and replayed by the fast engine, as
 * `replayLedger` does; a SKU the fast engine sets aside is handed to the general engine with its
 * state as it was at the chunk's start (a snapshot), and the general engine replays the chunk's
 * rows of it. Results are those of `replayLedger` on the same rows, warnings included.
 *
 * Opening balances are checked as `replayLedger` checks them, every problem at once: a
 * `receivedOn` must be no later than the day before the period starts and before its SKU's first
 * movement, which is known when the SKU's first row comes (in whatever chunk), so it is checked
 * then (or at the end, for a SKU without rows). The problems are reported together by
 * {@link finish}, after every row is read, and before any error of the replay itself, as in batch
 * mode, where balances are checked before the replay.
 */
export class StreamingReplay {
  /** Where readers append rows (each with its 0-based input row in `row`). */
  readonly builder = new LedgerColumnsBuilder(1 << 16);
  private readonly options: StreamingReplayOptions & ReplayTuning;
  /**
   * `options.skuInfo`, checked once per public call (`requireSkuInfoList`): by the caller, or on
   * construction. The rows' check (`feedMovements`) and the opening read it.
   */
  readonly skuInfo: CheckedSkuInfo;
  private readonly fn: string;
  private readonly period: { from: number; to: number; days: number };
  private readonly chunkRows: number;
  private lastDay = Number.NEGATIVE_INFINITY;
  /**
   * Index in {@link builder} of the first row of the last day held: the rows before it are whole
   * days, ready to replay. Kept as rows come, so that a day larger than a chunk costs nothing per
   * row (a search back for it would cost the whole buffer on every row of that day).
   */
  private lastDayStart = 0;
  private chunks = 0;
  private opening: PreparedOpening | null = null;
  private settings: ReplaySettings | null = null;
  private fast: FastReplay | null = null;
  private general: GeneralReplay | null = null;
  private snapshot: FastSnapshot | null = null;
  /** Per SKU index: 1 once the SKU has met a row (its opening layers are applied then). */
  private seen = new Uint8Array(0);
  /** SKU indexes below this have their standard cost looked up. */
  private resolvedSkus = 0;
  /** Opening layers of SKUs not met yet, by SKU index. */
  private readonly pendingOpenings = new Map<number, OpeningLayer[]>();
  /**
   * Opening balances with a `receivedOn` whose SKU has met no row yet, by SKU code (built on the
   * first chunk): checked against the period and the SKU's first movement day when it comes
   * ({@link checkOpeningDates}), whether or not the replay failed, or at the end.
   */
  private datedOpenings: Map<string, DatedBalance[]> | null = null;
  /** Per SKU index: 1 once {@link checkOpeningDates} has met the SKU. */
  private datesSeen = new Uint8Array(0);
  /** Opening balances received too late, as found. */
  private readonly lateReceipts: LedgerIssue[] = [];
  /** The error of `prepareOpening` (bad opening balances), also kept as the failure. */
  private openingFailure: InvKpiError | null = null;
  private readonly warnings: ReplayWarning[] = [];
  private finished = false;
  /**
   * An error the replay met (stock below zero under `'error'`, a row with too many decimals): kept
   * until `finish()`, so that a reader still reports every invalid row first, as in batch mode,
   * where rows are checked before the replay. No row is replayed after it.
   */
  private failure: InvKpiError | null = null;
  /** Test hook (see {@link HandOverHook}). */
  handOver: HandOverHook | null = null;
  private readonly valuation: Valuation;
  private readonly failOnNegative: boolean;

  /**
   * @param skuInfo - `options.skuInfo` as the public function checked it; null: checked here,
   *   after the other options.
   * @throws InvKpiError for a bad option, or a bad `skuInfo` (as `requireSkuInfoList`).
   */
  constructor(
    options: StreamingReplayOptions & ReplayTuning,
    fn: string,
    skuInfo: CheckedSkuInfo | null = null,
  ) {
    this.fn = fn;
    this.period = resolvePeriod(options.period, fn);
    this.valuation = requireVariant(
      options.valuation ?? "moving-average",
      VALUATIONS,
      fn,
      "valuation",
    );
    this.failOnNegative =
      requireVariant(
        options.negativeStock ?? "warn",
        ["warn", "error"] as const,
        fn,
        "negativeStock",
      ) === "error";
    requireDecimals(options.quantityDecimals, MAX_QUANTITY_DECIMALS, "quantityDecimals", fn);
    requireDecimals(options.moneyDecimals, MAX_MONEY_DECIMALS, "moneyDecimals", fn);
    const chunkRows = options.chunkRows ?? 1 << 20;
    if (!Number.isInteger(chunkRows) || chunkRows < 1) {
      throw new InvKpiError("invalid_option", `${fn}: chunkRows must be a positive integer`, {
        path: ["chunkRows"],
        details: { chunkRows },
      });
    }
    this.chunkRows = chunkRows;
    this.options = options;
    this.skuInfo = skuInfo ?? requireSkuInfoList(options.skuInfo, fn);
  }

  /**
   * Call after appending a row to {@link builder}: checks its date order and replays whole days
   * once a chunk is full.
   *
   * @param line - the row's file line, for the error message.
   * @throws InvKpiError `unsorted_input` for a row dated before the row above it.
   */
  rowAdded(line?: number): void {
    const b = this.builder;
    const i = b.length - 1;
    const day = b.day[i] as number;
    if (day < this.lastDay) throw this.unsorted(i, line);
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.lastDayStart = i;
    }
    // A full chunk is replayed once it holds a whole day; one day alone may outgrow it.
    if (b.length >= this.chunkRows && this.lastDayStart > 0) this.flush(false);
  }

  private unsorted(i: number, line: number | undefined): InvKpiError {
    const row = this.builder.row[i] as number;
    const date = formatDay(this.builder.day[i] as number);
    const previous = formatDay(this.lastDay);
    const where = line === undefined ? `row ${row}` : `line ${line} (row ${row})`;
    return new InvKpiError(
      "unsorted_input",
      `${this.fn}: streaming needs the ledger in date order; ${where}, dated ${date}, comes after a row dated ${previous}; sort the ledger by date, or analyze it without streaming (batch mode sorts it in memory)`,
      {
        path: ["ledger", row, "date"],
        details: { row, ...(line === undefined ? {} : { line }), date, previous },
      },
    );
  }

  /** Replays the rows held so far: all of them at the end, else every whole day but the last. */
  private flush(final: boolean): void {
    const b = this.builder;
    const cut = final ? b.length : this.lastDayStart;
    this.checkOpeningDates(b.view(cut));
    if (this.failure === null) {
      try {
        this.replayChunk(b.view(cut));
      } catch (e) {
        if (!(e instanceof InvKpiError)) throw e;
        this.failure = e;
      }
    }
    b.dropFront(cut);
    this.lastDayStart = final ? 0 : this.lastDayStart - cut;
  }

  private replayChunk(columns: LedgerColumns): void {
    const settings = this.settingsFor(columns);
    const fast = this.fast as FastReplay;
    const general = this.general as GeneralReplay;
    this.useChunk(settings);
    const order = movementOrder(columns);
    const openings = this.openingsMetIn(columns, order);
    const snapshot = this.chunkSnapshot(fast);
    this.handOverAtChunkStart(settings);
    general.applyOpenings(openings); // of SKUs it replays already
    fast.applyOpenings(openings);
    fast.applyChunk(order);
    this.adopt(fast.takeSetAside(), snapshot, openings);
    this.warnings.push(...fast.takeWarnings());
    general.runChunk(order, fast.stoppedBy?.at);
    if (fast.stoppedBy !== null) throw fast.stoppedBy.error;
    this.warnings.push(...general.takeWarnings());
  }

  /** The states at the start of a chunk (one snapshot's arrays, reused). */
  private chunkSnapshot(fast: FastReplay): FastSnapshot {
    if (this.snapshot === null) this.snapshot = fast.newSnapshot();
    fast.snapshotInto(this.snapshot);
    return this.snapshot;
  }

  /** The test hook hands over the SKUs it names to the general engine at a chunk's start. */
  private handOverAtChunkStart(settings: ReplaySettings): void {
    const chunk = this.chunks++;
    const hook = this.handOver;
    if (hook === null) return;
    const fast = this.fast as FastReplay;
    for (let sku = 0; sku < settings.names.skus.length; sku++)
      if (fast.setAside[sku] === 0 && hook(sku, chunk)) fast.handOver(sku);
  }

  /** The general engine takes over SKUs from their state at the chunk's start. */
  private adopt(skus: number[], snapshot: FastSnapshot, openings: readonly OpeningLayer[]): void {
    if (skus.length === 0) return;
    const fast = this.fast as FastReplay;
    const general = this.general as GeneralReplay;
    const handed = new Set(skus);
    const states = fast.statesIn(snapshot, handed);
    for (const sku of skus) general.adopt(sku, states.get(sku) ?? []);
    // Openings applied in this chunk were not in the snapshot: the general engine applies them.
    general.applyOpenings(openings.filter((layer) => handed.has(layer.sku)));
  }

  /** The settings of this chunk; on the first, the scales and both engines. */
  private settingsFor(columns: LedgerColumns): ReplaySettings {
    const names = {
      skus: this.builder.skus,
      locations: this.builder.locations,
      lots: this.builder.lots,
    };
    requireLocationCount(names.locations.length, this.fn);
    if (this.settings === null) {
      let opening: PreparedOpening;
      try {
        // Each receivedOn is checked when its SKU's first row comes (checkOpeningDates).
        opening = prepareOpening(
          this.options.openingBalances ?? [],
          this.skuInfo,
          {
            quantityDecimals: Math.max(
              columns.quantityDecimals,
              this.options.quantityDecimals ?? 0,
            ),
            moneyDecimals: Math.max(columns.moneyDecimals, this.options.moneyDecimals ?? 0),
          },
          this.builderInterner(),
          null,
          this.fn,
        );
      } catch (e) {
        if (e instanceof InvKpiError) this.openingFailure = e;
        throw e;
      }
      this.opening = opening;
      for (const layer of opening.layers) {
        const list = this.pendingOpenings.get(layer.sku);
        if (list === undefined) this.pendingOpenings.set(layer.sku, [layer]);
        else list.push(layer);
      }
      this.settings = {
        fn: this.fn,
        columns,
        names,
        scales: opening.scales,
        valuation: this.valuation,
        failOnNegative: this.failOnNegative,
        byLocation: this.options.byLocation === true,
        period: this.period,
        standardCosts: new Map(),
        months: this.options.months === true,
        monthEnds: this.options.monthEnds !== false,
      };
      this.fast = new FastReplay(this.settings);
      this.general = new GeneralReplay(this.settings, true, false, true);
    } else {
      this.settings = { ...this.settings, columns };
    }
    this.requireDecimals(columns);
    return this.settings;
  }

  /** Interns the opening balances' codes in the builder's dictionaries (shared with the rows). */
  private builderInterner(): CodeInterner {
    const b = this.builder;
    const known = new Set(b.skus);
    return {
      has: (code) => known.has(code),
      sku: (code) => b.skuId(code),
      location: (code) => b.locationId(code),
      lot: (code) => b.lotId(code),
    };
  }

  /** Both engines take the chunk's settings; SKUs new to the dictionaries get their standard cost. */
  private useChunk(settings: ReplaySettings): void {
    (this.fast as FastReplay).useChunk(settings);
    (this.general as GeneralReplay).useChunk(settings);
    this.resolveNewSkus(settings);
  }

  /** Standard costs of SKUs the dictionaries gained (by code: skuInfo names SKUs, not indexes). */
  private resolveNewSkus(settings: ReplaySettings): void {
    const skus = settings.names.skus;
    const byCode = (this.opening as PreparedOpening).standardByCode;
    for (let sku = this.resolvedSkus; sku < skus.length; sku++) {
      const cost = byCode.get(skus[sku] as string);
      if (cost !== undefined) settings.standardCosts.set(sku, cost);
    }
    this.resolvedSkus = skus.length;
    if (skus.length > this.seen.length) {
      this.seen = grown(this.seen, new Uint8Array(Math.max(skus.length, this.seen.length * 2)));
    }
  }

  /**
   * Checks the `receivedOn` of the opening balances of the SKUs whose first row is in this chunk
   * against that row's day (rows come in date order, so it is the SKU's first movement day); the
   * problems go to {@link lateReceipts}. Nothing to do, and no loop over the rows, once no dated
   * balance waits.
   */
  private checkOpeningDates(columns: LedgerColumns): void {
    if (this.datedOpenings === null) this.datedOpenings = this.datedBalances();
    const waiting = this.datedOpenings;
    if (waiting.size === 0) return;
    const skus = this.builder.skus;
    if (skus.length > this.datesSeen.length) {
      const size = Math.max(skus.length, this.datesSeen.length * 2);
      this.datesSeen = grown(this.datesSeen, new Uint8Array(size));
    }
    for (let i = 0; i < columns.length && waiting.size > 0; i++) {
      const sku = columns.sku[i] as number;
      if (this.datesSeen[sku] === 1) continue;
      this.datesSeen[sku] = 1;
      const code = skus[sku] as string;
      const balances = waiting.get(code);
      if (balances === undefined) continue;
      waiting.delete(code);
      const firstDay = columns.day[i] as number;
      for (const b of balances) {
        const issue = lateReceiptIssue(b.row, b.receivedOn, b.day, this.period.from, firstDay);
        if (issue !== null) this.lateReceipts.push(issue);
      }
    }
  }

  /**
   * The opening balances with a `receivedOn` that is a real day, by SKU code (anything malformed
   * is `prepareOpening`'s to report).
   */
  private datedBalances(): Map<string, DatedBalance[]> {
    const dated = new Map<string, DatedBalance[]>();
    const balances: unknown = this.options.openingBalances ?? [];
    if (!Array.isArray(balances)) return dated;
    balances.forEach((balance: unknown, row) => {
      if (balance === null || typeof balance !== "object") return;
      const { sku, receivedOn } = balance as { sku?: unknown; receivedOn?: unknown };
      const day = tryToDay(receivedOn);
      if (typeof sku !== "string" || day === null) return;
      const list = dated.get(sku);
      if (list === undefined) dated.set(sku, [{ row, receivedOn, day }]);
      else list.push({ row, receivedOn, day });
    });
    return dated;
  }

  /**
   * The error about the opening balances, if any: that of `prepareOpening` (skuInfo's alone, as in
   * batch mode, where it comes first), with the balances received after their SKU's first movement
   * merged in, every problem in row order as `replayLedger` lists them.
   */
  private openingError(): InvKpiError | null {
    // SKUs that met no row: bounded by the period alone.
    for (const balances of (this.datedOpenings ?? new Map<string, DatedBalance[]>()).values()) {
      for (const b of balances) {
        const issue = lateReceiptIssue(b.row, b.receivedOn, b.day, this.period.from, undefined);
        if (issue !== null) this.lateReceipts.push(issue);
      }
    }
    this.datedOpenings?.clear();
    const late = this.lateReceipts;
    const failed = this.openingFailure;
    // An error without issues (openingBalances is no array) stands alone; issues join the late ones.
    if (failed !== null && failed.issues.length === 0) return failed;
    const issues = [...(failed?.issues ?? []), ...late];
    if (issues.length === 0) return null;
    // Stable: a row's other problems first, then its late receivedOn, as prepareOpening lists them.
    issues.sort((a, b) => a.row - b.row);
    return inputIssuesError(this.fn, "openingBalances", issues);
  }

  /** The opening layers of the SKUs whose first row is in this chunk, dated by that row. */
  private openingsMetIn(columns: LedgerColumns, order: Int32Array | null): OpeningLayer[] {
    const layers: OpeningLayer[] = [];
    for (let n = 0; n < columns.length; n++) {
      const i = order === null ? n : (order[n] as number);
      const sku = columns.sku[i] as number;
      if (this.seen[sku] === 1) continue;
      this.seen[sku] = 1;
      const pending = this.pendingOpenings.get(sku);
      if (pending === undefined) continue;
      this.pendingOpenings.delete(sku);
      const day = columns.day[i] as number;
      for (const layer of pending) layers.push(datedOpeningLayer(layer, day, this.period.from));
    }
    return layers;
  }

  /**
   * Requires each row of this chunk to fit the decimal places that quantities, and costs and
   * prices, may have: those the caller gave (a limit in every chunk), else the scales that the
   * first chunk fixed (a later row with more is an error). (The columns' counts include rows held
   * for the next chunk, so only a row of this chunk is named.)
   */
  private requireDecimals(columns: LedgerColumns): void {
    const { quantityDecimals, moneyDecimals } = this.options;
    const { qd: quantityScale, cd: moneyScale } = (this.settings as ReplaySettings).scales;
    const qd = quantityDecimals ?? quantityScale;
    const cd = moneyDecimals ?? moneyScale;
    if (columns.quantityDecimals > qd) {
      const i = firstIndex(
        columns,
        (k) => decimalPlaces(columns.quantity[k] as number, MAX_QUANTITY_DECIMALS) > qd,
      );
      const given = quantityDecimals !== undefined;
      if (i >= 0) throw this.tooManyDecimals(columns, i, "quantity", qd, "quantityDecimals", given);
    }
    if (columns.moneyDecimals > cd) {
      const i = firstIndex(
        columns,
        (k) =>
          (columns.costDecimals[k] as number) > cd || (columns.priceDecimals[k] as number) > cd,
      );
      if (i < 0) return;
      const field = (columns.costDecimals[i] as number) > cd ? "unitCost" : "unitPrice";
      const given = moneyDecimals !== undefined;
      throw this.tooManyDecimals(columns, i, field, cd, "moneyDecimals", given);
    }
  }

  private tooManyDecimals(
    columns: LedgerColumns,
    i: number,
    field: string,
    decimals: number,
    option: string,
    given: boolean,
  ): InvKpiError {
    const row = columns.row[i] as number;
    const why = given
      ? `the most that the option ${option} allows`
      : `the most that the rows before it had; a streaming replay fixes its scales on its first chunk: set the option ${option}`;
    return new InvKpiError(
      "out_of_range",
      `${this.fn}: row ${row} has a ${field} with more than ${decimals} decimal places, ${why}`,
      { path: ["ledger", row, field], details: { row, field, decimals, option } },
    );
  }

  /**
   * Drops what only the replay needed: the chunk snapshot (a copy of the state table and layer
   * pool) and the row arrays. The engines stay reachable only from the histories' iterator, so they
   * go once the last history is built. At 100 k SKUs this is 100–150 MB less during the report.
   */
  private release(settings: ReplaySettings, fast: FastReplay, general: GeneralReplay): void {
    this.snapshot = null;
    this.builder.releaseRows();
    // The engines' settings point at the last chunk's rows: point them at no rows.
    const noRows = { ...settings, columns: this.builder.view(0) };
    fast.useChunk(noRows);
    general.useChunk(noRows);
    this.settings = null;
    this.fast = null;
    this.general = null;
  }

  /**
   * Replays what is left, closes the period for every SKU and returns the histories, sorted by
   * SKU (then location), and the warnings, in input-row order: the result of `replayLedger`.
   *
   * @throws InvKpiError as `replayLedger`: `invalid_argument` listing every bad opening balance
   *   (a `receivedOn` after its SKU's first movement included, whichever chunk met it) before any
   *   error of the replay; `invalid_option` under `'standard'` valuation for SKUs without a
   *   standard cost.
   */
  finish(): ReplayResult {
    const { histories, warnings } = this.finishLazily();
    return { histories: [...histories], warnings };
  }

  /**
   * {@link finish}, with the histories built one at a time as they are iterated (once), so that a
   * caller that turns each into something smaller never holds them all.
   */
  finishLazily(): { histories: Iterable<SkuHistory>; warnings: ReplayWarning[] } {
    if (this.finished) throw new Error(`${this.fn}: the streaming replay is finished already`);
    this.finished = true;
    this.flush(true);
    const opening = this.openingError();
    if (opening !== null) throw opening;
    if (this.failure !== null) throw this.failure;
    // flush(true) replayed the last rows (none, too), which set the settings and both engines.
    const settings = this.settings as ReplaySettings;
    const fast = this.fast as FastReplay;
    const general = this.general as GeneralReplay;
    // SKUs that only the opening balances name: dated before the period.
    const rest = [...this.pendingOpenings.values()]
      .flat()
      .map((layer) => datedOpeningLayer(layer, undefined, this.period.from));
    this.pendingOpenings.clear();
    const snapshot = this.chunkSnapshot(fast);
    this.handOverAtChunkStart(settings);
    general.applyOpenings(rest);
    fast.applyOpenings(rest);
    this.adopt(fast.takeSetAside(), snapshot, rest);
    if (settings.valuation === "standard")
      requireStandardCosts(settings.names, settings.standardCosts, this.fn);
    fast.finishAll();
    // A SKU set aside while closing its period: the general engine closes it from its last state.
    this.adopt(fast.takeSetAside(), snapshot, rest);
    general.finishAll();
    requireExactQuantities(settings, fast.quantityTotals(), general.quantityTotals());
    this.release(settings, fast, general);
    const warnings = [
      ...this.warnings,
      ...fast.takeWarnings(),
      ...general.takeWarnings(),
      ...periodWarnings(settings, fast),
    ];
    warnings.sort((a, b) => (a.row ?? -1) - (b.row ?? -1) || compareText(a.code, b.code));
    return {
      histories: mergedHistories(fast.histories(), general.histories()),
      warnings,
    };
  }
}

function firstIndex(columns: LedgerColumns, test: (i: number) => boolean): number {
  for (let i = 0; i < columns.length; i++) if (test(i)) return i;
  return -1;
}

function requireDecimals(value: number | undefined, max: number, name: string, fn: string): void {
  if (value === undefined || (Number.isInteger(value) && value >= 0 && value <= max)) return;
  throw new InvKpiError("invalid_option", `${fn}: ${name} must be an integer from 0 to ${max}`, {
    path: [name],
    details: { [name]: value },
  });
}
