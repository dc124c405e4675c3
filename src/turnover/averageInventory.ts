import { requireVariant } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import { InvKpiError } from "../model/InvKpiError.js";
import type { MoneyInput } from "../model/money.js";
import { toDecimal } from "../model/money.js";
import {
  argumentNames,
  type FormInForce,
  formsInForce,
  requireFormNames,
} from "../model/requireKnownOptions.js";
import { requireArgs, requireArray } from "./guards.js";

/** The ways to average inventory from given balances (the `daily` method needs a ledger). */
export const AVERAGE_INVENTORY_METHODS = ["endpoints", "snapshots", "monthly"] as const;

/** A method of {@link averageInventory}. */
export type AverageInventoryMethod = (typeof AVERAGE_INVENTORY_METHODS)[number];

/** Arguments of {@link averageInventory}: the method and the balances it averages. */
export type AverageInventoryArgs =
  | {
      readonly method: "endpoints";
      /** Balance at the start of the period. */
      readonly opening: MoneyInput;
      /** Balance at the end of the period. */
      readonly closing: MoneyInput;
    }
  | {
      readonly method: "snapshots";
      /** The balances to average, at least one (e.g. weekly counts). */
      readonly values: readonly MoneyInput[];
    }
  | {
      readonly method: "monthly";
      /** Balance at the start of the period. */
      readonly opening: MoneyInput;
      /** Balance at each month end of the period, in order (may be empty). */
      readonly monthEnds: readonly MoneyInput[];
    };

const FN = "averageInventory";

/** The balances each method reads (a method's name with another method is refused). */
const FORMS: Readonly<Record<AverageInventoryMethod, FormInForce>> = formsInForce({
  endpoints: {
    label: "method 'endpoints'",
    names: argumentNames<Extract<AverageInventoryArgs, { method: "endpoints" }>>()([
      "method",
      "opening",
      "closing",
    ]),
  },
  snapshots: {
    label: "method 'snapshots'",
    names: argumentNames<Extract<AverageInventoryArgs, { method: "snapshots" }>>()([
      "method",
      "values",
    ]),
  },
  monthly: {
    label: "method 'monthly'",
    names: argumentNames<Extract<AverageInventoryArgs, { method: "monthly" }>>()([
      "method",
      "opening",
      "monthEnds",
    ]),
  },
});

/**
 * Average inventory from given balances: the denominator of turnover.
 *
 * - `endpoints`: (opening + closing) / 2.
 * - `snapshots`: (v₁ + … + vₙ) / n, the mean of the given balances.
 * - `monthly`: (opening + m₁ + … + mₙ) / (n + 1), the opening and each month-end balance.
 *
 * There is no default: the method is required. (From a ledger, `turnoverFigures` uses the `daily`
 * time-weighted average by default.) Balances are money (or units: a number is accepted as is); the
 * result is in the same unit. The arithmetic is decimal: exact whenever the mean is a decimal of at
 * most 40 significant digits, otherwise rounded half-even to 40 digits (a mean of thirds). Negative
 * balances (stock in deficit) are averaged as given.
 *
 * @param args - the method and its balances.
 * @returns the average, a `Decimal`.
 * @throws InvKpiError `invalid_option` (unknown method; a name the method does not read, path
 *   `[name]`: another method's, "method 'endpoints' does not read 'monthEnds' (method 'monthly'
 *   does)", or a typo, "unknown argument 'closin' (did you mean 'closing'?)"), `invalid_argument` (not
 *   an object, a list that is not an array, no snapshots), `invalid_money` (a balance that is not a
 *   finite decimal).
 * @example
 * ```ts
 * import { averageInventory } from "invkpi";
 * averageInventory({ method: "endpoints", opening: 180_000, closing: 220_000 }).toFixed(); // "200000"
 * averageInventory({ method: "snapshots", values: [10, 20, 60] }).toFixed(); // "30"
 * averageInventory({ method: "monthly", opening: 100, monthEnds: [200, 300] }).toFixed(); // "200"
 * averageInventory({ method: "endpoints", opening: 0.1, closing: 0.2 }).toFixed(); // "0.15"
 * ```
 */
export function averageInventory(args: AverageInventoryArgs): Decimal {
  const method = args !== null && typeof args === "object" ? (args.method as unknown) : undefined;
  if (typeof method === "string" && Object.hasOwn(FORMS, method)) {
    requireFormNames(args, [FORMS[method as AverageInventoryMethod]], FN);
  }
  return averageInventoryWithoutNameCheck(args);
}

/**
 * {@link averageInventory} without the check of its argument names: for `turnoverFigures`, which
 * calls it once per SKU with arguments of its own making.
 * @internal
 */
export function averageInventoryWithoutNameCheck(args: AverageInventoryArgs): Decimal {
  requireArgs(args, FN);
  requireVariant(args.method, AVERAGE_INVENTORY_METHODS, FN, "method");
  switch (args.method) {
    case "endpoints":
      return mean([
        toDecimal(args.opening, `${FN}: opening`),
        toDecimal(args.closing, `${FN}: closing`),
      ]);
    case "snapshots": {
      const values = requireArray(args.values, FN, "values");
      if (values.length === 0) {
        throw new InvKpiError("invalid_argument", `${FN}: values must hold at least one balance`, {
          path: ["values"],
        });
      }
      return mean(values.map((value, i) => toDecimal(value, `${FN}: values[${i}]`)));
    }
    case "monthly": {
      const monthEnds = requireArray(args.monthEnds, FN, "monthEnds");
      const opening = toDecimal(args.opening, `${FN}: opening`);
      return mean([opening, ...monthEnds.map((v, i) => toDecimal(v, `${FN}: monthEnds[${i}]`))]);
    }
  }
}

function mean(values: readonly Decimal[]): Decimal {
  const total = values.reduce((sum, value) => sum.plus(value), new Decimal(0));
  return total.dividedBy(values.length);
}
