// The history fields that the Decimal reference replay computes, compared with replayLedger's by
// the property tests: every amount to the last digit, and the quantities.

/** The money fields of a `SkuHistory` that the reference replay computes. */
export const MONEY_FIELDS = [
  "openingValue",
  "closingValue",
  "cogs",
  "averageValue",
  "receivedValue",
  "returnedValue",
  "issuedValue",
  "adjustedValue",
  "shrinkageValue",
  "transferredValue",
  "revenue",
] as const;

/** The quantity fields of a `SkuHistory` that the reference replay computes. */
export const QUANTITY_FIELDS = [
  "openingQuantity",
  "closingQuantity",
  "minQuantity",
  "maxQuantity",
  "receivedQuantity",
  "issuedQuantity",
  "returnedQuantity",
  "adjustedQuantity",
  "shrinkageQuantity",
  "transferredInQuantity",
  "transferredOutQuantity",
] as const;
