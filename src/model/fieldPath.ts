// Paths of errors: a field as messages name it (`months[2].cogs`) and as `InvKpiError.path` holds
// it (`['months', 2, 'cogs']`), one segment per key or index.

const FIRST_FIELD = /^[A-Za-z_$][\w$]*/;
const NEXT_FIELD = /^\.([A-Za-z_$][\w$]*)|^\[(\d+)\]/;

/**
 * The path segments of a field named as messages name it: `"abc.measure"` gives `["abc",
 * "measure"]`, `"items[3].mean"` gives `["items", 3, "mean"]`. A name that is not a plain dotted
 * name (a space, a key that is no identifier) is one segment, as written.
 *
 * Guards build the path from the name only when they throw, so a call that passes builds nothing.
 *
 * @example
 * ```ts
 * fieldPath("replenishment.serviceLevel"); // ["replenishment", "serviceLevel"]
 * fieldPath("samples[1]"); // ["samples", 1]
 * fieldPath("history date"); // ["history date"]
 * ```
 */
export function fieldPath(name: string): (string | number)[] {
  return segmentsOf(name) ?? [name];
}

/**
 * The path of the field named in a `"fn: field"` label (the labels of `toDay`, `toDecimal`):
 * `"analyzeLedger: period.from"` gives `["period", "from"]`; a label without a field, or one that is
 * not a plain dotted name, `[]`.
 *
 * @example
 * ```ts
 * pathOfLabel("turnoverSeries: months[2].cogs"); // ["months", 2, "cogs"]
 * pathOfLabel("movementStatus: history date"); // []
 * ```
 */
export function pathOfLabel(where: string): (string | number)[] {
  const colon = where.indexOf(": ");
  return colon < 0 ? [] : (segmentsOf(where.slice(colon + 2)) ?? []);
}

/**
 * A path as messages name it: keys joined by dots, indexes in brackets.
 *
 * @example
 * ```ts
 * displayPath(["skuInfo", 3, "leadTime"]); // "skuInfo[3].leadTime"
 * ```
 */
export function displayPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const segment of path) {
    text += typeof segment === "number" ? `[${segment}]` : text === "" ? segment : `.${segment}`;
  }
  return text;
}

/** The segments of a plain dotted name, or `null` when `name` is not one. */
function segmentsOf(name: string): (string | number)[] | null {
  const first = FIRST_FIELD.exec(name);
  if (first === null) return null;
  const path: (string | number)[] = [first[0]];
  let rest = name.slice(first[0].length);
  while (rest !== "") {
    const next = NEXT_FIELD.exec(rest);
    if (next === null) return null;
    const [whole, key, index] = next;
    path.push(index === undefined ? (key as string) : Number(index));
    rest = rest.slice(whole.length);
  }
  return path;
}
