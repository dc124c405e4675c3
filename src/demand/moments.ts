// Mean and standard deviation, shared by the demand and lead-time statistics. Internal: the public
// entry points are `demandStatistics` and `leadTimeStatistics`, which document the variants.

/** Which standard deviation: `'sample'` divides by n − 1 (Bessel), `'population'` by n. */
export type StdDevVariant = "sample" | "population";

/** The allowed values of {@link StdDevVariant}, for option checks. */
export const STD_DEV_VARIANTS: readonly StdDevVariant[] = ["sample", "population"];

/** Mean and standard deviation of n observations; `stdDev` is null when it is undefined. */
export interface Moments {
  readonly mean: number;
  readonly stdDev: number | null;
}

/**
 * Mean and standard deviation from the sums Σx and Σx² of n observations (the only form in which a
 * ledger replay can hand over the zero-demand buckets without a dense calendar).
 * Variance: sample (Σx² − n·x̄²) / (n − 1), population (Σx² − n·x̄²) / n. Rounding can leave a tiny
 * negative numerator when every observation is equal; it is clamped to 0.
 * n = 0 gives mean 0 and stdDev 0 (nothing observed, nothing varies); a sample deviation of one
 * observation is undefined: null.
 */
export function momentsFromSums(
  n: number,
  sum: number,
  sumOfSquares: number,
  variant: StdDevVariant,
): Moments {
  if (n === 0) return { mean: 0, stdDev: 0 };
  const mean = sum / n;
  const divisor = variant === "sample" ? n - 1 : n;
  if (divisor === 0) return { mean, stdDev: null };
  const squaredDeviations = Math.max(0, sumOfSquares - n * mean * mean);
  return { mean, stdDev: Math.sqrt(squaredDeviations / divisor) };
}

/**
 * Mean and standard deviation of a list of numbers, by the two-pass formula Σ(x − x̄)² (exact
 * mean first), which keeps full precision where the sums formula would cancel (values like
 * 1e9 + 1, 1e9 + 2). Same conventions as {@link momentsFromSums} for n = 0 and n = 1.
 */
export function momentsOfValues(values: readonly number[], variant: StdDevVariant): Moments {
  const n = values.length;
  if (n === 0) return { mean: 0, stdDev: 0 };
  let sum = 0;
  for (const x of values) sum += x;
  const mean = sum / n;
  const divisor = variant === "sample" ? n - 1 : n;
  if (divisor === 0) return { mean, stdDev: null };
  let squaredDeviations = 0;
  for (const x of values) squaredDeviations += (x - mean) * (x - mean);
  return { mean, stdDev: Math.sqrt(squaredDeviations / divisor) };
}
