import type { ReplayWarning } from "../ledger/index.js";
import type { Json } from "./jsonCodec.js";

/**
 * The version of the partial-record format that this invkpi writes and reads. It changes whenever a
 * record's fields change; `combinePartials` refuses records of another version.
 */
export const PARTIAL_FORMAT_VERSION = 5;

/** A JSON object. */
export type JsonObject = { readonly [key: string]: Json };

/**
 * The first record of a shard's partial output: what the shard was computed with and what its
 * replay noticed. One per shard, written before the shard's SKU records.
 */
export interface PartialHeaderRecord {
  /** The format version, {@link PARTIAL_FORMAT_VERSION}; also marks the object as a partial record. */
  readonly invkpiPartial: number;
  readonly kind: "header";
  /**
   * The report's resolved options (`InventoryReport.options`), period included: every shard of
   * one report must have the same.
   */
  readonly options: JsonObject;
  /** How many SKU records the shard wrote: a lost line is noticed when combining. */
  readonly skuCount: number;
  /** The replay's warnings (JSON-safe as they are); their `row` counts rows of this shard's input. */
  readonly warnings: readonly ReplayWarning[];
}

/**
 * The analysis of one SKU (or SKU and location) of a shard: what the report reads of the replayed
 * history (`AnalyzedHistory`), the master data and every calculator's figures (`SkuAnalysis`), money as exact decimal text.
 */
export interface PartialSkuRecord {
  readonly invkpiPartial: number;
  readonly kind: "sku";
  readonly analysis: JsonObject;
}

/**
 * One line of a shard's partial output (`toPartialRecords`, `invkpi analyze --partial`): JSON-safe,
 * one object per line in NDJSON. See `docs/scaling.md` for every field.
 */
export type PartialRecord = PartialHeaderRecord | PartialSkuRecord;
