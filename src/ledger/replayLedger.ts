import { requireVariant } from "../model/assert.js";
import { compareText } from "../model/compareText.js";
import type { Movement } from "../model/Movement.js";
import type { OpeningBalance } from "../model/OpeningBalance.js";
import { type Period, resolvePeriod } from "../model/Period.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { type CheckedSkuInfo, requireSkuInfoList } from "../model/requireSkuInfoList.js";
import { type SkuHistory, VALUATIONS, type Valuation } from "../model/SkuHistory.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { FastReplay } from "./FastReplay.js";
import { GeneralReplay } from "./GeneralReplay.js";
import { type HandedOverLedger, type LedgerInput, ledgerOf } from "./HandedOverLedger.js";
import { KIND_COUNT, type LedgerColumns } from "./LedgerColumns.js";
import { mergedHistories } from "./mergedHistories.js";
import {
  type Dictionaries,
  datedOpeningLayer,
  dictionaryInterner,
  firstMovementDayOf,
  type OpeningLayer,
  prepareOpening,
} from "./prepareOpening.js";
import {
  periodWarnings,
  type ReplaySettings,
  requireStandardCosts,
  unsortedInputWarning,
} from "./ReplaySettings.js";
import type { ReplayWarning } from "./ReplayWarning.js";
import { type QuantityTotals, requireExactQuantities } from "./requireExactQuantities.js";
import { requireLedgerColumns } from "./requireLedgerColumns.js";
import { requireLocationCount } from "./stateKey.js";
import { columnsOfRows } from "./validateLedger.js";

export type { ReplayWarning } from "./ReplayWarning.js";

/** Options of {@link replayLedger}. An option left out or `undefined` (the same) takes its default. */
export interface ReplayOptions {
  /** The reporting period, both days included. Required. */
  readonly period: Period;
  /** Stock on hand before the first movement, per SKU (and location), with its cost. */
  readonly openingBalances?: readonly OpeningBalance[] | undefined;
  /** SKU master data; `standardCost` is used by `standard` valuation and for receipts without a cost. */
  readonly skuInfo?: readonly SkuInfo[] | undefined;
  /** How stock is valued: `'moving-average'` (default), `'fifo'` or `'standard'`. */
  readonly valuation?: Valuation | undefined;
  /** What to do when an outflow takes stock below zero: `'warn'` (default: go on and report it) or `'error'`. */
  readonly negativeStock?: "warn" | "error" | undefined;
  /** One history per SKU and location instead of per SKU (default `false`). */
  readonly byLocation?: boolean | undefined;
  /**
   * Include the per-month figures (`months`) in each history, for time series (default `false`:
   * they cost about a dozen amounts per SKU and month; `monthEnds` are always there).
   */
  readonly months?: boolean | undefined;
}

/** What invkpi's own callers may ask of a replay beyond {@link ReplayOptions} (not public). */
export interface ReplayTuning {
  /**
   * Whether histories carry their month-end balances (default `true`). The report asks for them
   * only when it averages inventory by month, their one reader there: without them a history
   * costs a dozen objects and decimals less.
   */
  readonly monthEnds?: boolean;
  /**
   * Replay every SKU with the general engine (`SkuState` objects), which the fast engine sets
   * SKUs aside for when they need more (default `false`). For the tests that hold the fast engine
   * to the general one, field by field.
   */
  readonly generalEngineOnly?: boolean;
}

/** The result of {@link replayLedger}. */
export interface ReplayResult {
  /** One history per SKU (or SKU and location), sorted by SKU code, then location. */
  readonly histories: readonly SkuHistory[];
  readonly warnings: readonly ReplayWarning[];
}

const FN = "replayLedger";

/** The option names of {@link replayLedger} (and, with the stream's own, `replayLedgerStream`). */
export const REPLAY_OPTIONS = optionNames<ReplayOptions>()([
  "period",
  "openingBalances",
  "skuInfo",
  "valuation",
  "negativeStock",
  "byLocation",
  "months",
]);

/**
 * Replays a stock-movement ledger into one {@link SkuHistory} per SKU: on hand, value, COGS,
 * time-weighted average inventory, month ends, demand sums and open FIFO layers, in one pass.
 *
 * Rules (see `docs/architecture.md` and `docs/formulas.md#ledger-replay`):
 * - Movements are applied in date order; within a day: receipts, returns, transfers out, transfers
 *   in, adjustments, issues; rows of the same SKU, day and kind keep their input order (the ERP's
 *   posting order). Unsorted input is sorted once, in batch (a stable counting sort). By location,
 *   a relay (units forwarded the day they arrive) is the exception: its transfer out waits for them.
 * - Movements before the period build the opening balance; movements after it are counted and left out.
 * - An opening balance is stock on hand before the SKU's first movement and before the period: its
 *   `receivedOn` may be at latest the day before the period starts or the SKU's first movement,
 *   whichever is earlier, which is also the day an undated balance gets.
 * - Valuation: `moving-average` (issue value = quantity × stock value / stock quantity, rounded half
 *   to even to 6 decimals; the last unit out takes the remaining value), `fifo` (oldest layers first,
 *   exact), `standard` (every unit at the SKU's `standardCost`).
 * - A customer return comes back at its `unitCost` if given, else at the unit cost of the SKU's most
 *   recent issue (rounded to 6 decimals; by location, its location's, else the SKU's at any
 *   location); it re-enters as a new layer dated the return day.
 * - An outflow beyond stock on hand (negative stock, under `'warn'`) is costed at the last known unit
 *   cost (0 with an `unknown_cost` warning when none is known); the next inflow settles the
 *   difference to its own cost into COGS.
 * - An outflow that names a `lot` takes that lot's layers first, then the oldest layers for what the
 *   lot does not hold (a `lot_not_on_hand` warning, once per lot).
 * - A transfer moves FIFO layers between locations and keeps their receipt day. A location that
 *   forwards units the day they reach it sends its own stock first, then passes those units on
 *   with their layers, costs and receipt days (a relay: no negative stock, no COGS there).
 *
 * @param ledger - movement objects (validated on the way) or columns from `toLedgerColumns` or a reader.
 * @throws InvKpiError `invalid_ledger` (bad rows, all listed), `invalid_argument` (path
 *   `['ledger']`: the ledger is neither an array nor columns; options not an object),
 *   `invalid_period`, `invalid_date`, `invalid_option` (an unknown variant or option name),
 *   `invalid_argument` (bad opening balances, every one listed in `issues`, a
 *   `receivedOn` after that latest day among them; `path` is the first's, e.g.
 *   `['openingBalances', 0, 'receivedOn']`), `negative_stock` under `negativeStock: 'error'`,
 *   `out_of_range` for a quantity, or SKUs' totals, beyond what the ledger's decimal places hold
 *   exactly (see `docs/formulas.md`, "Exactness").
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
 * histories[0]?.closingQuantity; // 6
 * histories[0]?.cogs.toFixed(2); // "8.00"
 * histories[0]?.averageQuantity; // (10 + 10 + 6 + 6) / 4 = 8
 * ```
 */
export function replayLedger(
  ledger: readonly Movement[] | LedgerColumns,
  options: ReplayOptions,
): ReplayResult {
  requireOptionNames(options, REPLAY_OPTIONS, FN);
  // Month ends always: `ReplayTuning` is not the caller's to set, whatever the options carry.
  const { histories, warnings } = replayLedgerLazily(ledger, { ...options, monthEnds: true });
  return { histories: [...histories], warnings };
}

/**
 * {@link replayLedger}, with the histories built one at a time as they are iterated (once), so
 * that a caller that turns each into something smaller never holds them all (the report does).
 * Every error is thrown before the first history, as by `replayLedger`. The histories do not hold
 * the ledger: the one in a {@link HandedOverLedger} can be collected as soon as this returns.
 *
 * @param fn - The public function the caller runs, which its messages name.
 * @param checkedSkuInfo - `options.skuInfo` as that function checked it (`requireSkuInfoList`),
 *   which the rows' check and the opening read; left out, it is checked here, after the other
 *   options and before the ledger. Once per public call: at 100 k entries a check costs more than
 *   a small ledger's replay. Never cached by the list's identity: a caller may change its array
 *   between two calls.
 */
export function replayLedgerLazily(
  input: LedgerInput,
  options: ReplayOptions & ReplayTuning,
  fn = FN,
  checkedSkuInfo?: CheckedSkuInfo,
): { readonly histories: Iterable<SkuHistory>; readonly warnings: readonly ReplayWarning[] } {
  // A handed-over ledger is held only by this call, which returns once it is replayed.
  const ledger = ledgerOf(input);
  const period = resolvePeriod(options.period, fn);
  const valuation = requireVariant(
    options.valuation ?? "moving-average",
    VALUATIONS,
    fn,
    "valuation",
  );
  const negativeStock = requireVariant(
    options.negativeStock ?? "warn",
    ["warn", "error"] as const,
    fn,
    "negativeStock",
  );
  const skuInfo = checkedSkuInfo ?? requireSkuInfoList(options.skuInfo, fn);
  const columns = isLedgerColumns(ledger)
    ? requireLedgerColumns(ledger, fn)
    : columnsOfRows(ledger, skuInfo, fn);
  const names: Dictionaries = {
    skus: [...columns.skus],
    locations: [...columns.locations],
    lots: [...columns.lots],
  };
  const firstDayOf = firstMovementDayOf(columns);
  const opening = prepareOpening(
    options.openingBalances ?? [],
    skuInfo,
    columns,
    dictionaryInterner(names),
    { periodFrom: period.from, firstDay: firstDayOf },
    fn,
  );
  const openingLayers = opening.layers.map((layer) =>
    datedOpeningLayer(layer, firstDayOf(names.skus[layer.sku] as string), period.from),
  );
  if (valuation === "standard") requireStandardCosts(names, opening.standardCosts, fn);
  requireLocationCount(names.locations.length, fn);
  const settings: ReplaySettings = {
    fn,
    columns,
    names,
    scales: opening.scales,
    valuation,
    failOnNegative: negativeStock === "error",
    byLocation: options.byLocation === true,
    period,
    standardCosts: opening.standardCosts,
    months: options.months === true,
    monthEnds: options.monthEnds !== false,
  };
  const order = movementOrder(columns);
  const { histories, warnings, totals } =
    options.generalEngineOnly === true
      ? generalReplay(settings, openingLayers, order, null, true)
      : fastReplay(settings, openingLayers, order);
  requireExactQuantities(settings, ...totals);
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
): EngineResult {
  const fast = new FastReplay(settings);
  fast.run(opening, order);
  if (fast.stoppedBy !== null) {
    // Stock fell below zero under negativeStock 'error': an earlier fall of a SKU set aside wins.
    new GeneralReplay(settings, true, false).runAll(
      opening,
      order,
      fast.setAside,
      fast.stoppedBy.at,
    );
    throw fast.stoppedBy.error;
  }
  const warnings = [...fast.finishedWarnings(), ...periodWarnings(settings, fast)];
  const rest = fast.anySetAside
    ? generalReplay(settings, opening, order, fast.setAside, false)
    : { histories: [], warnings: [], totals: [] };
  fast.dropRows();
  return {
    histories: mergedHistories(fast.histories(), rest.histories),
    warnings: [...warnings, ...rest.warnings],
    totals: [fast.quantityTotals(), ...rest.totals],
  };
}

/**
 * What an engine run hands back: the histories (built as iterated), the warnings, and the quantity
 * totals of its finished states, one iterable per engine or pass (read once, before the histories).
 */
interface EngineResult {
  readonly histories: Iterable<SkuHistory>;
  readonly warnings: ReplayWarning[];
  readonly totals: readonly Iterable<QuantityTotals>[];
}

/**
 * The general engine (`SkuState` objects) for every SKU, or only those in `only`: a main pass with
 * number-only arithmetic, and a bigint pass for the SKUs whose amounts outgrow 2^53. With
 * `reportsPeriod`, it reports the period's counts (for every SKU; else the fast engine does).
 */
function generalReplay(
  settings: ReplaySettings,
  opening: readonly OpeningLayer[],
  order: Int32Array | null,
  only: Uint8Array | null,
  reportsPeriod: boolean,
): EngineResult {
  const main = new GeneralReplay(settings, false, reportsPeriod);
  let overflowed: Uint8Array | null;
  try {
    overflowed = main.runAll(opening, order, only);
  } catch (e) {
    // Stock fell below zero under negativeStock 'error': an earlier fall of a SKU whose amounts
    // outgrew 2^53 (set aside for the bigint pass) wins.
    if (main.overflowed !== null && main.stoppedAt !== null)
      new GeneralReplay(settings, true, false).runAll(
        opening,
        order,
        main.overflowed,
        main.stoppedAt,
      );
    throw e;
  }
  main.dropRows();
  const totals = main.quantityTotals();
  const histories = main.histories();
  const warnings = [...main.warnings];
  if (overflowed === null) return { histories, warnings, totals: [totals] };
  const big = new GeneralReplay(settings, true, false);
  big.runAll(opening, order, overflowed);
  big.dropRows();
  return {
    histories: mergedHistories(histories, big.histories()),
    warnings: [...warnings, ...big.warnings],
    totals: [totals, big.quantityTotals()],
  };
}

/**
 * Whether a value is a {@link LedgerColumns} rather than an array of movements.
 *
 * @example
 * ```ts
 * import { isLedgerColumns, toLedgerColumns } from "invkpi";
 * const movements = [{ sku: "A", date: "2025-01-02", type: "issue", quantity: 1 }] as const;
 * [isLedgerColumns(movements), isLedgerColumns(toLedgerColumns(movements))]; // [false, true]
 * ```
 */
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
 *
 * @example
 * ```ts
 * import { movementOrder, toLedgerColumns } from "invkpi";
 * const columns = toLedgerColumns([
 *   { sku: "A", date: "2025-01-02", type: "issue", quantity: 1 },
 *   { sku: "A", date: "2025-01-02", type: "receipt", quantity: 5, unitCost: 2 },
 *   { sku: "A", date: "2025-01-01", type: "receipt", quantity: 1, unitCost: 2 },
 * ]);
 * [...(movementOrder(columns) ?? [])]; // [2, 1, 0]: the first day, then receipts before issues
 * ```
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
