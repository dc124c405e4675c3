import type { ReplayWarning } from "../ledger/index.js";
import { compareText } from "../model/compareText.js";

/** Warnings that count movements (no row of their own): one per run, their counts add up. */
const COUNTED: ReadonlySet<ReplayWarning["code"]> = new Set(["before_period", "after_period"]);
/** Warnings about the input as a whole: one per run, one of the shards' kept. */
const ONCE: ReadonlySet<ReplayWarning["code"]> = new Set(["unsorted_input"]);

/**
 * The warnings of several shards of one report as one run would give them: the movements counted
 * before and after the period summed into one warning each (its message the replay's own, with the
 * total, its `date` the earliest), a warning about the input as a whole (`unsorted_input`: the
 * rows are not in date order) kept once, the others as they are, all sorted as the replay sorts
 * them: by row (counts first), then code, and ties (warnings of different shards on the same row
 * number) by their other fields. The result depends on the warnings only, not on the order of the
 * shards or of the warnings within them: where one of several warnings is kept (`unsorted_input`)
 * or lends its fields to the sum, it is the first in that order. A warning's `row` counts rows of
 * its own shard's input.
 *
 * @param shards - each shard's warnings.
 * @returns a new array; the warnings given are not changed.
 * @example
 * ```ts
 * const before = (count: number) => ({
 *   code: "before_period" as const,
 *   count,
 *   message: `${count} movement(s) before the period start 2025-01-01 built the opening balance`,
 * });
 * mergeWarnings([[before(1)], [before(2)]]);
 * // [{ code: "before_period", count: 3, message: "3 movement(s) before the period start ..." }]
 * ```
 */
export function mergeWarnings(shards: readonly (readonly ReplayWarning[])[]): ReplayWarning[] {
  const all = shards.flat().sort(compareWarnings);
  const merged: ReplayWarning[] = [];
  const counted = new Map<ReplayWarning["code"], ReplayWarning>();
  const once = new Set<ReplayWarning["code"]>();
  for (const warning of all) {
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
  return merged.sort(compareWarnings);
}

/**
 * The order of warnings: by row (none first), then code, as the replay sorts them; then by SKU,
 * location, date, count and message, so that any two different warnings have one order.
 */
function compareWarnings(a: ReplayWarning, b: ReplayWarning): number {
  return (
    (a.row ?? -1) - (b.row ?? -1) ||
    compareText(a.code, b.code) ||
    compareOptionalText(a.sku, b.sku) ||
    compareOptionalText(a.location, b.location) ||
    compareOptionalText(a.date, b.date) ||
    (a.count ?? -1) - (b.count ?? -1) ||
    compareText(a.message, b.message)
  );
}

/** Texts by {@link compareText}, an absent one first. */
function compareOptionalText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return compareText(a, b);
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
