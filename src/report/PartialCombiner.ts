import type { ReplayWarning } from "../ledger/index.js";
import { compareSkuLocation } from "../model/compareText.js";
import { displayPath } from "../model/fieldPath.js";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { SkuInfo } from "../model/SkuInfo.js";
import { type AnalysisFrame, analysisFrame, analysisMismatch } from "./analysisMismatch.js";
import type { SkuAnalysis } from "./analyzeSku.js";
import { combineAnalyses } from "./combineAnalyses.js";
import type { InventoryReport } from "./InventoryReport.js";
import { type Json, JsonShapeError } from "./jsonCodec.js";
import { mergeWarnings } from "./mergeWarnings.js";
import { PARTIAL_FORMAT_VERSION } from "./PartialRecord.js";
import { replayWarningCodec, resolvedOptionsCodec } from "./partialHeaderCodec.js";
import { reportOptionsOf } from "./reportOptionsOf.js";
import { type ResolvedReportOptions, resolveReportOptions } from "./resolveReportOptions.js";
import { skuAnalysisCodec } from "./skuAnalysisCodec.js";

/** Where a partial record came from, for messages (`label`) and for `InvKpiError.path`. */
export interface PartialPlace {
  /** `parts/part-00003:17`, or `partial 2, record 5`. */
  readonly label: string;
  /** The start of the error path, e.g. `["parts/part-00003", 17]`. */
  readonly path: readonly (string | number)[];
}

/** The first header seen: the options every other record must share. */
interface Reference {
  readonly options: ResolvedReportOptions;
  readonly json: Json;
  readonly label: string;
  /** What every SKU record is checked against (`analysisMismatch`), made once from the options. */
  readonly frame: AnalysisFrame;
}

/** A SKU record read before any header, checked against the options once a header comes. */
interface PendingRecord {
  readonly analysis: SkuAnalysis;
  readonly place: PartialPlace;
}

/**
 * Combines partial records (`toPartialRecords`, `invkpi analyze --partial`) into the report, one
 * record at a time, so that files can be streamed: `add` checks and keeps each record, `finish`
 * builds the report. Records may come in any order and from any number of shards; only their
 * contents count. The second phase of a sharded report (`docs/scaling.md`); {@link combinePartials}
 * is the one-call form.
 *
 * Checks: every record is a partial record of this format version with every field in shape and
 * in its range (dates are calendar days, flows of the period and ages ≥ 0, counts whole, a month's
 * days its span; the message and `path` name the place and the field); every header has the same
 * options (period included), and they obey the rules of `analyzeLedger`'s options (checked by
 * resolving them again: labels and cutoffs, days, ranges, the period's `days`); every SKU record
 * could have been computed with them (`analysisMismatch`: each calculator's result is about the
 * record's SKU and location; the aging buckets, months, period, basis, `asOf` and excess cover are
 * the options'; the status, expiry lots, annualized turnover and replenishment figures are those
 * the options' thresholds, `nearExpiryDays`, `daysPerYear` and replenishment settings give;
 * deviations are not negative); no SKU (or SKU and location) is in two records; there is at least
 * one header; the SKU records are as many as the headers announce (a lost line is noticed; a lost
 * shard, header and all, cannot be).
 *
 * @example
 * ```ts
 * import { PartialCombiner, toPartialRecords } from "invkpi";
 * const records = toPartialRecords(
 *   [{ sku: "A", date: "2025-01-01", type: "receipt", quantity: 2, unitCost: 3 }],
 *   { period: { from: "2025-01-01", to: "2025-01-31" } },
 * );
 * const combiner = new PartialCombiner();
 * records.forEach((record, i) => combiner.add(record, { label: `record ${i}`, path: [i] }));
 * combiner.finish().rows[0]?.closingValue.toFixed(2); // "6.00"
 * ```
 */
export class PartialCombiner {
  private reference: Reference | null = null;
  private readonly analyses: SkuAnalysis[] = [];
  /** Where each SKU's record was, by SKU and location. */
  private readonly places = new Map<string, string>();
  private readonly warnings: (readonly ReplayWarning[])[] = [];
  /** SKU records read before the first header. */
  private pending: PendingRecord[] = [];
  private announced = 0;

  /** @param fn - the public function to name in messages; default `'combinePartials'`. */
  constructor(private readonly fn = "combinePartials") {}

  /**
   * Checks one record and keeps it.
   *
   * @param record - a parsed partial record (one NDJSON line, `JSON.parse`d).
   * @throws InvKpiError `invalid_argument`: not a partial record, another format version, a field
   *   out of shape, options that break the rules of `analyzeLedger`'s options or differ from the
   *   first header's, a SKU record that the options could not have given (`analysisMismatch`;
   *   a record read before the first header is checked when it comes), a SKU already seen.
   */
  add(record: unknown, place: PartialPlace): void {
    const version = partialVersion(record);
    if (version !== PARTIAL_FORMAT_VERSION) {
      throw this.problem(
        place,
        [],
        version === null
          ? `not an invkpi partial record (a JSON object with "invkpiPartial"), got ${describeValue(record)}`
          : `a record of partial format version ${describeValue(version)}; this invkpi reads version ${PARTIAL_FORMAT_VERSION}`,
      );
    }
    const { kind } = record as { kind?: unknown };
    if (kind === "header") this.addHeader(record as Record<string, unknown>, place);
    else if (kind === "sku") this.addSku(record as Record<string, unknown>, place);
    else
      throw this.problem(place, ["kind"], `expected 'header' or 'sku', got ${describeValue(kind)}`);
  }

  /**
   * The report of every record added: the analyses sorted by SKU, then location (as one replay
   * sorts them), the warnings merged (`before_period` and `after_period` counts added up).
   *
   * @throws InvKpiError `invalid_argument`: no header, or fewer or more SKU records than the
   *   headers announce.
   */
  finish(): InventoryReport {
    const reference = this.reference;
    if (reference === null) {
      throw new InvKpiError(
        "invalid_argument",
        `${this.fn}: no partial header record: the partials give neither the options nor the warnings`,
        { path: [], details: { skuRecords: this.analyses.length } },
      );
    }
    if (this.announced !== this.analyses.length) {
      throw new InvKpiError(
        "invalid_argument",
        `${this.fn}: the headers announce ${this.announced} SKU records but ${this.analyses.length} were given: a partial is incomplete`,
        { path: [], details: { announced: this.announced, given: this.analyses.length } },
      );
    }
    const analyses = [...this.analyses].sort((a, b) => compareSkuLocation(a.history, b.history));
    return combineAnalyses(analyses, mergeWarnings(this.warnings), reference.options, this.fn);
  }

  private addHeader(record: Record<string, unknown>, place: PartialPlace): void {
    this.requireFields(record, ["invkpiPartial", "kind", "options", "skuCount", "warnings"], place);
    const options = this.decode(place, "options", () =>
      resolvedOptionsCodec.decode(record.options),
    );
    const { skuCount } = record;
    if (typeof skuCount !== "number" || !Number.isSafeInteger(skuCount) || skuCount < 0) {
      throw this.problem(place, ["skuCount"], `expected a count, got ${describeValue(skuCount)}`);
    }
    if (!Array.isArray(record.warnings)) {
      throw this.problem(place, ["warnings"], "expected an array of warnings");
    }
    const warnings = record.warnings.map((w, i) =>
      this.decode(place, "warnings", () => replayWarningCodec.decode(w), i),
    );
    const json = record.options as Json;
    if (this.reference === null) {
      this.requireValidOptions(options, place);
      this.reference = {
        options,
        json,
        label: place.label,
        frame: analysisFrame(options),
      };
      for (const pending of this.pending)
        this.requireMatchingRecord(pending.analysis, pending.place);
      this.pending = [];
    } else this.requireSameOptions(json, place);
    this.announced += skuCount;
    this.warnings.push(warnings);
  }

  /**
   * The options obey the rules of a single run's options: resolved again from their settings
   * (`reportOptionsOf`, `resolveReportOptions`), they are valid and come out the same (the period's
   * `days` is the period's). A hand-edited header would otherwise fail deep inside the
   * classification or rollups, with a path that names no record.
   */
  private requireValidOptions(options: ResolvedReportOptions, place: PartialPlace): void {
    let again: ResolvedReportOptions;
    try {
      again = resolveReportOptions(reportOptionsOf(options), "options");
    } catch (error) {
      if (!(error instanceof InvKpiError)) throw error;
      // The option's path from the options' root (`['abc', 'measure']`).
      throw new InvKpiError("invalid_argument", `${this.fn}: ${place.label}: ${error.message}`, {
        path: [...place.path, "options", ...error.path],
        details: { ...error.details, place: place.label, optionError: error.code },
      });
    }
    const given = resolvedOptionsCodec.encode(options);
    const expected = resolvedOptionsCodec.encode(again);
    const difference = firstDifference(expected, given);
    if (difference === null) return;
    throw this.problem(
      place,
      ["options", ...difference],
      `${describeValue(valueAt(given, difference))}, but the other options give ${describeValue(valueAt(expected, difference))}`,
    );
  }

  /** A SKU record could have come from a run with the options (`analysisMismatch`). */
  private requireMatchingRecord(analysis: SkuAnalysis, place: PartialPlace): void {
    const reference = this.reference as Reference;
    const mismatch = analysisMismatch(analysis, reference.frame);
    if (mismatch === null) return;
    throw this.problem(
      place,
      ["analysis", ...mismatch.path],
      mismatch.withOptions ? `${mismatch.message} (in ${reference.label})` : mismatch.message,
    );
  }

  private addSku(record: Record<string, unknown>, place: PartialPlace): void {
    this.requireFields(record, ["invkpiPartial", "kind", "analysis"], place);
    const analysis = this.decode(place, "analysis", () => skuAnalysisCodec.decode(record.analysis));
    if (analysis.info !== undefined) this.requireMasterData(analysis, place);
    const { sku, location } = analysis.history;
    const key = JSON.stringify([sku, location ?? null]);
    const earlier = this.places.get(key);
    if (earlier !== undefined) {
      const where = location === undefined ? "" : ` at ${describeValue(location)}`;
      throw this.problem(
        place,
        ["analysis", "history", "sku"],
        `SKU ${describeValue(sku)}${where} is also in ${earlier}: each SKU must be in one shard only`,
      );
    }
    if (this.reference === null) this.pending.push({ analysis, place });
    else this.requireMatchingRecord(analysis, place);
    this.places.set(key, place.label);
    this.analyses.push(analysis);
  }

  /**
   * The master data in a SKU record belongs to the record's SKU, and every field of it obeys
   * `SkuInfo`'s rules, as every single run checked it, in full, before its replay
   * (`requireSkuInfoList`): a hand-edited negative price or lead time would otherwise reach the
   * rows, the month sums and the cross-check of the replenishment figures unchecked. A shard's
   * own partial always combines, since its run refused any other master data.
   */
  private requireMasterData(analysis: SkuAnalysis, place: PartialPlace): void {
    const info = analysis.info as SkuInfo;
    const parsed = SkuInfo.safeParse(info);
    const issue = parsed.success ? undefined : parsed.error.issues[0];
    if (issue !== undefined) {
      const field = issue.path.map((step) => (typeof step === "symbol" ? String(step) : step));
      throw this.problem(place, ["analysis", "info", ...field], issue.message);
    }
    if (info.sku !== analysis.history.sku) {
      throw this.problem(
        place,
        ["analysis", "info", "sku"],
        `master data of SKU ${describeValue(info.sku)} in the record of SKU ${describeValue(analysis.history.sku)}`,
      );
    }
  }

  /** A record has exactly its fields: a field of another format is not silently ignored. */
  private requireFields(
    record: Record<string, unknown>,
    fields: readonly string[],
    place: PartialPlace,
  ): void {
    for (const key of Object.keys(record)) {
      if (!fields.includes(key)) throw this.problem(place, [key], "is not a field of this record");
    }
    for (const key of fields) {
      if (!(key in record)) throw this.problem(place, [key], "is missing");
    }
  }

  private requireSameOptions(json: Json, place: PartialPlace): void {
    const reference = this.reference as Reference;
    const difference = firstDifference(reference.json, json);
    if (difference === null) return;
    throw this.problem(
      place,
      ["options", ...difference],
      `${describeValue(valueAt(json, difference))} here, ${describeValue(valueAt(reference.json, difference))} in ${reference.label}; every shard of a report needs the same options`,
    );
  }

  /** Decodes one field of a record, turning a shape problem into an error with its place. */
  private decode<T>(place: PartialPlace, field: string, decode: () => T, index?: number): T {
    try {
      return decode();
    } catch (error) {
      if (!(error instanceof JsonShapeError)) throw error;
      const path = index === undefined ? [field, ...error.path] : [field, index, ...error.path];
      throw this.problem(place, path, error.message);
    }
  }

  private problem(
    place: PartialPlace,
    field: readonly (string | number)[],
    message: string,
  ): InvKpiError {
    const name = displayPath(field);
    return new InvKpiError(
      "invalid_argument",
      `${this.fn}: ${place.label}: ${name === "" ? "" : `${name}: `}${message}`,
      { path: [...place.path, ...field], details: { place: place.label } },
    );
  }
}

/** The `invkpiPartial` version of a record, or `null` when it is not a partial record at all. */
function partialVersion(record: unknown): unknown {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return null;
  return "invkpiPartial" in record ? record.invkpiPartial : null;
}

/** The path to the first place where two JSON values differ (key order aside), or `null`. */
function firstDifference(a: unknown, b: unknown): (string | number)[] | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return [];
  if (Array.isArray(a) !== Array.isArray(b)) return [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const step = Array.isArray(a) ? Number(key) : key;
    const inner = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
    );
    if (inner !== null) return [step, ...inner];
  }
  return null;
}

function valueAt(json: unknown, path: readonly (string | number)[]): unknown {
  let value = json;
  for (const step of path) value = (value as Record<string | number, unknown> | undefined)?.[step];
  return value;
}
