import type { Decimal } from "../model/Decimal.js";
import type { Outcome } from "./Outcome.js";
import {
  daysOfInventoryOfTurnover,
  daysOfSupplyOutcome,
  perAverageInventory,
  turnoverOutcome,
  undefinedBecause,
} from "./Outcome.js";
import type { SellThroughVariant } from "./sellThrough.js";
import { sellThroughOf } from "./sellThrough.js";
import type { NullableTurnoverField, TurnoverReasons } from "./TurnoverNullReason.js";

/** The bases a turnover can be measured on; the first is the default. */
export const TURNOVER_BASES = ["cost", "units", "retail"] as const;

/**
 * The basis of a turnover (three different figures, always named):
 * - `cost`: COGS / average inventory at cost (default);
 * - `units`: units issued net of returns / average units on hand;
 * - `retail`: revenue / average inventory valued at selling price.
 */
export type TurnoverBasis = (typeof TURNOVER_BASES)[number];

/**
 * The additive parts of the turnover figures of one SKU, group or period, as exact decimals
 * (quantities too, so that sums are exact and independent of the order of addition).
 */
export interface ExactTurnoverParts {
  readonly openingQuantity: Decimal;
  readonly closingQuantity: Decimal;
  readonly averageQuantity: Decimal;
  readonly receivedQuantity: Decimal;
  /**
   * Units moved in by transfers net of those moved out (a location's; 0 for a SKU whose transfers
   * all match), available to sell like the units received. Absent: 0.
   */
  readonly netTransferredQuantity?: Decimal;
  readonly issuedQuantity: Decimal;
  readonly returnedQuantity: Decimal;
  /** Average inventory at cost. */
  readonly averageValue: Decimal;
  /** Average inventory at selling price, `null` when no price is known. */
  readonly averageRetailValue: Decimal | null;
  readonly cogs: Decimal;
  readonly revenue: Decimal;
  /** Issue lines without a selling price: revenue is incomplete when > 0. */
  readonly issuesWithoutPrice: number;
}

/** How to compute the ratios of {@link turnoverRatios}. */
export interface TurnoverRatioSettings {
  readonly periodDays: number;
  readonly basis: TurnoverBasis;
  readonly sellThroughVariant: SellThroughVariant;
  /** Net demand of the period in units (issues − returns), for the days of supply at the end. */
  readonly netDemand: Decimal;
}

/** The ratios that per-SKU figures, rollups and series share. */
export interface TurnoverRatios {
  /** Turnover on the chosen basis over the period (not annualized). */
  readonly turnover: number | null;
  /** periodDays / turnover, in days. */
  readonly daysOfInventory: number | null;
  /**
   * Closing units / mean daily net demand of the whole period (its net demand / its days), in days:
   * the period's pace. `replenishmentFigures`' `daysOfSupply` (the report row's) uses the demand
   * window's mean instead (from the first receipt, by default), the pace since the SKU was stocked.
   */
  readonly daysOfSupplyAtEnd: number | null;
  /** Revenue − COGS; `null` when some issue had no price. */
  readonly grossMargin: Decimal | null;
  /** Gross margin / average inventory at cost. */
  readonly gmroi: number | null;
  /** Sell-through of the chosen variant, in units. */
  readonly sellThrough: number | null;
}

/**
 * Computes the shared ratios from exact parts, and the reason for each one that is `null`. The one
 * place where the basis is applied, so per-SKU figures and rollups agree by construction.
 */
export function turnoverRatios(
  parts: ExactTurnoverParts,
  settings: TurnoverRatioSettings,
): { readonly ratios: TurnoverRatios; readonly reasons: TurnoverReasons } {
  const reasons: TurnoverReasons = {};
  const measures = salesAndStock(parts, settings.basis);
  const turnoverResult =
    measures === null
      ? undefinedBecause("no_price")
      : turnoverOutcome(measures.sales, measures.stock);
  const turnover = note(reasons, "turnover", turnoverResult);
  const daysOfInventory = note(
    reasons,
    "daysOfInventory",
    measures === null
      ? turnoverResult
      : daysOfInventoryOfTurnover(
          turnoverResult,
          measures.sales,
          measures.stock,
          settings.periodDays,
        ),
  );
  const daysOfSupplyAtEnd = note(
    reasons,
    "daysOfSupplyAtEnd",
    daysOfSupplyOutcome(parts.closingQuantity, settings.netDemand, settings.periodDays),
  );

  const grossMargin = parts.issuesWithoutPrice > 0 ? null : parts.revenue.minus(parts.cogs);
  if (grossMargin === null) reasons.grossMargin = "no_price";
  const gmroi = note(
    reasons,
    "gmroi",
    grossMargin === null
      ? undefinedBecause("no_price")
      : perAverageInventory(grossMargin, parts.averageValue),
  );

  const sellThrough = note(
    reasons,
    "sellThrough",
    sellThroughOf(settings.sellThroughVariant, {
      sold: parts.issuedQuantity.minus(parts.returnedQuantity),
      opening: parts.openingQuantity,
      // What arrived: receipts, and at a location the stock transferred in net of that sent on.
      received:
        parts.netTransferredQuantity === undefined
          ? parts.receivedQuantity
          : parts.receivedQuantity.plus(parts.netTransferredQuantity),
      closing: parts.closingQuantity,
    }),
  );

  return {
    ratios: { turnover, daysOfInventory, daysOfSupplyAtEnd, grossMargin, gmroi, sellThrough },
    reasons,
  };
}

/** The outcome's value, noting its reason (a function, not a closure per call: this runs per SKU). */
function note(
  reasons: TurnoverReasons,
  field: NullableTurnoverField,
  outcome: Outcome,
): number | null {
  if (outcome.reason !== null) reasons[field] = outcome.reason;
  return outcome.value;
}

/**
 * The numerator and denominator of turnover on a basis, or `null` when a price is missing: retail
 * needs every issue priced (revenue) and the stock valued at selling price.
 */
export function salesAndStock(
  parts: ExactTurnoverParts,
  basis: TurnoverBasis,
): { readonly sales: Decimal; readonly stock: Decimal } | null {
  switch (basis) {
    case "cost":
      return { sales: parts.cogs, stock: parts.averageValue };
    case "units":
      return {
        sales: parts.issuedQuantity.minus(parts.returnedQuantity),
        stock: parts.averageQuantity,
      };
    case "retail":
      if (parts.issuesWithoutPrice > 0 || parts.averageRetailValue === null) return null;
      return { sales: parts.revenue, stock: parts.averageRetailValue };
  }
}
