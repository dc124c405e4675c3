import { compareSkuLocation } from "../model/compareText.js";
import type { SkuHistory } from "../model/SkuHistory.js";
import type { FastReplay } from "./FastReplay.js";
import { type historyContext, toSkuHistory } from "./toSkuHistory.js";

/**
 * The fast engine's histories merged with the general engine's (`others`, sorted), in SKU (then
 * location) order, each of the fast engine's built only when the iteration reaches it. A caller
 * that turns each history into something smaller (the report's per-SKU analysis) so never holds
 * them all: at 100 k SKUs, that is about 450 MB of histories that are never live at once.
 *
 * @param others - the histories of the SKUs the general engine replayed: usually few.
 */
export function* mergedHistories(
  fast: FastReplay,
  others: readonly SkuHistory[],
  context: ReturnType<typeof historyContext>,
): Generator<SkuHistory> {
  let next = 0;
  for (const s of fast.finishedStates()) {
    const raw = fast.raw(s);
    const history = toSkuHistory(raw, context(raw.sku, raw.location));
    while (next < others.length && compareSkuLocation(others[next] as SkuHistory, history) < 0)
      yield others[next++] as SkuHistory;
    yield history;
  }
  while (next < others.length) yield others[next++] as SkuHistory;
}
