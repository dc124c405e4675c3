import { tryToDay } from "../model/day.js";
import {
  decimalPlaces,
  MAX_QUANTITY,
  MAX_QUANTITY_DECIMALS,
  type ScaledDecimal,
} from "../model/exactDecimal.js";
import {
  describeValue,
  InvKpiError,
  type LedgerIssue,
  type LedgerIssueCode,
} from "../model/InvKpiError.js";
import { codePointText } from "../model/invisibleCharacter.js";
import { MOVEMENT_FIELDS } from "../model/Movement.js";
import { tryToDecimal } from "../model/money.js";
import { nearMissesOf, nearMissMessage } from "../model/nearMissesOf.js";
import { quantityPrecisionMessage } from "../model/quantityPrecisionMessage.js";
import { moneyProblem, scaledMoney } from "../model/scaledMoney.js";
import { thrownText } from "../model/unreadableError.js";
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
  /**
   * 1-based file line of a row read so far (the current one or an earlier one), for files. Called
   * only for a row with a problem (and the row that used a duplicate id first).
   */
  readonly lineOf?: ((row: number) => number | undefined) | undefined;
}

/**
 * Checks one untrusted ledger row and, when it has no problem, appends it to `builder`. Returns
 * whether the row was valid. Every problem found goes to `ctx.issues` with the row's address.
 *
 * This is the one place where a movement row is checked: `validateLedger`, `parseLedger`,
 * `toLedgerColumns` and the file readers all come through here. A row that cannot be read (a
 * getter or a Proxy trap that throws, a revoked Proxy) is reported as such, field by field where
 * the others can be read; only an `InvKpiError` goes through (a `lineOf` that breaks its contract).
 */
export function readMovementRow(
  raw: unknown,
  row: number,
  builder: LedgerColumnsBuilder | null,
  ctx: RowContext,
): boolean {
  const before = ctx.issues.length;
  try {
    return readRow(raw, row, builder, ctx);
  } catch (thrown) {
    if (thrown instanceof InvKpiError) throw thrown;
    // Nothing was appended (a row is appended after its last read): read it again, carefully.
    ctx.issues.length = before;
    readUnreadableRow(raw, row, ctx, thrown);
    return false;
  }
}

/**
 * Reports a row that could not even be taken from its list (a getter on the array's index threw):
 * one issue of that row.
 */
export function reportUnreadableRow(ctx: RowContext, row: number, thrown: unknown): void {
  reportIssue(
    ctx,
    row,
    "",
    "not_an_object",
    `row cannot be read: reading it threw ${thrownText(thrown)}`,
  );
}

/** {@link readMovementRow} for a row whose reads do not throw. */
function readRow(
  raw: unknown,
  row: number,
  builder: LedgerColumnsBuilder | null,
  ctx: RowContext,
): boolean {
  const before = ctx.issues.length;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    // The value always, `undefined` too (a hole in the array).
    pushIssue(ctx, row, "", "not_an_object", "row must be an object", describeValue(raw));
    return false;
  }
  const r = raw as Record<string, unknown>;
  if (!hasOnlyMovementFields(r)) reportNearMisses(r, row, ctx);

  // sku: any non-blank text, kept exactly as given.
  const sku = r.sku;
  if (sku === undefined || sku === null)
    reportIssue(ctx, row, "sku", "missing_field", "sku is required", sku);
  else if (typeof sku !== "string")
    reportIssue(ctx, row, "sku", "invalid_type", "sku must be text", sku);
  else if (sku.trim() === "")
    reportIssue(ctx, row, "sku", "empty_sku", "sku must not be empty or only whitespace", sku);

  // date
  const date = r.date;
  let day = 0;
  if (date === undefined || date === null)
    reportIssue(ctx, row, "date", "missing_field", "date is required");
  else {
    const d = tryToDay(date);
    if (d === null)
      reportIssue(
        ctx,
        row,
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
    reportIssue(ctx, row, "type", "missing_field", "type is required");
  else {
    kind = kindOfType(type);
    if (kind < 0)
      reportIssue(
        ctx,
        row,
        "type",
        "unknown_movement_type",
        `type must be one of receipt, issue, return, adjustment, transfer${typeHint(type)}`,
        type,
      );
  }

  // quantity: finite, non-zero, signed as the type requires, at most MAX_QUANTITY_DECIMALS places.
  const quantity = r.quantity;
  let qty = 0;
  if (quantity === undefined || quantity === null)
    reportIssue(ctx, row, "quantity", "missing_field", "quantity is required");
  else if (typeof quantity !== "number")
    reportIssue(ctx, row, "quantity", "invalid_type", "quantity must be a number", quantity);
  else if (!Number.isFinite(quantity))
    reportIssue(
      ctx,
      row,
      "quantity",
      "invalid_quantity",
      "quantity must be a finite number",
      quantity,
    );
  else if (quantity === 0)
    reportIssue(ctx, row, "quantity", "zero_quantity", "quantity must not be zero", quantity);
  else if (Math.abs(quantity) >= MAX_QUANTITY) {
    reportIssue(
      ctx,
      row,
      "quantity",
      "invalid_quantity",
      `quantity must be below ${MAX_QUANTITY} in absolute value`,
      quantity,
    );
  } else if (decimalPlaces(quantity, MAX_QUANTITY_DECIMALS) < 0) {
    reportIssue(
      ctx,
      row,
      "quantity",
      "quantity_precision",
      quantityPrecisionMessage(quantity),
      quantity,
    );
  } else {
    qty = quantity;
    if (quantity < 0 && (kind === KIND.receipt || kind === KIND.issue || kind === KIND.return)) {
      reportIssue(
        ctx,
        row,
        "quantity",
        "wrong_sign",
        `quantity must be positive for ${type === "issue" ? "an" : "a"} ${String(type)}`,
        quantity,
      );
    }
  }
  if (kind === KIND.transferOut && qty > 0) kind = KIND.transferIn;

  // Each field is read once: a getter need not give the same value twice.
  const unitCost = r.unitCost;
  const cost = readMoney(unitCost, "unitCost", ctx, row);
  const price = readMoney(r.unitPrice, "unitPrice", ctx, row);
  if (
    kind === KIND.receipt &&
    (unitCost === undefined || unitCost === null) &&
    typeof sku === "string" &&
    !ctx.skusWithStandardCost.has(sku)
  ) {
    reportIssue(
      ctx,
      row,
      "unitCost",
      "missing_cost",
      "a receipt needs a unitCost (or a standardCost for its SKU in skuInfo)",
      unitCost,
    );
  }

  const locationValue = r.location;
  const location = readText(locationValue, "location", ctx, row);
  const lot = readText(r.lot, "lot", ctx, row);
  if (
    (kind === KIND.transferOut || kind === KIND.transferIn) &&
    (locationValue === undefined || locationValue === null)
  ) {
    reportIssue(
      ctx,
      row,
      "location",
      "missing_field",
      "a transfer needs the location it leaves or reaches",
      locationValue,
    );
  }
  let expires = NO_DAY;
  const expiresOn = r.expiresOn;
  if (expiresOn !== undefined && expiresOn !== null) {
    const d = tryToDay(expiresOn);
    if (d === null)
      reportIssue(
        ctx,
        row,
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
      reportIssue(ctx, row, "id", "invalid_type", "id must be text or a finite number", id);
    } else {
      const first = ctx.ids.claim(id, row);
      if (first >= 0) {
        const firstLine = ctx.lineOf?.(first);
        const where = firstLine === undefined ? `row ${first}` : `row ${first} (line ${firstLine})`;
        reportIssue(ctx, row, "id", "duplicate_id", `id is already used by ${where}`, id);
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

/** The engine's kind of a movement type (a transfer is out until its sign says), or -1. */
function kindOfType(type: unknown): number {
  switch (type) {
    case "receipt":
      return KIND.receipt;
    case "issue":
      return KIND.issue;
    case "return":
      return KIND.return;
    case "adjustment":
      return KIND.adjustment;
    case "transfer":
      return KIND.transferOut; // refined by sign
    default:
      return -1;
  }
}

/**
 * Whether every enumerable field name of `r` is a movement field ({@link MOVEMENT_FIELDS}): the
 * one check of its names most rows need, run per row of millions, so a `switch` over constant
 * names (no lookup, no allocation). A name it misses is only judged more slowly.
 */
function hasOnlyMovementFields(r: object): boolean {
  for (const name in r) {
    switch (name) {
      case "sku":
      case "date":
      case "type":
      case "quantity":
      case "unitCost":
      case "unitPrice":
      case "location":
      case "lot":
      case "expiresOn":
      case "id":
        continue;
      default:
        return false;
    }
  }
  return true;
}

/**
 * Reports each field of `r` that is a near miss of a movement field the row lacks (`Location`
 * without `location`, `expires_on`: the rule of `nearMissesOf`), whose value would otherwise go
 * unread: in memory names are matched exactly, where the file readers map such keys. Other extra
 * fields (an ERP's `note`, `supplier`, its own `SKU` beside `sku`) are accepted.
 */
function reportNearMisses(r: Record<string, unknown>, row: number, ctx: RowContext): void {
  for (const miss of nearMissesOf(r, MOVEMENT_FIELDS)) {
    reportIssue(
      ctx,
      row,
      miss.name,
      "misspelt_field",
      nearMissMessage(miss, "movement"),
      miss.value,
    );
  }
}

/**
 * The problems of a row that threw when read: each field that cannot be read (its getter or a
 * Proxy trap throws, or its value is a revoked Proxy) is one issue, and the readable fields are
 * checked as usual. A row none of whose fields can be read (a revoked Proxy) is one issue of the
 * row; so is a row that threw once but reads fine now.
 */
function readUnreadableRow(raw: unknown, row: number, ctx: RowContext, thrown: unknown): void {
  const before = ctx.issues.length;
  const fields = readableFields(raw, row, ctx);
  let failed = fields === null;
  if (fields !== null) {
    const after = ctx.issues.length;
    try {
      readRow(fields.copy, row, null, ctx);
    } catch {
      failed = true;
    }
    // The copy lacks the unreadable fields: "sku is required" says nothing new of them.
    const rest = ctx.issues.splice(after).filter((i) => !fields.unreadable.includes(i.field));
    if (!failed) ctx.issues.push(...rest);
  }
  if (failed || ctx.issues.length === before) reportUnreadableRow(ctx, row, thrown);
}

/**
 * The movement fields of `raw` that can be read, copied, and the names of those that cannot, each
 * reported; with its near misses reported too. Null when no field can be read.
 */
function readableFields(
  raw: unknown,
  row: number,
  ctx: RowContext,
): { copy: Record<string, unknown>; unreadable: string[] } | null {
  try {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return null;
  } catch {
    return null; // a revoked Proxy
  }
  const r = raw as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  const problems: [field: string, thrown: unknown][] = [];
  for (const field of MOVEMENT_FIELDS) {
    try {
      const value = r[field];
      inspect(value);
      copy[field] = value;
    } catch (thrown) {
      problems.push([field, thrown]);
    }
  }
  if (problems.length === MOVEMENT_FIELDS.length) return null;
  for (const [field, thrown] of problems) {
    reportIssue(
      ctx,
      row,
      field,
      "invalid_type",
      `${field} cannot be read: reading it threw ${thrownText(thrown)}`,
    );
  }
  try {
    if (!hasOnlyMovementFields(r)) reportNearMisses(r, row, ctx);
  } catch (thrown) {
    reportIssue(
      ctx,
      row,
      "",
      "not_an_object",
      `the row's field names cannot be read: reading them threw ${thrownText(thrown)}`,
    );
  }
  return { copy, unreadable: problems.map(([field]) => field) };
}

/**
 * Looks at a field's value as the row check will (a Date? a Decimal?), so that a value that throws
 * when looked at (a revoked Proxy, a Decimal-like object with a throwing getter) does so here.
 */
function inspect(value: unknown): void {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return;
  tryToDay(value);
  scaledMoney(value);
  tryToDecimal(value);
}

/**
 * Records one problem, `value` described. A plain function, not a closure per row: rows number in
 * the millions.
 */
function reportIssue(
  ctx: RowContext,
  row: number,
  field: string,
  code: LedgerIssueCode,
  message: string,
  value?: unknown,
): void {
  pushIssue(ctx, row, field, code, message, value === undefined ? undefined : describeValue(value));
}

/**
 * Records one problem, with the row's line when the rows come from a file (asked only now: most
 * rows have none) and the value as described.
 */
function pushIssue(
  ctx: RowContext,
  row: number,
  field: string,
  code: LedgerIssueCode,
  message: string,
  value: string | undefined,
): void {
  const line = ctx.lineOf?.(row);
  ctx.issues.push({
    row,
    ...(line === undefined ? {} : { line }),
    field,
    code,
    message,
    ...(value === undefined ? {} : { value }),
  });
}

/** Reads an optional, non-negative exact amount; `null` when absent or invalid (and reported). */
function readMoney(
  value: unknown,
  field: string,
  ctx: RowContext,
  row: number,
): ScaledDecimal | null {
  if (value === undefined || value === null) return null;
  // The exact scaled integer, read directly: no Decimal is created per row.
  const scaled = scaledMoney(value);
  if (scaled === undefined) {
    reportIssue(
      ctx,
      row,
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
    reportIssue(ctx, row, field, code, message, value);
    return null;
  }
  if (scaled.units < 0) {
    reportIssue(ctx, row, field, "negative_money", `${field} must not be negative`, value);
    return null;
  }
  return scaled;
}

function readText(value: unknown, field: string, ctx: RowContext, row: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    reportIssue(ctx, row, field, "invalid_type", `${field} must be text`, value);
    return null;
  }
  if (value.trim() === "") {
    reportIssue(
      ctx,
      row,
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
 * The hint for a type that is a known one but for case, surrounding white space or an invisible
 * character (`ISSUE`, `Receipt `, `receipt` and a U+200B): types are matched exactly, as written
 * in the docs, and an export's spelling is mapped before loading rather than guessed here. The
 * hint says what is wrong, so that a type that looks right on a terminal is explained.
 */
function typeHint(type: unknown): string {
  if (typeof type !== "string") return "";
  const trimmed = type.trim();
  const invisible = INVISIBLE.exec(trimmed)?.[0];
  const bare = invisible === undefined ? trimmed : trimmed.replace(INVISIBLE_ALL, "");
  const meant = bare.toLowerCase();
  if (kindOfType(meant) < 0) return "";
  const reasons: string[] = [];
  if (bare !== meant) reasons.push("in lower case");
  if (trimmed !== type) reasons.push(`without leading or trailing white space${outerSpace(type)}`);
  if (invisible !== undefined)
    reasons.push(`without the invisible character ${codePointText(invisible)}`);
  const listed =
    reasons.length === 1
      ? reasons[0]
      : `${reasons.slice(0, -1).join(", ")} and ${reasons[reasons.length - 1]}`;
  return `, ${listed} (did you mean '${meant}'?)`;
}

/** A character that is invisible inside text: a format character (U+200B, U+FEFF) or a control. */
const INVISIBLE = /[\p{Cf}\p{Cc}]/u;
const INVISIBLE_ALL = /[\p{Cf}\p{Cc}]/gu;

/**
 * ` (U+00A0)`: the first character of the white space around `text` that is not a plain space or
 * tab (a no-break space, U+FEFF), which a terminal would not show; `''` when there is none.
 */
function outerSpace(text: string): string {
  const inner = text.trim();
  const start = text.indexOf(inner);
  const outer = text.slice(0, start) + text.slice(start + inner.length);
  const unusual = /[^ \t]/u.exec(outer)?.[0];
  return unusual === undefined ? "" : ` (${codePointText(unusual)})`;
}
