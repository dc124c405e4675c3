import { InvKpiError } from "../model/InvKpiError.js";

/**
 * Rejects option names that the report does not read: a misspelt `industy` or `slowDay` would
 * otherwise leave the report on its defaults without a word. Names are compared exactly.
 *
 * @param options - the options object (or one of its option groups, such as `abc`).
 * @param known - every name the entry point reads at this level.
 * @param fn - the public function, named in the message.
 * @param path - where `options` is, e.g. `[]` or `['abc']`.
 * @throws InvKpiError `invalid_option` naming the first unknown name (with the closest known one
 *   when it is a likely typo); `details.unknown` lists every unknown name at this level.
 * @example
 * ```ts
 * import { requireKnownOptions } from "./requireKnownOptions.js";
 * try {
 *   requireKnownOptions({ industy: "retail" }, ["industry", "period"], "analyzeLedger", []);
 * } catch (e) {
 *   (e as Error).message; // "analyzeLedger: unknown option 'industy' (did you mean 'industry'?)"
 * }
 * ```
 */
export function requireKnownOptions(
  options: object,
  known: readonly string[],
  fn: string,
  path: readonly string[],
): void {
  const unknown = Object.keys(options).filter(
    (name) => !known.includes(name) && (options as Record<string, unknown>)[name] !== undefined,
  );
  const [first] = unknown;
  if (first === undefined) return;
  const name = [...path, first].join(".");
  const closest = closestName(first, known);
  const hint = closest === null ? "" : ` (did you mean '${[...path, closest].join(".")}'?)`;
  throw new InvKpiError("invalid_option", `${fn}: unknown option '${name}'${hint}`, {
    path: [...path, first],
    details: { unknown, known },
  });
}

/**
 * The known name within a few edits of `name` (case ignored: one per four letters, at least one),
 * or that starts with it (`leadTime` for `leadTimeDays`), the nearest first, the earlier on ties;
 * null if none (`zzz` is no typo of `xyz`).
 */
function closestName(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(name.length / 4)) + 1;
  const lower = name.toLowerCase();
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    const distance = other.startsWith(lower) ? 1 : editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions of one character each. */
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
