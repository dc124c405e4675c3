import { momentsOfValues, STD_DEV_VARIANTS, type StdDevVariant } from "../demand/moments.js";
import { requireNonNegative, requireVariant } from "../model/assert.js";
import { InvKpiError } from "../model/InvKpiError.js";
import { optionNames, requireOptionNames } from "../model/requireKnownOptions.js";

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
 * the `leadTime` and `leadTimeStdDev` arguments of `safetyStock`.
 *
 * Formulas: L̄ = Σx / n; σL = √(Σ(x − L̄)² / (n − 1)) by default (the sample deviation, since the
 * observations estimate an unknown process), or / n with `stdDev: 'population'`.
 *
 * @param samples - observed lead times, each finite and ≥ 0, in days (or any one time unit).
 * @param options - `stdDev`: `'sample'` (default) or `'population'`.
 * @returns mean and stdDev in the unit of the samples; count n.
 * @throws InvKpiError `invalid_argument` for an empty list, an entry that is not a finite number
 *   (path `['samples', i]`) or options that are not an object; `out_of_range` for a negative lead
 *   time; `invalid_option` for an unknown `stdDev` variant or option name.
 * @example
 * ```ts
 * import { leadTimeStatistics } from "invkpi";
 * leadTimeStatistics([5, 7, 6, 10]); // { mean: 7, stdDev: 2.160246899469287, count: 4 }
 * ```
 */
export function leadTimeStatistics(
  samples: readonly number[],
  options: LeadTimeStatisticsOptions = {},
): LeadTimeStatistics {
  const fn = "leadTimeStatistics";
  requireOptionNames(options, OPTIONS, fn);
  const variant = requireVariant(options.stdDev ?? "sample", STD_DEV_VARIANTS, fn, "stdDev");
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new InvKpiError("invalid_argument", `${fn}: samples must be a non-empty array`, {
      path: ["samples"],
    });
  }
  samples.forEach((x, i) => {
    requireNonNegative(x, fn, `samples[${i}]`);
  });
  const { mean, stdDev } = momentsOfValues(samples, variant);
  return { mean, stdDev, count: samples.length };
}
