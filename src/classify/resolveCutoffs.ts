import { requireFinite } from "../model/assert.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";

/** The domain of a classification's cutoffs. */
export interface CutoffDomain {
  /** Whether 0 itself is allowed (a CV cutoff of 0 means "perfectly constant demand only"). */
  readonly allowZero: boolean;
  /** The largest allowed cutoff: 1 for cumulative shares, `Infinity` for coefficients of variation. */
  readonly max: number;
}

/**
 * Checks the `cutoffs` option of a classification: a non-empty array of finite numbers, strictly
 * increasing, inside the domain (`(0, max]`, or `[0, max]` with `allowZero`). Returns a copy.
 *
 * @throws InvKpiError `invalid_option` (not a non-empty array, or not strictly increasing),
 *   `invalid_argument` (an entry that is not a finite number), `out_of_range` (outside the domain).
 */
export function resolveCutoffs(
  cutoffs: unknown,
  domain: CutoffDomain,
  fn: string,
): readonly number[] {
  if (!Array.isArray(cutoffs) || cutoffs.length === 0) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: cutoffs must be a non-empty array of numbers, got ${describeValue(cutoffs)}`,
      { path: ["cutoffs"], details: { value: cutoffs } },
    );
  }
  const checked: number[] = [];
  cutoffs.forEach((value: unknown, index) => {
    const name = `cutoffs[${index}]`;
    const cutoff = requireFinite(value, fn, name);
    const tooSmall = domain.allowZero ? cutoff < 0 : cutoff <= 0;
    if (tooSmall || cutoff > domain.max) {
      const rule = `in ${domain.allowZero ? "[" : "("}0, ${domain.max}]`;
      throw new InvKpiError("out_of_range", `${fn}: ${name} must be ${rule}, got ${cutoff}`, {
        path: ["cutoffs", index],
        details: { value: cutoff, rule },
      });
    }
    const previous = checked[index - 1];
    if (previous !== undefined && cutoff <= previous) {
      throw new InvKpiError(
        "invalid_option",
        `${fn}: cutoffs must be strictly increasing, got ${previous} then ${cutoff}`,
        { path: ["cutoffs", index], details: { value: cutoffs } },
      );
    }
    checked.push(cutoff);
  });
  return checked;
}
