import { agingBuckets, DEFAULT_AGING_BUCKETS } from "../aging/index.js";

/** The two report columns of one aging bucket. */
export interface AgingColumn {
  /** The bucket's label, `'0–30'`, ..., `'over 365'`. */
  readonly label: string;
  /** Units column, e.g. `'age0to30Quantity'`, `'ageOver365Quantity'`. */
  readonly quantity: `age${string}Quantity`;
  /** Value column, e.g. `'age0to30Value'`, `'ageOver365Value'`. */
  readonly value: `age${string}Value`;
}

/**
 * The names of the aging columns of a report row, one quantity and one value column per bucket,
 * named from the bucket bounds: `age{from}to{to}Quantity` / `age{from}to{to}Value` for a closed
 * bucket and `ageOver{last}Quantity` / `ageOver{last}Value` for the open last one.
 *
 * @param bounds - upper bounds of the buckets in days, as the report's `agingBuckets` option;
 *   default `[30, 60, 90, 180, 365]`.
 * @throws InvKpiError `invalid_option` for bounds that are not strictly increasing positive whole days.
 * @example
 * ```ts
 * import { agingColumns } from "invkpi";
 * agingColumns([30, 90]).map((c) => c.quantity);
 * // ["age0to30Quantity", "age31to90Quantity", "ageOver90Quantity"]
 * ```
 */
export function agingColumns(bounds: readonly number[] = DEFAULT_AGING_BUCKETS): AgingColumn[] {
  return agingBuckets(bounds, "agingColumns").map((bucket) => {
    const stem =
      bucket.toDays === null
        ? `Over${bucket.fromDays - 1}`
        : `${bucket.fromDays}to${bucket.toDays}`;
    return { label: bucket.label, quantity: `age${stem}Quantity`, value: `age${stem}Value` };
  });
}
