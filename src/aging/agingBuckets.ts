import { describeValue, InvKpiError } from "../model/InvKpiError.js";

/** The default upper bounds of the aging buckets, in days: 0–30, 31–60, 61–90, 91–180, 181–365, over 365. */
export const DEFAULT_AGING_BUCKETS: readonly number[] = [30, 60, 90, 180, 365];

/** One age bucket: ages from `fromDays` to `toDays`, both included. */
export interface AgingBucketDefinition {
  /** `'0–30'`, `'31–60'`, …, `'over 365'` (with an en dash). */
  readonly label: string;
  /** The youngest age in the bucket, in days. */
  readonly fromDays: number;
  /** The oldest age in the bucket, in days; `null` for the open last bucket. */
  readonly toDays: number | null;
}

/**
 * Turns the upper bounds of the age buckets into bucket definitions.
 *
 * Definition: bounds b₁ < b₂ < … < bₖ give k + 1 buckets, ages 0..b₁, b₁ + 1..b₂, …, bₖ₋₁ + 1..bₖ
 * and over bₖ (ages are whole days). Each bound is included in the bucket it closes: an age of
 * exactly 30 days is in `'0–30'`.
 *
 * @param bounds - strictly increasing positive integers, in days. Default `[30, 60, 90, 180, 365]`.
 * @param fn - the public function to name in errors. Default `'agingBuckets'`.
 * @throws InvKpiError `invalid_option` when `bounds` is empty, not an array, or holds a value that is
 *   not a positive integer or not greater than the one before.
 * @example
 * ```ts
 * import { agingBuckets } from "invkpi";
 * agingBuckets([30, 90]).map((b) => b.label); // ["0–30", "31–90", "over 90"]
 * agingBuckets([30, 90])[2]; // { label: "over 90", fromDays: 91, toDays: null }
 * ```
 */
export function agingBuckets(
  bounds: readonly number[] = DEFAULT_AGING_BUCKETS,
  fn = "agingBuckets",
): AgingBucketDefinition[] {
  if (!Array.isArray(bounds) || bounds.length === 0) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: buckets must be a non-empty array of day bounds, got ${describeValue(bounds)}`,
      { path: ["buckets"], details: { value: bounds } },
    );
  }
  const definitions: AgingBucketDefinition[] = [];
  let fromDays = 0;
  bounds.forEach((bound, index) => {
    requireBound(bound, index, fromDays, fn);
    definitions.push({ label: `${fromDays}–${bound}`, fromDays, toDays: bound });
    fromDays = bound + 1;
  });
  definitions.push({ label: `over ${fromDays - 1}`, fromDays, toDays: null });
  return definitions;
}

/**
 * {@link agingBuckets} for a calculator called once per SKU with the same bounds (`stockAging` in
 * a report): the definitions made for the previous call when the bounds are equal, element by
 * element, else new ones. Building them formats a label per bucket, which for 100 k SKUs was
 * 600 k strings. A copy of the bounds is kept, so a caller's array changed in between is noticed;
 * the definitions are shared, so the caller only reads them.
 * @internal Shared by `stockAging`.
 */
export function sameAgingBuckets(
  bounds: readonly number[] | undefined,
  fn: string,
): readonly AgingBucketDefinition[] {
  const wanted = bounds ?? DEFAULT_AGING_BUCKETS;
  if (last !== null && sameBounds(last.bounds, wanted)) return last.definitions;
  const definitions = agingBuckets(wanted, fn);
  // `slice`, not a spread: the copy keeps the holes.
  last = { bounds: wanted.slice(), definitions };
  return definitions;
}

/** The bounds and definitions of the last {@link sameAgingBuckets} call that made them. */
let last: { bounds: readonly number[]; definitions: readonly AgingBucketDefinition[] } | null =
  null;

function sameBounds(a: readonly number[], b: readonly number[]): boolean {
  if (!Array.isArray(b) || a.length !== b.length) return false;
  // `i in`: a hole (which agingBuckets skips) is not an `undefined` element (which it refuses).
  for (let i = 0; i < a.length; i++) if (i in a !== i in b || a[i] !== b[i]) return false;
  return true;
}

/**
 * The index of the bucket an age (in whole days, ≥ 0) falls in.
 * @internal Shared by `stockAging`.
 */
export function bucketIndexOf(definitions: readonly AgingBucketDefinition[], age: number): number {
  // Never −1: the last bucket is open.
  return definitions.findIndex((b) => b.toDays === null || age <= b.toDays);
}

function requireBound(bound: unknown, index: number, smallest: number, fn: string): void {
  if (typeof bound !== "number" || !Number.isInteger(bound) || bound < Math.max(smallest, 1)) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: buckets must be strictly increasing positive whole days; buckets[${index}] is ${describeValue(bound)}`,
      { path: ["buckets", index], details: { value: bound } },
    );
  }
}
