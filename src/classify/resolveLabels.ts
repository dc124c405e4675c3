import { describeValue, InvKpiError } from "../model/InvKpiError.js";

/** What a labels option must look like. */
export interface LabelRules {
  /** The number of classes, or `undefined` for any number ≥ 1. */
  readonly count: number | undefined;
  /** The default labels; the option is required when there are fewer than `count`. */
  readonly defaults: readonly string[];
  /** Labels the caller may not use (`'none'` in XYZ). */
  readonly reserved?: readonly string[];
  /** The option's name, for messages (default `'labels'`). */
  readonly name?: string;
}

/**
 * Checks a labels option of a classification, or builds the default: distinct, non-empty labels,
 * one per class, in class order (best class first).
 *
 * @throws InvKpiError `invalid_option` when the labels are not distinct non-empty strings of the
 *   right count, use a reserved label, or are missing where the defaults do not suffice.
 */
export function resolveLabels(labels: unknown, rules: LabelRules, fn: string): readonly string[] {
  const name = rules.name ?? "labels";
  const count = rules.count;
  if (labels === undefined) {
    const wanted = count ?? rules.defaults.length;
    if (rules.defaults.length < wanted) {
      throw invalidLabels(fn, name, labels, `pass ${name} for ${wanted} classes`);
    }
    return rules.defaults.slice(0, wanted);
  }
  if (
    !Array.isArray(labels) ||
    labels.length === 0 ||
    (count !== undefined && labels.length !== count)
  ) {
    throw invalidLabels(
      fn,
      name,
      labels,
      `${name} must be an array of ${count ?? "one or more"} strings`,
    );
  }
  const seen = new Set<string>();
  for (const label of labels as unknown[]) {
    if (typeof label !== "string" || label === "") {
      throw invalidLabels(fn, name, labels, `every one of ${name} must be a non-empty string`);
    }
    if (rules.reserved?.includes(label)) {
      throw invalidLabels(fn, name, labels, `'${label}' is reserved`);
    }
    if (seen.has(label)) throw invalidLabels(fn, name, labels, `'${label}' is repeated`);
    seen.add(label);
  }
  return labels.slice() as string[];
}

function invalidLabels(fn: string, name: string, labels: unknown, rule: string): InvKpiError {
  return new InvKpiError("invalid_option", `${fn}: ${rule}, got ${describeValue(labels)}`, {
    path: [name],
    details: { value: labels },
  });
}
