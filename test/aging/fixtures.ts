import { Decimal } from "../../src/model/Decimal.js";
import type { StockLayer } from "../../src/model/SkuHistory.js";

/** An open FIFO layer for aging tests: `quantity` units received on `receivedDate` at `unitCost`. */
export function layer(
  receivedDate: string,
  quantity: number,
  unitCost: number | string,
  extra: { lot?: string; expiresOn?: string } = {},
): StockLayer {
  const cost = new Decimal(unitCost);
  return { receivedDate, quantity, unitCost: cost, value: cost.times(quantity), ...extra };
}

/** The code of the InvKpiError that `fn` throws, or undefined when it does not throw. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof Error && "code" in e ? String(e.code) : "not an InvKpiError";
  }
  return undefined;
}
