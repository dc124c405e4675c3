import { requireNonNegative, requirePositive } from "../model/assert.js";
import { Decimal } from "../model/Decimal.js";
import { decimalsApart } from "../model/decimalsApart.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { quotientToNumber } from "../model/quotientToNumber.js";
import {
  anyForm,
  argumentNames,
  type FormInForce,
  formsInForce,
  requireFormNames,
} from "../model/requireKnownOptions.js";
import {
  annualizeTurnoverWithoutNameCheck,
  annualOfParts,
  quotientParts,
} from "../turnover/annualizeTurnover.js";
import { requireArgs } from "../turnover/guards.js";
import type { TurnoverQuotient } from "../turnover/TurnoverQuotient.js";
import type {
  Industry,
  IndustryTurnoverRange,
  IndustryTurnoverTable,
  TurnoverRange,
} from "./industryTurnoverRanges.js";
import { INDUSTRY_TURNOVER_RANGES } from "./industryTurnoverRanges.js";

/** Where a turnover falls against a normal range. */
export type TurnoverStatus = "below" | "within" | "above";

/** The turnover to diagnose: annual already, or over a period (then annualized first). */
export type DiagnosedTurnover =
  | {
      /** Turns per year (≥ 0). */
      readonly annualTurnover: number;
      readonly turnover?: never;
      readonly periodDays?: never;
      readonly daysPerYear?: never;
    }
  | {
      /**
       * Turnover measured over `periodDays` (≥ 0), e.g. a quarter's; or its exact parts
       * `{ sales, stock }`, which annualize with one rounding (see `annualizeTurnover`).
       */
      readonly turnover: number | TurnoverQuotient;
      /** Length of the measured period in days (> 0). */
      readonly periodDays: number;
      /** Days per year for annualizing; default 365. */
      readonly daysPerYear?: number;
      readonly annualTurnover?: never;
    };

/** The range to compare with: an industry of a table, or a range of your own. */
export type TurnoverBenchmark =
  | {
      /** An identifier of `table` (default table: `INDUSTRY_TURNOVER_RANGES`). */
      readonly industry: Industry | (string & {});
      /** Your own table of industries; default `INDUSTRY_TURNOVER_RANGES`. */
      readonly table?: IndustryTurnoverTable;
      readonly range?: never;
    }
  | {
      /** A normal annual range `{ min, max? }`; without `max` a turnover is never `above`. */
      readonly range: TurnoverRange;
      readonly industry?: never;
      readonly table?: never;
    };

/** Arguments of {@link diagnoseTurnover}. */
export type DiagnoseTurnoverArgs = DiagnosedTurnover & TurnoverBenchmark;

/** The verdict of {@link diagnoseTurnover}. */
export interface TurnoverDiagnosis {
  readonly status: TurnoverStatus;
  /** The annual range compared with. */
  readonly range: TurnoverRange;
  /** The annual turnover compared with the range. */
  readonly annualTurnover: number;
  /** Whether the turnover was measured over another period and annualized before comparing. */
  readonly annualized: boolean;
  /** The turnover as given and its period, when it was annualized. */
  readonly measuredTurnover?: number;
  readonly periodDays?: number;
  /** The industry compared with, when one was given. */
  readonly industry?: string;
  /** A plain-language verdict: what was compared, and what the status means for the business. */
  readonly message: string;
}

const FN = "diagnoseTurnover";

/** How the turnover is given: `daysPerYear` with an annual turnover would be ignored. */
const MEASURED = formsInForce({
  annual: {
    label: "{ annualTurnover }",
    names: argumentNames<Extract<DiagnosedTurnover, { annualTurnover: number }>>()([
      "annualTurnover",
    ]),
  },
  period: {
    label: "{ turnover, periodDays }",
    names: argumentNames<Extract<DiagnosedTurnover, { periodDays: number }>>()([
      "turnover",
      "periodDays",
      "daysPerYear",
    ]),
  },
});
/** The benchmark: a `table` with a range of your own would be ignored. */
const BENCHMARKS = formsInForce({
  industry: {
    label: "{ industry }",
    names: argumentNames<Extract<TurnoverBenchmark, { industry: string }>>()(["industry", "table"]),
  },
  range: {
    label: "{ range }",
    names: argumentNames<Extract<TurnoverBenchmark, { range: TurnoverRange }>>()(["range"]),
  },
});
/** Both forms given, or neither: the calculator says which to give. */
const ANY_MEASURED = anyForm([MEASURED.annual.given, MEASURED.period.given]);
const ANY_BENCHMARK = anyForm([BENCHMARKS.industry.given, BENCHMARKS.range.given]);

/** The forms `args` is in: the turnover's and the benchmark's, by the names given. */
function formsOf(args: DiagnoseTurnoverArgs): readonly FormInForce[] {
  const annual = args.annualTurnover !== undefined;
  const period = args.turnover !== undefined || args.periodDays !== undefined;
  const industry = args.industry !== undefined;
  return [
    annual === period ? ANY_MEASURED : annual ? MEASURED.annual : MEASURED.period,
    industry === (args.range !== undefined)
      ? ANY_BENCHMARK
      : industry
        ? BENCHMARKS.industry
        : BENCHMARKS.range,
  ];
}

/**
 * Compares an annual inventory turnover with the normal range of an industry (or a range of your
 * own) and says whether it is `below` (capital frozen in stock, overstock risk), `within`, or
 * `above` (possibly too lean: stock-out risk).
 *
 * below: annual turnover < min · within: min ≤ annual turnover ≤ max · above: annual turnover > max
 * (never `above` without `max`)
 *
 * Benchmarks are annual, so a turnover over another period (`{ turnover, periodDays }`) is first
 * annualized, turnover × 365 / periodDays, and the result says so (`annualized: true`, and the
 * message). Give the turnover as its parts (`turnover: { sales, stock }`) to annualize it with one
 * rounding: a turnover already rounded to a double can land a hair below a range's bound after
 * annualizing (2196 / 365 over 366 days: 5.999999999999999, `below` manufacturing's 6–10). The default table is `INDUSTRY_TURNOVER_RANGES` (rules of thumb from Chinese industry
 * reports, 2022–2023; see its caveats): pass `table` to use your own. Annualizing a season of a
 * seasonal business is misleading: compare it with that season's own range instead.
 *
 * @param args - the turnover (`annualTurnover`, or `turnover` with `periodDays`) and the benchmark
 *   (`industry` with an optional `table`, or `range`).
 * @returns the status, the range, the annual turnover compared, and a message.
 * @throws InvKpiError `unknown_industry` (an industry missing from the table), `invalid_argument`
 *   (not an object, not a finite number, both or neither of `industry` and `range`, both or neither
 *   of `annualTurnover` and `turnover`), `out_of_range` (a negative turnover, `periodDays` or
 *   `daysPerYear` ≤ 0, a range whose min is negative or whose max is below its min), `invalid_option`
 *   (a name it does not read, path `[name]`: a typo, "unknown argument 'daysperyear' (did you mean
 *   'daysPerYear'?)", or a name of the other form, "{ annualTurnover } does not read 'daysPerYear'
 *   ({ turnover, periodDays } does)", "{ range } does not read 'table' ({ industry } does)").
 * @example
 * ```ts
 * import { diagnoseTurnover } from "invkpi";
 * diagnoseTurnover({ annualTurnover: 4, industry: "manufacturing" }).status; // "below"
 * const q = diagnoseTurnover({ turnover: 3, periodDays: 91, industry: "wholesale" });
 * q.annualTurnover; // 12.03… (3 × 365 / 91)
 * q.status; // "within"
 * q.annualized; // true
 * diagnoseTurnover({ annualTurnover: 50, range: { min: 10 } }).status; // "within"
 * const parts = { turnover: { sales: 2196, stock: 365 }, periodDays: 366 };
 * diagnoseTurnover({ ...parts, industry: "manufacturing" }).annualTurnover; // 6 (not 5.999999999999999)
 * ```
 */
export function diagnoseTurnover(args: DiagnoseTurnoverArgs): TurnoverDiagnosis {
  requireArgs(args, FN);
  requireFormNames(args, formsOf(args), FN);
  const measured = annualOf(args);
  const benchmark = benchmarkOf(args);
  const { min, max } = benchmark.range;
  const annual = measured.annualTurnover;
  const status: TurnoverStatus =
    annual < min ? "below" : max !== undefined && annual > max ? "above" : "within";
  return {
    status,
    range: max === undefined ? { min } : { min, max },
    annualTurnover: annual,
    annualized: measured.periodDays !== undefined,
    ...(measured.periodDays === undefined
      ? {}
      : { measuredTurnover: measured.turnover, periodDays: measured.periodDays }),
    ...(benchmark.industry === undefined ? {} : { industry: benchmark.industry }),
    message: messageOf(status, measured, benchmark),
  };
}

interface Measured {
  readonly annualTurnover: number;
  readonly turnover: number;
  /** Set when the turnover was annualized. */
  readonly periodDays?: number;
  readonly daysPerYear: number;
}

function annualOf(args: DiagnosedTurnover): Measured {
  const hasAnnual = args.annualTurnover !== undefined;
  const hasPeriod = args.turnover !== undefined || args.periodDays !== undefined;
  if (hasAnnual === hasPeriod) {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: give either annualTurnover, or turnover with periodDays (not both)`,
      { path: hasAnnual ? ["turnover"] : ["annualTurnover"] },
    );
  }
  if (args.annualTurnover !== undefined) {
    const annual = requireNonNegative(args.annualTurnover, FN, "annualTurnover");
    return { annualTurnover: annual, turnover: annual, daysPerYear: 365 };
  }
  const periodDays = requirePositive(args.periodDays, FN, "periodDays");
  const daysPerYear = requirePositive(args.daysPerYear ?? 365, FN, "daysPerYear");
  const given = args.turnover;
  if (given !== null && typeof given === "object") {
    // Parts: the annual figure from them, rounded once (a boundary of the range stays a boundary).
    const { sales, stock } = quotientParts(given, FN);
    const annual = annualOfParts(sales, stock, periodDays, daysPerYear);
    const turnover = quotientToNumber(sales, stock);
    return { annualTurnover: annual, turnover, periodDays, daysPerYear };
  }
  const turnover = requireNonNegative(given, FN, "turnover");
  const annual = annualizeTurnoverWithoutNameCheck({ turnover, periodDays, daysPerYear }) as number;
  return { annualTurnover: annual, turnover, periodDays, daysPerYear };
}

interface Benchmark {
  readonly range: TurnoverRange;
  readonly industry?: string;
  readonly label?: string;
  readonly andMore: boolean;
}

function benchmarkOf(args: TurnoverBenchmark): Benchmark {
  if ((args.industry === undefined) === (args.range === undefined)) {
    throw new InvKpiError("invalid_argument", `${FN}: give either industry or range (not both)`, {
      path: args.industry === undefined ? ["industry"] : ["range"],
    });
  }
  if (args.range !== undefined) {
    return { range: checkedRange(args.range, "range", ["range"]), andMore: false };
  }
  const industry = args.industry as string;
  const table: IndustryTurnoverTable = args.table ?? INDUSTRY_TURNOVER_RANGES;
  if (typeof industry !== "string" || table === null || typeof table !== "object") {
    throw new InvKpiError("invalid_argument", `${FN}: industry must be text and table an object`, {
      path: typeof industry !== "string" ? ["industry"] : ["table"],
    });
  }
  if (!Object.hasOwn(table, industry)) {
    throw new InvKpiError(
      "unknown_industry",
      `${FN}: unknown industry ${describeValue(industry)}; known: ${Object.keys(table).join(", ")}`,
      { path: ["industry"], details: { industry, known: Object.keys(table) } },
    );
  }
  const row = table[industry] as IndustryTurnoverRange;
  return {
    range: checkedRange(row, `table.${industry}`, ["table", industry]),
    industry,
    label: row.label ?? industry,
    andMore: row.andMore === true,
  };
}

/**
 * A range, checked: `name` is how messages name it, `path` where it is (`['table', industry]`: an
 * industry's name may hold a dot).
 */
function checkedRange(range: TurnoverRange, name: string, path: readonly string[]): TurnoverRange {
  if (range === null || typeof range !== "object") {
    throw new InvKpiError("invalid_argument", `${FN}: ${name} must be an object { min, max? }`, {
      path,
    });
  }
  const min = requireNonNegative(range.min, FN, `${name}.min`, [...path, "min"]);
  if (range.max === undefined) return { min };
  const max = requireNonNegative(range.max, FN, `${name}.max`, [...path, "max"]);
  if (max < min) {
    throw new InvKpiError(
      "out_of_range",
      `${FN}: ${name}.max (${max}) is below ${name}.min (${min})`,
      {
        path: [...path, "max"],
        details: { min, max },
      },
    );
  }
  return { min, max };
}

function messageOf(status: TurnoverStatus, measured: Measured, benchmark: Benchmark): string {
  const { min, max } = benchmark.range;
  // The annual figure is the one judged: it shows the digits that keep it off the range's ends.
  const annual = format(measured.annualTurnover, [min, max]);
  const subject =
    measured.periodDays === undefined
      ? `Annual turnover ${annual}`
      : `Turnover ${format(measured.turnover)} over ${measured.periodDays} days, annualized to ` +
        `${annual} a year (× ${measured.daysPerYear} / ${measured.periodDays}),`;
  const rangeText = max === undefined ? `${format(min)} or more` : `${format(min)}–${format(max)}`;
  const against =
    benchmark.label === undefined
      ? `the normal range ${rangeText}`
      : `the normal range for ${benchmark.label} (${rangeText}${benchmark.andMore ? " and more" : ""})`;
  switch (status) {
    case "below":
      return `${subject} is below ${against}: capital is frozen in slow stock, with a risk of overstock, obsolescence and holding costs.`;
    case "within":
      return `${subject} is within ${against}.`;
    case "above": {
      const caveat = benchmark.andMore
        ? ` The source quotes this range as "and more", so a higher turnover is not unusual in ${benchmark.label}.`
        : "";
      return `${subject} is above ${against}: stock may be too lean, with a risk of stock-outs and lost sales.${caveat}`;
    }
  }
}

/**
 * A turnover for a message: at most two decimals, unless that would put it on or across one of
 * `bounds` (7.996 below a range of 8–15 is `7.996`, never `8`).
 */
function format(value: number, bounds: readonly (number | undefined)[] = []): string {
  if (Number.isInteger(value)) return String(value);
  // Rounded as decimalsApart rounds (half to even, exactly), not as Number#toFixed, whose binary
  // rounding could put 1.125 on a bound of 1.13 that decimalsApart kept it off.
  return new Decimal(String(value)).toDecimalPlaces(decimalsApart(value, bounds, 2)).toFixed();
}
