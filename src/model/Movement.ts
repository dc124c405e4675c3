import * as z from "zod";
import type { DayInput } from "./day.js";
import { DaySchema } from "./day.js";
import {
  decimalPlaces,
  MAX_MONEY_DECIMALS,
  MAX_QUANTITY,
  MAX_QUANTITY_DECIMALS,
  parseDecimalText,
  scaleNumber,
} from "./exactDecimal.js";
import type { MoneyInput } from "./money.js";
import { isNegativeAmount, MoneySchema, tryToDecimal } from "./money.js";
import { refuseMisspeltFields } from "./refuseMisspeltFields.js";
import { optionNames } from "./requireKnownOptions.js";

/** The five kinds of stock movement, in the order the engine applies them within one day. */
export const MOVEMENT_TYPES = ["receipt", "return", "transfer", "adjustment", "issue"] as const;

/**
 * The kind of a stock movement:
 * - `receipt`: stock in (purchase or production) at `unitCost`; `quantity` > 0.
 * - `issue`: stock out (sale or consumption); this is demand and COGS; `quantity` > 0.
 * - `return`: a customer return, stock back in; reduces net demand and COGS; `quantity` > 0.
 * - `adjustment`: a count correction, shrinkage or write-off; signed, non-zero; not demand.
 * - `transfer`: stock moved between locations; signed (− leaves `location`, + arrives); not demand,
 *   and the stock keeps its original receipt day for aging.
 */
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/**
 * One row of a stock-movement ledger, as users provide it.
 *
 * Which fields each valuation method reads: `unitCost` on receipts (all methods; under `standard`
 * valuation the SKU's `standardCost` wins), on returns (all but `standard`; optional) and on positive
 * adjustments and unmatched transfers in (optional); `unitPrice` on issues and returns (revenue).
 * A field a movement's type does not need (a `unitCost` on an issue, as many ERP exports carry) is
 * accepted and ignored. Optional fields may be absent, `undefined` or `null`: all three mean
 * "not given".
 */
export interface Movement {
  /** The SKU code, compared exactly (no trimming, no case folding); any Unicode text. */
  readonly sku: string;
  /** The business day, `'YYYY-MM-DD'` or a `Date` (its UTC calendar day). */
  readonly date: DayInput;
  readonly type: MovementType;
  /** Units moved: positive for receipt, issue and return; signed and non-zero for adjustment and transfer. */
  readonly quantity: number;
  /** Cost per unit, exact decimal. */
  readonly unitCost?: MoneyInput | null | undefined;
  /** Selling price per unit, exact decimal. */
  readonly unitPrice?: MoneyInput | null | undefined;
  readonly location?: string | null | undefined;
  /**
   * The lot: an inflow's units form layers of it; an outflow that names one takes that lot's
   * layers first (docs/formulas.md, "Lots").
   */
  readonly lot?: string | null | undefined;
  /** Expiry day of the lot. */
  readonly expiresOn?: DayInput | null | undefined;
  /** A unique movement id (document number); duplicates are reported. */
  readonly id?: string | number | null | undefined;
}

/**
 * The fields of a {@link Movement}, every one (the compiler checks the list against the type): a
 * row's field that is a near miss of one of them (`Location`, `expires_on`) is reported, any other
 * extra field is accepted.
 */
export const MOVEMENT_FIELDS = optionNames<Movement>()([
  "sku",
  "date",
  "type",
  "quantity",
  "unitCost",
  "unitPrice",
  "location",
  "lot",
  "expiresOn",
  "id",
]);

/** Quantity sign rule of each movement type. */
export const QUANTITY_SIGN: Readonly<Record<MovementType, "positive" | "non-zero">> = {
  receipt: "positive",
  issue: "positive",
  return: "positive",
  adjustment: "non-zero",
  transfer: "non-zero",
};

const money = MoneySchema;
// The same limits as validateLedger: exact in the engine's scaled integers, and never below zero.
const nonNegativeMoney = money
  .refine((v) => exactMoney(v) !== null, {
    message: `must have at most ${MAX_MONEY_DECIMALS} decimal places and 15 significant digits`,
  })
  .refine((v) => !isNegativeAmount(v), { message: "must not be negative" });

function exactMoney(v: MoneyInput): unknown {
  if (typeof v === "number") return scaleNumber(v, MAX_MONEY_DECIMALS);
  const decimal = tryToDecimal(v);
  return decimal === null ? null : parseDecimalText(decimal.toFixed());
}
const day = DaySchema;
const nonBlankText = z
  .string()
  .refine((t) => t.trim() !== "", { message: "must not be empty or only whitespace" });

/** The fields of a {@link Movement} and their values, each on its own. */
const movementFields = z.object({
  sku: z
    .string()
    .refine((s) => s.trim() !== "", { message: "must not be empty or only whitespace" }),
  date: day,
  type: z.enum(MOVEMENT_TYPES),
  quantity: z
    .number()
    .refine(Number.isFinite, { message: "must be a finite number" })
    .refine((q) => decimalPlaces(q, MAX_QUANTITY_DECIMALS) >= 0, {
      message: `must have at most ${MAX_QUANTITY_DECIMALS} decimal places`,
    })
    .refine((q) => Math.abs(q) < MAX_QUANTITY, {
      message: `must be below ${MAX_QUANTITY} in absolute value`,
    }),
  unitCost: nonNegativeMoney.nullish(),
  unitPrice: nonNegativeMoney.nullish(),
  location: nonBlankText.nullish(),
  lot: nonBlankText.nullish(),
  expiresOn: day.nullish(),
  id: z.union([z.string(), z.number()]).nullish(),
});

/**
 * The zod schema of a {@link Movement}, for validating one row at an API boundary. It checks each
 * row on its own; checks across rows (duplicate ids, a receipt without cost whose SKU has no standard
 * cost) need the whole ledger: use `validateLedger` for ledgers.
 */
export const Movement: z.ZodType<Movement> = z
  .unknown()
  .superRefine(refuseMisspeltFields(MOVEMENT_FIELDS, "movement"))
  .pipe(movementFields)
  .superRefine((m, ctx) => {
    if (m.type === "transfer" && (m.location === undefined || m.location === null)) {
      ctx.addIssue({
        code: "custom",
        path: ["location"],
        message: "a transfer needs the location it leaves or reaches",
      });
    }
    if (m.quantity === 0)
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "must not be zero" });
    else if (QUANTITY_SIGN[m.type] === "positive" && m.quantity < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["quantity"],
        message: `must be positive for ${m.type === "issue" ? "an" : "a"} ${m.type}`,
      });
    }
  }) as unknown as z.ZodType<Movement>;
