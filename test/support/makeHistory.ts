import { Decimal } from "../../src/model/Decimal.js";
import type { DemandSums, SkuHistory } from "../../src/model/SkuHistory.js";

/** Demand sums of a bucket size without any demand. */
export const noDemand: DemandSums = {
  sum: 0,
  sumOfSquares: 0,
  max: 0,
  nonZeroBuckets: 0,
  firstBucketDemand: 0,
  lastBucketDemand: 0,
  middleSum: 0,
  middleSumOfSquares: 0,
};

/**
 * A hand-built `SkuHistory` for formula tests that do not need a replay: every figure zero or empty,
 * over 2024-01-01..2024-12-31 (366 days), moving-average valuation; override what the test needs.
 * Money fields accept numbers or strings for brevity.
 */
export function makeHistory(
  overrides: Partial<Record<keyof SkuHistory, unknown>> = {},
): SkuHistory {
  const zero = new Decimal(0);
  const base: SkuHistory = {
    sku: "SKU-1",
    period: { from: "2024-01-01", to: "2024-12-31", days: 366 },
    valuation: "moving-average",
    openingQuantity: 0,
    openingValue: zero,
    closingQuantity: 0,
    closingValue: zero,
    averageQuantity: 0,
    averageValue: zero,
    minQuantity: 0,
    maxQuantity: 0,
    receivedQuantity: 0,
    receivedValue: zero,
    issuedQuantity: 0,
    issuedValue: zero,
    issueCount: 0,
    returnedQuantity: 0,
    returnedValue: zero,
    cogs: zero,
    adjustedQuantity: 0,
    adjustedValue: zero,
    shrinkageQuantity: 0,
    shrinkageValue: zero,
    transferredInQuantity: 0,
    transferredOutQuantity: 0,
    transferredValue: zero,
    revenue: zero,
    issuesWithoutPrice: 0,
    monthEnds: [],
    months: [],
    demand: { day: noDemand, week: noDemand, month: noDemand },
    firstReceiptDate: null,
    firstDemandDate: null,
    lastDemandDate: null,
    lastIssueDate: null,
    lastReceiptDate: null,
    lastMovementDate: null,
    layers: [],
  };
  const moneyKeys = new Set<string>([
    "openingValue",
    "closingValue",
    "averageValue",
    "receivedValue",
    "issuedValue",
    "returnedValue",
    "cogs",
    "adjustedValue",
    "shrinkageValue",
    "revenue",
  ]);
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    result[key] =
      moneyKeys.has(key) && (typeof value === "number" || typeof value === "string")
        ? new Decimal(value)
        : value;
  }
  return result as unknown as SkuHistory;
}
