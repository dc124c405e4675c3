import { closestName } from "./closestName.js";
import { displayPath } from "./fieldPath.js";
import { describeValue, InvKpiError } from "./InvKpiError.js";
import { nearMissesOf } from "./nearMissesOf.js";

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
 * @param noun - what the message calls a name: `"option"`, or `"argument"` for the names of a
 *   calculator's one arguments object (see {@link requireArgumentNames}).
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
  noun: NameNoun = "option",
): void {
  const unknown = unknownNames(options, known);
  const [first] = unknown;
  if (first === undefined) return;
  const closest = closestOption(first, known);
  const meant =
    closest === null
      ? elsewhere.filter((level) => level.names.includes(first)).map((level) => level.path)
      : [path];
  throw unknownOption(fn, path, first, meant, closest, { unknown, known }, noun);
}

/**
 * What a message calls the names a function reads: the options of a function with an options
 * object, the arguments of a calculator's one arguments object (its parameters, not a record).
 */
export type NameNoun = "option" | "argument";

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
 * Checks the names of the one arguments object of a calculator (`reorderPoint({ demandMean,
 * leadTime, safetyStock })`) as {@link requireKnownOptions} checks options: a misspelt optional
 * argument (`packsize`, `onorder`) would otherwise leave it on its default without a word. A name
 * whose value is `undefined` is no argument. Anything but a plain object is left to the
 * calculator's own checks. Callers inside invkpi that build the arguments themselves (once per
 * SKU) call the calculator's variant without this check. The message calls the name an argument.
 *
 * @param args - the arguments object.
 * @param known - every name the calculator reads.
 * @param fn - the public function, named in the message.
 * @throws InvKpiError `invalid_option` for an unknown name, as {@link requireKnownOptions}:
 *   `<fn>: unknown argument '<name>'`, with its did-you-mean.
 * @example
 * ```ts
 * try {
 *   requireArgumentNames({ onHand: 10, onorder: 50 }, ["onHand", "onOrder"], "inventoryPosition");
 * } catch (e) {
 *   (e as Error).message; // "inventoryPosition: unknown argument 'onorder' (did you mean 'onOrder'?)"
 * }
 * ```
 */
export function requireArgumentNames(args: unknown, known: readonly string[], fn: string): void {
  if (isArgumentsObject(args)) requireKnownOptions(args, known, fn, [], [], "argument");
}

/**
 * One form of an arguments object that comes in several (a union type): the names a calculator
 * reads when the arguments are in that form, and how a message names the form.
 */
export interface ArgumentForm {
  /** The form in a message: `method 'basic'`, `{ annualTurnover }`. */
  readonly label: string;
  readonly names: readonly string[];
}

/**
 * The form the arguments are in on one of their axes (`safetyStock`'s method; `diagnoseTurnover`
 * has two: how the turnover is given, and the benchmark), and the forms they could have taken
 * instead. When the arguments do not tell (both forms or neither given), `given` holds the names of
 * every form and `others` none: the calculator's own check says which to give.
 */
export interface FormInForce {
  readonly given: ArgumentForm;
  readonly others: readonly ArgumentForm[];
}

/**
 * Checks the names of an arguments object that comes in forms, told apart by a `method` or by the
 * names given: the known names are those of the forms in force, one per axis. A name that only
 * another form reads (`reviewPeriod` with method `'basic'`, read by `'periodic'` alone) is refused
 * with a message that says so, since the calculator would ignore it; any other unknown name as
 * {@link requireKnownOptions} refuses it (with its did-you-mean). As there, the first unknown name
 * is named, a name whose value is `undefined` is no argument, and anything but a plain object is
 * left to the calculator.
 *
 * @param args - the arguments object.
 * @param forms - the form in force on each axis, with its alternatives (see {@link formsInForce}).
 * @param fn - the public function, named in the message.
 * @throws InvKpiError `invalid_option`, path `[name]`: for a name of another form, the message
 *   `<fn>: <form> does not read '<name>' (<other form> does)`, `details.readBy` the labels of the
 *   forms that read it; for any other unknown name, as {@link requireArgumentNames} (`<fn>:
 *   unknown argument '<name>'`). `details.unknown` lists every unknown name, `details.known` the
 *   names of the forms in force.
 * @example
 * ```ts
 * const byMethod = formsInForce({
 *   basic: { label: "method 'basic'", names: ["method", "demandStdDev", "leadTime"] },
 *   periodic: { label: "method 'periodic'", names: ["method", "demandStdDev", "leadTime", "reviewPeriod"] },
 * });
 * const args = { method: "basic", demandStdDev: 10, leadTime: 4, reviewPeriod: 7 };
 * try {
 *   requireFormNames(args, [byMethod.basic], "safetyStock");
 * } catch (e) {
 *   (e as Error).message; // "safetyStock: method 'basic' does not read 'reviewPeriod' (method 'periodic' does)"
 * }
 * try {
 *   requireFormNames({ ...args, reviewPeriod: undefined, leadtime: 4 }, [byMethod.basic], "safetyStock");
 * } catch (e) {
 *   (e as Error).message; // "safetyStock: unknown argument 'leadtime' (did you mean 'leadTime'?)"
 * }
 * ```
 */
export function requireFormNames(args: unknown, forms: readonly FormInForce[], fn: string): void {
  if (!isArgumentsObject(args)) return;
  const known = forms.length === 1 ? (forms[0] as FormInForce).given.names : knownOfForms(forms);
  const unknown = unknownNames(args, known);
  const [first] = unknown;
  if (first === undefined) return;
  for (const { given, others } of forms) {
    const readBy = others.filter((form) => form.names.includes(first)).map((form) => form.label);
    if (readBy.length === 0) continue;
    const verb = readBy.length === 1 ? "does" : "do";
    throw new InvKpiError(
      "invalid_option",
      `${fn}: ${given.label} does not read '${first}' (${listed(readBy)} ${verb})`,
      { path: [first], details: { unknown, known, readBy } },
    );
  }
  requireKnownOptions(args, known, fn, [], [], "argument");
}

/**
 * Each form of a set of alternatives, in force, with the others as its alternatives: what
 * {@link requireFormNames} takes per axis, made once per calculator.
 *
 * @example
 * ```ts
 * const forms = formsInForce({
 *   a: { label: "{ a }", names: ["a"] },
 *   b: { label: "{ b }", names: ["b"] },
 * });
 * forms.a.others.map((form) => form.label); // ["{ b }"]
 * ```
 */
export function formsInForce<K extends string>(
  forms: Readonly<Record<K, ArgumentForm>>,
): Readonly<Record<K, FormInForce>> {
  const all = Object.values<ArgumentForm>(forms);
  const result = {} as Record<K, FormInForce>;
  for (const key of Object.keys(forms) as K[]) {
    const given = forms[key];
    result[key] = { given, others: all.filter((form) => form !== given) };
  }
  return result;
}

/**
 * The form for arguments that do not tell which form they are in (both given, or neither): every
 * name of every form is known, and the calculator's own check says which form to give.
 *
 * @example
 * ```ts
 * anyForm([{ label: "{ a }", names: ["x", "a"] }, { label: "{ b }", names: ["x", "b"] }]).given.names; // ["x", "a", "b"]
 * ```
 */
export function anyForm(forms: readonly ArgumentForm[]): FormInForce {
  const names = [...new Set(forms.flatMap((form) => form.names))];
  return { given: { label: "", names }, others: [] };
}

/**
 * Rejects the fields of a data record (the `info` of `replenishmentFigures`) that are near misses
 * of the fields the function reads, by the rule of every data record ({@link nearMissesOf}): a
 * spelling of a field (`servicelevel`, `Lead Time Days`), or of one without its `Days` unit
 * (`leadTime`), that the record gives while it lacks the field, whose value would go unread. A
 * record may carry any other field (a supplier, a `unit`, `category1`), and a near miss beside the
 * field it stands for: data is not options.
 *
 * @param record - the record; anything but an object is left to the caller's own checks.
 * @param known - every field a record of this kind has (not only those the function reads: a
 *   known field is never a near miss of another).
 * @param path - where the record is, e.g. `['info']`.
 * @param details - facts added to the error's details.
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
  const misses = nearMissesOf(record, known);
  const first = misses[0];
  if (first === undefined) return;
  throw unknownOption(fn, path, first.name, [path], first.meant, {
    ...details,
    unknown: misses.map((m) => m.name),
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

/**
 * The names an arguments type reads, checked by the compiler as {@link optionNames} checks an
 * options type; for a union, the names of every variant. A name typed `never` (or `undefined`)
 * alone is one the variant does not read (`holdingCost?: never` in the form with a unit cost and
 * a holding rate), so it is not listed for that variant: give the variant's own type for the names
 * of one form.
 *
 * @example
 * ```ts
 * type Args = { readonly a: number; readonly b?: never } | { readonly b: number; readonly a?: never };
 * argumentNames<Extract<Args, { readonly a: number }>>()(["a"]); // ["a"]
 * argumentNames<Args>()(["a", "b"]); // ["a", "b"]
 * ```
 */
export function argumentNames<T>() {
  return <const N extends readonly ReadNames<T>[]>(
    names: N,
    ..._every: [Exclude<ReadNames<T>, N[number]>] extends [never]
      ? []
      : [missing: Exclude<ReadNames<T>, N[number]>]
  ): readonly string[] => names;
}

/** The names each variant of `T` reads: its keys but those typed `never` or `undefined` alone. */
type ReadNames<T> = T extends unknown
  ? {
      [K in keyof T]-?: [Exclude<T[K], undefined>] extends [never] ? never : K;
    }[keyof T] &
      string
  : never;

/** Whether `args` is an arguments object whose names can be checked: a plain object, no array. */
function isArgumentsObject(args: unknown): args is object {
  return args !== null && typeof args === "object" && !Array.isArray(args);
}

/** The names of the forms in force on every axis, each once. */
function knownOfForms(forms: readonly FormInForce[]): readonly string[] {
  return [...new Set(forms.flatMap((form) => form.given.names))];
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The names of `options` that `known` lacks and whose value is not `undefined`, in order. */
function unknownNames(options: object, known: readonly string[]): string[] {
  return Object.keys(options).filter(
    (name) => !known.includes(name) && (options as Record<string, unknown>)[name] !== undefined,
  );
}

/**
 * The error for an unknown name at `path`, with the name meant at each of the paths `meant`; the
 * message calls the name a `noun` (`unknown option 'x'`, `unknown argument 'x'`).
 */
function unknownOption(
  fn: string,
  path: readonly (string | number)[],
  name: string,
  meant: readonly (readonly (string | number)[])[],
  closest: string | null,
  details: Readonly<Record<string, unknown>>,
  noun: NameNoun = "option",
): InvKpiError {
  const names = meant.map((at) => `'${displayPath([...at, closest ?? name])}'`);
  const hint = names.length === 0 ? "" : ` (did you mean ${names.join(" or ")}?)`;
  return new InvKpiError(
    "invalid_option",
    `${fn}: unknown ${noun} '${displayPath([...path, name])}'${hint}`,
    { path: [...path, name], details },
  );
}

/** The likely option: within one edit per four letters (at least one), case ignored. */
function closestOption(name: string, known: readonly string[]): string | null {
  return closestName(name, known, Math.max(1, Math.floor(name.length / 4)), true);
}
