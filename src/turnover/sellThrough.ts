import { requireNonNegative, requireVariant } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import {
  argumentNames,
  type FormInForce,
  formsInForce,
  requireFormNames,
} from "../model/requireKnownOptions.js";
import { exactQuantity, requireArgs } from "./guards.js";
import type { Outcome } from "./Outcome.js";
import { sellThroughOutcome } from "./Outcome.js";

/** The denominators of sell-through found in practice; the first is the default. */
export const SELL_THROUGH_VARIANTS = [
  "opening-plus-received",
  "received",
  "sold-plus-closing",
] as const;

/** A variant of {@link sellThrough}. */
export type SellThroughVariant = (typeof SELL_THROUGH_VARIANTS)[number];

/** Arguments of {@link sellThrough}: units sold and the stock they are compared with. */
export type SellThroughArgs =
  | {
      /** Units sold in the period, net of customer returns. */
      readonly sold: number;
      /** Units on hand at the start of the period. */
      readonly opening: number;
      /** Units received in the period (≥ 0). */
      readonly received: number;
      readonly variant?: "opening-plus-received";
    }
  | {
      readonly sold: number;
      readonly received: number;
      readonly opening?: number;
      readonly variant: "received";
    }
  | {
      readonly sold: number;
      /** Units on hand at the end of the period. */
      readonly closing: number;
      readonly variant: "sold-plus-closing";
    };

/**
 * The units each variant reads (a name only another variant reads is refused). The `'received'`
 * variant takes an `opening` it does not need, as its type does.
 */
const FORMS: Readonly<Record<SellThroughVariant, FormInForce>> = formsInForce({
  "opening-plus-received": {
    label: "variant 'opening-plus-received'",
    names: argumentNames<Extract<SellThroughArgs, { variant?: "opening-plus-received" }>>()([
      "sold",
      "opening",
      "received",
      "variant",
    ]),
  },
  received: {
    label: "variant 'received'",
    names: argumentNames<Extract<SellThroughArgs, { variant: "received" }>>()([
      "sold",
      "received",
      "opening",
      "variant",
    ]),
  },
  "sold-plus-closing": {
    label: "variant 'sold-plus-closing'",
    names: argumentNames<Extract<SellThroughArgs, { variant: "sold-plus-closing" }>>()([
      "sold",
      "closing",
      "variant",
    ]),
  },
});

/** The units sell-through compares, as exact decimals. */
export interface SellThroughQuantities {
  readonly sold: Decimal;
  readonly opening: Decimal;
  readonly received: Decimal;
  readonly closing: Decimal;
}

/**
 * Sell-through rate: the share of the stock available in the period that was sold.
 *
 * - `opening-plus-received` (default): sold / (opening + received). At a location, count the units
 *   transferred in, net of those transferred out, as received (the report does).
 * - `received`: sold / received (common in retail buying: how much of what came in went out).
 * - `sold-plus-closing`: sold / (sold + closing) (needs `closing` instead of opening and received;
 *   equal to the default when nothing was adjusted or written off).
 *
 * A fraction of the period, in units (0.8 = 80 %); it can exceed 1 when the opening stock was
 * negative. `null` when the denominator is zero or negative (nothing was available) or when net
 * sales are negative (returns exceeded issues).
 *
 * @param args - the units and the optional `variant`.
 * @returns the rate, or `null`.
 * @throws InvKpiError `invalid_argument` (not an object, not a finite number), `out_of_range`
 *   (negative `received`), `invalid_option` (unknown variant; a name the variant does not read,
 *   path `[name]`: another variant's, "variant 'opening-plus-received' does not read 'closing'
 *   (variant 'sold-plus-closing' does)", or a typo, "unknown argument 'varient' (did you mean
 *   'variant'?)").
 * @example
 * ```ts
 * import { sellThrough } from "invkpi";
 * sellThrough({ sold: 80, opening: 20, received: 80 }); // 0.8
 * sellThrough({ sold: 80, opening: 20, received: 80, variant: "received" }); // 1
 * sellThrough({ sold: 80, closing: 20, variant: "sold-plus-closing" }); // 0.8
 * ```
 */
export function sellThrough(args: SellThroughArgs): number | null {
  const fn = "sellThrough";
  requireArgs(args, fn);
  const variant = requireVariant(
    args.variant ?? "opening-plus-received",
    SELL_THROUGH_VARIANTS,
    fn,
    "variant",
  );
  requireFormNames(args, [FORMS[variant]], fn);
  const sold = exactQuantity(args.sold, fn, "sold");
  const zero = new Decimal(0);
  if (args.variant === "sold-plus-closing") {
    const closing = exactQuantity(args.closing, fn, "closing");
    return sellThroughOf(variant, { sold, opening: zero, received: zero, closing }).value;
  }
  const received = exactQuantity(requireNonNegative(args.received, fn, "received"), fn, "received");
  const opening = args.variant === "received" ? zero : exactQuantity(args.opening, fn, "opening");
  return sellThroughOf(variant, { sold, opening, received, closing: zero }).value;
}

/**
 * Sell-through of the given variant over exact quantities, with the reason when it is `null`: the
 * rule shared by the calculator, the per-SKU figures, rollups and series.
 */
export function sellThroughOf(variant: SellThroughVariant, units: SellThroughQuantities): Outcome {
  switch (variant) {
    case "opening-plus-received":
      return sellThroughOutcome(units.sold, units.opening.plus(units.received));
    case "received":
      return sellThroughOutcome(units.sold, units.received);
    case "sold-plus-closing":
      return sellThroughOutcome(units.sold, units.sold.plus(units.closing));
  }
}
