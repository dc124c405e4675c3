import type { Decimal } from "../model/Decimal.js";
import { decimalOfNumber } from "../model/decimalOfNumber.js";
import type { SkuHistory } from "../model/SkuHistory.js";
import type { AbcMeasure } from "./AnalyzeLedgerOptions.js";

/**
 * The value a SKU is ranked by in ABC, read from its replayed history:
 * `cogs` → `cogs`; `revenue` → `revenue`; `margin` → revenue − cogs; `quantity` → issuedQuantity −
 * returnedQuantity (exact decimals); `movements` → `issueCount`. May be negative (net returns,
 * a loss); the report's `abc.negativeValues` decides what that means.
 */
export function abcMeasure(history: SkuHistory, measure: AbcMeasure): Decimal {
  switch (measure) {
    case "cogs":
      return history.cogs;
    case "revenue":
      return history.revenue;
    case "margin":
      return history.revenue.minus(history.cogs);
    case "quantity":
      return decimalOfNumber(history.issuedQuantity).minus(
        decimalOfNumber(history.returnedQuantity),
      );
    case "movements":
      return decimalOfNumber(history.issueCount);
  }
}
