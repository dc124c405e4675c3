import type { ReplayWarning } from "../ledger/index.js";
import { compareText } from "../model/compareText.js";

/** Warnings that count movements (no row of their own): one per run, their counts add up. */
const COUNTED: ReadonlySet<ReplayWarning["code"]> = new Set(["before_period", "after_period"]);
/** Warnings about the input as a whole: one per run, the first shard's kept. */
const ONCE: ReadonlySet<ReplayWarning["code"]> = new Set(["unsorted_input"]);

/**
 * The warnings of several shards of one report as one run would give them: each shard's warnings
 * in turn, the movements counted before and after the period summed into one warning each (its
 * message the replay's own, with the total), a warning about the input as a whole
 * (`unsorted_input`: the rows are not in date order) kept once, the first shard's, all sorted as the
 * replay sorts them: by row (counts first), then code. A warning's `row` counts rows of its own
 * shard's input.
 */
export function mergeWarnings(shards: readonly (readonly ReplayWarning[])[]): ReplayWarning[] {
  const merged: ReplayWarning[] = [];
  const counted = new Map<ReplayWarning["code"], ReplayWarning>();
  const once = new Set<ReplayWarning["code"]>();
  for (const warning of shards.flat()) {
    if (ONCE.has(warning.code)) {
      if (!once.has(warning.code)) merged.push(warning);
      once.add(warning.code);
      continue;
    }
    if (!COUNTED.has(warning.code) || warning.count === undefined) {
      merged.push(warning);
      continue;
    }
    const earlier = counted.get(warning.code);
    counted.set(warning.code, earlier === undefined ? warning : added(earlier, warning));
  }
  merged.push(...counted.values());
  return merged.sort((a, b) => (a.row ?? -1) - (b.row ?? -1) || compareText(a.code, b.code));
}

/** A counting warning with `more` movements added, its message saying the new total. */
function added(warning: ReplayWarning, more: ReplayWarning): ReplayWarning {
  const count = (warning.count ?? 0) + (more.count ?? 0);
  // The earliest day of the two (`after_period`: the first movement left out); ISO days sort as text.
  const date =
    warning.date === undefined || (more.date !== undefined && more.date < warning.date)
      ? more.date
      : warning.date;
  // The replay's message starts with the count ("3 movement(s) before the period start ...").
  return {
    ...warning,
    ...(date === undefined ? {} : { date }),
    count,
    message: warning.message.replace(/^\d+/, String(count)),
  };
}
