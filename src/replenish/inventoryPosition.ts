import { requireFinite, requireNonNegative } from "../model/assert.js";
import { ExactSum } from "../model/ExactSum.js";
import { argumentNames, requireArgumentNames } from "../model/requireKnownOptions.js";

/** Arguments of {@link inventoryPosition}, all in units. */
export interface InventoryPositionInput {
  /** Physically on hand; may be negative where the ledger allows negative stock. */
  readonly onHand: number;
  /** Ordered from suppliers, not yet received, ≥ 0; default 0. */
  readonly onOrder?: number;
  /** Customer demand accepted but not yet shipped, ≥ 0; default 0. */
  readonly backordered?: number;
  /** On hand but promised (allocated to orders), ≥ 0; default 0. */
  readonly reserved?: number;
}

const FN = "inventoryPosition";
/** The argument names of {@link inventoryPosition}. */
const NAMES = argumentNames<InventoryPositionInput>()([
  "onHand",
  "onOrder",
  "backordered",
  "reserved",
]);

/**
 * The inventory position: the stock a reorder decision must look at, not just what is on the shelf
 * (trap 9: comparing on hand alone with the reorder point orders again while a delivery is on its
 * way).
 *
 * Formula: position = on hand + on order − backordered − reserved, added exactly (each number its
 * shortest decimal form, as everywhere in invkpi) and rounded to a double once: 0.3 on hand with
 * 0.1 reserved is 0.2, not 0.19999999999999998, so that an order rounded up to packs of 0.1 does
 * not take one pack more.
 *
 * @param input - onHand, and optionally onOrder, backordered and reserved (each default 0), in units.
 * @returns the inventory position, in units (negative when commitments exceed the stock).
 * @throws InvKpiError `invalid_argument` when an argument is not a finite number; `out_of_range`
 *   when onOrder, backordered or reserved is negative; `invalid_option` for a name it does not read
 *   (path `[name]`: "unknown argument 'onorder' (did you mean 'onOrder'?)").
 * @example
 * ```ts
 * import { inventoryPosition } from "invkpi";
 * inventoryPosition({ onHand: 120, onOrder: 200, backordered: 15, reserved: 5 }); // 300
 * inventoryPosition({ onHand: 0.3, reserved: 0.1 }); // 0.2
 * ```
 */
export function inventoryPosition(input: InventoryPositionInput): number {
  requireArgumentNames(input, NAMES, FN);
  return inventoryPositionWithoutNameCheck(input);
}

/**
 * {@link inventoryPosition} without the check of its argument names: for `replenishmentFigures`,
 * which calls it once per SKU with arguments of its own making.
 * @internal
 */
export function inventoryPositionWithoutNameCheck(input: InventoryPositionInput): number {
  const fn = FN;
  const onHand = requireFinite(input.onHand, fn, "onHand");
  const onOrder = requireNonNegative(input.onOrder ?? 0, fn, "onOrder");
  const backordered = requireNonNegative(input.backordered ?? 0, fn, "backordered");
  const reserved = requireNonNegative(input.reserved ?? 0, fn, "reserved");
  if (onOrder === 0 && backordered === 0 && reserved === 0) return onHand;
  const position = new ExactSum();
  position.addNumber(onHand);
  position.addNumber(onOrder);
  position.addNumber(-backordered);
  position.addNumber(-reserved);
  return position.toNumber();
}
