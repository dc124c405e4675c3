import { requireFinite } from "../../model/assert.js";
import { describeValue, InvKpiError } from "../../model/InvKpiError.js";
import { optionNames, requireOptionNames } from "../../model/requireKnownOptions.js";

/** Options of `renderHtmlReport`. Every option has a default. */
export interface HtmlReportOptions {
  /** The page's title and first heading; default `'Inventory report'`. */
  readonly title?: string;
  /** A line under the title (the data's source, the company); default none. */
  readonly subtitle?: string;
  /** A currency label written after money headings (`'EUR'`, `'CNY'`); default none. */
  readonly currency?: string;
  /** Rows of the slow and dead stock table (largest value first); default 20. */
  readonly staleRows?: number;
  /** Rows of the reorder table (most urgent first); default 50. */
  readonly reorderRows?: number;
  /** Groups in the turnover chart and table (most inventory value first); default 30. */
  readonly groupRows?: number;
  /** Most points of the drawn Pareto curve (≥ 20); default 500. */
  readonly curvePoints?: number;
}

/** {@link HtmlReportOptions} with every default filled in. */
export interface ResolvedHtmlReportOptions {
  readonly title: string;
  readonly subtitle: string | null;
  readonly currency: string | null;
  readonly staleRows: number;
  readonly reorderRows: number;
  readonly groupRows: number;
  readonly curvePoints: number;
}

const FN = "renderHtmlReport";
/** The option names of `renderHtmlReport`. */
const OPTIONS = optionNames<HtmlReportOptions>()([
  "title",
  "subtitle",
  "currency",
  "staleRows",
  "reorderRows",
  "groupRows",
  "curvePoints",
]);

/**
 * Checks the options of `renderHtmlReport` and fills in the defaults.
 *
 * @throws InvKpiError `invalid_argument` (options not an object, a count that is not a finite
 *   number, a title that is not text), `out_of_range` (a count that is not a whole number at least
 *   its minimum: 0 rows, 1 group, 20 curve points), `invalid_option` (an unknown option name).
 */
export function resolveHtmlReportOptions(
  options: HtmlReportOptions | undefined,
): ResolvedHtmlReportOptions {
  // Absent is no options; anything else an object of known names (path ['options'] otherwise).
  requireOptionNames(options, OPTIONS, FN);
  const given = options ?? {};
  return {
    title: optionalText(given.title, "title") ?? "Inventory report",
    subtitle: optionalText(given.subtitle, "subtitle"),
    currency: optionalText(given.currency, "currency"),
    staleRows: count(given.staleRows, 20, 0, "staleRows"),
    reorderRows: count(given.reorderRows, 50, 0, "reorderRows"),
    groupRows: count(given.groupRows, 30, 1, "groupRows"),
    curvePoints: count(given.curvePoints, 500, 20, "curvePoints"),
  };
}

function optionalText(value: unknown, name: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== "string") {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: ${name} must be text, got ${describeValue(value)}`,
      { path: [name] },
    );
  }
  return value;
}

function count(value: unknown, fallback: number, min: number, name: string): number {
  if (value === undefined) return fallback;
  const n = requireFinite(value, FN, name);
  if (!Number.isInteger(n) || n < min) {
    throw new InvKpiError(
      "out_of_range",
      `${FN}: ${name} must be a whole number ≥ ${min}, got ${describeValue(n)}`,
      { path: [name], details: { value: n, min } },
    );
  }
  return n;
}
