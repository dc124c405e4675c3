import { closestName } from "../model/closestName.js";
import { InvKpiError } from "../model/InvKpiError.js";

/**
 * Rejects option names that the report does not read: a misspelt `industy` or `slowDay` would
 * otherwise leave the report on its defaults without a word. Names are compared exactly.
 *
 * @param options - the options object (or one of its option groups, such as `abc`).
 * @param known - every name the entry point reads at this level.
 * @param fn - the public function, named in the message.
 * @param path - where `options` is, e.g. `[]` or `['abc']`.
 * @param elsewhere - the names of the other levels of the same options, by path: a name that is
 *   no typo here but is spelt exactly as one of theirs (`replenishment.partialBuckets`, which the
 *   report reads as `demand.partialBuckets`) is hinted at there.
 * @throws InvKpiError `invalid_option` naming the first unknown name (with the closest known one
 *   when it is a likely typo, else the levels where that name is read); `details.unknown` lists
 *   every unknown name at this level.
 * @example
 * ```ts
 * import { requireKnownOptions } from "./requireKnownOptions.js";
 * try {
 *   requireKnownOptions({ industy: "retail" }, ["industry", "period"], "analyzeLedger", []);
 * } catch (e) {
 *   (e as Error).message; // "analyzeLedger: unknown option 'industy' (did you mean 'industry'?)"
 * }
 * const demand = { path: ["demand"], names: ["partialBuckets"] };
 * try {
 *   requireKnownOptions({ partialBuckets: "include" }, ["serviceLevel"], "analyzeLedger", ["replenishment"], [demand]);
 * } catch (e) {
 *   (e as Error).message;
 *   // "analyzeLedger: unknown option 'replenishment.partialBuckets' (did you mean 'demand.partialBuckets'?)"
 * }
 * ```
 */
export function requireKnownOptions(
  options: object,
  known: readonly string[],
  fn: string,
  path: readonly string[],
  elsewhere: readonly OptionLevel[] = [],
): void {
  const unknown = Object.keys(options).filter(
    (name) => !known.includes(name) && (options as Record<string, unknown>)[name] !== undefined,
  );
  const [first] = unknown;
  if (first === undefined) return;
  const name = [...path, first].join(".");
  const closest = closestOption(first, known);
  const meant =
    closest === null
      ? elsewhere.filter((level) => level.names.includes(first)).map((level) => level.path)
      : [path];
  const names = meant.map((at) => `'${[...at, closest ?? first].join(".")}'`);
  const hint = names.length === 0 ? "" : ` (did you mean ${names.join(" or ")}?)`;
  throw new InvKpiError("invalid_option", `${fn}: unknown option '${name}'${hint}`, {
    path: [...path, first],
    details: { unknown, known },
  });
}

/** The option names read at one level of an options object (`path` `[]` is the top level). */
export interface OptionLevel {
  readonly path: readonly string[];
  readonly names: readonly string[];
}

/** The likely option: within one edit per four letters (at least one), case ignored. */
function closestOption(name: string, known: readonly string[]): string | null {
  return closestName(name, known, Math.max(1, Math.floor(name.length / 4)), true);
}
