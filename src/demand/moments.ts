// Mean and standard deviation, shared by the demand and lead-time statistics. Internal: the public
// entry points are `demandStatistics` and `leadTimeStatistics`, which document the variants.

import { InvKpiError } from "../model/InvKpiError.js";

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
 * Relative tolerance for the numerator Σx² − n·x̄² of {@link momentsFromSums}, as a fraction of
 * the larger of Σx² and n·x̄². In exact arithmetic the numerator is Σ(x − x̄)² ≥ 0, and n·x̄² ≤ Σx²
 * (Cauchy–Schwarz). In floating point, Σx² summed over m non-zero buckets carries a relative error
 * of at most about m·2⁻⁵³ (every term is ≥ 0), and n·x̄² = (Σx/n)²·n a few more roundings; so a
 * consistent history's computed numerator is ≥ −(m + 5)·2⁻⁵³·Σx². 1e-9 covers m up to about
 * 9 million buckets (the replay's day buckets over a century are 36,525), while sums that disagree
 * by more than a billionth (a Σx² smaller than (Σx)²/n) cannot come from any real series.
 */
export const SQUARES_RELATIVE_TOLERANCE = 1e-9;

/** Where the sums came from, for the error that {@link momentsFromSums} throws. */
export interface SumsSource {
  /** The public function, first word of the message. */
  readonly fn: string;
  /** Path to the sums object (its `sumOfSquares` is named in the error). */
  readonly path: readonly (string | number)[];
}

/**
 * Mean and standard deviation from the sums Σx and Σx² of n observations (the only form in which a
 * ledger replay can hand over the zero-demand buckets without a dense calendar).
 * Variance: sample (Σx² − n·x̄²) / (n − 1), population (Σx² − n·x̄²) / n. Rounding can leave a tiny
 * negative numerator when every observation is equal; down to −{@link SQUARES_RELATIVE_TOLERANCE}
 * times max(Σx², n·x̄²) it is clamped to 0, anything more negative means Σx² is inconsistent with
 * Σx (no real series has Σx² < (Σx)²/n) and throws.
 * n = 0 gives mean 0 and stdDev 0 (nothing observed, nothing varies); a sample deviation of one
 * observation is undefined: null.
 * @throws InvKpiError `invalid_argument` (path `[...source.path, "sumOfSquares"]`) when Σx² is
 *   below (Σx)²/n by more than rounding.
 */
export function momentsFromSums(
  n: number,
  sum: number,
  sumOfSquares: number,
  variant: StdDevVariant,
  source: SumsSource,
): Moments {
  if (n === 0) return { mean: 0, stdDev: 0 };
  const mean = sum / n;
  const squaredMean = n * mean * mean;
  const numerator = sumOfSquares - squaredMean;
  const residue = SQUARES_RELATIVE_TOLERANCE * Math.max(Math.abs(sumOfSquares), squaredMean);
  if (numerator < -residue) {
    throw new InvKpiError(
      "invalid_argument",
      `${source.fn}: ${[...source.path, "sumOfSquares"].join(".")} (${sumOfSquares}) is inconsistent with sum ${sum} over ${n} buckets: it must be ≥ sum² / n = ${squaredMean}`,
      { path: [...source.path, "sumOfSquares"], details: { n, sum, sumOfSquares } },
    );
  }
  const divisor = variant === "sample" ? n - 1 : n;
  if (divisor === 0) return { mean, stdDev: null };
  return { mean, stdDev: Math.sqrt(Math.max(0, numerator) / divisor) };
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
