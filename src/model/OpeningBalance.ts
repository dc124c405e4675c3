import * as z from "zod";
import type { DayInput } from "./day.js";
import { DaySchema } from "./day.js";
import type { MoneyInput } from "./money.js";
import { MoneySchema } from "./money.js";
import { refuseMisspeltFields } from "./refuseMisspeltFields.js";
import { optionNames } from "./requireKnownOptions.js";

/**
 * Stock on hand before the first movement, per SKU (and location), with its cost. Give `unitCost`
 * (value = quantity × unitCost) or `value`; both when they agree: value = quantity × unitCost, or
 * unitCost, written with at least 4 decimals, is value / quantity rounded to them (then the exact
 * `value` is used); otherwise the replay reports `inconsistent_value`. `receivedOn` dates the stock for aging and FIFO.
 * Optional fields may be absent, `undefined` or `null`: all three mean "not given".
 */
export interface OpeningBalance {
  readonly sku: string;
  readonly location?: string | null | undefined;
  /** Units on hand; may be negative (a ledger that starts in deficit). */
  readonly quantity: number;
  readonly unitCost?: MoneyInput | null | undefined;
  readonly value?: MoneyInput | null | undefined;
  /**
   * The day the stock was received. Default: the day before the SKU's first movement or the period
   * start, whichever is earlier. A given day must be no later than that day (the stock was on hand
   * before both): a later one is an `invalid_argument` error of the replay (issue `invalid_date`,
   * path `['openingBalances', i, 'receivedOn']`).
   */
  readonly receivedOn?: DayInput | null | undefined;
  readonly lot?: string | null | undefined;
  readonly expiresOn?: DayInput | null | undefined;
}

/**
 * The fields of an {@link OpeningBalance}, every one (checked by the compiler against the type): a
 * near miss of one of them (`received_on`, `Location`) is reported.
 */
export const OPENING_BALANCE_FIELDS = optionNames<OpeningBalance>()([
  "sku",
  "location",
  "quantity",
  "unitCost",
  "value",
  "receivedOn",
  "lot",
  "expiresOn",
]);

const money = MoneySchema;
const day = DaySchema;

/** The zod schema of an {@link OpeningBalance}; a near miss of a field name is refused. */
export const OpeningBalance: z.ZodType<OpeningBalance> = z
  .unknown()
  .superRefine(refuseMisspeltFields(OPENING_BALANCE_FIELDS, "opening balance"))
  .pipe(openingBalanceFields()) as unknown as z.ZodType<OpeningBalance>;

/** The fields of an {@link OpeningBalance} and their values. */
function openingBalanceFields() {
  return z.object({
    sku: z
      .string()
      .refine((s) => s.trim() !== "", { message: "must not be empty or only whitespace" }),
    location: z.string().nullish(),
    quantity: z.number().refine(Number.isFinite, { message: "must be a finite number" }),
    unitCost: money.nullish(),
    value: money.nullish(),
    receivedOn: day.nullish(),
    lot: z.string().nullish(),
    expiresOn: day.nullish(),
  });
}
