import type { Movement } from "../../src/model/Movement.js";

/**
 * Two lots of SKU M on hand at the end of January 2025: L1 (10 × 2.00) expired on 2025-01-20, L2
 * (5 × 2.00) expires on 2025-02-10, ten days after the month: 20.00 expired and 10.00 expiring
 * within 30 days, of 30.00 on hand.
 */
export const EXPIRY_LOTS: readonly Movement[] = [
  {
    sku: "M",
    date: "2025-01-02",
    type: "receipt",
    quantity: 10,
    unitCost: 2,
    lot: "L1",
    expiresOn: "2025-01-20",
  },
  {
    sku: "M",
    date: "2025-01-03",
    type: "receipt",
    quantity: 5,
    unitCost: 2,
    lot: "L2",
    expiresOn: "2025-02-10",
  },
];
