import { compareSkuLocation } from "../model/compareText.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { toDecimalScaled } from "../model/toDecimalScaled.js";
import type { ReplaySettings } from "./ReplaySettings.js";

/** A SKU's (or SKU and location's) quantity totals for the period, in scaled units. */
export interface QuantityTotals {
  readonly sku: number;
  /** Location index, or -1. */
  readonly location: number;
  readonly openingQty: number;
  readonly receivedQty: number;
  readonly issuedQty: number;
  readonly returnedQty: number;
  /** Net signed adjustments. */
  readonly adjustedQty: number;
  /** Negative adjustments, as a positive figure. */
  readonly shrinkageQty: number;
  readonly transferInQty: number;
  readonly transferOutQty: number;
}

/** How many SKUs the message names; `details.skus` has them all. */
const NAMED = 5;

/**
 * Checks that every SKU's quantities stayed exact in the period. Quantities are whole numbers of
 * the ledger's smallest decimal (10^-qd units) in doubles, exact while below 2^53 in magnitude.
 * Each row is checked on the way in; here the period's totals are: when the stock that came in
 * (opening balance, receipts, returns, positive adjustments, transfers in) and the stock that went
 * out (issues, write-offs, transfers out) each stay below 2^53, so did every balance and sum of the
 * period. Beyond, a double would have rounded units away silently (receipts of 5,000,000 +
 * 5,000,000 + 0.000000001 at 9 decimals lost the last unit). Movements before the period are not
 * counted in these totals (only their result, the opening balance, is): a balance beyond the limit
 * only before the period is not caught. Run once every state is finished, before the first
 * history. SKUs are named in SKU and location order, whatever the input order.
 *
 * @param settings - the replay's function name, dictionaries and scales.
 * @param sources - the finished states' totals, one iterable per engine or pass.
 * @throws InvKpiError `out_of_range` naming every such SKU (path `['ledger']`; details `decimals`
 *   and `skus`: `{ sku, location, flow, units }` for each).
 */
export function requireExactQuantities(
  settings: Pick<ReplaySettings, "fn" | "names" | "scales">,
  ...sources: Iterable<QuantityTotals>[]
): void {
  const { names, scales } = settings;
  const problems: { sku: string; location: string | null; flow: string; units: number }[] = [];
  for (const totals of sources) {
    for (const t of totals) {
      const flow = inexactFlow(t);
      if (flow === null) continue;
      problems.push({
        sku: names.skus[t.sku] as string,
        location: t.location >= 0 ? (names.locations[t.location] as string) : null,
        flow: flow.name,
        units: flow.units / scales.qScale,
      });
    }
  }
  if (problems.length === 0) return;
  problems.sort(compareSkuLocation);
  const limit = toDecimalScaled(Number.MAX_SAFE_INTEGER, scales.qd).toFixed();
  const named = problems
    .slice(0, NAMED)
    .map(
      (p) => `'${p.sku}'${p.location === null ? "" : ` at '${p.location}'`} (${p.flow} ${p.units})`,
    )
    .join(", ");
  const more = problems.length > NAMED ? ` and ${problems.length - NAMED} more` : "";
  throw new InvKpiError(
    "out_of_range",
    `${settings.fn}: the quantities of ${problems.length === 1 ? "SKU" : "SKUs"} ${named}${more} add up to more than the ledger's ${scales.qd} decimal places hold exactly (${limit} units at ${scales.qd} decimals): round the ledger's quantities to the decimals they really have`,
    { path: ["ledger"], details: { decimals: scales.qd, skus: problems } },
  );
}

/** The stock that came in or went out beyond 2^53 scaled units, or null. */
function inexactFlow(t: QuantityTotals): { name: string; units: number } | null {
  const positiveAdjustments = t.adjustedQty + t.shrinkageQty;
  const stockIn =
    Math.abs(t.openingQty) + t.receivedQty + t.returnedQty + positiveAdjustments + t.transferInQty;
  if (stockIn > Number.MAX_SAFE_INTEGER) return { name: "stock in", units: stockIn };
  const stockOut = t.issuedQty + t.shrinkageQty + t.transferOutQty;
  if (stockOut > Number.MAX_SAFE_INTEGER) return { name: "stock out", units: stockOut };
  return null;
}
