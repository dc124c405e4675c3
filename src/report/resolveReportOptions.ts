import { DEFAULT_EXCESS_COVER_DAYS } from "../aging/excessStock.js";
import { agingBuckets, DEFAULT_AGING_BUCKETS, MOVEMENT_BASES } from "../aging/index.js";
import { resolveIdleDays } from "../aging/movementStatus.js";
import { diagnoseTurnover, type TurnoverRange } from "../benchmark/index.js";
import {
  type AbcNegativeValues,
  type AbcZeroValues,
  abcClassify,
  xyzClassify,
} from "../classify/index.js";
import {
  DEMAND_BUCKETS,
  type DemandBucket,
  type DemandStart,
  PARTIAL_BUCKETS,
  type PartialBuckets,
  type StdDevVariant,
} from "../demand/index.js";
import {
  requireNonNegative,
  requireOpenUnitInterval,
  requirePositive,
  requireVariant,
} from "../model/assert.js";
import type { Decimal } from "../model/Decimal.js";
import { formatDay, toDay } from "../model/day.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { toDecimal } from "../model/money.js";
import { resolvePeriod } from "../model/Period.js";
import {
  type OptionLevel,
  optionNames,
  requireKnownOptions,
} from "../model/requireKnownOptions.js";
import { VALUATIONS, type Valuation } from "../model/SkuHistory.js";
import { SKU_SAFETY_STOCK_METHODS, type SkuSafetyStockMethod } from "../replenish/index.js";
import {
  AVERAGE_METHODS,
  type AverageMethod,
  SELL_THROUGH_VARIANTS,
  type SellThroughVariant,
  TURNOVER_BASES,
  type TurnoverBasis,
} from "../turnover/index.js";
import {
  ABC_MEASURES,
  type AbcMeasure,
  type AbcReportOptions,
  type AnalyzeLedgerOptions,
  type DemandReportOptions,
  REPORT_GROUPINGS,
  type ReplenishmentReportOptions,
  type ReportGrouping,
  type XyzReportOptions,
} from "./AnalyzeLedgerOptions.js";
import type { AnalyzeLedgerStreamOptions } from "./analyzeLedgerStream.js";
import { resolveThreads } from "./resolveThreads.js";

/**
 * The options a report was computed with, every default filled in, so that the report says what it
 * computed. Amounts as `Decimal`, days as `'YYYY-MM-DD'`, "none" as `null`. `skuInfo` and
 * `openingBalances` are not repeated here (they are data, not settings).
 */
export interface ResolvedReportOptions {
  readonly period: { readonly from: string; readonly to: string; readonly days: number };
  readonly asOf: string;
  readonly valuation: Valuation;
  readonly averageMethod: AverageMethod;
  readonly turnoverBasis: TurnoverBasis;
  readonly sellThroughVariant: SellThroughVariant;
  readonly daysPerYear: number;
  readonly abc: {
    readonly measure: AbcMeasure;
    readonly cutoffs: readonly number[];
    readonly labels: readonly string[];
    readonly zeroValues: AbcZeroValues;
    readonly negativeValues: AbcNegativeValues;
  };
  readonly xyz: {
    readonly bucket: DemandBucket;
    readonly cutoffs: readonly number[];
    readonly labels: readonly string[];
  };
  readonly demand: {
    readonly start: DemandStart;
    readonly partialBuckets: PartialBuckets;
    readonly stdDev: StdDevVariant;
  };
  readonly replenishment: {
    readonly serviceLevel: number;
    readonly leadTimeDays: number | null;
    readonly leadTimeStdDevDays: number | null;
    readonly reviewPeriodDays: number | null;
    readonly orderCost: Decimal | null;
    readonly holdingRate: number | null;
    readonly method: SkuSafetyStockMethod;
    readonly coverDays: number | null;
    readonly fillRate: number | null;
    readonly bucket: DemandBucket;
  };
  readonly slowDays: number;
  readonly deadDays: number;
  readonly movementBasis: "issue" | "any";
  readonly excessCoverDays: number;
  readonly agingBuckets: readonly number[];
  readonly nearExpiryDays: number;
  readonly groupBy: readonly ReportGrouping[];
  readonly byLocation: boolean;
  /** An industry identifier, a range of your own, or `null` (no diagnosis status). */
  readonly industry: string | TurnoverRange | null;
  readonly negativeStock: "warn" | "error";
}

/**
 * The option names each level of a report's options reads (unknown ones are typos: see
 * `requireKnownOptions`); `stream` are those only `analyzeLedgerStream` reads. Each list is checked
 * against its options type by the compiler (`optionNames`): `replenishment` against
 * `ReplenishmentReportOptions`, so it follows `replenishmentFigures`' own options.
 */
const KNOWN = {
  top: optionNames<AnalyzeLedgerOptions>()([
    "period",
    "asOf",
    "valuation",
    "averageMethod",
    "turnoverBasis",
    "sellThroughVariant",
    "daysPerYear",
    "abc",
    "xyz",
    "demand",
    "replenishment",
    "slowDays",
    "deadDays",
    "movementBasis",
    "excessCoverDays",
    "agingBuckets",
    "nearExpiryDays",
    "skuInfo",
    "groupBy",
    "industry",
    "openingBalances",
    "negativeStock",
    "byLocation",
    "threads",
  ]),
  stream: optionNames<Omit<AnalyzeLedgerStreamOptions, keyof AnalyzeLedgerOptions>>()([
    "mode",
    "quantityDecimals",
    "moneyDecimals",
    "chunkRows",
  ]),
  abc: optionNames<AbcReportOptions>()([
    "measure",
    "cutoffs",
    "labels",
    "zeroValues",
    "negativeValues",
  ]),
  xyz: optionNames<XyzReportOptions>()(["bucket", "cutoffs", "labels"]),
  demand: optionNames<DemandReportOptions>()(["start", "partialBuckets", "stdDev"]),
  replenishment: optionNames<ReplenishmentReportOptions>()([
    "serviceLevel",
    "leadTimeDays",
    "leadTimeStdDevDays",
    "reviewPeriodDays",
    "orderCost",
    "holdingRate",
    "method",
    "coverDays",
    "fillRate",
    "bucket",
  ]),
};

const DEMAND_STARTS: readonly DemandStart[] = ["first-receipt", "period"];
const STD_DEVS: readonly StdDevVariant[] = ["sample", "population"];
const LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
const XYZ_LETTERS = ["X", "Y", "Z"];

/**
 * Checks every option of a report and fills in its default, before any data is read, so that a
 * typo fails at once and not after replaying a large ledger. Options that a calculator owns
 * (ABC and XYZ cutoffs and labels, the industry range) are checked by calling that calculator on an
 * empty input, so the rules live in one place. An option name the entry point does not read is a
 * typo (`invalid_option`); `streamOptions` allows `analyzeLedgerStream`'s own (`mode`,
 * `quantityDecimals`, `moneyDecimals`, `chunkRows`).
 *
 * @throws InvKpiError `invalid_argument` (options not an object), `invalid_period`, `invalid_date`,
 *   `invalid_option`, `out_of_range`, `invalid_money`, `unknown_industry`.
 */
export function resolveReportOptions(
  options: AnalyzeLedgerOptions,
  fn: string,
  streamOptions = false,
): ResolvedReportOptions {
  if (options === null || typeof options !== "object") {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: options must be an object with at least a period, got ${describeValue(options)}`,
      { path: ["options"] },
    );
  }
  const top = streamOptions ? [...KNOWN.top, ...KNOWN.stream] : KNOWN.top;
  requireKnownOptions(options, top, fn, [], levelsBut("top", top));
  const period = resolvePeriod(options.period, fn);
  const asOf = toDay(options.asOf ?? formatDay(period.to), `${fn}: asOf`);
  if (asOf < period.to) {
    throw new InvKpiError(
      "out_of_range",
      `${fn}: asOf (${formatDay(asOf)}) is before the period end (${formatDay(period.to)}); the report describes the stock at the end of the period`,
      { path: ["asOf"], details: { asOf: formatDay(asOf), periodTo: formatDay(period.to) } },
    );
  }
  const { slowDays, deadDays } = resolveIdleDays(options, fn);
  const bounds = options.agingBuckets ?? DEFAULT_AGING_BUCKETS;
  // agingBuckets owns the rules (its error names `buckets`; here the option is `agingBuckets`).
  probe(fn, "agingBuckets", () => agingBuckets(bounds, `${fn}: agingBuckets`), 1);
  const groupBy = resolveGroupBy(options.groupBy, fn);
  // Checked now with the rest; not part of the resolved options (how, not what, is computed).
  resolveThreads(options.threads, fn);
  return {
    period: { from: formatDay(period.from), to: formatDay(period.to), days: period.days },
    asOf: formatDay(asOf),
    valuation: requireVariant(options.valuation ?? "moving-average", VALUATIONS, fn, "valuation"),
    averageMethod: requireVariant(
      options.averageMethod ?? "daily",
      AVERAGE_METHODS,
      fn,
      "averageMethod",
    ),
    turnoverBasis: requireVariant(
      options.turnoverBasis ?? "cost",
      TURNOVER_BASES,
      fn,
      "turnoverBasis",
    ),
    sellThroughVariant: requireVariant(
      options.sellThroughVariant ?? "opening-plus-received",
      SELL_THROUGH_VARIANTS,
      fn,
      "sellThroughVariant",
    ),
    daysPerYear: requirePositive(options.daysPerYear ?? 365, fn, "daysPerYear"),
    abc: resolveAbc(subOptions(options.abc, "abc", fn, top), fn),
    xyz: resolveXyz(subOptions(options.xyz, "xyz", fn, top), fn),
    demand: resolveDemand(subOptions(options.demand, "demand", fn, top), fn),
    replenishment: resolveReplenishment(
      subOptions(options.replenishment, "replenishment", fn, top),
      fn,
    ),
    slowDays,
    deadDays,
    movementBasis: requireVariant(
      options.movementBasis ?? "issue",
      MOVEMENT_BASES,
      fn,
      "movementBasis",
    ),
    excessCoverDays: requireNonNegative(
      options.excessCoverDays ?? DEFAULT_EXCESS_COVER_DAYS,
      fn,
      "excessCoverDays",
    ),
    agingBuckets: [...bounds],
    nearExpiryDays: requireNonNegative(options.nearExpiryDays ?? 30, fn, "nearExpiryDays"),
    groupBy,
    byLocation: resolveByLocation(options.byLocation, groupBy, fn),
    industry: resolveIndustry(options.industry, fn),
    negativeStock: requireVariant(
      options.negativeStock ?? "warn",
      ["warn", "error"] as const,
      fn,
      "negativeStock",
    ),
  };
}

/**
 * A nested options object (`abc`, `xyz`, ...), `{}` when absent; `top` is the names the entry
 * point reads at the top level (for the hint at a misplaced one).
 */
function subOptions<T extends object>(
  value: T | undefined,
  name: (typeof GROUPS)[number],
  fn: string,
  top: readonly string[],
): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: ${name} must be an object of options, got ${describeValue(value)}`,
      { path: [name] },
    );
  }
  requireKnownOptions(value, KNOWN[name], fn, [name], levelsBut(name, top));
  return value;
}

/** The option groups a misplaced name may belong to, for its hint. */
const GROUPS = ["abc", "xyz", "demand", "replenishment"] as const;

/**
 * Every level of the report's options but `level`, for `requireKnownOptions`' hint; `top` is the
 * top level's names (with the stream's own, for the streaming entry points).
 */
function levelsBut(level: "top" | (typeof GROUPS)[number], top: readonly string[]): OptionLevel[] {
  const levels: OptionLevel[] = level === "top" ? [] : [{ path: [], names: top }];
  for (const group of GROUPS)
    if (group !== level) levels.push({ path: [group], names: KNOWN[group] });
  return levels;
}

function resolveDemand(
  demand: NonNullable<AnalyzeLedgerOptions["demand"]>,
  fn: string,
): ResolvedReportOptions["demand"] {
  return {
    start: requireVariant(demand.start ?? "first-receipt", DEMAND_STARTS, fn, "demand.start"),
    partialBuckets: requireVariant(
      demand.partialBuckets ?? "exclude",
      PARTIAL_BUCKETS,
      fn,
      "demand.partialBuckets",
    ),
    stdDev: requireVariant(demand.stdDev ?? "sample", STD_DEVS, fn, "demand.stdDev"),
  };
}

function resolveAbc(
  abc: NonNullable<AnalyzeLedgerOptions["abc"]>,
  fn: string,
): ResolvedReportOptions["abc"] {
  const measure = requireVariant(abc.measure ?? "cogs", ABC_MEASURES, fn, "abc.measure");
  const settings = {
    cutoffs: abc.cutoffs ?? [0.8, 0.95],
    zeroValues: abc.zeroValues ?? "last-class",
    negativeValues: abc.negativeValues ?? "zero",
  } as const;
  // abcClassify owns the rules for cutoffs, labels and variants: a call on no items checks them.
  probe(fn, "abc", () =>
    abcClassify([], { ...settings, ...(abc.labels === undefined ? {} : { labels: abc.labels }) }),
  );
  const labels = abc.labels ?? LETTERS.slice(0, settings.cutoffs.length + 1);
  return { measure, ...settings, cutoffs: [...settings.cutoffs], labels: [...labels] };
}

function resolveXyz(
  xyz: NonNullable<AnalyzeLedgerOptions["xyz"]>,
  fn: string,
): ResolvedReportOptions["xyz"] {
  const bucket = requireVariant(xyz.bucket ?? "week", DEMAND_BUCKETS, fn, "xyz.bucket");
  const cutoffs = xyz.cutoffs ?? [0.5, 1];
  probe(fn, "xyz", () =>
    xyzClassify([], { cutoffs, ...(xyz.labels === undefined ? {} : { labels: xyz.labels }) }),
  );
  const labels = xyz.labels ?? XYZ_LETTERS.slice(0, cutoffs.length + 1);
  return { bucket, cutoffs: [...cutoffs], labels: [...labels] };
}

function resolveReplenishment(
  r: NonNullable<AnalyzeLedgerOptions["replenishment"]>,
  fn: string,
): ResolvedReportOptions["replenishment"] {
  const optional = (value: number | undefined, name: string) =>
    value === undefined ? null : requireNonNegative(value, fn, `replenishment.${name}`);
  const method = requireVariant(
    r.method ?? "auto",
    SKU_SAFETY_STOCK_METHODS,
    fn,
    "replenishment.method",
  );
  if (
    (method === "daysOfCover" && r.coverDays === undefined) ||
    (method === "fillRate" && r.fillRate === undefined)
  ) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: replenishment method '${method}' needs the ${method === "fillRate" ? "fillRate" : "coverDays"} option`,
      { path: ["replenishment", method === "fillRate" ? "fillRate" : "coverDays"] },
    );
  }
  return {
    serviceLevel: requireOpenUnitInterval(r.serviceLevel ?? 0.95, fn, "replenishment.serviceLevel"),
    leadTimeDays: optional(r.leadTimeDays, "leadTimeDays"),
    leadTimeStdDevDays: optional(r.leadTimeStdDevDays, "leadTimeStdDevDays"),
    reviewPeriodDays: optional(r.reviewPeriodDays, "reviewPeriodDays"),
    orderCost:
      r.orderCost === undefined ? null : toDecimal(r.orderCost, `${fn}: replenishment.orderCost`),
    holdingRate: optional(r.holdingRate, "holdingRate"),
    method,
    coverDays: optional(r.coverDays, "coverDays"),
    fillRate:
      r.fillRate === undefined
        ? null
        : requireOpenUnitInterval(r.fillRate, fn, "replenishment.fillRate"),
    bucket: requireVariant(r.bucket ?? "day", DEMAND_BUCKETS, fn, "replenishment.bucket"),
  };
}

function resolveGroupBy(
  groupBy: AnalyzeLedgerOptions["groupBy"],
  fn: string,
): readonly ReportGrouping[] {
  if (groupBy === undefined) return [];
  if (!Array.isArray(groupBy)) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: groupBy must be an array of 'category', 'location' or 'month', got ${describeValue(groupBy)}`,
      { path: ["groupBy"] },
    );
  }
  const groupings = groupBy.map((g) => requireVariant(g, REPORT_GROUPINGS, fn, "groupBy"));
  if (new Set(groupings).size !== groupings.length) {
    throw new InvKpiError("invalid_option", `${fn}: groupBy lists a grouping twice`, {
      path: ["groupBy"],
      details: { groupBy: groupings },
    });
  }
  return groupings;
}

/** Location groups need location rows: `byLocation` follows `groupBy` unless said otherwise. */
function resolveByLocation(
  byLocation: boolean | undefined,
  groupBy: readonly ReportGrouping[],
  fn: string,
): boolean {
  const wantsLocations = groupBy.includes("location");
  if (byLocation === undefined) return wantsLocations;
  if (typeof byLocation !== "boolean") {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: byLocation must be true or false, got ${describeValue(byLocation)}`,
      { path: ["byLocation"] },
    );
  }
  if (wantsLocations && !byLocation) {
    throw new InvKpiError(
      "invalid_option",
      `${fn}: groupBy 'location' needs rows per location; leave byLocation out or set it to true`,
      { path: ["byLocation"] },
    );
  }
  return byLocation;
}

/**
 * Runs a calculator's check of the settings of one option, its error addressed to the report's
 * option: the message prefixed with the function and the option's name (unless the calculator was
 * given them), the path with the option's name in place of the calculator's first `drop` steps
 * (`['labels']` of `abcClassify` becomes `['abc', 'labels']`; `['buckets', 2]` of `agingBuckets`
 * becomes `['agingBuckets', 2]`).
 */
function probe(fn: string, option: string, check: () => unknown, drop = 0): void {
  try {
    check();
  } catch (e) {
    if (!(e instanceof InvKpiError)) throw e;
    const prefix = `${fn}: ${option}`;
    throw new InvKpiError(
      e.code,
      e.message.startsWith(prefix) ? e.message : `${prefix}: ${e.message}`,
      { path: [option, ...e.path.slice(drop)], details: e.details },
    );
  }
}

function resolveIndustry(
  industry: AnalyzeLedgerOptions["industry"],
  fn: string,
): string | TurnoverRange | null {
  if (industry === undefined || industry === null) return null;
  // `{ min: 1, mx: 3 }` would be a range without a maximum, silently.
  if (typeof industry === "object") requireKnownOptions(industry, ["min", "max"], fn, ["industry"]);
  // diagnoseTurnover owns the table and the range rules: a probe diagnosis checks them now.
  try {
    if (typeof industry === "string") diagnoseTurnover({ annualTurnover: 0, industry });
    else diagnoseTurnover({ annualTurnover: 0, range: industry });
  } catch (e) {
    if (!(e instanceof InvKpiError)) throw e;
    // diagnoseTurnover's `industry` or `range` is the report's `industry` (['range', 'max'] →
    // ['industry', 'max'], not ['industry', 'industry']).
    const [first] = e.path;
    const rest = first === "industry" || first === "range" ? e.path.slice(1) : e.path;
    throw new InvKpiError(e.code, `${fn}: industry: ${e.message}`, {
      path: ["industry", ...rest],
      details: e.details,
    });
  }
  if (typeof industry === "string") return industry;
  return industry.max === undefined
    ? { min: industry.min }
    : { min: industry.min, max: industry.max };
}
