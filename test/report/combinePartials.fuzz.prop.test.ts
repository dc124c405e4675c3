import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/model/Decimal.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";
import type { Movement } from "../../src/model/Movement.js";
import {
  type AnalyzeLedgerOptions,
  combinePartials,
  type InventoryReport,
  PartialCombiner,
  toPartialRecords,
} from "../../src/report/index.js";
import { Q1_2024, WORKED_LEDGER, WORKED_SKU_INFO } from "./fixtures.js";

// Fuzz tests of the combine step of a sharded report (docs/scaling.md): partial records are input
// from files that may have been cut, merged or edited by hand, so `combinePartials` and
// `PartialCombiner` must refuse anything that is not a record a run could have written, with an
// `InvKpiError` whose `path` and message name the record and the field, and never crash (a
// TypeError) or give a report built on a value no run could give.
//
// (a) Arbitrary values (fc.anything, records of partial-record shape with arbitrary fields, real
//     records with a subtree replaced by anything): only InvKpiError, always with a path.
// (b) Real records (the worked ledger of fixtures.ts, as NDJSON gives them back) with one field of
//     one record patched with a tricky value: refused at that record and field, or (for a field
//     the report does not read) the same report; never a crash. FIELDS below is the partial
//     format's field list (docs/scaling.md, skuAnalysisCodec.ts, partialHeaderCodec.ts): the JSON
//     type of every field and, where a run's values have one, its domain (dates, counts, flows that
//     are never negative).
// Gaps found by these properties are listed in KNOWN_GAPS, each with an `it.fails` reproduction
// below: the property leaves those fields' domain out until the gap is closed.

/** The worked ledger, plus two lots with expiry dates (so that expiry lots are not empty). */
const LEDGER: readonly Movement[] = [
  ...WORKED_LEDGER,
  {
    sku: "NUT",
    date: "2024-02-01",
    type: "receipt",
    quantity: 5,
    unitCost: "0.60",
    location: "W1",
    lot: "L1",
    expiresOn: "2024-04-20",
  },
  {
    sku: "NUT",
    date: "2024-02-01",
    type: "receipt",
    quantity: 5,
    unitCost: "0.60",
    location: "W1",
    lot: "L0",
    expiresOn: "2024-03-20",
  },
];

/** Master data with every field, for BOLT: a partial record carries all of it. */
const SKU_INFO = WORKED_SKU_INFO.map((info) =>
  info.sku === "BOLT"
    ? {
        ...info,
        unitPrice: "3.10",
        standardCost: "2",
        serviceLevel: 0.9,
        leadTimeStdDevDays: 1,
        minOrderQuantity: 5,
        packSize: 10,
        onOrder: 0,
        backordered: 0,
        reserved: 1,
        orderCost: "5",
        holdingRate: 0.2,
      }
    : info,
);

const OPTIONS: AnalyzeLedgerOptions = {
  period: Q1_2024,
  skuInfo: SKU_INFO,
  groupBy: ["category", "month"],
  industry: "wholesale",
};

/** Two setups: one row per SKU, and one per SKU and location (records then carry `location`). */
const SETUPS = [OPTIONS, { ...OPTIONS, byLocation: true, groupBy: ["location", "month"] }].map(
  (options) => {
    const records = plain(toPartialRecords(LEDGER, options as AnalyzeLedgerOptions));
    return { records, json: JSON.stringify(combinePartials([records])) };
  },
);

/** Records as they come back from NDJSON text: plain, mutable JSON values. */
function plain(records: readonly unknown[]): Record<string, unknown>[] {
  return JSON.parse(JSON.stringify(records)) as Record<string, unknown>[];
}

type Path = readonly (string | number)[];

/** What `run` returns, or the InvKpiError it throws; anything else it throws is rethrown. */
function outcome<T>(run: () => T): { error: InvKpiError } | { value: T } {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof InvKpiError) return { error };
    throw error;
  }
}

/** A path as a message names it: `analysis.aging.buckets[2].toDays`. */
function dotted(path: Path): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
}

/** An error's path is a list of keys and indices. */
function expectPath(error: InvKpiError): void {
  expect(Array.isArray(error.path)).toBe(true);
  for (const step of error.path) expect(["string", "number"]).toContain(typeof step);
}

describe("combinePartials on arbitrary values", () => {
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
    maxDepth: 3,
  });
  const FORMAT = SETUPS[0]?.records[0]?.invkpiPartial as number;
  /** An object that looks like a partial record (version and kind right), with arbitrary fields. */
  const recordLike = fc
    .tuple(
      fc.constantFrom("header", "sku", "other"),
      fc.dictionary(
        fc.constantFrom(
          "options",
          "skuCount",
          "warnings",
          "analysis",
          "extra",
          "__proto__",
          "constructor",
        ),
        anything,
      ),
    )
    .map(([kind, fields]) => ({ invkpiPartial: FORMAT, kind, ...fields }));

  /** Every node of a JSON value, by path. */
  function paths(value: unknown, at: Path = []): Path[] {
    const found: Path[] = [at];
    if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        found.push(...paths(inner, [...at, Array.isArray(value) ? Number(key) : key]));
      }
    }
    return found;
  }

  /** A copy of `records` with the node at `path` of record `index` replaced by `value`. */
  function replaced(
    records: readonly unknown[],
    index: number,
    path: Path,
    value: unknown,
  ): unknown[] {
    const copy = plain(records) as unknown[];
    if (path.length === 0) copy[index] = value;
    else {
      let node = copy[index] as Record<string | number, unknown>;
      for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
      node[path.at(-1) as string | number] = value;
    }
    return copy;
  }

  test.prop([anything])("the partials themselves: anything at all", (partials) => {
    const result = outcome(() => combinePartials(partials as Iterable<Iterable<unknown>>));
    if ("error" in result) expectPath(result.error);
  });

  test.prop([
    fc.array(fc.array(fc.oneof(anything, recordLike), { maxLength: 4 }), { maxLength: 3 }),
  ])("arrays of arbitrary records, and of objects shaped like partial records", (partials) => {
    const result = outcome(() => combinePartials(partials));
    if ("error" in result) expectPath(result.error);
  });

  test.prop([fc.nat(), fc.nat(), fc.nat(), anything])(
    "real records with one node (a field, an object, an array, a whole record) replaced by anything",
    (setup, record, node, value) => {
      const { records } = SETUPS[setup % SETUPS.length] as (typeof SETUPS)[number];
      const index = record % records.length;
      const all = paths(records[index]);
      const path = all[node % all.length] as Path;
      const result = outcome(() => combinePartials([replaced(records, index, path, value)]));
      if ("error" in result) {
        const { error } = result;
        expectPath(error);
        if (error.path.length === 0) {
          // The one refusal of the input as a whole: the counts the headers announce.
          expect(error.message).toContain("the headers announce");
        } else {
          // Else the error names a record: [shard 0, its index, ...the field].
          const [shard, at] = error.path;
          expect(shard).toBe(0);
          expect(at).toBeTypeOf("number");
          expect(error.message).toContain(`combinePartials: partial 0, record ${at}`);
        }
      }
    },
  );

  test.prop([fc.array(fc.oneof(anything, recordLike), { maxLength: 6 })])(
    "PartialCombiner, record by record, then finish",
    (records) => {
      const combiner = new PartialCombiner();
      const result = outcome(() => {
        records.forEach((record, i) => {
          combiner.add(record, { label: `record ${i}`, path: ["file", i] });
        });
        return combiner.finish();
      });
      if ("error" in result) {
        expectPath(result.error);
        // An error of one record names it: its path starts with the place given to `add`.
        if (result.error.path.length > 0) expect(result.error.path[0]).toBe("file");
      }
    },
  );
});

/** What a field of a partial record holds: its JSON type and, where a run's values have one, domain. */
interface Field {
  /**
   * `enum`: text from a fixed list (none of the tricky values is on it); `money`: a number or any
   * text (master data as given); `industry`: text or a `{ min, max }` object.
   */
  readonly type:
    | "number"
    | "decimal"
    | "text"
    | "enum"
    | "money"
    | "boolean"
    | "industry"
    | "object"
    | "array"
    | "version";
  readonly nullable?: boolean;
  /**
   * Whether a value of the right type is one a run could write (given the original value);
   * absent: any value of the type is (a figure: another number is another report).
   */
  readonly domain?: (value: unknown, original: unknown) => boolean;
  /** The report does not read the field: when a value is taken, the report is the same. */
  readonly ignored?: boolean;
  /** A header option: a value of the right type is checked by resolving the options again. */
  readonly option?: boolean;
}

const isDay = (v: unknown): boolean => {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
};
const isMonth = (v: unknown): boolean => typeof v === "string" && isDay(`${v}-01`);
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isNonNegative = (v: unknown): boolean => typeof v === "number" && v >= 0;
const isSame = (v: unknown, original: unknown): boolean => Object.is(v, original);
/** A money amount of master data that `SkuInfo` takes: a finite decimal ≥ 0 (`-0` is zero). */
const isAmount = (v: unknown): boolean => {
  const text =
    typeof v === "number" && Number.isFinite(v) ? String(v) : typeof v === "string" ? v.trim() : "";
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && !new Decimal(text).lt(0);
};

const NUMBER: Field = { type: "number" };
const NUMBER_OR_NULL: Field = { type: "number", nullable: true };
const DECIMAL: Field = { type: "decimal" };
const TEXT: Field = { type: "text" };
const DAY: Field = { type: "text", domain: isDay };
const DAY_OR_NULL: Field = { type: "text", nullable: true, domain: (v) => v === null || isDay(v) };
const COUNT: Field = { type: "number", domain: isCount };
/** A flow of a period (received, issued, returned, moved): never negative. */
const FLOW: Field = { type: "number", domain: isNonNegative };
/** The SKU or location a calculator's result is about: the record's own. */
const OWNER: Field = { type: "text", domain: isSame };
/** A setting the record must share with the header's options (period days, basis, asOf, buckets). */
const SETTING: Field = { type: "text", domain: isSame };
const OPTION_NUMBER: Field = { type: "number", option: true };
const OPTION_ENUM: Field = { type: "enum", option: true };
const IGNORED_NUMBER: Field = { type: "number", nullable: true, ignored: true };
const IGNORED_MONEY: Field = { type: "money", nullable: true, ignored: true };

const DEMAND_STATISTICS: Record<string, Field> = {
  "": { type: "object" },
  mean: NUMBER,
  stdDev: { type: "number", nullable: true, domain: (v) => v === null || isNonNegative(v) },
  cv: NUMBER_OR_NULL,
  max: NUMBER,
  periods: COUNT,
};

/**
 * Every field of the partial format, by path with `*` for array indices (docs/scaling.md; the
 * codecs in skuAnalysisCodec.ts and partialHeaderCodec.ts).
 */
const FIELDS: Readonly<Record<string, Field>> = {
  // Both kinds of record.
  invkpiPartial: { type: "version" },
  kind: { type: "enum", domain: isSame },
  // The header.
  options: { type: "object" },
  "options.period": { type: "object" },
  "options.period.from": { type: "text", option: true },
  "options.period.to": { type: "text", option: true },
  "options.period.days": OPTION_NUMBER,
  "options.asOf": { type: "text", option: true },
  "options.valuation": OPTION_ENUM,
  "options.averageMethod": OPTION_ENUM,
  "options.turnoverBasis": OPTION_ENUM,
  "options.sellThroughVariant": OPTION_ENUM,
  "options.daysPerYear": OPTION_NUMBER,
  "options.abc": { type: "object" },
  "options.abc.measure": OPTION_ENUM,
  "options.abc.cutoffs": { type: "array" },
  "options.abc.cutoffs.*": OPTION_NUMBER,
  "options.abc.labels": { type: "array" },
  "options.abc.labels.*": { type: "text", option: true },
  "options.abc.zeroValues": OPTION_ENUM,
  "options.abc.negativeValues": OPTION_ENUM,
  "options.xyz": { type: "object" },
  "options.xyz.bucket": OPTION_ENUM,
  "options.xyz.cutoffs": { type: "array" },
  "options.xyz.cutoffs.*": OPTION_NUMBER,
  "options.xyz.labels": { type: "array" },
  "options.xyz.labels.*": { type: "text", option: true },
  "options.demand": { type: "object" },
  "options.demand.start": OPTION_ENUM,
  "options.demand.partialBuckets": OPTION_ENUM,
  "options.demand.stdDev": OPTION_ENUM,
  "options.replenishment": { type: "object" },
  "options.replenishment.serviceLevel": OPTION_NUMBER,
  "options.replenishment.leadTimeDays": { ...OPTION_NUMBER, nullable: true },
  "options.replenishment.leadTimeStdDevDays": { ...OPTION_NUMBER, nullable: true },
  "options.replenishment.reviewPeriodDays": { ...OPTION_NUMBER, nullable: true },
  "options.replenishment.orderCost": { type: "decimal", nullable: true, option: true },
  "options.replenishment.holdingRate": { ...OPTION_NUMBER, nullable: true },
  "options.replenishment.method": OPTION_ENUM,
  "options.replenishment.coverDays": { ...OPTION_NUMBER, nullable: true },
  "options.replenishment.fillRate": { ...OPTION_NUMBER, nullable: true },
  "options.replenishment.bucket": OPTION_ENUM,
  "options.slowDays": OPTION_NUMBER,
  "options.deadDays": OPTION_NUMBER,
  "options.movementBasis": OPTION_ENUM,
  "options.excessCoverDays": OPTION_NUMBER,
  "options.agingBuckets": { type: "array" },
  "options.agingBuckets.*": OPTION_NUMBER,
  "options.nearExpiryDays": OPTION_NUMBER,
  "options.groupBy": { type: "array" },
  "options.groupBy.*": OPTION_ENUM,
  "options.byLocation": { type: "boolean", option: true },
  "options.industry": { type: "industry", nullable: true, option: true },
  "options.negativeStock": OPTION_ENUM,
  skuCount: { type: "number", domain: isSame },
  warnings: { type: "array" },
  "warnings.*": { type: "object" },
  "warnings.*.code": TEXT,
  "warnings.*.message": TEXT,
  "warnings.*.sku": TEXT,
  "warnings.*.location": TEXT,
  "warnings.*.date": DAY,
  "warnings.*.row": COUNT,
  "warnings.*.count": COUNT,
  // A SKU record.
  analysis: { type: "object" },
  "analysis.history": { type: "object" },
  "analysis.history.sku": OWNER,
  "analysis.history.location": OWNER,
  // `null`: never issued (received), which a run writes; whether it fits is the rest's to say.
  "analysis.history.lastIssueDate": DAY_OR_NULL,
  "analysis.history.lastReceiptDate": DAY_OR_NULL,
  "analysis.history.issuesWithoutPrice": { type: "number", domain: isSame },
  "analysis.history.months": { type: "array" },
  "analysis.history.months.*": { type: "object" },
  "analysis.history.months.*.month": { type: "text", domain: isMonth },
  "analysis.history.months.*.from": DAY,
  "analysis.history.months.*.to": DAY,
  "analysis.history.months.*.days": {
    type: "number",
    domain: (v) => isCount(v) && (v as number) >= 1 && (v as number) <= 31,
  },
  "analysis.history.months.*.openingQuantity": NUMBER,
  "analysis.history.months.*.openingValue": DECIMAL,
  "analysis.history.months.*.closingQuantity": NUMBER,
  "analysis.history.months.*.closingValue": DECIMAL,
  "analysis.history.months.*.averageQuantity": NUMBER,
  "analysis.history.months.*.averageValue": DECIMAL,
  "analysis.history.months.*.receivedQuantity": FLOW,
  "analysis.history.months.*.receivedValue": DECIMAL,
  "analysis.history.months.*.issuedQuantity": FLOW,
  "analysis.history.months.*.returnedQuantity": FLOW,
  "analysis.history.months.*.transferredInQuantity": FLOW,
  "analysis.history.months.*.transferredOutQuantity": FLOW,
  "analysis.history.months.*.cogs": DECIMAL,
  "analysis.history.months.*.revenue": DECIMAL,
  // The months' counts add up to the history's: any other count is refused.
  "analysis.history.months.*.issuesWithoutPrice": { type: "number", domain: isSame },
  // Master data: the fields every run checks (SkuInfo's rules), and the ones it checks when used.
  "analysis.info": { type: "object", nullable: true },
  "analysis.info.sku": OWNER,
  "analysis.info.description": { type: "text", nullable: true },
  "analysis.info.category": { type: "text", nullable: true },
  "analysis.info.unitPrice": { type: "money", nullable: true, domain: isAmount },
  "analysis.info.leadTimeDays": {
    type: "number",
    nullable: true,
    domain: (v) => v === null || isNonNegative(v),
  },
  "analysis.info.serviceLevel": {
    type: "number",
    nullable: true,
    domain: (v) => v === null || ((v as number) > 0 && (v as number) < 1),
  },
  "analysis.info.standardCost": IGNORED_MONEY,
  "analysis.info.orderCost": IGNORED_MONEY,
  "analysis.info.leadTimeStdDevDays": IGNORED_NUMBER,
  "analysis.info.reviewPeriodDays": IGNORED_NUMBER,
  "analysis.info.minOrderQuantity": IGNORED_NUMBER,
  "analysis.info.packSize": IGNORED_NUMBER,
  "analysis.info.onOrder": IGNORED_NUMBER,
  "analysis.info.backordered": IGNORED_NUMBER,
  "analysis.info.reserved": IGNORED_NUMBER,
  "analysis.info.holdingRate": IGNORED_NUMBER,
  "analysis.turnover": { type: "object" },
  "analysis.turnover.sku": OWNER,
  "analysis.turnover.location": OWNER,
  "analysis.turnover.periodDays": { type: "number", domain: isSame },
  "analysis.turnover.basis": { type: "enum" },
  "analysis.turnover.averageMethod": { type: "enum" },
  "analysis.turnover.turnover": NUMBER_OR_NULL,
  "analysis.turnover.daysOfInventory": NUMBER_OR_NULL,
  "analysis.turnover.daysOfSupplyAtEnd": NUMBER_OR_NULL,
  "analysis.turnover.grossMargin": { type: "decimal", nullable: true },
  "analysis.turnover.gmroi": NUMBER_OR_NULL,
  "analysis.turnover.sellThrough": NUMBER_OR_NULL,
  "analysis.turnover.openingQuantity": NUMBER,
  "analysis.turnover.openingValue": DECIMAL,
  "analysis.turnover.closingQuantity": NUMBER,
  "analysis.turnover.closingValue": DECIMAL,
  "analysis.turnover.averageQuantity": NUMBER,
  "analysis.turnover.averageValue": DECIMAL,
  "analysis.turnover.averageRetailValue": { type: "decimal", nullable: true },
  "analysis.turnover.receivedQuantity": FLOW,
  "analysis.turnover.issuedQuantity": FLOW,
  "analysis.turnover.returnedQuantity": FLOW,
  "analysis.turnover.cogs": DECIMAL,
  "analysis.turnover.revenue": DECIMAL,
  "analysis.turnover.capitalTiedUp": DECIMAL,
  "analysis.turnover.averageCapital": DECIMAL,
  "analysis.turnover.issuesWithoutPrice": { type: "number", domain: isSame },
  "analysis.turnover.transferredInQuantity": FLOW,
  "analysis.turnover.transferredOutQuantity": FLOW,
  "analysis.turnover.shrinkageValue": DECIMAL,
  "analysis.turnover.shrinkageRate": NUMBER_OR_NULL,
  "analysis.turnover.reasons": { type: "object" },
  "analysis.turnover.reasons.*": TEXT,
  "analysis.annualizedTurnover": NUMBER_OR_NULL,
  ...Object.fromEntries(
    Object.entries(DEMAND_STATISTICS).flatMap(([key, field]) =>
      ["dailyDemand", "xyzDemand"].map((name) => [
        key === "" ? `analysis.${name}` : `analysis.${name}.${key}`,
        field,
      ]),
    ),
  ),
  "analysis.daysOfSupply": NUMBER_OR_NULL,
  "analysis.abcValue": DECIMAL,
  "analysis.replenishment": { type: "object" },
  "analysis.replenishment.method": { type: "enum" },
  "analysis.replenishment.demandMean": NUMBER_OR_NULL,
  "analysis.replenishment.demandStdDev": {
    type: "number",
    nullable: true,
    domain: (v) => v === null || isNonNegative(v),
  },
  "analysis.replenishment.safetyStock": NUMBER_OR_NULL,
  "analysis.replenishment.reorderPoint": NUMBER_OR_NULL,
  "analysis.replenishment.orderUpToLevel": NUMBER_OR_NULL,
  "analysis.replenishment.eoq": NUMBER_OR_NULL,
  "analysis.replenishment.inventoryPosition": NUMBER,
  "analysis.replenishment.suggestedOrder": NUMBER_OR_NULL,
  "analysis.replenishment.daysOfSupply": NUMBER_OR_NULL,
  "analysis.replenishment.reasons": { type: "object" },
  "analysis.replenishment.reasons.*": TEXT,
  "analysis.status": { type: "object" },
  "analysis.status.sku": OWNER,
  "analysis.status.location": OWNER,
  "analysis.status.status": { type: "enum" },
  "analysis.status.asOf": SETTING,
  "analysis.status.daysSinceLastIssue": {
    type: "number",
    nullable: true,
    domain: (v) => v === null || isCount(v),
  },
  "analysis.status.daysSinceLastMovement": {
    type: "number",
    nullable: true,
    domain: (v) => v === null || isCount(v),
  },
  "analysis.status.quantity": NUMBER,
  "analysis.status.value": DECIMAL,
  "analysis.excess": { type: "object" },
  "analysis.excess.sku": OWNER,
  "analysis.excess.location": OWNER,
  "analysis.excess.quantity": NUMBER,
  "analysis.excess.value": DECIMAL,
  "analysis.excess.coverDays": { type: "number", domain: isSame },
  "analysis.excess.demandPerDay": NUMBER,
  "analysis.excess.coverQuantity": NUMBER,
  "analysis.excess.excessQuantity": { type: "number", domain: isNonNegative },
  "analysis.excess.excessValue": DECIMAL,
  "analysis.aging": { type: "object" },
  "analysis.aging.sku": OWNER,
  "analysis.aging.location": OWNER,
  "analysis.aging.asOf": SETTING,
  "analysis.aging.buckets": { type: "array" },
  "analysis.aging.buckets.*": { type: "object" },
  "analysis.aging.buckets.*.label": SETTING,
  "analysis.aging.buckets.*.fromDays": { type: "number", domain: isSame },
  "analysis.aging.buckets.*.toDays": { type: "number", nullable: true, domain: isSame },
  "analysis.aging.buckets.*.quantity": NUMBER,
  "analysis.aging.buckets.*.value": DECIMAL,
  "analysis.aging.quantity": NUMBER,
  "analysis.aging.value": DECIMAL,
  "analysis.aging.averageAge": {
    type: "number",
    nullable: true,
    domain: (v) => v === null || isNonNegative(v),
  },
  "analysis.aging.quantityDays": DECIMAL,
  "analysis.aging.oldestAge": {
    type: "number",
    nullable: true,
    domain: (v) => v === null || isCount(v),
  },
  "analysis.aging.ageReason": { type: "enum", nullable: true },
  "analysis.expiry": { type: "object" },
  "analysis.expiry.sku": OWNER,
  "analysis.expiry.location": OWNER,
  "analysis.expiry.asOf": SETTING,
  "analysis.expiry.expired": { type: "array" },
  "analysis.expiry.expiring": { type: "array" },
  ...Object.fromEntries(
    ["expired", "expiring"].flatMap((list) =>
      Object.entries({
        "": { type: "object" } as Field,
        sku: OWNER,
        location: OWNER,
        lot: { type: "text", nullable: true },
        expiresOn: DAY,
        daysToExpiry: NUMBER,
        quantity: NUMBER,
        value: DECIMAL,
      }).map(([key, field]) => [
        key === "" ? `analysis.expiry.${list}.*` : `analysis.expiry.${list}.*.${key}`,
        field,
      ]),
    ),
  ),
  "analysis.expiry.expiredQuantity": FLOW,
  "analysis.expiry.expiredValue": DECIMAL,
  "analysis.expiry.expiringQuantity": FLOW,
  "analysis.expiry.expiringValue": DECIMAL,
};

/**
 * Fields whose domain combine does not check yet (each with an `it.fails` reproduction below): a
 * value of the right type outside the domain is taken, and the report shows it. The property checks
 * their type only.
 */
const KNOWN_GAPS: ReadonlySet<string> = new Set<string>([
  // None open. Closed: dates that are not dates (gap 1), negative flows (gap 2), counts and ages
  // (gap 3), a month's days (gap 4): their fields' domains are checked above.
]);

/** The field of a path: array indices and `reasons` keys as `*`. */
function fieldKey(path: Path): string {
  return path
    .map((step, i) => (typeof step === "number" || path[i - 1] === "reasons" ? "*" : step))
    .join(".");
}

/** The value at `path` of a JSON value. */
function valueAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  return node;
}

/** A copy of the records with the value at `path` of record `index` set to `value`. */
function patched(records: readonly unknown[], index: number, path: Path, value: unknown) {
  const copy = [...records];
  copy[index] = plain([records[index]])[0];
  const parent = valueAt(copy[index], path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = value;
  return copy;
}

/** Every field of a record (objects and arrays too), by path. */
function fieldPaths(value: unknown, at: Path = []): Path[] {
  const found: Path[] = at.length === 0 ? [] : [at];
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      found.push(...fieldPaths(inner, [...at, Array.isArray(value) ? Number(key) : key]));
    }
  }
  return found;
}

const isPlainObject = (v: unknown): boolean =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Whether a value has the field's JSON type: `true`, `false`, or `undefined` when only decoding
 * its inside can tell (an object for an object field: its own fields may be missing).
 */
function hasType(field: Field, v: unknown): boolean | undefined {
  if (v === null) return field.nullable === true;
  switch (field.type) {
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "decimal":
      return typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v);
    case "text":
      return typeof v === "string";
    case "money":
      return typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
    case "boolean":
      return typeof v === "boolean";
    case "industry":
      return typeof v === "string" || (isPlainObject(v) ? undefined : false);
    case "object":
      return isPlainObject(v) ? undefined : false;
    case "array":
      return Array.isArray(v) ? undefined : false;
    case "enum": // none of the tricky texts is a value of an enum
    case "version": // any other version is refused
      return false;
  }
}

/** The same JSON value (`undefined` and `NaN` included). */
function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b);
}

/** The report in a form `toEqual` compares in every field, warnings included. */
function reportView(report: InventoryReport): unknown {
  return JSON.parse(JSON.stringify(report));
}

/** Asserts that two reports are the same in every field (JSON texts first: fast when they are). */
function expectSameReport(actual: InventoryReport, expected: string, what: string): void {
  if (JSON.stringify(actual) === expected) return;
  expect(reportView(actual), what).toEqual(JSON.parse(expected));
}

/**
 * Combines the records of a setup with one field of one record patched, and checks the outcome:
 * - a value of the wrong type is refused at that record and field (path and message);
 * - a value of the right type outside the field's domain is refused, naming a record (a setting
 *   shared with the header may be found wrong on another record), or the report is the same (the
 *   field is not read);
 * - a field the report does not read gives the same report when its value is taken;
 * - anything else may give another report, but an error is an InvKpiError that names a record.
 */
function checkPatch(setup: number, index: number, path: Path, value: unknown): void {
  const { records, json } = SETUPS[setup] as (typeof SETUPS)[number];
  const key = fieldKey(path);
  const field = FIELDS[key];
  if (field === undefined) throw new Error(`no field spec for ${key}`);
  const original = valueAt(records[index], path);
  if (sameJson(value, original)) return;
  const typed = hasType(field, value);
  const result = outcome(() => combinePartials([patched(records, index, path, value)]));
  // A known gap's value of the right type: only no crash (outcome rethrows anything else).
  if (typed === true && KNOWN_GAPS.has(key)) return;
  // A value of the right type that no run could write (header options are not judged here: they
  // are checked by resolving them again).
  const outOfDomain =
    typed === true &&
    field.option !== true &&
    field.domain !== undefined &&
    !field.domain(value, original);
  const what = `record ${index}, ${dotted(path)} = ${String(value).slice(0, 20)}`;
  if ("value" in result) {
    expect(typed, `${what}: taken, though not of the field's type`).not.toBe(false);
    if (outOfDomain || field.ignored === true) {
      expectSameReport(result.value, json, `${what}: taken, and the report changed`);
    }
    return;
  }
  const { error } = result;
  expect(error.code, what).toBe("invalid_argument");
  if (typed === false) {
    const at = field.type === "version" ? [] : path;
    expect(error.path.slice(0, at.length + 2), what).toEqual([0, index, ...at]);
    expect(error.message, what).toContain(
      `combinePartials: partial 0, record ${index}${at.length === 0 ? "" : `: ${dotted(at)}`}`,
    );
    return;
  }
  if (key === "skuCount" && error.path.length === 0) {
    // The one refusal of the input as a whole: the counts the headers announce.
    expect(error.message, what).toContain("the headers announce");
    return;
  }
  // Any other refusal names a record and a field in it.
  const [shard, record] = error.path;
  expect(shard, what).toBe(0);
  expect(record, what).toBeTypeOf("number");
  expect(record as number, what).toBeLessThan(records.length);
  expect(error.path.length, what).toBeGreaterThan(2);
  expect(error.message, what).toContain(`combinePartials: partial 0, record ${record}: `);
}

/** Tricky values: wrong types, numbers as text, negative, huge, not finite, too long, null. */
const TRICKY: readonly unknown[] = [
  "x",
  true,
  {},
  { min: 1 },
  [],
  [1],
  undefined,
  "NaN",
  "Infinity",
  "",
  " ",
  "1e3",
  "1.5E-2",
  "12.50",
  "-1",
  "-0",
  "2024-02-30",
  "2024-13",
  "9".repeat(10_000),
  "x".repeat(100_000),
  -1,
  -0.5,
  -1e308,
  1e308,
  2 ** 53 + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  0,
  0.5,
  7,
  null,
];

describe("combinePartials on real records with one field patched", () => {
  it("has a field spec for every field of the records", () => {
    for (const { records } of SETUPS) {
      for (const record of records) {
        for (const path of fieldPaths(record))
          expect(FIELDS, dotted(path)).toHaveProperty([fieldKey(path)]);
      }
    }
  });

  it("every field, with a value of each kind the audit named", () => {
    // The property below draws fields at random; this covers each field of the format once, with
    // a wrong type, NaN as text, a negative and a huge number, a decimal with an exponent, null,
    // an object and a text too long for any code.
    const values = [true, "NaN", -1, 1e308, "1e3", null, { value: 1 }, "x".repeat(100_000)];
    const seen = new Set<string>();
    SETUPS.forEach(({ records }, setup) => {
      records.forEach((record, index) => {
        for (const path of fieldPaths(record)) {
          const key = `${record.kind} ${fieldKey(path)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          for (const value of values) checkPatch(setup, index, path, value);
        }
      });
    });
    expect(seen.size).toBeGreaterThan(200);
  });

  test.prop(
    [
      fc.nat({ max: SETUPS.length - 1 }),
      fc.nat(),
      fc.nat(),
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
        { weight: 1, arbitrary: fc.oneof(fc.double(), fc.string(), fc.integer()) },
      ),
    ],
    { numRuns: 400 },
  )(
    "refused with its record and field, or the same report; never a crash",
    (setup, record, node, value) => {
      const { records } = SETUPS[setup] as (typeof SETUPS)[number];
      const index = record % records.length;
      const paths = fieldPaths(records[index]);
      checkPatch(setup, index, paths[node % paths.length] as Path, value);
    },
  );
});

/**
 * The gaps the property found (once in KNOWN_GAPS, each with an `it.fails` until it was closed):
 * each test states what combine does with the value. Gap 5 was never in KNOWN_GAPS: the property
 * does not judge header options of the right type.
 */
describe("combinePartials: values no run could write, refused (gaps found by the fuzz properties)", () => {
  /** The worked ledger's records (SETUPS[0]) with one field of one record set, combined. */
  const combineEdited = (index: number, path: Path, value: unknown): InventoryReport =>
    combinePartials([patched((SETUPS[0] as (typeof SETUPS)[number]).records, index, path, value)]);
  const refusal = (path: Path) =>
    expect.objectContaining({ code: "invalid_argument", path: [0, ...path] }) as Error;

  it("the reproductions edit fields that the records have, and combine as they are", () => {
    const { records, json } = SETUPS[0] as (typeof SETUPS)[number];
    const edited: [number, Path, unknown][] = [
      [1, ["analysis", "history", "lastIssueDate"], "2024-02-10"],
      [1, ["analysis", "turnover", "receivedQuantity"], 150],
      [1, ["analysis", "status", "daysSinceLastIssue"], 50],
      [0, ["warnings", 0, "count"], 3],
      [1, ["analysis", "history", "months", 0, "days"], 31],
      [0, ["options", "excessCoverDays"], 180],
      [1, ["analysis", "excess", "coverDays"], 180],
    ];
    for (const [index, path, value] of edited) {
      expect(valueAt(records[index], path), dotted(path)).toBe(value);
      expectSameReport(combineEdited(index, path, value), json, dotted(path));
    }
  });

  it('gap 1: a lastIssueDate that is not a date (the row showed "NaN")', () => {
    expect(() => combineEdited(1, ["analysis", "history", "lastIssueDate"], "NaN")).toThrow(
      refusal([1, "analysis", "history", "lastIssueDate"]),
    );
  });

  it("gap 2: a negative received quantity (the row showed -1, the totals 209 instead of 360)", () => {
    expect(() => combineEdited(1, ["analysis", "turnover", "receivedQuantity"], -1)).toThrow(
      refusal([1, "analysis", "turnover", "receivedQuantity"]),
    );
  });

  it("gap 3: a negative daysSinceLastIssue (the row showed -1)", () => {
    expect(() => combineEdited(1, ["analysis", "status", "daysSinceLastIssue"], -1)).toThrow(
      refusal([1, "analysis", "status", "daysSinceLastIssue"]),
    );
  });

  it("gap 3: a negative warning count (the report's before_period count was -1)", () => {
    expect(() => combineEdited(0, ["warnings", 0, "count"], -1)).toThrow(
      refusal([0, "warnings", 0, "count"]),
    );
  });

  it("gap 4: a month of -1 days is refused at its record and field, not deep in the rollups", () => {
    // Before: out_of_range, "rollupTurnover: periodDays must be > 0, got -1", path ["periodDays"].
    expect(() => combineEdited(1, ["analysis", "history", "months", 0, "days"], -1)).toThrow(
      refusal([1, "analysis", "history", "months", 0, "days"]),
    );
  });

  it("gap 5: a header's excessCoverDays that its SKU records were not computed with", () => {
    // Every record's excess.coverDays is the options' excessCoverDays (180); the report's options
    // said 1e308 while its excess figures were computed with 180.
    expect(() => combineEdited(0, ["options", "excessCoverDays"], 1e308)).toThrow(
      expect.objectContaining({ code: "invalid_argument" }) as Error,
    );
  });

  it("a month's count of issues without a price that the months' sum and the history disagree on", () => {
    const path: Path = ["analysis", "history", "months", 0, "issuesWithoutPrice"];
    expect(valueAt((SETUPS[0] as (typeof SETUPS)[number]).records[1], path)).toBe(0);
    expect(() => combineEdited(1, path, 1)).toThrow(refusal([1, "analysis", "history", "months"]));
  });
});
