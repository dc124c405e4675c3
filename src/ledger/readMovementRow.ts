import { tryToDay } from "../model/day.js";
import {
  decimalPlaces,
  MAX_QUANTITY,
  MAX_QUANTITY_DECIMALS,
  type ScaledDecimal,
} from "../model/exactDecimal.js";
import { describeValue, type LedgerIssue, type LedgerIssueCode } from "../model/InvKpiError.js";
import { type MovementType, QUANTITY_SIGN } from "../model/Movement.js";
import { moneyProblem, scaledMoney } from "../model/scaledMoney.js";
import type { IdRegistry } from "./IdRegistry.js";
import { ABSENT, KIND, type LedgerColumnsBuilder, NO_DAY } from "./LedgerColumns.js";

/** What the row reader needs to know beyond the row itself. */
export interface RowContext {
  /** SKUs that have a standard cost: their receipts may omit `unitCost`. */
  readonly skusWithStandardCost: ReadonlySet<string>;
  /** Ids seen so far, with the row that first used them (duplicate detection). */
  readonly ids: IdRegistry;
  /** Where problems go; every problem of the row is reported, not just the first. */
  readonly issues: LedgerIssue[];
  /** 1-based file line of a row read so far (the current one or an earlier one), for files. */
  readonly lineOf?: ((row: number) => number | undefined) | undefined;
}

const TYPE_TO_KIND: Readonly<Record<string, number>> = {
  receipt: KIND.receipt,
  issue: KIND.issue,
  return: KIND.return,
  adjustment: KIND.adjustment,
  transfer: KIND.transferOut, // refined by sign below
};

/**
 * Checks one untrusted ledger row and, when it has no problem, appends it to `builder`. Returns
 * whether the row was valid. Every problem found goes to `ctx.issues` with the row's address.
 *
 * This is the one place where a movement row is checked: `validateLedger`, `parseLedger`,
 * `toLedgerColumns` and the file readers all come through here.
 */
export function readMovementRow(
  raw: unknown,
  row: number,
  builder: LedgerColumnsBuilder | null,
  ctx: RowContext,
): boolean {
  const before = ctx.issues.length;
  const line = ctx.lineOf?.(row);
  const at: IssueAddress = line === undefined ? { row } : { row, line };

  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    ctx.issues.push({
      ...at,
      field: "",
      code: "not_an_object",
      message: "row must be an object",
      value: describeValue(raw),
    });
    return false;
  }
  const r = raw as Record<string, unknown>;

  // sku: any non-blank text, kept exactly as given.
  const sku = r.sku;
  if (sku === undefined || sku === null)
    reportIssue(ctx, at, "sku", "missing_field", "sku is required", sku);
  else if (typeof sku !== "string")
    reportIssue(ctx, at, "sku", "invalid_type", "sku must be text", sku);
  else if (sku.trim() === "")
    reportIssue(ctx, at, "sku", "empty_sku", "sku must not be empty or only whitespace", sku);

  // date
  const date = r.date;
  let day = 0;
  if (date === undefined || date === null)
    reportIssue(ctx, at, "date", "missing_field", "date is required");
  else {
    const d = tryToDay(date);
    if (d === null)
      reportIssue(
        ctx,
        at,
        "date",
        "invalid_date",
        "date must be a real calendar day as 'YYYY-MM-DD' or a valid Date",
        date,
      );
    else day = d;
  }

  // type
  const type = r.type;
  let kind = -1;
  if (type === undefined || type === null)
    reportIssue(ctx, at, "type", "missing_field", "type is required");
  else if (
    typeof type !== "string" ||
    TYPE_TO_KIND[type] === undefined ||
    !Object.hasOwn(TYPE_TO_KIND, type)
  ) {
    reportIssue(
      ctx,
      at,
      "type",
      "unknown_movement_type",
      `type must be one of receipt, issue, return, adjustment, transfer${typeHint(type)}`,
      type,
    );
  } else kind = TYPE_TO_KIND[type] as number;

  // quantity: finite, non-zero, signed as the type requires, at most MAX_QUANTITY_DECIMALS places.
  const quantity = r.quantity;
  let qty = 0;
  if (quantity === undefined || quantity === null)
    reportIssue(ctx, at, "quantity", "missing_field", "quantity is required");
  else if (typeof quantity !== "number")
    reportIssue(ctx, at, "quantity", "invalid_type", "quantity must be a number", quantity);
  else if (!Number.isFinite(quantity))
    reportIssue(
      ctx,
      at,
      "quantity",
      "invalid_quantity",
      "quantity must be a finite number",
      quantity,
    );
  else if (quantity === 0)
    reportIssue(ctx, at, "quantity", "zero_quantity", "quantity must not be zero", quantity);
  else if (Math.abs(quantity) >= MAX_QUANTITY) {
    reportIssue(
      ctx,
      at,
      "quantity",
      "invalid_quantity",
      `quantity must be below ${MAX_QUANTITY} in absolute value`,
      quantity,
    );
  } else if (decimalPlaces(quantity, MAX_QUANTITY_DECIMALS) < 0) {
    reportIssue(
      ctx,
      at,
      "quantity",
      "quantity_precision",
      `quantity must have at most ${MAX_QUANTITY_DECIMALS} decimal places`,
      quantity,
    );
  } else {
    qty = quantity;
    if (kind >= 0 && quantity < 0 && QUANTITY_SIGN[type as MovementType] === "positive") {
      reportIssue(
        ctx,
        at,
        "quantity",
        "wrong_sign",
        `quantity must be positive for ${type === "issue" ? "an" : "a"} ${String(type)}`,
        quantity,
      );
    }
  }
  if (kind === KIND.transferOut && qty > 0) kind = KIND.transferIn;

  const cost = readMoney(r, "unitCost", ctx, at);
  const price = readMoney(r, "unitPrice", ctx, at);
  const costAbsent = r.unitCost === undefined || r.unitCost === null;
  if (
    kind === KIND.receipt &&
    costAbsent &&
    typeof sku === "string" &&
    !ctx.skusWithStandardCost.has(sku)
  ) {
    reportIssue(
      ctx,
      at,
      "unitCost",
      "missing_cost",
      "a receipt needs a unitCost (or a standardCost for its SKU in skuInfo)",
      r.unitCost,
    );
  }

  const location = readText(r, "location", ctx, at);
  const lot = readText(r, "lot", ctx, at);
  if (kind === KIND.transferOut || kind === KIND.transferIn) {
    if (r.location === undefined || r.location === null)
      reportIssue(
        ctx,
        at,
        "location",
        "missing_field",
        "a transfer needs the location it leaves or reaches",
        r.location,
      );
  }
  let expires = NO_DAY;
  const expiresOn = r.expiresOn;
  if (expiresOn !== undefined && expiresOn !== null) {
    const d = tryToDay(expiresOn);
    if (d === null)
      reportIssue(
        ctx,
        at,
        "expiresOn",
        "invalid_date",
        "expiresOn must be a real calendar day as 'YYYY-MM-DD' or a valid Date",
        expiresOn,
      );
    else expires = d;
  }

  const id = r.id;
  if (id !== undefined && id !== null) {
    if (typeof id !== "string" && !(typeof id === "number" && Number.isFinite(id))) {
      reportIssue(ctx, at, "id", "invalid_type", "id must be text or a finite number", id);
    } else {
      const first = ctx.ids.claim(id, row);
      if (first >= 0) {
        const firstLine = ctx.lineOf?.(first);
        const where = firstLine === undefined ? `row ${first}` : `row ${first} (line ${firstLine})`;
        reportIssue(ctx, at, "id", "duplicate_id", `id is already used by ${where}`, id);
      }
    }
  }

  if (ctx.issues.length > before) return false;
  if (builder !== null) {
    const i = builder.next();
    builder.sku[i] = builder.skuId(sku as string);
    builder.day[i] = day;
    builder.kind[i] = kind;
    builder.quantity[i] = qty;
    const qd = decimalPlaces(qty, MAX_QUANTITY_DECIMALS);
    if (qd > builder.quantityDecimals) builder.quantityDecimals = qd;
    writeMoney(builder, i, cost, "cost");
    writeMoney(builder, i, price, "price");
    builder.location[i] = location === null ? ABSENT : builder.locationId(location);
    builder.lot[i] = lot === null ? ABSENT : builder.lotId(lot);
    builder.expires[i] = expires;
    builder.row[i] = row;
  }
  return true;
}

/** Where an issue is: its row, and its file line when the rows come from a file. */
type IssueAddress = { readonly row: number; readonly line?: number };

/** Records one problem. A plain function, not a closure per row: rows number in the millions. */
function reportIssue(
  ctx: RowContext,
  at: IssueAddress,
  field: string,
  code: LedgerIssueCode,
  message: string,
  value?: unknown,
): void {
  ctx.issues.push({
    ...at,
    field,
    code,
    message,
    ...(value === undefined ? {} : { value: describeValue(value) }),
  });
}

/** Reads an optional, non-negative exact amount; `null` when absent or invalid (and reported). */
function readMoney(
  r: Record<string, unknown>,
  field: string,
  ctx: RowContext,
  at: IssueAddress,
): ScaledDecimal | null {
  const value = r[field];
  if (value === undefined || value === null) return null;
  // The exact scaled integer, read directly: no Decimal is created per row.
  const scaled = scaledMoney(value);
  if (scaled === undefined) {
    reportIssue(
      ctx,
      at,
      field,
      "invalid_type",
      `${field} must be a number, a decimal string or a Decimal`,
      value,
    );
    return null;
  }
  if (scaled === null) {
    // Rare: tell a finite decimal that is too precise from something that is no decimal at all.
    const [code, message] = moneyProblem(value, field);
    reportIssue(ctx, at, field, code, message, value);
    return null;
  }
  if (scaled.units < 0) {
    reportIssue(ctx, at, field, "negative_money", `${field} must not be negative`, value);
    return null;
  }
  return scaled;
}

function readText(
  r: Record<string, unknown>,
  field: string,
  ctx: RowContext,
  at: IssueAddress,
): string | null {
  const value = r[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    reportIssue(ctx, at, field, "invalid_type", `${field} must be text`, value);
    return null;
  }
  if (value.trim() === "") {
    reportIssue(
      ctx,
      at,
      field,
      "empty_text",
      `${field} must not be empty or only whitespace (leave it out instead)`,
      value,
    );
    return null;
  }
  return value;
}

function writeMoney(
  builder: LedgerColumnsBuilder,
  i: number,
  money: ScaledDecimal | null,
  which: "cost" | "price",
): void {
  const units = which === "cost" ? builder.costUnits : builder.priceUnits;
  const decimals = which === "cost" ? builder.costDecimals : builder.priceDecimals;
  if (money === null) {
    units[i] = Number.NaN;
    decimals[i] = 0;
    return;
  }
  units[i] = money.units;
  decimals[i] = money.decimals;
  if (money.decimals > builder.moneyDecimals) builder.moneyDecimals = money.decimals;
}

/**
 * The hint for a type that is a known one but for case or surrounding spaces (`ISSUE`,
 * `Receipt `): types are matched exactly, as written in the docs, and an export's spelling is
 * mapped before loading rather than guessed here.
 */
function typeHint(type: unknown): string {
  if (typeof type !== "string") return "";
  const meant = type.trim().toLowerCase();
  return Object.hasOwn(TYPE_TO_KIND, meant) ? `, in lower case (did you mean '${meant}'?)` : "";
}
