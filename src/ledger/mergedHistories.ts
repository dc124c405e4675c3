import { compareSkuLocation } from "../model/compareText.js";
import type { SkuHistory } from "../model/SkuHistory.js";

/**
 * Two sorted iterables of histories merged in SKU (then location) order, each history taken only
 * when the iteration reaches it: the fast engine's with the general engine's, or the general
 * engine's main pass with its bigint pass. When both sides build their histories as they are
 * iterated (the engines' `histories()`), a caller that turns each into something smaller (the
 * report's per-SKU analysis) never holds them all: at 100 k SKUs, that is about 450 MB of
 * histories that are never live at once.
 *
 * On equal keys the history of `first` comes first, as a stable sort of `[...first, ...second]`
 * would give.
 *
 * @param first - histories sorted by `compareSkuLocation` (usually the fast engine's).
 * @param second - histories sorted the same way (usually the general engine's: the few SKUs the
 *   fast engine set aside).
 */
export function* mergedHistories(
  first: Iterable<SkuHistory>,
  second: Iterable<SkuHistory>,
): Generator<SkuHistory> {
  const a = first[Symbol.iterator]();
  const b = second[Symbol.iterator]();
  let x = a.next();
  let y = b.next();
  while (!x.done && !y.done) {
    if (compareSkuLocation(y.value, x.value) < 0) {
      yield y.value;
      y = b.next();
    } else {
      yield x.value;
      x = a.next();
    }
  }
  for (; !x.done; x = a.next()) yield x.value;
  for (; !y.done; y = b.next()) yield y.value;
}
