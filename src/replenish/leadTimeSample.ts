import { type Moments, momentsOfValues, type StdDevVariant } from "../demand/moments.js";
import { requireNonNegative } from "../model/assert.js";
import { fieldPath } from "../model/fieldPath.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";

// A lead time comes as one figure or as the observations it was measured from. Shared by
// `leadTimeStatistics` and the calculators that take a `leadTime` (`safetyStock`, `reorderPoint`,
// `orderUpToLevel`), so that a sample gives every one of them the same mean and deviation.

/** Observed lead times (order to receipt), each a finite number ≥ 0, in one time unit (days). */
export type LeadTimeSample = readonly number[];

/**
 * A lead time: the mean lead time L̄ as one number, or a {@link LeadTimeSample} of observed lead
 * times, from which the calculator computes the mean (and, where it needs one, the sample standard
 * deviation, n − 1) as `leadTimeStatistics` does.
 */
export type LeadTimeInput = number | LeadTimeSample;

/** How many problems the message of a bad sample shows (`details.problems` has them all). */
const SHOWN_PROBLEMS = 5;

/**
 * Requires a non-empty array of finite numbers ≥ 0. Every bad observation is reported in one
 * error: its code and path are the first one's (`[name, i]`), its message lists them (up to 5)
 * and `details.problems` holds each `{ path, code, message, value }`; a single bad observation is
 * exactly the error of `requireNonNegative`. Holes of a sparse array are observations that are not
 * numbers (an index loop, not `forEach`, which would skip them).
 * @throws InvKpiError `invalid_argument` (not an array, empty, an entry that is not a finite
 *   number) or `out_of_range` (a negative entry).
 * @internal
 */
export function requireLeadTimeSample(value: unknown, fn: string, name: string): LeadTimeSample {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: ${name} must be a non-empty array of observed lead times, got ${describeValue(value)}`,
      { path: fieldPath(name), details: { value: describeValue(value) } },
    );
  }
  const problems: InvKpiError[] = [];
  for (let i = 0; i < value.length; i++) {
    const x: unknown = value[i];
    if (typeof x === "number" && Number.isFinite(x) && x >= 0) continue;
    try {
      requireNonNegative(x, fn, `${name}[${i}]`);
    } catch (error) {
      if (!(error instanceof InvKpiError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw sampleProblems(problems, fn, name);
  return value as LeadTimeSample;
}

/** One error for every bad observation: the first one's code and path, all of them listed. */
function sampleProblems(problems: readonly InvKpiError[], fn: string, name: string): InvKpiError {
  const [first] = problems as [InvKpiError, ...InvKpiError[]];
  if (problems.length === 1) return first;
  const prefix = `${fn}: `;
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => p.message.slice(prefix.length));
  const more = problems.length > SHOWN_PROBLEMS ? "; …" : "";
  return new InvKpiError(
    first.code,
    `${fn}: ${problems.length} problems in ${name}: ${shown.join("; ")}${more}`,
    {
      path: first.path,
      details: {
        problems: problems.map((p) => ({
          path: p.path,
          code: p.code,
          message: p.message,
          value: p.details.value,
        })),
      },
    },
  );
}

/**
 * Mean and standard deviation of a checked sample ({@link requireLeadTimeSample}), by the
 * two-pass formula; `stdDev` is null for a sample deviation of one observation.
 * @param usesStdDev - whether the caller uses the deviation (default true); when not, only the
 *   mean must be finite (`[0, 1e200]` has a mean, 5e199, though its deviation overflows).
 * @throws InvKpiError `out_of_range` when finite observations give a mean, or a deviation the
 *   caller uses, that is not a finite number (observations near 1e154 and beyond, whose squares
 *   overflow), path the largest observation `[name, i]`.
 * @internal
 */
export function leadTimeMoments(
  sample: LeadTimeSample,
  variant: StdDevVariant,
  fn: string,
  name: string,
  usesStdDev = true,
): Moments {
  const moments = momentsOfValues(sample, variant);
  const { mean, stdDev } = moments;
  const stdDevFine = !usesStdDev || stdDev === null || Number.isFinite(stdDev);
  if (Number.isFinite(mean) && stdDevFine) return moments;
  const what = Number.isFinite(mean) ? "standard deviation" : "mean";
  const value = Number.isFinite(mean) ? stdDev : mean;
  const largest = indexOfLongest(sample);
  throw new InvKpiError(
    "out_of_range",
    `${fn}: the ${what} of ${name} is not a finite number (${value}): the observations are too large (${name}[${largest}] = ${sample[largest]})`,
    { path: [...fieldPath(name), largest], details: { value, largest: sample[largest] } },
  );
}

/**
 * The index of the longest observation of a checked sample (the first, among equals).
 * @internal
 */
export function indexOfLongest(sample: LeadTimeSample): number {
  let longest = 0;
  for (let i = 1; i < sample.length; i++) {
    if ((sample[i] as number) > (sample[longest] as number)) longest = i;
  }
  return longest;
}

/**
 * The mean lead time L̄ of a `leadTime` argument: the number itself, or the mean of a sample.
 * @throws InvKpiError `invalid_argument` (neither a finite number nor a non-empty array of them;
 *   path `[name]`, or `[name, i]` for an observation), `out_of_range` (negative, or a sample too
 *   large for its mean), as {@link requireLeadTimeSample} and {@link leadTimeMoments}.
 * @internal
 */
export function leadTimeMean(value: unknown, fn: string, name = "leadTime"): number {
  if (typeof value === "number") return requireNonNegative(value, fn, name);
  if (!Array.isArray(value)) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: ${name} must be a finite number or a non-empty array of observed lead times, got ${describeValue(value)}`,
      { path: fieldPath(name), details: { value: describeValue(value) } },
    );
  }
  return leadTimeMoments(requireLeadTimeSample(value, fn, name), "sample", fn, name, false).mean;
}

/** The lead time L̄ and its standard deviation σL, in the time unit of the arguments. */
export interface LeadTimeFigures {
  readonly leadTime: number;
  readonly leadTimeStdDev: number;
}

/**
 * L̄ and σL from the `leadTime` and `leadTimeStdDev` arguments of a formula that uses both: a
 * sample gives both (mean, and the sample deviation n − 1, as `leadTimeStatistics` by default),
 * so a `leadTimeStdDev` beside it is a contradiction, not a value to prefer; a number needs its
 * `leadTimeStdDev` (or `defaultStdDev` when the formula has one).
 *
 * @param form - the formula in messages, e.g. `method 'fillRate'`.
 * @throws InvKpiError `invalid_argument`: `leadTimeStdDev` given with a sample (path
 *   `['leadTimeStdDev']`); a sample of one observation, whose sample deviation is undefined (path
 *   `['leadTime']`, `details.count` 1); a missing or non-finite argument; a bad sample as
 *   {@link requireLeadTimeSample}. `out_of_range` for a negative one.
 * @internal
 */
export function leadTimeWithDeviation(
  leadTime: unknown,
  leadTimeStdDev: unknown,
  fn: string,
  form: string,
  defaultStdDev?: number,
): LeadTimeFigures {
  if (!Array.isArray(leadTime)) {
    return {
      leadTime: leadTimeMean(leadTime, fn),
      leadTimeStdDev: requireNonNegative(leadTimeStdDev ?? defaultStdDev, fn, "leadTimeStdDev"),
    };
  }
  if (leadTimeStdDev !== undefined) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: leadTimeStdDev (${describeValue(leadTimeStdDev)}) cannot be given with leadTime as a sample of observed lead times, which gives both the mean and the standard deviation: give the sample alone, or leadTime and leadTimeStdDev as numbers`,
      { path: ["leadTimeStdDev"], details: { value: leadTimeStdDev, count: leadTime.length } },
    );
  }
  const sample = requireLeadTimeSample(leadTime, fn, "leadTime");
  const { mean, stdDev } = leadTimeMoments(sample, "sample", fn, "leadTime");
  if (stdDev === null) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: ${form} needs the lead time's standard deviation, and leadTime holds 1 observation, whose sample standard deviation (n − 1 = 0) is undefined: give at least 2 observations, or leadTime and leadTimeStdDev as numbers`,
      { path: ["leadTime"], details: { count: sample.length } },
    );
  }
  return { leadTime: mean, leadTimeStdDev: stdDev };
}
