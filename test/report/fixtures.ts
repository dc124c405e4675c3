import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import type { SkuInfo } from "../../src/model/SkuInfo.js";
import type { InventoryReportRow } from "../../src/report/index.js";

export { errorOf } from "../support/errorOf.js";

/**
 * A small worked ledger over Q1 2024 (2024-01-01..2024-03-31, 91 days, a leap February), figures
 * worked by hand in the tests that use them:
 *
 * - BOLT (hardware, W1): receipt 100 @ 2.00 on Jan 1; issues 30 on Jan 11 and 20 on Feb 10 at a
 *   price of 3.00; receipt 50 @ 2.60 on Mar 1; 20 moved W1 → W2 on Mar 5 (a matched transfer).
 * - NUT (hardware, W1): receipt 200 @ 0.50 on Jan 5; issues of 50 on Jan 15, Feb 15, Mar 15 at 1.00.
 * - PAINT (paint, W2): 40 @ 10.00 received 2023-09-01, before the period; never issued.
 * - GLUE (paint, W2): 20 @ 5.00 received 2023-10-01; 5 issued 2023-11-15; nothing since.
 */
export const WORKED_LEDGER: readonly Movement[] = [
  {
    sku: "PAINT",
    date: "2023-09-01",
    type: "receipt",
    quantity: 40,
    unitCost: "10.00",
    location: "W2",
  },
  {
    sku: "GLUE",
    date: "2023-10-01",
    type: "receipt",
    quantity: 20,
    unitCost: "5.00",
    location: "W2",
  },
  {
    sku: "GLUE",
    date: "2023-11-15",
    type: "issue",
    quantity: 5,
    unitPrice: "8.00",
    location: "W2",
  },
  {
    sku: "BOLT",
    date: "2024-01-01",
    type: "receipt",
    quantity: 100,
    unitCost: "2.00",
    location: "W1",
  },
  {
    sku: "NUT",
    date: "2024-01-05",
    type: "receipt",
    quantity: 200,
    unitCost: "0.50",
    location: "W1",
  },
  {
    sku: "BOLT",
    date: "2024-01-11",
    type: "issue",
    quantity: 30,
    unitPrice: "3.00",
    location: "W1",
  },
  {
    sku: "NUT",
    date: "2024-01-15",
    type: "issue",
    quantity: 50,
    unitPrice: "1.00",
    location: "W1",
  },
  {
    sku: "BOLT",
    date: "2024-02-10",
    type: "issue",
    quantity: 20,
    unitPrice: "3.00",
    location: "W1",
  },
  {
    sku: "NUT",
    date: "2024-02-15",
    type: "issue",
    quantity: 50,
    unitPrice: "1.00",
    location: "W1",
  },
  {
    sku: "BOLT",
    date: "2024-03-01",
    type: "receipt",
    quantity: 50,
    unitCost: "2.60",
    location: "W1",
  },
  { sku: "BOLT", date: "2024-03-05", type: "transfer", quantity: -20, location: "W1" },
  { sku: "BOLT", date: "2024-03-05", type: "transfer", quantity: 20, location: "W2" },
  {
    sku: "NUT",
    date: "2024-03-15",
    type: "issue",
    quantity: 50,
    unitPrice: "1.00",
    location: "W1",
  },
];

export const Q1_2024 = { from: "2024-01-01", to: "2024-03-31" } as const;

export const WORKED_SKU_INFO: readonly SkuInfo[] = [
  { sku: "BOLT", category: "hardware", description: "Hex bolt M8", leadTimeDays: 7 },
  { sku: "NUT", category: "hardware", leadTimeDays: 14, reviewPeriodDays: 7, onOrder: 20 },
  { sku: "PAINT", category: "paint", description: "White paint 1 l" },
  { sku: "GLUE", category: "paint", description: "木工胶" },
];

/** The row of a SKU (and location) in a report. */
export function rowOf(
  rows: readonly InventoryReportRow[],
  sku: string,
  location: string | null = null,
): InventoryReportRow {
  const row = rows.find((r) => r.sku === sku && r.location === location);
  if (row === undefined) throw new Error(`no row for ${sku} @ ${location}`);
  return row;
}

/** The fields of a row whose value is null, and the fields that have a reason, in column order. */
export function nullFieldsAndReasons(row: InventoryReportRow): {
  readonly nullFields: string[];
  readonly reasonFields: string[];
} {
  const nullFields = Object.entries(row)
    .filter(([, value]) => value === null)
    .map(([field]) => field);
  return { nullFields, reasonFields: Object.keys(row.reasons) };
}

/** The InvKpiError code that `fn` throws, or `undefined` when it returns. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof InvKpiError ? e.code : `not an InvKpiError: ${String(e)}`;
  }
  return undefined;
}

/** The InvKpiError a promise rejects with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<InvKpiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof InvKpiError) return e;
    throw e;
  }
  throw new Error("the promise resolved");
}
