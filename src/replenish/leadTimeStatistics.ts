import { STD_DEV_VARIANTS, type StdDevVariant } from "../demand/moments.js";
import { requireVariant } from "../model/assert.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";
import { leadTimeMoments, requireLeadTimeSample } from "./leadTimeSample.js";

/** Options of {@link leadTimeStatistics}. */
export interface LeadTimeStatisticsOptions {
  /** `'sample'` (n − 1, default) or `'population'` (n). */
  readonly stdDev?: StdDevVariant;
}

/** The option names of {@link leadTimeStatistics}. */
const OPTIONS = optionNames<LeadTimeStatisticsOptions>()(["stdDev"]);

/** Mean and standard deviation of observed lead times, in the unit of the samples. */
export interface LeadTimeStatistics {
  readonly mean: number;
  /** `null` for a sample deviation of a single observation. */
  readonly stdDev: number | null;
  /** Number of observations. */
  readonly count: number;
}

/**
 * Mean L̄ and standard deviation σL of a sample of observed lead times (order to receipt), ready for
 * the `leadTime` and `leadTimeStdDev` arguments of `safetyStock`. The calculators that take a
 * `leadTime` also take the sample itself, and compute from it what this function does by default
 * (the sample deviation); pass this function's figures as numbers for the population deviation.
 *
 * Formulas: L̄ = Σx / n; σL = √(Σ(x − L̄)² / (n − 1)) by default (the sample deviation, since the
 * observations estimate an unknown process), or / n with `stdDev: 'population'`. With one
 * observation the sample deviation is undefined: `null` (the population one is 0).
 *
 * @param samples - observed lead times, each finite and ≥ 0, in days (or any one time unit).
 * @param options - `stdDev`: `'sample'` (default) or `'population'`.
 * @returns mean and stdDev in the unit of the samples; count n.
 * @throws InvKpiError `invalid_argument` for an empty list or one that is not an array (path
 *   `['samples']`), an entry that is not a finite number (a hole of a sparse array included; path
 *   `['samples', i]`) or options that are not an object; `out_of_range` for a negative lead time,
 *   or observations so large that their mean or deviation is not a finite number (path the
 *   largest); `invalid_option` for an unknown `stdDev` variant or option name. Every bad entry is
 *   named in one error: the first one's code and path, each in `details.problems`.
 * @example
 * ```ts
 * import { leadTimeStatistics } from "invkpi";
 * leadTimeStatistics([5, 7, 6, 10]); // { mean: 7, stdDev: 2.160246899469287, count: 4 }
 * leadTimeStatistics([3, 5, 7]); // { mean: 5, stdDev: 2, count: 3 }  (squares 4 + 0 + 4, ÷ (3 − 1))
 * leadTimeStatistics([4]); // { mean: 4, stdDev: null, count: 1 }
 * ```
 */
export function leadTimeStatistics(
  samples: readonly number[],
  options: LeadTimeStatisticsOptions = {},
): LeadTimeStatistics {
  const fn = "leadTimeStatistics";
  requireOptionNames(options, OPTIONS, fn);
  const variant = requireVariant(options.stdDev ?? "sample", STD_DEV_VARIANTS, fn, "stdDev");
  const sample = requireLeadTimeSample(samples, fn, "samples");
  const { mean, stdDev } = leadTimeMoments(sample, variant, fn, "samples");
  return { mean, stdDev, count: sample.length };
}
