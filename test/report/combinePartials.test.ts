import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { InvKpiError } from "../../src/model/InvKpiError.js";
import {
  type AnalyzeLedgerOptions,
  analyzeLedger,
  combinePartials,
  PARTIAL_FORMAT_VERSION,
  PartialCombiner,
  type PartialRecord,
  toPartialRecords,
} from "../../src/report/index.js";
import { errorOf, Q1_2024, rowOf, WORKED_LEDGER, WORKED_SKU_INFO } from "./fixtures.js";
import { expectSameReport } from "./shards.js";

// The worked Q1 2024 ledger (fixtures.ts) split by SKU into two shards: {BOLT, PAINT} and
// {NUT, GLUE}. Figures worked by hand:
// - COGS (moving average): BOLT 30 + 20 units at 2.00 = 100.00; NUT 3 × 50 at 0.50 = 75.00; PAINT
//   and GLUE issued nothing in the period. Total 175.00, so across the shards BOLT ranks first with
//   a cumulative share of 100 / 175 = 4/7, NUT second with 175 / 175 = 1 (alone in their shards
//   each would rank first with a share of 1).
// - Movements before the period: PAINT's receipt (shard 1); GLUE's receipt and issue (shard 2):
//   1 + 2 = 3, one `before_period` warning with count 3.

const OPTIONS: AnalyzeLedgerOptions = {
  period: Q1_2024,
  skuInfo: WORKED_SKU_INFO,
  groupBy: ["category", "month"],
  industry: "wholesale",
};

const SHARD_SKUS = [
  ["BOLT", "PAINT"],
  ["NUT", "GLUE"],
] as const;

function shard(skus: readonly string[]): PartialRecord[] {
  return toPartialRecords(
    WORKED_LEDGER.filter((m) => skus.includes(m.sku)),
    OPTIONS,
  );
}

/** Records as they come back from NDJSON text: plain, mutable JSON values. */
function parsed(records: readonly PartialRecord[]): Record<string, unknown>[] {
  return records.map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
}

describe("combinePartials", () => {
  const [first, second] = SHARD_SKUS.map((skus) => shard(skus)) as [
    PartialRecord[],
    PartialRecord[],
  ];

  it("gives the single run's report from two shards, every field", () => {
    const combined = combinePartials([parsed(first), parsed(second)]);
    expectSameReport(combined, analyzeLedger(WORKED_LEDGER, OPTIONS), expect);
  });

  it("ranks ABC across the shards (hand computation above)", () => {
    const { rows } = combinePartials([first, second]);
    expect(rowOf(rows, "BOLT").abcRank).toBe(1);
    expect(rowOf(rows, "BOLT").abcCumulativeShare).toBe(4 / 7);
    expect(rowOf(rows, "NUT").abcRank).toBe(2);
    expect(rowOf(rows, "NUT").abcCumulativeShare).toBe(1);
    expect(rows.map((r) => r.sku)).toEqual(["BOLT", "GLUE", "NUT", "PAINT"]);
  });

  it("adds up the movements counted before the period (1 + 2 = 3)", () => {
    const counts = [first, second].map((records) => {
      const header = records[0];
      if (header?.kind !== "header") throw new Error("no header");
      return header.warnings.find((w) => w.code === "before_period")?.count;
    });
    expect(counts).toEqual([1, 2]);
    const { warnings } = combinePartials([first, second]);
    expect(warnings).toEqual([
      {
        code: "before_period",
        count: 3,
        message: "3 movement(s) before the period start 2024-01-01 built the opening balance",
      },
    ]);
  });

  it("takes the records in any order and any grouping", () => {
    const all = [...parsed(second), ...parsed(first)].reverse();
    expectSameReport(combinePartials([all]), combinePartials([first, second]), expect);
    expectSameReport(
      combinePartials([all.slice(0, 3), [], all.slice(3)]),
      combinePartials([first, second]),
      expect,
    );
  });

  it("writes JSON-safe records: a JSON round trip changes nothing", () => {
    expect(parsed(first)).toEqual(first);
    expect(first[0]).toMatchObject({
      invkpiPartial: PARTIAL_FORMAT_VERSION,
      kind: "header",
      skuCount: 2,
    });
  });

  describe("refuses bad partials with the place and the field", () => {
    it("a record that is not a partial record", () => {
      const e = errorOf(() => combinePartials([[...parsed(first), { sku: "BOLT" }]]));
      expect(e.code).toBe("invalid_argument");
      expect(e.path).toEqual([0, 3]);
      expect(e.message).toContain("partial 0, record 3: not an invkpi partial record");
    });

    it("a record of another format version", () => {
      const records = parsed(first);
      (records[1] as Record<string, unknown>).invkpiPartial = PARTIAL_FORMAT_VERSION + 1;
      const e = errorOf(() => combinePartials([records]));
      expect(e.code).toBe("invalid_argument");
      expect(e.message).toContain(`version ${PARTIAL_FORMAT_VERSION + 1}`);
    });

    it("a field out of shape, named by its path", () => {
      const records = parsed(first);
      const analysis = records[1]?.analysis as { turnover: Record<string, unknown> };
      analysis.turnover.cogs = 100;
      const e = errorOf(() => combinePartials([records]));
      expect(e.code).toBe("invalid_argument");
      expect(e.path).toEqual([0, 1, "analysis", "turnover", "cogs"]);
      expect(e.message).toContain(
        "analysis.turnover.cogs: expected an exact decimal as text, got 100",
      );
    });

    it("a missing field and a field of no record", () => {
      const missing = parsed(first);
      const analysis = (missing[1] as { analysis: Record<string, unknown> }).analysis;
      delete analysis.abcValue;
      expect(errorOf(() => combinePartials([missing])).path).toEqual([
        0,
        1,
        "analysis",
        "abcValue",
      ]);
      const extra = parsed(first);
      (extra[0] as Record<string, unknown>).comment = "hello";
      expect(errorOf(() => combinePartials([extra])).path).toEqual([0, 0, "comment"]);
    });

    const boltInfo = (records: readonly unknown[]): Record<string, unknown> =>
      (records[1] as { analysis: { info: Record<string, unknown> } }).analysis.info;

    it("master data out of SkuInfo's rules, or of another SKU, as analyzeLedger would refuse it", () => {
      // BOLT's record (shard 0, record 1) carries BOLT's master data: lead time 7 days.
      const negative = parsed(first);
      const info = boltInfo(negative);
      expect(info.sku).toBe("BOLT");
      info.leadTimeDays = -7;
      const e = errorOf(() => combinePartials([negative]));
      expect(e.code).toBe("invalid_argument");
      expect(e.path).toEqual([0, 1, "analysis", "info", "leadTimeDays"]);
      expect(e.message).toContain(
        "partial 0, record 1: analysis.info.leadTimeDays: must be a finite number ≥ 0",
      );

      const price = parsed(first);
      boltInfo(price).unitPrice = "-2.50";
      expect(errorOf(() => combinePartials([price])).message).toContain(
        "analysis.info.unitPrice: must be a decimal amount ≥ 0",
      );

      const other = parsed(first);
      boltInfo(other).sku = "NUT";
      expect(errorOf(() => combinePartials([other])).message).toContain(
        'analysis.info.sku: master data of SKU "NUT" in the record of SKU "BOLT"',
      );
    });

    it("has no partial of master data that a run once checked only when used (EOQ's orderCost, holdingRate)", () => {
      // No order cost is used without a holding rate, and PAINT and GLUE have no demand for an EOQ;
      // still, every run now checks every value of skuInfo up front (found by an input audit), so
      // neither the single run nor a shard makes a report or a partial of these.
      const skuInfo = WORKED_SKU_INFO.map((info) =>
        info.sku === "BOLT"
          ? { ...info, orderCost: "-3" }
          : info.sku === "NUT"
            ? info
            : { ...info, holdingRate: -0.1 },
      );
      const options = { ...OPTIONS, skuInfo };
      const fields = (e: InvKpiError) => e.issues.map((i) => `${i.row} ${i.field} ${i.code}`);
      const wanted = [
        "0 orderCost negative_money",
        "2 holdingRate invalid_quantity",
        "3 holdingRate invalid_quantity",
      ];
      expect(fields(errorOf(() => analyzeLedger(WORKED_LEDGER, options)))).toEqual(wanted);
      for (const skus of SHARD_SKUS) {
        const shard = WORKED_LEDGER.filter((m) => skus.includes(m.sku as never));
        expect(fields(errorOf(() => toPartialRecords(shard, options)))).toEqual(wanted);
      }
    });

    it("shards computed with different options or periods", () => {
      const other = toPartialRecords(
        WORKED_LEDGER.filter((m) => m.sku === "NUT"),
        { ...OPTIONS, period: { from: "2024-01-01", to: "2024-03-30" } },
      );
      const e = errorOf(() => combinePartials([first, other]));
      expect(e.code).toBe("invalid_argument");
      expect(e.path.slice(0, 3)).toEqual([1, 0, "options"]);
      expect(e.message).toContain(
        'partial 1, record 0: options.period.to: "2024-03-30" here, "2024-03-31" in partial 0, record 0',
      );
    });

    it("the same SKU in two shards", () => {
      const e = errorOf(() => combinePartials([first, shard(["BOLT"])]));
      expect(e.code).toBe("invalid_argument");
      expect(e.message).toContain('SKU "BOLT" is also in partial 0, record 1');
    });

    it("no header, or fewer SKU records than announced", () => {
      expect(errorOf(() => combinePartials([first.slice(1)])).message).toContain(
        "no partial header record",
      );
      expect(errorOf(() => combinePartials([first.slice(0, 2)])).message).toContain(
        "the headers announce 2 SKU records but 1 were given",
      );
    });

    it("partials that are not arrays of records", () => {
      expect(errorOf(() => combinePartials(5 as never)).code).toBe("invalid_argument");
      expect(errorOf(() => combinePartials([5] as never)).path).toEqual([0]);
    });
  });
});

describe("combinePartials: shards without SKUs", () => {
  const empty = toPartialRecords([], OPTIONS);

  it("gives the empty ledger's report from header-only shards", () => {
    expect(empty.length).toBe(1);
    const combined = combinePartials([empty, parsed(empty)]);
    expect(combined.rows).toEqual([]);
    expect(combined.totals.skuCount).toBe(0);
    expectSameReport(combined, analyzeLedger([], OPTIONS), expect);
  });

  it("adds nothing to the shards that have SKUs", () => {
    const [first, second] = SHARD_SKUS.map((skus) => shard(skus)) as [
      PartialRecord[],
      PartialRecord[],
    ];
    const combined = combinePartials([empty, first, parsed(empty), second]);
    expectSameReport(combined, analyzeLedger(WORKED_LEDGER, OPTIONS), expect);
    expect(combinePartials([first, empty]).rows.map((r) => r.sku)).toEqual(["BOLT", "PAINT"]);
  });
});

describe("combinePartials and PartialCombiner: the JSDoc examples", () => {
  it("runs combinePartials' example", () => {
    const options = { period: { from: "2025-01-01", to: "2025-01-31" } };
    const a = toPartialRecords(
      [{ sku: "A", date: "2025-01-02", type: "receipt", quantity: 5, unitCost: 2 }],
      options,
    );
    const b = toPartialRecords(
      [{ sku: "B", date: "2025-01-03", type: "receipt", quantity: 1, unitCost: 9 }],
      options,
    );
    const report = combinePartials([a, b]);
    expect(report.rows.map((r) => r.sku)).toEqual(["A", "B"]);
    expect(report.totals.turnover.closingValue.toFixed(2)).toBe("19.00");
  });

  it("runs PartialCombiner's example", () => {
    const records = toPartialRecords(
      [{ sku: "A", date: "2025-01-01", type: "receipt", quantity: 2, unitCost: 3 }],
      { period: { from: "2025-01-01", to: "2025-01-31" } },
    );
    const combiner = new PartialCombiner();
    records.forEach((record, i) => {
      combiner.add(record, { label: `record ${i}`, path: [i] });
    });
    expect(combiner.finish().rows[0]?.closingValue.toFixed(2)).toBe("6.00");
  });
});

describe("combinePartials: an asOf after movements that the period leaves out", () => {
  const options: AnalyzeLedgerOptions = { period: Q1_2024, asOf: "2024-04-10" };
  const shardA = [
    { sku: "A", date: "2024-01-02", type: "receipt", quantity: 5, unitCost: 1 },
    { sku: "A", date: "2024-04-20", type: "issue", quantity: 1 },
  ] as const;
  const shardB = [
    { sku: "B", date: "2024-01-02", type: "receipt", quantity: 5, unitCost: 1 },
    { sku: "B", date: "2024-04-05", type: "issue", quantity: 1 },
  ] as const;

  it("is refused by the shard that holds such a movement, as the whole ledger is", () => {
    // Found by an audit: `invkpi analyze --partial` wrote this shard, and only `combine` failed.
    const whole = errorOf(() => analyzeLedger([...shardA, ...shardB], options));
    const shard = errorOf(() => toPartialRecords(shardB, options));
    expect([shard.code, shard.path]).toEqual(["out_of_range", ["asOf"]]);
    expect(shard.details).toMatchObject({ firstLeftOut: "2024-04-05", leftOut: 1 });
    expect(shard.message).toBe(whole.message.replace(/^analyzeLedger/, "toPartialRecords"));
    expect(() => toPartialRecords(shardA, options)).not.toThrow();
  });

  it("is refused again on the shards' earliest movement left out when they are combined", () => {
    // A partial whose header says so (one that its writer did not check, e.g. edited): combine
    // checks the merged warnings itself, and the earlier movement (2024-04-05) decides.
    const [header, ...skus] = parsed(toPartialRecords(shardA, options));
    const warnings = (header as { warnings: { code: string; date?: string }[] }).warnings;
    const leftOut = warnings.find((w) => w.code === "after_period");
    expect(leftOut?.date).toBe("2024-04-20");
    if (leftOut !== undefined) leftOut.date = "2024-04-05";
    const shards = [
      [header, ...skus] as unknown as PartialRecord[],
      toPartialRecords(
        [{ sku: "B", date: "2024-01-02", type: "receipt", quantity: 5, unitCost: 1 }],
        options,
      ),
    ];
    const error = errorOf(() => combinePartials(shards));
    expect([error.code, error.path]).toEqual(["out_of_range", ["asOf"]]);
    expect(error.details).toMatchObject({ firstLeftOut: "2024-04-05", leftOut: 1 });
  });
});

describe("combinePartials: headers and records that a run could not have written (found by an audit)", () => {
  // A: 10 received on Jan 2, 5 on Mar 1; B: 10 received on Jan 2. Q1 2025 (90 days).
  const ledger = [
    { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
    { sku: "A", date: "2025-01-13", type: "issue", quantity: 4, unitPrice: 3 },
    { sku: "A", date: "2025-03-01", type: "receipt", quantity: 5, unitCost: 3 },
    { sku: "B", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
  ] as const;
  const options: AnalyzeLedgerOptions = { period: { from: "2025-01-01", to: "2025-03-31" } };
  /** Header, A's record, B's record: plain JSON to edit. */
  const records = () => parsed(toPartialRecords(ledger, options));
  type Edited = Record<string, Record<string, Record<string, unknown>>>;
  const header = (r: unknown[]) => (r[0] as Edited).options as Edited[string];
  const analysisOf = (r: unknown[], i: number) => (r[i] as Edited).analysis as Edited[string];

  it("the shard's own records combine", () => {
    expectSameReport(combinePartials([records()]), analyzeLedger(ledger, options), expect);
  });

  it("header options against the rules of analyzeLedger's options, with the field's path", () => {
    const cases: [string, (options: Edited[string]) => void, (string | number)[], string][] = [
      [
        "too few ABC labels",
        (o) => {
          (o.abc as Record<string, unknown>).labels = ["A", "B"];
        },
        ["abc", "labels"],
        "options: abc: abcClassify: labels must be an array of 3 strings",
      ],
      [
        "the reserved XYZ label",
        (o) => {
          (o.xyz as Record<string, unknown>).labels = ["X", "Y", "none"];
        },
        ["xyz", "labels"],
        "'none' is reserved",
      ],
      [
        "cutoffs out of order",
        (o) => {
          (o.abc as Record<string, unknown>).cutoffs = [0.95, 0.8];
        },
        ["abc", "cutoffs", 1],
        "cutoffs must be strictly increasing",
      ],
      [
        "aging bounds out of order",
        (o) => {
          o.agingBuckets = [30, 20] as never;
        },
        ["agingBuckets", 1],
        "options: agingBuckets: buckets must be strictly increasing",
      ],
      [
        "a service level of 1",
        (o) => {
          (o.replenishment as Record<string, unknown>).serviceLevel = 1;
        },
        ["replenishment", "serviceLevel"],
        "options: replenishment.serviceLevel must be in (0, 1), got 1",
      ],
      [
        "a period's days that are not the period's",
        (o) => {
          (o.period as Record<string, unknown>).days = 365;
        },
        ["period", "days"],
        "options.period.days: 365, but the other options give 90",
      ],
    ];
    for (const [name, edit, field, message] of cases) {
      const r = records();
      edit(header(r));
      const e = errorOf(() => combinePartials([r]));
      expect(e.code, name).toBe("invalid_argument");
      expect(e.path, name).toEqual([0, 0, "options", ...field]);
      expect(e.message, name).toContain("combinePartials: partial 0, record 0: ");
      expect(e.message, name).toContain(message);
    }
  });

  it("aging buckets that are not the header's: not combined into shifted columns", () => {
    const r = records();
    header(r).agingBuckets = [30] as never;
    const e = errorOf(() => combinePartials([r]));
    expect(e.code).toBe("invalid_argument");
    expect(e.path).toEqual([0, 1, "analysis", "aging", "buckets"]);
    expect(e.message).toContain(
      "partial 0, record 1: analysis.aging.buckets: 6 buckets, but the options' agingBuckets [30] make 2",
    );
    const bound = records();
    const buckets = analysisOf(bound, 1).aging?.buckets as Record<string, unknown>[];
    (buckets[1] as Record<string, unknown>).toDays = 61;
    expect(errorOf(() => combinePartials([bound])).path).toEqual([
      0,
      1,
      "analysis",
      "aging",
      "buckets",
      1,
      "toDays",
    ]);
  });

  it("a calculator's result of another SKU or location than the record's history", () => {
    const r = records();
    analysisOf(r, 2).status = { ...analysisOf(r, 2).status, sku: "Z" };
    const e = errorOf(() => combinePartials([r]));
    expect(e.path).toEqual([0, 2, "analysis", "status", "sku"]);
    expect(e.message).toContain(
      'partial 0, record 2: analysis.status.sku: the result of SKU "Z" in the record of SKU "B"',
    );
    const located = records();
    analysisOf(located, 1).turnover = { ...analysisOf(located, 1).turnover, location: "W9" };
    expect(errorOf(() => combinePartials([located])).path).toEqual([
      0,
      1,
      "analysis",
      "turnover",
      "location",
    ]);
  });

  it("a negative deviation, and a figure of another period or asOf", () => {
    const r = records();
    analysisOf(r, 2).xyzDemand = { ...analysisOf(r, 2).xyzDemand, stdDev: -1 };
    const e = errorOf(() => combinePartials([r]));
    expect(e.path).toEqual([0, 2, "analysis", "xyzDemand", "stdDev"]);
    expect(e.message).toContain("a standard deviation must be ≥ 0, got -1");
    const days = records();
    analysisOf(days, 1).turnover = { ...analysisOf(days, 1).turnover, periodDays: 365 };
    expect(errorOf(() => combinePartials([days])).message).toContain(
      "analysis.turnover.periodDays: 365, but the options' period.days is 90",
    );
  });

  it("checks a record read before any header once the header comes, naming the record", () => {
    const r = records();
    analysisOf(r, 2).xyzDemand = { ...analysisOf(r, 2).xyzDemand, stdDev: -1 };
    const e = errorOf(() => combinePartials([[r[1], r[2]], [r[0]]]));
    expect(e.path).toEqual([0, 1, "analysis", "xyzDemand", "stdDev"]);
  });
});

describe("combinePartials: values out of their range, and options the records were not computed with (fuzz gaps 1-5)", () => {
  // Q1 2025 (90 days, asOf 2025-03-31), grouped by month. A: 10 received on Jan 2, 4 issued on
  // Jan 13 (77 days before asOf), 5 of lot L1 received on Mar 1, expiring on Apr 20 (20 days after
  // asOf, within the default 30); 11 on hand. B: 10 received on Jan 2, and one issue on Apr 5,
  // after the period: an `after_period` warning with count 1 and date 2025-04-05.
  const ledger = [
    { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
    { sku: "B", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
    { sku: "A", date: "2025-01-13", type: "issue", quantity: 4, unitPrice: 3 },
    {
      sku: "A",
      date: "2025-03-01",
      type: "receipt",
      quantity: 5,
      unitCost: 3,
      lot: "L1",
      expiresOn: "2025-04-20",
    },
    { sku: "B", date: "2025-04-05", type: "issue", quantity: 1 },
  ] as const;
  const options: AnalyzeLedgerOptions = {
    period: { from: "2025-01-01", to: "2025-03-31" },
    groupBy: ["month"],
  };
  type Json = Record<string | number, unknown>;
  /** The header (record 0), then A (record 1) and B (record 2), as plain JSON. */
  const records = () => parsed(toPartialRecords(ledger, options));
  /** The records with the value at `path` of record `index` set (the last step of the path). */
  const edited = (index: number, path: (string | number)[], value: unknown): unknown[] => {
    const r = records();
    let node = r[index] as Json;
    for (const step of path.slice(0, -1)) node = node[step] as Json;
    node[path.at(-1) as string | number] = value;
    return r;
  };
  /** The error of combining the records with one value edited: its path and message. */
  const refusal = (index: number, path: (string | number)[], value: unknown) => {
    const e = errorOf(() => combinePartials([edited(index, path, value)]));
    return { code: e.code, path: e.path, message: e.message };
  };
  const at = (index: number, ...field: (string | number)[]) => ({
    code: "invalid_argument",
    path: [0, index, ...field],
  });

  it("the records as written combine to the single run's report", () => {
    const r = records();
    const warnings = (r[0] as { warnings: Json[] }).warnings;
    expect(warnings).toEqual([expect.objectContaining({ count: 1, date: "2025-04-05" })]);
    expectSameReport(combinePartials([r]), analyzeLedger(ledger, options), expect);
  });

  it("gap 1: a date that is not a calendar day, named with its record and field", () => {
    expect(refusal(1, ["analysis", "history", "lastIssueDate"], "NaN")).toEqual({
      ...at(1, "analysis", "history", "lastIssueDate"),
      message:
        "combinePartials: partial 0, record 1: analysis.history.lastIssueDate: expected a calendar day as 'YYYY-MM-DD', got \"NaN\"",
    });
    expect(refusal(2, ["analysis", "history", "months", 1, "to"], "2025-02-30")).toMatchObject({
      ...at(2, "analysis", "history", "months", 1, "to"),
      message: expect.stringContaining(
        "partial 0, record 2: analysis.history.months[1].to: expected a calendar day as 'YYYY-MM-DD', got \"2025-02-30\"",
      ),
    });
    expect(refusal(1, ["analysis", "history", "months", 0, "month"], "2025-13")).toMatchObject({
      ...at(1, "analysis", "history", "months", 0, "month"),
      message: expect.stringContaining("expected a calendar month as 'YYYY-MM', got \"2025-13\""),
    });
    expect(refusal(0, ["warnings", 0, "date"], "2025-04-31")).toMatchObject({
      ...at(0, "warnings", 0, "date"),
      message: expect.stringContaining(
        "partial 0, record 0: warnings[0].date: expected a calendar day as 'YYYY-MM-DD', got \"2025-04-31\"",
      ),
    });
    // A real day that is not the last receipt's: after the period, where a run leaves movements out.
    expect(refusal(1, ["analysis", "history", "lastReceiptDate"], "2025-04-02")).toMatchObject({
      ...at(1, "analysis", "history", "lastReceiptDate"),
      message: expect.stringContaining(
        "analysis.history.lastReceiptDate: 2025-04-02 is after the options' period end 2025-03-31",
      ),
    });
  });

  it("gap 2: a negative flow of the period, named with its record and field", () => {
    expect(refusal(1, ["analysis", "turnover", "receivedQuantity"], -15)).toEqual({
      ...at(1, "analysis", "turnover", "receivedQuantity"),
      message:
        "combinePartials: partial 0, record 1: analysis.turnover.receivedQuantity: expected a number ≥ 0, got -15",
    });
    for (const field of [
      ["analysis", "history", "months", 0, "issuedQuantity"],
      ["analysis", "turnover", "transferredOutQuantity"],
      ["analysis", "expiry", "expiringQuantity"],
      ["analysis", "excess", "excessQuantity"],
    ]) {
      expect(refusal(1, field, -1), field.join(".")).toMatchObject({
        ...at(1, ...field),
        message: expect.stringContaining("expected a number ≥ 0, got -1"),
      });
    }
  });

  it("gap 2: what a run does write below zero combines (negative stock, net returns)", () => {
    // C: 5 issued with nothing on hand (stock -5), 3 received, 2 issued, then 8 returned: 8 back
    // against 7 issued, a net demand of -1. D: 7 issued and never received (closing -7).
    const negative = [
      { sku: "C", date: "2025-01-05", type: "issue", quantity: 5, unitPrice: 4 },
      { sku: "C", date: "2025-01-06", type: "receipt", quantity: 3, unitCost: 2 },
      { sku: "C", date: "2025-02-01", type: "issue", quantity: 2, unitPrice: 4 },
      { sku: "C", date: "2025-02-03", type: "return", quantity: 8, unitCost: 2, unitPrice: 4 },
      { sku: "D", date: "2025-01-05", type: "issue", quantity: 7, unitCost: 1 },
    ] as const;
    const single = analyzeLedger(negative, options);
    expect(single.rows.map((row) => row.closingQuantity)).toEqual([4, -7]);
    expectSameReport(
      combinePartials([parsed(toPartialRecords(negative, options))]),
      single,
      expect,
    );
  });

  it("gap 3: an impossible count or age, named with its record and field", () => {
    expect(refusal(1, ["analysis", "status", "daysSinceLastIssue"], -1)).toEqual({
      ...at(1, "analysis", "status", "daysSinceLastIssue"),
      message:
        "combinePartials: partial 0, record 1: analysis.status.daysSinceLastIssue: expected a whole number ≥ 0, got -1",
    });
    // A count, but not the days from the last issue (Jan 13) to asOf (Mar 31): 77.
    expect(refusal(1, ["analysis", "status", "daysSinceLastIssue"], 50)).toEqual({
      ...at(1, "analysis", "status", "daysSinceLastIssue"),
      message:
        "combinePartials: partial 0, record 1: analysis.status.daysSinceLastIssue: 50, but analysis.history.lastIssueDate 2025-01-13 is 77 days before asOf 2025-03-31",
    });
    expect(refusal(1, ["analysis", "aging", "averageAge"], -0.5)).toMatchObject({
      ...at(1, "analysis", "aging", "averageAge"),
      message: expect.stringContaining("analysis.aging.averageAge: expected a number ≥ 0"),
    });
    expect(refusal(1, ["analysis", "aging", "oldestAge"], 88.5)).toMatchObject({
      ...at(1, "analysis", "aging", "oldestAge"),
      message: expect.stringContaining("analysis.aging.oldestAge: expected a whole number ≥ 0"),
    });
    expect(refusal(0, ["warnings", 0, "count"], -1)).toEqual({
      ...at(0, "warnings", 0, "count"),
      message:
        "combinePartials: partial 0, record 0: warnings[0].count: expected a whole number ≥ 0, got -1",
    });
    expect(refusal(0, ["warnings", 0, "count"], 1.5).path).toEqual([0, 0, "warnings", 0, "count"]);
  });

  it("gap 4: a month's days that are not its span, named with its record and field", () => {
    // Before: a month of -1 days failed in rollupTurnover, path ["periodDays"], no record named.
    expect(refusal(1, ["analysis", "history", "months", 0, "days"], -1)).toEqual({
      ...at(1, "analysis", "history", "months", 0, "days"),
      message:
        "combinePartials: partial 0, record 1: analysis.history.months[0].days: expected a whole number from 1 to 31, got -1",
    });
    for (const days of [0, 0.5, 1e308]) {
      expect(refusal(1, ["analysis", "history", "months", 0, "days"], days).path).toEqual([
        0,
        1,
        "analysis",
        "history",
        "months",
        0,
        "days",
      ]);
    }
    expect(refusal(2, ["analysis", "history", "months", 0, "days"], 30)).toEqual({
      ...at(2, "analysis", "history", "months", 0, "days"),
      message:
        "combinePartials: partial 0, record 2: analysis.history.months[0].days: 30 days, but from 2025-01-01 to 2025-01-31 is 31 days",
    });
    // January cut to 2–31 (30 days, its span) is not a month of the header's period.
    const r = edited(2, ["analysis", "history", "months", 0, "from"], "2025-01-02");
    (((r[2] as Json).analysis as Json).history as { months: Json[] }).months[0]!.days = 30;
    const e = errorOf(() => combinePartials([r]));
    expect(e.path).toEqual([0, 2, "analysis", "history", "months", 0, "from"]);
    expect(e.message).toBe(
      'combinePartials: partial 0, record 2: analysis.history.months[0].from: "2025-01-02", but month 1 of the options\' period 2025-01-01 to 2025-03-31 is 2025-01, 2025-01-01 to 2025-01-31 (31 days) (in partial 0, record 0)',
    );
  });

  it("gap 5: header options that the SKU records were not computed with, named at the record", () => {
    const option = (path: (string | number)[], value: unknown) =>
      refusal(0, ["options", ...path], value);
    expect(option(["excessCoverDays"], 1e308)).toEqual({
      ...at(1, "analysis", "excess", "coverDays"),
      message:
        "combinePartials: partial 0, record 1: analysis.excess.coverDays: 180, but the options' excessCoverDays is 1e+308 (in partial 0, record 0)",
    });
    // A was last issued 77 days before asOf: active with slowDays 90, slow with 30.
    expect(option(["slowDays"], 30)).toEqual({
      ...at(1, "analysis", "status", "status"),
      message:
        'combinePartials: partial 0, record 1: analysis.status.status: "active", but the options\' slowDays 30, deadDays 180 and movementBasis "issue" make it "slow" (in partial 0, record 0)',
    });
    // A's lot L1 expires 20 days after asOf: expiring within 30 days, not within 10.
    expect(option(["nearExpiryDays"], 10)).toEqual({
      ...at(1, "analysis", "expiry", "expiring", 0, "expiresOn"),
      message:
        "combinePartials: partial 0, record 1: analysis.expiry.expiring[0].expiresOn: 2025-04-20 is 20 days after asOf 2025-03-31, beyond the options' nearExpiryDays 10 (in partial 0, record 0)",
    });
    // Turnover 0.444… over 90 days: 1.80… a year of 365 days, 1.77… of 360.
    expect(option(["daysPerYear"], 360)).toMatchObject({
      ...at(1, "analysis", "annualizedTurnover"),
      message: expect.stringMatching(
        /^combinePartials: partial 0, record 1: analysis\.annualizedTurnover: 1\.80\d+, but analysis\.turnover\.turnover 0\.444\d+ over 90 days with the options' daysPerYear 360 is 1\.77\d+ \(in partial 0, record 0\)$/,
      ),
    });
    // No lead time anywhere: no safety stock; with the header's 7 days, A's demand would have one.
    expect(option(["replenishment", "leadTimeDays"], 7)).toMatchObject({
      ...at(1, "analysis", "replenishment", "safetyStock"),
      message: expect.stringContaining(
        'analysis.replenishment.safetyStock: null, but the options\' replenishment settings with the SKU\'s master data (method "basic", bucket "day", serviceLevel 0.95, leadTimeDays 7,',
      ),
    });
    expect(option(["replenishment", "method"], "periodic")).toMatchObject({
      ...at(1, "analysis", "replenishment", "method"),
      message: expect.stringContaining(
        'analysis.replenishment.method: "basic", but the options\' replenishment.method "periodic"',
      ),
    });
    // Months kept by records whose header does not group by month.
    expect(option(["groupBy"], [])).toMatchObject({
      ...at(1, "analysis", "history", "months"),
      message: expect.stringContaining(
        'analysis.history.months: 3 months, but the options\' groupBy has no "month"',
      ),
    });
  });
});

describe("combinePartials: warnings depend on the shards' contents, not their order (found by an audit)", () => {
  const options: AnalyzeLedgerOptions = { period: { from: "2025-01-01", to: "2025-03-31" } };
  // Both shards' rows are out of date order (an unsorted_input warning each: A's on its row 1, B's
  // on its row 2; one is kept), and in each shard the stock falls below zero on its own row 2 (two
  // negative_stock warnings on the same row number). Before the fix, the first shard's
  // unsorted_input warning was kept and the tie kept the shards' order.
  const a = toPartialRecords(
    [
      { sku: "A", date: "2025-01-09", type: "receipt", quantity: 10, unitCost: 2 },
      { sku: "A", date: "2025-01-02", type: "receipt", quantity: 10, unitCost: 2 },
      { sku: "A", date: "2025-01-03", type: "issue", quantity: 50 },
    ],
    options,
  );
  const b = toPartialRecords(
    [
      { sku: "B", date: "2025-01-02", type: "receipt", quantity: 1, unitCost: 2 },
      { sku: "B", date: "2025-01-05", type: "receipt", quantity: 1, unitCost: 2 },
      { sku: "B", date: "2025-01-03", type: "issue", quantity: 5 },
    ],
    options,
  );

  it("gives the same warnings whichever shard comes first", () => {
    const ab = combinePartials([a, b]).warnings;
    expect(combinePartials([b, a]).warnings).toEqual(ab);
    expect(combinePartials([[...b, ...a].reverse()]).warnings).toEqual(ab);
    // One unsorted_input warning; the negative stock of both shards on their row 2, by SKU.
    expect(ab.map((w) => [w.code, w.row, w.sku])).toEqual([
      ["unsorted_input", 1, undefined],
      ["negative_stock", 2, "A"],
      ["negative_stock", 2, "B"],
    ]);
  });
});

describe("docs/scaling.md: the partial format", () => {
  it("gives the format version that this invkpi writes, in every table", () => {
    const text = readFileSync(new URL("../../docs/scaling.md", import.meta.url), "utf8");
    expect(text).toContain(`## The partial format (version ${PARTIAL_FORMAT_VERSION})`);
    const versionRows = text.split("\n").filter((line) => line.startsWith("| `invkpiPartial`"));
    expect(versionRows).toHaveLength(2);
    for (const row of versionRows) {
      const versions = [...row.matchAll(/`(\d+)`/g)].map((m) => Number(m[1]));
      expect(versions, row).toEqual([PARTIAL_FORMAT_VERSION]);
    }
  });
});

describe("combinePartials: replenishment figures computed again are compared within 1e-9", () => {
  // The shards of a cluster job may run another Node version than the combine step, whose
  // Math.log and Math.exp need not agree in the last bit: a figure one ulp off is the same figure.
  const options: AnalyzeLedgerOptions = {
    period: Q1_2024,
    replenishment: { leadTimeDays: 7 },
  };
  const withSafetyStock = (factor: number) => {
    const records = parsed(toPartialRecords(WORKED_LEDGER, options));
    const sku = records.find(
      (r) =>
        r.kind === "sku" &&
        typeof (r as { analysis: { replenishment: { safetyStock: unknown } } }).analysis
          .replenishment.safetyStock === "number",
    ) as { analysis: { replenishment: { safetyStock: number } } };
    sku.analysis.replenishment.safetyStock *= factor;
    return records as unknown as PartialRecord[];
  };

  it("accepts a last-bit difference and refuses a real one", () => {
    const single = analyzeLedger(WORKED_LEDGER, options);
    const combined = combinePartials([withSafetyStock(1 + 2 ** -52)]);
    expect(combined.rows.length).toBe(single.rows.length);
    const error = errorOf(() => combinePartials([withSafetyStock(1.01)]));
    expect(error.message).toMatch(/analysis\.replenishment\.safetyStock: [\d.]+, but the options'/);
  });
});
