import { closestName } from "./closestName.js";
import { displayPath } from "./fieldPath.js";
import { describeValue, InvKpiError } from "./InvKpiError.js";

/**
 * Rejects option names that a function does not read: a misspelt `industy` or `slowDay` would
 * otherwise leave it on its defaults without a word. Names are compared exactly; a name whose value
 * is `undefined` is no option at all (a spread of optional settings).
 *
 * @param options - the options object (or one of its option groups, such as `abc`).
 * @param known - every name the function reads at this level.
 * @param fn - the public function, named in the message.
 * @param path - where `options` is, e.g. `[]` or `['abc']`.
 * @param elsewhere - the names of the other levels of the same options, by path: a name that is
 *   no typo here but is spelt exactly as one of theirs (`replenishment.partialBuckets`, which the
 *   report reads as `demand.partialBuckets`) is hinted at there.
 * @throws InvKpiError `invalid_option` naming the first unknown name (with the closest known one
 *   when it is a likely typo, else the levels where that name is read), path `[...path, name]`;
 *   `details.unknown` lists every unknown name at this level, `details.known` the known ones.
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
  const unknown = unknownNames(options, known);
  const [first] = unknown;
  if (first === undefined) return;
  const closest = closestOption(first, known);
  const meant =
    closest === null
      ? elsewhere.filter((level) => level.names.includes(first)).map((level) => level.path)
      : [path];
  throw unknownOption(fn, path, first, meant, closest, { unknown, known });
}

/** The option names read at one level of an options object (`path` `[]` is the top level). */
export interface OptionLevel {
  readonly path: readonly string[];
  readonly names: readonly string[];
}

/**
 * Checks the options argument of a public function (a calculator, a reader, a writer): absent
 * (`undefined`) is no options; anything else must be an object whose names the function reads, as
 * {@link requireKnownOptions} checks them at the top level. Callers inside invkpi that build their
 * own options (the report, once per SKU) call the function's variant without this check.
 *
 * @throws InvKpiError `invalid_argument` (path `['options']`) for options that are not an object;
 *   `invalid_option` for an unknown name, as {@link requireKnownOptions}.
 * @example
 * ```ts
 * try {
 *   requireOptionNames({ slowdays: 30 }, ["asOf", "slowDays", "deadDays", "basis"], "movementStatus");
 * } catch (e) {
 *   (e as Error).message; // "movementStatus: unknown option 'slowdays' (did you mean 'slowDays'?)"
 * }
 * ```
 */
export function requireOptionNames(options: unknown, known: readonly string[], fn: string): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: options must be an object, got ${describeValue(options)}`,
      { path: ["options"], details: { value: describeValue(options) } },
    );
  }
  requireKnownOptions(options, known, fn, []);
}

/**
 * Rejects the fields of a data record (a `SkuInfo` row, the `info` of `replenishmentFigures`) that
 * are near misses of the fields the function reads: `leadTime` for `leadTimeDays`, `servicelevel`
 * for `serviceLevel` is almost surely a typo that would leave the value unread. A record may carry
 * any other field (a supplier, a `unit`, an `order` number): data is not options. "Near" is
 * narrower than for options: the same name in another case (`servicelevel`), the name without its
 * unit (`leadTime` for `leadTimeDays`), or one edit away in a name of 5 letters or more
 * (`leadTimeDay`). Each distinct field name is judged once (a master file of 100 k rows with a few
 * extra columns costs a lookup per field).
 *
 * @param record - the record; anything but an object is left to the caller's own checks.
 * @param known - every field a record of this kind has (not only those the function reads: a
 *   known field is never a typo of another).
 * @param path - where the record is, e.g. `['info']` or `['skuInfo', 3]`.
 * @param details - facts added to the error's details (the SKU).
 * @throws InvKpiError `invalid_option` naming the first near miss and the field meant, path
 *   `[...path, name]`; `details.unknown` lists every near miss.
 * @example
 * ```ts
 * try {
 *   requireNoMisspeltFields({ leadTime: 7, supplier: "ACME" }, ["leadTimeDays"], "f", ["info"]);
 * } catch (e) {
 *   (e as Error).message; // "f: unknown option 'info.leadTime' (did you mean 'info.leadTimeDays'?)"
 * }
 * ```
 */
export function requireNoMisspeltFields(
  record: unknown,
  known: readonly string[],
  fn: string,
  path: readonly (string | number)[],
  details: Readonly<Record<string, unknown>> = {},
): void {
  if (record === null || typeof record !== "object") return;
  // Once per row of a master file (100 k SKUs): the known names as a set, each field name judged
  // once, and no list until a field is unknown.
  const { names, judged } = knownFieldsOf(known);
  let misspelt: { name: string; meant: string }[] | null = null;
  for (const name in record) {
    if (names.has(name) || !Object.hasOwn(record, name)) continue;
    if ((record as Record<string, unknown>)[name] === undefined) continue;
    let meant = judged.get(name);
    if (meant === undefined) {
      meant = nearField(name, known);
      judged.set(name, meant);
    }
    if (meant === null) continue;
    misspelt ??= [];
    misspelt.push({ name, meant });
  }
  const first = misspelt?.[0];
  if (misspelt === null || first === undefined) return;
  throw unknownOption(fn, path, first.name, [path], first.meant, {
    ...details,
    unknown: misspelt.map((m) => m.name),
    known,
  });
}

/**
 * The names of an options type, checked by the compiler against the type: a list that misses one
 * of its names (an option added to the type but not here, which the check would then refuse), or
 * names one it lacks, does not compile.
 *
 * @example
 * ```ts
 * interface Options { readonly asOf?: string; readonly buckets?: readonly number[] }
 * optionNames<Options>()(["asOf", "buckets"]); // ["asOf", "buckets"]
 * ```
 */
export function optionNames<T>() {
  return <const N extends readonly (keyof T & string)[]>(
    names: N,
    ..._every: [Exclude<keyof T & string, N[number]>] extends [never]
      ? []
      : [missing: Exclude<keyof T & string, N[number]>]
  ): readonly string[] => names;
}

/** What is known of a list of known fields: the list as a set, and the field names judged so far. */
interface KnownFields {
  readonly names: ReadonlySet<string>;
  /** Each field name judged so far and the known field it misspells (or null). */
  readonly judged: Map<string, string | null>;
}

/** Per list of known fields, made once. */
const knownFields = new WeakMap<readonly string[], KnownFields>();

function knownFieldsOf(known: readonly string[]): KnownFields {
  let fields = knownFields.get(known);
  if (fields === undefined) {
    fields = { names: new Set(known), judged: new Map() };
    knownFields.set(known, fields);
  }
  return fields;
}

/** The known field that `name` misspells (see {@link requireNoMisspeltFields}), or null. */
function nearField(name: string, known: readonly string[]): string | null {
  const written = name.toLowerCase();
  for (const field of known) {
    const folded = field.toLowerCase();
    if (folded === written || folded === `${written}days`) return field;
  }
  return written.length >= 5 ? closestName(name, known, 1, true, false) : null;
}

/** The names of `options` that `known` lacks and whose value is not `undefined`, in order. */
function unknownNames(options: object, known: readonly string[]): string[] {
  return Object.keys(options).filter(
    (name) => !known.includes(name) && (options as Record<string, unknown>)[name] !== undefined,
  );
}

/** The error for an unknown name at `path`, with the name meant at each of the paths `meant`. */
function unknownOption(
  fn: string,
  path: readonly (string | number)[],
  name: string,
  meant: readonly (readonly (string | number)[])[],
  closest: string | null,
  details: Readonly<Record<string, unknown>>,
): InvKpiError {
  const names = meant.map((at) => `'${displayPath([...at, closest ?? name])}'`);
  const hint = names.length === 0 ? "" : ` (did you mean ${names.join(" or ")}?)`;
  return new InvKpiError(
    "invalid_option",
    `${fn}: unknown option '${displayPath([...path, name])}'${hint}`,
    { path: [...path, name], details },
  );
}

/** The likely option: within one edit per four letters (at least one), case ignored. */
function closestOption(name: string, known: readonly string[]): string | null {
  return closestName(name, known, Math.max(1, Math.floor(name.length / 4)), true);
}
