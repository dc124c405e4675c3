import { lastDayOfMonth, monthOfDay, weekOfDay } from "../model/day.js";
import type { Valuation } from "../model/SkuHistory.js";
import { ABSENT, NO_DAY } from "./LedgerColumns.js";
import type { RawHistory } from "./RawHistory.js";
import { add, isZero, mul, mulDivRound, type Scaled, sub, WideSum } from "./scaled.js";

/**
 * The fixed-point scales of one replay. Quantities are integers of 10^-qd units, unit costs and
 * prices integers of 10^-cd money, values integers of 10^-vd money with vd = qd + cd, so a quantity
 * times a unit cost is exact. cd is at least 6 so that every rounded amount (6 decimals) fits.
 */
export interface Scales {
  readonly qd: number;
  readonly qScale: number;
  readonly cd: number;
  readonly vd: number;
  /** One unit of the 6th decimal of money, in value units: 10^(vd − 6). */
  readonly valueUnit6: number;
  /** One unit of the 6th decimal of money, in unit-cost units: 10^(cd − 6). */
  readonly costUnit6: number;
}

/** The decimal places at which derived amounts are rounded (half to even). */
export const ROUNDING_DECIMALS = 6;

/** A FIFO layer: units still on hand from one inflow, with the day they entered the company. */
export interface Layer {
  qty: number;
  /** Unit cost in cost units, or null for a layer known only by its total value (opening by value). */
  cost: Scaled | null;
  /** Total value, for layers without a unit cost. */
  value: Scaled;
  readonly day: number;
  readonly lot: number;
  readonly expires: number;
}

/** Per-bucket demand sums (see DemandSums), accumulated in scaled quantity units. */
export class BucketSums {
  constructor(private readonly qScale: number) {}
  key = Number.NaN;
  current = 0;
  sum = 0;
  sumOfSquares = 0;
  max = 0;
  nonZero = 0;
  /** Net demand of the first bucket closed; NaN until one is. */
  firstClosed = Number.NaN;
  /** Net demand of the last bucket closed after the first; NaN until a second one is. */
  lastClosed = Number.NaN;
  /** Σx and Σx² of the buckets closed between the first and the last. */
  middleSum = 0;
  middleSumOfSquares = 0;

  /** Net demand of the first bucket with demand (0 without demand). */
  get first(): number {
    return Number.isNaN(this.firstClosed) ? 0 : this.firstClosed;
  }

  /** Net demand of the last bucket with demand: the first when only one closed (0 without demand). */
  get last(): number {
    return Number.isNaN(this.lastClosed) ? this.first : this.lastClosed;
  }

  /** Adds net demand `x` to the bucket `key`, closing the previous bucket when the key changes. */
  add(key: number, x: number): void {
    if (key !== this.key) {
      this.flush();
      this.key = key;
    }
    this.current += x;
  }

  /**
   * Closes the open bucket. Besides the sums of every bucket it keeps the first bucket's demand,
   * the last one's and the sums of those in between (see `bucketFlush` in StateTable.ts: a cut
   * bucket is then left out by addition, not by subtraction).
   */
  flush(): void {
    const x = this.current;
    if (x !== 0) {
      this.sum += x;
      // Square the quantity itself, not the scaled integer: the same double whatever the ledger's
      // decimal places, so a SKU's statistics do not depend on the other SKUs in the input.
      const units = x / this.qScale;
      this.sumOfSquares += units * units;
      if (x > this.max) this.max = x;
      this.nonZero++;
    }
    // A NaN key: no bucket was open (the first demand, or a SKU without demand at the end).
    if (!Number.isNaN(this.key)) {
      if (Number.isNaN(this.firstClosed)) this.firstClosed = x;
      else {
        const previous = this.lastClosed;
        if (!Number.isNaN(previous) && previous !== 0) {
          const previousUnits = previous / this.qScale;
          this.middleSum += previous;
          this.middleSumOfSquares += previousUnits * previousUnits;
        }
        this.lastClosed = x;
      }
    }
    this.current = 0;
  }
}

/** The raw figures of one closed month, in scaled units (turned into a MonthFigures at the end). */
export interface RawMonth {
  readonly month: number;
  readonly from: number;
  readonly to: number;
  readonly openingQty: number;
  readonly openingValue: Scaled;
  readonly closingQty: number;
  readonly closingValue: Scaled;
  readonly twQty: number;
  readonly twValue: Scaled;
  readonly receivedQty: number;
  readonly receivedValue: Scaled;
  readonly issuedQty: number;
  readonly returnedQty: number;
  readonly transferInQty: number;
  readonly transferOutQty: number;
  readonly cogs: Scaled;
  readonly revenue: Scaled;
  /** The month's issue lines (and customer returns) whose revenue is unknown. */
  readonly issuesWithoutPrice: number;
  /** Whether `to` is the month's last day (a month-end balance). */
  readonly isMonthEnd: boolean;
}

/** Units that left a location by transfer and have not arrived yet (same SKU, same day). */
export interface TransitChunk {
  qty: number;
  value: Scaled;
  readonly layers: Layer[];
  /** The transfer-out row that sent it, for warnings. */
  readonly row: number;
  /** The location that sent it: for warnings, and so that a relay does not take back its own. */
  readonly location: number;
}

/**
 * The running state of one SKU (or SKU and location) during a replay: on hand, value, FIFO layers,
 * and every period accumulator. Methods apply one movement each; the replay loop calls them in
 * date order. All amounts are scaled integers (see {@link Scales}).
 */
export class SkuState {
  qty = 0;
  value: Scaled = 0;
  /** Open layers, oldest first, from `head` on. */
  layers: Layer[] = [];
  head = 0;
  /** FIFO only: units issued beyond stock, with the cost they were issued at, settled by the next inflows. */
  deficit: Layer[] = [];
  /**
   * Of the last outflow that named a lot: the units it took from stock that were not of that lot
   * (the lot had fewer on hand), taken from the oldest layers instead.
   */
  lotShortfall = 0;
  /** The lots an outflow found short already (reported once each), or null. */
  private shortLots: Set<number> | null = null;

  /** Last known unit cost as a fraction value/qty (moving average), and as a cost (FIFO). */
  lastCostValue: Scaled = 0;
  lastCostQty = 0;
  lastFifoCost: Scaled | null = null;
  /** The most recent issue's value and quantity (cost of a return without unitCost), and price. */
  lastIssueValue: Scaled = 0;
  lastIssueQty = 0;
  lastIssuePrice: Scaled | null = null;
  /**
   * The source rows of the last issue and the last priced issue (−1: none). By location, a return
   * at a location that never issued is costed (priced) by the SKU's latest issue (priced issue)
   * elsewhere; a streaming hand-over finds which of the fast engine's states that is by these rows
   * (`GeneralReplay.adopt`).
   */
  lastIssueRow = -1;
  lastPriceRow = -1;

  // Period figures.
  started = false;
  openingQty = 0;
  openingValue: Scaled = 0;
  balanceSince = 0;
  twQty = 0;
  readonly twValue = new WideSum();
  minQty = Number.POSITIVE_INFINITY;
  maxQty = Number.NEGATIVE_INFINITY;
  receivedQty = 0;
  readonly receivedValue = new WideSum();
  issuedQty = 0;
  readonly issuedValue = new WideSum();
  issueCount = 0;
  returnedQty = 0;
  readonly returnedValue = new WideSum();
  readonly cogs = new WideSum();
  adjustedQty = 0;
  readonly adjustedValue = new WideSum();
  shrinkageQty = 0;
  readonly shrinkageValue = new WideSum();
  transferInQty = 0;
  transferOutQty = 0;
  readonly transferValue = new WideSum();
  readonly revenue = new WideSum();
  issuesWithoutPrice = 0;

  // The open month.
  month = 0;
  monthEnd = 0;
  monthOpenQty = 0;
  monthOpenValue: Scaled = 0;
  monthTwQty = 0;
  readonly monthTwValue = new WideSum();
  monthReceivedQty = 0;
  readonly monthReceivedValue = new WideSum();
  monthIssuedQty = 0;
  monthReturnedQty = 0;
  monthTransferInQty = 0;
  monthTransferOutQty = 0;
  readonly monthCogs = new WideSum();
  readonly monthRevenue = new WideSum();
  monthIssuesWithoutPrice = 0;
  /** Closed months' figures, kept only when the replay asks for them (`keepMonths`). */
  months: RawMonth[] = [];
  /** Month-end balances (always kept: the `monthly` average needs them): day, quantity, value. */
  monthEnds: { day: number; qty: number; value: Scaled }[] = [];
  /** Whether to keep each closed month's figures (`replayLedger`'s `months` option). */
  keepMonths = false;

  readonly demandDay: BucketSums;
  readonly demandWeek: BucketSums;
  readonly demandMonth: BucketSums;

  firstReceipt = Number.POSITIVE_INFINITY;
  firstDemand = Number.POSITIVE_INFINITY;
  lastIssue = Number.NEGATIVE_INFINITY;
  lastReceipt = Number.NEGATIVE_INFINITY;
  lastMovement = Number.NEGATIVE_INFINITY;

  constructor(
    readonly sku: number,
    readonly location: number,
    readonly valuation: Valuation,
    readonly scales: Scales,
    /** Standard cost in cost units, when SkuInfo gives one. */
    readonly standardCost: Scaled | null,
    private readonly periodFrom: number,
    private readonly periodTo: number,
  ) {
    this.demandDay = new BucketSums(scales.qScale);
    this.demandWeek = new BucketSums(scales.qScale);
    this.demandMonth = new BucketSums(scales.qScale);
  }

  // ---------------------------------------------------------------- period bookkeeping

  /** Takes the opening snapshot: called before the first movement inside the period. */
  start(): void {
    this.started = true;
    this.openingQty = this.qty;
    this.openingValue = this.value;
    this.balanceSince = this.periodFrom;
    this.openMonth(monthOfDay(this.periodFrom));
  }

  private openMonth(month: number): void {
    this.month = month;
    this.monthEnd = lastDayOfMonth(month);
    this.monthOpenQty = this.qty;
    this.monthOpenValue = this.value;
    this.monthTwQty = 0;
    this.monthTwValue.reset();
    this.monthReceivedQty = 0;
    this.monthReceivedValue.reset();
    this.monthIssuedQty = 0;
    this.monthReturnedQty = 0;
    this.monthTransferInQty = 0;
    this.monthTransferOutQty = 0;
    this.monthCogs.reset();
    this.monthRevenue.reset();
    this.monthIssuesWithoutPrice = 0;
  }

  /**
   * Books the current balance as the end-of-day balance of every day from `balanceSince` up to
   * `day − 1`, closing the months it passes. Called before the first movement of a new day.
   */
  advanceTo(day: number): void {
    while (this.balanceSince < day) {
      const segmentEnd = Math.min(day - 1, this.monthEnd);
      const days = segmentEnd - this.balanceSince + 1;
      const qtyDays = this.qty * days;
      this.twQty += qtyDays;
      this.twValue.addTimes(this.value, days);
      this.monthTwQty += qtyDays;
      this.monthTwValue.addTimes(this.value, days);
      if (this.qty < this.minQty) this.minQty = this.qty;
      if (this.qty > this.maxQty) this.maxQty = this.qty;
      this.balanceSince = segmentEnd + 1;
      if (segmentEnd === this.monthEnd) this.closeMonth(true);
    }
  }

  /** Ends the period: books the last days, closes a partial last month, flushes demand buckets. */
  finish(): void {
    if (!this.started) this.start();
    this.advanceTo(this.periodTo + 1);
    if (this.month <= monthOfDay(this.periodTo) && this.monthEnd > this.periodTo)
      this.closeMonth(false);
    this.demandDay.flush();
    this.demandWeek.flush();
    this.demandMonth.flush();
  }

  private closeMonth(isMonthEnd: boolean): void {
    if (isMonthEnd) this.monthEnds.push({ day: this.monthEnd, qty: this.qty, value: this.value });
    if (!this.keepMonths) {
      this.openMonth(this.month + 1);
      return;
    }
    const monthStart = lastDayOfMonth(this.month - 1) + 1;
    this.months.push({
      month: this.month,
      from: Math.max(monthStart, this.periodFrom),
      to: Math.min(this.monthEnd, this.periodTo),
      openingQty: this.monthOpenQty,
      openingValue: this.monthOpenValue,
      closingQty: this.qty,
      closingValue: this.value,
      twQty: this.monthTwQty,
      twValue: this.monthTwValue.value(),
      receivedQty: this.monthReceivedQty,
      receivedValue: this.monthReceivedValue.value(),
      issuedQty: this.monthIssuedQty,
      returnedQty: this.monthReturnedQty,
      transferInQty: this.monthTransferInQty,
      transferOutQty: this.monthTransferOutQty,
      cogs: this.monthCogs.value(),
      revenue: this.monthRevenue.value(),
      issuesWithoutPrice: this.monthIssuesWithoutPrice,
      isMonthEnd,
    });
    this.openMonth(this.month + 1);
  }

  // ---------------------------------------------------------------- costs

  /**
   * The unit cost (cost units) at which stock would leave now, for inflows without a cost of their
   * own: the standard cost; the moving-average cost (or the last one, when nothing is on hand);
   * under FIFO the last cost seen. Rounded half-even to 6 decimals where it is a ratio.
   */
  currentUnitCost(): Scaled | null {
    if (this.valuation === "standard") return this.standardCost;
    if (this.valuation === "moving-average") {
      if (this.qty > 0) return mulDivRound(this.value, 1, this.qty, this.scales.costUnit6);
      if (this.lastCostQty > 0)
        return mulDivRound(this.lastCostValue, 1, this.lastCostQty, this.scales.costUnit6);
      return this.standardCost;
    }
    return this.lastFifoCost ?? this.standardCost;
  }

  /**
   * The cost of the most recent issue per unit, rounded to 6 decimals: what a return comes back at.
   * @param issued - the state whose last issue that is: this one, or by location the SKU's state
   *   that issued last when this one never did.
   */
  lastIssueUnitCost(issued: SkuState = this): Scaled | null {
    if (this.valuation === "standard") return this.standardCost;
    if (issued.lastIssueQty > 0)
      return mulDivRound(issued.lastIssueValue, 1, issued.lastIssueQty, this.scales.costUnit6);
    return this.currentUnitCost();
  }

  // ---------------------------------------------------------------- inflows

  /**
   * Applies an opening balance: stock on hand before the first movement, by unit cost or by total
   * value, as an inflow (it becomes the SKU's last known cost, like any receipt). A balance below
   * zero takes its units first from the stock the state holds (its balances above zero, which the
   * replay applies first: per SKU, another location's), oldest layers first as any outflow; the
   * rest is a deficit owed to the next inflows at the balance's unit cost.
   */
  open(
    qty: number,
    cost: Scaled | null,
    value: Scaled,
    day: number,
    lot: number,
    expires: number,
  ): void {
    if (qty > 0) {
      if (cost !== null) this.receive(qty, cost, day, lot, expires, false);
      else
        this.receiveLayers([{ qty, cost: null, value, day, lot, expires }], qty, value, day, false);
      return;
    }
    this.stockEntered(day);
    const units = -qty;
    const covered = Math.min(units, Math.max(this.qty, 0));
    if (covered > 0) this.takeOut(covered, null);
    const owed = units - covered;
    if (owed === 0) return;
    const unitCost = cost ?? mulDivRound(value, 1, qty, this.scales.costUnit6);
    const owedValue =
      owed === units
        ? value
        : cost !== null
          ? mul(-owed, cost)
          : mulDivRound(value, owed, units, this.scales.valueUnit6);
    if (this.valuation === "fifo") {
      this.deficit.push({ qty: owed, cost: unitCost, value: 0, day, lot: ABSENT, expires: NO_DAY });
      this.lastFifoCost = unitCost;
    }
    if (this.valuation === "moving-average") {
      // The units owed are the last stock whose cost is known (exactly: their value over their
      // number): an outflow beyond them is owed at it, as FIFO owes it at the opening's cost.
      // Stock was never above zero to give a cost, so it went at 0, without a warning (audit).
      this.lastCostValue = sub(0, owedValue);
      this.lastCostQty = owed;
    }
    this.qty -= owed;
    this.value =
      this.valuation === "standard"
        ? mul(this.qty, this.standardCost ?? 0)
        : add(this.value, owedValue);
    this.rememberCost();
  }

  /**
   * Stock comes in (receipt, return, positive adjustment, unmatched transfer in): units owed by
   * negative stock are settled first (the difference between their issue cost and this cost goes to
   * COGS), the rest becomes a new layer. Returns the value added to stock at `cost`; the settlement
   * is returned through `settlement`.
   */
  receive(
    qty: number,
    cost: Scaled,
    day: number,
    lot: number,
    expires: number,
    inPeriod: boolean,
  ): Scaled {
    this.stockEntered(day);
    const inflowValue = mul(qty, cost);
    let remaining = qty;
    let settlement: Scaled = 0;
    if (this.qty < 0) {
      const settled = Math.min(qty, -this.qty);
      settlement = this.settleDeficit(settled, mul(settled, cost));
      remaining -= settled;
    }
    if (remaining > 0) this.pushLayer({ qty: remaining, cost, value: 0, day, lot, expires });
    this.qty += qty;
    // Stock value grows by the inflow less what settled units really cost beyond their issue cost.
    this.value = sub(add(this.value, inflowValue), settlement);
    if (this.valuation === "standard") this.value = mul(this.qty, this.standardCost ?? 0);
    this.bookSettlement(settlement, inPeriod);
    if (this.valuation === "fifo") this.lastFifoCost = cost;
    this.rememberCost();
    return inflowValue;
  }

  /**
   * Stock entered on `day` (any inflow: a receipt, a customer return, a positive adjustment, a
   * transfer in, an opening layer): the first such day is `firstReceipt`, where the demand window
   * of a SKU that was not stocked from the start begins.
   */
  private stockEntered(day: number): void {
    if (day < this.firstReceipt) this.firstReceipt = day;
  }

  /** Negative stock settled inside the period: the cost difference belongs to COGS. */
  private bookSettlement(settlement: Scaled, inPeriod: boolean): void {
    if (!inPeriod || isZero(settlement)) return;
    this.cogs.add(settlement);
    this.monthCogs.add(settlement);
  }

  /**
   * Settles `units` of negative stock whose true cost is `trueCost` (what the settling inflow
   * brought for them); returns the extra cost (true − booked when they were issued) for COGS.
   */
  private settleDeficit(units: number, trueCost: Scaled): Scaled {
    if (this.valuation === "standard") return 0;
    if (this.valuation === "moving-average") {
      // The deficit carries a negative value; the settled share of it is what was booked for these units.
      const booked =
        units === -this.qty
          ? this.value
          : mulDivRound(this.value, units, -this.qty, this.scales.valueUnit6);
      return add(trueCost, booked);
    }
    let booked: Scaled = 0;
    let left = units;
    while (left > 0) {
      const owed = this.deficit[0] as Layer;
      const take = Math.min(left, owed.qty);
      booked = add(booked, mul(take, owed.cost ?? 0));
      owed.qty -= take;
      left -= take;
      if (owed.qty === 0) this.deficit.shift();
    }
    return sub(trueCost, booked);
  }

  private pushLayer(layer: Layer): void {
    // Layers arrive in day order except when a transfer brings older stock: then find its place
    // after the layers of its day or before, by bisection (a store of many newer layers would
    // otherwise be walked back once per transfer).
    let i = this.layers.length;
    if (i > this.head && (this.layers[i - 1] as Layer).day > layer.day) i = this.placeOf(layer.day);
    // A piece of the same receipt (same day, cost, lot, expiry) joins the layer before it instead of
    // standing beside it, so a transfer out and back in leaves the layers as they were.
    const before = i > this.head ? (this.layers[i - 1] as Layer) : undefined;
    if (before !== undefined && sameOrigin(before, layer)) before.qty += layer.qty;
    else if (i === this.layers.length) this.layers.push(layer);
    else this.layers.splice(i, 0, layer);
  }

  /** The index of the first open layer entered after `day` (the layers are in day order). */
  private placeOf(day: number): number {
    let low = this.head;
    let high = this.layers.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.layers[middle] as Layer).day > day) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  // ---------------------------------------------------------------- outflows

  /**
   * Stock goes out (issue, negative adjustment, transfer out): the oldest layers are consumed first,
   * and the value leaving is computed by the valuation method. Units beyond stock on hand leave at
   * the last known unit cost and are owed to the next inflow. Consumed layer pieces are appended to
   * `moved` when given (transfers carry them). An outflow that names a `lot` takes that lot's
   * layers first (oldest first), and what they do not cover from the oldest layers, noted in
   * {@link lotShortfall}. Returns the value that left stock.
   */
  takeOut(qty: number, moved: Layer[] | null, lot = ABSENT): Scaled {
    const onHand = Math.max(this.qty, 0);
    const fromStock = Math.min(qty, onHand);
    const fifoValue = this.consumeLayers(fromStock, moved, lot);
    let out: Scaled;
    if (this.valuation === "fifo") out = fifoValue;
    else if (this.valuation === "standard") out = mul(fromStock, this.standardCost ?? 0);
    else
      out =
        fromStock === this.qty
          ? this.value
          : mulDivRound(fromStock, this.value, this.qty, this.scales.valueUnit6);
    const beyond = qty - fromStock;
    if (beyond > 0) out = add(out, this.owe(beyond));
    this.qty -= qty;
    this.value = sub(this.value, out);
    this.rememberCost();
    return out;
  }

  /** Books `units` of negative stock at the last known unit cost; returns their value. */
  private owe(units: number): Scaled {
    if (this.valuation === "standard") return mul(units, this.standardCost ?? 0);
    if (this.valuation === "moving-average") {
      if (this.lastCostQty > 0)
        return mulDivRound(units, this.lastCostValue, this.lastCostQty, this.scales.valueUnit6);
      return mul(units, this.standardCost ?? 0);
    }
    const cost = this.lastFifoCost ?? this.standardCost ?? 0;
    this.deficit.push({ qty: units, cost, value: 0, day: 0, lot: ABSENT, expires: NO_DAY });
    return mul(units, cost);
  }

  /**
   * Removes `qty` units from the layers: those of `lot` first when one is named (the units the
   * movement says left), then the oldest; returns their FIFO value.
   */
  private consumeLayers(qty: number, moved: Layer[] | null, lot: number): Scaled {
    let left = qty;
    let value: Scaled = 0;
    if (lot !== ABSENT) {
      for (let k = this.head; left > 0 && k < this.layers.length; ) {
        const layer = this.layers[k] as Layer;
        if (layer.lot !== lot) {
          k++;
          continue;
        }
        const take = Math.min(left, layer.qty);
        value = add(value, this.takeFromLayer(layer, take, moved));
        left -= take;
        // An emptied layer leaves the list where it stands (the head's next becomes the head).
        if (layer.qty === 0) this.layers.splice(k, 1);
        else k++;
      }
      this.lotShortfall = left;
    }
    while (left > 0 && this.head < this.layers.length) {
      const layer = this.layers[this.head] as Layer;
      const take = Math.min(left, layer.qty);
      value = add(value, this.takeFromLayer(layer, take, moved));
      left -= take;
      if (layer.qty === 0) this.head++;
    }
    this.compactLayers();
    return value;
  }

  /** Takes `take` units of `layer` (noting them in `moved`); returns their FIFO value. */
  private takeFromLayer(layer: Layer, take: number, moved: Layer[] | null): Scaled {
    const takenValue = layerValue(layer, take, this.scales);
    this.lastFifoCost = layerUnitCost(layer, this.scales); // the last cost seen
    if (moved !== null) {
      moved.push({
        qty: take,
        cost: layer.cost,
        value: layer.cost === null ? takenValue : 0,
        day: layer.day,
        lot: layer.lot,
        expires: layer.expires,
      });
    }
    if (layer.cost === null) layer.value = sub(layer.value, takenValue);
    layer.qty -= take;
    return takenValue;
  }

  /** Whether `lot` is found short for the first time (each lot is reported once per state). */
  firstShortOf(lot: number): boolean {
    this.shortLots ??= new Set();
    if (this.shortLots.has(lot)) return false;
    this.shortLots.add(lot);
    return true;
  }

  private compactLayers(): void {
    if (this.head > 32 && this.head * 2 > this.layers.length) {
      this.layers = this.layers.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Moves transferred-in layers into stock, in receipt-day order; `value` is what they carry and
   * `day` the day they arrive (the layers keep their receipt days). Under FIFO the last of them
   * sets the last cost seen, as any inflow does.
   */
  receiveLayers(
    layers: readonly Layer[],
    qty: number,
    value: Scaled,
    day: number,
    inPeriod: boolean,
  ): void {
    this.stockEntered(day);
    // Arriving units first settle negative stock at this location, like any inflow: the oldest
    // pieces go to the deficit, at their exact value.
    let skip = this.qty < 0 ? Math.min(qty, -this.qty) : 0;
    const settled = skip;
    let settledValue: Scaled = 0;
    for (const layer of layers) {
      const drop = Math.min(skip, layer.qty);
      skip -= drop;
      const droppedValue = drop > 0 ? layerValue(layer, drop, this.scales) : 0;
      settledValue = add(settledValue, droppedValue);
      if (layer.qty - drop === 0) continue;
      const rest = layer.cost === null ? sub(layer.value, droppedValue) : layer.value;
      this.pushLayer({ ...layer, qty: layer.qty - drop, value: rest });
    }
    if (settled > 0) {
      // FIFO settles at the pieces' own cost; the other valuations at the settled share of the value.
      const trueCost =
        this.valuation === "fifo"
          ? settledValue
          : settled === qty
            ? value
            : mulDivRound(value, settled, qty, this.scales.valueUnit6);
      const settlement = this.settleDeficit(settled, trueCost);
      this.value = sub(this.value, settlement);
      this.bookSettlement(settlement, inPeriod);
    }
    this.qty += qty;
    this.value = add(this.value, value);
    if (this.valuation === "standard") this.value = mul(this.qty, this.standardCost ?? 0);
    // The last cost seen: that of the layer last received (the last to arrive, as any inflow's).
    const last = layers[layers.length - 1];
    if (this.valuation === "fifo" && last !== undefined)
      this.lastFifoCost = layerUnitCost(last, this.scales);
    this.rememberCost();
  }

  /**
   * A relay went through this location: `qty` units (`layers`, worth `value`) that arrived by
   * transfer on `day` left again with its transfer out, after its own stock. They never join the
   * layers or the value, but they were here: stock entered on `day`, and the last known cost is
   * as if they had been on hand and left last. Under FIFO the cost of the last of them (what a FIFO
   * outflow would have taken last); under moving average that of the stock held before the
   * transfer out (`qtyBefore`, `valueBefore`) together with them; when that stock was below zero
   * they were never on hand with it, and the last cost stays.
   */
  relayed(
    layers: readonly Layer[],
    qty: number,
    value: Scaled,
    day: number,
    qtyBefore: number,
    valueBefore: Scaled,
  ): void {
    this.stockEntered(day);
    const last = layers[layers.length - 1];
    if (this.valuation === "fifo" && last !== undefined)
      this.lastFifoCost = layerUnitCost(last, this.scales);
    if (this.valuation === "moving-average" && qtyBefore >= 0) {
      this.lastCostValue = add(valueBefore, value);
      this.lastCostQty = qtyBefore + qty;
    }
  }

  private rememberCost(): void {
    if (this.qty > 0) {
      this.lastCostValue = this.value;
      this.lastCostQty = this.qty;
    }
  }

  // ---------------------------------------------------------------- period figures of flows

  /** Books a receipt inside the period. */
  bookReceipt(qty: number, value: Scaled): void {
    this.receivedQty += qty;
    this.receivedValue.add(value);
    this.monthReceivedQty += qty;
    this.monthReceivedValue.add(value);
  }

  /** Books an issue inside the period: COGS, revenue and demand. */
  bookIssue(day: number, qty: number, value: Scaled, price: Scaled | null): void {
    this.issuedQty += qty;
    this.issuedValue.add(value);
    this.issueCount++;
    this.cogs.add(value);
    this.monthIssuedQty += qty;
    this.monthCogs.add(value);
    if (price === null) this.countWithoutPrice();
    else {
      const revenue = mul(qty, price);
      this.revenue.add(revenue);
      this.monthRevenue.add(revenue);
    }
    if (day < this.firstDemand) this.firstDemand = day;
    this.addDemand(day, qty);
  }

  /** Books a customer return inside the period: it reduces COGS, revenue and net demand. */
  bookReturn(day: number, qty: number, value: Scaled, price: Scaled | null): void {
    this.returnedQty += qty;
    if (day < this.firstDemand) this.firstDemand = day;
    this.returnedValue.add(value);
    this.cogs.sub(value);
    this.monthReturnedQty += qty;
    this.monthCogs.sub(value);
    // A return whose price is unknown (none given, no earlier priced issue) leaves revenue incomplete.
    if (price === null) this.countWithoutPrice();
    else {
      const revenue = mul(qty, price);
      this.revenue.sub(revenue);
      this.monthRevenue.sub(revenue);
    }
    this.addDemand(day, -qty);
  }

  /** Counts a line whose revenue is unknown, in the period and in its month. */
  private countWithoutPrice(): void {
    this.issuesWithoutPrice++;
    this.monthIssuesWithoutPrice++;
  }

  private addDemand(day: number, qty: number): void {
    this.demandDay.add(day, qty);
    this.demandWeek.add(weekOfDay(day), qty);
    this.demandMonth.add(this.month, qty);
  }

  /** Books a signed count adjustment inside the period. */
  bookAdjustment(signedQty: number, value: Scaled): void {
    this.adjustedQty += signedQty;
    if (signedQty < 0) {
      this.adjustedValue.sub(value);
      this.shrinkageQty -= signedQty;
      this.shrinkageValue.add(value);
    } else this.adjustedValue.add(value);
  }

  /** Books a transfer inside the period (signed: + in, − out). */
  bookTransfer(signedQty: number, value: Scaled): void {
    if (signedQty < 0) {
      this.transferOutQty -= signedQty;
      this.monthTransferOutQty -= signedQty;
      this.transferValue.sub(value);
    } else {
      this.transferInQty += signedQty;
      this.monthTransferInQty += signedQty;
      this.transferValue.add(value);
    }
  }

  /** The open layers, oldest first. */
  openLayers(): Layer[] {
    return this.layers.slice(this.head);
  }

  /** The finished figures, for `toSkuHistory`. */
  raw(): RawHistory {
    return {
      sku: this.sku,
      location: this.location,
      valuation: this.valuation,
      qty: this.qty,
      value: this.value,
      openingQty: this.openingQty,
      openingValue: this.openingValue,
      twQty: this.twQty,
      twValue: this.twValue.value(),
      minQty: this.minQty,
      maxQty: this.maxQty,
      receivedQty: this.receivedQty,
      receivedValue: this.receivedValue.value(),
      issuedQty: this.issuedQty,
      issuedValue: this.issuedValue.value(),
      issueCount: this.issueCount,
      returnedQty: this.returnedQty,
      returnedValue: this.returnedValue.value(),
      cogs: this.cogs.value(),
      adjustedQty: this.adjustedQty,
      adjustedValue: this.adjustedValue.value(),
      shrinkageQty: this.shrinkageQty,
      shrinkageValue: this.shrinkageValue.value(),
      transferInQty: this.transferInQty,
      transferOutQty: this.transferOutQty,
      transferValue: this.transferValue.value(),
      revenue: this.revenue.value(),
      issuesWithoutPrice: this.issuesWithoutPrice,
      monthEnds: this.monthEnds,
      months: this.months,
      demandDay: this.demandDay,
      demandWeek: this.demandWeek,
      demandMonth: this.demandMonth,
      firstReceipt: this.firstReceipt,
      firstDemand: this.firstDemand,
      lastIssue: this.lastIssue,
      lastReceipt: this.lastReceipt,
      lastMovement: this.lastMovement,
      layers: this.openLayers(),
    };
  }
}

function sameOrigin(a: Layer, b: Layer): boolean {
  return (
    a.day === b.day &&
    a.lot === b.lot &&
    a.expires === b.expires &&
    a.cost !== null &&
    b.cost !== null &&
    a.cost === b.cost
  );
}

/**
 * The state of a SKU whose amounts outgrew 2^53 and is replayed with bigints allowed. A class of its
 * own so that V8 tracks its fields apart from the number-only {@link SkuState} fields.
 */
export class BigSkuState extends SkuState {}

/**
 * The unit cost of a layer: its own, or, for a layer known only by its value, value ÷ quantity
 * rounded half-even to 6 decimals (the cost FIFO's last cost seen takes from it).
 */
export function layerUnitCost(layer: Layer, scales: Scales): Scaled {
  return layer.cost ?? mulDivRound(layer.value, 1, layer.qty, scales.costUnit6);
}

/** The value of `take` units of a layer: exact for layers with a unit cost, pro rata otherwise. */
export function layerValue(layer: Layer, take: number, scales: Scales): Scaled {
  if (layer.cost !== null) return mul(take, layer.cost);
  return take === layer.qty
    ? layer.value
    : mulDivRound(layer.value, take, layer.qty, scales.valueUnit6);
}
