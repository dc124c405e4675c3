import { requireFinite, requireNonNegative } from "../model/assert.js";

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

/**
 * The inventory position: the stock a reorder decision must look at, not just what is on the shelf
 * (trap 9: comparing on hand alone with the reorder point orders again while a delivery is on its
 * way).
 *
 * Formula: position = on hand + on order − backordered − reserved.
 *
 * @param input - onHand, and optionally onOrder, backordered and reserved (each default 0), in units.
 * @returns the inventory position, in units (negative when commitments exceed the stock).
 * @throws InvKpiError `invalid_argument` when an argument is not a finite number; `out_of_range`
 *   when onOrder, backordered or reserved is negative.
 * @example
 * ```ts
 * import { inventoryPosition } from "invkpi";
 * inventoryPosition({ onHand: 120, onOrder: 200, backordered: 15, reserved: 5 }); // 300
 * ```
 */
export function inventoryPosition(input: InventoryPositionInput): number {
  const fn = "inventoryPosition";
  const onHand = requireFinite(input.onHand, fn, "onHand");
  const onOrder = requireNonNegative(input.onOrder ?? 0, fn, "onOrder");
  const backordered = requireNonNegative(input.backordered ?? 0, fn, "backordered");
  const reserved = requireNonNegative(input.reserved ?? 0, fn, "reserved");
  return onHand + onOrder - backordered - reserved;
}
