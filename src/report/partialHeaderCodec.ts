import { MOVEMENT_BASES } from "../aging/index.js";
import type { TurnoverRange } from "../benchmark/index.js";
import { DEMAND_BUCKETS, PARTIAL_BUCKETS } from "../demand/index.js";
import type { ReplayWarning } from "../ledger/index.js";
import { VALUATIONS } from "../model/SkuHistory.js";
import { SKU_SAFETY_STOCK_METHODS } from "../replenish/index.js";
import { AVERAGE_METHODS, SELL_THROUGH_VARIANTS, TURNOVER_BASES } from "../turnover/index.js";
import { ABC_MEASURES, REPORT_GROUPINGS } from "./AnalyzeLedgerOptions.js";
import {
  arrayOf,
  booleanCodec as boolean,
  countCodec as count,
  dayCodec as day,
  decimalCodec as decimal,
  type JsonCodec,
  JsonShapeError,
  nullable,
  numberCodec as number,
  objectOf,
  oneOf,
  optional,
  stringCodec as string,
} from "./jsonCodec.js";
import type { ResolvedReportOptions } from "./resolveReportOptions.js";

// The JSON forms of what a partial header carries besides its counts: the report's resolved
// options and the replay's warnings.

/** The report's options, every default filled in (`InventoryReport.options`). */
export const resolvedOptionsCodec: JsonCodec<ResolvedReportOptions> =
  objectOf<ResolvedReportOptions>({
    period: objectOf<ResolvedReportOptions["period"]>({ from: string, to: string, days: number }),
    asOf: string,
    valuation: oneOf(VALUATIONS),
    averageMethod: oneOf(AVERAGE_METHODS),
    turnoverBasis: oneOf(TURNOVER_BASES),
    sellThroughVariant: oneOf(SELL_THROUGH_VARIANTS),
    daysPerYear: number,
    abc: objectOf<ResolvedReportOptions["abc"]>({
      measure: oneOf(ABC_MEASURES),
      cutoffs: arrayOf(number),
      labels: arrayOf(string),
      zeroValues: oneOf(["last-class", "exclude"] as const),
      negativeValues: oneOf(["error", "zero"] as const),
    }),
    xyz: objectOf<ResolvedReportOptions["xyz"]>({
      bucket: oneOf(DEMAND_BUCKETS),
      cutoffs: arrayOf(number),
      labels: arrayOf(string),
    }),
    demand: objectOf<ResolvedReportOptions["demand"]>({
      start: oneOf(["first-receipt", "period"] as const),
      partialBuckets: oneOf(PARTIAL_BUCKETS),
      stdDev: oneOf(["sample", "population"] as const),
    }),
    replenishment: objectOf<ResolvedReportOptions["replenishment"]>({
      serviceLevel: number,
      leadTimeDays: nullable(number),
      leadTimeStdDevDays: nullable(number),
      reviewPeriodDays: nullable(number),
      orderCost: nullable(decimal),
      holdingRate: nullable(number),
      method: oneOf(SKU_SAFETY_STOCK_METHODS),
      coverDays: nullable(number),
      fillRate: nullable(number),
      bucket: oneOf(DEMAND_BUCKETS),
    }),
    slowDays: number,
    deadDays: number,
    movementBasis: oneOf(MOVEMENT_BASES),
    excessCoverDays: number,
    agingBuckets: arrayOf(number),
    nearExpiryDays: number,
    groupBy: arrayOf(oneOf(REPORT_GROUPINGS)),
    byLocation: boolean,
    industry: nullable(industryCodec()),
    negativeStock: oneOf(["warn", "error"] as const),
  });

/** An industry identifier (text) or a range of one's own `{ min, max? }`. */
function industryCodec(): JsonCodec<string | TurnoverRange> {
  const range = objectOf<TurnoverRange>({ min: number, max: optional(number) });
  return {
    encode: (value) => (typeof value === "string" ? value : range.encode(value)),
    write: (value, tape) => {
      tape.numbers.push(typeof value === "string" ? 0 : 1);
      if (typeof value === "string") tape.texts.push(value);
      else range.write(value, tape);
    },
    read: (tape) =>
      tape.numbers[tape.number++] === 0 ? (tape.texts[tape.text++] as string) : range.read(tape),
    decode: (json) => {
      if (typeof json === "string") return json;
      if (typeof json !== "object" || json === null) {
        throw new JsonShapeError("expected an industry identifier or a range { min, max }");
      }
      return range.decode(json);
    },
  };
}

/** A warning of the replay. */
export const replayWarningCodec: JsonCodec<ReplayWarning> = objectOf<ReplayWarning>({
  // Any code: the replay's list grows, and a warning is reported, never acted on.
  code: string as JsonCodec<ReplayWarning["code"]>,
  message: string,
  sku: optional(string),
  location: optional(string),
  date: optional(day),
  // A 0-based input row; a count of movements.
  row: optional(count),
  count: optional(count),
});
