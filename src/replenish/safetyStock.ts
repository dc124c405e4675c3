import {
  requireNonNegative,
  requireOpenUnitInterval,
  requirePositive,
  requireVariant,
} from "../model/assert.js";
import { InvKpiError } from "../model/InvKpiError.js";
import {
  argumentNames,
  type FormInForce,
  formsInForce,
  requireFormNames,
} from "../model/requireKnownOptions.js";
import { inverseNormalLoss } from "./inverseNormalLoss.js";
import {
  indexOfLongest,
  type LeadTimeFigures,
  type LeadTimeInput,
  type LeadTimeSample,
  leadTimeMean,
  leadTimeWithDeviation,
} from "./leadTimeSample.js";
import { normalQuantile } from "./normalQuantile.js";
import { overflowError } from "./overflowError.js";

// Units throughout: demand per time unit (per day unless the caller uses another unit), lead time,
// its deviation and the review period in that same time unit, safety stock in units of the item.
// A lead time is a number (the mean L̄) or a sample of observed lead times (LeadTimeSample): the
// methods that need only L̄ take the sample's mean; those that use σL take the sample's mean and
// sample deviation (n − 1), and then refuse a leadTimeStdDev beside it.

/** `'basic'`: z · σd · √L. Demand varies, the lead time is fixed. */
export interface BasicSafetyStockInput {
  readonly method: "basic";
  /** Cycle service level in (0, 1). */
  readonly serviceLevel: number;
  /** σd: standard deviation of demand per time unit, ≥ 0. */
  readonly demandStdDev: number;
  /** L: lead time, ≥ 0, in time units; or observed lead times, whose mean is L. */
  readonly leadTime: LeadTimeInput;
}

/**
 * The lead time of a method that uses its deviation σL: the mean and σL as numbers, or a sample
 * of observed lead times, which gives both (so `leadTimeStdDev` is not given beside it).
 */
export type LeadTimeWithDeviation =
  | {
      /** L̄: mean lead time, ≥ 0, in time units. */
      readonly leadTime: number;
      /** σL: standard deviation of the lead time, ≥ 0, in time units. */
      readonly leadTimeStdDev: number;
    }
  | {
      /** Observed lead times (at least 2): L̄ is their mean, σL their sample deviation (n − 1). */
      readonly leadTime: LeadTimeSample;
      readonly leadTimeStdDev?: never;
    };

/**
 * `'leadTimeVariability'`: z · √(L·σd² + d̄²·σL²). Demand and lead time both vary, independently.
 * The lead time as `{ leadTime, leadTimeStdDev }` numbers or as a sample `{ leadTime: [...] }`.
 */
export type LeadTimeVariabilitySafetyStockInput = {
  readonly method: "leadTimeVariability";
  readonly serviceLevel: number;
  /** d̄: mean demand per time unit, ≥ 0. */
  readonly demandMean: number;
  readonly demandStdDev: number;
} & LeadTimeWithDeviation;

/**
 * `'leadTimeOnly'`: z · d̄ · σL. Demand is steady, the lead time varies. σL as `leadTimeStdDev`, or
 * as the sample deviation of observed lead times given as `leadTime` (no mean lead time is used).
 */
export type LeadTimeOnlySafetyStockInput = {
  readonly method: "leadTimeOnly";
  readonly serviceLevel: number;
  readonly demandMean: number;
} & (
  | { readonly leadTimeStdDev: number; readonly leadTime?: never }
  | {
      /** Observed lead times (at least 2), whose sample deviation (n − 1) is σL. */
      readonly leadTime: LeadTimeSample;
      readonly leadTimeStdDev?: never;
    }
);

/** `'periodic'`: z · σd · √(R + L). Periodic review: the stock must cover review period plus lead time. */
export interface PeriodicSafetyStockInput {
  readonly method: "periodic";
  readonly serviceLevel: number;
  readonly demandStdDev: number;
  readonly leadTime: LeadTimeInput;
  /** R: review period, ≥ 0, in time units. */
  readonly reviewPeriod: number;
}

/** `'maxMin'`: d_max · L_max − d̄ · L̄. The heuristic without a distribution. */
export interface MaxMinSafetyStockInput {
  readonly method: "maxMin";
  /** d_max: the largest demand per time unit observed, ≥ demandMean. */
  readonly maxDemand: number;
  /** L_max: the longest lead time observed, ≥ leadTime. */
  readonly maxLeadTime: number;
  readonly demandMean: number;
  /** L̄: the mean lead time; or observed lead times (their mean, and L_max ≥ the longest). */
  readonly leadTime: LeadTimeInput;
}

/** `'daysOfCover'`: d̄ · N. A fixed number of time units of mean demand. */
export interface DaysOfCoverSafetyStockInput {
  readonly method: "daysOfCover";
  readonly demandMean: number;
  /** N: time units of cover, ≥ 0. */
  readonly coverDays: number;
}

/**
 * `'fillRate'`: k · σDL with σDL = √(L·σd² + d̄²·σL²) and k solving σDL · G(k) = Q · (1 − β).
 * β is the fill rate (share of demand met from stock), not the cycle service level. The lead time
 * as numbers (σL optional) or as a sample of observed lead times (mean and sample deviation).
 */
export type FillRateSafetyStockInput = {
  readonly method: "fillRate";
  /** β: target fill rate in (0, 1). */
  readonly fillRate: number;
  /** Q: the order quantity, > 0, in units. */
  readonly orderQuantity: number;
  readonly demandMean: number;
  readonly demandStdDev: number;
} & (
  | {
      readonly leadTime: number;
      /** σL, ≥ 0; default 0 (fixed lead time). */
      readonly leadTimeStdDev?: number;
    }
  | {
      /** Observed lead times (at least 2): L̄ is their mean, σL their sample deviation (n − 1). */
      readonly leadTime: LeadTimeSample;
      readonly leadTimeStdDev?: never;
    }
);

/** The arguments of {@link safetyStock}: one shape per method, told apart by `method`. */
export type SafetyStockInput =
  | BasicSafetyStockInput
  | LeadTimeVariabilitySafetyStockInput
  | LeadTimeOnlySafetyStockInput
  | PeriodicSafetyStockInput
  | MaxMinSafetyStockInput
  | DaysOfCoverSafetyStockInput
  | FillRateSafetyStockInput;

/** The name of a safety-stock method. */
export type SafetyStockMethod = SafetyStockInput["method"];

/** Every safety-stock method, in the order of the docs. */
export const SAFETY_STOCK_METHODS: readonly SafetyStockMethod[] = [
  "basic",
  "leadTimeVariability",
  "leadTimeOnly",
  "periodic",
  "maxMin",
  "daysOfCover",
  "fillRate",
];

/** A safety stock with the two numbers it is the product of, for reports that show their work. */
export interface SafetyStockDetails {
  readonly method: SafetyStockMethod;
  /** Safety stock, in units. */
  readonly safetyStock: number;
  /**
   * The safety factor: z = Φ⁻¹(serviceLevel) for the service-level methods, k from G(k) for
   * `'fillRate'`; `null` for `'maxMin'` and `'daysOfCover'` (no distribution), and for
   * `'fillRate'` when σDL = 0 (no variability: k is undefined and the safety stock is 0) or σDL
   * is so small against Q · (1 − β) that k would be below −1.8e308 (the safety stock is then its
   * limit −Q · (1 − β), see {@link safetyStock}).
   */
  readonly safetyFactor: number | null;
  /**
   * The standard deviation of demand over the protection interval that the factor multiplies, in
   * units (σd·√L, σDL, d̄·σL or σd·√(R + L)); `null` for `'maxMin'` and `'daysOfCover'`.
   */
  readonly protectionStdDev: number | null;
}

const FN = "safetyStock";

/** The arguments each method reads, and the others' (a name of another method is refused). */
const FORMS: Readonly<Record<SafetyStockMethod, FormInForce>> = formsInForce({
  basic: {
    label: "method 'basic'",
    names: argumentNames<BasicSafetyStockInput>()([
      "method",
      "serviceLevel",
      "demandStdDev",
      "leadTime",
    ]),
  },
  leadTimeVariability: {
    label: "method 'leadTimeVariability'",
    names: argumentNames<LeadTimeVariabilitySafetyStockInput>()([
      "method",
      "serviceLevel",
      "demandMean",
      "demandStdDev",
      "leadTime",
      "leadTimeStdDev",
    ]),
  },
  leadTimeOnly: {
    label: "method 'leadTimeOnly'",
    names: argumentNames<LeadTimeOnlySafetyStockInput>()([
      "method",
      "serviceLevel",
      "demandMean",
      "leadTimeStdDev",
      "leadTime",
    ]),
  },
  periodic: {
    label: "method 'periodic'",
    names: argumentNames<PeriodicSafetyStockInput>()([
      "method",
      "serviceLevel",
      "demandStdDev",
      "leadTime",
      "reviewPeriod",
    ]),
  },
  maxMin: {
    label: "method 'maxMin'",
    names: argumentNames<MaxMinSafetyStockInput>()([
      "method",
      "maxDemand",
      "maxLeadTime",
      "demandMean",
      "leadTime",
    ]),
  },
  daysOfCover: {
    label: "method 'daysOfCover'",
    names: argumentNames<DaysOfCoverSafetyStockInput>()(["method", "demandMean", "coverDays"]),
  },
  fillRate: {
    label: "method 'fillRate'",
    names: argumentNames<FillRateSafetyStockInput>()([
      "method",
      "fillRate",
      "orderQuantity",
      "demandMean",
      "demandStdDev",
      "leadTime",
      "leadTimeStdDev",
    ]),
  },
});

/**
 * Refuses a name the input's method does not read (another method's, or a typo); an input that is
 * not an object, or has no known method, is left to {@link safetyStockDetailsWithoutNameCheck}.
 */
function requireSafetyStockNames(input: SafetyStockInput, fn: string): void {
  if (input === null || typeof input !== "object") return;
  const method = input.method as unknown;
  if (typeof method !== "string" || !Object.hasOwn(FORMS, method)) return;
  requireFormNames(input, [FORMS[method as SafetyStockMethod]], fn);
}

/**
 * Safety stock: the buffer held above the expected demand over the protection interval, so that
 * demand and lead-time variability cause a stock-out only with a chosen probability (cycle service
 * level) or leave only a chosen share of demand unmet (fill rate).
 *
 * Methods (`method` picks one; each needs exactly its own arguments):
 * - `'basic'`: z · σd · √L
 * - `'leadTimeVariability'` (King): z · √(L·σd² + d̄²·σL²)
 * - `'leadTimeOnly'`: z · d̄ · σL
 * - `'periodic'`: z · σd · √(R + L)
 * - `'maxMin'` (heuristic): d_max · L_max − d̄ · L̄
 * - `'daysOfCover'`: d̄ · N
 * - `'fillRate'`: k · σDL, σDL = √(L·σd² + d̄²·σL²), σDL · G(k) = Q · (1 − β)
 *
 * z = Φ⁻¹(serviceLevel) exactly (AS241, {@link normalQuantile}); G is the standard normal loss
 * function ({@link normalLoss}), inverted by {@link inverseNormalLoss}; k may be negative (a large
 * order quantity alone can meet the fill rate). The z methods assume normally distributed demand,
 * independent from one time unit to the next and independent of the lead time. A service level below
 * 0.5 gives z < 0 and so a negative safety stock (the reorder point falls below the mean lead-time
 * demand); it is returned as computed. For `'fillRate'`, as σDL → 0 with Q · (1 − β) fixed, k → −∞
 * and the safety stock tends to −Q · (1 − β) (with no variability, the shortage the fill rate allows
 * per cycle); once k is beyond the range of a double (σDL < Q · (1 − β) / 1.8e308) that limit is
 * returned with `safetyFactor: null`. σDL = 0 itself gives 0 (nothing to buffer).
 *
 * Units: demand per time unit (day), L, σL, R and N in the same time unit (trap 3: weekly σ with a
 * lead time in days is wrong by √7); the result is in units of the item.
 *
 * Lead time as statistics or as a sample: `leadTime` is the mean lead time L̄ as a number, or an
 * array of observed lead times (days, or the one time unit). From a sample x₁ … xₙ, L̄ = Σx / n and,
 * for the methods that use σL (`'leadTimeVariability'`, `'leadTimeOnly'`, `'fillRate'`),
 * σL = √(Σ(x − L̄)² / (n − 1)), the sample deviation that `leadTimeStatistics` gives by default (for
 * the population deviation, pass its `{ stdDev: 'population' }` figures as numbers). A sample then
 * gives both, so `leadTimeStdDev` is not given beside it (an error, not a value silently
 * preferred), and it needs at least 2 observations (one has no sample deviation: an error, since a
 * safety stock cannot be `null`). `'leadTimeOnly'` has no mean lead time, so it reads `leadTime`
 * only as a sample. The other methods take the sample's mean (one observation is its own mean);
 * for `'maxMin'` the longest observation must not exceed `maxLeadTime`.
 *
 * @param input - the method and its arguments, see {@link SafetyStockInput}.
 * @returns the safety stock, in units.
 * @throws InvKpiError `invalid_argument` when an argument is not a finite number (a missing one
 *   included: `'leadTimeVariability'` needs `leadTimeStdDev` with a number lead time); for a
 *   lead-time sample, when it is not a non-empty array of finite numbers (path `['leadTime']`, or
 *   `['leadTime', i]` for an observation; every bad observation is named in one error, each in
 *   `details.problems`), when `leadTimeStdDev` is given beside it (path `['leadTimeStdDev']`), or
 *   when a method that uses σL gets one observation (path `['leadTime']`, `details.count` 1);
 *   `out_of_range` when serviceLevel or fillRate is not in (0, 1), a deviation, mean, time, cover
 *   or observed lead time is negative, the order quantity is not > 0, or maxDemand < demandMean or
 *   maxLeadTime < leadTime (with a sample: < its longest observation), or when finite arguments
 *   give a result that is not a finite number (an overflow such as σd = 1e308; the message names
 *   every argument, a sample by its mean, the path the largest; observations whose mean or
 *   deviation overflows: path the largest, `['leadTime', i]`), or, for `'fillRate'`, when
 *   Q · (1 − β) / σDL underflows to 0 (path `['orderQuantity']`); `invalid_option` for an unknown
 *   method, or a name the method does not read (path `[name]`): another method's (`reviewPeriod`
 *   with `'basic'`: "method 'basic' does not read 'reviewPeriod' (method 'periodic' does)") or a
 *   typo ("unknown argument 'leadtime' (did you mean 'leadTime'?)"), or a number `leadTime` with
 *   `'leadTimeOnly'`; `no_convergence` if the fill-rate solver ever failed.
 * @example
 * ```ts
 * import { safetyStock } from "invkpi";
 * safetyStock({ method: "basic", serviceLevel: 0.95, demandStdDev: 10, leadTime: 4 }); // 32.89707253902943 (1.6448536 · 10 · 2)
 * safetyStock({ method: "daysOfCover", demandMean: 12, coverDays: 5 }); // 60
 * // Observed lead times 3, 5, 7 days: L̄ = 5, σL = √(8 / 2) = 2; d̄ = 10/day, σd = 3/day:
 * // z(0.95) · √(5 · 3² + 10² · 2²) = 1.6448536 · √445
 * safetyStock({ method: "leadTimeVariability", serviceLevel: 0.95, demandMean: 10, demandStdDev: 3, leadTime: [3, 5, 7] }); // 34.69822527266283
 * safetyStock({ method: "leadTimeVariability", serviceLevel: 0.95, demandMean: 10, demandStdDev: 3, leadTime: 5, leadTimeStdDev: 2 }); // 34.69822527266283
 * safetyStock({ method: "basic", serviceLevel: 0.95, demandStdDev: 3, leadTime: [3, 5, 7] }); // 11.034013568701711 (1.6448536 · 3 · √5)
 * ```
 */
export function safetyStock(input: SafetyStockInput): number {
  requireSafetyStockNames(input, "safetyStock");
  return safetyStockDetailsWithoutNameCheck(input).safetyStock;
}

/**
 * {@link safetyStock} without the check of its argument names: for `replenishmentFigures`, which
 * calls it once per SKU with arguments of its own making.
 * @internal
 */
export function safetyStockWithoutNameCheck(input: SafetyStockInput): number {
  return safetyStockDetailsWithoutNameCheck(input).safetyStock;
}

/**
 * {@link safetyStock} with its factors: the safety factor (z or k) and the standard deviation of
 * demand over the protection interval, so that safetyStock = safetyFactor · protectionStdDev for
 * every method but `'maxMin'` and `'daysOfCover'` (and `'fillRate'` where `safetyFactor` is null).
 *
 * The lead time may be a number or a sample of observed lead times, as {@link safetyStock} says.
 *
 * @param input - as {@link safetyStock}.
 * @returns method, safetyStock (units), safetyFactor (standard deviations), protectionStdDev (units).
 * @throws InvKpiError as {@link safetyStock}; the message of a name the method does not read
 *   starts with `safetyStockDetails:`.
 * @example
 * ```ts
 * import { safetyStockDetails } from "invkpi";
 * safetyStockDetails({ method: "periodic", serviceLevel: 0.9, demandStdDev: 500, leadTime: 2, reviewPeriod: 4 });
 * // { method: "periodic", safetyStock: 1569.5737073246116, safetyFactor: 1.2815515655446008,
 * //   protectionStdDev: 1224.744871391589 }  (z(0.9) · 500 · √6)
 * // σL from observed lead times 3, 5, 7 days (sample deviation 2): σ = d̄ · σL = 10 · 2
 * safetyStockDetails({ method: "leadTimeOnly", serviceLevel: 0.95, demandMean: 10, leadTime: [3, 5, 7] }).protectionStdDev; // 20
 * ```
 */
export function safetyStockDetails(input: SafetyStockInput): SafetyStockDetails {
  requireSafetyStockNames(input, "safetyStockDetails");
  return safetyStockDetailsWithoutNameCheck(input);
}

/**
 * {@link safetyStockDetails} without the check of its argument names.
 * @internal
 */
export function safetyStockDetailsWithoutNameCheck(input: SafetyStockInput): SafetyStockDetails {
  if (input === null || typeof input !== "object") {
    throw new InvKpiError("invalid_argument", `${FN}: expected an object with a method`, {
      path: [],
    });
  }
  const details = detailsOfMethod(input);
  // Every argument has been checked finite by now, so a result that is not finite is an overflow.
  const { protectionStdDev, safetyStock } = details;
  if (protectionStdDev !== null && !Number.isFinite(protectionStdDev)) {
    throw protectionOverflow(protectionStdDev, input);
  }
  if (!Number.isFinite(safetyStock)) {
    const what = `the '${details.method}' safety stock`;
    throw overflowError(safetyStock, FN, what, numericArguments(input));
  }
  return details;
}

function detailsOfMethod(input: SafetyStockInput): SafetyStockDetails {
  const method = requireVariant(input.method, SAFETY_STOCK_METHODS, FN, "method");
  switch (input.method) {
    case "basic":
      return serviceLevelMethod(method, input.serviceLevel, basicStdDev(input));
    case "leadTimeVariability":
      return serviceLevelMethod(method, input.serviceLevel, leadTimeDemandStdDev(input, undefined));
    case "leadTimeOnly":
      return serviceLevelMethod(method, input.serviceLevel, leadTimeOnlyStdDev(input));
    case "periodic":
      return serviceLevelMethod(method, input.serviceLevel, periodicStdDev(input));
    case "maxMin":
      return withoutDistribution(method, maxMinSafetyStock(input));
    case "daysOfCover":
      return withoutDistribution(method, daysOfCoverSafetyStock(input));
    case "fillRate":
      return fillRateSafetyStock(input);
  }
}

/** The error for a standard deviation of demand over the protection interval that overflows. */
function protectionOverflow(value: number, input: SafetyStockInput): InvKpiError {
  return overflowError(value, FN, "the protection standard deviation", numericArguments(input));
}

/**
 * The input's numeric arguments by name (all checked finite by then), for an overflow's error; a
 * lead-time sample by its mean.
 */
function numericArguments(input: SafetyStockInput): Record<string, number> {
  const numbers: Record<string, number> = {};
  for (const [name, value] of Object.entries(input)) {
    if (typeof value === "number") numbers[name] = value;
    else if (name === "leadTime" && Array.isArray(value)) numbers[name] = leadTimeMean(value, FN);
  }
  return numbers;
}

/** z · σ for the methods driven by a cycle service level. */
function serviceLevelMethod(
  method: SafetyStockMethod,
  serviceLevel: number,
  protectionStdDev: number,
): SafetyStockDetails {
  const z = normalQuantile(requireOpenUnitInterval(serviceLevel, FN, "serviceLevel"));
  // A service level below 0.5 (z < 0) with no deviation gives −0, which JSON writes as 0 (so a
  // partial record combined again differed from the run): `+ 0` makes it a plain 0.
  return { method, safetyStock: z * protectionStdDev + 0, safetyFactor: z, protectionStdDev };
}

function withoutDistribution(method: SafetyStockMethod, units: number): SafetyStockDetails {
  return { method, safetyStock: units, safetyFactor: null, protectionStdDev: null };
}

/** σd · √L. */
function basicStdDev(input: BasicSafetyStockInput): number {
  const demandStdDev = requireNonNegative(input.demandStdDev, FN, "demandStdDev");
  const leadTime = leadTimeMean(input.leadTime, FN);
  return demandStdDev * Math.sqrt(leadTime);
}

/**
 * σDL = √(L·σd² + d̄²·σL²): the deviation of demand over a random lead time, for independent daily
 * demands and a lead time independent of demand. Math.hypot avoids overflow of the squares.
 * `defaultStdDev`: σL when a number lead time comes without one (0 for `'fillRate'`), or
 * `undefined` when it is required (`'leadTimeVariability'`: a missing σL is an error, not a fixed
 * lead time).
 */
function leadTimeDemandStdDev(
  input: LeadTimeVariabilitySafetyStockInput | FillRateSafetyStockInput,
  defaultStdDev: number | undefined,
): number {
  const demandMean = requireNonNegative(input.demandMean, FN, "demandMean");
  const demandStdDev = requireNonNegative(input.demandStdDev, FN, "demandStdDev");
  const { leadTime, leadTimeStdDev } = leadTimeFigures(input, defaultStdDev);
  return Math.hypot(demandStdDev * Math.sqrt(leadTime), demandMean * leadTimeStdDev);
}

/** L̄ and σL of a method that uses σL, from numbers or from a sample (see `leadTimeWithDeviation`). */
function leadTimeFigures(
  input: {
    readonly method: SafetyStockMethod;
    readonly leadTime?: unknown;
    readonly leadTimeStdDev?: unknown;
  },
  defaultStdDev: number | undefined,
): LeadTimeFigures {
  const form = `method '${input.method}'`;
  return leadTimeWithDeviation(input.leadTime, input.leadTimeStdDev, FN, form, defaultStdDev);
}

/**
 * d̄ · σL, σL given or the sample deviation of observed lead times given as `leadTime`. A number
 * `leadTime` is refused: the formula has no mean lead time, so it would go unused.
 */
function leadTimeOnlyStdDev(input: LeadTimeOnlySafetyStockInput): number {
  const demandMean = requireNonNegative(input.demandMean, FN, "demandMean");
  if (input.leadTime === undefined) {
    return demandMean * requireNonNegative(input.leadTimeStdDev, FN, "leadTimeStdDev");
  }
  if (!Array.isArray(input.leadTime)) {
    throw new InvKpiError(
      "invalid_option",
      `${FN}: method 'leadTimeOnly' reads leadTime only as a sample of observed lead times, for their standard deviation (z · d̄ · σL has no mean lead time): give leadTimeStdDev, or leadTime as an array of observations`,
      { path: ["leadTime"], details: { value: input.leadTime as unknown } },
    );
  }
  return demandMean * leadTimeFigures(input, undefined).leadTimeStdDev;
}

/** σd · √(R + L). */
function periodicStdDev(input: PeriodicSafetyStockInput): number {
  const demandStdDev = requireNonNegative(input.demandStdDev, FN, "demandStdDev");
  const leadTime = leadTimeMean(input.leadTime, FN);
  const reviewPeriod = requireNonNegative(input.reviewPeriod, FN, "reviewPeriod");
  return demandStdDev * Math.sqrt(reviewPeriod + leadTime);
}

/** d_max · L_max − d̄ · L̄: worst demand over the worst lead time, less the expected. */
function maxMinSafetyStock(input: MaxMinSafetyStockInput): number {
  const demandMean = requireNonNegative(input.demandMean, FN, "demandMean");
  const leadTime = leadTimeMean(input.leadTime, FN);
  const maxDemand = requireNonNegative(input.maxDemand, FN, "maxDemand");
  const maxLeadTime = requireNonNegative(input.maxLeadTime, FN, "maxLeadTime");
  requireAtLeast(maxDemand, demandMean, "maxDemand", "demandMean");
  if (Array.isArray(input.leadTime)) requireLongestObserved(maxLeadTime, input.leadTime);
  else requireAtLeast(maxLeadTime, leadTime, "maxLeadTime", "leadTime");
  return maxDemand * maxLeadTime - demandMean * leadTime;
}

function requireAtLeast(value: number, floor: number, name: string, floorName: string): void {
  if (value < floor) {
    throw new InvKpiError(
      "out_of_range",
      `${FN}: ${name} must be ≥ ${floorName} (${floor}), got ${value}`,
      { path: [name], details: { value, [floorName]: floor } },
    );
  }
}

/**
 * L_max is "the longest lead time observed": a sample with a longer observation contradicts it
 * (and L_max ≥ L̄ follows).
 */
function requireLongestObserved(maxLeadTime: number, sample: LeadTimeSample): void {
  const longest = indexOfLongest(sample);
  const observed = sample[longest] as number;
  if (maxLeadTime < observed) {
    throw new InvKpiError(
      "out_of_range",
      `${FN}: maxLeadTime must be ≥ the longest observed lead time (leadTime[${longest}] = ${observed}), got ${maxLeadTime}`,
      { path: ["maxLeadTime"], details: { value: maxLeadTime, longest: observed, index: longest } },
    );
  }
}

/** d̄ · N. */
function daysOfCoverSafetyStock(input: DaysOfCoverSafetyStockInput): number {
  const demandMean = requireNonNegative(input.demandMean, FN, "demandMean");
  return demandMean * requireNonNegative(input.coverDays, FN, "coverDays");
}

/**
 * k · σDL with σDL · G(k) = Q · (1 − β) (Silver, Pyke & Thomas's P2 rule for continuous review with
 * backorders). With σDL = 0 there is nothing to buffer: safety stock 0, k undefined.
 *
 * When σDL is so small against Q · (1 − β) that the target g = Q · (1 − β) / σDL overflows
 * (σDL below about Q · (1 − β) / 1.8e308), k ≈ −g is beyond the range of a double; but for
 * k ≤ −40, G(k) = −k exactly in double precision, so σDL · G(k) = Q · (1 − β) gives
 * k · σDL = −Q · (1 − β): that limit is returned, with `safetyFactor: null`. The solver's
 * k · σDL equals it to rounding for every σDL small enough that g ≥ 40, so nothing jumps there.
 */
function fillRateSafetyStock(input: FillRateSafetyStockInput): SafetyStockDetails {
  const fillRate = requireOpenUnitInterval(input.fillRate, FN, "fillRate");
  const orderQuantity = requirePositive(input.orderQuantity, FN, "orderQuantity");
  const protectionStdDev = leadTimeDemandStdDev(input, 0);
  // Checked here too, before g is formed: an infinite σDL would make g 0, a misleading error.
  if (!Number.isFinite(protectionStdDev)) throw protectionOverflow(protectionStdDev, input);
  if (protectionStdDev === 0) {
    return { method: "fillRate", safetyStock: 0, safetyFactor: null, protectionStdDev };
  }
  const allowedShortage = orderQuantity * (1 - fillRate);
  const g = allowedShortage / protectionStdDev;
  if (g === Number.POSITIVE_INFINITY) {
    return {
      method: "fillRate",
      safetyStock: -allowedShortage,
      safetyFactor: null,
      protectionStdDev,
    };
  }
  if (g === 0) {
    // Q · (1 − β) / σDL underflowed: k would lie beyond 38.5, where G(k) is below every double.
    throw new InvKpiError(
      "out_of_range",
      `${FN}: orderQuantity · (1 − fillRate) = ${allowedShortage} is too small against the lead-time demand deviation ${protectionStdDev} (their ratio underflows to 0, so the safety factor cannot be found)`,
      {
        path: ["orderQuantity"],
        details: { orderQuantity, fillRate, protectionStdDev, allowedShortage },
      },
    );
  }
  const k = inverseNormalLoss(g);
  return {
    method: "fillRate",
    safetyStock: k * protectionStdDev,
    safetyFactor: k,
    protectionStdDev,
  };
}
