import { tryToDay } from "../model/day.js";
import {
  decimalPlaces,
  MAX_QUANTITY_DECIMALS,
  parseDecimalText,
  pow10,
  type ScaledDecimal,
} from "../model/exactDecimal.js";
import { describeValue, InvKpiError, type LedgerIssue } from "../model/InvKpiError.js";
import { tryToDecimal } from "../model/money.js";
import type { OpeningBalance } from "../model/OpeningBalance.js";
import type { SkuInfo } from "../model/SkuInfo.js";
import { ABSENT, type LedgerColumns, NO_DAY } from "./LedgerColumns.js";
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

/** Everything the replay needs before the first movement. */
export interface PreparedOpening {
  readonly scales: Scales;
  /** Standard cost per SKU index, in cost units. */
  readonly standardCosts: Map<number, Scaled>;
  readonly layers: readonly OpeningLayer[];
}

interface CheckedBalance {
  readonly balance: OpeningBalance;
  readonly qtyDecimals: number;
  readonly cost: ScaledDecimal | null;
  readonly value: ScaledDecimal | null;
}

/**
 * Checks opening balances and SKU standard costs, chooses the replay's fixed-point scales (fine
 * enough for every quantity and amount in the input), and resolves the balances to layers.
 * SKU, location and lot codes that only the balances use are added to `dictionaries` (the
 * replay's own copies of the columns' dictionaries, never the caller's arrays).
 *
 * @throws InvKpiError `invalid_argument` listing every bad opening balance.
 */
export function prepareOpening(
  balances: readonly OpeningBalance[],
  skuInfo: readonly SkuInfo[],
  columns: LedgerColumns,
  dictionaries: Dictionaries,
  periodFrom: number,
  fn: string,
): PreparedOpening {
  const issues: LedgerIssue[] = [];
  const standard = new Map<string, ScaledDecimal>();
  skuInfo.forEach((info, row) => {
    if (info.standardCost === undefined || info.standardCost === null) return;
    const cost = exactAmount(info.standardCost);
    if (cost === null || cost.units < 0) {
      issues.push({
        row,
        field: "standardCost",
        code: "invalid_money",
        message: "standardCost must be a finite, non-negative decimal",
        value: describeValue(info.standardCost),
      });
    } else standard.set(info.sku, cost);
  });
  const checked = balances.map((balance, row) => checkBalance(balance, row, standard, issues));
  if (issues.length > 0) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: ${issues.length} problem(s) in openingBalances or skuInfo; first: row ${issues[0]?.row}, ${issues[0]?.field}: ${issues[0]?.message}`,
      {
        path: ["openingBalances"],
        issues,
      },
    );
  }

  let qd = columns.quantityDecimals;
  let moneyDecimals = columns.moneyDecimals;
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

  const { skus, locations, lots } = dictionaries;
  const skuIndex = new Map(skus.map((code, i) => [code, i]));
  const indexOf = (list: string[], index: Map<string, number>, code: string): number => {
    let i = index.get(code);
    if (i === undefined) {
      i = list.length;
      list.push(code);
      index.set(code, i);
    }
    return i;
  };
  const locationIndex = new Map(locations.map((code, i) => [code, i]));
  const lotIndex = new Map(lots.map((code, i) => [code, i]));

  const standardCosts = new Map<number, Scaled>();
  for (const [sku, cost] of standard) {
    const i = skuIndex.get(sku);
    if (i !== undefined) standardCosts.set(i, toUnits(cost, cd));
  }
  const firstDay = firstMovementDays(columns);
  const layers: OpeningLayer[] = [];
  for (const c of checked) {
    if (c === null || c.balance.quantity === 0) continue;
    const b = c.balance;
    const sku = indexOf(skus, skuIndex, b.sku);
    const qty = Math.round(b.quantity * scales.qScale);
    const cost = c.cost === null ? null : toUnits(c.cost, cd);
    const value = cost !== null ? mul(qty, cost) : toUnits(c.value as ScaledDecimal, scales.vd);
    const std = standard.get(b.sku);
    if (std !== undefined && !standardCosts.has(sku)) standardCosts.set(sku, toUnits(std, cd));
    layers.push({
      sku,
      location:
        b.location === undefined || b.location === null
          ? ABSENT
          : indexOf(locations, locationIndex, b.location),
      qty,
      cost,
      value,
      day:
        // Stock on hand before the first movement: by default dated the day before that movement
        // (or before the period, if earlier), so FIFO issues it before anything received later.
        b.receivedOn === undefined || b.receivedOn === null
          ? Math.min(periodFrom, firstDay.get(sku) ?? periodFrom) - 1
          : (tryToDay(b.receivedOn) as number),
      lot: b.lot === undefined || b.lot === null ? ABSENT : indexOf(lots, lotIndex, b.lot),
      expires:
        b.expiresOn === undefined || b.expiresOn === null
          ? NO_DAY
          : (tryToDay(b.expiresOn) as number),
    });
  }
  return { scales, standardCosts, layers };
}

/** The first movement day of each SKU index in the columns. */
function firstMovementDays(columns: LedgerColumns): Map<number, number> {
  const first = new Map<number, number>();
  for (let i = 0; i < columns.length; i++) {
    const sku = columns.sku[i] as number;
    const day = columns.day[i] as number;
    const known = first.get(sku);
    if (known === undefined || day < known) first.set(sku, day);
  }
  return first;
}

function checkBalance(
  balance: OpeningBalance,
  row: number,
  standard: ReadonlyMap<string, ScaledDecimal>,
  issues: LedgerIssue[],
): CheckedBalance | null {
  const before = issues.length;
  const problem = (field: string, message: string, value: unknown): void => {
    issues.push({
      row,
      field,
      code:
        field === "quantity"
          ? "invalid_quantity"
          : field === "sku"
            ? "empty_sku"
            : field.endsWith("On")
              ? "invalid_date"
              : "invalid_money",
      message,
      value: describeValue(value),
    });
  };
  if (balance === null || typeof balance !== "object") {
    issues.push({
      row,
      field: "",
      code: "not_an_object",
      message: "opening balance must be an object",
      value: describeValue(balance),
    });
    return null;
  }
  if (typeof balance.sku !== "string" || balance.sku.trim() === "")
    problem("sku", "sku must be non-empty text", balance.sku);
  const qtyDecimals =
    typeof balance.quantity === "number" && Number.isFinite(balance.quantity)
      ? decimalPlaces(balance.quantity, MAX_QUANTITY_DECIMALS)
      : -1;
  if (qtyDecimals < 0)
    problem(
      "quantity",
      `quantity must be a finite number with at most ${MAX_QUANTITY_DECIMALS} decimal places`,
      balance.quantity,
    );
  const cost = optionalAmount(balance.unitCost, "unitCost", problem);
  const value = optionalAmount(balance.value, "value", problem);
  if (cost !== null && cost.units < 0)
    problem("unitCost", "unitCost must not be negative", balance.unitCost);
  const std = standard.get(balance.sku);
  const resolvedCost = cost ?? (value === null ? (std ?? null) : null);
  if (resolvedCost === null && value === null && balance.quantity !== 0) {
    problem(
      "unitCost",
      "an opening balance needs a unitCost or a value (or a standardCost for its SKU)",
      balance.unitCost,
    );
  }
  for (const field of ["receivedOn", "expiresOn"] as const) {
    const day = balance[field];
    if (day !== undefined && day !== null && tryToDay(day) === null)
      problem(field, `${field} must be a real calendar day`, day);
  }
  if (issues.length > before) return null;
  return { balance, qtyDecimals, cost: resolvedCost, value };
}

function optionalAmount(
  value: unknown,
  field: string,
  problem: (field: string, message: string, value: unknown) => void,
): ScaledDecimal | null {
  if (value === undefined || value === null) return null;
  const amount = exactAmount(value);
  if (amount === null)
    problem(
      field,
      `${field} must be a finite decimal with at most 12 decimal places and 15 significant digits`,
      value,
    );
  return amount;
}

function exactAmount(value: unknown): ScaledDecimal | null {
  const decimal = tryToDecimal(value);
  return decimal === null ? null : parseDecimalText(decimal.toFixed());
}

function toUnits(amount: ScaledDecimal, decimals: number): Scaled {
  return mul(amount.units, pow10(decimals - amount.decimals));
}
