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
 * @param others - the histories of the SKUs the general engine replayed, sorted (usually few;
 *   every SKU under `months: true`, then built one at a time too).
 */
export function* mergedHistories(
  fast: FastReplay,
  others: Iterable<SkuHistory>,
  context: ReturnType<typeof historyContext>,
): Generator<SkuHistory> {
  const rest = others[Symbol.iterator]();
  let next = rest.next();
  for (const s of fast.finishedStates()) {
    const raw = fast.raw(s);
    const history = toSkuHistory(raw, context(raw.sku, raw.location));
    // On equal keys the fast engine's history comes first, as a stable sort of both would give.
    while (!next.done && compareSkuLocation(next.value, history) < 0) {
      yield next.value;
      next = rest.next();
    }
    yield history;
  }
  for (; !next.done; next = rest.next()) yield next.value;
}
