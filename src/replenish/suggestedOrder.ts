import { requireFinite, requireNonNegative, requirePositive } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { argumentNames, requireArgumentNames } from "../model/requireKnownOptions.js";

/** Arguments of {@link suggestedOrder}, all in units. */
export interface SuggestedOrderInput {
  /** On hand + on order − backordered − reserved (see `inventoryPosition`). */
  readonly inventoryPosition: number;
  /** The trigger level (see `reorderPoint`). */
  readonly reorderPoint: number;
  /** Order up to this level when triggered; must be ≥ reorderPoint. Takes precedence over orderQuantity. */
  readonly orderUpTo?: number;
  /** The fixed quantity to order when triggered and no orderUpTo is given (e.g. the EOQ), > 0. */
  readonly orderQuantity?: number;
  /** The supplier's minimum order quantity, ≥ 0; default 0. */
  readonly minOrderQuantity?: number;
  /** Orders are whole multiples of this, > 0; default: no rounding. */
  readonly packSize?: number;
}

const FN = "suggestedOrder";
/** The argument names of {@link suggestedOrder}. */
const NAMES = argumentNames<SuggestedOrderInput>()([
  "inventoryPosition",
  "reorderPoint",
  "orderUpTo",
  "orderQuantity",
  "minOrderQuantity",
  "packSize",
]);

/**
 * How much to order now: nothing while the inventory position is above the reorder point; once it is
 * at or below it (`≤`, trap 9), the quantity that brings the position up to `orderUpTo` (an (s, S)
 * policy) or, when no order-up-to level is given, the fixed `orderQuantity` (an (s, Q) policy),
 * raised to `minOrderQuantity` and then rounded up to whole packs.
 *
 * Formula: position > ROP → 0; else q = max(S − position or Q, MOQ), order = ⌈q / pack⌉ · pack.
 * The pack rounding is done in exact decimals on the numbers' shortest decimal forms, so 0.3 in
 * packs of 0.1 is 3 packs (0.3), not the 4 packs that 0.30000000000000004 / 0.1 would give. A
 * minimum that is not a multiple of the pack size is rounded up with the rest.
 *
 * @param input - inventoryPosition, reorderPoint, and orderUpTo or orderQuantity; optionally
 *   minOrderQuantity (default 0) and packSize (default none), all in units.
 * @returns the quantity to order, in units, ≥ 0; a whole number of packs when packSize is given.
 * @throws InvKpiError `invalid_argument` when an argument is not a finite number, or when neither
 *   orderUpTo nor orderQuantity is given; `out_of_range` when orderUpTo < reorderPoint,
 *   orderQuantity or packSize is not > 0, or minOrderQuantity is negative; `invalid_option` for a
 *   name it does not read (path `[name]`: "unknown argument 'packsize' (did you mean 'packSize'?)").
 * @example
 * ```ts
 * import { suggestedOrder } from "invkpi";
 * suggestedOrder({ inventoryPosition: 80, reorderPoint: 100, orderUpTo: 300, packSize: 24 }); // 240 (220 rounded up to 10 packs)
 * suggestedOrder({ inventoryPosition: 101, reorderPoint: 100, orderQuantity: 500 }); // 0
 * ```
 */
export function suggestedOrder(input: SuggestedOrderInput): number {
  requireArgumentNames(input, NAMES, FN);
  return suggestedOrderWithoutNameCheck(input);
}

/**
 * {@link suggestedOrder} without the check of its argument names: for `replenishmentFigures`, which
 * calls it once per SKU with arguments of its own making.
 * @internal
 */
export function suggestedOrderWithoutNameCheck(input: SuggestedOrderInput): number {
  const position = requireFinite(input.inventoryPosition, FN, "inventoryPosition");
  const reorderPoint = requireFinite(input.reorderPoint, FN, "reorderPoint");
  const replenishment = replenishmentRule(input, reorderPoint);
  const minimum = requireNonNegative(input.minOrderQuantity ?? 0, FN, "minOrderQuantity");
  const packSize =
    input.packSize === undefined ? null : requirePositive(input.packSize, FN, "packSize");
  if (position > reorderPoint) return 0;

  const needed =
    replenishment.kind === "upTo"
      ? new Decimal(replenishment.level).minus(position)
      : new Decimal(replenishment.quantity);
  const quantity = Decimal.max(needed, minimum);
  return roundUpToPacks(quantity, packSize).toNumber();
}

type ReplenishmentRule =
  | { readonly kind: "upTo"; readonly level: number }
  | { readonly kind: "fixed"; readonly quantity: number };

/** orderUpTo when given (validated against the reorder point), else orderQuantity; one is required. */
function replenishmentRule(input: SuggestedOrderInput, reorderPoint: number): ReplenishmentRule {
  if (input.orderQuantity !== undefined) requirePositive(input.orderQuantity, FN, "orderQuantity");
  if (input.orderUpTo !== undefined) {
    const level = requireFinite(input.orderUpTo, FN, "orderUpTo");
    if (level < reorderPoint) {
      throw new InvKpiError(
        "out_of_range",
        `${FN}: orderUpTo (${level}) must be ≥ reorderPoint (${reorderPoint})`,
        { path: ["orderUpTo"], details: { orderUpTo: level, reorderPoint } },
      );
    }
    return { kind: "upTo", level };
  }
  if (input.orderQuantity !== undefined) return { kind: "fixed", quantity: input.orderQuantity };
  throw new InvKpiError("invalid_argument", `${FN}: give orderUpTo or orderQuantity`, {
    path: ["orderUpTo"],
  });
}

/** ⌈q / pack⌉ · pack in exact decimals; q unchanged without a pack size. */
function roundUpToPacks(quantity: Decimal, packSize: number | null): Decimal {
  if (packSize === null) return quantity;
  const pack = new Decimal(packSize);
  return quantity.dividedBy(pack).ceil().times(pack);
}
