import { Decimal } from "../model/Decimal.js";
import { formatDay, tryToDay } from "../model/day.js";
import {
  decimalPlaces,
  MAX_QUANTITY,
  MAX_QUANTITY_DECIMALS,
  parseDecimalText,
  pow10,
  type ScaledDecimal,
} from "../model/exactDecimal.js";
import {
  describeValue,
  InvKpiError,
  type LedgerIssue,
  type LedgerIssueCode,
} from "../model/InvKpiError.js";
import { tryToDecimal } from "../model/money.js";
import { nearMissesOf, nearMissMessage } from "../model/nearMissesOf.js";
import { OPENING_BALANCE_FIELDS, type OpeningBalance } from "../model/OpeningBalance.js";
import type { CheckedSkuInfo } from "../model/requireSkuInfoList.js";
import { moneyProblem, scaledMoney } from "../model/scaledMoney.js";
import { thrownText } from "../model/unreadableError.js";
import { ABSENT, intern as internCode, type LedgerColumns, NO_DAY } from "./LedgerColumns.js";
import { ROUNDING_DECIMALS, type Scales } from "./SkuState.js";
import { mul, type Scaled } from "./scaled.js";

/** An opening balance resolved to dictionary indexes and scaled units. */
export interface OpeningLayer {
  readonly sku: number;
  readonly location: number;
  readonly qty: number;
  /** Unit cost in cost units, or null when the balance is known by its total value. */
  readonly cost: Scaled | null;
  /** Total value in value units. */
  readonly value: Scaled;
  /**
   * Receipt day, or NaN when the balance gives none: then the day before the SKU's first movement
   * or the period start, whichever is earlier (see {@link datedOpeningLayer}).
   */
  readonly day: number;
  readonly lot: number;
  readonly expires: number;
}

/** The replay's dictionaries of SKU, location and lot codes (copies it may extend). */
export interface Dictionaries {
  readonly skus: string[];
  readonly locations: string[];
  readonly lots: string[];
}

/** Where the opening balances' codes get their dictionary indexes. */
export interface CodeInterner {
  /** Whether a SKU code has an index already. */
  has(code: string): boolean;
  sku(code: string): number;
  location(code: string): number;
  lot(code: string): number;
}

/** Everything the replay needs before the first movement. */
export interface PreparedOpening {
  readonly scales: Scales;
  /** Standard cost per SKU index known so far, in cost units. */
  readonly standardCosts: Map<number, Scaled>;
  /** Standard cost per SKU code, in cost units (for SKUs a stream meets later). */
  readonly standardByCode: ReadonlyMap<string, Scaled>;
  /** The balances as layers; undated ones have day NaN (see {@link datedOpeningLayer}). */
  readonly layers: readonly OpeningLayer[];
}

/**
 * What the check of a balance's `receivedOn` needs to know (see {@link latestOpeningDay}): the
 * period's first day, and the first movement day of a SKU, by code (undefined when the SKU has no
 * movement, or, in a streaming replay, none met yet: then only the period bounds it).
 */
export interface OpeningDating {
  readonly periodFrom: number;
  readonly firstDay: (sku: string) => number | undefined;
}

interface CheckedBalance {
  readonly balance: OpeningBalance;
  readonly qtyDecimals: number;
  readonly cost: ScaledDecimal | null;
  readonly value: ScaledDecimal | null;
}

/**
 * Checks opening balances and SKU standard costs, chooses the replay's fixed-point scales (fine
 * enough for every quantity and amount in the input, and for `decimals`), and resolves the
 * balances to layers. Codes get their indexes from `intern`, which adds codes that only the
 * balances use (to the replay's own dictionaries, never the caller's arrays).
 *
 * A balance's `receivedOn` must be a day no later than {@link latestOpeningDay}: the day before the
 * period starts and before the SKU's first movement (`dating`; null when the caller checks that
 * itself with {@link lateReceiptIssue}, as a streaming replay does when it meets each SKU).
 *
 * `skuInfo` is the list the public function checked, in full, before (`requireSkuInfoList`, once
 * per call), whose standard costs are read here.
 *
 * @throws InvKpiError `invalid_argument` listing every bad opening balance, with `path` to the
 *   first problem: `['openingBalances', row, field]`.
 */
export function prepareOpening(
  balances: readonly OpeningBalance[],
  skuInfo: CheckedSkuInfo,
  decimals: Pick<LedgerColumns, "quantityDecimals" | "moneyDecimals">,
  intern: CodeInterner,
  dating: OpeningDating | null,
  fn: string,
): PreparedOpening {
  const standard = standardCostsOfInfo(skuInfo);
  const balanceIssues: LedgerIssue[] = [];
  const checked = requireArray(balances, "openingBalances", fn).map((balance, row) =>
    checkReadableBalance(balance, row, standard, dating, balanceIssues),
  );
  if (balanceIssues.length > 0) throw inputIssuesError(fn, "openingBalances", balanceIssues);

  let qd = decimals.quantityDecimals;
  let moneyDecimals = decimals.moneyDecimals;
  let valueDecimals = 0;
  for (const cost of standard.values()) moneyDecimals = Math.max(moneyDecimals, cost.decimals);
  for (const c of checked) {
    if (c === null) continue;
    qd = Math.max(qd, c.qtyDecimals);
    if (c.cost !== null) moneyDecimals = Math.max(moneyDecimals, c.cost.decimals);
    if (c.value !== null) valueDecimals = Math.max(valueDecimals, c.value.decimals);
  }
  const cd = Math.max(ROUNDING_DECIMALS, moneyDecimals, valueDecimals - qd);
  const scales: Scales = {
    qd,
    qScale: pow10(qd),
    cd,
    vd: qd + cd,
    valueUnit6: pow10(qd + cd - ROUNDING_DECIMALS),
    costUnit6: pow10(cd - ROUNDING_DECIMALS),
  };

  const standardByCode = new Map<string, Scaled>();
  for (const [sku, cost] of standard) standardByCode.set(sku, toUnits(cost, cd));
  const layers: OpeningLayer[] = [];
  for (const c of checked) {
    if (c === null || c.balance.quantity === 0) continue;
    const b = c.balance;
    const qty = Math.round(b.quantity * scales.qScale);
    const cost = c.cost === null ? null : toUnits(c.cost, cd);
    layers.push({
      sku: intern.sku(b.sku),
      location:
        b.location === undefined || b.location === null ? ABSENT : intern.location(b.location),
      qty,
      cost,
      value: cost !== null ? mul(qty, cost) : toUnits(c.value as ScaledDecimal, scales.vd),
      day:
        b.receivedOn === undefined || b.receivedOn === null
          ? Number.NaN
          : (tryToDay(b.receivedOn) as number),
      lot: b.lot === undefined || b.lot === null ? ABSENT : intern.lot(b.lot),
      expires:
        b.expiresOn === undefined || b.expiresOn === null
          ? NO_DAY
          : (tryToDay(b.expiresOn) as number),
    });
  }
  return { scales, standardCosts: standardCostsOf(standardByCode, intern), standardByCode, layers };
}

/**
 * The standard costs of the SKUs the dictionaries know (a SKU that only skuInfo names gets no
 * index: the replay has nothing to say about it).
 */
function standardCostsOf(
  byCode: ReadonlyMap<string, Scaled>,
  intern: CodeInterner,
): Map<number, Scaled> {
  const costs = new Map<number, Scaled>();
  for (const [code, cost] of byCode) if (intern.has(code)) costs.set(intern.sku(code), cost);
  return costs;
}

/**
 * The error that lists every problem of the opening balances, all at once: its `path` is the first
 * problem's address (`['openingBalances', row, field]`), its `issues` every problem, and its
 * message counts them (`1 problem`, `3 problems`) and shows the first.
 */
export function inputIssuesError(
  fn: string,
  source: "openingBalances",
  issues: readonly LedgerIssue[],
): InvKpiError {
  const first = issues[0] as LedgerIssue;
  const count = `${issues.length} problem${issues.length === 1 ? "" : "s"}`;
  return new InvKpiError(
    "invalid_argument",
    `${fn}: ${count} in ${source}; first: ${source}[${first.row}].${first.field}: ${first.message}`,
    {
      path: first.field === "" ? [source, first.row] : [source, first.row, first.field],
      issues,
    },
  );
}

/**
 * The latest day an opening balance may have been received: the day before the period starts or
 * before the SKU's first movement (`firstDay`, undefined when it has none), whichever is earlier.
 * An opening balance is stock on hand before the first movement, so it cannot have arrived later;
 * this is also the day an undated balance gets, so FIFO issues it before anything received later.
 */
export function latestOpeningDay(periodFrom: number, firstDay: number | undefined): number {
  return Math.min(periodFrom, firstDay ?? periodFrom) - 1;
}

/**
 * The `invalid_date` issue of opening balance `row`, received on `day`, when that is after
 * {@link latestOpeningDay}; else null.
 */
export function lateReceiptIssue(
  row: number,
  receivedOn: unknown,
  day: number,
  periodFrom: number,
  firstDay: number | undefined,
): LedgerIssue | null {
  const latest = latestOpeningDay(periodFrom, firstDay);
  if (day <= latest) return null;
  const before =
    firstDay !== undefined && firstDay < periodFrom
      ? `the SKU's first movement (${formatDay(firstDay)})`
      : `the period starts (${formatDay(periodFrom)})`;
  return {
    row,
    field: "receivedOn",
    code: "invalid_date",
    message: `receivedOn must be on or before ${formatDay(latest)}, the day before ${before}: an opening balance is stock on hand before the SKU's first movement and before the period`,
    value: describeValue(receivedOn),
  };
}

/**
 * An opening layer with its receipt day: an undated balance is dated {@link latestOpeningDay}, the
 * day before the SKU's first movement (`firstDay`, undefined when it has none) or before the
 * period, whichever is earlier, so FIFO issues it before anything received later. (A dated one
 * keeps its day, which `prepareOpening` or the streaming replay has checked is no later.)
 */
export function datedOpeningLayer(
  layer: OpeningLayer,
  firstDay: number | undefined,
  periodFrom: number,
): OpeningLayer {
  if (!Number.isNaN(layer.day)) return layer;
  return { ...layer, day: latestOpeningDay(periodFrom, firstDay) };
}

/** A {@link CodeInterner} over a replay's own copies of the dictionaries. */
export function dictionaryInterner(dictionaries: Dictionaries): CodeInterner {
  const index = (list: readonly string[]) => new Map(list.map((code, i) => [code, i]));
  const skuIndex = index(dictionaries.skus);
  const locationIndex = index(dictionaries.locations);
  const lotIndex = index(dictionaries.lots);
  return {
    has: (code) => skuIndex.has(code),
    sku: (code) => internCode(skuIndex, dictionaries.skus, code),
    location: (code) => internCode(locationIndex, dictionaries.locations, code),
    lot: (code) => internCode(lotIndex, dictionaries.lots, code),
  };
}

/**
 * The first movement day of a SKU of the columns, by code (undefined for a SKU without movement),
 * computed on the first call.
 */
export function firstMovementDayOf(columns: LedgerColumns): (sku: string) => number | undefined {
  let byCode: Map<string, number> | null = null;
  return (sku) => {
    if (byCode === null) {
      byCode = new Map();
      for (const [index, day] of firstMovementDays(columns))
        byCode.set(columns.skus[index] as string, day);
    }
    return byCode.get(sku);
  };
}

/** The first movement day of each SKU index in the columns. */
export function firstMovementDays(columns: LedgerColumns): Map<number, number> {
  const first = new Map<number, number>();
  for (let i = 0; i < columns.length; i++) {
    const sku = columns.sku[i] as number;
    const day = columns.day[i] as number;
    const known = first.get(sku);
    if (known === undefined || day < known) first.set(sku, day);
  }
  return first;
}

/**
 * The standard costs of `skuInfo` by SKU code, as exact scaled amounts: the list passed the check
 * of `analyzeLedger`'s (`requireSkuInfoList`), so a standard cost is one the engine holds.
 */
function standardCostsOfInfo(skuInfo: CheckedSkuInfo): Map<string, ScaledDecimal> {
  const standard = new Map<string, ScaledDecimal>();
  for (const [sku, info] of skuInfo.readBySku) {
    const cost = info.standardCost;
    if (cost !== undefined && cost !== null) standard.set(sku, scaledMoney(cost) as ScaledDecimal);
  }
  return standard;
}

function requireArray<T>(value: readonly T[], name: string, fn: string): readonly T[] {
  if (!Array.isArray(value)) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: ${name} must be an array, got ${describeValue(value)}`,
      { path: [name] },
    );
  }
  return value;
}

/**
 * {@link checkBalance}, for a balance that may not be readable (a getter or a Proxy trap that
 * throws): then its problems are one issue, `not_an_object`.
 */
function checkReadableBalance(
  balance: OpeningBalance,
  row: number,
  standard: ReadonlyMap<string, ScaledDecimal>,
  dating: OpeningDating | null,
  issues: LedgerIssue[],
): CheckedBalance | null {
  const before = issues.length;
  try {
    return checkBalance(balance, row, standard, dating, issues);
  } catch (thrown) {
    issues.length = before;
    const reason = thrownText(thrown);
    issues.push({
      row,
      field: "",
      code: "not_an_object",
      message: `opening balance cannot be read: reading it threw ${reason}`,
      value: describeValue(balance),
    });
    return null;
  }
}

/**
 * Reports each field of a balance that is a near miss of an opening balance field the balance
 * lacks (`received_on` without `receivedOn`, `Location`: the rule of `nearMissesOf`), whose value
 * would go unread. Other extra fields are accepted.
 */
function reportNearMisses(
  balance: object,
  problem: (field: string, code: LedgerIssueCode, message: string, value: unknown) => void,
): void {
  for (const miss of nearMissesOf(balance, OPENING_BALANCE_FIELDS)) {
    problem(miss.name, "misspelt_field", nearMissMessage(miss, "opening balance"), miss.value);
  }
}

/** Checks one opening balance; every problem goes to `issues` with its own code. */
function checkBalance(
  balance: OpeningBalance,
  row: number,
  standard: ReadonlyMap<string, ScaledDecimal>,
  dating: OpeningDating | null,
  issues: LedgerIssue[],
): CheckedBalance | null {
  const before = issues.length;
  const problem = (field: string, code: LedgerIssueCode, message: string, value: unknown): void => {
    issues.push({ row, field, code, message, value: describeValue(value) });
  };
  if (balance === null || typeof balance !== "object") {
    problem("", "not_an_object", "opening balance must be an object", balance);
    return null;
  }
  reportNearMisses(balance, problem);
  if (typeof balance.sku !== "string")
    problem("sku", "invalid_type", "sku must be text", balance.sku);
  else if (balance.sku.trim() === "")
    problem("sku", "empty_sku", "sku must not be empty or only whitespace", balance.sku);
  const qtyDecimals =
    typeof balance.quantity === "number" &&
    Number.isFinite(balance.quantity) &&
    Math.abs(balance.quantity) < MAX_QUANTITY
      ? decimalPlaces(balance.quantity, MAX_QUANTITY_DECIMALS)
      : -1;
  if (qtyDecimals < 0) {
    problem(
      "quantity",
      "invalid_quantity",
      `quantity must be a finite number below ${MAX_QUANTITY} with at most ${MAX_QUANTITY_DECIMALS} decimal places`,
      balance.quantity,
    );
  }
  const cost = optionalAmount(balance.unitCost, "unitCost", problem);
  const value = optionalAmount(balance.value, "value", problem);
  if (cost !== null && cost.units < 0)
    problem("unitCost", "negative_money", "unitCost must not be negative", balance.unitCost);
  // A value carries the sign of the stock: a deficit is owed at a value, stock on hand is worth one.
  if (
    value !== null &&
    value.units !== 0 &&
    Math.sign(value.units) !== Math.sign(balance.quantity)
  ) {
    problem(
      "value",
      "wrong_sign",
      "value must have the sign of quantity (negative only for a negative balance)",
      balance.value,
    );
  }
  // Both given: the exact total wins when the unit cost is its rounding (see costAgreement).
  const agreement =
    cost !== null && value !== null && qtyDecimals >= 0 ? costAgreement(balance) : "exact";
  if (agreement === "disagree") {
    problem(
      "value",
      "inconsistent_value",
      `value must equal quantity × unitCost, or unitCost (written with 4 or more decimals) be value / quantity rounded to them (${String(balance.quantity)} × ${String(balance.unitCost)}): one of them is wrong; give one of them`,
      balance.value,
    );
  }
  const costGiven = agreement === "rounded" ? null : cost;
  const resolvedCost = costGiven ?? (value === null ? (standard.get(balance.sku) ?? null) : null);
  // Only when neither is given: a bad one is reported as such (invalid_money), not as missing.
  const given = (amount: unknown): boolean => amount !== undefined && amount !== null;
  if (
    resolvedCost === null &&
    !given(balance.unitCost) &&
    !given(balance.value) &&
    balance.quantity !== 0
  ) {
    problem(
      "unitCost",
      "missing_cost",
      "an opening balance needs a unitCost or a value (or a standardCost for its SKU)",
      balance.unitCost,
    );
  }
  for (const field of ["receivedOn", "expiresOn"] as const) {
    const day = balance[field];
    if (day !== undefined && day !== null && tryToDay(day) === null) {
      problem(field, "invalid_date", `${field} must be a real calendar day`, day);
    }
  }
  for (const field of ["location", "lot"] as const) {
    const text = balance[field];
    if (text === undefined || text === null) continue;
    if (typeof text !== "string") problem(field, "invalid_type", `${field} must be text`, text);
    else if (text.trim() === "")
      problem(field, "empty_text", `${field} must not be empty or only whitespace`, text);
  }
  // Last, so that a streaming replay, which checks this when it meets the SKU, lists it alike
  // (a balance without a SKU code has no first movement to check against: its sku is the issue).
  const received = dating === null ? null : tryToDay(balance.receivedOn);
  if (dating !== null && received !== null && typeof balance.sku === "string") {
    const firstDay = dating.firstDay(balance.sku);
    const late = lateReceiptIssue(row, balance.receivedOn, received, dating.periodFrom, firstDay);
    if (late !== null) issues.push(late);
  }
  if (issues.length > before) return null;
  return { balance, qtyDecimals, cost: resolvedCost, value };
}

/**
 * How a balance's `unitCost` and `value`, both given, agree: `'exact'` when value = quantity ×
 * unitCost; `'rounded'` when unitCost, given with at least {@link ROUNDED_COST_DECIMALS} decimals
 * (as written: "2.5000" has 4), is value / quantity rounded to them (an ERP's unit cost of
 * 0.333333 beside a total of 1.00 for 3 units: the total is exact, the unit cost its rounding, so
 * the total is used); `'disagree'` otherwise (one of them is wrong, and neither may be chosen
 * silently: a cost of 2.00 or 2 beside 2,400 for 1,000 units is 20 % off, not a rounding).
 * Amounts that are not decimals are reported on their own.
 */
function costAgreement(balance: OpeningBalance): "exact" | "rounded" | "disagree" {
  const quantity = tryToDecimal(balance.quantity);
  const cost = tryToDecimal(balance.unitCost);
  const value = tryToDecimal(balance.value);
  if (quantity === null || cost === null || value === null) return "exact";
  if (quantity.times(cost).eq(value)) return "exact";
  const decimals = writtenDecimals(balance.unitCost, cost);
  if (quantity.isZero() || decimals < ROUNDED_COST_DECIMALS) return "disagree";
  // Within half a unit of unitCost's last decimal of the exact unit cost: either rounding mode.
  const halfUnit = new Decimal(10).pow(-decimals).div(2);
  return value.div(quantity).minus(cost).abs().lte(halfUnit) ? "rounded" : "disagree";
}

/** Fewest decimals of a unit cost that may be a rounding of value / quantity. */
const ROUNDED_COST_DECIMALS = 4;

/** Decimals of an amount as written: a string's trailing zeros count ("2.5000": 4). */
function writtenDecimals(input: unknown, amount: Decimal): number {
  const text = typeof input === "string" ? input.trim() : "";
  const plain = /^[+-]?\d*\.(\d+)$/.exec(text);
  return plain === null ? amount.decimalPlaces() : (plain[1] as string).length;
}

function optionalAmount(
  value: unknown,
  field: string,
  problem: (field: string, code: LedgerIssueCode, message: string, value: unknown) => void,
): ScaledDecimal | null {
  if (value === undefined || value === null) return null;
  const amount = exactAmount(value);
  // As a movement's amount is judged (`moneyProblem`): what is wrong with it, in words.
  if (amount === null) problem(field, ...moneyProblem(value, field), value);
  return amount;
}

function exactAmount(value: unknown): ScaledDecimal | null {
  const decimal = tryToDecimal(value);
  return decimal === null ? null : parseDecimalText(decimal.toFixed());
}

function toUnits(amount: ScaledDecimal, decimals: number): Scaled {
  return mul(amount.units, pow10(decimals - amount.decimals));
}
