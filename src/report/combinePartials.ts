import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import type { InventoryReport } from "./InventoryReport.js";
import { PartialCombiner } from "./PartialCombiner.js";

const FN = "combinePartials";

/**
 * The report of a ledger analysed in shards: the partial records of every shard
 * (`toPartialRecords`, or the NDJSON lines of `invkpi analyze --partial`, parsed) combined into the
 * `InventoryReport` that `analyzeLedger` gives on the whole ledger: the rows, ABC and XYZ classes
 * across all SKUs, the totals and group rollups, the diagnosis, the ABC-XYZ matrix, and the
 * shards' warnings (`before_period` and `after_period` counts added up; other warnings' `row`
 * numbers count rows of their own shard's input).
 *
 * The options are the shards' own (each header carries them, and all must agree). Records may come
 * in any order, and a shard's records may be split or merged across the arrays given: only their
 * contents count. See `docs/scaling.md`.
 *
 * @param partials - the records of each shard (or any grouping of records: an error names a record
 *   by its array and position).
 * @returns the combined {@link InventoryReport}.
 * @throws InvKpiError `invalid_argument`, its `path` `[array index, record index, ...field]` and its
 *   message naming the place: not an iterable of iterables, not a partial record, another format
 *   version, a field out of shape or out of its range (a date that is not a calendar day, a
 *   negative flow, count or age, a month's days that are not its span), header options that break
 *   the rules of `analyzeLedger`'s options (path into `options`, e.g.
 *   `[0, 0, "options", "abc", "labels"]`), options (or period) that differ between headers, a SKU
 *   record that those options could not have given (a calculator's result of another SKU or
 *   location, other aging buckets, months, period or `asOf`, a negative deviation, a status,
 *   excess cover, expiry window, annualized turnover or replenishment figure that the options do
 *   not give: see `PartialCombiner`), a SKU in two records, no header, or fewer or more SKU
 *   records than the headers announce; `out_of_range` (path `asOf`) when `asOf` falls on or after
 *   the earliest movement that a shard's period left out; `negative_value` as `analyzeLedger`
 *   under `abc.negativeValues: 'error'`.
 * @example
 * ```ts
 * import { analyzeLedger, combinePartials, toPartialRecords } from "invkpi";
 * const options = { period: { from: "2025-01-01", to: "2025-01-31" } };
 * const a = toPartialRecords([{ sku: "A", date: "2025-01-02", type: "receipt", quantity: 5, unitCost: 2 }], options);
 * const b = toPartialRecords([{ sku: "B", date: "2025-01-03", type: "receipt", quantity: 1, unitCost: 9 }], options);
 * const report = combinePartials([a, b]);
 * report.rows.map((r) => r.sku); // ["A", "B"]
 * report.totals.turnover.closingValue.toFixed(2); // "19.00"
 * ```
 */
export function combinePartials(partials: Iterable<Iterable<unknown>>): InventoryReport {
  requireIterable(partials, "partials", []);
  const combiner = new PartialCombiner(FN);
  let shard = 0;
  for (const records of partials) {
    requireIterable(records, `partials[${shard}]`, [shard]);
    let index = 0;
    for (const record of records) {
      combiner.add(record, { label: `partial ${shard}, record ${index}`, path: [shard, index] });
      index++;
    }
    shard++;
  }
  return combiner.finish();
}

function requireIterable(value: unknown, name: string, path: readonly number[]): void {
  const iterable =
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    Symbol.iterator in value;
  if (!iterable || typeof value === "string") {
    throw new InvKpiError(
      "invalid_argument",
      `${FN}: ${name} must be an iterable of partial records, got ${describeValue(value)}`,
      { path },
    );
  }
}
