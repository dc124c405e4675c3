import { InvKpiError } from "../model/InvKpiError.js";

/**
 * The key of a SKU's state (and location, or −1): unique for up to {@link LOCATION_KEYS} − 1
 * locations (checked where locations are counted, see `requireLocationCount`).
 */
export function stateKey(sku: number, location: number): number {
  return sku * LOCATION_KEYS + location + 1;
}

/** Location slots per SKU in a {@link stateKey}: SKU index × 2^22 stays below 2^53. */
export const LOCATION_KEYS = 2 ** 22;

/** Throws when there are more locations than a {@link stateKey} tells apart. */
export function requireLocationCount(locations: number, fn: string): void {
  if (locations < LOCATION_KEYS - 1) return;
  throw new InvKpiError(
    "out_of_range",
    `${fn}: the ledger names ${locations} locations; at most ${LOCATION_KEYS - 2} are supported`,
    { path: ["location"], details: { locations } },
  );
}
