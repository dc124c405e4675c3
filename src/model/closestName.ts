/**
 * The known name nearest to `name`, for a "did you mean" hint: one that starts with `name` counts
 * as one edit (`leadTime` → `leadTimeDays`), others by Levenshtein distance (insertions, deletions
 * and substitutions of one character each). Within `maxDistance`; the nearest first, the earlier
 * in `known` on ties; `null` when none is that close.
 *
 * @param name - what was written.
 * @param known - the names that exist, in order of preference.
 * @param maxDistance - the most edits a typo may have.
 * @param ignoreCase - compare without case (default `false`).
 * @example
 * ```ts
 * import { closestName } from "./closestName.js";
 * closestName("industy", ["industry", "period"], 2); // "industry"
 * closestName("zzz", ["xyz"], 1); // null
 * ```
 */
export function closestName(
  name: string,
  known: readonly string[],
  maxDistance: number,
  ignoreCase = false,
): string | null {
  const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
  const written = fold(name);
  let best: string | null = null;
  let bestDistance = maxDistance + 1;
  for (const candidate of known) {
    const other = fold(candidate);
    const distance = other.startsWith(written) ? 1 : editDistance(written, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance of two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        substitution,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
