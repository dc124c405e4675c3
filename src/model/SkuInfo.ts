import * as z from "zod";
import type { MoneyInput } from "./money.js";
import { invalidMoneyReason, isNegativeAmount, tryToDecimal } from "./money.js";
import { scaledMoney } from "./scaledMoney.js";

/**
 * Per-SKU master data. Every field but `sku` is optional (absent, `undefined` or `null`: all mean
 * "not given"); report options supply defaults.
 * Times are in days; quantities in the SKU's unit of measure.
 */
export interface SkuInfo {
  readonly sku: string;
  readonly description?: string | null | undefined;
  readonly category?: string | null | undefined;
  /**
   * Standard cost per unit: used by `standard` valuation, for receipts without a cost, and as the
   * EOQ's unit cost. The one unit cost of master data: an entry that gives a `unitCost` (no
   * `SkuInfo` field, which `replenishmentFigures` alone reads) is refused by `analyzeLedger`.
   */
  readonly standardCost?: MoneyInput | null | undefined;
  /** List price per unit (retail-basis turnover when issues carry no price). */
  readonly unitPrice?: MoneyInput | null | undefined;
  readonly leadTimeDays?: number | null | undefined;
  readonly leadTimeStdDevDays?: number | null | undefined;
  readonly reviewPeriodDays?: number | null | undefined;
  /** Cycle service level in (0, 1): probability of no stock-out in a replenishment cycle. */
  readonly serviceLevel?: number | null | undefined;
  readonly minOrderQuantity?: number | null | undefined;
  readonly packSize?: number | null | undefined;
  readonly onOrder?: number | null | undefined;
  readonly backordered?: number | null | undefined;
  readonly reserved?: number | null | undefined;
  /** Cost of placing one order (EOQ). */
  readonly orderCost?: MoneyInput | null | undefined;
  /** Annual holding cost as a fraction of unit cost (EOQ), e.g. 0.25. */
  readonly holdingRate?: number | null | undefined;
}

/**
 * Prices and costs of master data: exact decimal amounts (`MoneySchema`'s rule), never negative.
 * One check that makes no Decimal for the amounts nearly every master has (`scaledMoney` reads
 * them exactly), not `MoneySchema.refine(...)`, which made two per amount: every entry of a
 * report's `skuInfo` is checked, 100 k of them in a large master.
 */
const money = z.custom<MoneyInput>(isAmountAtLeastZero, {
  error: (issue) =>
    isNegativeAmount(issue.input)
      ? "must be a decimal amount ≥ 0"
      : invalidMoneyReason(issue.input),
});

/** Whether `value` is a finite decimal amount ≥ 0 (-0 included), as `tryToDecimal` reads it. */
function isAmountAtLeastZero(value: unknown): boolean {
  const scaled = scaledMoney(value);
  if (scaled) return !(scaled.units < 0);
  const amount = tryToDecimal(value);
  return amount !== null && !amount.lt(0);
}
const nonNegative = z
  .number()
  .refine((n) => Number.isFinite(n) && n >= 0, { message: "must be a finite number ≥ 0" });

/** The zod schema of a {@link SkuInfo} row. */
export const SkuInfo: z.ZodType<SkuInfo> = z.object({
  sku: z
    .string()
    .refine((s) => s.trim() !== "", { message: "must not be empty or only whitespace" }),
  description: z.string().nullish(),
  category: z.string().nullish(),
  standardCost: money.nullish(),
  unitPrice: money.nullish(),
  leadTimeDays: nonNegative.nullish(),
  leadTimeStdDevDays: nonNegative.nullish(),
  reviewPeriodDays: nonNegative.nullish(),
  serviceLevel: z
    .number()
    .refine((n) => n > 0 && n < 1, { message: "must be in (0, 1)" })
    .nullish(),
  minOrderQuantity: nonNegative.nullish(),
  packSize: z
    .number()
    .refine((n) => Number.isFinite(n) && n > 0, { message: "must be > 0" })
    .nullish(),
  onOrder: nonNegative.nullish(),
  backordered: nonNegative.nullish(),
  reserved: nonNegative.nullish(),
  orderCost: money.nullish(),
  holdingRate: nonNegative.nullish(),
}) as unknown as z.ZodType<SkuInfo>;
